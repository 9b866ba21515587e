/**
 * @file field.h
 * @brief Reading and writing Java fields: looked up once (a jb_field), used many times.
 *
 * A jb_field holds a global reference to its class, the field ID and the field's type, all
 * resolved at lookup, so that every get and set is checked in C before Java is touched.
 * Class names and type descriptors are written as for method.h ("java.lang.Integer", "I",
 * "Ljava/lang/String;", "[D").
 *
 * A static field is read and written with self NULL; an instance field with self a live
 * jb_object of (a subclass of) the field's class. Reading follows the result rules of call.h
 * (_int32 reads B, S, C and I fields; _int8 only B; _array an array of the element type asked
 * for...), and jb_field_set() takes one jb_arg under the argument rules of call.h.
 *
 * Common return codes of the get and set functions: JB_OK; JB_EINVAL (out NULL, self NULL for
 * an instance field or not NULL for a static one); JB_EHANDLE (field or self not live, or field
 * a jb_method); JB_ENOT_OPEN; JB_EATTACH; JB_ETYPE (type mismatch, a receiver of another class,
 * setting a final field); JB_ERANGE; JB_EENCODING; JB_ENOMEM. Out-parameters are written only on
 * JB_OK. All functions are thread-safe; a value written by one thread is read by another under
 * the Java memory model's rules for that field (volatile or not).
 */
#ifndef JAVABRIDGE_FIELD_H
#define JAVABRIDGE_FIELD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "javabridge/array.h"
#include "javabridge/call.h"
#include "javabridge/export.h"
#include "javabridge/object.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A resolved Java field. Opaque: never dereference it. */
typedef struct jb_field jb_field;

/**
 * @brief Looks up a static field (declared by the class or inherited).
 * @param class_name binary class name in UTF-8; borrowed.
 * @param field_name the field's name; borrowed.
 * @param descriptor its JNI type descriptor, for example "I" or "Ljava/lang/String;"; borrowed.
 * @param[out] out receives a handle to free with jb_field_free(); untouched on failure.
 * @return JB_OK; JB_EINVAL (a NULL argument, an empty name); JB_ESIGNATURE (malformed
 *   descriptor, or V); JB_EENCODING; JB_ECLASS (class, or the field type's class, not found or
 *   failed to initialise); JB_EMETHOD (no static field of that name and type); JB_ENOT_OPEN;
 *   JB_EATTACH; JB_ENOMEM.
 * @note Thread-safe.
 */
JB_API int jb_field_find_static(const char *class_name, const char *field_name, const char *descriptor,
                                jb_field **out);

/**
 * @brief Looks up an instance field (declared by the class or inherited).
 * @param class_name binary class name in UTF-8; borrowed.
 * @param field_name the field's name; borrowed.
 * @param descriptor its JNI type descriptor, for example "I" or "Ljava/lang/String;"; borrowed.
 * @param[out] out receives a handle to free with jb_field_free(); untouched on failure.
 * @return as jb_field_find_static(), but JB_EMETHOD when there is no instance field of that name
 *   and type (also when the field is static).
 * @note Thread-safe.
 */
JB_API int jb_field_find_instance(const char *class_name, const char *field_name, const char *descriptor,
                                  jb_field **out);

/**
 * @brief Frees a field handle; uses already under way finish first, later ones get JB_EHANDLE.
 * @param field a handle, or NULL (nothing happens).
 * @return JB_OK (also for NULL); JB_EHANDLE if field is forged, a jb_method, or freed already.
 * @note Thread-safe.
 */
JB_API int jb_field_free(jb_field *field);

/**
 * @name Getters
 * Each reads one field under the result rules of call.h.
 * @{
 */
