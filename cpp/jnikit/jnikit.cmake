# The JNI kit (include/javabridge/jnikit.h): a static, position-independent library that every
# JNI shared library links, ours (javabridge_guide, bindgen's glue) and users'. Its symbols are
# hidden (JBK_LOCAL), so each shared library keeps a private copy of the kit's state.
add_library(javabridge_jnikit STATIC
  cpp/jnikit/bytes.c
  cpp/jnikit/check.c
  cpp/jnikit/module.c
  cpp/jnikit/pin.c
  cpp/jnikit/throw.c)
set_target_properties(javabridge_jnikit PROPERTIES POSITION_INDEPENDENT_CODE ON)
target_include_directories(javabridge_jnikit
  PUBLIC $<BUILD_INTERFACE:${CMAKE_SOURCE_DIR}/include> ${JNI_INCLUDE_DIRS}
  PRIVATE cpp/jnikit)
