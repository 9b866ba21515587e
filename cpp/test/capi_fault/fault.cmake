# Fault injection (cpp/test/capi_fault/fault_test.cpp): JB_ENOMEM and JB_EATTACH, provoked in the
# shipped library by a test program that interposes malloc; and a thread parked at an allocation
# (natives_race_test.cpp). Included from cpp/api/api.cmake
# inside if(BUILD_TESTING). Not under the sanitizers (ASan owns malloc).
if(NOT JB_SANITIZE AND CMAKE_SYSTEM_NAME STREQUAL "Linux")
  add_executable(jb_capi_fault_tests cpp/test/capi_fault/fault_test.cpp cpp/test/capi_fault/natives_race_test.cpp
    cpp/test/capi/main.cpp)
  target_include_directories(jb_capi_fault_tests PRIVATE cpp/test/capi ${JNI_INCLUDE_DIRS})
  target_link_libraries(jb_capi_fault_tests PRIVATE javabridge GTest::gtest Threads::Threads ${CMAKE_DL_LIBS})
  set_target_properties(jb_capi_fault_tests PROPERTIES BUILD_RPATH "${JB_NATIVES_DIR}")
  target_compile_definitions(jb_capi_fault_tests PRIVATE "JB_TEST_CLASSES_DEFAULT=\"${JB_TEST_CLASSES_DIR}\"")
  # natives_race_test.cpp binds copies of a class from loader_target.cmake's folder.
  add_dependencies(jb_capi_fault_tests jb_loader_target)
  target_compile_definitions(jb_capi_fault_tests PRIVATE "JB_LOADER_DIR=\"${JB_LOADER_DIR}\"")
  jb_test_program(jb_capi_fault_tests EMBEDS_JVM
    PROPERTIES ENVIRONMENT "JAVA_HOME=${JB_TEST_JAVA_HOME}" TIMEOUT 120)
endif()
