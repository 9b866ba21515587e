package dev.javabridge;

/** A point in the plane, the Java twin of math_ops' {@code Point {double x, y}}. */
public record Point(double x, double y) {}
