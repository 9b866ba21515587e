package dev.javabridge.maven;

import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What both goals share: where the binding's files go, and the switch that skips them. */
abstract class BindingMojo extends AbstractMojo {
    /** Where the generated Java goes; {@code generate} adds it to the compile source roots. */
    @Parameter(defaultValue = "${project.build.directory}/generated-sources/javabridge")
    File javaOutput;

    /** Where the generated C glue, layout check, report and binding.properties go. */
    @Parameter(defaultValue = "${project.build.directory}/javabridge/glue")
    File cOutput;

    /** How long one tool the plugin runs (bindgen, cmake, a layout check, an emulator) may take, in seconds. */
    @Parameter(property = "javabridge.timeout", defaultValue = "1800")
    long timeout;

    /** Skip the plugin. */
    @Parameter(property = "javabridge.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${project.build.directory}/javabridge", readonly = true)
    File workDirectory;
}
