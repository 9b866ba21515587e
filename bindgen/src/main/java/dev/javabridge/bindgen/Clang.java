package dev.javabridge.bindgen;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs clang, the C front end the generator trusts: its JSON AST, and its preprocessor's macro listing. */
final class Clang {
    private final String executable;
    private final List<String> extraArgs;

    Clang(String executable, List<String> extraArgs) {
        this.executable = executable;
        this.extraArgs = extraArgs;
    }

    JsonNode ast(Path header) throws IOException {
        Path out = Files.createTempFile("bindgen-ast", ".json");
        try {
            // Only documentation comments (/** or ///) are attached: headers like zlib.h document a function
            // after it, and attaching every plain comment would give each function its neighbour's text.
            run(List.of("-Xclang", "-ast-dump=json", "-fsyntax-only"), header, out);
            ObjectMapper mapper = new ObjectMapper();
            // System headers make ASTs of tens of megabytes with deep nesting.
            mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(100_000).maxStringLength(Integer.MAX_VALUE).build());
            return mapper.readTree(out.toFile());
        } finally {
            Files.deleteIfExists(out);
        }
    }

    String macros(Path header) throws IOException {
        Path out = Files.createTempFile("bindgen-macros", ".i");
        try {
            run(List.of("-E", "-dD"), header, out);
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private void run(List<String> mode, Path header, Path out) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(executable);
        cmd.addAll(List.of("-x", "c", "-std=c11"));
        cmd.addAll(extraArgs);
        cmd.addAll(mode);
        cmd.add(header.toString());
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).start();
        } catch (IOException e) {
            throw new IOException("cannot run " + executable + " (install clang, or pass --clang PATH): " + e.getMessage(), e);
        }
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        try {
            int rc = p.waitFor();
            if (rc != 0) {
                throw new IOException("clang failed on " + header + " (exit " + rc + "):\n" + err.join());
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running clang", e);
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(stderr unreadable: " + e.getMessage() + ")";
        }
    }
}
