# Writes SidepVersion.h (cmake -P, run at every build): the project's version and the git
# commit of the sources. configure_file() leaves the file alone when nothing changed, so
# only a new commit recompiles what includes it.
#   -DSOURCE_DIR=... -DINPUT=SidepVersion.h.in -DOUTPUT=.../SidepVersion.h
#   -DPROJECT_VERSION=X.Y.Z -DPROJECT_VERSION_MAJOR=X -DPROJECT_VERSION_MINOR=Y
#   -DPROJECT_VERSION_PATCH=Z
set(SIDEP_GIT_COMMIT unknown)
find_program(GIT_EXECUTABLE git)
if(GIT_EXECUTABLE)
    # The sources' own repository only: a tarball unpacked inside another checkout must not
    # take that checkout's commit.
    execute_process(COMMAND ${GIT_EXECUTABLE} -C ${SOURCE_DIR} rev-parse --show-toplevel
        OUTPUT_VARIABLE top RESULT_VARIABLE top_result
        OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    if(top_result EQUAL 0)
        file(REAL_PATH "${top}" top)
        file(REAL_PATH "${SOURCE_DIR}" source)
    endif()
    if(top_result EQUAL 0 AND top STREQUAL source)
        execute_process(COMMAND ${GIT_EXECUTABLE} -C ${SOURCE_DIR} rev-parse --short=12 HEAD
            OUTPUT_VARIABLE commit RESULT_VARIABLE commit_result
            OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
        if(commit_result EQUAL 0 AND commit MATCHES "^[0-9a-f]+$")
            set(SIDEP_GIT_COMMIT ${commit})
        endif()
    endif()
endif()
configure_file(${INPUT} ${OUTPUT} @ONLY)
