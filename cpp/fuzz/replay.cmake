# Included by the main build: each fuzz harness, linked with a plain main instead of
# libFuzzer, replays its seeds and past crashes under ctest, so a fixed crash stays fixed
# with any compiler (and under the sanitizer build, with ASan + UBSan).
include("${CMAKE_CURRENT_LIST_DIR}/harnesses.cmake")
foreach(harness IN LISTS JB_FUZZ_HARNESSES)
  jb_fuzz_harness("${harness}" name sources includes)
  if(NOT name)
    continue()
  endif()
  add_executable(fuzz_replay_${name} "${JB_FUZZ_DIR}/replay_main.c" ${sources})
  target_include_directories(fuzz_replay_${name} PRIVATE ${includes})
  add_test(NAME fuzz_regressions_${name}
    COMMAND fuzz_replay_${name} "${JB_FUZZ_DIR}/corpus/${name}" "${JB_FUZZ_DIR}/regressions/${name}")
  set_tests_properties(fuzz_regressions_${name} PROPERTIES LABELS nojvm)
endforeach()
# The replayer's canary: given only an empty folder it replays nothing, which must fail.
if(TARGET fuzz_replay_utf8)
  file(MAKE_DIRECTORY "${CMAKE_BINARY_DIR}/fuzz-empty")
  add_test(NAME fuzz_replay_nothing_fails COMMAND fuzz_replay_utf8 "${CMAKE_BINARY_DIR}/fuzz-empty")
  set_tests_properties(fuzz_replay_nothing_fails PROPERTIES WILL_FAIL TRUE LABELS nojvm)
endif()
