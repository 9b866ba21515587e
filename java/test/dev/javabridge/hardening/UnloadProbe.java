package dev.javabridge.hardening;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs in a fresh JVM: CYCLES times, a new class loader (child of the platform loader, as an app
 * server's per-deployment loader) loads javabridge from target/classes, uses every native
 * family that caches something in JNI_OnLoad, and is dropped. Reports, per cycle, whether the
 * loader was collected, how many copies of libjavabridge_guide are mapped (/proc/self/maps)
 * and the heap and metaspace in use after a full collection. With a second argument (the
 * user-library fixture's jar) each loader also loads com.example.userlib.UserLib, whose
 * JNI_OnUnload unloads its kit modules; the first sets the system property userlib.first to
 * "unloaded", which tells that JNI_OnUnload ran and freed what JNI_OnLoad made.
 */
public final class UnloadProbe {
    private static final long WAIT_MS = Long.getLong("unload.wait.ms", 10_000);

    private UnloadProbe() {}

    public static void main(String[] args) throws Exception {
        int cycles = Integer.parseInt(args[0]);
        URL[] urls = javabridgeUrls(args.length > 1 ? Paths.get(args[1]) : null);
        boolean userLib = args.length > 1;
        int unloaded = 0;
        int collected = 0;
        int maxMapped = 0;
        long heap0 = 0;
        long meta0 = 0;
        for (int cycle = 1; cycle <= cycles; cycle++) {
            System.clearProperty("userlib.first");
            WeakReference<ClassLoader> ref = useAndDrop(urls, userLib);
            boolean gone = awaitCollected(ref);
            collected += gone ? 1 : 0;
            int mapped = awaitUnmapped();
            if (userLib && "unloaded".equals(System.getProperty("userlib.first"))) {
                unloaded++;
            }
            maxMapped = Math.max(maxMapped, mapped);
            long heap = usedHeap();
            long meta = usedMetaspace();
            if (cycle == 1) {
                heap0 = heap;
                meta0 = meta;
            }
            System.out.println("cycle" + cycle + "=collected:" + gone + ",mapped:" + mapped + ",userlib.first:"
                    + System.getProperty("userlib.first") + ",heap:" + heap
                    + ",metaspace:" + meta);
        }
        System.out.println("collected=" + collected);
        System.out.println("onUnloadRan=" + unloaded);
        System.out.println("maxMappedAfterCollection=" + maxMapped);
        System.out.println("mappedAtEnd=" + mapped());
        System.out.println("heapGrowth=" + (usedHeap() - heap0));
        System.out.println("metaspaceGrowth=" + (usedMetaspace() - meta0));
    }

    /** Loads javabridge in a new loader, calls into C, returns a weak reference to the loader. */
    private static WeakReference<ClassLoader> useAndDrop(URL[] urls, boolean userLib) throws Exception {
        URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
        Class<?> mathOps = Class.forName("dev.javabridge.MathOps", true, loader);
        if (mathOps.getClassLoader() != loader) {
            throw new IllegalStateException("delegated");
        }
        check(42, mathOps.getMethod("safeAdd", int.class, int.class).invoke(null, 2, 40));
        // Config: a class of this loader cached by JNI_OnLoad (the one that pinned loaders before).
        Class<?> config = Class.forName("dev.javabridge.Config", true, loader);
        Object normalized = config.getMethod("normalized").invoke(
                config.getConstructor(long.class, int.class, boolean.class).newInstance(1000L, 3, true));
        check(config, normalized.getClass());
        // Callbacks and NativeBuffer: method and field IDs cached in JNI_OnLoad.
        Class<?> callbacks = Class.forName("dev.javabridge.Callbacks", true, loader);
        int[] values = {3, 1, 2};
        for (Method m : callbacks.getMethods()) {
            if (m.getName().equals("sort") && m.getParameterCount() == 2) {
                Class<?> comparator = m.getParameterTypes()[1];
                Object natural = java.lang.reflect.Proxy.newProxyInstance(loader, new Class<?>[] {comparator},
                        (p, method, a) -> method.getName().equals("compare")
                                ? Integer.compare((Integer) a[0], (Integer) a[1]) : null);
                m.invoke(null, values, natural);
            }
        }
        check(1, values[0]);
        Class<?> buffer = Class.forName("dev.javabridge.NativeBuffer", true, loader);
        try (AutoCloseable b = (AutoCloseable) buffer.getMethod("allocate", long.class).invoke(null, 16L)) {
            check(16L, buffer.getMethod("size").invoke(b));
        }
        if (userLib) {
            Class<?> user = Class.forName("com.example.userlib.UserLib", true, loader);
            check(3L, user.getMethod("divide", int.class, int.class).invoke(null, 7, 2));
            check("loaded", System.getProperty("userlib.first"));
        }
        loader.close();
        return new WeakReference<>(loader);
    }

    private static void check(Object expected, Object actual) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException("expected " + expected + " but got " + actual);
        }
    }

    private static boolean awaitCollected(WeakReference<ClassLoader> ref) throws InterruptedException {
        long end = System.currentTimeMillis() + WAIT_MS;
        while (ref.get() != null && System.currentTimeMillis() < end) {
            System.gc();
            Thread.sleep(20);
        }
        return ref.get() == null;
    }

    /** The JDK unloads a collected loader's libraries from a Cleaner thread: wait for it (bounded). */
    private static int awaitUnmapped() throws Exception {
        long end = System.currentTimeMillis() + WAIT_MS;
        int n = mapped();
        while (n > 0 && System.currentTimeMillis() < end) {
            System.gc();
            Thread.sleep(20);
            n = mapped();
        }
        return n;
    }

    /** Distinct libjavabridge_guide and libuserlib files mapped into this process. */
    static int mapped() throws Exception {
        try (Stream<String> lines = Files.lines(Paths.get("/proc/self/maps"))) {
            return (int) lines.filter(l -> l.contains("libjavabridge_guide") || l.contains("libuserlib"))
                    .map(l -> l.substring(l.indexOf('/')))
                    .distinct().count();
        }
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long usedMetaspace() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals("Metaspace")) {
                return pool.getUsage().getUsed();
            }
        }
        return -1;
    }

    /** target/classes and the jars javabridge needs, from this JVM's class path (never test-classes). */
    private static URL[] javabridgeUrls(Path userLibJar) throws Exception {
        List<URL> urls = new ArrayList<>();
        if (userLibJar != null) {
            urls.add(userLibJar.toUri().toURL());
        }
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Paths.get(entry);
            if (p.endsWith("classes") || entry.contains("native-lib-loader") || entry.contains("slf4j")) {
                urls.add(p.toUri().toURL());
            }
        }
        return urls.toArray(new URL[0]);
    }
}
