# The arrows docs/architecture.md says must never exist, checked on the link graph CMake
# wrote at configure time (cmake/SidepLinkGraph.cmake):
#   cmake -DGRAPH=<build>/link-graph.txt -P tests/LinkGraph.cmake
# "reaches" is transitive: a library linked by a library linked by the target counts, since
# every static library's links end up in the programs that link it.

cmake_minimum_required(VERSION 3.25)

if(NOT GRAPH OR NOT EXISTS "${GRAPH}")
    message(FATAL_ERROR "GRAPH=<build>/link-graph.txt is required (written at configure time)")
endif()

file(STRINGS "${GRAPH}" lines)
set(nodes)
foreach(line IN LISTS lines)
    if(NOT line MATCHES "^([^ ]+):(.*)$")
        message(FATAL_ERROR "unreadable line in ${GRAPH}: ${line}")
    endif()
    set(node ${CMAKE_MATCH_1})
    string(STRIP "${CMAKE_MATCH_2}" links)
    string(REPLACE " " ";" links "${links}")
    list(APPEND nodes ${node})
    set("links_${node}" "${links}")
endforeach()

set(failures "")

# forbid(<target> <reason> <target it must not reach>...)
function(forbid target reason)
    if(NOT target IN_LIST nodes)
        string(APPEND failures "  ${target} is not in the link graph: renamed? Update tests/LinkGraph.cmake\n")
        set(failures "${failures}" PARENT_SCOPE)
        return()
    endif()
    # Breadth first from the target, remembering by which edge each node was reached, so
    # that a failure names the whole path.
    set(queue ${target})
    set(visited ${target})
    set("via_${target}" "")
    while(queue)
        list(POP_FRONT queue node)
        foreach(link IN LISTS "links_${node}")
            if(NOT link IN_LIST visited)
                list(APPEND visited ${link})
                set("via_${link}" ${node})
                list(APPEND queue ${link})
            endif()
        endforeach()
    endwhile()
    foreach(forbidden IN LISTS ARGN)
        if(forbidden IN_LIST visited)
            set(path ${forbidden})
            set(node ${forbidden})
            while(NOT node STREQUAL target)
                set(node ${via_${node}})
                list(PREPEND path ${node})
            endwhile()
            list(JOIN path " -> " path)
            string(APPEND failures "  ${target} reaches ${forbidden} (${path}): ${reason}\n")
        endif()
    endforeach()
    set(failures "${failures}" PARENT_SCOPE)
endfunction()

forbid(sidep_wire "the wire format is what both sides speak: no store, no network, no SQL"
    Qt6::Sql Qt6::Network Qt6::Gui Qt6::Widgets OpenSSL::Crypto OpenSSL::SSL
    sidep_model sidep_sync sidep_codes sidep_server_core sidep_ui sidepctl_core sidep_bootstrap)
forbid(sidep_model "the store is the workstation's data at rest: it speaks to no network and draws nothing"
    Qt6::Network Qt6::Gui Qt6::Widgets
    sidep_sync sidep_codes sidep_server_core sidep_ui sidepctl_core)
forbid(sidep_codes "nothing below sidep_ui draws a widget or links a front end"
    Qt6::Widgets sidep_sync sidep_server_core sidep_ui sidepctl_core)
forbid(sidep_sync "the sync engine reports by signals and is no front end"
    Qt6::Widgets sidep_codes sidep_server_core sidep_ui sidepctl_core)
forbid(sidep_server_core "the server speaks the wire format; it carries neither the workstation's store nor its sync, GUI, code images or command line"
    sidep_model sidep_sync sidep_codes sidep_ui sidepctl_core Qt6::Widgets Qt6::Gui)
forbid(sidep-server "the server's program carries neither the workstation's store nor its sync"
    sidep_model sidep_sync sidep_codes sidep_ui sidepctl_core)
forbid(sidep_bootstrap "every program links the process hardening: it must stay small"
    sidep_model sidep_wire Qt6::Network Qt6::Sql)

if(failures)
    message(FATAL_ERROR "Arrows that must never exist (docs/architecture.md):\n${failures}")
endif()
message(STATUS "Link graph: no forbidden arrow (${GRAPH})")
