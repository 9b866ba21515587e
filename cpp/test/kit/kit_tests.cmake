# The kit's plain-C parts under a user's compile definitions (cpp/test/kit/oserror_test.cpp).
# glibc and musl only: Windows has strerror_s, and no Mac runs the tests here.
if(NOT WIN32 AND NOT APPLE)
  # oserror.c alone under _GNU_SOURCE; the rest of the kit (its UTF-8 check) from the library as built.
  add_library(jb_kit_gnu_source OBJECT cpp/jnikit/oserror.c)
  target_compile_definitions(jb_kit_gnu_source PRIVATE _GNU_SOURCE)
  target_include_directories(jb_kit_gnu_source PRIVATE include ${JNI_INCLUDE_DIRS} cpp/jnikit)
  add_executable(jb_kit_tests cpp/test/kit/oserror_test.cpp $<TARGET_OBJECTS:jb_kit_gnu_source>)
  target_include_directories(jb_kit_tests PRIVATE include ${JNI_INCLUDE_DIRS})
  target_link_libraries(jb_kit_tests PRIVATE javabridge_jnikit GTest::gtest_main)
  jb_test_program(jb_kit_tests)
endif()
