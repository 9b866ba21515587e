/*
 * libjvm discovery (see jvm_discovery.h). The report lists every candidate with the reason it
 * failed, because "no JVM found" alone sends users guessing.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include "jvm_discovery.h"

#include <dirent.h>
#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Layouts inside a Java home, newest first (JDK 9+, then JDK 8's jre/ and arch directories). */
static const char *const home_layouts[] = {
    "lib/server/libjvm.so",
    "jre/lib/server/libjvm.so",
    "lib/amd64/server/libjvm.so",
    "jre/lib/amd64/server/libjvm.so",
    "lib/aarch64/server/libjvm.so",
    "jre/lib/aarch64/server/libjvm.so",
    "lib/client/libjvm.so",
};

void jbi_search_defaults(jbi_search *s, const char *explicit_path) {
    static const char *const homes[] = {"/usr/lib/jvm/default-java", "/usr/lib/jvm/default-runtime",
                                        "/usr/java/latest"};
    static const char *const scans[] = {"/usr/lib/jvm"};
    s->explicit_path = explicit_path;
    s->java_home = getenv("JAVA_HOME");
    s->path_env = getenv("PATH");
    s->homes = homes;
    s->home_count = sizeof homes / sizeof homes[0];
    s->scan_dirs = scans;
    s->scan_dir_count = sizeof scans / sizeof scans[0];
}

static char *join(const char *a, const char *b) {
    size_t na = strlen(a), nb = strlen(b);
    char *s = malloc(na + nb + 2);
    if (s != NULL) {
        memcpy(s, a, na);
        size_t at = na;
        if (na > 0 && a[na - 1] != '/') {
            s[at++] = '/';
        }
        memcpy(s + at, b, nb + 1);
    }
    return s;
}

