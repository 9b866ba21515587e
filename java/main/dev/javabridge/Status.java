package dev.javabridge;

/**
 * Turns the status codes that natives return on hot paths into exceptions.
 * A native that returns an int result or a status shares one long: results
 * lie in int range, a status s arrives as s * 2^32 (see cpp/jni/jni_status.h).
 */
final class Status {
    // The codes of cpp/math_ops/math_ops.h and cpp/core/process_data.h.
    static final int DIV_BY_ZERO = -1;
    static final int NULL_RESULT = -2;
    static final int OVERFLOW = -3;
    static final int NEGATIVE_INPUT = -4;

    private Status() {}

    /** The int result carried by {@code value}, or the exception its status stands for. */
    static int intResult(long value, String operation) {
        if (value == (int) value) {
            return (int) value;
        }
        throw toException((int) (value >> 32), operation);
    }

    static RuntimeException toException(int code, String operation) {
        switch (code) {
            case DIV_BY_ZERO:
                return new ArithmeticException(operation + ": division by zero");
            case OVERFLOW:
                return new ArithmeticException(operation + ": integer overflow");
            case NEGATIVE_INPUT:
                return new IllegalArgumentException(operation + ": input must not be negative");
            default:
                return new IllegalStateException(operation + ": native code failed with status " + code);
        }
    }
}
