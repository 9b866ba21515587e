package dev.javabridge.loadtest;

/** Reached only through a jb_loader: these classes are on no class path the tests' JVM has. */
public final class Greeter {
    public static int instances;
    public final String name;

    public Greeter(String name) {
        this.name = name;
        instances++;
    }

    public String greet(Box box) {
        return "hello " + name + " x" + box.count;
    }

    /** The class of the loader that defined this class. */
    public static String loaderClass() {
        return Greeter.class.getClassLoader().getClass().getName();
    }

    public static int countOf(Box box) {
        return box.count;
    }
}
