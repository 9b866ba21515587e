package dev.javabridge.hardening;

import dev.javabridge.MathOps;
import dev.javabridge.NativeLibrary;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A program that loads javabridge the way an application does and reports what
 * happened, for the loader tests that need a JVM of their own. Prints
 * {@code loadedFrom=}, {@code mapped=} (every file named like the library that
 * the process has mapped, from /proc/self/maps) and {@code sum=}; on a load
 * failure prints {@code error=} and the cause, and exits 3.
 */
public final class LoaderProbe {
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("two-loaders")) {
            twoLoaders();
            return;
        }
        try {
            NativeLibrary.load();
            System.out.println("loadedFrom=" + NativeLibrary.loadedFrom());
            System.out.println("sum=" + MathOps.safeAdd(2, 3));
            System.out.println("mapped=" + mappedLibraries());
        } catch (UnsatisfiedLinkError e) {
            System.out.println("error=" + e.getMessage());
            System.out.println("errorClass=" + e.getClass().getName());
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                System.out.println("cause=" + c);
            }
            System.exit(3);
        }
    }

    /** Every mapped file whose name contains "javabridge": which copies of the library are in the process. */
    static TreeSet<String> mappedLibraries() throws IOException {
        TreeSet<String> files = new TreeSet<>();
        for (String line : Files.readAllLines(Paths.get("/proc/self/maps"))) {
            int slash = line.indexOf('/');
            if (slash >= 0 && line.contains("javabridge") && line.contains(".so")) {
                files.add(line.substring(slash));
            }
        }
        return files;
    }

    /**
     * The library loaded by the application's class loader and by two isolated
     * class loaders over the same class path. Each line says ok with the sum and
     * the file loaded, or the error the loader reported.
     */
    private static void twoLoaders() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            urls.add(Paths.get(entry).toUri().toURL());
        }
        System.out.println("loader app: " + callIn(LoaderProbe.class.getClassLoader()));
        for (int i = 1; i <= 2; i++) {
            try (URLClassLoader isolated = new URLClassLoader("isolated-" + i, urls.toArray(new URL[0]),
                    ClassLoader.getPlatformClassLoader())) {
                System.out.println("loader " + i + ": " + callIn(isolated));
            }
        }
        System.out.println("mapped=" + mappedLibraries());
    }

    private static String callIn(ClassLoader loader) throws Exception {
        try {
            Class<?> math = Class.forName("dev.javabridge.MathOps", true, loader);
            int sum = (Integer) math.getMethod("safeAdd", int.class, int.class).invoke(null, 2, 3);
            Object from = Class.forName("dev.javabridge.NativeLibrary", true, loader).getMethod("loadedFrom")
                    .invoke(null);
            return "ok sum=" + sum + " from " + from;
        } catch (InvocationTargetException e) {
            Throwable t = e.getCause() instanceof ExceptionInInitializerError ? e.getCause().getCause() : e.getCause();
            return "error " + t;
        }
    }

    private LoaderProbe() {}
}
