package dev.javabridge;

import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * C code calling Java back. If a callback throws, the C loop stops at once and
 * the exception reaches the caller of these methods unchanged, with its own type.
 */
public final class Callbacks {
    /** Compares two ints: negative, zero or positive, as {@link java.util.Comparator}. */
    @FunctionalInterface
    public interface IntComparator {
        /**
         * Compares two values.
         *
         * @param a the first value
         * @param b the second value
         * @return negative if a comes first, zero if they are equal, positive if b comes first
         */
        int compare(int a, int b);
    }

    private Callbacks() {}

    /**
     * C visits each element in order and passes it to {@code consumer}.
     *
     * @param values the elements, in order
     * @param consumer called once per element, on the calling thread
     * @throws NullPointerException if values or consumer is null
     */
    public static void forEach(int[] values, IntConsumer consumer) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(consumer, "consumer");
        CallbackNative.forEach(values, consumer);
    }

    /**
     * Sorts values in place with a stable merge sort written in C that asks
     * {@code comparator} for every comparison. If the comparator throws, the
     * sort stops and {@code values} is left exactly as it was.
     *
     * @param values the array to sort in place
     * @param comparator decides the order of two elements
     * @throws NullPointerException if values or comparator is null
     */
    public static void sort(int[] values, IntComparator comparator) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(comparator, "comparator");
        CallbackNative.sort(values, comparator);
    }
}
