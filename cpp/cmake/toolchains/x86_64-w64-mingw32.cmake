# Windows x86_64 from a Debian host: mingw-w64 (Debian package mingw-w64).
# A Linux JDK has no win32/jni_md.h: the top-level CMakeLists uses cpp/platform/win32 instead.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR AMD64)
# The "posix" thread model: GoogleTest needs std::mutex, which gcc 12's default "win32" model
# lacks, and C and C++ must agree or CMake links C++ programs against the other libstdc++.
# The DLL stays free of libwinpthread (scripts/check-natives.sh checks its imports).
set(CMAKE_C_COMPILER x86_64-w64-mingw32-gcc-posix)
set(CMAKE_CXX_COMPILER x86_64-w64-mingw32-g++-posix)
set(CMAKE_RC_COMPILER x86_64-w64-mingw32-windres)
set(CMAKE_FIND_ROOT_PATH /usr/x86_64-w64-mingw32)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
# Test programs carry the C++ runtime, so wine needs no mingw DLLs on its path.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static")
# Lets ctest run target binaries when tests are built for this target.
find_program(JB_WINE NAMES wine64 wine)
if(JB_WINE)
  set(CMAKE_CROSSCOMPILING_EMULATOR "${JB_WINE}")
endif()
