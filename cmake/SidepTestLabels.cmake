# CTest labels: every test says what it needs, so that a subset can run where the rest
# cannot (`ctest -L unit` on a laptop without PostgreSQL, node or namespaces). A test with
# no label, or with a label outside this list, is a configure error: sidep_add_test() and
# sidep_label_test() check the list, and sidep_check_test_labels() at the end of the
# top-level CMakeLists.txt catches any add_test() that was given none.
#
#   unit         needs nothing but the build: no display, no PostgreSQL, no node, no
#                namespace, no sidep-server process (it may run sidepctl or a helper of
#                its own as a child process)
#   gui          creates a QApplication (run offscreen: QT_QPA_PLATFORM=offscreen)
#   integration  runs sidep-server or an outside program as a peer (nginx, openssl
#                s_server, node, unshare, the PostgreSQL cluster)
#   postgres     needs the throw-away PostgreSQL cluster (scripts/pg-test-cluster)
#   node         needs node and the ajv modules of tests/fhir (scripts/install-deps)
#   namespace    needs `unshare` (a user and mount namespace)
#   slow         takes more than about 15 s on a developer's machine
#   fuzz         a libFuzzer run from its seeds (build-asan only, SIDEP_FUZZ=ON)
#
# `unit` goes with none of gui, integration, postgres, node, namespace or fuzz (it may be
# slow): a test that needs a QApplication is `gui`, not `unit`.
set(SIDEP_TEST_LABELS unit gui integration postgres node namespace slow fuzz)

# sidep_label_test(<test> <label>...): sets the test's labels after checking them.
function(sidep_label_test test)
    set(labels ${ARGN})
    if(NOT labels)
        message(FATAL_ERROR "Test ${test} has no LABELS: give it those of ${SIDEP_TEST_LABELS} "
            "that describe it (cmake/SidepTestLabels.cmake says what each means)")
    endif()
    foreach(label IN LISTS labels)
        if(NOT label IN_LIST SIDEP_TEST_LABELS)
            message(FATAL_ERROR "Test ${test}: unknown label '${label}' (known: ${SIDEP_TEST_LABELS})")
        endif()
    endforeach()
    if("unit" IN_LIST labels)
        foreach(label IN ITEMS gui integration postgres node namespace fuzz)
            if(label IN_LIST labels)
                message(FATAL_ERROR "Test ${test}: 'unit' and '${label}' exclude each other")
            endif()
        endforeach()
    endif()
    set_tests_properties(${test} PROPERTIES LABELS "${labels}")
endfunction()

# sidep_check_test_labels(): fails the configure if a test of the current directory has no
# label (CMake 3.25 reads a test's properties only in its own directory, hence one deferred
# call per directory).
function(sidep_check_test_labels)
    get_property(tests DIRECTORY PROPERTY TESTS)
    foreach(test IN LISTS tests)
        get_test_property(${test} LABELS labels)
        if(NOT labels)
            message(FATAL_ERROR "Test ${test} (${CMAKE_CURRENT_SOURCE_DIR}) has no LABELS: use "
                "sidep_add_test(... LABELS ...) or sidep_label_test() (cmake/SidepTestLabels.cmake)")
        endif()
    endforeach()
endfunction()
