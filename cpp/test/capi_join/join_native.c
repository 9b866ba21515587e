/* placeholder */
#include <jni.h>
int jb_join_placeholder;
