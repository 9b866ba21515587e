/**
 * @file call.h
 * @brief Calling Java methods with C arguments and results.
 *
 * Arguments are an array of jb_arg built with the jb_arg_*() helpers. Each is checked
 * against the method's signature before Java is entered:
 *
 * | jb_arg            | accepted for parameter types                                   |
 * |-------------------|----------------------------------------------------------------|
 * | jb_arg_bool       | Z                                                              |
 * | jb_arg_int32      | I; also B, S, C when the value fits (else JB_ERANGE)           |
 * | jb_arg_int64      | J                                                              |
 * | jb_arg_double     | D; also F (converted)                                          |
 * | jb_arg_string     | any class type String is assignable to (String, Object, CharSequence...) |
 * | jb_arg_bytes      | [B (or Object, Cloneable, Serializable)                        |
 * | jb_arg_object     | any reference type the object is an instance of                |
 * | jb_arg_null       | any reference type                                             |
 * | jb_arg_int8       | B only (exact type)                                            |
 * | jb_arg_int16      | S only                                                         |
 * | jb_arg_uint16     | C only (a UTF-16 code unit)                                    |
 * | jb_arg_float      | F only                                                         |
 * | jb_arg_<t>_array  | the matching primitive array type ([Z [B [S [C [I [J [F [D), or Object, Cloneable, Serializable |
 * | jb_arg_strings    | String[] (or Object[], Object, Cloneable, Serializable)        |
 *
 * Results: _bool needs Z; _int32 accepts B, S, C, I; _int64 accepts B, S, C, I, J;
 * _double accepts F, D; _string needs a reference type whose value is a String; _bytes
 * needs [B; _object any reference type; _void any (the result is discarded); _int8 needs B,
 * _int16 S, _uint16 C, _float F (exact types); _array an array type whose value is an array
 * of the element type asked for; _strings an array type whose value is a String[] (each
 * element a String or null).
 * A mismatch is JB_ETYPE, a wrong count JB_EARGS.
 *
 * Strings cross as real UTF-8 (not JNI's modified UTF-8): embedded NUL and characters
 * outside the BMP (emoji) survive both ways; invalid UTF-8 from C is JB_EENCODING, and so is
 * a Java string holding an unpaired surrogate, which has no UTF-8 form.
 *
 * No call leaves a JNI local reference behind (a call that makes any runs in its own local
 * frame), so a thread can make any number of calls.
 * A Java exception is cleared at the boundary and returned as JB_EJAVA, with its class,
 * message and stack trace in the last error; the JVM and the thread remain usable.
 *
 * Common return codes of every call: JB_OK; JB_EINVAL (args NULL with nargs > 0, an out
 * pointer NULL); JB_EHANDLE (method, receiver or object argument not live); JB_ENOT_OPEN;
 * JB_EVM_DESTROYED (after the last close destroyed the JVM); JB_EATTACH; JB_EARGS; JB_ETYPE; JB_ERANGE (a length over INT32_MAX, an int32 not fitting
 * B/S/C); JB_EENCODING; JB_ENOMEM; JB_EJAVA. Out-parameters are written only on JB_OK.
 * All calls are thread-safe.
 *
 * Speed: a call of a static method whose parameters and result are all primitive (at most 8
 * parameters), each argument of the parameter's own jb_arg type (jb_arg_int32 for I, B, S, C;
 * jb_arg_int64 for J; jb_arg_double for D, F; jb_arg_bool for Z), made on a thread javabridge
 * attached (a C thread, not a Java thread calling into C) and not from inside another
 * javabridge call, takes a fast path: no lock, no atomic read-modify-write, no local frame
 * (see BENCHMARKS.md for its cost against raw JNI). Any other call takes the generic path.
 * Both check the same things and report the same errors.
 */
