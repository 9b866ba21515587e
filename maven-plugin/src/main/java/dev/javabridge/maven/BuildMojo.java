package dev.javabridge.maven;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Builds the binding that {@code generate} wrote into a JNI library for the host and for the cross
 * {@code targets} the project names: writes the natives holder's JNI header ({@code javac -h}), unpacks
 * javabridge's JNI kit, compiles the glue and the kit with CMake and links the C libraries named in
 * {@code libraries}, checks the layout (the build fails when Java's idea of a struct or scalar differs
 * from the C compiler's: a program run on the host, compile-time assertions for a cross target), and
 * puts each library with its {@code .sha256} under natives/&lt;platform&gt;/ in the classes folder, where
 * {@code NativeLoader} finds it in the jar. One CMake folder per platform; CMake rebuilds only what changed.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE)
public class BuildMojo extends BindingMojo {

    /** C libraries the binding links, as CMake's target_link_libraries takes them: {@code z}, {@code sqlite3}, a path. */
    @Parameter
    List<String> libraries = new ArrayList<>();

    /** Further include folders for the glue and the layout check (the header's own folder is not added by itself). */
    @Parameter
    List<File> includeDirectories = new ArrayList<>();

    /** Further C sources compiled into the library (for example the C code being bound, when it is the project's own). */
    @Parameter
    List<File> sources = new ArrayList<>();

    /** Where natives/&lt;platform&gt;/ goes: the classes folder, so that tests and the jar load the same file. */
    @Parameter(defaultValue = "${project.build.outputDirectory}/natives")
    File nativesDirectory;

    /** The cmake to run. */
    @Parameter(property = "javabridge.cmake", defaultValue = "cmake")
    String cmake;

    /** CMAKE_BUILD_TYPE. */
    @Parameter(property = "javabridge.buildType", defaultValue = "RelWithDebInfo")
    String buildType;

    /**
     * Platforms to cross-compile the library for besides the host, by their natives/ folder names: {@code linux_arm64}
     * (Debian package gcc-aarch64-linux-gnu) and {@code windows_64} (mingw-w64), and with Zig 0.11.0 (see
     * {@code zigHome}) {@code osx_64}, {@code osx_arm64} (linked by ld64.lld, Debian package lld), {@code linux_musl_64}
     * and {@code linux_musl_arm64}, with javabridge's own toolchain files. The layout check cannot run for them, so it
     * is compiled for each as compile-time assertions, and for linux_arm64 and windows_64 run as well where the
     * toolchain finds an emulator (qemu-aarch64-static, wine). The C libraries in {@code libraries} must exist for
     * each target.
     */
    @Parameter(property = "javabridge.targets")
    List<String> targets = new ArrayList<>();

