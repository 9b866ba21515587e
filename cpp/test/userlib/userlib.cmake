# The user-library fixture (userlib.c): a JNI library outside dev.javabridge on the JNI kit, laid
# out as a user's jar would carry it (natives/<platform>/libuserlib.so + .sha256) under
# ${CMAKE_BINARY_DIR}/userlib; the Java tests package it with com.example.userlib into a jar.
get_filename_component(JB_PLATFORM_FOLDER "${JB_NATIVES_DIR}" NAME)
set(JB_USERLIB_DIR "${CMAKE_BINARY_DIR}/userlib/natives/${JB_PLATFORM_FOLDER}")
add_library(jb_userlib SHARED cpp/test/userlib/userlib.c)
target_link_libraries(jb_userlib PRIVATE javabridge_jnikit)
set_target_properties(jb_userlib PROPERTIES
  OUTPUT_NAME userlib
  LIBRARY_OUTPUT_DIRECTORY "${JB_USERLIB_DIR}"
  LINK_DEPENDS "${CMAKE_SOURCE_DIR}/cpp/guide/guide.map")
# The same ABI as libjavabridge_guide: JNI_OnLoad/JNI_OnUnload only.
target_link_options(jb_userlib PRIVATE "-Wl,--version-script=${CMAKE_SOURCE_DIR}/cpp/guide/guide.map" -Wl,--no-undefined)
add_custom_command(TARGET jb_userlib POST_BUILD
  COMMAND ${CMAKE_COMMAND} -DFILE=$<TARGET_FILE:jb_userlib> -P "${CMAKE_SOURCE_DIR}/cpp/cmake/write_digest.cmake"
  VERBATIM)
add_test(NAME exported_symbols_userlib
  COMMAND bash "${CMAKE_SOURCE_DIR}/scripts/check-exports.sh" jni $<TARGET_FILE:jb_userlib>)
