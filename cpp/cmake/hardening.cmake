# Compiler hardening and the sanitizer build, for every target defined after this include.
#
# Always: stack protector and _FORTIFY_SOURCE=2 (optimised builds only: glibc's checks
# need optimisation, and ASan replaces them). Options:
#   JB_STRICT_WARNINGS  -Wconversion -Wsign-conversion on C code (with the project's -Werror);
#                       scripts/ci-hardening-flags.sh builds with it under gcc and clang.
#   JB_SANITIZE         AddressSanitizer + UndefinedBehaviorSanitizer on everything built here;
#                       Maven's -Psanitize profile turns it on (scripts/ci-sanitize.sh).
option(JB_STRICT_WARNINGS "Build C code with -Wconversion -Wsign-conversion" OFF)
option(JB_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

add_compile_options(-fstack-protector-strong)
if(MINGW)
  # mingw-w64 keeps the stack protector's and _FORTIFY_SOURCE's runtime in libssp, which the
  # driver links only when it sees the flag at link time (statically, with the DLL's -static).
  add_link_options(-fstack-protector-strong)
endif()
if(NOT JB_SANITIZE)
  add_compile_options("$<$<NOT:$<CONFIG:Debug>>:-U_FORTIFY_SOURCE;-D_FORTIFY_SOURCE=2>")
endif()

if(JB_STRICT_WARNINGS)
  add_compile_options("$<$<COMPILE_LANGUAGE:C>:-Wconversion;-Wsign-conversion>")
endif()

if(JB_SANITIZE)
  set(JB_SANITIZER_FLAGS -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_compile_options(${JB_SANITIZER_FLAGS})
  add_link_options(${JB_SANITIZER_FLAGS})
endif()

# jb_test_program(<target> [EMBEDS_JVM] [PROPERTIES <test properties>...]): registers a GoogleTest program with ctest (label jvm or
# nojvm). Under JB_SANITIZE a program that embeds a JVM gets the sanitizer defaults the JVM needs
# (cpp/sanitize/jvm_sanitizer_defaults.c: LeakSanitizer on, the JVM's own libraries suppressed);
# the others run with every default on. Programs without a JVM are also listed in
# <build>/no-jvm-test-programs.txt, which scripts/ci-valgrind.sh runs under memcheck.
# jb_embeds_jvm(<target>): a program that creates a JVM in its own process. Under JB_SANITIZE it
# gets the sanitizer defaults a JVM needs (see jb_test_program below); otherwise nothing changes.
function(jb_embeds_jvm target)
  if(JB_SANITIZE)
    target_sources(${target} PRIVATE "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/../sanitize/jvm_sanitizer_defaults.c")
  endif()
endfunction()

function(jb_test_program target)
  cmake_parse_arguments(ARG "EMBEDS_JVM" "" "PROPERTIES" ${ARGN})
  if(ARG_EMBEDS_JVM)
    jb_embeds_jvm(${target})
    gtest_discover_tests(${target} DISCOVERY_TIMEOUT 30 PROPERTIES LABELS jvm ${ARG_PROPERTIES})
  else()
    gtest_discover_tests(${target} DISCOVERY_TIMEOUT 30 PROPERTIES LABELS nojvm ${ARG_PROPERTIES})
    set_property(GLOBAL APPEND PROPERTY JB_NO_JVM_TEST_PROGRAMS "$<TARGET_FILE:${target}>")
  endif()
endfunction()

# Call once, after the last jb_test_program().
function(jb_write_test_program_list)
  get_property(programs GLOBAL PROPERTY JB_NO_JVM_TEST_PROGRAMS)
  file(GENERATE OUTPUT "${CMAKE_BINARY_DIR}/no-jvm-test-programs.txt" CONTENT "$<JOIN:${programs},\n>\n")
endfunction()
