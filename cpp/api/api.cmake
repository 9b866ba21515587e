# libjavabridge's C API (C programs call Java): public headers in include/javabridge/,
# sources in cpp/api/, built into the same libjavabridge as the Java natives.
# libjvm (jvm.dll) is loaded at run time, never linked.
# The OS-specific parts (loading the JVM library, thread-exit detach, listing folders, path
# separators) go through cpp/platform; locks and the destroyer thread use pthreads, which on
# Windows is mingw-w64's winpthreads, linked statically into the DLL.
find_package(Threads REQUIRED)

# The parts without JNI, in their own library so unit tests and fuzzers can use them alone.
add_library(jb_api_pure STATIC
  cpp/api/utf8.c
  cpp/api/signature.c
  cpp/api/classpath.c
  cpp/api/handles.c
  cpp/api/jvm_discovery.c
  cpp/api/thread_state.c)
# thread_state.h names JNIEnv: only the type, no JNI call.
target_include_directories(jb_api_pure PUBLIC cpp/api include ${JNI_INCLUDE_DIRS})
target_link_libraries(jb_api_pure PUBLIC jb_platform Threads::Threads ${CMAKE_DL_LIBS})
if(WIN32)
  # gcc's posix thread model does not add winpthreads by itself; -static (jb_platform_library
  # and the toolchain's executables) takes the static libwinpthread.a.
  target_link_libraries(jb_api_pure PUBLIC pthread)
endif()

target_sources(javabridge PRIVATE
  cpp/api/array.c
  cpp/api/buffer.c
  cpp/api/ext_ids.c
  cpp/api/field.c
  cpp/api/loader.c
  cpp/api/natives.c
  cpp/api/object_array.c
  cpp/api/proxy.c
  cpp/api/run.c
  cpp/api/call.c
  cpp/api/call_fast.c
  cpp/api/java_exception.c
  cpp/api/jstring.c
  cpp/api/last_error.c
  cpp/api/method.c
  cpp/api/object.c
  cpp/api/version.c
  cpp/api/vm.c
  cpp/api/vm_destroy.c
  cpp/api/vm_ids.c)
if(WIN32)
  target_sources(javabridge PRIVATE cpp/api/dll_main_win32.c)
endif()
target_include_directories(javabridge PUBLIC
  $<BUILD_INTERFACE:${CMAKE_SOURCE_DIR}/include>)
target_include_directories(javabridge PRIVATE cpp/api)
target_compile_definitions(javabridge PRIVATE JB_BUILDING_LIBRARY)
target_link_libraries(javabridge PRIVATE jb_api_pure Threads::Threads ${CMAKE_DL_LIBS})

# The C example: links only libjavabridge and libc.
add_executable(javabridge_c_example examples/c/javabridge_example.c)
jb_embeds_jvm(javabridge_c_example)
target_link_libraries(javabridge_c_example PRIVATE javabridge)
set_target_properties(javabridge_c_example PROPERTIES
  BUILD_RPATH "${JB_NATIVES_DIR}"
  C_VISIBILITY_PRESET default)

# The showcase (examples/c-csv): Apache Commons CSV from C, its jars in a folder the Maven
# build fills (maven-dependency-plugin, target/showcase-jars).
add_executable(javabridge_csv_example examples/c-csv/csv_example.c)
jb_embeds_jvm(javabridge_csv_example)
target_link_libraries(javabridge_csv_example PRIVATE javabridge)
set_target_properties(javabridge_csv_example PROPERTIES
  BUILD_RPATH "${JB_NATIVES_DIR}"
  C_VISIBILITY_PRESET default)

