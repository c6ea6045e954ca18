# One short fuzzing run for CTest: from the seeds, for SECONDS, in a fresh work folder (new
# inputs go there, never into the seed corpus of the repository).
# cmake -DFUZZER=... -DSEEDS=... -DWORK=... -DSECONDS=... -P RunFuzzer.cmake
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/corpus)
# -timeout: an input that takes this long is a hang, reported like a crash.
execute_process(
    COMMAND ${FUZZER} -max_total_time=${SECONDS} -timeout=25 -print_final_stats=1
        -artifact_prefix=${WORK}/ ${WORK}/corpus ${SEEDS}
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    file(GLOB findings ${WORK}/crash-* ${WORK}/leak-* ${WORK}/timeout-* ${WORK}/oom-*)
    message(FATAL_ERROR "${FUZZER} failed (${result}); the input: ${findings}")
endif()
