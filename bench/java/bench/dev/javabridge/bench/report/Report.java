package dev.javabridge.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one bench.sh run into the table of ratios (printed, and written as
 * Markdown to {@code ratios.md} beside the results) and the charts.
 * Usage: Report RESULTS_DIR CHART_DIR
 */
public final class Report {
    static final String[] SIZES = {"64", "4096", "65536", "1048576", "16777216"};
    static final String[] STRING_BYTES = {"16", "4096"};
    static final String[] STRING_TEXTS = {"ascii", "emoji"};
    static final String[] BATCH_N = {"16", "1024"};

    private Report() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Report RESULTS_DIR CHART_DIR");
            System.exit(2);
        }
        Path dir = Paths.get(args[0]);
        Path charts = Paths.get(args[1]);
        Results results = Results.read(dir);
        if (results.jdks().isEmpty()) {
            System.err.println("no results under " + dir);
            System.exit(1);
        }
        String table = table(results, ratios());
        System.out.print(table);
        Files.writeString(dir.resolve("ratios.md"), table, StandardCharsets.UTF_8);
        Files.createDirectories(charts);
        Charts.calls(results, charts.resolve("bench-calls.png"));
        Charts.bulk(results, charts.resolve("bench-bulk.png"));
        System.out.println("\nCharts: " + charts.resolve("bench-calls.png") + ", " + charts.resolve("bench-bulk.png"));
    }

    static String human(String bytes) {
        long n = Long.parseLong(bytes);
        return n >= 1 << 20 ? (n >> 20) + " MiB" : n >= 1024 ? (n >> 10) + " KiB" : n + " B";
    }

    static List<Ratio> ratios() {
        List<Ratio> list = new ArrayList<>();
        String down = "Java → C: one call, int f(int, int)";
        list.add(Ratio.atMost(down, "javabridge / raw JNI", "time per call: MathOps.safeAdd against a hand-written native",
                1.10, (r, j) -> r.ns(j, "TrivialCall.javabridge") / r.ns(j, "TrivialCall.rawJni")));
        list.add(Ratio.atLeast(down, "JNA direct / javabridge", "how many javabridge calls fit in one JNA direct-mapped call",
                10, (r, j) -> r.ns(j, "TrivialCall.jnaDirect") / r.ns(j, "TrivialCall.javabridge")));
        list.add(Ratio.atLeast(down, "JNA interface / javabridge", "the same for JNA's interface (proxy) mapping",
                10, (r, j) -> r.ns(j, "TrivialCall.jnaInterface") / r.ns(j, "TrivialCall.javabridge")));
        list.add(Ratio.info(down, "javabridge / FFM", "against the FFM API's default downcall (JDK 22+)",
                (r, j) -> r.ns(j, "TrivialCall.javabridge") / r.ns(j, "TrivialCall.ffm")));
        list.add(Ratio.info(down, "javabridge / FFM critical", "against Linker.Option.critical (no thread-state switch)",
                (r, j) -> r.ns(j, "TrivialCall.javabridge") / r.ns(j, "TrivialCall.ffmCritical")));
        list.add(Ratio.info(down, "javabridge / plain Java", "against Math.addExact: the price of leaving Java at all",
                (r, j) -> r.ns(j, "TrivialCall.javabridge") / r.ns(j, "TrivialCall.plainJava")));

        String up = "C → Java (C harness, attached thread)";
        list.add(Ratio.atMost(up, "javabridge / raw cached-ID JNI", "libjavabridge's call with a looked-up handle against CallStaticIntMethod with cached IDs",
                1.10, (r, j) -> r.upcall(j, "upcall.javabridge") / r.upcall(j, "upcall.raw_cached")));
        list.add(Ratio.atMost(up, "FFM pointer / raw cached-ID JNI", "issue 17: the C function pointer jb_method_upcall returns (an FFM upcall stub, JDK 22+), one jb_upcall_check per batch",
                0.60, (r, j) -> r.upcall(j, "upcall.ffm_pointer") / r.upcall(j, "upcall.raw_cached")));
        list.add(Ratio.info(up, "FFM pointer checked / raw cached-ID JNI", "the same with jb_upcall_check after every call",
                (r, j) -> r.upcall(j, "upcall.ffm_pointer_checked") / r.upcall(j, "upcall.raw_cached")));
        list.add(Ratio.atMost(up, "FFM pointer / javabridge, one call in ten throws", "issue 17: UpcallTarget.addOrThrow through the pointer with jb_upcall_check per call, against jb_call_static_int32 (today's path); both record every exception as the last error",
                1.00, (r, j) -> r.upcall(j, "upcall.ffm_pointer_throw10") / r.upcall(j, "upcall.javabridge_throw10")));
        list.add(Ratio.info(up, "export stub / hand-written C API", "the @CExport-generated C function for UpcallExports.add against the same by hand: one cached jb_method, jb_call_static_int32",
                (r, j) -> r.upcall(j, "upcall.export_stub") / r.upcall(j, "upcall.export_handwritten")));
        list.add(Ratio.info(up, "export stub / raw cached-ID JNI", "the @CExport-generated C function against CallStaticIntMethod with cached IDs",
                (r, j) -> r.upcall(j, "upcall.export_stub") / r.upcall(j, "upcall.raw_cached")));
        list.add(Ratio.info(up, "raw: per-call lookup / cached IDs", "FindClass + GetStaticMethodID on every call, against cached IDs",
                (r, j) -> r.upcall(j, "upcall.raw_lookup") / r.upcall(j, "upcall.raw_cached")));
        list.add(Ratio.info(up, "javabridge: per-call lookup / raw cached IDs", "jb_method_find_static + call + jb_method_free on every call",
                (r, j) -> r.upcall(j, "upcall.javabridge_lookup") / r.upcall(j, "upcall.raw_cached")));
        list.add(Ratio.info(up, "diagnostic: raw + local frame / raw", "the cached call inside PushLocalFrame/PopLocalFrame, as libjavabridge makes it",
                (r, j) -> r.upcall(j, "upcall.raw_cached_frame") / r.upcall(j, "upcall.raw_cached")));
        list.add(Ratio.info(up, "diagnostic: raw + 2 mutex pairs / raw", "the cached call between two uncontended lock/unlock pairs, as libjavabridge's handle table takes",
                (r, j) -> r.upcall(j, "upcall.raw_cached_mutex") / r.upcall(j, "upcall.raw_cached")));
        list.add(Ratio.info(up, "raw: attach + first call / cached call", "a new thread's first call (AttachCurrentThread included), in cached calls",
                (r, j) -> r.upcall(j, "attach.raw_first") * 1000 / r.upcall(j, "upcall.raw_cached")));
        list.add(Ratio.info(up, "attach + first call: javabridge / raw", "a new thread's first jb_call (it attaches) against AttachCurrentThread + call",
                (r, j) -> r.upcall(j, "attach.javabridge_first") / r.upcall(j, "attach.raw_first")));
        list.add(Ratio.atMost(up, "JVM creation: javabridge / bare", "creating the JVM through libjavabridge against dlopen + JNI_CreateJavaVM, same options",
                1.05, (r, j) -> r.upcall(j, "create.javabridge") / r.upcall(j, "create.bare")));

        String bulk = "Bulk: sum of bytes, throughput / the C kernel's own (same JMH run)";
        for (String size : SIZES) {
            boolean held = Long.parseLong(size) >= 65536;
            String label = human(size);
            list.add(bulkRatio(bulk, "javabridge byte[] / C kernel, " + label, "DataProcessor.processData(byte[])",
                    held, "BulkSum.javabridgeArray", size));
            list.add(bulkRatio(bulk, "javabridge ByteBuffer / C kernel, " + label, "DataProcessor.processData(direct ByteBuffer)",
                    held, "BulkSum.javabridgeBuffer", size));
            list.add(bulkRatio(bulk, "raw JNI byte[] / C kernel, " + label, "GetPrimitiveArrayCritical by hand",
                    false, "BulkSum.rawJniArray", size));
        }

        String str = "Strings: Java → C → Java round trip, time / the raw primitive's";
        for (String bytes : STRING_BYTES) {
            for (String text : STRING_TEXTS) {
                String b = "bytes=" + bytes;
                String t = "text=" + text;
                String label = human(bytes) + " " + text;
                list.add(Ratio.info(str, "javabridge codec + raw echo / GetStringUTFChars+NewStringUTF, " + label,
                        "javabridge's Java UTF-8 codec around the benchmark's own JNI byte[] echo (no javabridge native), against JNI's modified UTF-8",
                        (r, j) -> r.ns(j, "StringRoundTrip.javabridge", b, t) / r.ns(j, "StringRoundTrip.rawJni", b, t)));
                list.add(Ratio.info(str, "LibC.format(\"%s\") (snprintf, not an echo) / raw primitive, " + label,
                        "javabridge's real string path: its public API (format checked in Java, snprintf in C, UTF-8 both ways); C runs snprintf where the others echo",
                        (r, j) -> r.ns(j, "StringRoundTrip.javabridgeFormat", b, t) / r.ns(j, "StringRoundTrip.rawJni", b, t)));
                list.add(Ratio.info(str, "JNA direct / javabridge codec + raw echo, " + label, "JNA's String mapping",
                        (r, j) -> r.ns(j, "StringRoundTrip.jnaDirect", b, t) / r.ns(j, "StringRoundTrip.javabridge", b, t)));
                list.add(Ratio.info(str, "javabridge codec + raw echo / FFM, " + label, "FFM: Arena.allocateFrom and getString",
                        (r, j) -> r.ns(j, "StringRoundTrip.javabridge", b, t) / r.ns(j, "StringRoundTrip.ffm", b, t)));
            }
        }

        String batch = "Batch: n point distances";
        for (String n : BATCH_N) {
            String p = "n=" + n;
            list.add(Ratio.atMost(batch, "javabridge batch / raw JNI batch, n=" + n, "MathOps.pointDistances against the same by hand",
                    1.10, (r, j) -> r.ns(j, "PointBatch.javabridgeBatch", p) / r.ns(j, "PointBatch.rawJniBatch", p)));
            list.add(Ratio.info(batch, "n javabridge calls / one batch, n=" + n, "what batching saves: n × MathOps.pointDistance against one pointDistances",
                    (r, j) -> r.ns(j, "PointBatch.javabridgeSingles", p) / r.ns(j, "PointBatch.javabridgeBatch", p)));
            list.add(Ratio.info(batch, "FFM per element / javabridge batch, n=" + n, "n FFM downcalls on native Point slices",
                    (r, j) -> r.ns(j, "PointBatch.ffmPerElement", p) / r.ns(j, "PointBatch.javabridgeBatch", p)));
            list.add(Ratio.info(batch, "javabridge batch / FFM critical batch, n=" + n, "one FFM critical call on the same heap arrays",
                    (r, j) -> r.ns(j, "PointBatch.javabridgeBatch", p) / r.ns(j, "PointBatch.ffmCriticalBatch", p)));
        }
        return list;
    }

    private static Ratio bulkRatio(String section, String label, String meaning, boolean held, String bench, String size) {
        String p = "size=" + size;
        java.util.function.BiFunction<Results, String, Double> v =
                (r, j) -> (Long.parseLong(size) / r.ns(j, bench, p)) / r.kernelGbps(j, size);
        return held ? Ratio.atLeast(section, label, meaning, 0.90, v) : Ratio.info(section, label, meaning, v);
    }

    static String table(Results r, List<Ratio> ratios) {
        List<String> jdks = r.jdks();
        StringBuilder out = new StringBuilder();
        String section = null;
        for (Ratio ratio : ratios) {
            if (!ratio.section().equals(section)) {
                section = ratio.section();
                out.append("\n### ").append(section).append("\n\n| Ratio | Target |");
                jdks.forEach(j -> out.append(" JDK ").append(j).append(" |"));
                out.append(" What it compares |\n|---|---|");
                jdks.forEach(j -> out.append("---:|"));
                out.append("---|\n");
            }
            out.append("| ").append(ratio.label()).append(" | ").append(ratio.targetText()).append(" |");
            jdks.forEach(j -> out.append(' ').append(ratio.cell(r, j)).append(" |"));
            out.append(' ').append(ratio.meaning()).append(" |\n");
        }
        out.append("\nJava → C costs: ");
        r.statistic.forEach((j, how) -> out.append("JDK ").append(j).append(": ").append(how).append("; "));
        out.append("C → Java calls: the calling thread's CPU time, best of the samples; JVM creation and attach: wall time, best of the runs.");
        if (jdks.stream().anyMatch(r::hasCpuTime)) {
            out.append(" \"(wall x)\": the same ratio by JMH's average time (the benchmark thread's wall clock) in the same run;"
                    + " the targets are judged on CPU time.");
        }
        out.append('\n');
        out.append("\nJVMs: ");
        r.versions.forEach((j, v) -> out.append("JDK ").append(j).append(" = ").append(v).append("; "));
        out.append("C kernel with no JVM (bench/native/kernel_bench.c), best sample: ");
        for (String s : SIZES) {
            out.append(human(s)).append(String.format(" %.2f GB/s; ", r.kernelAloneGbps(s)));
        }
        out.append('\n');
        return out.toString();
    }
}
