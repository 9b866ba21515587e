# Classes the C API tests reach only through a jb_loader: compiled here, outside every class
# path the tests' JVM is given, into a class folder and into a jar in a folder of its own
# (for "dir/*").
find_program(JB_TEST_JAVAC javac HINTS "${JB_TEST_JAVA_HOME}/bin" NO_DEFAULT_PATH REQUIRED)
find_program(JB_TEST_JAR jar HINTS "${JB_TEST_JAVA_HOME}/bin" NO_DEFAULT_PATH REQUIRED)
set(JB_LOADER_DIR "${CMAKE_BINARY_DIR}/loader-target")
set(JB_LOADER_SOURCES
  ${CMAKE_SOURCE_DIR}/cpp/test/capi/loader_target/dev/javabridge/loadtest/Greeter.java
  ${CMAKE_SOURCE_DIR}/cpp/test/capi/loader_target/dev/javabridge/loadtest/Box.java
  ${CMAKE_SOURCE_DIR}/cpp/test/capi/loader_target/dev/javabridge/loadtest/Shout.java
  ${CMAKE_SOURCE_DIR}/cpp/test/capi/loader_target/dev/javabridge/loadtest/Twice.java)
add_custom_command(OUTPUT "${JB_LOADER_DIR}/jars/greeter.jar"
  COMMAND ${CMAKE_COMMAND} -E rm -rf "${JB_LOADER_DIR}"
  COMMAND ${JB_TEST_JAVAC} -d "${JB_LOADER_DIR}/classes" ${JB_LOADER_SOURCES}
  COMMAND ${CMAKE_COMMAND} -E make_directory "${JB_LOADER_DIR}/jars"
  COMMAND ${JB_TEST_JAR} cf "${JB_LOADER_DIR}/jars/greeter.jar" -C "${JB_LOADER_DIR}/classes" .
  DEPENDS ${JB_LOADER_SOURCES}
  COMMENT "Compiling the classes the class loader tests load")
add_custom_target(jb_loader_target DEPENDS "${JB_LOADER_DIR}/jars/greeter.jar")
add_dependencies(jb_capi_tests jb_loader_target)
target_compile_definitions(jb_capi_tests PRIVATE "JB_LOADER_DIR=\"${JB_LOADER_DIR}\"")