static int is_file(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static int is_dir(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static int add(jbi_candidates *out, const char *path, const char *origin) {
    for (size_t i = 0; i < out->count; i++) {
        if (strcmp(out->items[i].path, path) == 0) {
            return 0;
        }
    }
    if (out->count == JBI_MAX_CANDIDATES) {
        return 0;
    }
    char *p = strdup(path), *o = strdup(origin);
    if (p == NULL || o == NULL) {
        free(p);
        free(o);
        return -1;
    }
    out->items[out->count].path = p;
    out->items[out->count].origin = o;
    out->count++;
    return 0;
}

/* Adds the libjvm of a Java home: the first layout that exists, else the JDK 9+ one (whose
 * dlopen error then says the file is missing). */
static int add_home(jbi_candidates *out, const char *home, const char *origin) {
    for (size_t i = 0; i < sizeof home_layouts / sizeof home_layouts[0]; i++) {
        char *p = join(home, home_layouts[i]);
        if (p == NULL) {
            return -1;
        }
        if (is_file(p)) {
            int rc = add(out, p, origin);
            free(p);
            return rc;
        }
        free(p);
    }
    char *p = join(home, home_layouts[0]);
    if (p == NULL) {
        return -1;
    }
    int rc = add(out, p, origin);
    free(p);
    return rc;
}

/* The home of the first executable `java` on PATH, symbolic links resolved (Debian's
 * /usr/bin/java -> /etc/alternatives/java -> /usr/lib/jvm/.../bin/java). */
static int add_path_java(jbi_candidates *out, const char *path_env) {
    if (path_env == NULL) {
        return 0;
    }
    const char *p = path_env;
    while (*p != '\0') {
        const char *end = strchr(p, ':');
        size_t n = end != NULL ? (size_t)(end - p) : strlen(p);
        if (n > 0 && n < PATH_MAX - 6) {
            char java[PATH_MAX];
            memcpy(java, p, n);
            memcpy(java + n, "/java", 6);
            char real[PATH_MAX];
            if (access(java, X_OK) == 0 && is_file(java) && realpath(java, real) != NULL) {
                /* real is HOME/bin/java (or HOME/jre/bin/java for JDK 8) */
                char *slash = strrchr(real, '/');
                if (slash != NULL) {
                    *slash = '\0';
                    slash = strrchr(real, '/');
                    if (slash != NULL && slash != real) {
                        *slash = '\0';
                        char origin[PATH_MAX + 32];
                        snprintf(origin, sizeof origin, "java on PATH: %s", java);
                        return add_home(out, real, origin);
                    }
                }
            }
        }
        if (end == NULL) {
            break;
        }
        p = end + 1;
    }
    return 0;
}

static int compare_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int add_scanned(jbi_candidates *out, const char *dir) {
    DIR *d = opendir(dir);
    if (d == NULL) {
        return 0;
    }
    char *names[JBI_MAX_CANDIDATES];
    size_t n = 0;
    int rc = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < JBI_MAX_CANDIDATES) {
        if (e->d_name[0] == '.') {
            continue;
        }
        char *full = join(dir, e->d_name);
        if (full == NULL) {
            rc = -1;
            break;
        }
        if (is_dir(full)) {
            names[n++] = full;
        } else {
            free(full);
        }
    }
    closedir(d);
    qsort(names, n, sizeof names[0], compare_names);
    for (size_t i = 0; i < n; i++) {
        if (rc == 0) {
            char origin[PATH_MAX + 32];
            snprintf(origin, sizeof origin, "system location %s", dir);
            /* Only homes that really hold a libjvm: a scan must not list every folder as a failure. */
            for (size_t k = 0; k < sizeof home_layouts / sizeof home_layouts[0]; k++) {
                char *p = join(names[i], home_layouts[k]);
                if (p == NULL) {
                    rc = -1;
                    break;
                }
                int found = is_file(p);
                if (found) {
                    rc = add(out, p, origin);
                }
                free(p);
                if (found) {
                    break;
                }
            }
        }
        free(names[i]);
    }
    return rc;
}

int jbi_jvm_candidates(const jbi_search *s, jbi_candidates *out) {
    out->count = 0;
    if (s->explicit_path != NULL) {
        return is_dir(s->explicit_path) ? add_home(out, s->explicit_path, "jvm_path option")
                                        : add(out, s->explicit_path, "jvm_path option");
    }
    if (s->java_home != NULL && s->java_home[0] != '\0') {
        char origin[PATH_MAX + 32];
        snprintf(origin, sizeof origin, "JAVA_HOME=%s", s->java_home);
        if (add_home(out, s->java_home, origin) != 0) {
            return -1;
        }
    }
    if (add_path_java(out, s->path_env) != 0) {
        return -1;
    }
    for (size_t i = 0; i < s->home_count; i++) {
        if (is_dir(s->homes[i])) {
            char origin[PATH_MAX + 32];
            snprintf(origin, sizeof origin, "system location %s", s->homes[i]);
            if (add_home(out, s->homes[i], origin) != 0) {
                return -1;
            }
        }
    }
    for (size_t i = 0; i < s->scan_dir_count; i++) {
        if (add_scanned(out, s->scan_dirs[i]) != 0) {
            return -1;
        }
    }
    return 0;
}

void jbi_candidates_free(jbi_candidates *c) {
    for (size_t i = 0; i < c->count; i++) {
        free(c->items[i].path);
        free(c->items[i].origin);
    }
    c->count = 0;
}

static void report_line(char *report, size_t size, const jbi_candidate *c, const char *reason) {
    size_t used = strlen(report);
    if (used + 1 < size) {
        snprintf(report + used, size - used, "%s  %s (%s): %s", used > 0 ? "\n" : "", c->path, c->origin, reason);
    }
}

void *jbi_jvm_load(const jbi_candidates *c, size_t *index, char *report, size_t report_size) {
    if (report_size > 0) {
        report[0] = '\0';
    }
    if (c->count == 0) {
        if (report_size > 0) {
            snprintf(report, report_size, "  no candidates: jvm_path unset, JAVA_HOME unset, no java on PATH, "
                                          "nothing in the system locations");
        }
        return NULL;
    }
    for (size_t i = 0; i < c->count; i++) {
        dlerror();
        void *h = dlopen(c->items[i].path, RTLD_NOW | RTLD_GLOBAL);
        if (h == NULL) {
            const char *why = dlerror();
            report_line(report, report_size, &c->items[i], why != NULL ? why : "dlopen failed");
            continue;
        }
        if (dlsym(h, "JNI_CreateJavaVM") == NULL || dlsym(h, "JNI_GetCreatedJavaVMs") == NULL) {
            report_line(report, report_size, &c->items[i], "loads, but exports no JNI_CreateJavaVM/JNI_GetCreatedJavaVMs");
            dlclose(h);
            continue;
        }
        *index = i;
        return h;
    }
    return NULL;
}