#ifndef JAVABRIDGE_CALL_H
#define JAVABRIDGE_CALL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "javabridge/array.h"
#include "javabridge/export.h"
#include "javabridge/method.h"
#include "javabridge/object.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The C type carried by a jb_arg. */
typedef enum jb_arg_type {
    JB_ARG_BOOL = 1,   /**< bool, for a Java boolean. */
    JB_ARG_INT32 = 2,  /**< int32_t, for a Java int (or a narrower integer type that fits). */
    JB_ARG_INT64 = 3,  /**< int64_t, for a Java long. */
    JB_ARG_DOUBLE = 4, /**< double, for a Java double (or float). */
    JB_ARG_STRING = 5, /**< UTF-8 with a length; a NULL data pointer passes Java null. */
    JB_ARG_BYTES = 6,  /**< Bytes with a length, copied into a new byte[]; NULL data passes null. */
    JB_ARG_OBJECT = 7, /**< A jb_object; NULL passes null. */
    JB_ARG_NULL = 8,   /**< Java null. */
    JB_ARG_INT8 = 9,   /**< byte */
    JB_ARG_INT16 = 10, /**< short */
    JB_ARG_UINT16 = 11, /**< char */
    JB_ARG_FLOAT = 12, /**< float */
    /** A primitive array copied into a new Java array: JB_ARG_ARRAY_BASE + its jb_elem;
     * u.arr holds the data and the element count; NULL data passes Java null. */
    JB_ARG_ARRAY_BASE = 20,
    JB_ARG_BOOL_ARRAY = 21,
    JB_ARG_INT8_ARRAY = 22,
    JB_ARG_INT16_ARRAY = 23,
    JB_ARG_UINT16_ARRAY = 24,
    JB_ARG_INT32_ARRAY = 25,
    JB_ARG_INT64_ARRAY = 26,
    JB_ARG_FLOAT_ARRAY = 27,
    JB_ARG_DOUBLE_ARRAY = 28,
    /** NUL-terminated UTF-8 strings copied into a new String[] (a NULL element is a null
     * element); NULL data passes Java null. */
    JB_ARG_STRINGS = 30
} jb_arg_type;

/** One argument. Borrowed by the call: nothing it points to is kept afterwards. */
typedef struct jb_arg {
    jb_arg_type type; /**< Which member of u holds the value. */
    /** The value; build it with the jb_arg_*() constructors rather than by hand. */
    union {
        bool b;      /**< JB_ARG_BOOL */
        int32_t i32; /**< JB_ARG_INT32 */
        int64_t i64; /**< JB_ARG_INT64 */
        double d;    /**< JB_ARG_DOUBLE */
        /** JB_ARG_STRING */
        struct {
            const char *data; /**< UTF-8, not necessarily NUL-terminated; NULL passes null */
            size_t len;       /**< length of data in bytes */
        } str;
        /** JB_ARG_BYTES */
        struct {
            const void *data; /**< the bytes; NULL passes null */
            size_t len;       /**< length of data in bytes */
        } bytes;
        jb_object *obj; /**< JB_ARG_OBJECT (borrowed) */
        int8_t i8;      /**< JB_ARG_INT8 */
        int16_t i16;    /**< JB_ARG_INT16 */
        uint16_t u16;   /**< JB_ARG_UINT16 */
        float f;        /**< JB_ARG_FLOAT */
        /** JB_ARG_*_ARRAY */
        struct {
            const void *data; /**< the elements, of the array type's C type; NULL passes null */
            size_t count;     /**< elements, not bytes */
        } arr;
        /** JB_ARG_STRINGS */
        struct {
            const char *const *data; /**< NUL-terminated UTF-8 strings; NULL passes null */
            size_t count;            /**< the number of strings */
        } strs;
    } u;
} jb_arg;

/*
 * The constructors build the value in place (a compound literal in C): filling a local and
 * copying it out made every call stall on a store-to-load forward, which cost about a sixth of
 * a call to a trivial Java method. C++ before C++20 has no designated initialisers.
 */
#ifdef __cplusplus
#define JB_ARG_MAKE_(t, field, value) \
    jb_arg a = jb_arg();              \
    a.type = (t);                     \
    a.u.field = (value);              \
    return a
#define JB_ARG_MAKE2_(t, field, f1, v1, f2, v2) \
    jb_arg a = jb_arg();                        \
    a.type = (t);                               \
    a.u.field.f1 = (v1);                        \
    a.u.field.f2 = (v2);                        \
    return a
#else
#define JB_ARG_MAKE_(t, field, value) return (jb_arg){.type = (t), .u = {.field = (value)}}
#define JB_ARG_MAKE2_(t, field, f1, v1, f2, v2) return (jb_arg){.type = (t), .u = {.field = {.f1 = (v1), .f2 = (v2)}}}
#endif

