package dev.javabridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Loading inside the test JVM; the first load and its failures are in {@link LoaderInFreshJvmTest}. */
class NativeLibraryTest {
    @Test
    void platformResourceIsNativeLibLoadersLinuxPath() {
        // The suite also runs on an emulated aarch64 JVM (scripts/test-cross.sh).
        String folder = "aarch64".equals(System.getProperty("os.arch")) ? "linux_arm64" : "linux_64";
        assertEquals("natives/" + folder + "/libjavabridge_guide.so", NativeLibrary.platformResource());
    }

    @Test
    void loadIsIdempotentAndKeepsTheFirstPath() {
        NativeLibrary.load();
        String first = NativeLibrary.loadedFrom();
        assertNotNull(first);
        for (int i = 0; i < 5; i++) {
            NativeLibrary.load();
        }
        assertEquals(first, NativeLibrary.loadedFrom());
        assertEquals(BridgeNative.ABI_VERSION, BridgeNative.abiVersion());
    }

    @Test
    void sixteenConcurrentCallersAllSeeOneLoadedLibrary() throws Exception {
        int threads = 16;
        CyclicBarrier barrier = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                Callable<String> task = () -> {
                    barrier.await();
                    NativeLibrary.load();
                    assertEquals(n * 2 + 1, MathOps.safeOperation(n));
                    return NativeLibrary.loadedFrom();
                };
                results.add(pool.submit(task));
            }
            String first = results.get(0).get();
            for (Future<String> f : results) {
                assertEquals(first, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theDefaultLoadLeavesNoExtractedFileBehind() {
        NativeLibrary.load();
        String from = NativeLibrary.loadedFrom();
        // Surefire loads from the extracted copy unless someone set the explicit path.
        if (System.getProperty(NativeLibrary.PATH_PROPERTY) == null) {
            assertTrue(!new java.io.File(from).exists(), "extracted library still exists at " + from);
        }
    }
}
