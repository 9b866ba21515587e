import dev.javabridge.NativeLibrary;

/**
 * Prints which bundled library javabridge would load on the platform the JVM reports, and
 * fails if the jar on the class path lacks it. Run with -Dos.name/-Dos.arch overridden to
 * ask about a platform this machine cannot execute (scripts/test-cross.sh does, for Windows).
 */
public final class ResolveNatives {
    public static void main(String[] args) {
        String resource = NativeLibrary.platformResource();
        boolean present = ResolveNatives.class.getClassLoader().getResource(resource) != null
                && ResolveNatives.class.getClassLoader().getResource(resource + ".sha256") != null;
        System.out.println(System.getProperty("os.name") + "/" + System.getProperty("os.arch") + " -> " + resource
                + (present ? " (in the jar, with its digest)" : " (MISSING from the jar)"));
        if (!present) {
            System.exit(1);
        }
    }
}
