# The C API stress suite (issue 6): a program of its own, since its tests take seconds to minutes
# each; included from cpp/api/api.cmake inside if(BUILD_TESTING), after jb_capi_tests.
file(GLOB JB_CAPI_STRESS_TESTS CONFIGURE_DEPENDS cpp/test/capi_stress/*.cpp)
add_executable(jb_capi_stress ${JB_CAPI_STRESS_TESTS})
target_include_directories(jb_capi_stress PRIVATE cpp/test/capi cpp/test/capi_stress ${JNI_INCLUDE_DIRS})
target_link_libraries(jb_capi_stress PRIVATE javabridge GTest::gtest Threads::Threads ${CMAKE_DL_LIBS})
set_target_properties(jb_capi_stress PROPERTIES BUILD_RPATH "${JB_NATIVES_DIR}")
target_compile_definitions(jb_capi_stress PRIVATE "JB_TEST_CLASSES_DEFAULT=\"${JB_TEST_CLASSES_DIR}\"")
jb_test_program(jb_capi_stress EMBEDS_JVM
  PROPERTIES ENVIRONMENT "JAVA_HOME=${JB_TEST_JAVA_HOME}" TIMEOUT 300)

# The host signal rule: libjsig must be preloaded for a host handler installed after the JVM.
add_executable(jb_capi_jsig_host cpp/test/capi_stress/jsig_host.c)
jb_embeds_jvm(jb_capi_jsig_host)
target_link_libraries(jb_capi_jsig_host PRIVATE javabridge)
set_target_properties(jb_capi_jsig_host PROPERTIES BUILD_RPATH "${JB_NATIVES_DIR}")
if(JB_SANITIZE)
  target_sources(jb_capi_jsig_host PRIVATE "${CMAKE_CURRENT_LIST_DIR}/../../sanitize/jvm_sanitizer_defaults.c")
endif()
set(JB_JSIG_PRELOAD "${JB_TEST_JAVA_HOME}/lib/libjsig.so")
if(JB_SANITIZE)
  # The ASan runtime must come first in the preload list, before libjsig.
  execute_process(COMMAND ${CMAKE_C_COMPILER} -print-file-name=libasan.so
    OUTPUT_VARIABLE JB_ASAN_RUNTIME OUTPUT_STRIP_TRAILING_WHITESPACE)
  set(JB_JSIG_PRELOAD "${JB_ASAN_RUNTIME}:${JB_JSIG_PRELOAD}")
endif()
add_test(NAME capi_jsig_host_handler_after_open COMMAND ${CMAKE_COMMAND}
  -DPROGRAM=$<TARGET_FILE:jb_capi_jsig_host> "-DARGS=${JB_TEST_CLASSES_DIR}" "-DPRELOAD=${JB_JSIG_PRELOAD}"
  "-DEXPECT=jsig host: ok" -DFAIL=FAILED -P ${CMAKE_SOURCE_DIR}/cpp/cmake/expect_output.cmake)
set_tests_properties(capi_jsig_host_handler_after_open PROPERTIES
  ENVIRONMENT "JAVA_HOME=${JB_TEST_JAVA_HOME}"
  LABELS "jvm;stress"
  TIMEOUT 300)
add_test(NAME capi_jsig_host_without_preload_fails
  COMMAND ${CMAKE_COMMAND} -DHOST=$<TARGET_FILE:jb_capi_jsig_host> -DCLASSES=${JB_TEST_CLASSES_DIR}
    -DJAVA_HOME=${JB_TEST_JAVA_HOME} -P ${CMAKE_CURRENT_LIST_DIR}/jsig_without_preload.cmake)
set_tests_properties(capi_jsig_host_without_preload_fails PROPERTIES LABELS "jvm;stress" TIMEOUT 180)
