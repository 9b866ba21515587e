// What the C API's unit tests need to spell paths the way the platform under test does, so
// that the same tests run on Linux and, cross-built, on Windows under wine.
#ifndef JB_TEST_API_UNIT_TEST_PATHS_H
#define JB_TEST_API_UNIT_TEST_PATHS_H

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <random>
#include <string>

namespace jbtest {

#if defined(_WIN32)
inline const std::string kListSep = ";";
inline const std::string kJvmInHome = "bin\\server\\jvm.dll";
inline const std::string kJdk8JvmInHome = "jre\\bin\\server\\jvm.dll";
inline const std::string kJavaLauncher = "java.exe";
inline const char *const kNotAJvmButALibrary = "msvcrt.dll";
inline const char *const kMissingDir = "C:\\nonexistent-jb-dir";
#else
inline const std::string kListSep = ":";
inline const std::string kJvmInHome = "lib/server/libjvm.so";
inline const std::string kJdk8JvmInHome = "jre/lib/amd64/server/libjvm.so";
inline const std::string kJavaLauncher = "java";
inline const char *const kNotAJvmButALibrary = "libc.so.6";
inline const char *const kMissingDir = "/nonexistent-jb-dir";
#endif

// rel written with '/', in the platform's own separators.
inline std::string native(std::string rel) {
#if defined(_WIN32)
    std::replace(rel.begin(), rel.end(), '/', '\\');
#endif
    return rel;
}

// A new empty folder under the system's temporary folder, in native spelling.
inline std::string make_temp_dir(const std::string &prefix) {
    static std::atomic<unsigned> counter{0};
    std::random_device random;
    for (;;) {
        std::filesystem::path p = std::filesystem::temp_directory_path() /
                                  (prefix + "-" + std::to_string(random()) + "-" + std::to_string(counter++));
        if (std::filesystem::create_directory(p)) {
            return p.make_preferred().string();
        }
    }
}

}  // namespace jbtest

#endif
