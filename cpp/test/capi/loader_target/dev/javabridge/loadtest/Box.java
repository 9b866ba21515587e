package dev.javabridge.loadtest;

/** A parameter type only the loader knows: a method lookup must resolve it there. */
public final class Box {
    public int count;

    public Box(int count) {
        this.count = count;
    }
}
