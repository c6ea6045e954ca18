# Writes the Debian copyright file (cmake -P): packaging/debian/copyright.in with the
# EUPL-1.2 text of LICENSE as the body of its License paragraph (each line indented by a
# space, blank lines as " ."), so that the licence is written once, in LICENSE.
#   -DINPUT=copyright.in -DLICENSE=LICENSE -DOUTPUT=copyright
#   -DSIDEP_PACKAGE_MAINTAINER=... -DSIDEP_HOMEPAGE_URL=...
file(STRINGS ${LICENSE} lines ENCODING UTF-8)
set(EUPL_TEXT "")
foreach(line IN LISTS lines)
    string(STRIP "${line}" stripped)
    if(stripped STREQUAL "")
        string(APPEND EUPL_TEXT " .\n")
    else()
        string(APPEND EUPL_TEXT " ${line}\n")
    endif()
endforeach()
string(REGEX REPLACE "\n$" "" EUPL_TEXT "${EUPL_TEXT}")
configure_file(${INPUT} ${OUTPUT} @ONLY)
