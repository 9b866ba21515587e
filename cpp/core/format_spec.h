/*
 * Checks a printf format segment before it reaches snprintf: at most one
 * conversion, no %n, no '*', and the argument type that conversion reads.
 * Java checks the same rules first for a friendly message; this check is the
 * one that protects memory, since a native method can be called with anything.
 */
#ifndef JB_CORE_FORMAT_SPEC_H
#define JB_CORE_FORMAT_SPEC_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum format_arg_kind {
    FORMAT_ARG_NONE = 0,   /**< only literal text and %% */
    FORMAT_ARG_INT = 1,    /**< d i c with no length modifier: int */
    FORMAT_ARG_UINT = 2,   /**< u o x X with no length modifier: unsigned int */
    FORMAT_ARG_LONG = 3,   /**< d i with l or ll: long long */
    FORMAT_ARG_ULONG = 4,  /**< u o x X with l or ll: unsigned long long */
    FORMAT_ARG_DOUBLE = 5, /**< f F e E g G a A: double */
    FORMAT_ARG_STRING = 6  /**< s: const char * */
} format_arg_kind;

/** The largest width or precision accepted, so that one conversion cannot ask for gigabytes. */
#define FORMAT_MAX_FIELD 4096

#define FORMAT_OK 0
#define FORMAT_ERR_NULL (-1)
#define FORMAT_ERR_SYNTAX (-2)       /**< unknown conversion, '*', %n, bad modifier, a flag or precision C leaves undefined, embedded NUL */
#define FORMAT_ERR_TOO_MANY (-3)     /**< more than one conversion */
#define FORMAT_ERR_FIELD_TOO_WIDE (-4)

/**
 * Checks the len bytes at spec (no NUL among them). On success stores in
 * *kind the type of argument the segment reads.
 */
int format_spec_check(const char *spec, size_t len, format_arg_kind *kind);

#ifdef __cplusplus
}
#endif

#endif
