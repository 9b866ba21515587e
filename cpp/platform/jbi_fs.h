/*
 * The file-system and environment facts libjavabridge's C API needs and each OS spells
 * differently: path separators, whether a path is a file or a folder, listing a folder,
 * resolving links, and reading environment variables. Every string is UTF-8; Windows converts
 * to and from UTF-16 so that a JDK or jar under a non-ASCII folder name works whatever the
 * machine's code page. Internal: every name is jbi_ and hidden.
 */
#ifndef JBI_FS_H
#define JBI_FS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define JBI_DIR_SEP '\\'
#define JBI_PATH_LIST_SEP ';'       /* in PATH and in -Djava.class.path */
#define JBI_PATH_LIST_SEP_STR ";"
#define JBI_JAVA_LAUNCHER "java.exe"
#else
#define JBI_DIR_SEP '/'
#define JBI_PATH_LIST_SEP ':'
#define JBI_PATH_LIST_SEP_STR ":"
#define JBI_JAVA_LAUNCHER "java"
#endif

/* Whether c ends a folder name in a path ('/' everywhere, '\\' too on Windows). */
int jbi_fs_is_sep(char c);

/* 1 if path names a regular file (links followed), else 0. */
int jbi_fs_is_file(const char *path);

/* 1 if path names a folder (links followed), else 0. */
int jbi_fs_is_dir(const char *path);

/* 1 if path is a file this process may execute (on Windows: any file), else 0. */
int jbi_fs_is_executable(const char *path);

/*
 * Calls fn(name, ctx) for each entry of dir other than "." and "..", in no particular order,
 * until fn returns non-zero. Returns -1 if dir cannot be listed, else 0 or fn's last result.
 */
int jbi_fs_list(const char *dir, int (*fn)(const char *name, void *ctx), void *ctx);

/* The absolute path of path with every link resolved, malloc'd; NULL if it does not exist. */
char *jbi_fs_resolve(const char *path);

/* A malloc'd copy of the environment variable name, or NULL if it is unset (or no memory). */
char *jbi_env_dup(const char *name);

#ifdef __cplusplus
}
#endif

#endif
