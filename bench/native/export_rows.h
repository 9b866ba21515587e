/*
 * The @CExport rows of the upcall harness: the generated stub upcall_exports_add against its
 * hand-written twin jbb_handwritten_add, both in libjbb_export_rows (export_rows_lib.h), which
 * is linked against libjavabridge and opened here after the harness has loaded libjavabridge.
 * Compiled in only when CMake built that library (JBB_WITH_EXPORTS).
 */
#ifndef JBB_EXPORT_ROWS_H
#define JBB_EXPORT_ROWS_H

/** 1 when the harness was built with the export rows. */
int jbb_export_available(void);

/**
 * Opens libjbb_export_rows and checks that it uses the libjavabridge already loaded from
 * javabridge_lib (not a second copy); 0, or -1 with a message on stderr.
 */
int jbb_export_load(const char *javabridge_lib);

/** n calls of the generated upcall_exports_add, each result checked; 0 or -1. */
int jbb_export_stub_calls(long n);

/** n calls of the hand-written jbb_handwritten_add, each result checked; 0 or -1. */
int jbb_export_handwritten_calls(long n);

#endif
