package com.example.userlib.probe;

/** Runs in a fresh JVM: loads the user library, whose JNI_OnLoad is told to fail, and reports. */
public final class UnwindProbe {
    private UnwindProbe() {}

    public static void main(String[] args) throws Exception {
        try {
            Class.forName("com.example.userlib.UserLib");
            System.out.println("error.class=none");
        } catch (Throwable e) {
            // An Error (NativeLoadError) leaves a static initialiser as it is; anything else is wrapped.
            Throwable t = e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e;
            System.out.println("error.class=" + t.getClass().getName());
            System.out.println("error=" + String.valueOf(t.getMessage()).replace('\n', ' '));
        }
        System.out.println("userlib.first=" + System.getProperty("userlib.first"));
    }
}
