# @CExport: Java methods exported to C. The runtime support (cexport.h) is part of libjavabridge;
# the C that the annotation processor generates is compiled into the programs that use it (the
# example and the tests), never into libjavabridge. Maven's cexport-* javac passes write it before
# CMake runs (pom.xml).
target_sources(javabridge PRIVATE cpp/export/cexport_runtime.c)

set(JB_CEXPORT_DIR "${CMAKE_BINARY_DIR}/../generated-sources/cexport" CACHE PATH
  "Where the processor wrote the example's C (guide_exports.h/.c)")
set(JB_CEXPORT_TEST_DIR "${CMAKE_BINARY_DIR}/../generated-test-sources/cexport" CACHE PATH
  "Where the processor wrote the test exports' C (export_target.h/.c)")
set(JB_CEXPORT_TEST_CLASSES "${CMAKE_BINARY_DIR}/../export-test-classes" CACHE PATH
  "The compiled Java class the export tests call")
foreach(generated "${JB_CEXPORT_DIR}/guide_exports.c" "${JB_CEXPORT_TEST_DIR}/export_target.c")
  if(NOT EXISTS "${generated}")
    if(BUILD_TESTING AND NOT CMAKE_CROSSCOMPILING)
      message(FATAL_ERROR "${generated} is missing: the @CExport processor writes it during 'mvn process-classes'")
    endif()
    # A library-only build (for example a cross build) needs neither the example nor the tests.
    message(STATUS "@CExport example skipped: ${generated} was not generated")
    return()
  endif()
endforeach()
# Generated code must build cleanly under the strictest flags a user might use.
set_source_files_properties("${JB_CEXPORT_DIR}/guide_exports.c" "${JB_CEXPORT_TEST_DIR}/export_target.c"
  PROPERTIES COMPILE_OPTIONS "-pedantic")

# The C program that calls the guide's functions, written in Java (GuideExports).
add_executable(export_demo examples/c/export_demo.c "${JB_CEXPORT_DIR}/guide_exports.c")
jb_embeds_jvm(export_demo)
target_include_directories(export_demo PRIVATE "${JB_CEXPORT_DIR}")
target_link_libraries(export_demo PRIVATE javabridge)
set_target_properties(export_demo PROPERTIES BUILD_RPATH "${JB_NATIVES_DIR}")

# These embed a JVM, which no cross build can run here (see cpp/api/api.cmake).
if(BUILD_TESTING AND NOT CMAKE_CROSSCOMPILING)
  # Against a real JVM, one process (so one JVM) per test.
  file(GLOB JB_EXPORT_TESTS CONFIGURE_DEPENDS cpp/test/export/*.cpp)
  add_executable(jb_export_tests ${JB_EXPORT_TESTS} "${JB_CEXPORT_TEST_DIR}/export_target.c")
  target_include_directories(jb_export_tests PRIVATE "${JB_CEXPORT_TEST_DIR}")
  target_link_libraries(jb_export_tests PRIVATE javabridge GTest::gtest_main Threads::Threads)
  set_target_properties(jb_export_tests PROPERTIES BUILD_RPATH "${JB_NATIVES_DIR}")
  # Compiled in rather than set in ENVIRONMENT: gtest_discover_tests (CMake 3.25) splits a
  # two-variable ENVIRONMENT list into separate properties and the second is lost.
  target_compile_definitions(jb_export_tests PRIVATE "JB_CEXPORT_TEST_CLASSES=\"${JB_CEXPORT_TEST_CLASSES}\"")
  jb_test_program(jb_export_tests EMBEDS_JVM
    PROPERTIES ENVIRONMENT "JAVA_HOME=${JB_TEST_JAVA_HOME}" TIMEOUT 120)

  add_test(NAME export_headers_compile_alone
    COMMAND ${CMAKE_COMMAND} -DC_COMPILER=${CMAKE_C_COMPILER} -DCXX_COMPILER=${CMAKE_CXX_COMPILER}
      -DINCLUDE_DIR=${CMAKE_SOURCE_DIR}/include
      "-DHEADERS=${JB_CEXPORT_DIR}/guide_exports.h;${JB_CEXPORT_TEST_DIR}/export_target.h"
      -DWORK_DIR=${CMAKE_BINARY_DIR}/export-header-check
      -P ${CMAKE_SOURCE_DIR}/cpp/export/check_generated_headers.cmake)

  # Through expect_output.cmake: the output AND the exit status (PASS_REGULAR_EXPRESSION alone ignores it).
  add_test(NAME export_demo COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:export_demo>
    "-DARGS=${JB_NATIVES_DIR}/../.."
    "-DEXPECT=multiply\\(6, 7\\) = 42.*divide\\(1, 0\\) failed: JB_EJAVA.*division by zero.*all done"
    -P ${CMAKE_SOURCE_DIR}/cpp/cmake/expect_output.cmake)
  set_tests_properties(export_demo PROPERTIES ENVIRONMENT "JAVA_HOME=${JB_TEST_JAVA_HOME}" TIMEOUT 60)
  # The canary for expect_output.cmake: the marker printed, then a non-zero exit. Must fail.
  add_test(NAME expect_output_exit_status_canary COMMAND ${CMAKE_COMMAND} -DPROGRAM=/bin/sh
    "-DARGS=-c;echo all done && exit 3" "-DEXPECT=all done" -P ${CMAKE_SOURCE_DIR}/cpp/cmake/expect_output.cmake)
  set_tests_properties(expect_output_exit_status_canary PROPERTIES WILL_FAIL TRUE LABELS nojvm TIMEOUT 30)
endif()
