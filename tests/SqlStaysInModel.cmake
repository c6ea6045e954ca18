# The store's SQL stays in model/, each table with the class that owns it: nothing in sync/,
# ui/, app/ or forms/ reaches the database handle (Store's accessor, Database,
# Transaction) or Qt's SQL classes. Store::database() is private to model/ already; this
# also catches a Database or a query opened on the side.
#   cmake -DSOURCE_DIR=<source tree> -P tests/SqlStaysInModel.cmake

cmake_minimum_required(VERSION 3.25)

if(NOT SOURCE_DIR OR NOT IS_DIRECTORY "${SOURCE_DIR}/model")
    message(FATAL_ERROR "SOURCE_DIR=<source tree> is required")
endif()

# What is SQL, as a regular expression each; a name counts only as a whole word.
set(word_start "(^|[^A-Za-z0-9_])")
set(word_end "([^A-Za-z0-9_]|$)")
set(patterns
    "[.>]database\\(\\)"
    "${word_start}QSql[A-Za-z]*${word_end}"
    "${word_start}Transaction${word_end}"
    "${word_start}Database${word_end}"
    "#include [<\"]Database\\.h[>\"]")

set(failures "")
foreach(folder sync ui app forms)
    file(GLOB_RECURSE files LIST_DIRECTORIES false
        "${SOURCE_DIR}/${folder}/*.cpp" "${SOURCE_DIR}/${folder}/*.h"
        "${SOURCE_DIR}/${folder}/*.ui")
    foreach(file IN LISTS files)
        file(READ "${file}" text)
        # One line per list item, so that a match can be shown with its line.
        string(REPLACE ";" "," text "${text}")
        string(REPLACE "\n" ";" lines "${text}")
        set(number 0)
        foreach(line IN LISTS lines)
            math(EXPR number "${number} + 1")
            foreach(pattern IN LISTS patterns)
                if(line MATCHES "${pattern}")
                    file(RELATIVE_PATH name "${SOURCE_DIR}" "${file}")
                    string(STRIP "${line}" shown)
                    string(APPEND failures "  ${name}:${number}: ${shown}\n")
                    break()
                endif()
            endforeach()
        endforeach()
    endforeach()
endforeach()

if(failures)
    message(FATAL_ERROR "SQL outside model/ (give the owning class in model/ a method):\n"
        "${failures}")
endif()
message(STATUS "no SQL outside model/")
