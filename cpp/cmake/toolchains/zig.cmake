# Any target zig cc can build for, from an x86_64 Linux host: -DJB_ZIG_TARGET=<zig triple>
# (x86_64-macos, aarch64-macos, x86_64-linux-gnu.2.17, aarch64-linux-gnu.2.17,
# x86_64-linux-musl, aarch64-linux-musl) and -DJB_ZIG_BIN=<the bin/ scripts/lib/zig.sh prints>.
# Zig carries each target's libc headers and link stubs, so no sysroot is needed: a glibc
# triple's version suffix caps the symbol versions the library may need, and macOS needs no
# Apple SDK (libSystem only).
if(NOT JB_ZIG_TARGET OR NOT JB_ZIG_BIN)
  message(FATAL_ERROR "zig.cmake needs -DJB_ZIG_TARGET=<triple> and -DJB_ZIG_BIN=<folder of scripts/lib/zig.sh's wrappers>")
endif()
# try_compile projects read this file again and need the same two settings.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES JB_ZIG_TARGET JB_ZIG_BIN)

if(JB_ZIG_TARGET MATCHES "-macos")
  set(CMAKE_SYSTEM_NAME Darwin)
  # No SDK, no xcrun: CMake would otherwise look for Xcode's.
  set(CMAKE_OSX_SYSROOT "" CACHE PATH "" FORCE)
  set(CMAKE_OSX_DEPLOYMENT_TARGET "" CACHE STRING "" FORCE)
  # The oldest macOS zig 0.11's headers describe; arm64 Macs start there anyway.
  set(JB_MACOS_MIN 11.0)
  set(jb_zig_triple "${JB_ZIG_TARGET}.${JB_MACOS_MIN}")
  find_program(JB_LD64 NAMES ld64.lld ld64.lld-14 ld64.lld-15 ld64.lld-16 REQUIRED)
  get_filename_component(jb_zig_home "${JB_ZIG_BIN}" DIRECTORY)
  set(JB_LIBSYSTEM "${jb_zig_home}/zig/lib/libc/darwin/libSystem.11.tbd")
  set(CMAKE_USER_MAKE_RULES_OVERRIDE "${CMAKE_CURRENT_LIST_DIR}/zig-darwin-link.cmake")
else()
  set(CMAKE_SYSTEM_NAME Linux)
endif()
string(REGEX MATCH "^[^-]+" CMAKE_SYSTEM_PROCESSOR "${JB_ZIG_TARGET}")
if(CMAKE_SYSTEM_PROCESSOR STREQUAL "aarch64")
  set(JB_LD64_ARCH arm64)
else()
  set(JB_LD64_ARCH ${CMAKE_SYSTEM_PROCESSOR})
endif()
if(JB_ZIG_TARGET MATCHES "-musl")
  # Test programs run here without a musl system: static, so they need no musl loader.
  set(CMAKE_EXE_LINKER_FLAGS_INIT "-static")
endif()

set(CMAKE_C_COMPILER "${JB_ZIG_BIN}/zig-cc")
set(CMAKE_CXX_COMPILER "${JB_ZIG_BIN}/zig-c++")
if(NOT jb_zig_triple)
  set(jb_zig_triple "${JB_ZIG_TARGET}")
endif()
set(CMAKE_C_COMPILER_TARGET "${jb_zig_triple}")
set(CMAKE_CXX_COMPILER_TARGET "${jb_zig_triple}")
set(CMAKE_AR "${JB_ZIG_BIN}/zig-ar" CACHE FILEPATH "" FORCE)
set(CMAKE_RANLIB "${JB_ZIG_BIN}/zig-ranlib" CACHE FILEPATH "" FORCE)
# CMake's compiler checks compile, never link: a first C++ link would make zig build libc++ for
# the target (minutes), and only C shared libraries are built with this file.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
# The SDK archive's layout is lib/ on every platform (GNUInstallDirs would guess from the host).
set(CMAKE_INSTALL_LIBDIR lib CACHE PATH "")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# Test programs for Linux targets are linked statically (musl) or run under qemu (aarch64).
if(CMAKE_SYSTEM_NAME STREQUAL "Linux" AND CMAKE_SYSTEM_PROCESSOR STREQUAL "aarch64")
  find_program(JB_QEMU_AARCH64 qemu-aarch64-static)
  if(JB_QEMU_AARCH64)
    set(CMAKE_CROSSCOMPILING_EMULATOR "${JB_QEMU_AARCH64}")
  endif()
endif()
