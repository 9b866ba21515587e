package dev.javabridge.sanitize;

import dev.javabridge.Callbacks;
import dev.javabridge.Config;
import dev.javabridge.DataProcessor;
import dev.javabridge.LibC;
import dev.javabridge.MathOps;
import dev.javabridge.NativeBuffer;
import dev.javabridge.Point;
import java.nio.ByteBuffer;

/**
 * Every public native path of the Java API, the good ones and the ones that throw from C, for
 * rounds. Not a JUnit test: cpp/sanitize/glue_leak_host.c runs it in a JVM embedded in a C host,
 * where LeakSanitizer can check the natives' memory at exit (the glue_leaks ctest, -Psanitize).
 * Usage: GlueWorkout [ROUNDS]
 */
public final class GlueWorkout {
    private GlueWorkout() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            sink += LibC.strlen("h\u00e9llo \uD83C\uDF0D " + r);
            sink += LibC.format("%05.1f|%s|%d|%x", 3.14159, "C\u00e9", r, r).length();
            sink += expectThrow(() -> LibC.format("%n"));
            sink += expectThrow(() -> LibC.format("%d", "not a number"));
            sink += (long) MathOps.pointDistance(new Point(0, 0), new Point(3, 4));
            sink += MathOps.pointDistances(new double[] {0, 0, 1, 1}, new double[] {3, 4, 1, 1}).length;
            sink += MathOps.safeAdd(r, 1) + MathOps.multiply(r, 3) + MathOps.divide(r, 1) + MathOps.safeOperation(r);
            sink += expectThrow(() -> MathOps.safeAdd(Integer.MAX_VALUE, 1));
            sink += expectThrow(() -> MathOps.divide(1, 0));
            sink += expectThrow(() -> MathOps.safeOperation(-1));
            try (NativeBuffer b = NativeBuffer.allocate(64 + r)) {
                b.put(0, (byte) r);
                sink += b.get(0);
                byte[] bytes = new byte[32];
                b.write(1, bytes, 0, bytes.length);
                b.read(1, bytes, 0, bytes.length);
                sink += b.asByteBuffer().capacity();
                sink += expectThrow(() -> b.get(b.size()));
            }
            sink += expectThrow(() -> NativeBuffer.allocate(-1));
            byte[] data = new byte[256 + r];
            sink += DataProcessor.processData(data) + DataProcessor.processData(data, 1, 10);
            ByteBuffer direct = ByteBuffer.allocateDirect(128);
            sink += DataProcessor.processData(direct);
            sink += expectThrow(() -> DataProcessor.processData(data, 10, data.length));
            sink += new Config(5000 + r, 3, true).normalized().maxRetries();
            sink += expectThrow(() -> new Config(-1, -1, true).normalized());
            int[] values = {5, 3, 9, 1, r};
            Callbacks.sort(values, Integer::compare);
            long[] sum = {0};
            Callbacks.forEach(values, v -> sum[0] += v);
            sink += sum[0];
            sink += expectThrow(() -> Callbacks.forEach(values, v -> {
                throw new IllegalStateException("from the callback");
            }));
            sink += expectThrow(() -> Callbacks.sort(new int[] {2, 1}, (a, b) -> {
                throw new UnsupportedOperationException("from the comparator");
            }));
        }
        System.out.println("GlueWorkout: " + rounds + " rounds done (" + sink + ")");
    }

    private static int expectThrow(Runnable body) {
        try {
            body.run();
        } catch (RuntimeException expected) {
            return 1;
        }
        throw new AssertionError("no exception");
    }
}
