// The JNI-warning gate's canary: java JniCanary LIBRARY misuse|proper (see jni_canary.c).
public class JniCanary {
    static native void misuse();

    static native void proper();

    static void noop() {}

    public static void main(String[] args) {
        System.load(args[0]);
        if (args[1].equals("misuse")) {
            misuse();
        } else {
            proper();
        }
        System.out.println("JniCanary: " + args[1] + " returned");
    }
}
