package com.example.gauge;

/** Runs the binding once: on any platform whose library the jar carries, the same line, and the pointer width. */
public final class GaugeDemo {
    private GaugeDemo() {}

    public static void main(String[] args) {
        GaugeReading r = Gauge.gaugeRead(3, 1500);
        System.out.println("gauge: channel " + r.channel() + " reads " + Gauge.gaugeVolts(r) + " V; sum "
                + Gauge.gaugeSum(new int[] {1, 2, 3}) + "; " + Gauge.gaugePointerBits() + "-bit pointers on "
                + System.getProperty("os.arch"));
    }
}
