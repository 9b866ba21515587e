# The JNI kit (include/javabridge/jnikit.h): a static, position-independent library that every
# JNI shared library links, ours (javabridge_guide, bindgen's glue) and users'. Its symbols are
# hidden (JBK_LOCAL), so each shared library keeps a private copy of the kit's state.
add_library(javabridge_jnikit STATIC
  cpp/jnikit/bytes.c
  cpp/jnikit/callback.c
  cpp/jnikit/check.c
  cpp/jnikit/module.c
  cpp/jnikit/oserror.c
  cpp/jnikit/pin.c
  cpp/jnikit/pins.c
  cpp/jnikit/throw.c)
set_target_properties(javabridge_jnikit PROPERTIES POSITION_INDEPENDENT_CODE ON)
target_include_directories(javabridge_jnikit
  PUBLIC $<BUILD_INTERFACE:${CMAKE_SOURCE_DIR}/include> "$<BUILD_INTERFACE:${JNI_INCLUDE_DIRS}>"
  PRIVATE cpp/jnikit)
# Installed (the C SDK), the kit leaves jni.h to the user's own JDK: the build's JNI folders,
# which for Windows include the project's own jni_md.h, mean nothing on the user's machine.
