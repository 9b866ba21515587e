/*
 * The hand-written twin of the @CExport stub upcall_exports_add (generated from
 * UpcallExports.add): what a careful user writes with libjavabridge's public C API to call
 * that method from C. Like the stub, it cannot know when the program opens the JVM, so the
 * jb_method is looked up on first use and cached, safely for racing threads; errors come back
 * as the jb_ code. Lives in libjbb_export_rows with the stub, so both are built with the same
 * flags and reached the same way.
 */
#include <stdatomic.h>
#include <stdint.h>

#include "export_rows_lib.h"
#include "javabridge/javabridge.h"

static _Atomic(jb_method *) add_method;

int jbb_handwritten_add(int32_t a, int32_t b, int32_t *out) {
    jb_method *m = atomic_load_explicit(&add_method, memory_order_acquire);
    if (m == NULL) {
        int rc = jb_method_find_static("dev.javabridge.bench.UpcallExports", "add", "(II)I", &m);
        if (rc != JB_OK) {
            return rc;
        }
        jb_method *none = NULL;
        /* A thread that lost the race keeps the winner's handle and frees its own. */
        if (!atomic_compare_exchange_strong_explicit(&add_method, &none, m, memory_order_acq_rel,
                                                     memory_order_acquire)) {
            jb_method_free(m);
            m = none;
        }
    }
    /* Element by element, as the stub does: gcc 12 compiles the initializer-list form
     * ({jb_arg_int32(a), jb_arg_int32(b)}) through a temporary with store-forwarding stalls,
     * ~9 ns a call here, which would be measured as the stub being cheaper than by hand. */
    jb_arg args[2];
    args[0] = jb_arg_int32(a);
    args[1] = jb_arg_int32(b);
    return jb_call_static_int32(m, args, 2, out);
}
