# Shared libraries for macOS are linked by LLVM's ld64.lld (Debian package lld), not by zig:
# zig 0.11's Mach-O linker exports every private-extern (-fvisibility=hidden) symbol of the
# static libraries it links and all of its compiler_rt, and refuses -exported_symbols_list.
# zig cc still compiles; ld64.lld links against zig's own libSystem stub, so no Apple SDK is
# needed. Loaded through CMAKE_USER_MAKE_RULES_OVERRIDE (zig.cmake), after CMake's Darwin rules.
# The install name is @rpath/<file>: nothing records the folder it was built in, and a library
# loaded by absolute path from a temporary folder (NativeLoader) needs no rpath at all.
foreach(lang C CXX)
  set(CMAKE_${lang}_CREATE_SHARED_LIBRARY
    "${JB_LD64} -dylib -arch ${JB_LD64_ARCH} -platform_version macos ${JB_MACOS_MIN} ${JB_MACOS_MIN} -dead_strip <LINK_FLAGS> -o <TARGET> -install_name @rpath/<TARGET_SONAME> <OBJECTS> <LINK_LIBRARIES> ${JB_LIBSYSTEM}")
  set(CMAKE_${lang}_CREATE_SHARED_MODULE "${CMAKE_${lang}_CREATE_SHARED_LIBRARY}")
endforeach()