/** A boolean argument. @param v the value. @return the argument. */
static inline jb_arg jb_arg_bool(bool v) { JB_ARG_MAKE_(JB_ARG_BOOL, b, v); }
/** A 32-bit integer argument. @param v the value. @return the argument. */
static inline jb_arg jb_arg_int32(int32_t v) { JB_ARG_MAKE_(JB_ARG_INT32, i32, v); }
/** A 64-bit integer argument. @param v the value. @return the argument. */
static inline jb_arg jb_arg_int64(int64_t v) { JB_ARG_MAKE_(JB_ARG_INT64, i64, v); }
/** A double argument. @param v the value. @return the argument. */
static inline jb_arg jb_arg_double(double v) { JB_ARG_MAKE_(JB_ARG_DOUBLE, d, v); }
/** A UTF-8 string of len bytes (may contain NUL); s NULL passes Java null.
 * @param s the bytes (borrowed). @param len their number. @return the argument. */
static inline jb_arg jb_arg_string_n(const char *s, size_t len) { JB_ARG_MAKE2_(JB_ARG_STRING, str, data, s, len, len); }
/** A NUL-terminated UTF-8 string; NULL passes Java null. @param s the string (borrowed). @return the argument. */
static inline jb_arg jb_arg_string(const char *s) { return jb_arg_string_n(s, s != NULL ? strlen(s) : 0); }
/** len bytes copied into a new Java byte[]; data NULL passes Java null.
 * @param data the bytes (borrowed). @param len their number. @return the argument. */
static inline jb_arg jb_arg_bytes(const void *data, size_t len) { JB_ARG_MAKE2_(JB_ARG_BYTES, bytes, data, data, len, len); }
/** A Java object (borrowed); NULL passes Java null. @param o the object. @return the argument. */
static inline jb_arg jb_arg_object(jb_object *o) { JB_ARG_MAKE_(JB_ARG_OBJECT, obj, o); }
/** Java null. @return the argument. */
static inline jb_arg jb_arg_null(void) { JB_ARG_MAKE_(JB_ARG_NULL, obj, (jb_object *)0); }
/** A byte argument (exact type: parameter B only). @param v the value. @return the argument. */
static inline jb_arg jb_arg_int8(int8_t v) { JB_ARG_MAKE_(JB_ARG_INT8, i8, v); }
/** A short argument (parameter S only). @param v the value. @return the argument. */
static inline jb_arg jb_arg_int16(int16_t v) { JB_ARG_MAKE_(JB_ARG_INT16, i16, v); }
/** A char argument, one UTF-16 code unit (parameter C only). @param v the value. @return the argument. */
static inline jb_arg jb_arg_uint16(uint16_t v) { JB_ARG_MAKE_(JB_ARG_UINT16, u16, v); }
/** A float argument (parameter F only). @param v the value. @return the argument. */
static inline jb_arg jb_arg_float(float v) { JB_ARG_MAKE_(JB_ARG_FLOAT, f, v); }
/** @name Primitive arrays: count elements copied into a new Java array; data NULL passes Java null.
 * @{ */
