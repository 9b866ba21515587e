package dev.javabridge.maven;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Generates the Java classes and the C glue of a binding from a C header and a bindgen config
 * (javabridge-bindgen, run from the jar this plugin carries, with the build's JDK), and adds the
 * Java folder to the compile sources. Runs bindgen only when the header, the config or the
 * plugin's bindgen changed since the last run (a digest of all three is kept in the output).
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends BindingMojo {
    /** The C header to bind, for example {@code /usr/include/zlib.h}. */
    @Parameter(property = "javabridge.header", required = true)
    File header;

    /** The bindgen config (JSON; see bindgen's README). */
    @Parameter(property = "javabridge.config", required = true)
    File config;

    /** The clang that reads the header. */
    @Parameter(property = "javabridge.clang", defaultValue = "clang")
    String clang;

    /** Fail the build when anything the config selects could not be bound. */
    @Parameter(property = "javabridge.strict", defaultValue = "false")
    boolean strict;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("javabridge: skipped");
            return;
        }
        if (!header.isFile()) {
            throw new MojoExecutionException("javabridge: no such header: " + header);
        }
        if (!config.isFile()) {
            throw new MojoExecutionException("javabridge: no such bindgen config: " + config);
        }
        project.addCompileSourceRoot(javaOutput.getPath());
        try {
            Path work = workDirectory.toPath();
            Files.createDirectories(work);
            Path jar = work.resolve("bindgen.jar");
            try (InputStream in = resource("bindgen.jar")) {
                Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
            }
            MessageDigest md = Stamp.sha256();
            Stamp.add(md, header.toPath().toAbsolutePath());
            Stamp.add(md, config.toPath().toAbsolutePath());
            Stamp.add(md, jar);
            md.update((clang + "\0" + strict + "\0" + javaOutput + "\0" + cOutput).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String stamp = Stamp.hex(md);
            Path stampFile = work.resolve("generate.sha256");
            if (Files.isRegularFile(stampFile) && Files.readString(stampFile).equals(stamp)
                    && Files.isRegularFile(cOutput.toPath().resolve("binding.properties")) && javaOutput.isDirectory()) {
                getLog().info("javabridge: binding of " + header.getName() + " is up to date");
                return;
            }
            Files.deleteIfExists(stampFile);
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", jar.toString(), header.getAbsolutePath(), "--config", config.getAbsolutePath(),
                    "--java-out", javaOutput.getAbsolutePath(), "--c-out", cOutput.getAbsolutePath(), "--clang", clang));
            if (strict) {
                cmd.add("--strict");
            }
            Processes.run(getLog(), project.getBasedir(), cmd, "javabridge-bindgen on " + header, timeout);
            getLog().info("javabridge: generated the binding of " + header.getName() + " (report: "
                    + cOutput.toPath().resolve("*_report.txt") + ")");
            Files.writeString(stampFile, stamp);
        } catch (IOException e) {
            throw new MojoExecutionException("javabridge: " + e.getMessage(), e);
        }
    }

    static InputStream resource(String name) throws IOException {
        InputStream in = GenerateMojo.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("the plugin jar lacks " + name);
        }
        return in;
    }
}
