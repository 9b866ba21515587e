# jb_method_upcall's FFM helper (issue 17): the Java 22 class the Maven build compiles into
# META-INF/versions/22 is compiled into libjavabridge as bytes (upcall.c defines it in the JVM),
# so that a C program's class path need not hold the jar. Without the class (no JDK 22+ javac at
# build time) the library still builds and jb_method_upcall returns JB_EUNSUPPORTED.
# Collapsed lexically: in a clean build natives/<platform>/ does not exist yet, and a path through
# a missing folder's ".." does not resolve.
get_filename_component(_jb_classes_dir "${JB_NATIVES_DIR}/../.." ABSOLUTE)
set(JB_FFM_HELPER_CLASS "${_jb_classes_dir}/META-INF/versions/22/dev/javabridge/FfmUpcalls.class"
  CACHE FILEPATH "The compiled FFM helper class (java/ffm22)")
target_sources(javabridge PRIVATE cpp/api/upcall.c)
if(EXISTS "${JB_FFM_HELPER_CLASS}")
  set(_jb_upcall_c "${CMAKE_BINARY_DIR}/generated/upcall_class.c")
  add_custom_command(OUTPUT "${_jb_upcall_c}"
    COMMAND ${CMAKE_COMMAND} "-DIN=${JB_FFM_HELPER_CLASS}" "-DOUT=${_jb_upcall_c}"
      -P "${CMAKE_SOURCE_DIR}/cpp/api/embed_class.cmake"
    DEPENDS "${JB_FFM_HELPER_CLASS}" "${CMAKE_SOURCE_DIR}/cpp/api/embed_class.cmake"
    COMMENT "Embedding the FFM helper class")
  target_sources(javabridge PRIVATE "${_jb_upcall_c}")
  target_compile_definitions(javabridge PRIVATE JBI_HAVE_FFM_HELPER)
else()
  message(STATUS "javabridge: no FFM helper class at ${JB_FFM_HELPER_CLASS}: jb_method_upcall will return JB_EUNSUPPORTED")
endif()
