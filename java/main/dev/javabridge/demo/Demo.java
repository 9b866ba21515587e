package dev.javabridge.demo;

import dev.javabridge.Callbacks;
import dev.javabridge.Config;
import dev.javabridge.DataProcessor;
import dev.javabridge.LibC;
import dev.javabridge.MathOps;
import dev.javabridge.NativeBuffer;
import dev.javabridge.NativeLibrary;
import dev.javabridge.Point;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@code java -jar javabridge.jar}: every Java-calls-C example, run against the bundled library. */
public final class Demo {
    private Demo() {}

    /**
     * Runs every example and prints what each C call returned.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        NativeLibrary.load();
        System.out.println("javabridge: Java calls C (library from " + NativeLibrary.platformResource() + ")");

        section("1. libc over real UTF-8");
        show("strlen(\"hello\")", LibC.strlen("hello"));
        show("strlen(\"h\u00e9llo \uD83D\uDE00\") (UTF-8 bytes)", LibC.strlen("h\u00e9llo \uD83D\uDE00"));
        show("strlen(\"ab\\0cd\") (C stops at NUL)", LibC.strlen("ab\0cd"));
        show("snprintf(\"%-6s|%5d|%08.3f|%lx\")", LibC.format("%-6s|%5d|%08.3f|%lx", "\uD83D\uDE00", 42, Math.PI, 255L));
        attempt("snprintf(\"%n\")", () -> LibC.format("%n", 1));
        attempt("snprintf(\"%d\", \"text\")", () -> LibC.format("%d", "text"));

        section("2. math_ops");
        show("pointDistance((0,0), (3,4))", MathOps.pointDistance(new Point(0, 0), new Point(3, 4)));
        show("safeAdd(2, 40)", MathOps.safeAdd(2, 40));
        attempt("safeAdd(Integer.MAX_VALUE, 1)", () -> MathOps.safeAdd(Integer.MAX_VALUE, 1));
        show("pointDistances (batch of 2)", Arrays.toString(
                MathOps.pointDistances(new double[] {0, 0, 1, 1}, new double[] {3, 4, 4, 5})));

        section("3. multiply and divide");
        show("multiply(65536, 65536)", MathOps.multiply(65536, 65536));
        show("divide(42, 5)", MathOps.divide(42, 5));
        attempt("divide(1, 0)", () -> MathOps.divide(1, 0));

        section("4. safe_operation");
        show("safeOperation(20)", MathOps.safeOperation(20));
        attempt("safeOperation(-5)", () -> MathOps.safeOperation(-5));

        section("5. buffers owned by C");
        try (NativeBuffer buffer = NativeBuffer.allocate(16)) {
            buffer.write(0, "javabridge".getBytes(StandardCharsets.US_ASCII), 0, 10);
            buffer.put(15, (byte) 7);
            byte[] back = new byte[10];
            buffer.read(0, back, 0, 10);
            show("write/read", new String(back, StandardCharsets.US_ASCII) + ", byte 15 = " + buffer.get(15));
            ByteBuffer view = buffer.asByteBuffer();
            show("sum through a zero-copy ByteBuffer view", DataProcessor.processData(view));
            attempt("get(16)", () -> buffer.get(16));
            buffer.close();
            attempt("get(0) after close", () -> buffer.get(0));
        }
        attempt("allocate(0)", () -> NativeBuffer.allocate(0));

        section("6. process_data");
        byte[] data = new byte[1000];
        Arrays.fill(data, (byte) 0xFF);
        show("sum of 1000 x 0xFF", DataProcessor.processData(data));
        show("sum of bytes 10..19", DataProcessor.processData(data, 10, 10));
        attempt("processData(data, 990, 20)", () -> DataProcessor.processData(data, 990, 20));
        attempt("processData((byte[]) null)", () -> DataProcessor.processData((byte[]) null));

        section("7. Config (repr(C) struct)");
        show("new Config(0, 3, true).normalized()", new Config(0, 3, true).normalized());
        show("new Config(9999999, 5, false).normalized()", new Config(9_999_999, 5, false).normalized());
        attempt("new Config(100, 11, true).normalized()", () -> new Config(100, 11, true).normalized());
        attempt("new Config(-1, 0, true)", () -> new Config(-1, 0, true));

        section("8. callbacks");
        List<Integer> seen = new ArrayList<>();
        Callbacks.forEach(new int[] {3, 1, 2}, seen::add);
        show("C visits each element", seen);
        int[] values = {5, 3, 9, 1, 7};
        Callbacks.sort(values, (a, b) -> Integer.compare(b, a));
        show("C sorts with a Java comparator (descending)", Arrays.toString(values));
        attempt("callback that throws", () -> Callbacks.forEach(new int[] {1, 2, 3}, v -> {
            if (v == 2) {
                throw new IllegalStateException("callback refused " + v);
            }
        }));
    }

    private static void section(String title) {
        System.out.println();
        System.out.println(title);
    }

    private static void show(String what, Object result) {
        System.out.printf("  %-48s -> %s%n", what, result);
    }

    private static void attempt(String what, Runnable action) {
        try {
            action.run();
            show(what, "(no error)");
        } catch (RuntimeException e) {
            show(what, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
