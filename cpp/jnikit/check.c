/* Argument checks shared by every native: 64-bit arithmetic, so no range check can wrap. */
#include "kit_state.h"

int jbk_check_not_null(JNIEnv *env, jobject object, const char *what) {
    if (object == NULL) {
        return jbk_throw(env, JBK_NULL_POINTER, "%s is null", what);
    }
    return 0;
}

int jbk_check_bounds(JNIEnv *env, int64_t offset, int64_t length, int64_t size, const char *what) {
    /* Each operand is checked before the sum, so offset + length cannot overflow. */
    if (offset < 0 || length < 0 || size < 0 || offset > size || length > size - offset) {
        return jbk_throw(env, JBK_INDEX_OUT_OF_BOUNDS, "%s: range [%lld, %lld + %lld) is outside 0..%lld", what,
                         (long long)offset, (long long)offset, (long long)length, (long long)size);
    }
    return 0;
}

int jbk_check_range(JNIEnv *env, jarray array, jint offset, jint length, const char *what) {
    if (array == NULL) {
        return jbk_throw(env, JBK_NULL_POINTER, "%s is null", what);
    }
    jsize size = (*env)->GetArrayLength(env, array);
    if (offset < 0 || length < 0 || (int64_t)offset + (int64_t)length > (int64_t)size) {
        return jbk_throw(env, JBK_INDEX_OUT_OF_BOUNDS, "%s: range [%d, %d + %d) is outside an array of length %d", what,
                         (int)offset, (int)offset, (int)length, (int)size);
    }
    return 0;
}
