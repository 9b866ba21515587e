// A JVM holding the compiled ExportTarget class, for tests of the generated export_target.h.
// ctest runs every test in its own process, so each test may create (and destroy) the JVM.
#ifndef JB_TEST_EXPORT_FIXTURE_H
#define JB_TEST_EXPORT_FIXTURE_H

#include <gtest/gtest.h>

#include <cstdlib>

#include "export_target.h"

namespace jbexport {

// The build compiles the directory in; the environment variable overrides it.
inline const char *target_classes() {
    const char *dir = std::getenv("JB_CEXPORT_TEST_CLASSES");
    return dir != nullptr ? dir : JB_CEXPORT_TEST_CLASSES;
}

// Opens the JVM with class_path (default: the export test classes); nullptr on failure. Native
// access is enabled, as a program that wants the FFM path enables it (cexport.h); without it
// (native_access false) the generated code takes the JNI path on every JDK.
inline jb_vm *open_vm(bool destroy_on_close = true, const char *class_path = target_classes(),
                      bool native_access = true) {
    static const char *cp[1];
    static const char *options[] = {"-Xcheck:jni", "--enable-native-access=ALL-UNNAMED"};
    cp[0] = class_path;
    jb_vm_options o = JB_VM_OPTIONS_INIT;
    o.class_path = cp;
    o.class_path_count = 1;
    o.jvm_options = options;
    o.jvm_option_count = native_access ? 2 : 1;
    o.destroy_on_close = destroy_on_close;
    jb_vm *vm = nullptr;
    int rc = jb_vm_open(&o, &vm);
    EXPECT_EQ(rc, JB_OK) << jb_error_name(rc) << ": " << jb_error_message();
    return vm;
}

class Exports : public ::testing::Test {
  protected:
    void SetUp() override {
        vm_ = open_vm();
        ASSERT_NE(vm_, nullptr);
    }
    void TearDown() override { EXPECT_EQ(jb_vm_close(vm_), JB_OK) << jb_error_message(); }
    jb_vm *vm_ = nullptr;
};

}  // namespace jbexport

#define EXPECT_JB_OK(expr)                                                                   \
    do {                                                                                     \
        int jb_rc_ = (expr);                                                                 \
        EXPECT_EQ(jb_rc_, JB_OK) << #expr << ": " << jb_error_name(jb_rc_) << ": " << jb_error_message(); \
    } while (0)

#endif
