/*
 * Finding libjvm at run time (it is never linked): the candidate list, in the order vm.h
 * documents, and trying each with dlopen. No JNI, so it is tested alone against fake trees.
 */
#ifndef JB_API_JVM_DISCOVERY_H
#define JB_API_JVM_DISCOVERY_H

#include <stddef.h>

#include "jbi_platform.h"

#define JBI_MAX_CANDIDATES 64

typedef struct jbi_candidate {
    char *path;   /* a libjvm.so path to try */
    char *origin; /* why it is a candidate: "jvm_path option", "JAVA_HOME=...", "java on PATH: ..." */
} jbi_candidate;

typedef struct jbi_candidates {
    jbi_candidate items[JBI_MAX_CANDIDATES];
    size_t count;
} jbi_candidates;

typedef struct jbi_search {
    const char *explicit_path;        /* libjvm.so (jvm.dll) or a Java home; when set, the only candidate */
    const char *java_home;            /* $JAVA_HOME or NULL */
    const char *path_env;             /* $PATH or NULL */
    const char *const *homes;         /* fixed Java homes to try */
    size_t home_count;
    const char *const *scan_dirs;     /* directories whose subdirectories are Java homes (sorted) */
    size_t scan_dir_count;
    char *owned_java_home;            /* copies jbi_search_defaults made; jbi_search_release frees */
    char *owned_path_env;
} jbi_search;

/* The system's usual locations (Debian/Ubuntu/Fedora layouts; Windows' Program Files folders)
 * and the environment's JAVA_HOME and PATH. Release with jbi_search_release. */
void jbi_search_defaults(jbi_search *s, const char *explicit_path);
void jbi_search_release(jbi_search *s);

/* One line naming every place the search looks, candidate or not ("JAVA_HOME (unset)",
 * "/usr/java/latest (missing)"), for the error when no candidate works. Always terminated. */
void jbi_search_describe(const jbi_search *s, char *out, size_t size);

/* Fills out with candidates (duplicates removed); returns 0, or -1 if memory ran out. */
int jbi_jvm_candidates(const jbi_search *s, jbi_candidates *out);

void jbi_candidates_free(jbi_candidates *c);

/*
 * Loads each candidate until one exports JNI_CreateJavaVM and JNI_GetCreatedJavaVMs.
 * Returns the handle (and *index of the winner), or NULL with report filled: one line per
 * candidate, "path (origin): reason". report is always NUL-terminated.
 */
jbi_dynlib *jbi_jvm_load(const jbi_candidates *c, size_t *index, char *report, size_t report_size);

#endif
