/*
 * Building -Djava.class.path from a list of entries, without JNI. As the java launcher does,
 * an entry "dir/\*" (on Windows also "dir\\\*"; exactly a '*' as its last path component)
 * becomes the .jar and .JAR files directly in dir; unlike the launcher, javabridge sorts them by name so that the order is
 * reproducible. Other entries are kept as they are.
 */
#ifndef JB_API_CLASSPATH_H
#define JB_API_CLASSPATH_H

#include <stddef.h>

#define JBI_CP_OK 0
#define JBI_CP_NOMEM (-1)
#define JBI_CP_INVALID (-2)  /* an entry containing the path separator (':', Windows ';') or empty */
#define JBI_CP_NODIR (-3)    /* a "dir/\*" whose dir cannot be listed; *bad_entry says which */

/*
 * Joins entries[0..count) with ':' (Windows: ';') into a new NUL-terminated string (*out, freed with free()).
 * An empty list gives "". On JBI_CP_INVALID or JBI_CP_NODIR, *bad_entry (if not NULL) is the
 * index of the offending entry.
 */
int jbi_classpath_build(const char *const *entries, size_t count, char **out, size_t *bad_entry);

/* As jbi_classpath_build; *skipped (if not NULL) counts the jars a "dir/\*" listed but left
 * out because their names contain the separator, which would split them into two entries. */
int jbi_classpath_build_ex(const char *const *entries, size_t count, char **out, size_t *bad_entry, size_t *skipped);

#endif
