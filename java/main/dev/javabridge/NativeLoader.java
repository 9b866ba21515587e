package dev.javabridge;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.regex.Pattern;
import org.scijava.nativelib.NativeLibraryUtil;

/**
 * Loads a JNI library that ships inside a jar (or a class directory), safely: javabridge's
 * own natives load through it, and so can any application's.
 *
 * <p>{@link #load(Class, String) load(anchor, name)} looks for the library in the jar or
 * directory that holds the class {@code anchor}, at native-lib-loader's path
 * {@code natives/<platform>/<file>} ({@code natives/linux_64/libNAME.so},
 * {@code natives/linux_arm64/libNAME.so}, {@code natives/windows_64/NAME.dll},
 * {@code natives/osx_64/libNAME.dylib}, {@code natives/osx_arm64/libNAME.dylib}; on a musl
 * Linux such as Alpine {@code natives/linux_musl_64/} and {@code natives/linux_musl_arm64/},
 * told apart from glibc by the C library this process runs on), never in
 * another jar of the class path and never on {@code java.library.path}; a jar meant for the
 * module path keeps them under {@value #MODULE_RESOURCE_ROOT} instead (same layout), which is
 * searched when {@code natives/} holds no such file. Beside the library
 * must lie {@code <file>.sha256}, its SHA-256 as {@code sha256sum} writes it. The library is
 * copied into a directory that did not exist before (owner-only on POSIX) under
 * {@code java.io.tmpdir} or {@value #TMPDIR_PROPERTY}; the copy is created exclusively (a
 * planted file or link at that name fails the load instead of being written through), its
 * bytes must match the digest, it is loaded by absolute path and deleted again where the
 * operating system allows it.
 *
 * <p>System properties, for every library: {@code javabridge.library.path.<name>} (see
 * {@link #pathProperty(String)}) loads that file instead of the jar's copy;
 * {@value #TMPDIR_PROPERTY} picks the extraction directory (for example when {@code /tmp} is
 * mounted {@code noexec}).
 *
 * <p>A library loads once per class loader of its anchor: later calls return at once with
 * the same path. Safe to call from any number of threads and from several class loaders
 * (each gets its own extracted copy). On JDK 22 and later loading native code is a
 * restricted operation: run with {@code --enable-native-access=ALL-UNNAMED} on the class
 * path, or {@code --enable-native-access=dev.javabridge} on the module path (the JDK checks the
 * module that calls {@code System.load}, which is javabridge's, also for your own libraries).
 *
 * <p>A library built on javabridge's JNI kit ({@code javabridge/jnikit.h}) learns the
 * anchor's package here, so it binds its natives even when a shaded jar has relocated them.
 */
public final class NativeLoader {
    /** System property: directory in which to extract libraries (default {@code java.io.tmpdir}). */
    public static final String TMPDIR_PROPERTY = "javabridge.tmpdir";
    /** The resource folder under which each platform's libraries sit. */
    public static final String RESOURCE_ROOT = "natives/";
    /**
     * Where a modular jar keeps its libraries instead: {@code META-INF/natives/<platform>/}.
     * {@code natives/linux_64/} is also a package name, and no two modules on the module path
     * may hold the same package (javabridge's own jar holds it); {@code META-INF} is never one.
     */
    public static final String MODULE_RESOURCE_ROOT = "META-INF/" + RESOURCE_ROOT;

    private static final String META_INF = "META-INF/";

