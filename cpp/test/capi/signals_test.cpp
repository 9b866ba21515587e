// The JVM uses SIGSEGV for its own null checks. A host that installs its handler BEFORE opening
// keeps it (HotSpot saves it and chains to it for faults that are not Java's), and Java's
// NullPointerExceptions, many of them raised through SIGSEGV once compiled, all come back as
// JB_EJAVA without ever reaching the host handler.
#include "capi_fixture.h"

#include <atomic>
#include <csignal>
#include <cstring>

using namespace jbtest;

namespace {
volatile sig_atomic_t host_handler_calls = 0;
void host_handler(int, siginfo_t *, void *) { host_handler_calls = host_handler_calls + 1; }
}  // namespace

TEST(Signals, HostHandlerInstalledBeforeOpenSurvivesManyNullPointerExceptions) {
    struct sigaction sa;
    std::memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = host_handler;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    ASSERT_EQ(sigaction(SIGSEGV, &sa, nullptr), 0);

    jb_vm *vm = open_vm();
    ASSERT_NE(vm, nullptr);
    jb_method *npe = find_static("nullPointer", "(Ljava/lang/String;)I");
    jb_method *len = find_static("nullPointer", "(Ljava/lang/String;)I");
    jb_arg null_arg = jb_arg_null();
    jb_arg text = jb_arg_string("four");
    int failures = 0;
    for (int k = 0; k < 50000; k++) {
        int32_t r = 0;
        if (jb_call_static_int32(npe, &null_arg, 1, &r) != JB_EJAVA) failures++;
        if (k % 1000 == 0 && std::strcmp(jb_error_java_class(), "java.lang.NullPointerException") != 0) failures++;
        if (jb_call_static_int32(len, &text, 1, &r) != JB_OK || r != 4) failures++;
    }
    EXPECT_EQ(failures, 0);
    EXPECT_EQ(host_handler_calls, 0) << "the JVM handled its own faults";

    // The JVM installed its handler over ours and chains to ours: what is there now is the JVM's.
    struct sigaction now;
    ASSERT_EQ(sigaction(SIGSEGV, nullptr, &now), 0);
    EXPECT_NE(reinterpret_cast<void *>(now.sa_sigaction), reinterpret_cast<void *>(host_handler));
    EXPECT_EQ(jb_vm_close(vm), JB_OK);
}
