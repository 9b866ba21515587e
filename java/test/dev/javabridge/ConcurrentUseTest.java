package dev.javabridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Every native at once from several threads while the GC runs, under
 * -Xcheck:jni: pinned arrays, cached IDs and exceptions must not interfere.
 */
class ConcurrentUseTest {
    @Test
    void allNativesFromEightThreadsWhileTheGcRuns() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        AtomicBoolean running = new AtomicBoolean(true);
        try {
            Future<?> gc = pool.submit(() -> {
                while (running.get()) {
                    System.gc();
                    byte[][] garbage = new byte[64][];
                    for (int i = 0; i < garbage.length; i++) {
                        garbage[i] = new byte[16 * 1024];
                    }
                }
            });
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                workers.add(pool.submit(() -> {
                    for (int i = 0; i < 150; i++) {
                        work(seed * 1000 + i);
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
            running.set(false);
            gc.get();
        } finally {
            running.set(false);
            pool.shutdownNow();
        }
    }

    private static void work(int n) {
        String text = "n\u00e9" + n + "\uD83D\uDE00";
        assertEquals(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, LibC.strlen(text));
        assertEquals(String.format(java.util.Locale.ROOT, "[%5d|%s]", n, text), LibC.format("[%5d|%s]", n, text));
        byte[] data = new byte[n % 512 + 1];
        Arrays.fill(data, (byte) 3);
        assertEquals(3L * data.length, DataProcessor.processData(data));
        assertEquals(n + 1, MathOps.safeAdd(n, 1));
        assertThrows(ArithmeticException.class, () -> MathOps.divide(n, 0));
        assertArrayEquals(new double[] {5.0, 5.0}, MathOps.pointDistances(new double[] {0, 0, n, n},
                new double[] {3, 4, n + 3, n + 4}));
        int[] values = {n % 7, n % 3, n % 5, -n};
        int[] expected = values.clone();
        Arrays.sort(expected);
        Callbacks.sort(values, Integer::compare);
        assertArrayEquals(expected, values);
        try (NativeBuffer buffer = NativeBuffer.allocate(64)) {
            buffer.write(0, data, 0, Math.min(64, data.length));
            assertEquals(3, buffer.get(0));
            assertEquals(3L * Math.min(64, data.length), DataProcessor.processData(buffer.asByteBuffer()));
        }
        assertEquals(new Config(1000, 0, false), new Config(0, n % 11, false).normalized());
    }
}
