package dev.javabridge.bench;

import dev.javabridge.export.CExport;

/**
 * UpcallTarget.add again, exported to C with @CExport: javabridge's processor writes
 * upcall_exports.h/.c (function {@code upcall_exports_add}) during bench's build, and the C
 * harness times that generated stub against hand-written C API code calling this same method
 * (bench/native/export_rows/).
 */
public final class UpcallExports {
    private UpcallExports() {}

    @CExport
    public static int add(int a, int b) {
        return a + b;
    }
}
