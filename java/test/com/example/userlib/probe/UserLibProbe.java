package com.example.userlib.probe;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The program the user-library loader tests run in a fresh JVM, from a jar of its own (so that
 * com.example.userlib comes only from where each command says). Prints key=value lines; a
 * load failure prints error= and exits 3.
 *
 * <p>Commands: {@code load} (UserLib from the class path), {@code concurrent N} (N threads
 * race to first use), {@code loaders N JAR} (N class loaders, children of the one holding
 * javabridge, each loading UserLib from JAR).
 */
public final class UserLibProbe {
    private UserLibProbe() {}

    public static void main(String[] args) throws Exception {
        try {
            switch (args[0]) {
                case "load":
                    report("", Class.forName("com.example.userlib.UserLib"));
                    break;
                case "concurrent":
                    concurrent(Integer.parseInt(args[1]));
                    break;
                case "loaders":
                    loaders(Integer.parseInt(args[1]), Paths.get(args[2]));
                    break;
                default:
                    throw new IllegalArgumentException(args[0]);
            }
        } catch (Throwable t) {
            Throwable root = t;
            while ((root instanceof ExceptionInInitializerError || root instanceof InvocationTargetException)
                    && root.getCause() != null) {
                root = root.getCause();
            }
            System.out.println("error.class=" + root.getClass().getName());
            System.out.println("error=" + String.valueOf(root.getMessage()).replace('\n', ' '));
            Throwable cause = root.getCause();
            System.out.println("error.cause=" + (cause == null ? "" : cause.toString().replace('\n', ' ')));
            System.out.println("mapped=" + mapped());
            System.exit(3);
        }
        System.out.println("mapped=" + mapped());
    }

    private static void report(String prefix, Class<?> userLib) throws Exception {
        String from = (String) userLib.getField("LOADED_FROM").get(null);
        System.out.println(prefix + "loadedFrom=" + from);
        System.out.println(prefix + "loadedFileExists=" + Files.exists(Paths.get(from)));
        System.out.println(prefix + "divide=" + userLib.getMethod("divide", int.class, int.class).invoke(null, 7, 2));
        System.out.println(prefix + "package=" + userLib.getMethod("runtimePackage").invoke(null));
    }

    private static void concurrent(int threads) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Thread> all = new ArrayList<>();
        List<Object> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                Object r;
                try {
                    start.await();
                    Class<?> c = Class.forName("com.example.userlib.UserLib");
                    r = c.getMethod("divide", int.class, int.class).invoke(null, 9, 3) + "@" + c.getField("LOADED_FROM").get(null);
                } catch (Throwable e) {
                    r = e;
                }
                synchronized (results) {
                    results.add(r);
                }
            });
            t.start();
            all.add(t);
        }
        for (Thread t : all) {
            t.join(60_000);
        }
        System.out.println("results=" + results.stream().map(String::valueOf).distinct().collect(Collectors.joining(",")));
        System.out.println("count=" + results.size());
    }

    private static void loaders(int n, Path jar) throws Exception {
        List<URLClassLoader> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, UserLibProbe.class.getClassLoader());
            kept.add(loader);
            Class<?> c = Class.forName("com.example.userlib.UserLib", true, loader);
            if (c.getClassLoader() != loader) {
                throw new IllegalStateException("loader " + i + " delegated");
            }
            report("loader" + i + ".", c);
        }
    }

    /** The copies of libuserlib mapped into this process. */
    static String mapped() throws Exception {
        Path maps = Paths.get("/proc/self/maps");
        if (!Files.exists(maps)) {
            return "unknown";
        }
        try (Stream<String> lines = Files.lines(maps)) {
            return lines.filter(l -> l.contains("libuserlib")).map(l -> l.substring(l.indexOf('/')))
                    .distinct().collect(Collectors.joining(File.pathSeparator.equals(":") ? "," : ";"));
        }
    }
}
