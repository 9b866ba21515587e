# Runs a test program and passes only if it exits 0 AND its output matches EXPECT. ctest's
# PASS_REGULAR_EXPRESSION alone ignores the exit status, so a crash after the marker would pass.
# Arguments: -DPROGRAM=<exe> [-DARGS=<a;b>] -DEXPECT=<regex> [-DFAIL=<regex>] [-DPRELOAD=<LD_PRELOAD>]
# PRELOAD is set only for the program, not for this cmake process (an ASan runtime preloaded into
# cmake itself would report cmake's own leaks).
if(NOT PROGRAM OR NOT DEFINED EXPECT)
  message(FATAL_ERROR "expect_output.cmake: PROGRAM and EXPECT are required")
endif()
if(DEFINED PRELOAD)
  set(ENV{LD_PRELOAD} "${PRELOAD}")
endif()
execute_process(COMMAND "${PROGRAM}" ${ARGS} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(all "${out}${err}")
message("${all}")
if(NOT rc STREQUAL "0")
  message(FATAL_ERROR "${PROGRAM} exited with '${rc}', not 0")
endif()
if(NOT all MATCHES "${EXPECT}")
  message(FATAL_ERROR "${PROGRAM}'s output does not match '${EXPECT}'")
endif()
if(DEFINED FAIL AND all MATCHES "${FAIL}")
  message(FATAL_ERROR "${PROGRAM}'s output matches '${FAIL}'")
endif()
