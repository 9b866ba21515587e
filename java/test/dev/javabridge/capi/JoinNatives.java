package dev.javabridge.capi;

import java.nio.charset.StandardCharsets;

/** Test-only natives in libjb_capi_join_test, which calls Java back through libjavabridge's C API. */
final class JoinNatives {
    private JoinNatives() {}

    /** Joins this JVM through jb_vm_open(JB_VM_JOIN) and makes calls; returns a summary or "FAIL ...". */
    static String joinAndCall() {
        return new String(joinAndCall0(), StandardCharsets.UTF_8);
    }

    /** The summary as UTF-8 bytes. */
    private static native byte[] joinAndCall0();

    /** Starts n native threads that call Java through the C API and exit; returns the failures. */
    static native int callFromNativeThreads(int n);
}
