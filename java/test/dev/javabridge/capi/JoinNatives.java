package dev.javabridge.capi;

/** Test-only natives in libjb_capi_join_test, which calls Java back through libjavabridge's C API. */
final class JoinNatives {
    private JoinNatives() {}

    /** Joins this JVM through jb_vm_open(JB_VM_JOIN) and makes calls; returns a summary or "FAIL ...". */
    static native String joinAndCall();

    /** Starts n native threads that call Java through the C API and exit; returns the failures. */
    static native int callFromNativeThreads(int n);
}