/**
 * @brief Reads a boolean field (Z only).
 * @param field from jb_field_find_static() or jb_field_find_instance().
 * @param self NULL for a static field, else the object whose field is read (borrowed).
 * @param[out] out receives the value (written only on JB_OK).
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_field_get_bool(jb_field *field, jb_object *self, bool *out);
/**
 * @brief Reads a byte field (B only, exact type).
 * @param field from jb_field_find_static() or jb_field_find_instance().
 * @param self NULL for a static field, else the object whose field is read (borrowed).
 * @param[out] out receives the value (written only on JB_OK).
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_field_get_int8(jb_field *field, jb_object *self, int8_t *out);
/**
 * @brief Reads a short field (S only).
 * @param field from jb_field_find_static() or jb_field_find_instance().
 * @param self NULL for a static field, else the object whose field is read (borrowed).
 * @param[out] out receives the value (written only on JB_OK).
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_field_get_int16(jb_field *field, jb_object *self, int16_t *out);
/**
 * @brief Reads a char field (C only), as one UTF-16 code unit.
 * @param field from jb_field_find_static() or jb_field_find_instance().
 * @param self NULL for a static field, else the object whose field is read (borrowed).
 * @param[out] out receives the value (written only on JB_OK).
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_field_get_uint16(jb_field *field, jb_object *self, uint16_t *out);
/**
 * @brief Reads an int field (or byte, short, char).
 * @param field from jb_field_find_static() or jb_field_find_instance().
 * @param self NULL for a static field, else the object whose field is read (borrowed).
 * @param[out] out receives the value (written only on JB_OK).
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_field_get_int32(jb_field *field, jb_object *self, int32_t *out);
/**
 * @brief Reads a long field (or int, byte, short, char).
 * @param field from jb_field_find_static() or jb_field_find_instance().
 * @param self NULL for a static field, else the object whose field is read (borrowed).
 * @param[out] out receives the value (written only on JB_OK).
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_field_get_int64(jb_field *field, jb_object *self, int64_t *out);
/**
 * @brief Reads a float field (F only).
 * @param field from jb_field_find_static() or jb_field_find_instance().
 * @param self NULL for a static field, else the object whose field is read (borrowed).
 * @param[out] out receives the value (written only on JB_OK).
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_field_get_float(jb_field *field, jb_object *self, float *out);
/**
 * @brief Reads a double field (or float).
 * @param field from jb_field_find_static() or jb_field_find_instance().
 * @param self NULL for a static field, else the object whose field is read (borrowed).
 * @param[out] out receives the value (written only on JB_OK).
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_field_get_double(jb_field *field, jb_object *self, double *out);
/**
 * @brief Reads a String field (any reference type whose value is a String), as jb_call_static_string().
 * @param field from jb_field_find_static() or jb_field_find_instance().
 * @param self NULL for a static field, else the object whose field is read (borrowed).
 * @param[out] out receives a NUL-terminated UTF-8 copy, freed by the caller with jb_string_free(),
 *   or NULL for a Java null.
 * @param[out] out_len may be NULL; receives the length in bytes, not counting the terminator
 *   (embedded NULs count).
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_field_get_string(jb_field *field, jb_object *self, char **out, size_t *out_len);
/**
 * @brief Reads a reference field of any type.
 * @param field from jb_field_find_static() or jb_field_find_instance().
 * @param self NULL for a static field, else the object whose field is read (borrowed).
 * @param[out] out receives a reference freed with jb_object_free(), or NULL for a Java null.
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_field_get_object(jb_field *field, jb_object *self, jb_object **out);
/**
 * @brief Reads a primitive array field, as jb_call_static_array().
 * @param field from jb_field_find_static() or jb_field_find_instance().
 * @param self NULL for a static field, else the object whose field is read (borrowed).
 * @param elem the element type expected; an array of another element type is JB_ETYPE, a value
 *   that is not a jb_elem JB_EINVAL.
 * @param[out] out receives a copy of the elements as elem's C type, freed by the caller with
 *   jb_array_free() (never NULL for an empty array), or NULL for a Java null.
 * @param[out] out_count not NULL; receives the element count (0 for a Java null).
 * @return JB_OK, or one of the common codes in the file comment.
 */
JB_API int jb_field_get_array(jb_field *field, jb_object *self, jb_elem elem, void **out, size_t *out_count);
/**
 * @brief Reads a String[] field, as jb_call_static_strings().
 * @param field from jb_field_find_static() or jb_field_find_instance().
 * @param self NULL for a static field, else the object whose field is read (borrowed).
 * @param[out] out receives an array of *out_count NUL-terminated UTF-8 copies (NULL for a null
 *   element), freed by the caller with jb_strings_free(*out, *out_count); NULL for a Java null.
 * @param[out] out_count not NULL; receives the element count (0 for a Java null).
 * @return JB_OK, or one of the common codes in the file comment; an element holding an unpaired
 *   surrogate is JB_EENCODING, and nothing is returned then.
 */
JB_API int jb_field_get_strings(jb_field *field, jb_object *self, char ***out, size_t *out_count);
/** @} */

/**
 * @brief Writes a field.
 * @param field the field; final fields are refused (JB_ETYPE), as Java code could not assign them.
 * @param self NULL for a static field, else the object whose field is written (borrowed).
 * @param value checked against the field's type as a call argument is against its parameter
 *   (for example jb_arg_int32 for I, B, S, C when it fits; jb_arg_string for String; an array
 *   carrier for an array field, copied into a new Java array).
 * @return the common codes in the file comment; JB_EINVAL for an unknown jb_arg_type.
 */
JB_API int jb_field_set(jb_field *field, jb_object *self, jb_arg value);

#ifdef __cplusplus
}
#endif

#endif