if(BUILD_TESTING)
  # Pure C: no JVM. Runs natively, and cross-built under qemu and wine (scripts/test-cross.sh).
  file(GLOB JB_API_UNIT_TESTS CONFIGURE_DEPENDS cpp/test/api_unit/*.cpp)
  add_executable(jb_api_unit_tests ${JB_API_UNIT_TESTS})
  target_link_libraries(jb_api_unit_tests PRIVATE jb_api_pure GTest::gtest_main)
  if(NOT WIN32 AND NOT APPLE)
    # libjvm discovery's macOS tables, run here against fake JDK bundles (no Mac is reachable).
    add_executable(jb_discovery_macos_tests cpp/test/api_macos/jvm_discovery_macos_test.cpp cpp/api/jvm_discovery.c)
    target_compile_definitions(jb_discovery_macos_tests PRIVATE JBI_DISCOVERY_MACOS)
    target_include_directories(jb_discovery_macos_tests PRIVATE cpp/api cpp/test/api_unit)
    target_link_libraries(jb_discovery_macos_tests PRIVATE jb_platform GTest::gtest_main)
  endif()
  if(WIN32)
    # Loads javabridge.dll itself (LoadLibrary), so it does not link it.
    add_executable(jb_win32_unload_test cpp/test/win32/unload_test.c)
    add_dependencies(jb_win32_unload_test javabridge)
  endif()
endif()

# The rest embeds a JVM, which no cross build can run here (wine cannot run a Windows JDK's
# jvm.dll well enough, and an aarch64 JDK under qemu is the JUnit suite's job).
if(BUILD_TESTING AND NOT CMAKE_CROSSCOMPILING)
  set(JB_TEST_CLASSES_DIR "${CMAKE_BINARY_DIR}/test-classes" CACHE PATH "Compiled Java test classes")
  set(JB_TEST_JAVA_HOME "${JAVA_HOME}")
  if(NOT JB_TEST_JAVA_HOME)
    get_filename_component(JB_TEST_JAVA_HOME "${JAVA_INCLUDE_PATH}" DIRECTORY)
  endif()

  jb_test_program(jb_api_unit_tests
    PROPERTIES ENVIRONMENT "JB_TEST_JAVA_HOME=${JB_TEST_JAVA_HOME}")
  if(TARGET jb_discovery_macos_tests)
    jb_test_program(jb_discovery_macos_tests)
  endif()

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

  include(cpp/test/capi/loader_target/loader_target.cmake)
  include(cpp/test/capi_stress/stress.cmake)
  include(cpp/test/capi_fault/fault.cmake)

  # Test-only natives that a JUnit test loads to call libjavabridge from inside a running JVM.
  add_library(jb_capi_join_test SHARED cpp/test/capi_join/join_native.c)
  target_include_directories(jb_capi_join_test PRIVATE ${JNI_INCLUDE_DIRS})
  target_link_libraries(jb_capi_join_test PRIVATE javabridge Threads::Threads)
  set_target_properties(jb_capi_join_test PROPERTIES BUILD_RPATH "${JB_NATIVES_DIR}")

  add_test(NAME capi_headers_compile_alone
    COMMAND ${CMAKE_COMMAND} -DC_COMPILER=${CMAKE_C_COMPILER} -DCXX_COMPILER=${CMAKE_CXX_COMPILER}
      "-DEXTRA_INCLUDES=${JNI_INCLUDE_DIRS}"
      -DINCLUDE_DIR=${CMAKE_SOURCE_DIR}/include -DWORK_DIR=${CMAKE_BINARY_DIR}/header-check
      -P ${CMAKE_SOURCE_DIR}/cpp/api/check_headers.cmake)
  add_test(NAME capi_no_libjvm_needed
    COMMAND ${CMAKE_COMMAND} -DLIBRARY=$<TARGET_FILE:javabridge> -DREADELF=${CMAKE_READELF}
      -P ${CMAKE_SOURCE_DIR}/cpp/api/check_no_libjvm.cmake)
  add_test(NAME capi_c_example COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:javabridge_c_example>
    "-DEXPECT=Math.max\\(3, 7\\) = 7.*java.lang.IllegalArgumentException.*done"
    -P ${CMAKE_SOURCE_DIR}/cpp/cmake/expect_output.cmake)
  set(JB_SHOWCASE_JARS "${CMAKE_BINARY_DIR}/../showcase-jars" CACHE PATH "Commons CSV and its dependencies, for the C showcase")
  find_package(Python3 COMPONENTS Interpreter)
  if(Python3_FOUND)
    add_test(NAME capi_csv_showcase
      COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/examples/c-csv/check_output.py
        $<TARGET_FILE:javabridge_csv_example> ${JB_SHOWCASE_JARS} ${CMAKE_SOURCE_DIR}/examples/c-csv/cities.csv)
    set_tests_properties(capi_csv_showcase PROPERTIES
      ENVIRONMENT "JAVA_HOME=${JB_TEST_JAVA_HOME}" LABELS jvm TIMEOUT 120)
  endif()
  set_tests_properties(capi_c_example PROPERTIES
    ENVIRONMENT "JAVA_HOME=${JB_TEST_JAVA_HOME};JB_EXAMPLE_CLASSPATH=${JB_NATIVES_DIR}/../.."
    TIMEOUT 60)
endif()
