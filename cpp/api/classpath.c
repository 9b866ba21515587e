/*
 * Class path expansion (see classpath.h). No JNI; folders are listed through jbi_fs.h.
 */
#include "classpath.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jbi_fs.h"

typedef struct text {
    char *data;
    size_t len;
    size_t cap;
} text;

static int append(text *t, const char *s, size_t n) {
    if (n > SIZE_MAX - t->len - 1) {
        return JBI_CP_NOMEM;
    }
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 64;
        while (cap < t->len + n + 1) {
            cap = cap > SIZE_MAX / 2 ? t->len + n + 1 : cap * 2;
        }
        char *grown = realloc(t->data, cap);
        if (grown == NULL) {
            return JBI_CP_NOMEM;
        }
        t->data = grown;
        t->cap = cap;
    }
    memcpy(t->data + t->len, s, n);
    t->len += n;
    t->data[t->len] = '\0';
    return JBI_CP_OK;
}

static int is_jar(const char *name) {
    size_t n = strlen(name);
    return n > 4 && (strcmp(name + n - 4, ".jar") == 0 || strcmp(name + n - 4, ".JAR") == 0);
}

static int compare_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

typedef struct jars {
    char **names;
    size_t count;
    size_t cap;
    int rc;
    size_t skipped;
} jars;

static int add_jar(const char *name, void *ctx) {
    jars *j = ctx;
    if (!is_jar(name)) {
        return 0;
    }
    /* A listed name must pass the check a given entry does: "x:y.jar" would reach the JVM as
     * two entries, "x" and "y.jar", the second resolved against the current directory. */
    if (strchr(name, JBI_PATH_LIST_SEP) != NULL) {
        j->skipped++;
        return 0;
    }
    if (j->count == j->cap) {
        size_t ncap = j->cap ? j->cap * 2 : 16;
        char **grown = realloc(j->names, ncap * sizeof *grown);
        if (grown == NULL) {
            j->rc = JBI_CP_NOMEM;
            return 1;
        }
        j->names = grown;
        j->cap = ncap;
    }
    if ((j->names[j->count] = strdup(name)) == NULL) {
        j->rc = JBI_CP_NOMEM;
        return 1;
    }
    j->count++;
    return 0;
}

/* Appends the jars of dir (dir_len bytes of entry, without the trailing '*'). */
static int expand_wildcard(text *t, const char *entry, size_t dir_len, int *first, size_t *skipped) {
    char *dir = malloc(dir_len + 2);
    if (dir == NULL) {
        return JBI_CP_NOMEM;
    }
    if (dir_len == 0) {
        strcpy(dir, "."); /* a bare "*" means the current directory */
    } else {
        memcpy(dir, entry, dir_len);
        dir[dir_len] = '\0';
    }
    jars found = {NULL, 0, 0, JBI_CP_OK, 0};
    if (jbi_fs_list(dir, add_jar, &found) == -1 && found.rc == JBI_CP_OK) {
        for (size_t i = 0; i < found.count; i++) {
            free(found.names[i]);
        }
        free(found.names);
        free(dir);
        return JBI_CP_NODIR;
    }
    *skipped += found.skipped;
    char **names = found.names;
    size_t count = found.count;
    int rc = found.rc;
    if (rc == JBI_CP_OK && count > 0) {
        qsort(names, count, sizeof *names, compare_names);
    }
    for (size_t i = 0; i < count; i++) {
        if (rc == JBI_CP_OK && !*first) {
            rc = append(t, JBI_PATH_LIST_SEP_STR, 1);
        }
        if (rc == JBI_CP_OK) {
            /* entry[0..dir_len) already ends in a separator unless it was a bare "*". */
            rc = append(t, entry, dir_len);
        }
        if (rc == JBI_CP_OK) {
            rc = append(t, names[i], strlen(names[i]));
            *first = 0;
        }
        free(names[i]);
    }
    free(names);
    free(dir);
    return rc;
}

int jbi_classpath_build(const char *const *entries, size_t count, char **out, size_t *bad_entry) {
    return jbi_classpath_build_ex(entries, count, out, bad_entry, NULL);
}

int jbi_classpath_build_ex(const char *const *entries, size_t count, char **out, size_t *bad_entry, size_t *skipped) {
    size_t ignored = 0;
    if (skipped == NULL) {
        skipped = &ignored;
    }
    *skipped = 0;
    if (out == NULL || (entries == NULL && count > 0)) {
        return JBI_CP_INVALID;
    }
    text t = {NULL, 0, 0};
    int rc = append(&t, "", 0);
    int first = 1;
    for (size_t i = 0; rc == JBI_CP_OK && i < count; i++) {
        const char *entry = entries[i];
        if (entry == NULL || entry[0] == '\0' || strchr(entry, JBI_PATH_LIST_SEP) != NULL) {
            rc = JBI_CP_INVALID;
        } else {
            size_t n = strlen(entry);
            if (entry[n - 1] == '*' && (n == 1 || jbi_fs_is_sep(entry[n - 2]))) {
                rc = expand_wildcard(&t, entry, n - 1, &first, skipped);
            } else {
                if (!first) {
                    rc = append(&t, JBI_PATH_LIST_SEP_STR, 1);
                }
                if (rc == JBI_CP_OK) {
                    rc = append(&t, entry, n);
                }
                first = 0;
            }
        }
        if (rc != JBI_CP_OK && bad_entry != NULL) {
            *bad_entry = i;
        }
    }
    if (rc != JBI_CP_OK) {
        free(t.data);
        return rc;
    }
    *out = t.data;
    return JBI_CP_OK;
}
