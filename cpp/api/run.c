/*
 * jb_run_main (run.h): the launcher's job on the public call path, so it is checked like any
 * call and a thrown exception comes back as JB_EJAVA rather than the launcher's exit status.
 */
#include <stddef.h>

#include "javabridge/call.h"
#include "javabridge/errors.h"
#include "javabridge/method.h"
#include "javabridge/run.h"
#include "last_error.h"

JB_API int jb_run_main(const char *class_name, int argc, const char *const *argv) {
    static const char *const no_args[1] = {NULL};
    if (class_name == NULL) {
        return jbi_fail(JB_EINVAL, "jb_run_main: class_name is NULL");
    }
    if (argc < 0 || (argc > 0 && argv == NULL)) {
        return jbi_fail(JB_EINVAL, "jb_run_main: argc %d with argv %s", argc, argv == NULL ? "NULL" : "set");
    }
    jb_method *main_method = NULL;
    int rc = jb_method_find_static(class_name, "main", "([Ljava/lang/String;)V", &main_method);
    if (rc != JB_OK) {
        return rc;
    }
    /* main gets an empty array, never null, when there are no arguments (as from the launcher). */
    jb_arg args = jb_arg_strings(argc > 0 ? argv : no_args, (size_t)argc);
    rc = jb_call_static_void(main_method, &args, 1);
    jb_method_free(main_method);
    return rc;
}
