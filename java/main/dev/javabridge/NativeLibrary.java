package dev.javabridge;

/**
 * Loads javabridge's natives (the library {@value #NAME}), once per class loader, through
 * {@link NativeLoader}: from the jar's {@code natives/<platform>/}, checked against the
 * SHA-256 recorded at build time, into a new owner-only directory under
 * {@code java.io.tmpdir} (or {@value #TMPDIR_PROPERTY}), loaded by absolute path. Nothing on
 * {@code java.library.path} is consulted. The system property {@value #PATH_PROPERTY} names
 * a library file to load instead of the jar's copy.
 *
 * <p>On JDK 22 and later, loading a library is a restricted operation: run with
 * {@code --enable-native-access=ALL-UNNAMED} on the class path (or put
 * {@code Enable-Native-Access: ALL-UNNAMED} in the manifest of an executable jar), and
 * with {@code --enable-native-access=dev.javabridge} on the module path.
 *
 * <p>Every class with native methods calls {@link #load()} in its static
 * initialiser, so applications need not call it; calling it early surfaces a
 * loading problem at a moment of the application's choosing. (libjavabridge, the C API
 * that C programs link, is a separate library that Java never loads.)
 */
public final class NativeLibrary {
    /** The library's base name: libjavabridge_guide.so, javabridge_guide.dll. */
    public static final String NAME = "javabridge_guide";
    /** System property: absolute path of a library file to load instead of the jar's. */
    public static final String PATH_PROPERTY = "javabridge.library.path." + NAME;
    /** System property: directory in which to extract the library (default {@code java.io.tmpdir}). */
    public static final String TMPDIR_PROPERTY = NativeLoader.TMPDIR_PROPERTY;
    /** The resource folder under which each platform's library sits. */
    static final String RESOURCE_ROOT = NativeLoader.RESOURCE_ROOT;

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
            String path = NativeLoader.load(NativeLibrary.class, NAME);
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
        return NativeLoader.platformResource(NAME);
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
}
