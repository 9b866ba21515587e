# Linux aarch64 from an x86_64 Debian host: gcc-aarch64-linux-gnu.
# The host JDK's jni.h and linux/jni_md.h describe aarch64 as well (LP64, same types),
# so only the compiler changes; the top-level CMakeLists takes JNI headers from JAVA_HOME.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_FIND_ROOT_PATH /usr/aarch64-linux-gnu)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
# Lets ctest run target binaries when tests are built for this target.
find_program(JB_QEMU_AARCH64 qemu-aarch64-static)
if(JB_QEMU_AARCH64)
  set(CMAKE_CROSSCOMPILING_EMULATOR "${JB_QEMU_AARCH64};-L;/usr/aarch64-linux-gnu")
endif()
