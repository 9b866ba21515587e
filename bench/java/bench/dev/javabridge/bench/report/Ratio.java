package dev.javabridge.bench.report;

import java.util.function.BiFunction;

/**
 * One line of the report: a ratio computed from a run for each JDK, and the
 * target it is held to (at most or at least {@code target}; none if NaN).
 */
record Ratio(String section, String label, String meaning, boolean atMost, double target,
             BiFunction<Results, String, Double> value) {

    static Ratio atMost(String section, String label, String meaning, double target,
                        BiFunction<Results, String, Double> value) {
        return new Ratio(section, label, meaning, true, target, value);
    }

    static Ratio atLeast(String section, String label, String meaning, double target,
                         BiFunction<Results, String, Double> value) {
        return new Ratio(section, label, meaning, false, target, value);
    }

    static Ratio info(String section, String label, String meaning, BiFunction<Results, String, Double> value) {
        return new Ratio(section, label, meaning, true, Double.NaN, value);
    }

    String targetText() {
        return Double.isNaN(target) ? "" : (atMost ? "≤ " : "≥ ") + String.format("%.2f", target);
    }

    /** "1.04 ✔", "0.71 ✘", or "n/a" when the run has no such number. */
    String cell(Results r, String jdk) {
        double v = value.apply(r, jdk);
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "n/a";
        }
        String text = v >= 100 ? String.format("%.0f", v) : v >= 10 ? String.format("%.1f", v) : String.format("%.2f", v);
        if (Double.isNaN(target)) {
            return text;
        }
        boolean met = atMost ? v <= target : v >= target;
        return text + (met ? " ✔" : " ✘");
    }
}
