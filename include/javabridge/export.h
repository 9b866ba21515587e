/**
 * @file export.h
 * @brief Export macro, version macros and jb_version(): what every javabridge header builds on.
 */
#ifndef JAVABRIDGE_EXPORT_H
#define JAVABRIDGE_EXPORT_H

/** Marks a function of the public API as exported from libjavabridge. */
#if defined(_WIN32)
#  if defined(JB_BUILDING_LIBRARY)
#    define JB_API __declspec(dllexport)
#  else
#    define JB_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__)
#  define JB_API __attribute__((visibility("default")))
#else
#  define JB_API
#endif

#define JB_VERSION_MAJOR 0 /**< Incompatible API changes bump this. */
#define JB_VERSION_MINOR 1 /**< Compatible additions bump this. */
#define JB_VERSION_PATCH 0 /**< Fixes bump this. */
/** The version as one comparable number: major * 10000 + minor * 100 + patch. */
#define JB_VERSION_NUMBER (JB_VERSION_MAJOR * 10000 + JB_VERSION_MINOR * 100 + JB_VERSION_PATCH)
/** The version as a string, "major.minor.patch". */
#define JB_VERSION_STRING "0.1.0"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief The version of the library actually loaded, "major.minor.patch".
 *
 * Compare it with JB_VERSION_STRING to detect a header/library mismatch.
 * @return a static string owned by the library; never NULL.
 * @note Thread-safe; needs no open JVM.
 */
JB_API const char *jb_version(void);

/**
 * @brief The loaded library's version as JB_VERSION_NUMBER computes it.
 * @return major * 10000 + minor * 100 + patch (always positive).
 * @note Thread-safe; needs no open JVM.
 */
JB_API int jb_version_number(void);

#ifdef __cplusplus
}
#endif

#endif
