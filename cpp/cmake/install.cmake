# cmake --install: what a C project needs to use libjavabridge, laid out the way libgit2 and zstd
# are: include/javabridge/*.h, the shared library with its ABI major version in the soname,
# lib/cmake/javabridge/ (find_package(javabridge) -> javabridge::javabridge) and
# lib/pkgconfig/javabridge.pc. Every path is relative to the prefix, so the tree (which the
# Maven build packs as the SDK archive) works wherever it is unpacked.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# pom.xml's version is the release's; CMake's must not drift from it.
if(DEFINED JB_PROJECT_VERSION)
  string(REGEX REPLACE "-SNAPSHOT$" "" jb_maven_version "${JB_PROJECT_VERSION}")
  if(NOT jb_maven_version VERSION_EQUAL PROJECT_VERSION)
    message(FATAL_ERROR "pom.xml says ${JB_PROJECT_VERSION}, CMakeLists.txt project() says ${PROJECT_VERSION}")
  endif()
endif()

# The ABI major is the soname's: libjavabridge.so.0 -> libjavabridge.so.0.1.0, with the
# libjavabridge.so link for -ljavabridge. They are built in lib/ of the build folder; the jar gets
# a plain copy under the one name its loader reads (a jar cannot hold symbolic links), with its
# digest. A Windows DLL keeps its plain name (native-lib-loader's), and gets an import library
# plus a .def file from which MSVC's lib.exe makes its own.
if(WIN32)
  set_property(TARGET javabridge APPEND PROPERTY LINK_OPTIONS
    "-Wl,--output-def,${CMAKE_BINARY_DIR}/javabridge.def")
else()
  set_target_properties(javabridge PROPERTIES
    VERSION ${PROJECT_VERSION} SOVERSION ${PROJECT_VERSION_MAJOR}
    LIBRARY_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/lib")
  set(jb_jar_copy "${JB_NATIVES_DIR}/$<TARGET_LINKER_FILE_NAME:javabridge>")
  add_custom_command(TARGET javabridge POST_BUILD
    COMMAND ${CMAKE_COMMAND} -E make_directory "${JB_NATIVES_DIR}"
    COMMAND ${CMAKE_COMMAND} -E copy "$<TARGET_FILE:javabridge>" "${jb_jar_copy}"
    COMMAND ${CMAKE_COMMAND} -DFILE=${jb_jar_copy} -P "${CMAKE_CURRENT_LIST_DIR}/write_digest.cmake"
    VERBATIM)
endif()

set(JB_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/javabridge")
target_include_directories(javabridge INTERFACE $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
install(TARGETS javabridge EXPORT javabridgeTargets
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} NAMELINK_COMPONENT Development
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
# The JNI kit (a static library for users' own natives), when this tree has it.
if(TARGET javabridge_jnikit)
  install(TARGETS javabridge_jnikit EXPORT javabridgeTargets ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
endif()
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/javabridge" DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.h")
if(WIN32)
  install(FILES "${CMAKE_BINARY_DIR}/javabridge.def" DESTINATION ${CMAKE_INSTALL_LIBDIR})
endif()

install(EXPORT javabridgeTargets NAMESPACE javabridge:: DESTINATION ${JB_INSTALL_CMAKEDIR})
configure_package_config_file("${CMAKE_CURRENT_LIST_DIR}/javabridgeConfig.cmake.in"
  "${CMAKE_BINARY_DIR}/sdk/javabridgeConfig.cmake" INSTALL_DESTINATION ${JB_INSTALL_CMAKEDIR})
# Same rule as the soname: a different major version is a different ABI.
write_basic_package_version_file("${CMAKE_BINARY_DIR}/sdk/javabridgeConfigVersion.cmake"
  COMPATIBILITY SameMajorVersion)
install(FILES "${CMAKE_BINARY_DIR}/sdk/javabridgeConfig.cmake" "${CMAKE_BINARY_DIR}/sdk/javabridgeConfigVersion.cmake"
  DESTINATION ${JB_INSTALL_CMAKEDIR})

file(RELATIVE_PATH JB_PC_TO_PREFIX "/p/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/p")
string(REGEX REPLACE "/$" "" JB_PC_TO_PREFIX "${JB_PC_TO_PREFIX}")
configure_file("${CMAKE_CURRENT_LIST_DIR}/javabridge.pc.in" "${CMAKE_BINARY_DIR}/sdk/javabridge.pc" @ONLY)
install(FILES "${CMAKE_BINARY_DIR}/sdk/javabridge.pc" DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# The installed tree used as a C developer would: examples/c built with find_package and with
# pkg-config against a fresh prefix, and run (a few seconds). Not under the sanitizers: a program
# linking an instrumented library needs the ASan runtime first, which only the build's own
# programs arrange (jb_embeds_jvm).
if(BUILD_TESTING AND NOT CMAKE_CROSSCOMPILING AND NOT JB_SANITIZE)
  add_test(NAME sdk_example
    COMMAND bash "${PROJECT_SOURCE_DIR}/scripts/check-sdk.sh" --install "${CMAKE_BINARY_DIR}"
      "${CMAKE_BINARY_DIR}/sdk-check" "${JB_NATIVES_DIR}/../..")
  set_tests_properties(sdk_example PROPERTIES
    ENVIRONMENT "JAVA_HOME=${JB_TEST_JAVA_HOME}" PASS_REGULAR_EXPRESSION "both ran" TIMEOUT 120)
endif()
