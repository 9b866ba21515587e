# Finds the JDK's JNI headers, with or without Maven.
# Maven passes -DJAVA_HOME; a plain `cmake -S .` gets the JDK from $JAVA_HOME or from the javac
# on PATH (FindJNI alone misses Debian's JDKs). Only jni.h is needed: libjvm is never linked.
# Sets JB_MAVEN_BUILD: whether the Maven products (the javac -h headers the guide's natives
# implement, the test classes) exist. Without them only the C API library and its example build.

if(NOT JAVA_HOME AND NOT CMAKE_CROSSCOMPILING)
  if(DEFINED ENV{JAVA_HOME} AND EXISTS "$ENV{JAVA_HOME}/include/jni.h")
    set(JAVA_HOME "$ENV{JAVA_HOME}")
  else()
    find_program(JB_JAVAC javac)
    if(JB_JAVAC)
      # /usr/bin/javac is a chain of links into <java home>/bin/javac.
      file(REAL_PATH "${JB_JAVAC}" jb_javac_real)
      get_filename_component(jb_jdk_bin "${jb_javac_real}" DIRECTORY)
      get_filename_component(jb_jdk_home "${jb_jdk_bin}" DIRECTORY)
      if(EXISTS "${jb_jdk_home}/include/jni.h")
        set(JAVA_HOME "${jb_jdk_home}")
      endif()
    endif()
  endif()
  if(JAVA_HOME)
    message(STATUS "JDK for jni.h: ${JAVA_HOME}")
  endif()
endif()

find_package(JNI OPTIONAL_COMPONENTS JVM)
if(NOT JNI_INCLUDE_DIRS OR NOT EXISTS "${JAVA_INCLUDE_PATH}/jni.h")
  message(FATAL_ERROR
    "javabridge needs a JDK's jni.h and none was found.\n"
    "Install a JDK (17 or later; Debian: apt-get install openjdk-17-jdk-headless), then either put its "
    "javac on PATH, set the JAVA_HOME environment variable, or pass -DJAVA_HOME=/path/to/jdk.")
endif()

file(GLOB jb_jni_headers "${JB_JNI_HEADERS_DIR}/dev_javabridge_*.h")
if(jb_jni_headers)
  set(JB_MAVEN_BUILD ON)
else()
  set(JB_MAVEN_BUILD OFF)
  message(STATUS "No javac -h headers in ${JB_JNI_HEADERS_DIR}: building the C API library only "
    "(the Java API's natives and the tests come from 'mvn verify')")
  if(BUILD_TESTING)
    message(STATUS "BUILD_TESTING turned off: the tests need Maven's compiled Java classes")
    set(BUILD_TESTING OFF)
  endif()
endif()
