/*
 * Runtime support for generated @CExport code (cexport.h): a lock-free per-site cache of method
 * handles that survives the JVM being closed and reopened, and a way for generated code to
 * report its own argument errors through the same thread-local last error as the C API.
 * No lock is held while Java runs: a class initialiser that calls back into C cannot deadlock.
 */
#include <stdbool.h>
#include <stdint.h>

#include "javabridge/cexport.h"
#include "javabridge/errors.h"
#include "handles.h"
#include "last_error.h"

static int find(const jb_cexport_site *site, jb_method **out) {
    switch (site->kind) {
    case JB_CEXPORT_STATIC:
        return jb_method_find_static(site->class_name, site->method_name, site->signature, out);
    case JB_CEXPORT_INSTANCE:
        return jb_method_find_instance(site->class_name, site->method_name, site->signature, out);
    case JB_CEXPORT_CONSTRUCTOR:
        return jb_method_find_constructor(site->class_name, site->signature, out);
    }
    return jbi_fail(JB_EINVAL, "jb_cexport_method: unknown site kind %d", (int)site->kind);
}

JB_API int jb_cexport_method(jb_cexport_site *site, jb_method **out) {
    if (site == NULL || out == NULL) {
        return jbi_fail(JB_EINVAL, "jb_cexport_method: site and out must not be NULL");
    }
    jb_method *m = __atomic_load_n(&site->cached, __ATOMIC_ACQUIRE);
    if (m != NULL) {
        *out = m;
        return JB_OK;
    }
    int rc = find(site, &m);
    if (rc != JB_OK) {
        return rc;
    }
    jb_method *expected = NULL;
    if (!__atomic_compare_exchange_n(&site->cached, &expected, m, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        jb_method_free(m); /* another thread's lookup won; its handle is as good */
        m = expected;
    }
    *out = m;
    return JB_OK;
}

static bool is_stale(jb_method *m) {
    void *ptr = NULL;
    if (jbi_handles_acquire((uintptr_t)m, JBI_HANDLE_METHOD, &ptr) != JBI_H_OK) {
        return true;
    }
    jbi_handles_release((uintptr_t)m);
    return false;
}

JB_API int jb_cexport_refresh(jb_cexport_site *site, jb_method **m) {
    if (site == NULL || m == NULL) {
        return jbi_fail(JB_EINVAL, "jb_cexport_refresh: site and m must not be NULL");
    }
    jb_method *failed = *m;
    if (failed == NULL || !is_stale(failed)) {
        return JB_EHANDLE;
    }
    /* Only the stale value is swapped out: a fresh handle another thread installed stays. */
    __atomic_compare_exchange_n(&site->cached, &failed, NULL, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
    return jb_cexport_method(site, m);
}

JB_API int jb_cexport_fail(int code, const char *message) {
    return jbi_fail(code, "%s", message != NULL ? message : "");
}
