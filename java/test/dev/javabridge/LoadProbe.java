package dev.javabridge;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
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
 * released together, each calling {@link NativeLibrary#load()} and a native)
 * {@code format} (snprintf in whatever locale the environment sets) and {@code twoLoaders} (javabridge loaded again by a second, unrelated class
 * loader, as two applications in one container would).
 */
public final class LoadProbe {
    private LoadProbe() {}

    public static void main(String[] args) throws Exception {
        try {
            if (args.length == 2 && args[0].equals("concurrent")) {
                concurrent(Integer.parseInt(args[1]));
            } else if (args.length == 1 && args[0].equals("format")) {
                System.out.println("format=" + LibC.format("%.2f|%e|%g", 3.14159, 1.5, 0.25));
                System.out.println("javaDefaultLocale=" + String.format("%.2f", 3.14159));
                return;
            } else if (args.length == 1 && args[0].equals("twoLoaders")) {
                NativeLibrary.load();
                secondLoader();
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
                    // Half the threads load explicitly; the others race through different classes'
                    // static initialisers, as an application's first calls would.
                    boolean ok = n % 2 == 0 ? explicitLoad(n) : firstCallLoads(n);
                    synchronized (seen) {
                        seen.add(NativeLibrary.loadedFrom() + "#" + ok);
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
        System.out.println("allRight=" + seen.stream().allMatch(s -> s.endsWith("#true")));
        System.out.println("threadsDone=" + seen.size());
    }

    private static boolean explicitLoad(int n) {
        NativeLibrary.load();
        return MathOps.safeAdd(n, 1) == n + 1;
    }

    private static boolean firstCallLoads(int n) {
        switch (n % 6) {
            case 1:
                return LibC.strlen("abc") == 3;
            case 3:
                try (NativeBuffer b = NativeBuffer.allocate(8)) {
                    return b.get(0) == 0;
                }
            case 5:
                return new Config(0, 1, true).normalized().timeoutMs() == 1000;
            default:
                return DataProcessor.processData(new byte[] {1, 2}) == 3;
        }
    }

    /** javabridge's classes loaded afresh by a loader that does not delegate to the application's. */
    private static void secondLoader() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(Paths.get(entry).toUri().toURL());
        }
        try (URLClassLoader other = new URLClassLoader(urls.toArray(new URL[0]),
                ClassLoader.getPlatformClassLoader())) {
            Class<?> library = other.loadClass(NativeLibrary.class.getName());
            if (library == NativeLibrary.class) {
                throw new IllegalStateException("the second loader delegated to the first");
            }
            try {
                library.getMethod("load").invoke(null);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                System.out.println("otherError.class=" + cause.getClass().getName());
                System.out.println("otherError=" + cause.getMessage().replace('\n', ' '));
                return;
            }
            System.out.println("otherLoadedFrom=" + library.getMethod("loadedFrom").invoke(null));
            Class<?> math = other.loadClass(MathOps.class.getName());
            System.out.println("otherSafeAdd=" + math.getMethod("safeAdd", int.class, int.class).invoke(null, 40, 2));
            Class<?> libc = other.loadClass(LibC.class.getName());
            System.out.println("otherStrlen=" + libc.getMethod("strlen", String.class).invoke(null, "\uD83D\uDE00"));
            Class<?> callbacks = other.loadClass(Callbacks.class.getName());
            int[] values = {3, 1, 2};
            List<Integer> seen = new ArrayList<>();
            callbacks.getMethod("forEach", int[].class, java.util.function.IntConsumer.class)
                    .invoke(null, values, (java.util.function.IntConsumer) seen::add);
            System.out.println("otherForEach=" + seen);
        }
        System.out.println("firstStillWorks=" + (MathOps.safeAdd(1, 1) == 2 && LibC.strlen("abc") == 3));
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
