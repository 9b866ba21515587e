package dev.javabridge.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The report's two pictures, drawn with JFreeChart: ns per call per mechanism, and bulk throughput per size. */
final class Charts {
    private static final String[][] CALLS = {
        {"plainJava", "plain Java"}, {"rawJni", "raw JNI"}, {"javabridge", "javabridge"}, {"ffmCritical", "FFM critical"},
        {"ffm", "FFM"}, {"jnaDirect", "JNA direct"}, {"jnaInterface", "JNA interface"},
    };
    private static final String[][] BULK = {
        {"javabridgeArray", "javabridge byte[]"}, {"javabridgeBuffer", "javabridge ByteBuffer"},
        {"rawJniArray", "raw JNI byte[]"}, {"ffmCriticalArray", "FFM critical byte[]"},
        {"jnaDirectArray", "JNA direct byte[]"}, {"plainJava", "plain Java loop"},
    };

    private Charts() {}

    static void calls(Results r, Path file) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (String jdk : r.jmh.keySet()) {
            for (String[] m : CALLS) {
                double ns = r.ns(jdk, "TrivialCall." + m[0]);
                if (!Double.isNaN(ns)) {
                    data.addValue(ns, "JDK " + jdk, m[1]);
                }
            }
        }
        LogAxis axis = new LogAxis("ns per call (log scale, lower is better)");
        axis.setSmallestValue(0.1);
        axis.setTickUnit(new NumberTickUnit(1));
        axis.setNumberFormatOverride(new DecimalFormat("#,##0.#"));
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, new Color(0x1f77b4));
        bars.setSeriesPaint(1, new Color(0xff7f0e));
        CategoryAxis categories = new CategoryAxis();
        categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        CategoryPlot plot = new CategoryPlot(data, categories, axis, bars);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("int f(int, int): one Java → C call", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.addSubtitle(new TextTitle("C's safe_add behind every mechanism; " + how(r) + " per call",
                new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 520);
    }

    private static String how(Results r) {
        return r.statistic.values().stream().anyMatch(s -> s.startsWith("CPU")) ? "JMH, CPU time (perf task-clock)"
                : "JMH, fastest iteration";
    }

    static void bulk(Results r, Path file) throws IOException {
        String jdk = r.jmh.keySet().stream().reduce((a, b) -> b).orElse(null);
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries kernel = new XYSeries("C kernel alone");
        for (String s : Report.SIZES) {
            double gbps = jdk == null ? Double.NaN : r.kernelGbps(jdk, s);
            if (!Double.isNaN(gbps)) {
                kernel.add(Long.parseLong(s), gbps);
            }
        }
        data.addSeries(kernel);
        for (String[] m : BULK) {
            XYSeries series = new XYSeries(m[1]);
            for (String s : Report.SIZES) {
                double ns = jdk == null ? Double.NaN : r.ns(jdk, "BulkSum." + m[0], "size=" + s);
                if (!Double.isNaN(ns)) {
                    series.add(Long.parseLong(s), Long.parseLong(s) / ns);
                }
            }
            if (series.getItemCount() > 0) {
                data.addSeries(series);
            }
        }
        LogAxis sizes = new LogAxis("bytes per call (log scale)");
        sizes.setBase(2);
        sizes.setSmallestValue(32);
        sizes.setTickUnit(new NumberTickUnit(2));
        sizes.setNumberFormatOverride(new DecimalFormat("#,##0"));
        NumberAxis gbps = new NumberAxis("GB/s (higher is better)");
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        lines.setSeriesPaint(0, Color.BLACK);
        lines.setSeriesStroke(0, new BasicStroke(3f));
        XYPlot plot = new XYPlot(data, sizes, gbps, lines);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("Sum of bytes: throughput per size" + (jdk == null ? "" : ", JDK " + jdk),
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.addSubtitle(new TextTitle("C's process_data behind every mechanism; the C kernel looped in C, 16 per crossing; " + how(r),
                new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 520);
    }
}
