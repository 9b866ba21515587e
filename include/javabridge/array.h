/**
 * @file array.h
 * @brief Java arrays copied to and from C: element types, and freeing what calls return.
 *
 * Primitive arrays cross as copies: an argument (jb_arg_int32_array() and the others in
 * call.h) is copied into a new Java array for the call, and an array result or field
 * (jb_call_static_array(), jb_field_get_array()) is copied into a new C buffer. A String[]
 * crosses as an array of NUL-terminated UTF-8 strings (jb_arg_strings(), jb_call_static_strings()).
 * Java arrays hold at most INT32_MAX elements: a longer C array is JB_ERANGE before Java is entered.
 *
 * An array held as a jb_object (from jb_call_static_object(), jb_field_get_object(), ...) is
 * read and written in place by index: jb_array_length() for any array, jb_object_array_get()
 * and jb_object_array_set() for arrays of references.
 */
#ifndef JAVABRIDGE_ARRAY_H
#define JAVABRIDGE_ARRAY_H

#include <stddef.h>

#include "javabridge/export.h"
#include "javabridge/object.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A primitive element type and the C type a copied element has. */
typedef enum jb_elem {
    JB_ELEM_BOOL = 1,   /**< boolean[] as bool */
    JB_ELEM_INT8 = 2,   /**< byte[] as int8_t */
    JB_ELEM_INT16 = 3,  /**< short[] as int16_t */
    JB_ELEM_UINT16 = 4, /**< char[] as uint16_t (UTF-16 code units) */
    JB_ELEM_INT32 = 5,  /**< int[] as int32_t */
    JB_ELEM_INT64 = 6,  /**< long[] as int64_t */
    JB_ELEM_FLOAT = 7,  /**< float[] as float */
    JB_ELEM_DOUBLE = 8  /**< double[] as double */
} jb_elem;

/**
 * @brief The size in bytes of one element of type elem in C.
 * @param elem the element type.
 * @return 1, 2, 4 or 8; 0 for a value that is not a jb_elem.
 * @note Thread-safe; needs no open JVM.
 */
JB_API size_t jb_elem_size(jb_elem elem);

/**
 * @brief Frees an array a jb_ function returned (jb_call_static_array(), jb_field_get_array()).
 * @param data the array, or NULL (nothing happens).
 * @note Thread-safe; needs no open JVM.
 */
JB_API void jb_array_free(void *data);

/**
 * @brief Frees a string array a jb_ function returned (jb_call_static_strings(), jb_field_get_strings()):
 *   each of its count strings, then the array.
 * @param strings the array, or NULL (nothing happens).
 * @param count the element count that was returned with it.
 * @note Thread-safe; needs no open JVM.
 */
JB_API void jb_strings_free(char **strings, size_t count);

/**
 * @brief The length of a Java array (of any element type).
 * @param array a live reference to an array.
 * @param[out] out receives the element count.
 * @return JB_OK; JB_EINVAL (array or out NULL); JB_EHANDLE; JB_ETYPE (not an array);
 *   JB_ENOT_OPEN; JB_EATTACH.
 * @note Thread-safe.
 */
JB_API int jb_array_length(jb_object *array, size_t *out);

/**
 * @brief One element of an array of references (Object[], String[], int[][], ...).
 * @param array a live reference to an array of references.
 * @param index the element's index.
 * @param[out] out receives a new reference to the element, to free with jb_object_free(), or
 *   NULL for a null element.
 * @return JB_OK; JB_EINVAL (array or out NULL); JB_EHANDLE; JB_ETYPE (not an array of
 *   references: a primitive array is read with jb_call_static_array() and the like);
 *   JB_ERANGE (index at or past the length); JB_ENOT_OPEN; JB_EATTACH; JB_ENOMEM.
 * @note Thread-safe; another thread's jb_object_array_set() on the same element is seen or not
 *   as Java's memory model says for a plain array store.
 */
JB_API int jb_object_array_get(jb_object *array, size_t index, jb_object **out);

/**
 * @brief Stores a reference (or null) in an array of references.
 * @param array a live reference to an array of references.
 * @param index the element's index.
 * @param value the element (borrowed), or NULL to store Java null.
 * @return JB_OK; JB_EINVAL (array NULL); JB_EHANDLE (array or value not live); JB_ETYPE (not
 *   an array of references, or value not an instance of its element type: Java's
 *   ArrayStoreException is checked before storing); JB_ERANGE (index at or past the length);
 *   JB_ENOT_OPEN; JB_EATTACH.
 * @note Thread-safe.
 */
JB_API int jb_object_array_set(jb_object *array, size_t index, jb_object *value);

#ifdef __cplusplus
}
#endif

#endif