    /**
     * The Zig 0.11.0 installation for the macOS and musl targets, in the layout javabridge's scripts/lib/zig.sh makes.
     * Default: the environment's {@code JB_ZIG_HOME}, else zig.sh's own default
     * ({@code ~/.cache/javabridge/zig-0.11.0}). When it is missing the build fails before CMake runs, with the command
     * that installs it (from the npm registry).
     */
    @Parameter(property = "javabridge.zigHome")
    File zigHome;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("javabridge: skipped");
            return;
        }
        try {
            Properties binding = binding();
            String pkg = binding.getProperty("packageName");
            String cls = binding.getProperty("className");
            String library = binding.getProperty("library", "");
            if (library.isEmpty()) {
                throw new MojoExecutionException("javabridge: the config names a \"loader\", not a \"library\": "
                        + "the plugin packages libraries for NativeLoader only");
            }
            // Every target is checked before anything is built, so a missing compiler fails at once.
            String host = Platform.host();
            Map<String, Platform.Cross> cross = new LinkedHashMap<>();
            for (String t : targets) {
                String name = t.trim();
                if (!name.isEmpty() && !name.equals(host)) {
                    cross.put(name, Platform.cross(name, System.getenv("PATH")));
                }
            }
            Path zigBin = null;
            for (Platform.Cross c : cross.values()) {
                if (c.zig() && zigBin == null) {
                    Zig.Home home = Zig.home(zigHome, System.getenv("JB_ZIG_HOME"), System.getenv("XDG_CACHE_HOME"),
                            System.getProperty("user.home"));
                    zigBin = Zig.bin(home, c.platform(), workDirectory.toPath().resolve("install-zig.sh"), timeout);
                }
            }
            Path work = workDirectory.toPath();
            Path jniHeaders = work.resolve("jni");
            javacH(pkg, cls, jniHeaders, work.resolve("jni-classes"));
            Path kit = unpackKit(work.resolve("kit"));
            Path src = work.resolve("cmake-src");
            Files.createDirectories(src);
            writeIfChanged(src.resolve("CMakeLists.txt"), cmakeLists(cls, library, kit, jniHeaders));
            build(cls, library, host, null, null, src, work.resolve("cmake-build"), kit);
            for (Platform.Cross c : cross.values()) {
                build(cls, library, c.platform(), c, zigBin, src, work.resolve("cmake-build-" + c.platform()), kit);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("javabridge: " + e.getMessage(), e);
        }
    }

    /** Configures and builds one platform's CMake folder, checks the layout, and writes the library's digest. */
    private void build(String cls, String library, String platform, Platform.Cross cross, Path zigBin, Path src, Path build,
            Path kit) throws IOException, MojoExecutionException {
        Path out = nativesDirectory.toPath().resolve(platform);
        Files.createDirectories(out);
        String on = cross == null ? "" : " for " + platform;
        List<String> configure = new ArrayList<>(List.of(cmake, "-S", src.toString(), "-B", build.toString(),
                "-DCMAKE_BUILD_TYPE=" + buildType, "-DJAVA_HOME=" + System.getProperty("java.home"), "-DJB_NATIVES_OUT=" + out));
        if (cross != null) {
            configure.add("-DCMAKE_TOOLCHAIN_FILE=" + kit.resolve("toolchains").resolve(cross.toolchain()));
            if (cross.zig()) {
                configure.add("-DJB_ZIG_TARGET=" + cross.zigTarget());
                configure.add("-DJB_ZIG_BIN=" + zigBin);
                // The assertions only, even where qemu could run an aarch64 musl program: zig.cmake links musl programs
                // statically, so zig would first build musl's whole C library (CPU-minutes) to repeat the same comparisons.
                configure.add("-DJB_LAYOUT_RUN=OFF");
            }
        }
        Processes.run(getLog(), project.getBasedir(), configure, "cmake (configure" + on + ")", timeout);
        // The layout check first, so that a mismatch is reported as one, not as a failed build.
        Processes.run(getLog(), project.getBasedir(), List.of(cmake, "--build", build.toString(), "--target", cls + "_layout_check"),
                "the layout check of " + cls + on + (cross == null ? " (compiling it)" : " (compile-time)"), timeout);
        Processes.run(getLog(), project.getBasedir(), List.of(cmake, "--build", build.toString(), "--parallel", "2"),
                "cmake (build" + on + ")", timeout);
        String checked;
        if (cross == null) {
            // A C program comparing every size, offset and width Java assumes with the compiler's.
            Processes.run(getLog(), project.getBasedir(), List.of(build.resolve(cls + "_layout_check").toString()),
                    "the layout check of " + cls, timeout);
            checked = "layout checked";
        } else {
            checked = "layout checked at compile time" + runUnderEmulator(cls, platform, build);
        }
        Path lib = out.resolve(Platform.libraryFile(platform, library));
        if (!Files.isRegularFile(lib)) {
            throw new MojoExecutionException("javabridge: cmake built no " + lib);
        }
        Files.writeString(out.resolve(lib.getFileName() + ".sha256"),
                Stamp.of(lib) + "  " + lib.getFileName() + "\n", StandardCharsets.US_ASCII);
        getLog().info("javabridge: built " + nativesDirectory.toPath().relativize(lib) + " (" + checked + ")");
    }

    /** Runs the layout program of a cross build under the emulator its toolchain found (CMake notes it), if any. */
    private String runUnderEmulator(String cls, String platform, Path build) throws IOException, MojoExecutionException {
        Path note = build.resolve("layout-emulator.txt");
        if (!Files.isRegularFile(note)) {
            return "";
        }
        List<String> command = new ArrayList<>(List.of(Files.readString(note).strip().split(";")));
        Path exe = build.resolve(cls + "_layout_run");
        command.add((Files.isRegularFile(exe) ? exe : build.resolve(cls + "_layout_run.exe")).toString());
        Processes.run(getLog(), project.getBasedir(), command, "the layout check of " + cls + " for " + platform + " under "
                + command.get(0), timeout);
        return " and run under " + Path.of(command.get(0)).getFileName();
    }

    private Properties binding() throws IOException, MojoExecutionException {
        Path file = cOutput.toPath().resolve("binding.properties");
        if (!Files.isRegularFile(file)) {
            throw new MojoExecutionException("javabridge: " + file + " is missing: run the generate goal first "
                    + "(bind both goals in the same <execution>)");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        return p;
    }

    /** The holder's JNI header, the contract the glue includes; compiled apart so the user's javac needs no -h. */
    private void javacH(String pkg, String cls, Path headers, Path classes) throws IOException, MojoExecutionException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new MojoExecutionException("javabridge: Maven runs on a JRE without javac; run it with a JDK");
        }
        Files.createDirectories(headers);
        Files.createDirectories(classes);
        List<String> cp = new ArrayList<>();
        try {
            cp.addAll(project.getCompileClasspathElements());
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("javabridge: " + e.getMessage(), e);
        }
        Path holder = javaOutput.toPath().resolve(pkg.replace('.', File.separatorChar)).resolve(cls + "Native.java");
        List<String> args = List.of("-h", headers.toString(), "-d", classes.toString(), "-proc:none", "-implicit:none",
                "-nowarn", "-cp", String.join(File.pathSeparator, cp), "-sourcepath", javaOutput.getPath(), holder.toString());
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int rc = javac.run(null, null, err, args.toArray(new String[0]));
        if (rc != 0) {
            throw new MojoExecutionException("javabridge: javac -h on " + holder + " failed:\n" + err.toString(StandardCharsets.UTF_8));
        }
    }

    private Path unpackKit(Path kit) throws IOException {
        List<String> files;
        try (InputStream in = GenerateMojo.resource("kit/files.txt")) {
            files = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
        for (String f : files) {
            Path to = kit.resolve(f);
            Files.createDirectories(to.getParent());
            byte[] bytes;
            try (InputStream in = GenerateMojo.resource("kit/" + f)) {
                bytes = in.readAllBytes();
            }
            // Unchanged files keep their time stamps, so CMake does not rebuild the kit every time.
            if (!Files.isRegularFile(to) || !java.util.Arrays.equals(Files.readAllBytes(to), bytes)) {
                Files.write(to, bytes);
            }
        }
        return kit;
    }

    private static void writeIfChanged(Path file, String text) throws IOException {
        if (!Files.isRegularFile(file) || !Files.readString(file).equals(text)) {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, text);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String q(Object path) {
        return "\"" + path.toString().replace("\\", "/").replace("\"", "\\\"") + "\"";
    }

    private String cmakeLists(String cls, String library, Path kit, Path jniHeaders) {
        Path glue = cOutput.toPath().toAbsolutePath();
        StringBuilder includes = new StringBuilder();
        for (File d : includeDirectories) {
            includes.append(' ').append(q(d.getAbsolutePath()));
        }
        StringBuilder extra = new StringBuilder();
        for (File s : sources) {
            extra.append(' ').append(q(s.getAbsolutePath()));
        }
        String libs = String.join(" ", libraries);
        String layout = q(glue.resolve(cls + "_layout_check.c"));
        return "# Written by javabridge-maven-plugin: the binding " + cls + " as a JNI library on javabridge's kit.\n"
                + "# Configured once per platform: JB_NATIVES_OUT is its natives/<platform>/ folder; a cross build also\n"
                + "# gets one of javabridge's toolchain files (the kit's toolchains/).\n"
                + "cmake_minimum_required(VERSION 3.24)\n"
                + "project(javabridge_binding_" + library + " LANGUAGES C)\n"
                + "set(CMAKE_C_STANDARD 11)\nset(CMAKE_C_STANDARD_REQUIRED ON)\nset(CMAKE_C_EXTENSIONS OFF)\n"
                + "set(CMAKE_POSITION_INDEPENDENT_CODE ON)\nset(CMAKE_C_VISIBILITY_PRESET hidden)\n"
                + "if(CMAKE_CROSSCOMPILING)\n"
                + "  # FindJNI would look for the target's JDK: jni.h is the host JDK's, jni_md.h the target's (a Linux JDK has\n"
                + "  # no Win32 one: the kit carries it).\n"
                + "  if(WIN32)\n"
                + "    set(JNI_INCLUDE_DIRS \"${JAVA_HOME}/include\" " + q(kit.resolve("win32")) + ")\n"
                + "  else()\n"
                + "    set(JNI_INCLUDE_DIRS \"${JAVA_HOME}/include\" \"${JAVA_HOME}/include/linux\")\n"
                + "  endif()\n"
                + "else()\n"
                + "  find_package(JNI REQUIRED OPTIONAL_COMPONENTS JVM)\n"
                + "endif()\n"
                + "if(WIN32)\n"
                + "  # C99 printf formats from mingw-w64 rather than msvcrt's, as javabridge's own Windows build.\n"
                + "  add_compile_definitions(__USE_MINGW_ANSI_STDIO=1)\n"
                + "elseif(APPLE)\n"
                + "  # The kit's _POSIX_C_SOURCE would make macOS's headers hide what lies beyond POSIX.\n"
                + "  add_compile_definitions(_DARWIN_C_SOURCE)\n"
                + "endif()\n"
                + "file(GLOB kit_sources " + q(kit.resolve("src") + "/*.c") + ")\n"
                + "add_library(javabridge_jnikit STATIC ${kit_sources})\n"
                + "target_compile_definitions(javabridge_jnikit PRIVATE _POSIX_C_SOURCE=200809L)\n"
                + "target_include_directories(javabridge_jnikit PUBLIC " + q(kit.resolve("include")) + " ${JNI_INCLUDE_DIRS} PRIVATE "
                + q(kit.resolve("src")) + ")\n"
                + "add_library(binding SHARED " + q(glue.resolve(cls + "Native.c")) + extra + ")\n"
                + "set_target_properties(binding PROPERTIES OUTPUT_NAME " + library
                + " LIBRARY_OUTPUT_DIRECTORY \"${JB_NATIVES_OUT}\" RUNTIME_OUTPUT_DIRECTORY \"${JB_NATIVES_OUT}\")\n"
                + "target_include_directories(binding PRIVATE " + q(glue) + " " + q(jniHeaders) + includes + ")\n"
                + "target_link_libraries(binding PRIVATE javabridge_jnikit " + libs + ")\n"
                + "if(CMAKE_SYSTEM_NAME STREQUAL \"Linux\")\n"
                + "  # The library exports JNI_OnLoad/JNI_OnUnload only: the kit binds the natives with RegisterNatives.\n"
                + "  file(WRITE \"${CMAKE_BINARY_DIR}/exports.map\" \"{ global: JNI_OnLoad; JNI_OnUnload; local: *; };\\n\")\n"
                + "  target_link_options(binding PRIVATE -Wl,--no-undefined \"-Wl,--version-script=${CMAKE_BINARY_DIR}/exports.map\")\n"
                + "elseif(WIN32)\n"
                + "  # NAME.dll, as NativeLoader looks for it; only JNIEXPORT's dllexport symbols exported; libgcc linked in, so\n"
                + "  # the DLL needs nothing beyond what every Windows has.\n"
                + "  set_target_properties(binding PROPERTIES PREFIX \"\" IMPORT_PREFIX \"\" IMPORT_SUFFIX \".dll.a\")\n"
                + "  target_link_options(binding PRIVATE -Wl,--exclude-all-symbols -static -Wl,--no-undefined)\n"
                + "elseif(APPLE)\n"
                + "  # No version scripts for Mach-O: ld64.lld (the kit's zig-darwin-link.cmake) takes the list of exports,\n"
                + "  # and fails on undefined symbols by itself.\n"
                + "  file(WRITE \"${CMAKE_BINARY_DIR}/exports.txt\" \"_JNI_OnLoad\\n_JNI_OnUnload\\n\")\n"
                + "  target_link_options(binding PRIVATE \"SHELL:-exported_symbols_list ${CMAKE_BINARY_DIR}/exports.txt\")\n"
                + "endif()\n"
                + "if(CMAKE_CROSSCOMPILING)\n"
                + "  # The target's program cannot run here: the same comparisons as _Static_asserts, compiled by the cross compiler.\n"
                + "  add_library(" + cls + "_layout_check OBJECT " + layout + ")\n"
                + "  target_compile_definitions(" + cls + "_layout_check PRIVATE JB_LAYOUT_STATIC)\n"
                + "  target_include_directories(" + cls + "_layout_check PRIVATE " + q(glue) + includes + ")\n"
                + "  if(CMAKE_CROSSCOMPILING_EMULATOR AND NOT JB_LAYOUT_RUN STREQUAL \"OFF\")\n"
                + "    # And the program too, where the toolchain found an emulator (qemu-user, wine): the plugin runs it.\n"
                + "    add_executable(" + cls + "_layout_run " + layout + ")\n"
                + "    target_include_directories(" + cls + "_layout_run PRIVATE " + q(glue) + includes + ")\n"
                + "    target_link_libraries(" + cls + "_layout_run PRIVATE " + libs + ")\n"
                + "    file(WRITE \"${CMAKE_BINARY_DIR}/layout-emulator.txt\" \"${CMAKE_CROSSCOMPILING_EMULATOR}\")\n"
                + "  else()\n"
                + "    file(REMOVE \"${CMAKE_BINARY_DIR}/layout-emulator.txt\")\n"
                + "  endif()\n"
                + "else()\n"
                + "  add_executable(" + cls + "_layout_check " + layout + ")\n"
                + "  target_include_directories(" + cls + "_layout_check PRIVATE " + q(glue) + includes + ")\n"
                + "  target_link_libraries(" + cls + "_layout_check PRIVATE " + libs + ")\n"
                + "endif()\n";
    }
}
