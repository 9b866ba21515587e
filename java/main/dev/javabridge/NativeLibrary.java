package dev.javabridge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.scijava.nativelib.NativeLibraryUtil;

/**
 * Loads javabridge's native library, once per class loader.
 *
 * <p>By default the library for this platform is taken from the jar (at
 * native-lib-loader's resource path {@code natives/<platform>/}), copied into
 * a new owner-only directory under {@code java.io.tmpdir} (or the directory in
 * the system property {@value #TMPDIR_PROPERTY}), checked against the SHA-256
 * digest recorded at build time, loaded by absolute path and deleted again where
 * the operating system allows it. Nothing on {@code java.library.path} is
 * consulted, so a same-named library elsewhere can never be loaded instead.
 *
 * <p>The system property {@value #PATH_PROPERTY} names a library file to load
 * instead of the jar's copy.
 *
 * <p>On JDK 22 and later, loading a library is a restricted operation: run with
 * {@code --enable-native-access=ALL-UNNAMED} (or the name of the module holding
 * javabridge), or put {@code Enable-Native-Access: ALL-UNNAMED} in the manifest
 * of an executable jar.
 *
 * <p>Every class with native methods calls {@link #load()} in its static
 * initialiser, so applications need not call it; calling it early surfaces a
 * loading problem at a moment of the application's choosing.
 */
public final class NativeLibrary {
    /** System property: absolute path of a library file to load instead of the jar's. */
    public static final String PATH_PROPERTY = "javabridge.library.path";
    /** System property: directory in which to extract the library (default {@code java.io.tmpdir}). */
    public static final String TMPDIR_PROPERTY = "javabridge.tmpdir";
    /** The library's base name. */
    public static final String NAME = "javabridge";
    /** The resource folder under which each platform's library sits. */
    static final String RESOURCE_ROOT = "natives/";

    private static final Object LOCK = new Object();
    private static volatile String loadedFrom;
    /** A failure after System.load succeeded cannot be retried: the library is in the process. */
    private static NativeLoadError permanentFailure;

    private NativeLibrary() {}

    /**
     * Loads the library if this class loader has not loaded it yet. Safe to call
     * from any number of threads at once; later calls return at once.
     *
     * @throws NativeLoadError if no library fits this platform, the extracted copy
     *     does not match its recorded digest, the operating system refuses to
     *     load it, or the loaded library is not the build this jar expects
     */
    public static void load() {
        if (loadedFrom != null) {
            return;
        }
        synchronized (LOCK) {
            if (loadedFrom != null) {
                return;
            }
            if (permanentFailure != null) {
                throw permanentFailure;
            }
            String explicit = System.getProperty(PATH_PROPERTY);
            String path = explicit != null && !explicit.isEmpty() ? loadExplicit(explicit) : loadFromJar();
            handshake(path);
            loadedFrom = path;
        }
    }

    /**
     * Where the library was loaded from (a path that may since have been deleted), or null before {@link #load()}.
     *
     * @return the path, or null
     */
    public static String loadedFrom() {
        return loadedFrom;
    }

    /**
     * The resource path of this platform's library, as native-lib-loader lays it out.
     *
     * @return for example {@code natives/linux_64/libjavabridge.so}
     */
    public static String platformResource() {
        return NativeLibraryUtil.getPlatformLibraryPath(RESOURCE_ROOT) + NativeLibraryUtil.getPlatformLibraryName(NAME);
    }

    private static String loadExplicit(String file) {
        Path path = Paths.get(file).toAbsolutePath();
        if (!Files.isRegularFile(path)) {
            throw new NativeLoadError(PATH_PROPERTY + "=" + file + " is not a readable file", null);
        }
        systemLoad(path, "the file named by " + PATH_PROPERTY, "Check that it is javabridge's library for this"
                + " platform. A library file serves one class loader per JVM: where several class loaders load"
                + " javabridge, leave " + PATH_PROPERTY + " unset so that each extracts its own copy.");
        return path.toString();
    }

    private static String loadFromJar() {
        NativeLibraryUtil.Architecture arch = NativeLibraryUtil.getArchitecture();
        String resource = platformResource();
        ClassLoader loader = NativeLibrary.class.getClassLoader();
        if (arch == NativeLibraryUtil.Architecture.UNKNOWN || loader.getResource(resource) == null) {
            throw new NativeLoadError("javabridge has no native library for this platform: detected " + arch
                    + " (os.name=" + System.getProperty("os.name") + ", os.arch=" + System.getProperty("os.arch")
                    + "); looked for resource " + resource + "; the jar holds " + bundledResources(loader)
                    + ". Build the natives for this platform or set -D" + PATH_PROPERTY + "=<file>.", null);
        }
        Path extracted;
        try {
            extracted = new SecureExtractor(NativeLibrary.class, tmpDirectory()).extractJni(
                    NativeLibraryUtil.getPlatformLibraryPath(RESOURCE_ROOT), NAME).toPath();
        } catch (IOException e) {
            throw new NativeLoadError("javabridge could not extract " + resource + ": " + e.getMessage()
                    + ". Set -D" + TMPDIR_PROPERTY + "=<dir> to a writable directory.", e);
        }
        try {
            systemLoad(extracted, "the extracted copy of " + resource, "If that directory is mounted noexec, set -D"
                    + TMPDIR_PROPERTY + "=<dir> to one that allows executables.");
        } finally {
            SecureExtractor.deleteAfterLoad(extracted);
        }
        return extracted.toString();
    }

    private static Path tmpDirectory() {
        String dir = System.getProperty(TMPDIR_PROPERTY);
        return Paths.get(dir != null && !dir.isEmpty() ? dir : System.getProperty("java.io.tmpdir"));
    }

    private static void systemLoad(Path path, String what, String hint) {
        try {
            System.load(path.toString());
        } catch (UnsatisfiedLinkError e) {
            throw new NativeLoadError("javabridge could not load " + what + " at " + path + ": " + e.getMessage()
                    + ". " + hint, e);
        } catch (IllegalCallerException e) {
            throw new NativeLoadError("javabridge may not load native code in this JVM: " + e.getMessage()
                    + ". Add --enable-native-access=ALL-UNNAMED (or the module holding javabridge) to the java"
                    + " command, or Enable-Native-Access: ALL-UNNAMED to the executable jar's manifest.", e);
        }
    }

    private static void handshake(String path) {
        int abi;
        try {
            abi = BridgeNative.abiVersion();
        } catch (UnsatisfiedLinkError e) {
            permanentFailure = new NativeLoadError("the library loaded from " + path
                    + " is not javabridge's: it has no ABI handshake", e);
            throw permanentFailure;
        }
        if (abi != BridgeNative.ABI_VERSION) {
            permanentFailure = new NativeLoadError("the library loaded from " + path + " has ABI version " + abi
                    + " but this jar needs " + BridgeNative.ABI_VERSION + ": it comes from another build", null);
            throw permanentFailure;
        }
    }

    private static List<String> bundledResources(ClassLoader loader) {
        List<String> found = new ArrayList<>();
        for (NativeLibraryUtil.Architecture a : NativeLibraryUtil.Architecture.values()) {
            String dir = RESOURCE_ROOT + a.name().toLowerCase(java.util.Locale.ROOT) + "/";
            for (String file : new String[] {"lib" + NAME + ".so", NAME + ".dll", "lib" + NAME + ".dylib"}) {
                if (loader.getResource(dir + file) != null) {
                    found.add(dir + file);
                }
            }
        }
        return found;
    }
}
