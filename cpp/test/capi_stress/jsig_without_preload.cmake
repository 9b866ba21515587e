# The control for capi_jsig_host_handler_after_open: the same host WITHOUT libjsig must not come
# through, which shows that the preload is what the passing test depends on. The JVM notices the
# replaced handler (with -Xcheck:jni it prints "SIGSEGV handler modified") and its next fault in
# compiled code reaches the host's handler, which lets the process die.
# Arguments: -DHOST=<jb_capi_jsig_host> -DCLASSES=<test classes> -DJAVA_HOME=<jdk>
set(ENV{JAVA_HOME} "${JAVA_HOME}")
unset(ENV{LD_PRELOAD})
execute_process(COMMAND "${HOST}" "${CLASSES}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
  TIMEOUT 120)
if(rc EQUAL 0 OR out MATCHES "jsig host: ok")
  message(FATAL_ERROR "without libjsig the host came through (rc ${rc}); the libjsig test proves nothing:\n${out}\n${err}")
endif()
message(STATUS "without libjsig: ${rc} (expected); ${err}")
