package dev.javabridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallbacksTest {
    /** A callback's own exception type, so that a wrapped or replaced one cannot pass. */
    static final class CallbackFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CallbackFailure(String message) {
            super(message);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 255, 256, 257, 1000})
    void forEachVisitsEveryElementInOrder(int n) {
        int[] values = IntStream.range(0, n).map(i -> i * 3 - 7).toArray();
        List<Integer> seen = new ArrayList<>();
        Callbacks.forEach(values, seen::add);
        assertEquals(Arrays.stream(values).boxed().toList(), seen);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 255, 256, 600})
    void aThrowingCallbackStopsTheLoopAndItsExceptionReachesTheCaller(int failAt) {
        int[] values = IntStream.range(0, 1000).toArray();
        CallbackFailure failure = new CallbackFailure("stop at " + failAt);
        AtomicInteger calls = new AtomicInteger();
        CallbackFailure thrown = assertThrows(CallbackFailure.class, () -> Callbacks.forEach(values, v -> {
            calls.incrementAndGet();
            if (v == failAt) {
                throw failure;
            }
        }));
        assertSame(failure, thrown);
        assertEquals(failAt + 1, calls.get(), "C called the callback after it threw");
    }

    @Test
    void errorsAndCheckedExceptionsKeepTheirIdentityToo() {
        AssertionError error = new AssertionError("an Error");
        assertSame(error, assertThrows(AssertionError.class, () -> Callbacks.forEach(new int[] {1}, v -> {
            throw error;
        })));
        IOException checked = new IOException("checked, thrown sneakily");
        AtomicInteger calls = new AtomicInteger();
        IOException thrown = assertThrows(IOException.class, () -> Callbacks.forEach(new int[] {1, 2, 3}, v -> {
            calls.incrementAndGet();
            CallbacksTest.<RuntimeException>sneakyThrow(checked);
        }));
        assertSame(checked, thrown);
        assertEquals(1, calls.get());
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }

    @Test
    void callbacksMayCallBackIntoNativeCode() {
        List<Long> lengths = new ArrayList<>();
        Callbacks.forEach(new int[] {1, 2, 3}, v -> lengths.add(LibC.strlen("\uD83D\uDE00".repeat(v))));
        assertEquals(List.of(4L, 8L, 12L), lengths);
        int[] outer = {3, 1, 2};
        List<String> nested = new ArrayList<>();
        Callbacks.forEach(outer, v -> {
            int[] inner = {v, -v};
            Callbacks.sort(inner, Integer::compare);
            nested.add(Arrays.toString(inner));
        });
        assertEquals(List.of("[-3, 3]", "[-1, 1]", "[-2, 2]"), nested);
    }

    @Test
    void nullsAreRefused() {
        assertThrows(NullPointerException.class, () -> Callbacks.forEach(null, v -> { }));
        assertThrows(NullPointerException.class, () -> Callbacks.forEach(new int[1], null));
        assertThrows(NullPointerException.class, () -> Callbacks.sort(null, Integer::compare));
        assertThrows(NullPointerException.class, () -> Callbacks.sort(new int[1], null));
        assertThrows(NullPointerException.class, () -> CallbackNative.forEach(null, v -> { }));
        assertThrows(NullPointerException.class, () -> CallbackNative.sort(new int[2], null));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 10, 255, 1000, 10_000})
    void sortAgreesWithJavaBothWays(int n) {
        Random random = new Random(n);
        int[] values = random.ints(n).toArray();
        int[] expected = values.clone();
        Arrays.sort(expected);
        int[] ascending = values.clone();
        Callbacks.sort(ascending, Integer::compare);
        assertArrayEquals(expected, ascending);
        int[] descending = values.clone();
        Callbacks.sort(descending, (a, b) -> Integer.compare(b, a));
        Integer[] boxed = Arrays.stream(values).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, Comparator.reverseOrder());
        assertArrayEquals(Arrays.stream(boxed).mapToInt(Integer::intValue).toArray(), descending);
    }

    @Test
    void sortIsStable() {
        // Compared by tens only: equal keys must keep their input order.
        int[] values = {31, 12, 35, 17, 30, 11, 39, 14};
        Callbacks.sort(values, (a, b) -> Integer.compare(a / 10, b / 10));
        assertArrayEquals(new int[] {12, 17, 11, 14, 31, 35, 30, 39}, values);
    }

    @Test
    void sortOrdersTheExtremeValues() {
        int[] values = {Integer.MAX_VALUE, Integer.MIN_VALUE, 0, -1, 1};
        Callbacks.sort(values, Integer::compare);
        assertArrayEquals(new int[] {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE}, values);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 50, 500})
    void aThrowingComparatorStopsTheSortAndLeavesTheArrayUntouched(int failOnCall) {
        int[] values = new Random(failOnCall).ints(200).toArray();
        int[] before = values.clone();
        CallbackFailure failure = new CallbackFailure("comparator gave up");
        AtomicInteger calls = new AtomicInteger();
        CallbackFailure thrown = assertThrows(CallbackFailure.class, () -> Callbacks.sort(values, (a, b) -> {
            if (calls.incrementAndGet() == failOnCall) {
                throw failure;
            }
            return Integer.compare(a, b);
        }));
        assertSame(failure, thrown);
        assertEquals(failOnCall, calls.get(), "C called the comparator after it threw");
        assertArrayEquals(before, values, "a failed sort must leave the array as it was");
    }

    @Test
    void aThrowingCallbackLeavesTheBridgeUsable() {
        for (int i = 0; i < 200; i++) {
            assertThrows(CallbackFailure.class, () -> Callbacks.forEach(new int[] {1, 2}, v -> {
                throw new CallbackFailure("again");
            }));
        }
        int[] values = {2, 1};
        Callbacks.sort(values, Integer::compare);
        assertArrayEquals(new int[] {1, 2}, values);
    }
}
