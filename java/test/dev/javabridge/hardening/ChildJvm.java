package dev.javabridge.hardening;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts a fresh JVM for tests whose subject is a whole process: loading, JIT
 * modes, crashes. The child gets this JVM's checking flags (-Xcheck:jni and the
 * log file the build scans for JNI warnings), so nothing escapes the checks
 * just because it ran in a child.
 */
final class ChildJvm {
    /** What a child printed and how it ended. */
    record Result(int exitCode, String stdout, String stderr) {
        String all() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    private final List<String> command = new ArrayList<>();
    private final ProcessBuilder builder = new ProcessBuilder();
    private String javaExecutable = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    private String classPath = System.getProperty("java.class.path");
    private boolean inheritFlags = true;
    private final Map<Process, Path[]> outputs = new java.util.concurrent.ConcurrentHashMap<>();

    ChildJvm java(String executable) {
        this.javaExecutable = executable;
        return this;
    }

    ChildJvm classPath(String path) {
        this.classPath = path;
        return this;
    }

    /** Drops the flags copied from this JVM, for tests about exactly those flags. */
    ChildJvm withoutInheritedFlags() {
        this.inheritFlags = false;
        return this;
    }

    ChildJvm arg(String... args) {
        command.addAll(List.of(args));
        return this;
    }

    Map<String, String> env() {
        return builder.environment();
    }

    /**
     * Starts {@code mainClass} with {@code args}; the caller waits with {@link #await}. With a null
     * mainClass, args follow the JVM flags as they are (for {@code -jar}).
     */
    Process start(String mainClass, String... args) throws IOException {
        logDirectory();
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable);
        if (inheritFlags) {
            cmd.addAll(inheritedFlags());
        }
        cmd.addAll(command);
        if (mainClass != null) {
            cmd.add("-cp");
            cmd.add(classPath);
            cmd.add(mainClass);
        }
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("child-jvm", ".out");
        Path err = Files.createTempFile("child-jvm", ".err");
        builder.command(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = builder.start();
        outputs.put(p, new Path[] {out, err});
        return p;
    }

    Result await(Process p, long timeoutSeconds) throws IOException, InterruptedException {
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            Path[] o = outputs.get(p);
            throw new AssertionError("child JVM did not finish in " + timeoutSeconds + " s; stderr:\n"
                    + Files.readString(o[1], StandardCharsets.UTF_8));
        }
        Path[] o = outputs.remove(p);
        Result r = new Result(p.exitValue(), Files.readString(o[0], StandardCharsets.UTF_8),
                Files.readString(o[1], StandardCharsets.UTF_8));
        // Kept where scripts/check-jni-warnings.sh reads test JVMs' output.
        Files.writeString(logDirectory().resolve("child-" + p.pid() + ".txt"), r.all(), StandardCharsets.UTF_8);
        Files.deleteIfExists(o[0]);
        Files.deleteIfExists(o[1]);
        return r;
    }

    Result run(String mainClass, String... args) throws IOException, InterruptedException {
        return await(start(mainClass, args), 300);
    }

    /** target/jvm-logs, created if needed: the JVM cannot open its -XX:LogFile in a missing folder. */
    static Path logDirectory() throws IOException {
        return Files.createDirectories(Paths.get(testClassesDirectory()).getParent().resolve("jvm-logs"));
    }

    /** -Xcheck:jni, the JVM log and native-access flags of the test JVM; not agents or debug ports. */
    static List<String> inheritedFlags() {
        List<String> flags = new ArrayList<>();
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-Xcheck") || a.startsWith("-XX:") || a.startsWith("--enable-native-access")
                    || a.startsWith("--illegal-native-access")) {
                flags.add(a);
            }
        }
        return flags;
    }

    /** The packaged jar when failsafe runs us, else the class folders this JVM uses. */
    static String libraryClassPath() {
        String jar = System.getProperty("javabridge.jar");
        return jar != null ? jar + File.pathSeparator + testClassesDirectory() : System.getProperty("java.class.path");
    }

    static String testClassesDirectory() {
        try {
            return Paths.get(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JDK 25 when installed (javabridge.test.jdk25 overrides the path), else null. */
    static Path jdk25() {
        String configured = System.getProperty("javabridge.test.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64");
        Path java = Paths.get(configured, "bin", "java");
        return Files.isExecutable(java) ? java : null;
    }
}
