/**
 * @file array.h
 * @brief Java arrays copied to and from C: element types, and freeing what calls return.
 *
 * Primitive arrays cross as copies: an argument (jb_arg_int32_array() and the others in
 * call.h) is copied into a new Java array for the call, and an array result or field
 * (jb_call_static_array(), jb_field_get_array()) is copied into a new C buffer. A String[]
 * crosses as an array of NUL-terminated UTF-8 strings (jb_arg_strings(), jb_call_static_strings()).
 * Java arrays hold at most INT32_MAX elements: a longer C array is JB_ERANGE before Java is entered.
 */
#ifndef JAVABRIDGE_ARRAY_H
#define JAVABRIDGE_ARRAY_H

#include <stddef.h>

#include "javabridge/export.h"

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

#ifdef __cplusplus
}
#endif

#endif
