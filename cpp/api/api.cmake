# libjavabridge's C API (C programs call Java): public headers in include/javabridge/,
# sources in cpp/api/, built into the same libjavabridge as the Java natives.
# libjvm is found with dlopen at run time, never linked.
if(NOT UNIX)
  # dlopen, pthread keys and the libjvm layouts are POSIX; a Windows port needs LoadLibrary
  # and FlsAlloc equivalents. Until then the Windows library carries only the Java natives.
  message(STATUS "javabridge C API: POSIX only, not built for ${CMAKE_SYSTEM_NAME}")
  return()
endif()
find_package(Threads REQUIRED)

# The parts without JNI, in their own library so unit tests and fuzzers can use them alone.
add_library(jb_api_pure STATIC
  cpp/api/utf8.c
  cpp/api/signature.c
  cpp/api/classpath.c
  cpp/api/handles.c
  cpp/api/jvm_discovery.c)
target_include_directories(jb_api_pure PUBLIC cpp/api include)
target_link_libraries(jb_api_pure PUBLIC Threads::Threads ${CMAKE_DL_LIBS})

target_sources(javabridge PRIVATE
  cpp/api/call.c
  cpp/api/java_exception.c
  cpp/api/last_error.c
  cpp/api/method.c
  cpp/api/object.c
  cpp/api/thread_state.c
  cpp/api/version.c
  cpp/api/vm.c)
target_include_directories(javabridge PUBLIC
  $<BUILD_INTERFACE:${CMAKE_SOURCE_DIR}/include>)
target_include_directories(javabridge PRIVATE cpp/api)
target_compile_definitions(javabridge PRIVATE JB_BUILDING_LIBRARY)
target_link_libraries(javabridge PRIVATE jb_api_pure Threads::Threads ${CMAKE_DL_LIBS})

# The C example: links only libjavabridge and libc.
add_executable(javabridge_c_example examples/c/javabridge_example.c)
target_link_libraries(javabridge_c_example PRIVATE javabridge)
set_target_properties(javabridge_c_example PROPERTIES
  BUILD_RPATH "${JB_NATIVES_DIR}"
  C_VISIBILITY_PRESET default)

if(BUILD_TESTING)
  set(JB_TEST_CLASSES_DIR "${CMAKE_BINARY_DIR}/test-classes" CACHE PATH "Compiled Java test classes")
  set(JB_TEST_JAVA_HOME "${JAVA_HOME}")
  if(NOT JB_TEST_JAVA_HOME)
    get_filename_component(JB_TEST_JAVA_HOME "${JAVA_INCLUDE_PATH}" DIRECTORY)
  endif()

  # Pure C: no JVM.
  file(GLOB JB_API_UNIT_TESTS CONFIGURE_DEPENDS cpp/test/api_unit/*.cpp)
  add_executable(jb_api_unit_tests ${JB_API_UNIT_TESTS})
  target_link_libraries(jb_api_unit_tests PRIVATE jb_api_pure GTest::gtest_main)
  jb_test_program(jb_api_unit_tests
    PROPERTIES ENVIRONMENT "JB_TEST_JAVA_HOME=${JB_TEST_JAVA_HOME}")

  # Against a real JVM: one process (so one JVM) per test.
  file(GLOB JB_CAPI_TESTS CONFIGURE_DEPENDS cpp/test/capi/*.cpp)
  add_executable(jb_capi_tests ${JB_CAPI_TESTS})
  target_include_directories(jb_capi_tests PRIVATE cpp/test/capi ${JNI_INCLUDE_DIRS})
  target_link_libraries(jb_capi_tests PRIVATE javabridge GTest::gtest Threads::Threads ${CMAKE_DL_LIBS})
  set_target_properties(jb_capi_tests PROPERTIES BUILD_RPATH "${JB_NATIVES_DIR}")
  # Compiled in: gtest_discover_tests splits a list-valued ENVIRONMENT into separate properties.
  target_compile_definitions(jb_capi_tests PRIVATE "JB_TEST_CLASSES_DEFAULT=\"${JB_TEST_CLASSES_DIR}\"")
  jb_test_program(jb_capi_tests EMBEDS_JVM
    PROPERTIES ENVIRONMENT "JAVA_HOME=${JB_TEST_JAVA_HOME}" TIMEOUT 120)

  include(cpp/test/capi_stress/stress.cmake)

  # Test-only natives that a JUnit test loads to call libjavabridge from inside a running JVM.
  add_library(jb_capi_join_test SHARED cpp/test/capi_join/join_native.c)
  target_include_directories(jb_capi_join_test PRIVATE ${JNI_INCLUDE_DIRS})
  target_link_libraries(jb_capi_join_test PRIVATE javabridge Threads::Threads)
  set_target_properties(jb_capi_join_test PROPERTIES BUILD_RPATH "${JB_NATIVES_DIR}")

  add_test(NAME capi_headers_compile_alone
    COMMAND ${CMAKE_COMMAND} -DC_COMPILER=${CMAKE_C_COMPILER} -DCXX_COMPILER=${CMAKE_CXX_COMPILER}
      -DINCLUDE_DIR=${CMAKE_SOURCE_DIR}/include -DWORK_DIR=${CMAKE_BINARY_DIR}/header-check
      -P ${CMAKE_SOURCE_DIR}/cpp/api/check_headers.cmake)
  add_test(NAME capi_no_libjvm_needed
    COMMAND ${CMAKE_COMMAND} -DLIBRARY=$<TARGET_FILE:javabridge> -DREADELF=${CMAKE_READELF}
      -P ${CMAKE_SOURCE_DIR}/cpp/api/check_no_libjvm.cmake)
  add_test(NAME capi_c_example COMMAND javabridge_c_example)
  set_tests_properties(capi_c_example PROPERTIES
    ENVIRONMENT "JAVA_HOME=${JB_TEST_JAVA_HOME};JB_EXAMPLE_CLASSPATH=${JB_NATIVES_DIR}/../.."
    PASS_REGULAR_EXPRESSION "Math.max\\(3, 7\\) = 7.*java.lang.IllegalArgumentException.*done"
    TIMEOUT 60)
endif()
