package dev.javabridge.maven;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/**
 * Runs the tools the plugin drives (bindgen's jar, cmake, the layout check, an emulator) and fails the build with
 * their output; one that outlives its bound is stopped, with its children, instead of hanging the build.
 */
final class Processes {
    private Processes() {}

    static void run(Log log, File dir, List<String> command, String what, long timeoutSeconds) throws MojoExecutionException {
        log.debug("javabridge: " + String.join(" ", command));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir).redirectErrorStream(true);
        Process p;
        try {
            p = pb.start();
            p.getOutputStream().close();
        } catch (IOException e) {
            throw new MojoExecutionException(what + ": cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
        // Read on a thread of its own, so that the wait below can end while the tool still writes.
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                in.transferTo(output);
            } catch (IOException e) {
                // The process was stopped: what it wrote so far is reported.
            }
        }, "javabridge-process-output");
        reader.setDaemon(true);
        reader.start();
        int rc;
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                stop(p);
                throw new MojoExecutionException(what + " did not finish within " + timeoutSeconds
                        + " s (javabridge.timeout) and was stopped: " + String.join(" ", command) + "\n" + output.toString(StandardCharsets.UTF_8));
            }
            rc = p.exitValue();
            reader.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            stop(p);
            Thread.currentThread().interrupt();
            throw new MojoExecutionException(what + " was interrupted", e);
        }
        String out = output.toString(StandardCharsets.UTF_8);
        if (rc != 0) {
            throw new MojoExecutionException(what + " failed (exit " + rc + "): " + String.join(" ", command) + "\n" + out);
        }
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                log.debug(line);
            }
        }
    }

    private static void stop(Process p) throws MojoExecutionException {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