/** A boolean[] argument. @param d n elements (borrowed), or NULL for Java null. @param n the element count (over INT32_MAX is JB_ERANGE at the call). @return the argument. */
static inline jb_arg jb_arg_bool_array(const bool *d, size_t n) { JB_ARG_MAKE2_(JB_ARG_BOOL_ARRAY, arr, data, d, count, n); }
/** A byte[] argument. @param d n elements (borrowed), or NULL for Java null. @param n the element count (over INT32_MAX is JB_ERANGE at the call). @return the argument. */
static inline jb_arg jb_arg_int8_array(const int8_t *d, size_t n) { JB_ARG_MAKE2_(JB_ARG_INT8_ARRAY, arr, data, d, count, n); }
/** A short[] argument. @param d n elements (borrowed), or NULL for Java null. @param n the element count (over INT32_MAX is JB_ERANGE at the call). @return the argument. */
static inline jb_arg jb_arg_int16_array(const int16_t *d, size_t n) { JB_ARG_MAKE2_(JB_ARG_INT16_ARRAY, arr, data, d, count, n); }
/** A char[] argument. @param d n elements (borrowed), or NULL for Java null. @param n the element count (over INT32_MAX is JB_ERANGE at the call). @return the argument. */
static inline jb_arg jb_arg_uint16_array(const uint16_t *d, size_t n) { JB_ARG_MAKE2_(JB_ARG_UINT16_ARRAY, arr, data, d, count, n); }
/** A int[] argument. @param d n elements (borrowed), or NULL for Java null. @param n the element count (over INT32_MAX is JB_ERANGE at the call). @return the argument. */
static inline jb_arg jb_arg_int32_array(const int32_t *d, size_t n) { JB_ARG_MAKE2_(JB_ARG_INT32_ARRAY, arr, data, d, count, n); }
/** A long[] argument. @param d n elements (borrowed), or NULL for Java null. @param n the element count (over INT32_MAX is JB_ERANGE at the call). @return the argument. */
static inline jb_arg jb_arg_int64_array(const int64_t *d, size_t n) { JB_ARG_MAKE2_(JB_ARG_INT64_ARRAY, arr, data, d, count, n); }
/** A float[] argument. @param d n elements (borrowed), or NULL for Java null. @param n the element count (over INT32_MAX is JB_ERANGE at the call). @return the argument. */
static inline jb_arg jb_arg_float_array(const float *d, size_t n) { JB_ARG_MAKE2_(JB_ARG_FLOAT_ARRAY, arr, data, d, count, n); }
/** A double[] argument. @param d n elements (borrowed), or NULL for Java null. @param n the element count (over INT32_MAX is JB_ERANGE at the call). @return the argument. */
static inline jb_arg jb_arg_double_array(const double *d, size_t n) { JB_ARG_MAKE2_(JB_ARG_DOUBLE_ARRAY, arr, data, d, count, n); }
/** @} */
/**
 * A String[] of count NUL-terminated UTF-8 strings (a NULL element becomes null); strs NULL
 * passes Java null. Invalid UTF-8 in any element is JB_EENCODING, naming the element.
 * @param strs count strings (borrowed, as is each string), or NULL for Java null.
 * @param count the number of strings (over INT32_MAX is JB_ERANGE at the call).
 * @return the argument.
 */
static inline jb_arg jb_arg_strings(const char *const *strs, size_t count) { JB_ARG_MAKE2_(JB_ARG_STRINGS, strs, data, strs, count, count); }
#undef JB_ARG_MAKE_
#undef JB_ARG_MAKE2_

/** @name Static methods
 * @{
 */
