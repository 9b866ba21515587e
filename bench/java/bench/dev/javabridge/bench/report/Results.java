package dev.javabridge.bench.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One bench.sh run as written under target/bench/: {@code kernel.json} (the C
 * kernel), and per JDK a folder {@code jdkNN/} with JMH's {@code jmh.json} and the
 * C harness's {@code upcall.json}. Missing values are NaN, never an error: a
 * mechanism a JDK lacks (FFM on 17) simply has no number.
 */
final class Results {
    /** JDK label ("17", "25") to "Class.method|param=value,..." to ns per operation. */
    final Map<String, Map<String, Double>> jmh = new TreeMap<>(Results::byVersion);
    /** JDK label to C harness row name to median. */
    final Map<String, Map<String, Double>> upcall = new TreeMap<>(Results::byVersion);
    /** Size in bytes to the C kernel's GB/s. */
    final Map<String, Double> kernel = new HashMap<>();
    /**
     * JDK label to the same keys as {@link #jmh}, JMH's own score (average time: the benchmark
     * thread's wall clock, mean of the iterations). Kept beside the CPU time so the report can show
     * both clocks of one run: on a quiet machine they agree, under load wall time also counts the
     * time the thread waited for a CPU.
     */
    final Map<String, Map<String, Double>> wall = new TreeMap<>(Results::byVersion);
    /** JDK label to the JVM's full version string. */
    final Map<String, String> versions = new TreeMap<>(Results::byVersion);

    private static int byVersion(String a, String b) {
        return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
    }

    /**
     * Which sample stands for a mechanism: the least disturbed one. On a machine shared with
     * other work, contention only ever adds time, so the fastest iteration (JMH) or sample
     * (C harness) is the best estimate of the cost itself; medians are kept in the JSON.
     */
    static final String STATISTIC = "min";

    /** JDK label to how its JMH costs were measured (see {@link #cost}). */
    final Map<String, String> statistic = new TreeMap<>(Results::byVersion);

    /**
     * ns per operation of one JMH benchmark: CPU time (perf's task-clock of the forked JVM,
     * normalised per operation by JMH's perfnorm profiler) when the run has it, since time spent
     * descheduled by other work on the machine is not counted; else the fastest iteration.
     */
    private static double cost(JsonObject benchmark, String jdk, Results r) {
        JsonObject secondary = benchmark.getAsJsonObject("secondaryMetrics");
        JsonObject cpu = secondary == null ? null : secondary.getAsJsonObject("task-clock");
        if (cpu != null && cpu.get("score").getAsDouble() > 0) {
            r.statistic.put(jdk, "CPU time per operation (perf task-clock through JMH's perfnorm)");
            return cpu.get("score").getAsDouble() * 1e6; // msec per op
        }
        r.statistic.putIfAbsent(jdk, "wall time, fastest of the measured iterations");
        return leastDisturbed(benchmark.getAsJsonObject("primaryMetric"));
    }

    private static double leastDisturbed(JsonObject metric) {
        double best = Double.POSITIVE_INFINITY;
        for (JsonElement fork : metric.getAsJsonArray("rawData")) {
            for (JsonElement iteration : fork.getAsJsonArray()) {
                best = Math.min(best, iteration.getAsDouble());
            }
        }
        return Double.isInfinite(best) ? metric.get("score").getAsDouble() : best;
    }

    static Results read(Path dir) throws IOException {
        Results r = new Results();
        Path kernel = dir.resolve("kernel.json");
        if (Files.exists(kernel)) {
            for (JsonElement e : parse(kernel).getAsJsonObject().getAsJsonArray("rows")) {
                JsonObject row = e.getAsJsonObject();
                // GB/s: the best sample is the least disturbed one.
                r.kernel.put(row.get("param").getAsString(), row.get("max").getAsDouble());
            }
        }
        List<Path> jdks = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().matches("jdk\\d+")).forEach(jdks::add);
        }
        for (Path jdkDir : jdks) {
            String jdk = jdkDir.getFileName().toString().substring(3);
            Path jmh = jdkDir.resolve("jmh.json");
            if (Files.exists(jmh)) {
                Map<String, Double> scores = new HashMap<>();
                Map<String, Double> walls = new HashMap<>();
                JsonElement all = parse(jmh);
                if (!all.isJsonArray()) {
                    continue; // a run still in progress
                }
                for (JsonElement e : all.getAsJsonArray()) {
                    JsonObject b = e.getAsJsonObject();
                    String name = b.get("benchmark").getAsString();
                    name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
                    StringBuilder key = new StringBuilder(name).append('|');
                    if (b.has("params")) {
                        new TreeMap<>(b.getAsJsonObject("params").asMap()).forEach(
                                (k, v) -> key.append(k).append('=').append(v.getAsString()).append(','));
                    }
                    scores.put(key.toString(), cost(b, jdk, r));
                    walls.put(key.toString(), b.getAsJsonObject("primaryMetric").get("score").getAsDouble());
                    r.versions.put(jdk, b.get("vmVersion").getAsString());
                }
                r.jmh.put(jdk, scores);
                r.wall.put(jdk, walls);
            }
            Path up = jdkDir.resolve("upcall.json");
            if (Files.exists(up)) {
                Map<String, Double> rows = new HashMap<>();
                for (JsonElement e : parse(up).getAsJsonObject().getAsJsonArray("rows")) {
                    JsonObject row = e.getAsJsonObject();
                    rows.put(row.get("name").getAsString(), row.get(STATISTIC).getAsDouble());
                }
                r.upcall.put(jdk, rows);
            }
        }
        return r;
    }

    private static JsonElement parse(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return JsonParser.parseReader(in);
        }
    }

    /** ns/op of Class.method with the given "k=v" params (in alphabetical order of k), or NaN. */
    double ns(String jdk, String benchmark, String... params) {
        StringBuilder key = new StringBuilder(benchmark).append('|');
        for (String p : params) {
            key.append(p).append(',');
        }
        return jmh.getOrDefault(jdk, Map.of()).getOrDefault(key.toString(), Double.NaN);
    }

    /** True when this JDK's JMH costs are CPU time (perfnorm), so a wall-clock view differs. */
    boolean hasCpuTime(String jdk) {
        return statistic.getOrDefault(jdk, "").startsWith("CPU time");
    }

    /** The same run with JMH's average (wall-clock) time as every JMH cost; the C harness rows unchanged. */
    Results wallClock() {
        Results w = new Results();
        w.jmh.putAll(wall);
        w.upcall.putAll(upcall);
        w.kernel.putAll(kernel);
        w.versions.putAll(versions);
        return w;
    }

    double upcall(String jdk, String row) {
        return upcall.getOrDefault(jdk, Map.of()).getOrDefault(row, Double.NaN);
    }

    /** The C kernel's GB/s in this JDK's JMH run (BulkSum.cKernel). */
    double kernelGbps(String jdk, String size) {
        return Long.parseLong(size) / ns(jdk, "BulkSum.cKernel", "size=" + size);
    }

    /** The C kernel's GB/s timed by the C harness, with no JVM in the process. */
    double kernelAloneGbps(String size) {
        return kernel.getOrDefault(size, Double.NaN);
    }

    List<String> jdks() {
        List<String> all = new ArrayList<>(jmh.keySet());
        upcall.keySet().stream().filter(j -> !all.contains(j)).forEach(all::add);
        all.sort(Results::byVersion);
        return all;
    }
}
