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
// Reached only for a fault that is not Java's, a real crash in host code: count it and let the
// fault repeat under the default action, so the test crashes instead of looping forever.
void host_handler(int sig, siginfo_t *, void *) {
    host_handler_calls = host_handler_calls + 1;
    signal(sig, SIG_DFL);
}
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
    jb_method *len = find_static("nullPointer", "(Ljava/lang/String;)I");  // the same method, not null
    jb_arg null_arg = jb_arg_null();
    jb_arg text = jb_arg_string("four");
    int failures = 0;
    std::string first_failure;
    for (int k = 0; k < 50000; k++) {
        int32_t r = 0;
        int rc = jb_call_static_int32(npe, &null_arg, 1, &r);
        // Never strcmp a NULL here: a fault in host code would loop through the chained handler.
        const char *cls = jb_error_java_class();
        if (rc != JB_EJAVA || cls == nullptr || std::strcmp(cls, "java.lang.NullPointerException") != 0) {
            if (failures++ == 0) {
                first_failure = std::string("call ") + std::to_string(k) + ": " + jb_error_name(rc) + ": " +
                                jb_error_message() + " class=" + (cls != nullptr ? cls : "(null)");
            }
        }
        if (jb_call_static_int32(len, &text, 1, &r) != JB_OK || r != 4) failures++;
    }
    EXPECT_EQ(failures, 0) << first_failure;
    EXPECT_EQ(host_handler_calls, 0) << "the JVM handled its own faults";

    // The JVM installed its handler over ours and chains to ours: what is there now is the JVM's.
    struct sigaction now;
    ASSERT_EQ(sigaction(SIGSEGV, nullptr, &now), 0);
    EXPECT_NE(reinterpret_cast<void *>(now.sa_sigaction), reinterpret_cast<void *>(host_handler));
    EXPECT_EQ(jb_vm_close(vm), JB_OK);
}
