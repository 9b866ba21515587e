# The JNI trace agent (jni_trace_agent.c): the build runs it over libjavabridge_guide's JNI_OnLoad
# to write the jar's GraalVM native-image metadata (scripts/native-image-metadata.py), and
# NativeImageMetadataIT runs it over the demo. A build tool, never in the jar.
add_library(jb_jni_trace MODULE cpp/native_image/jni_trace_agent.c)
target_include_directories(jb_jni_trace PRIVATE ${JNI_INCLUDE_DIRS})
target_link_libraries(jb_jni_trace PRIVATE ${CMAKE_DL_LIBS} pthread)
set_target_properties(jb_jni_trace PROPERTIES OUTPUT_NAME jb_jni_trace)
