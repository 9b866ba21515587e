/* jb_version(): lets a program compare the library it loaded with the header it compiled against. */
#include "javabridge/export.h"

JB_API const char *jb_version(void) {
    return JB_VERSION_STRING;
}

JB_API int jb_version_number(void) {
    return JB_VERSION_NUMBER;
}
