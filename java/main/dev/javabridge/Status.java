package dev.javabridge;

/**
 * Turns the status codes that natives return on hot paths into exceptions.
 * A native that returns an int result or a status shares one long: results
 * lie in int range, a status s arrives as s * 2^32 (the JNI kit's
 * {@code JBK_STATUS(code)} in {@code javabridge/jnikit/status.h}).
 *
 * <p>Public so that every binding decodes the same way. {@link #intResult(long, String)} knows
 * the guide's codes; bindings with codes of their own use {@link #isStatus(long)} and
 * {@link #code(long)} and build their own exception.
 */
public final class Status {
    // The codes of cpp/math_ops/math_ops.h and cpp/core/process_data.h.
    static final int DIV_BY_ZERO = -1;
    static final int NULL_RESULT = -2;
    static final int OVERFLOW = -3;
    static final int NEGATIVE_INPUT = -4;

    private Status() {}

    /**
     * True when {@code value} carries a status rather than an int result.
     *
     * @param value what the native returned
     * @return whether its upper 32 bits hold a status code
     */
    public static boolean isStatus(long value) {
        return value != (int) value;
    }

    /**
     * The status code {@code value} carries (meaningful when {@link #isStatus(long)}).
     *
     * @param value what the native returned
     * @return the code in its upper 32 bits
     */
    public static int code(long value) {
        return (int) (value >> 32);
    }

    /**
     * The int result carried by {@code value}, or the exception its status stands for (the
     * guide's codes: {@link ArithmeticException} for division by zero and overflow,
     * {@link IllegalArgumentException} for a negative input, {@link IllegalStateException}
     * naming the code for any other).
     *
     * @param value what the native returned
     * @param operation names the operation in the exception's message
     * @return the int result
     * @throws RuntimeException the exception the status stands for
     */
    public static int intResult(long value, String operation) {
        if (value == (int) value) {
            return (int) value;
        }
        throw toException((int) (value >> 32), operation);
    }

    /**
     * The exception status {@code code} of {@code operation} stands for (see {@link #intResult}).
     *
     * @param code a status code
     * @param operation names the operation in the exception's message
     * @return the exception, not thrown
     */
    public static RuntimeException toException(int code, String operation) {
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
