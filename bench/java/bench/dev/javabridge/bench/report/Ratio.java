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

    /**
     * "1.04 ✔", "0.71 ✘", or "n/a" when the run has no such number; when the JMH costs are CPU
     * time, the same ratio by JMH's wall-clock average follows, "7.06 ✔ (wall 7.05)": the target
     * is judged on CPU time, the wall figure says whether the two clocks agree in this run.
     */
    String cell(Results r, String jdk) {
        double v = value.apply(r, jdk);
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "n/a";
        }
        String text = number(v);
        if (!Double.isNaN(target)) {
            boolean met = atMost ? v <= target : v >= target;
            text += met ? " ✔" : " ✘";
        }
        if (r.hasCpuTime(jdk)) {
            double w = value.apply(r.wallClock(), jdk);
            if (!Double.isNaN(w) && !Double.isInfinite(w) && w != v) {
                text += " (wall " + number(w) + ")";
            }
        }
        return text;
    }

    private static String number(double v) {
        return v >= 100 ? String.format("%.0f", v) : v >= 10 ? String.format("%.1f", v) : String.format("%.2f", v);
    }
}
