/* jbi_fs.h on POSIX: stat, opendir, realpath and getenv work on UTF-8 bytes as they are. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "jbi_fs.h"

#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int jbi_fs_is_sep(char c) {
    return c == '/';
}

int jbi_fs_is_file(const char *path) {
    struct stat st;
    return path != NULL && stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int jbi_fs_is_dir(const char *path) {
    struct stat st;
    return path != NULL && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int jbi_fs_is_executable(const char *path) {
    return jbi_fs_is_file(path) && access(path, X_OK) == 0;
}

int jbi_fs_list(const char *dir, int (*fn)(const char *name, void *ctx), void *ctx) {
    DIR *d = dir != NULL ? opendir(dir) : NULL;
    if (d == NULL) {
        return -1;
    }
    int rc = 0;
    struct dirent *e;
    while (rc == 0 && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
            rc = fn(e->d_name, ctx);
        }
    }
    closedir(d);
    return rc;
}

char *jbi_fs_resolve(const char *path) {
    return path != NULL ? realpath(path, NULL) : NULL;
}

char *jbi_env_dup(const char *name) {
    const char *v = getenv(name);
    return v != NULL ? strdup(v) : NULL;
}
