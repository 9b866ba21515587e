/*
 * Loads libjavabridge_guide and nothing else, so that the JNI trace agent records exactly what
 * its JNI_OnLoad registers and caches: run by scripts/native-image-metadata.py.
 */
public final class LoadLibrary {
    public static void main(String[] args) {
        dev.javabridge.NativeLibrary.load();
        System.out.println("loaded " + dev.javabridge.NativeLibrary.loadedFrom());
    }
}
