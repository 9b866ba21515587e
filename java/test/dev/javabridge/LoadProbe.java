package dev.javabridge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The program that loader tests run in a fresh JVM. It reports what happened
 * as "key=value" lines; a load failure prints {@code error=} lines and exits 3.
 *
 * <p>Commands: {@code load} (one thread) and {@code concurrent N} (N threads
 * released together, each calling {@link NativeLibrary#load()} and a native).
 */
public final class LoadProbe {
    private LoadProbe() {}

    public static void main(String[] args) throws Exception {
        try {
            if (args.length == 2 && args[0].equals("concurrent")) {
                concurrent(Integer.parseInt(args[1]));
            } else {
                NativeLibrary.load();
            }
        } catch (NativeLoadError e) {
            System.out.println("error.class=" + e.getClass().getName());
            System.out.println("error=" + e.getMessage().replace('\n', ' '));
            System.out.println("error.cause=" + (e.getCause() == null ? "" : e.getCause().toString().replace('\n', ' ')));
            report();
            System.exit(3);
        }
        System.out.println("loadedFrom=" + NativeLibrary.loadedFrom());
        System.out.println("loadedFileExists=" + Files.exists(Paths.get(NativeLibrary.loadedFrom())));
        System.out.println("strlen=" + LibC.strlen("h\u00e9llo \uD83D\uDE00"));
        System.out.println("safeAdd=" + MathOps.safeAdd(2, 40));
        report();
    }

    private static void concurrent(int threads) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads);
        CountDownLatch done = new CountDownLatch(threads);
        List<Throwable> failures = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int n = i;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    NativeLibrary.load();
                    int sum = MathOps.safeAdd(n, 1);
                    synchronized (seen) {
                        seen.add(NativeLibrary.loadedFrom() + "#" + (sum == n + 1));
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                } finally {
                    done.countDown();
                }
            });
            t.start();
        }
        done.await();
        for (Throwable f : failures) {
            f.printStackTrace(System.out);
        }
        System.out.println("threadFailures=" + failures.size());
        System.out.println("distinctResults=" + seen.stream().distinct().count());
        System.out.println("threadsDone=" + seen.size());
    }

    /** The contents of the extraction directory, when the test chose one. */
    private static void report() throws IOException {
        String dir = System.getProperty(NativeLibrary.TMPDIR_PROPERTY);
        if (dir != null) {
            try (Stream<Path> files = Files.walk(Paths.get(dir))) {
                System.out.println("tmpdirEntries=" + files.filter(p -> !p.equals(Paths.get(dir)))
                        .map(Path::toString).collect(Collectors.joining(",")));
            }
        }
    }
}
