package dev.javabridge.bindgen;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The command line: {@code java -jar javabridge-bindgen.jar HEADER --config CONFIG.json
 * [--java-out DIR] [--java22-out DIR] [--c-out DIR] [--clang PATH] [--strict]}.
 * Writes the Java sources, the C glue, the layout check and a report of what was not bound.
 */
public final class Main {
    private Main() {}

    /** The outcome of one run, for callers that embed the generator. */
    public record Result(int functions, int structs, int constants, List<String> unsupported) {}

    public static void main(String[] args) {
        try {
            Result r = run(args, System.out);
            if (r == null) {
                System.exit(2);
            }
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("bindgen: " + e.getMessage());
            System.exit(1);
        }
    }

    static final String USAGE = "usage: bindgen HEADER --config CONFIG.json [--java-out DIR] [--java22-out DIR] [--c-out DIR] [--clang PATH] [--strict]";

    /** What --help prints: the usage and every option, with its default. */
    static final String HELP = USAGE + "\n"
            + "Reads HEADER with clang and writes a JNI binding of it: Java sources (a public class and its natives\n"
            + "holder), the C glue on javabridge's JNI kit, a layout-check program and a report of what was not bound.\n"
            + "  HEADER               the C header to bind\n"
            + "  --config FILE        the binding's JSON config (package, class, library, what to bind); see bindgen/README.md\n"
            + "  --java-out DIR       where the Java sources go (default target/generated-sources/bindgen)\n"
            + "  --java22-out DIR     also write the JDK 22+ copy of the public class and its FFM holder there (none by default),\n"
            + "                       for a multi-release jar's META-INF/versions/22; see bindgen/README.md\n"
            + "  --c-out DIR          where the C glue, layout check and report go (default target/bindgen-c)\n"
            + "  --clang PATH         the clang to run (default clang)\n"
            + "  --strict             exit with status 2 when anything selected could not be bound\n"
            + "  --help               print this and exit\n"
            + "Exit status: 0 on success, 1 on bad arguments or input, 2 under --strict when something was not bound.";

    /** Runs the generator; returns null when --strict is given and something was not bound. */
    public static Result run(String[] args, PrintStream log) throws IOException {
        Path header = null;
        Path config = null;
        Path javaOut = Path.of("target/generated-sources/bindgen");
        Path cOut = Path.of("target/bindgen-c");
        Path java22Out = null;
        String clang = "clang";
        boolean strict = false;
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            log.println(HELP);
            return new Result(0, 0, 0, List.of());
        }
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--config": config = Path.of(value(args, ++i, a)); break;
                case "--java-out": javaOut = Path.of(value(args, ++i, a)); break;
                case "--java22-out": java22Out = Path.of(value(args, ++i, a)); break;
                case "--c-out": cOut = Path.of(value(args, ++i, a)); break;
                case "--clang": clang = value(args, ++i, a); break;
                case "--strict": strict = true; break;
                default:
                    if (a.startsWith("--") || header != null) {
                        throw new IllegalArgumentException("unexpected argument " + a + "\n" + USAGE);
                    }
                    header = Path.of(a);
            }
        }
        if (header == null || config == null) {
            throw new IllegalArgumentException(USAGE);
        }
        if (!Files.isRegularFile(header)) {
            throw new IllegalArgumentException("no such header: " + header);
        }
        Config cfg = Config.read(config);
        if (cfg.library == null && cfg.loader == null) {
            throw new IllegalArgumentException(config + ": set \"library\" (loaded by NativeLoader from natives/<platform>/) or \"loader\"");
        }
        Path abs = header.toAbsolutePath().normalize();
        Set<Path> scope = new HashSet<>();
        scope.add(abs);
        for (String more : cfg.alsoBind) {
            Path p = abs.getParent().resolve(more).normalize();
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("alsoBind names " + more + ", which is not a file next to " + header);
            }
            scope.add(p);
        }
        Clang c = new Clang(clang, cfg.clangArgs);
        JsonNode ast = c.ast(abs);
        HeaderModel model = HeaderModel.read(ast, scope);
        Macros macros = Macros.read(c.macros(abs), scope);
        Binding binding = new Binder(model, macros, cfg).bind();
        String name = header.getFileName().toString();
        new JavaWriter(binding, cfg, name).write(javaOut);
        new CWriter(binding, cfg, name).write(cOut);
        new LayoutWriter(binding, cfg, name).write(cOut);
        FfmWriter ffm = java22Out == null ? null : new FfmWriter(binding, cfg, name);
        if (ffm != null) {
            ffm.write(java22Out);
        }
        String report = Report.text(name, binding.unsupported, binding.perTarget);
        Files.writeString(cOut.resolve(cfg.className + "_report.txt"), report);
        // What a build tool needs to compile the glue without reading the config: the plugin uses it.
        Files.writeString(cOut.resolve("binding.properties"), "# Generated by javabridge-bindgen\n"
                + "packageName=" + cfg.packageName + "\nclassName=" + cfg.className + "\nlibrary="
                + (cfg.library == null ? "" : cfg.library) + "\n");
        List<String> items = new ArrayList<>();
        binding.unsupported.forEach(i -> items.add(i.toString()));
        log.printf("bindgen: %s -> %s.%s: %d functions, %d structs, %d constants; %d not bound (see %s)%n", name,
                cfg.packageName, cfg.className, binding.functions.size(), binding.structs.size(), binding.constants.size(),
                items.size(), cOut.resolve(cfg.className + "_report.txt"));
        for (Report.Item i : binding.unsupported) {
            if (!i.kind().equals("macro") || !i.reason().startsWith("empty")) {
                log.println("  " + i);
            }
        }
        if (ffm != null) {
            log.printf("bindgen: JDK 22+ copy: %d of %d functions through FFM%n", ffm.symbols().size(), binding.functions.size());
            ffm.onJni().forEach((f, why) -> log.println("  on JNI: " + f + ": " + why));
        }
        for (Report.Item i : binding.perTarget) {
            log.println("  warning: " + Report.perTargetText(i));
        }
        Result result = new Result(binding.functions.size(), binding.structs.size(), binding.constants.size(), items);
        return strict && !items.isEmpty() ? null : result;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }
}
