package dev.javabridge.bench;

/** What the C harness (bench/native/upcall_bench.c) calls: the cheapest possible Java method. */
public final class UpcallTarget {
    private UpcallTarget() {}

    public static int add(int a, int b) {
        return a + b;
    }

    /** add, but one call in ten (a divisible by 10) throws: the harness's exception-path rows. */
    public static int addOrThrow(int a, int b) {
        if (a % 10 == 0) {
            throw new IllegalStateException("one in ten");
        }
        return a + b;
    }
}
