package dev.javabridge.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged processor jar as a user runs it: a separate javac given {@code -processorpath} and
 * nothing else finds the processor through META-INF/services and writes the C. The class path
 * holds only the two annotations, as javabridge's runtime jar does.
 */
class ProcessorPathIT {
    private static final String SOURCE = """
            package com.example;
            import dev.javabridge.export.CExport;
            import dev.javabridge.export.CExportHeader;

            @CExportHeader(name = "stats", prefix = "stats_")
            public final class Stats {
                /** The mean of the bytes, read as unsigned. */
                @CExport
                public static double mean(byte[] data) {
                    double sum = 0;
                    for (byte b : data) {
                        sum += b & 0xFF;
                    }
                    return sum / data.length;
                }
            }
            """;

    @TempDir
    Path dir;
    private Path annotations;
    private Path source;

    private static Path javac() {
        return Path.of(System.getProperty("java.home"), "bin", "javac");
    }

    /** Runs javac with args; returns its exit code. Output goes to a file so a full pipe cannot block it. */
    private int javac(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javac().toString());
        command.addAll(args);
        Path log = Files.createTempFile(dir, "javac", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("javac did not finish in 120 s: " + command);
        }
        System.out.println(command + "\n" + Files.readString(log, StandardCharsets.UTF_8));
        return p.exitValue();
    }

    @BeforeEach
    void annotationsOnly() throws Exception {
        annotations = Files.createDirectories(dir.resolve("annotations"));
        Path sources = Path.of(System.getProperty("cexport.annotations"));
        assertEquals(0, javac(List.of("--release", "17", "-proc:none", "-d", annotations.toString(),
                sources.resolve("CExport.java").toString(), sources.resolve("CExportHeader.java").toString())));
        source = dir.resolve("src/com/example/Stats.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, SOURCE, StandardCharsets.UTF_8);
    }

    private Path compile(String name, List<String> processorArgs) throws Exception {
        Path generated = Files.createDirectories(dir.resolve(name + "-generated"));
        List<String> args = new ArrayList<>(List.of("--release", "17", "-cp", annotations.toString()));
        args.addAll(processorArgs);
        args.addAll(List.of("-d", Files.createDirectories(dir.resolve(name + "-classes")).toString(),
                "-s", generated.toString(), source.toString()));
        assertEquals(0, javac(args));
        return generated;
    }

    @Test
    void theProcessorPathAloneIsEnough() throws Exception {
        Path jar = Path.of(System.getProperty("cexport.jar"));
        assertTrue(Files.isRegularFile(jar), jar + " is missing");
        Path generated = compile("with", List.of("-processorpath", jar.toString()));
        Path header = generated.resolve("stats.h");
        assertTrue(Files.isRegularFile(header), "no stats.h from a javac given only -processorpath");
        assertTrue(Files.readString(header, StandardCharsets.UTF_8)
                .contains("int stats_mean(const uint8_t *data, size_t data_len, double *out);"));
        assertTrue(Files.isRegularFile(generated.resolve("stats.c")));
    }

    /** The control: the same compile without the processor jar writes nothing, so the C above came from it. */
    @Test
    void withoutTheProcessorPathNothingIsWritten() throws Exception {
        Path generated = compile("without", List.of());
        assertFalse(Files.exists(generated.resolve("stats.h")));
    }
}
