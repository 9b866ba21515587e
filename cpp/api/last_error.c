/*
 * The public error functions (errors.h) over the per-thread state, and the log callback.
 * Without per-thread memory (calloc failed) the codes still come back from every function;
 * only the message is lost, and jb_error_message() says so.
 */
#include "last_error.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "thread_state.h"
#include "utf8.h"

static const char *const names[] = {
    "JB_OK", "JB_EINVAL", "JB_ENOMEM", "JB_ERANGE", "JB_EENCODING", "JB_EHANDLE", "JB_ENOT_OPEN",
    "JB_ENOJVM", "JB_EVM_CREATE", "JB_EVM_EXISTS", "JB_EVM_DESTROYED", "JB_EVM_NONE", "JB_EATTACH",
    "JB_ESIGNATURE", "JB_ECLASS", "JB_EMETHOD", "JB_EARGS", "JB_ETYPE", "JB_EJAVA", "JB_ETIMEDOUT",
    "JB_EINTERNAL", "JB_EUNSUPPORTED",
};

JB_API const char *jb_error_name(int code) {
    if (code > 0 || code < -(int)(sizeof names / sizeof names[0] - 1)) {
        return "JB_E?";
    }
    return names[-code];
}

/* Messages echo caller input (a signature, a class name, a path), which need not be UTF-8:
 * escaped here, once, so that every message is valid UTF-8. */
static void set_message(jbi_thread *t, const char *fmt, va_list ap) {
    vsnprintf(t->message, sizeof t->message, fmt, ap);
    jbi_utf8_escape_invalid(t->message, sizeof t->message);
}

int jbi_fail(int code, const char *fmt, ...) {
    jbi_thread *t = jbi_thread_self();
    if (t != NULL) {
        t->code = code;
        jbi_thread_clear_java(t);
        va_list ap;
        va_start(ap, fmt);
        set_message(t, fmt, ap);
        va_end(ap);
    }
    return code;
}

int jbi_fail_java(int code, char *java_class, char *java_message, size_t java_message_len, char *stack_trace,
                  const char *fmt, ...) {
    jbi_thread *t = jbi_thread_self();
    if (t == NULL) {
        free(java_class);
        free(java_message);
        free(stack_trace);
        return code;
    }
    t->code = code;
    jbi_thread_clear_java(t);
    t->java_class = java_class;
    t->java_message = java_message;
    t->java_message_len = java_message != NULL ? java_message_len : 0;
    t->stack_trace = stack_trace;
    va_list ap;
    va_start(ap, fmt);
    set_message(t, fmt, ap);
    va_end(ap);
    return code;
}

void jbi_error_recode(int code) {
    jbi_thread *t = jbi_thread_self();
    if (t != NULL) {
        t->code = code;
    }
}

JB_API int jb_error_code(void) {
    jbi_thread *t = jbi_thread_self();
    return t != NULL ? t->code : JB_ENOMEM;
}

JB_API const char *jb_error_message(void) {
    jbi_thread *t = jbi_thread_self();
    return t != NULL ? t->message : "javabridge: no memory for this thread's error state";
}

JB_API const char *jb_error_java_class(void) {
    jbi_thread *t = jbi_thread_self();
    return t != NULL ? t->java_class : NULL;
}

JB_API const char *jb_error_java_message(void) {
    jbi_thread *t = jbi_thread_self();
    return t != NULL ? t->java_message : NULL;
}

JB_API size_t jb_error_java_message_length(void) {
    jbi_thread *t = jbi_thread_self();
    return t != NULL ? t->java_message_len : 0;
}

JB_API const char *jb_error_java_stack_trace(void) {
    jbi_thread *t = jbi_thread_self();
    return t != NULL ? t->stack_trace : NULL;
}

JB_API void jb_error_clear(void) {
    jbi_thread *t = jbi_thread_self();
    if (t != NULL) {
        t->code = JB_OK;
        t->message[0] = '\0';
        jbi_thread_clear_java(t);
    }
}

static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static jb_log_fn log_fn;
static jb_log_level log_min;
static void *log_user_data;

JB_API int jb_log_set_callback(jb_log_fn fn, jb_log_level min_level, void *user_data) {
    if ((int)min_level < JB_LOG_DEBUG || (int)min_level > JB_LOG_WARN) {
        return jbi_fail(JB_EINVAL, "jb_log_set_callback: min_level %d is not a jb_log_level", (int)min_level);
    }
    pthread_mutex_lock(&log_lock);
    log_fn = fn;
    log_min = min_level;
    log_user_data = user_data;
    pthread_mutex_unlock(&log_lock);
    return JB_OK;
}

void jbi_log(jb_log_level level, const char *fmt, ...) {
    pthread_mutex_lock(&log_lock);
    jb_log_fn fn = log_fn;
    void *user_data = log_user_data;
    int wanted = fn != NULL && level >= log_min;
    pthread_mutex_unlock(&log_lock);
    if (!wanted) {
        return;
    }
    char message[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    jbi_utf8_escape_invalid(message, sizeof message);
    fn(level, message, user_data);
}
