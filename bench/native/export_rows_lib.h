/*
 * libjbb_export_rows: the @CExport rows' code, linked against libjavabridge and dlopen'ed by
 * the upcall harness (export_rows.c) once libjavabridge is loaded. It holds the generated
 * upcall_exports.c (upcall_exports_add) and its hand-written twin below.
 */
#ifndef JBB_EXPORT_ROWS_LIB_H
#define JBB_EXPORT_ROWS_LIB_H

#include <stdint.h>

/** UpcallExports.add(a, b) into *out, by hand with the C API; JB_OK or a negative jb_ code. */
int jbb_handwritten_add(int32_t a, int32_t b, int32_t *out);

#endif
