/*
 * Parsing JNI method descriptors such as "(ILjava/lang/String;[B)V", without JNI, so that a
 * call's arguments can be checked before Java is entered (JNI itself checks nothing and a
 * wrong jvalue is heap corruption). Pure, so it can be unit-tested and fuzzed alone.
 */
#ifndef JB_API_SIGNATURE_H
#define JB_API_SIGNATURE_H

#include <stddef.h>

/* The JVM allows at most 255 parameter slots, so never more than 255 parameters. */
#define JBI_SIG_MAX_PARAMS 255
#define JBI_SIG_MAX_ARRAY_DIMS 255

/* One field descriptor inside the signature. kind is its first character: one of
 * Z B C S I J F D (primitives), L (class), [ (array), or V (void, results only). */
typedef struct jbi_sig_type {
    char kind;
    size_t offset; /* where the descriptor starts in the signature */
    size_t length; /* its length: 1 for primitives, "Ljava/lang/String;" is 18 */
} jbi_sig_type;

typedef struct jbi_signature {
    size_t param_count;
    jbi_sig_type params[JBI_SIG_MAX_PARAMS];
    jbi_sig_type result;
} jbi_signature;

#define JBI_SIG_OK 0
#define JBI_SIG_INVALID (-1)

/*
 * Parses sig[0..len) (it need not be NUL-terminated) into *out. Refuses: a missing '(' or ')',
 * an unknown type character, V as a parameter, an empty class name or path segment ("L;",
 * "La//b;"), '.', '[' or ';' inside a class name, more than 255 array dimensions or parameters,
 * and anything after the result. On failure *error_offset (if not NULL) is where it went wrong,
 * and *out is unspecified.
 */
int jbi_signature_parse(const char *sig, size_t len, jbi_signature *out, size_t *error_offset);

/* Whether the descriptor at t is a reference (class or array) type. */
int jbi_sig_is_reference(const jbi_sig_type *t);

#endif
