/*
 * libjvm discovery (see jvm_discovery.h). The report lists every candidate with the reason it
 * failed, because "no JVM found" alone sends users guessing.
 */
#include "jvm_discovery.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jbi_fs.h"
#include "jbi_platform.h"

/* Long enough for any origin line; longer paths are cut in the message, never in the path. */
#define ORIGIN_MAX 4096

/* macOS's tables; JBI_DISCOVERY_MACOS builds them on Linux too, where the unit tests run. */
#if defined(__APPLE__) && !defined(JBI_DISCOVERY_MACOS)
#define JBI_DISCOVERY_MACOS 1
#endif

/* Layouts inside a Java home, newest first (JDK 9+, then JDK 8's jre/ and arch directories). */
static const char *const home_layouts[] = {
#if defined(JBI_DISCOVERY_MACOS)
    /* A macOS JDK is a bundle, NAME.jdk/Contents/Home; the bundle itself is accepted as a home
     * too, which is also how the scan of /Library/Java/JavaVirtualMachines finds them. */
    "lib/server/libjvm.dylib",
    "jre/lib/server/libjvm.dylib",
    "Contents/Home/lib/server/libjvm.dylib",
    "Contents/Home/jre/lib/server/libjvm.dylib",
    "lib/client/libjvm.dylib",
#elif defined(_WIN32)
    "bin\\server\\jvm.dll",
    "jre\\bin\\server\\jvm.dll",
    "bin\\client\\jvm.dll",
    "jre\\bin\\client\\jvm.dll",
#else
    "lib/server/libjvm.so",
    "jre/lib/server/libjvm.so",
    "lib/amd64/server/libjvm.so",
    "jre/lib/amd64/server/libjvm.so",
    "lib/aarch64/server/libjvm.so",
    "jre/lib/aarch64/server/libjvm.so",
    "lib/client/libjvm.so",
#endif
};

void jbi_search_defaults(jbi_search *s, const char *explicit_path) {
#if defined(_WIN32)
    /* Windows has no default-java link: installers put JDKs under these folders. */
    static const char *const homes[] = {NULL};
    static const char *const scans[] = {"C:\\Program Files\\Java", "C:\\Program Files\\Eclipse Adoptium",
                                        "C:\\Program Files\\Microsoft", "C:\\Program Files\\Zulu"};
    size_t home_count = 0;
#elif defined(JBI_DISCOVERY_MACOS)
    /* /usr/bin/java is a stub that is no JDK: JAVA_HOME, a java on PATH from a JDK, or the
     * system folder where every installer (Oracle, Temurin, Zulu, Homebrew's link) puts them. */
    static const char *const homes[] = {NULL};
    static const char *const scans[] = {"/Library/Java/JavaVirtualMachines"};
    size_t home_count = 0;
#else
    static const char *const homes[] = {"/usr/lib/jvm/default-java", "/usr/lib/jvm/default-runtime",
                                        "/usr/java/latest"};
    static const char *const scans[] = {"/usr/lib/jvm"};
    size_t home_count = sizeof homes / sizeof homes[0];
#endif
    s->explicit_path = explicit_path;
    s->owned_java_home = jbi_env_dup("JAVA_HOME");
    s->owned_path_env = jbi_env_dup("PATH");
    s->java_home = s->owned_java_home;
    s->path_env = s->owned_path_env;
    s->homes = homes;
    s->home_count = home_count;
    s->scan_dirs = scans;
    s->scan_dir_count = sizeof scans / sizeof scans[0];
}

void jbi_search_release(jbi_search *s) {
    free(s->owned_java_home);
    free(s->owned_path_env);
    s->owned_java_home = s->owned_path_env = NULL;
    s->java_home = s->path_env = NULL;
}

static char *join(const char *a, const char *b) {
    size_t na = strlen(a), nb = strlen(b);
    char *s = malloc(na + nb + 2);
    if (s != NULL) {
        memcpy(s, a, na);
        size_t at = na;
        if (na > 0 && !jbi_fs_is_sep(a[na - 1])) {
            s[at++] = JBI_DIR_SEP;
        }
        memcpy(s + at, b, nb + 1);
    }
    return s;
}

static int is_file(const char *p) {
    return jbi_fs_is_file(p);
}

