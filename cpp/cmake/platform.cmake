# What differs between the platforms libjavabridge is built for (Linux x86_64 natively,
# Linux aarch64 and Windows x86_64 through the toolchain files in cpp/cmake/toolchains).
# Included before find_package(JNI); jb_platform_library() is called on the shared library.

if(CMAKE_CROSSCOMPILING)
  # FindJNI looks for the target's JDK, which a cross build does not have. jni.h is the
  # same for every target; only jni_md.h differs, and a Linux JDK has none for Windows.
  if(NOT JAVA_HOME)
    message(FATAL_ERROR "cross builds need -DJAVA_HOME=<a JDK> for jni.h")
  endif()
  set(JAVA_INCLUDE_PATH "${JAVA_HOME}/include" CACHE PATH "jni.h" FORCE)
  if(WIN32)
    set(JAVA_INCLUDE_PATH2 "${CMAKE_CURRENT_LIST_DIR}/../platform/win32" CACHE PATH "jni_md.h" FORCE)
  else()
    set(JAVA_INCLUDE_PATH2 "${JAVA_HOME}/include/linux" CACHE PATH "jni_md.h" FORCE)
  endif()
endif()

if(WIN32)
  # C99 printf family instead of msvcrt's, so snprintf formats ("%lld", "%zu", exponents)
  # give the same text on Windows as on Linux. The POSIX define the Linux build needs for
  # strnlen means nothing to mingw-w64, which declares strnlen anyway.
  add_compile_definitions(__USE_MINGW_ANSI_STDIO=1)
endif()
if(APPLE)
  # The top-level _POSIX_C_SOURCE makes macOS's headers hide everything beyond POSIX, which
  # glibc's _GNU_SOURCE in the sources does not undo there (RTLD_DEFAULT, for one).
  add_compile_definitions(_DARWIN_C_SOURCE)
endif()

# Exports only the ABI (Java_*, JNI_OnLoad/JNI_OnUnload, jb_*) and names the file the way
# native-lib-loader expects on each OS.
function(jb_platform_library target)
  if(WIN32)
    # javabridge.dll: no "lib" prefix, no import library to ship. Only symbols marked
    # __declspec(dllexport) (JNIEXPORT, and the jb_ API's export macro) are exported; the
    # static libraries linked in export nothing. -static links libgcc and, once anything uses
    # _Thread_local (emutls) or pthreads, winpthread into the DLL, so it needs nothing beyond
    # what every Windows has (KERNEL32, msvcrt); scripts/check-natives.sh checks the imports.
    set_target_properties(${target} PROPERTIES PREFIX "" IMPORT_PREFIX "" IMPORT_SUFFIX ".dll.a")
    target_link_options(${target} PRIVATE -Wl,--exclude-all-symbols -static -Wl,--no-undefined)
  endif()
endfunction()

# macOS has no version scripts: the linker (ld64.lld, cpp/cmake/toolchains/zig-darwin-link.cmake)
# takes the list of symbols to export, made here from the version script's global: names so the
# two platforms cannot drift (Mach-O names carry a leading underscore).
function(jb_darwin_exports target map)
  file(READ "${map}" jb_map_text)
  string(REGEX REPLACE "/\\*.*\\*/" "" jb_map_text "${jb_map_text}")
  string(REGEX MATCH "global:([^}]*)local:" jb_globals "${jb_map_text}")
  string(REGEX MATCHALL "[A-Za-z_][A-Za-z0-9_*]*" jb_names "${CMAKE_MATCH_1}")
  list(TRANSFORM jb_names PREPEND "_")
  list(JOIN jb_names "\n" jb_list)
  set(jb_file "${CMAKE_BINARY_DIR}/${target}.exports")
  file(WRITE "${jb_file}" "${jb_list}\n")
  target_link_options(${target} PRIVATE "SHELL:-exported_symbols_list ${jb_file}")
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS "${jb_file}")
endfunction()

# GoogleTest for the target. The host uses Debian's libgtest-dev; a cross build that runs its
# tests (under qemu or wine, the toolchain's CMAKE_CROSSCOMPILING_EMULATOR) has no target
# build of it, so it compiles the sources that libgtest-dev ships in /usr/src/googletest.
set(JB_GTEST_SOURCE_DIR "" CACHE PATH "GoogleTest sources to build for the target instead of find_package(GTest)")
macro(jb_find_gtest)
  if(JB_GTEST_SOURCE_DIR)
    set(INSTALL_GTEST OFF CACHE BOOL "" FORCE)
    set(BUILD_GMOCK OFF CACHE BOOL "" FORCE)
    add_subdirectory("${JB_GTEST_SOURCE_DIR}" "${CMAKE_BINARY_DIR}/googletest" EXCLUDE_FROM_ALL)
    if(NOT TARGET GTest::gtest_main)
      add_library(GTest::gtest_main ALIAS gtest_main)
    endif()
  else()
    find_package(GTest REQUIRED)
  endif()
  if(JB_UNITY_TEST_PROGRAMS)
    # Once every test program of this folder exists (they are defined after this call).
    cmake_language(DEFER CALL jb_unity_test_programs)
  endif()
endmacro()

# JB_UNITY_TEST_PROGRAMS: the pure-C suites' C++ files are compiled as one unit per program.
# Under zig's libc++ each test file spends most of its time in the GoogleTest and libc++
# headers; one unit parses them once (scripts/test-musl.sh: ~4 times less CPU for jb_core_tests).
# Only the test programs: the C under test is compiled file by file, as shipped.
set(JB_UNITY_TEST_PROGRAMS OFF CACHE BOOL "Compile each pure-C GoogleTest program as one unit")
function(jb_unity_test_programs)
  foreach(program jb_core_tests jb_api_unit_tests)
    if(TARGET ${program})
      set_property(TARGET ${program} PROPERTY UNITY_BUILD ON)
    endif()
  endforeach()
  # It defines file-scope names (D, the folder separator) that the class path test defines too.
  set_property(SOURCE "${CMAKE_SOURCE_DIR}/cpp/test/api_unit/jvm_discovery_test.cpp" PROPERTY SKIP_UNITY_BUILD_INCLUSION ON)
endfunction()
