package dev.javabridge;

/**
 * A point in the plane, the Java twin of math_ops' {@code Point {double x, y}}.
 *
 * @param x the horizontal coordinate
 * @param y the vertical coordinate
 */
public record Point(double x, double y) {}
