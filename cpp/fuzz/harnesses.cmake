# The fuzz harnesses: every cpp/fuzz/fuzz_<name>.c. Adding a harness is one file: it defines
# LLVMFuzzerTestOneInput and names, in comment lines, the C files it needs and, if their
# headers live elsewhere, the folders to include (paths from the repository root):
#   fuzz-sources: cpp/core/format_spec.c
#   fuzz-includes: include
# Seeds go in cpp/fuzz/corpus/<name>/, past crashes in cpp/fuzz/regressions/<name>/.
set(JB_FUZZ_DIR "${CMAKE_CURRENT_LIST_DIR}")
get_filename_component(JB_FUZZ_ROOT "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)

# jb_fuzz_harness(<file> <name-var> <sources-var> <includes-var>): <name-var> is empty when a
# source the harness names does not exist (yet): harnesses may arrive before their code.
function(jb_fuzz_harness file name_var sources_var includes_var)
  get_filename_component(base "${file}" NAME_WE)
  string(REGEX REPLACE "^fuzz_" "" name "${base}")
  file(STRINGS "${file}" source_lines REGEX "fuzz-sources:")
  file(STRINGS "${file}" include_lines REGEX "fuzz-includes:")
  set(sources "${file}")
  set(includes "")
  foreach(line IN LISTS source_lines)
    string(REGEX REPLACE ".*fuzz-sources:[ \t]*" "" line "${line}")
    separate_arguments(paths UNIX_COMMAND "${line}")
    foreach(p IN LISTS paths)
      if(NOT EXISTS "${JB_FUZZ_ROOT}/${p}")
        message(STATUS "fuzz harness ${base} skipped: ${p} does not exist")
        set(${name_var} "" PARENT_SCOPE)
        return()
      endif()
      list(APPEND sources "${JB_FUZZ_ROOT}/${p}")
      get_filename_component(dir "${JB_FUZZ_ROOT}/${p}" DIRECTORY)
      list(APPEND includes "${dir}")
    endforeach()
  endforeach()
  foreach(line IN LISTS include_lines)
    string(REGEX REPLACE ".*fuzz-includes:[ \t]*" "" line "${line}")
    separate_arguments(paths UNIX_COMMAND "${line}")
    foreach(p IN LISTS paths)
      list(APPEND includes "${JB_FUZZ_ROOT}/${p}")
    endforeach()
  endforeach()
  list(REMOVE_DUPLICATES includes)
  set(${name_var} "${name}" PARENT_SCOPE)
  set(${sources_var} "${sources}" PARENT_SCOPE)
  set(${includes_var} "${includes}" PARENT_SCOPE)
endfunction()

file(GLOB JB_FUZZ_HARNESSES CONFIGURE_DEPENDS "${JB_FUZZ_DIR}/fuzz_*.c")