/**
 * @brief Calls a static method that returns void.
 * @param method from jb_method_find_static().
 * @param args nargs arguments (may be NULL when nargs is 0); borrowed.
 * @param nargs the number of arguments.
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_call_static_void(jb_method *method, const jb_arg *args, size_t nargs);
/**
 * @brief Calls a static method that returns boolean.
 * @param method from jb_method_find_static().
 * @param args nargs arguments (may be NULL when nargs is 0); borrowed.
 * @param nargs the number of arguments.
 * @param[out] out receives the result (written only on JB_OK).
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_call_static_bool(jb_method *method, const jb_arg *args, size_t nargs, bool *out);
/**
 * @brief Calls a static method that returns int (or byte, short, char).
 * @param method from jb_method_find_static().
 * @param args nargs arguments (may be NULL when nargs is 0); borrowed.
 * @param nargs the number of arguments.
 * @param[out] out receives the result (written only on JB_OK).
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_call_static_int32(jb_method *method, const jb_arg *args, size_t nargs, int32_t *out);
/**
 * @brief Calls a static method that returns long.
 * @param method from jb_method_find_static().
 * @param args nargs arguments (may be NULL when nargs is 0); borrowed.
 * @param nargs the number of arguments.
 * @param[out] out receives the result (written only on JB_OK).
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_call_static_int64(jb_method *method, const jb_arg *args, size_t nargs, int64_t *out);
/**
 * @brief Calls a static method that returns double (or float).
 * @param method from jb_method_find_static().
 * @param args nargs arguments (may be NULL when nargs is 0); borrowed.
 * @param nargs the number of arguments.
 * @param[out] out receives the result (written only on JB_OK).
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_call_static_double(jb_method *method, const jb_arg *args, size_t nargs, double *out);
/**
 * @brief Calls a static method that returns a String.
 * @param method from jb_method_find_static().
 * @param args nargs arguments (may be NULL when nargs is 0); borrowed.
 * @param nargs the number of arguments.
 * @param[out] out receives a NUL-terminated UTF-8 copy, freed by the caller with jb_string_free(),
 *   or NULL for a Java null.
 * @param[out] out_len may be NULL; receives the length in bytes, not counting the terminator
 *   (embedded NULs count).
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_call_static_string(jb_method *method, const jb_arg *args, size_t nargs, char **out, size_t *out_len);
/**
 * @brief Calls a static method that returns a byte[].
 * @param method from jb_method_find_static().
 * @param args nargs arguments (may be NULL when nargs is 0); borrowed.
 * @param nargs the number of arguments.
 * @param[out] out receives a copy freed by the caller with jb_bytes_free() (never NULL for an
 *   empty array), or NULL for a Java null.
 * @param[out] out_len not NULL; receives the length.
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_call_static_bytes(jb_method *method, const jb_arg *args, size_t nargs, uint8_t **out, size_t *out_len);
/**
 * @brief Calls a static method that returns an object.
 * @param method from jb_method_find_static().
 * @param args nargs arguments (may be NULL when nargs is 0); borrowed.
 * @param nargs the number of arguments.
 * @param[out] out receives a reference freed with jb_object_free(), or NULL for a Java null.
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_call_static_object(jb_method *method, const jb_arg *args, size_t nargs, jb_object **out);
/**
 * @brief Calls a static method that returns byte (B only, exact type).
 * @param method from jb_method_find_static().
 * @param args nargs arguments (may be NULL when nargs is 0); borrowed.
 * @param nargs the number of arguments.
 * @param[out] out receives the result (written only on JB_OK).
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_call_static_int8(jb_method *method, const jb_arg *args, size_t nargs, int8_t *out);
/**
 * @brief Calls a static method that returns short (S only).
 * @param method from jb_method_find_static().
 * @param args nargs arguments (may be NULL when nargs is 0); borrowed.
 * @param nargs the number of arguments.
 * @param[out] out receives the result (written only on JB_OK).
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_call_static_int16(jb_method *method, const jb_arg *args, size_t nargs, int16_t *out);
/**
 * @brief Calls a static method that returns char (C only), as one UTF-16 code unit.
 * @param method from jb_method_find_static().
 * @param args nargs arguments (may be NULL when nargs is 0); borrowed.
 * @param nargs the number of arguments.
 * @param[out] out receives the result (written only on JB_OK).
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_call_static_uint16(jb_method *method, const jb_arg *args, size_t nargs, uint16_t *out);
/**
 * @brief Calls a static method that returns float (F only).
 * @param method from jb_method_find_static().
 * @param args nargs arguments (may be NULL when nargs is 0); borrowed.
 * @param nargs the number of arguments.
 * @param[out] out receives the result (written only on JB_OK).
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_call_static_float(jb_method *method, const jb_arg *args, size_t nargs, float *out);
/**
 * @brief Calls a static method that returns a primitive array.
 * @param method from jb_method_find_static().
 * @param args nargs arguments (may be NULL when nargs is 0); borrowed.
 * @param nargs the number of arguments.
 * @param elem the element type expected; an array of another element type is JB_ETYPE, a value
 *   that is not a jb_elem JB_EINVAL.
 * @param[out] out receives a copy of the elements as elem's C type (see array.h), freed by the
 *   caller with jb_array_free() (never NULL for an empty array), or NULL for a Java null.
 * @param[out] out_count not NULL; receives the element count (0 for a Java null).
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_call_static_array(jb_method *method, const jb_arg *args, size_t nargs, jb_elem elem, void **out,
                                size_t *out_count);
/**
 * @brief Calls a static method that returns a String[].
 * @param method from jb_method_find_static().
 * @param args nargs arguments (may be NULL when nargs is 0); borrowed.
 * @param nargs the number of arguments.
 * @param[out] out receives an array of *out_count NUL-terminated UTF-8 copies (NULL for a null
 *   element), freed by the caller with jb_strings_free(*out, *out_count); NULL for a Java null.
 * @param[out] out_count not NULL; receives the element count (0 for a Java null).
 * @return JB_OK, or one of the common codes in the file comment; an element holding an unpaired
 *   surrogate is JB_EENCODING, and nothing is returned then.
 */
JB_API int jb_call_static_strings(jb_method *method, const jb_arg *args, size_t nargs, char ***out,
                                  size_t *out_count);
/** @} */

/** @name Instance methods
 * @{
 */