static int is_dir(const char *p) {
    return jbi_fs_is_dir(p);
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

/* Cuts the last component off path (in place); 0 if there was none to cut. */
static int strip_last(char *path) {
    for (size_t n = strlen(path); n > 0; n--) {
        if (jbi_fs_is_sep(path[n - 1])) {
            if (n == 1) {
                return 0;
            }
            path[n - 1] = '\0';
            return 1;
        }
    }
    return 0;
}

/* The home of the first executable `java` on PATH, links resolved (Debian's /usr/bin/java ->
 * /etc/alternatives/java -> /usr/lib/jvm/.../bin/java; Oracle's javapath\java.exe on Windows). */
static int add_path_java(jbi_candidates *out, const char *path_env) {
    if (path_env == NULL) {
        return 0;
    }
    const char *p = path_env;
    while (*p != '\0') {
        const char *end = strchr(p, JBI_PATH_LIST_SEP);
        size_t n = end != NULL ? (size_t)(end - p) : strlen(p);
        if (n > 0) {
            char *dir = malloc(n + 1);
            if (dir == NULL) {
                return -1;
            }
            memcpy(dir, p, n);
            dir[n] = '\0';
            char *java = join(dir, JBI_JAVA_LAUNCHER);
            free(dir);
            if (java == NULL) {
                return -1;
            }
            char *real = jbi_fs_is_executable(java) ? jbi_fs_resolve(java) : NULL;
            /* real is HOME/bin/java (or HOME/jre/bin/java for JDK 8) */
            if (real != NULL && strip_last(real) && strip_last(real)) {
                char origin[ORIGIN_MAX];
                snprintf(origin, sizeof origin, "java on PATH: %s", java);
                int rc = add_home(out, real, origin);
                free(real);
                free(java);
                return rc;
            }
            free(real);
            free(java);
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

typedef struct scan {
    const char *dir;
    char *names[JBI_MAX_CANDIDATES];
    size_t n;
} scan;

static int scan_entry(const char *name, void *ctx) {
    scan *sc = ctx;
    if (name[0] == '.') {
        return 0;
    }
    if (sc->n == JBI_MAX_CANDIDATES) {
        return 1; /* enough: stop listing */
    }
    char *full = join(sc->dir, name);
    if (full == NULL) {
        return -2; /* out of memory, unlike -1 (the folder cannot be listed) */
    }
    if (is_dir(full)) {
        sc->names[sc->n++] = full;
    } else {
        free(full);
    }
    return 0;
}

static int add_scanned(jbi_candidates *out, const char *dir) {
    scan sc = {dir, {NULL}, 0};
    /* A system folder that is missing or unreadable just holds no candidates. */
    int rc = jbi_fs_list(dir, scan_entry, &sc) == -2 ? -1 : 0;
    qsort(sc.names, sc.n, sizeof sc.names[0], compare_names);
    for (size_t i = 0; i < sc.n; i++) {
        if (rc == 0) {
            char origin[ORIGIN_MAX];
            snprintf(origin, sizeof origin, "system location %s", dir);
            /* Only homes that really hold a libjvm: a scan must not list every folder as a failure. */
            for (size_t k = 0; k < sizeof home_layouts / sizeof home_layouts[0]; k++) {
                char *p = join(sc.names[i], home_layouts[k]);
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
        free(sc.names[i]);
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
        char origin[ORIGIN_MAX];
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
            char origin[ORIGIN_MAX];
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

jbi_dynlib *jbi_jvm_load(const jbi_candidates *c, size_t *index, char *report, size_t report_size) {
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
        char why[512] = "";
        jbi_dynlib *h = jbi_dynlib_open_global(c->items[i].path, why, sizeof why);
        if (h == NULL) {
            report_line(report, report_size, &c->items[i], why[0] != '\0' ? why : "could not be loaded");
            continue;
        }
        if (jbi_dynlib_symbol(h, "JNI_CreateJavaVM") == NULL || jbi_dynlib_symbol(h, "JNI_GetCreatedJavaVMs") == NULL) {
            report_line(report, report_size, &c->items[i], "loads, but exports no JNI_CreateJavaVM/JNI_GetCreatedJavaVMs");
            jbi_dynlib_close(h);
            continue;
        }
        *index = i;
        return h;
    }
    return NULL;
}

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
/* Appends printf-style text to out[0..size), cutting what does not fit. */
static void put(char *out, size_t size, const char *fmt, ...) {
    size_t used = strlen(out);
    if (used + 1 < size) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(out + used, size - used, fmt, ap);
        va_end(ap);
    }
}

void jbi_search_describe(const jbi_search *s, char *out, size_t size) {
    if (size == 0) {
        return;
    }
    out[0] = '\0';
    if (s->explicit_path != NULL) {
        put(out, size, "searched only the jvm_path option (%s), which replaces every other place", s->explicit_path);
        return;
    }
    put(out, size, "%s", "searched: jvm_path option (unset); ");
    if (s->java_home != NULL && s->java_home[0] != '\0') {
        put(out, size, "JAVA_HOME=%s; ", s->java_home);
    } else {
        put(out, size, "%s", "JAVA_HOME (unset); ");
    }
    put(out, size, "%s", s->path_env != NULL && s->path_env[0] != '\0' ? "the java on PATH; " : "PATH (unset); ");
    for (size_t i = 0; i < s->home_count; i++) {
        put(out, size, is_dir(s->homes[i]) ? "%s; " : "%s (missing); ", s->homes[i]);
    }
    for (size_t i = 0; i < s->scan_dir_count; i++) {
        put(out, size, is_dir(s->scan_dirs[i]) ? "the Java homes in %s" : "the Java homes in %s (missing)",
            s->scan_dirs[i]);
        put(out, size, "%s", i + 1 < s->scan_dir_count ? "; " : "");
    }
}