    private static final String PATH_PROPERTY_PREFIX = "javabridge.library.path.";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+-]{0,127}");
    private static final Object LOCK = new Object();
    /** Per anchor class loader (weakly, so a dropped loader is collected): name -> loaded path. */
    private static final Map<ClassLoader, Map<String, String>> LOADED = new WeakHashMap<>();
    private static final Map<String, String> LOADED_BY_BOOT = new HashMap<>();
    /** The anchor of the load in progress on this thread, for the JNI kit's JNI_OnLoad. */
    private static final ThreadLocal<Class<?>> ANCHOR = new ThreadLocal<>();

    private NativeLoader() {}

    /**
     * Loads the library {@code name} bundled with {@code anchor}, unless this anchor's class
     * loader has loaded it already.
     *
     * @param anchor a class in the jar or directory that holds {@code natives/<platform>/};
     *     a library built on the JNI kit binds its natives in this class's package
     * @param name the library's base name: {@code "zstd"} for {@code libzstd.so} /
     *     {@code zstd.dll}; letters, digits and {@code _.+-}
     * @return the absolute path the library was loaded from (an extracted copy may since
     *     have been deleted)
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code name} is not a plain library name
     * @throws NativeLoadError if no library fits this platform, its digest is missing or does
     *     not match, it cannot be extracted, or the operating system refuses to load it; the
     *     message says what was looked for and what was found
     */
    public static String load(Class<?> anchor, String name) {
        if (anchor == null || name == null) {
            throw new NullPointerException(anchor == null ? "anchor is null" : "name is null");
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a library name: \"" + name
                    + "\" (letters, digits and _.+- only, as in \"zstd\" for libzstd.so)");
        }
        synchronized (LOCK) {
            Map<String, String> loaded = loadedBy(anchor.getClassLoader());
            String path = loaded.get(name);
            if (path == null) {
                String explicit = System.getProperty(pathProperty(name));
                path = explicit != null && !explicit.isEmpty() ? loadExplicit(anchor, name, explicit)
                        : loadBundled(anchor, name);
                loaded.put(name, path);
            }
            return path;
        }
    }

    /**
     * The system property that names a file to load instead of the bundled {@code name}.
     *
     * @param name the library's name, as given to {@link #load}
     * @return the property's name, {@code javabridge.library.path.<name>}
     */
    public static String pathProperty(String name) {
        return PATH_PROPERTY_PREFIX + name;
    }

    /**
     * The resource path of {@code name} for this platform ({@code natives/linux_64/libNAME.so}).
     *
     * @param name the library's name, without prefix or suffix
     * @return the path inside a jar or class directory
     */
    public static String platformResource(String name) {
        NativeLibraryUtil.Architecture arch = NativeLibraryUtil.getArchitecture();
        boolean linux = arch == NativeLibraryUtil.Architecture.LINUX_64 || arch == NativeLibraryUtil.Architecture.LINUX_ARM64;
        return RESOURCE_ROOT + platformFolder(arch, linux && LinuxLibc.isMusl())
                + NativeLibraryUtil.getPlatformLibraryName(name);
    }

    /**
     * native-lib-loader's folder name for arch ({@code linux_64}), with musl's Linux builds kept
     * apart ({@code linux_musl_64}): a glibc library does not load on musl, nor the reverse.
     */
    static String platformFolder(NativeLibraryUtil.Architecture arch, boolean musl) {
        String folder = arch.name().toLowerCase(Locale.ROOT) + "/";
        return musl && folder.startsWith("linux_") ? "linux_" + LinuxLibc.MUSL_INFIX + folder.substring(6) : folder;
    }

    private static Map<String, String> loadedBy(ClassLoader loader) {
        return loader == null ? LOADED_BY_BOOT : LOADED.computeIfAbsent(loader, l -> new HashMap<>());
    }

    private static String loadExplicit(Class<?> anchor, String name, String file) {
        String property = pathProperty(name);
        Path path = Paths.get(file).toAbsolutePath();
        if (!Files.isRegularFile(path)) {
            throw new NativeLoadError(property + "=" + file + " is not a readable file", null);
        }
        systemLoad(anchor, path, "the file named by " + property, "Check that it is the library " + name
                + " for this platform. A library file serves one class loader per JVM: where several class"
                + " loaders load " + name + ", leave " + property + " unset so that each extracts its own copy.");
        return path.toString();
    }

    private static String loadBundled(Class<?> anchor, String name) {
        NativeLibraryUtil.Architecture arch = NativeLibraryUtil.getArchitecture();
        String resource = platformResource(name);
        String root = rootOf(anchor);
        if (!exists(root, resource) && exists(root, META_INF + resource)) {
            resource = META_INF + resource;
        }
        if (arch == NativeLibraryUtil.Architecture.UNKNOWN || !exists(root, resource)) {
            throw new NativeLoadError(name + ": no native library for this platform: detected " + arch
                    + " (os.name=" + System.getProperty("os.name") + ", os.arch=" + System.getProperty("os.arch")
                    + "); looked for resource " + resource + "; the jar holds " + bundled(root, name)
                    + " (searched " + root + " under " + RESOURCE_ROOT + " and " + MODULE_RESOURCE_ROOT + ", which holds "
                    + anchor.getName() + "). Build the natives for this platform or set -D" + pathProperty(name) + "=<file>.", null);
        }
        Path extracted;
        Path tmp = tmpDirectory();
        if (!Files.isDirectory(tmp)) {
            // Telling the user to set the property they may have just set would send them in circles.
            throw new NativeLoadError("could not extract " + resource + ": the extraction directory " + tmp
                    + (System.getProperty(TMPDIR_PROPERTY, "").isEmpty() ? " (java.io.tmpdir)" : " (-D" + TMPDIR_PROPERTY + ")")
                    + " does not exist or is not a directory", null);
        }
        try {
            extracted = new SecureExtractor(root, tmp).extract(resource);
        } catch (IOException e) {
            throw new NativeLoadError("could not extract " + resource + ": " + e.getMessage() + ". Set -D"
                    + TMPDIR_PROPERTY + "=<dir> to a writable directory.", e);
        }
        try {
            systemLoad(anchor, extracted, "the extracted copy of " + resource, "If that directory is mounted"
                    + " noexec, set -D" + TMPDIR_PROPERTY + "=<dir> to one that allows executables.");
        } finally {
            SecureExtractor.deleteAfterLoad(extracted);
        }
        return extracted.toString();
    }

    /**
     * The URL prefix of the jar or directory that holds anchor's class file
     * ({@code jar:file:/app/lib.jar!/} or {@code file:/app/classes/}).
     */
    static String rootOf(Class<?> anchor) {
        String classFile = anchor.getName().replace('.', '/') + ".class";
        ClassLoader loader = anchor.getClassLoader();
        URL url = loader != null ? loader.getResource(classFile) : ClassLoader.getSystemResource(classFile);
        String text = url == null ? null : url.toString();
        if (text == null || !text.endsWith(classFile)) {
            throw new NativeLoadError("cannot locate the jar or directory holding " + anchor.getName()
                    + " (its class file is at " + text + "): load its library with -D" + PATH_PROPERTY_PREFIX
                    + "<name>=<file>", null);
        }
        return text.substring(0, text.length() - classFile.length());
    }

    /** Opens root + resource, bypassing the JDK's jar cache so a replaced jar is read as it is now. */
    static InputStream open(String root, String resource) throws IOException {
        URLConnection connection = new URL(root + resource).openConnection();
        connection.setUseCaches(false);
        return connection.getInputStream();
    }

    static boolean exists(String root, String resource) {
        try (InputStream in = open(root, resource)) {
            return in != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> bundled(String root, String name) {
        List<String> found = new ArrayList<>();
        for (String prefix : new String[] {RESOURCE_ROOT, MODULE_RESOURCE_ROOT}) {
            for (NativeLibraryUtil.Architecture a : NativeLibraryUtil.Architecture.values()) {
                for (boolean musl : new boolean[] {false, true}) {
                    String dir = prefix + platformFolder(a, musl);
                    for (String file : new String[] {"lib" + name + ".so", name + ".dll", "lib" + name + ".dylib"}) {
                        if (!found.contains(dir + file) && exists(root, dir + file)) {
                            found.add(dir + file);
                        }
                    }
                }
            }
        }
        return found;
    }

    private static Path tmpDirectory() {
        String dir = System.getProperty(TMPDIR_PROPERTY);
        return Paths.get(dir != null && !dir.isEmpty() ? dir : System.getProperty("java.io.tmpdir"));
    }

    private static void systemLoad(Class<?> anchor, Path path, String what, String hint) {
        Class<?> outer = ANCHOR.get();
        ANCHOR.set(anchor);
        try {
            jnikitSystemLoad(path.toString());
        } catch (UnsatisfiedLinkError e) {
            throw new NativeLoadError("could not load " + what + " at " + path + ": " + e.getMessage() + ". " + hint, e);
        } catch (IllegalCallerException e) {
            // The JDK checks the module that calls System.load: this class's, not the anchor's.
            Module self = NativeLoader.class.getModule();
            String grant = self.isNamed() ? self.getName() : "ALL-UNNAMED";
            throw new NativeLoadError("javabridge may not load native code in this JVM (" + what + "): " + e.getMessage()
                    + ". Add --enable-native-access=" + grant + " to the java command"
                    + (self.isNamed() ? "." : ", or Enable-Native-Access: ALL-UNNAMED to the executable jar's manifest."),
                    e);
        } catch (RuntimeException | Error e) {
            // An exception a library's JNI_OnLoad left pending (the JNI kit's unwind keeps the cause).
            throw new NativeLoadError("could not load " + what + " at " + path + ": its JNI_OnLoad failed: " + e, e);
        } finally {
            if (outer == null) {
                ANCHOR.remove();
            } else {
                ANCHOR.set(outer);
            }
        }
    }

    /* The JNI kit (cpp/jnikit/module.c) finds this method's frame on the stack by its name, and
     * calls jnikitAnchor() on its class: renaming either breaks relocated natives. */
    private static void jnikitSystemLoad(String path) {
        System.load(path);
    }

    @SuppressWarnings("unused") // called from the JNI kit's JNI_OnLoad
    private static Class<?> jnikitAnchor() {
        return ANCHOR.get();
    }
}