/**
 * @brief Calls an instance method that returns void.
 * @param method from jb_method_find_instance().
 * @param self the receiver: a live jb_object whose class is (a subclass of) the method's class
 *   (else JB_ETYPE); NULL is JB_EINVAL.
 * @param args nargs arguments (may be NULL when nargs is 0); borrowed.
 * @param nargs the number of arguments.
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_call_instance_void(jb_method *method, jb_object *self, const jb_arg *args, size_t nargs);
/**
 * @brief Calls an instance method that returns boolean.
 * @param method from jb_method_find_instance().
 * @param self the receiver: a live jb_object whose class is (a subclass of) the method's class
 *   (else JB_ETYPE); NULL is JB_EINVAL.
 * @param args nargs arguments (may be NULL when nargs is 0); borrowed.
 * @param nargs the number of arguments.
 * @param[out] out receives the result (written only on JB_OK).
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_call_instance_bool(jb_method *method, jb_object *self, const jb_arg *args, size_t nargs, bool *out);
/**
 * @brief Calls an instance method that returns int (or byte, short, char).
 * @param method from jb_method_find_instance().
 * @param self the receiver: a live jb_object whose class is (a subclass of) the method's class
 *   (else JB_ETYPE); NULL is JB_EINVAL.
 * @param args nargs arguments (may be NULL when nargs is 0); borrowed.
 * @param nargs the number of arguments.
 * @param[out] out receives the result (written only on JB_OK).
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_call_instance_int32(jb_method *method, jb_object *self, const jb_arg *args, size_t nargs, int32_t *out);
/**
 * @brief Calls an instance method that returns long.
 * @param method from jb_method_find_instance().
 * @param self the receiver: a live jb_object whose class is (a subclass of) the method's class
 *   (else JB_ETYPE); NULL is JB_EINVAL.
 * @param args nargs arguments (may be NULL when nargs is 0); borrowed.
 * @param nargs the number of arguments.
 * @param[out] out receives the result (written only on JB_OK).
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_call_instance_int64(jb_method *method, jb_object *self, const jb_arg *args, size_t nargs, int64_t *out);
/**
 * @brief Calls an instance method that returns double (or float).
 * @param method from jb_method_find_instance().
 * @param self the receiver: a live jb_object whose class is (a subclass of) the method's class
 *   (else JB_ETYPE); NULL is JB_EINVAL.
 * @param args nargs arguments (may be NULL when nargs is 0); borrowed.
 * @param nargs the number of arguments.
 * @param[out] out receives the result (written only on JB_OK).
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_call_instance_double(jb_method *method, jb_object *self, const jb_arg *args, size_t nargs, double *out);
/**
 * @brief Calls an instance method that returns a String.
 * @param method from jb_method_find_instance().
 * @param self the receiver: a live jb_object whose class is (a subclass of) the method's class
 *   (else JB_ETYPE); NULL is JB_EINVAL.
 * @param args nargs arguments (may be NULL when nargs is 0); borrowed.
 * @param nargs the number of arguments.
 * @param[out] out receives a NUL-terminated UTF-8 copy, freed by the caller with jb_string_free(),
 *   or NULL for a Java null.
 * @param[out] out_len may be NULL; receives the length in bytes, not counting the terminator
 *   (embedded NULs count).
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_call_instance_string(jb_method *method, jb_object *self, const jb_arg *args, size_t nargs, char **out,
                                   size_t *out_len);
/**
 * @brief Calls an instance method that returns a byte[].
 * @param method from jb_method_find_instance().
 * @param self the receiver: a live jb_object whose class is (a subclass of) the method's class
 *   (else JB_ETYPE); NULL is JB_EINVAL.
 * @param args nargs arguments (may be NULL when nargs is 0); borrowed.
 * @param nargs the number of arguments.
 * @param[out] out receives a copy freed by the caller with jb_bytes_free() (never NULL for an
 *   empty array), or NULL for a Java null.
 * @param[out] out_len not NULL; receives the length.
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_call_instance_bytes(jb_method *method, jb_object *self, const jb_arg *args, size_t nargs, uint8_t **out,
                                  size_t *out_len);
/**
 * @brief Calls an instance method that returns an object.
 * @param method from jb_method_find_instance().
 * @param self the receiver: a live jb_object whose class is (a subclass of) the method's class
 *   (else JB_ETYPE); NULL is JB_EINVAL.
 * @param args nargs arguments (may be NULL when nargs is 0); borrowed.
 * @param nargs the number of arguments.
 * @param[out] out receives a reference freed with jb_object_free(), or NULL for a Java null.
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_call_instance_object(jb_method *method, jb_object *self, const jb_arg *args, size_t nargs,
                                   jb_object **out);
/**
 * @brief Calls an instance method that returns byte (B only, exact type).
 * @param method from jb_method_find_instance().
 * @param self the receiver: a live jb_object whose class is (a subclass of) the method's class
 *   (else JB_ETYPE); NULL is JB_EINVAL.
 * @param args nargs arguments (may be NULL when nargs is 0); borrowed.
 * @param nargs the number of arguments.
 * @param[out] out receives the result (written only on JB_OK).
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_call_instance_int8(jb_method *method, jb_object *self, const jb_arg *args, size_t nargs, int8_t *out);
/**
 * @brief Calls an instance method that returns short (S only).
 * @param method from jb_method_find_instance().
 * @param self the receiver: a live jb_object whose class is (a subclass of) the method's class
 *   (else JB_ETYPE); NULL is JB_EINVAL.
 * @param args nargs arguments (may be NULL when nargs is 0); borrowed.
 * @param nargs the number of arguments.
 * @param[out] out receives the result (written only on JB_OK).
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_call_instance_int16(jb_method *method, jb_object *self, const jb_arg *args, size_t nargs, int16_t *out);
/**
 * @brief Calls an instance method that returns char (C only), as one UTF-16 code unit.
 * @param method from jb_method_find_instance().
 * @param self the receiver: a live jb_object whose class is (a subclass of) the method's class
 *   (else JB_ETYPE); NULL is JB_EINVAL.
 * @param args nargs arguments (may be NULL when nargs is 0); borrowed.
 * @param nargs the number of arguments.
 * @param[out] out receives the result (written only on JB_OK).
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_call_instance_uint16(jb_method *method, jb_object *self, const jb_arg *args, size_t nargs,
                                   uint16_t *out);
/**
 * @brief Calls an instance method that returns float (F only).
 * @param method from jb_method_find_instance().
 * @param self the receiver: a live jb_object whose class is (a subclass of) the method's class
 *   (else JB_ETYPE); NULL is JB_EINVAL.
 * @param args nargs arguments (may be NULL when nargs is 0); borrowed.
 * @param nargs the number of arguments.
 * @param[out] out receives the result (written only on JB_OK).
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_call_instance_float(jb_method *method, jb_object *self, const jb_arg *args, size_t nargs, float *out);
/**
 * @brief Calls an instance method that returns a primitive array.
 * @param method from jb_method_find_instance().
 * @param self the receiver: a live jb_object whose class is (a subclass of) the method's class
 *   (else JB_ETYPE); NULL is JB_EINVAL.
 * @param args nargs arguments (may be NULL when nargs is 0); borrowed.
 * @param nargs the number of arguments.
 * @param elem the element type expected; an array of another element type is JB_ETYPE, a value
 *   that is not a jb_elem JB_EINVAL.
 * @param[out] out receives a copy of the elements as elem's C type (see array.h), freed by the
 *   caller with jb_array_free() (never NULL for an empty array), or NULL for a Java null.
 * @param[out] out_count not NULL; receives the element count (0 for a Java null).
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_call_instance_array(jb_method *method, jb_object *self, const jb_arg *args, size_t nargs, jb_elem elem,
                                  void **out, size_t *out_count);
/**
 * @brief Calls an instance method that returns a String[].
 * @param method from jb_method_find_instance().
 * @param self the receiver: a live jb_object whose class is (a subclass of) the method's class
 *   (else JB_ETYPE); NULL is JB_EINVAL.
 * @param args nargs arguments (may be NULL when nargs is 0); borrowed.
 * @param nargs the number of arguments.
 * @param[out] out receives an array of *out_count NUL-terminated UTF-8 copies (NULL for a null
 *   element), freed by the caller with jb_strings_free(*out, *out_count); NULL for a Java null.
 * @param[out] out_count not NULL; receives the element count (0 for a Java null).
 * @return JB_OK, or one of the common codes in the file comment; an element holding an unpaired
 *   surrogate is JB_EENCODING, and nothing is returned then.
 */
JB_API int jb_call_instance_strings(jb_method *method, jb_object *self, const jb_arg *args, size_t nargs, char ***out,
                                    size_t *out_count);
/** @} */

/**
 * @brief Creates an object with a constructor from jb_method_find_constructor().
 * @param method from jb_method_find_constructor().
 * @param args nargs arguments (may be NULL when nargs is 0); borrowed.
 * @param nargs the number of arguments.
 * @param[out] out receives the new object's reference, freed with jb_object_free().
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_call_new(jb_method *method, const jb_arg *args, size_t nargs, jb_object **out);

#ifdef __cplusplus
}
#endif

#endif
