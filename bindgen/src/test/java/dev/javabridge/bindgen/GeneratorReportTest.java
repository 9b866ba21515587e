package dev.javabridge.bindgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the real generator (and clang) on a header full of what it must refuse, and reads what it wrote. */
class GeneratorReportTest {
    private static final Path TEST = Path.of(System.getProperty("bindgen.test.dir", "src/test"));
    private static final Path OUT = Path.of(System.getProperty("bindgen.out.dir", "target/test-out"));
    private static final String CLANG = System.getProperty("bindgen.clang", "clang");
    private static Main.Result result;
    private static String api;
    private static String layout;

    private static String[] args(String... extra) {
        List<String> a = new java.util.ArrayList<>(List.of(TEST.resolve("c/refused.h").toString(), "--config",
                TEST.resolve("bindings/refused.json").toString(), "--java-out", OUT.resolve("java").toString(),
                "--c-out", OUT.resolve("c").toString(), "--clang", CLANG));
        a.addAll(List.of(extra));
        return a.toArray(new String[0]);
    }

    @BeforeAll
    static void generate() throws IOException {
        result = Main.run(args(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        api = Files.readString(OUT.resolve("java/dev/javabridge/gen/refused/Refused.java"));
        layout = Files.readString(OUT.resolve("c/Refused_layout_check.c"));
    }

    private static String reason(String name) {
        return result.unsupported().stream().filter(s -> s.contains(" " + name + ":") || s.contains(" " + name + "("))
                .findFirst().orElseThrow(() -> new AssertionError(name + " is not in the report: " + result.unsupported()));
    }

    @Test
    void optionsThatDoNotFitTheDeclarationAreRefusedWithTheReason() {
        assertTrue(reason("r_nullable_int").contains("is named nullable but is not a const char * string"), reason("r_nullable_int"));
        assertTrue(reason("r_string_out").contains("is named in stringOut but is not a char **"), reason("r_string_out"));
        assertTrue(reason("r_badly_sized").contains("resultLength names r_bad_length, which is not a function taking the same parameters"),
                reason("r_badly_sized"));
        assertTrue(reason("r_not_a_pointer").contains("resultLength is set but the function does not return a pointer"),
                reason("r_not_a_pointer"));
        assertTrue(reason("r_open").contains("freeWith names r_sized_length, which is not a function taking one RHandle pointer"),
                reason("r_open"));
        assertTrue(reason("r_constant_typo").contains("config names constant parameter 'y'"), reason("r_constant_typo"));
        assertTrue(reason("r_errno_string").contains("errno without a status result is generated for scalar and void results only"),
                reason("r_errno_string"));
        assertTrue(reason("lastOsError").contains("is the natives' own errno reader"), reason("lastOsError"));
        assertTrue(reason("ffmAddress").contains("is the natives' own address table"), reason("ffmAddress"));
        assertTrue(reason("RGrid").contains("field grid has type int32_t[2][3]: only one-dimensional arrays of up to 65536 scalars"),
                reason("RGrid"));
        assertTrue(reason("r_static_proto").contains("static function without its definition in the header"), reason("r_static_proto"));
        assertTrue(reason("r_each").contains("gives arg1 the count arg2, which is not an integer parameter of the callback"),
                reason("r_each"));
        // Unnamed parameters are named by position, and a correct resultLength binds.
        assertTrue(api.contains("public static String rSized(int x)"), "r_sized is bound as a sized string");
    }

    @Test
    void whatIsLaidOutAsOnLp64OnlyIsNamedMemberByMember() throws IOException {
        String report = Files.readString(OUT.resolve("c/Refused_report.txt"));
        List<String> lines = report.lines().filter(l -> l.startsWith("differs by target: ")).toList();
        String llp64 = "64 bits on Linux and macOS (LP64), 32 on Windows (LLP64)";
        assertEquals(List.of(
                "differs by target: struct RWide: member wide (long) is " + llp64,
                "differs by target: struct ROuter: member inner holds struct RWide, whose member wide (long) is " + llp64,
                "differs by target: function r_wide_sum: parameter w is struct RWide, whose member wide (long) is " + llp64,
                "differs by target: function r_outer_tag: parameter o is struct ROuter, whose member inner holds struct RWide, whose "
                        + "member wide (long) is " + llp64,
                "differs by target: function r_longs: parameter values is an array of unsigned long, which is " + llp64),
                lines.stream().map(l -> l.replaceAll("; the generated Java assumes.*", "")).toList(), report);
        assertTrue(report.contains("# 5 declarations whose layout differs by target (right on LP64 only)"), report);
        // Bound all the same, for the targets where they are right; a long by value is right everywhere.
        assertTrue(api.contains("public static long rWideSum(RWide w, long extra)"), "r_wide_sum is bound");
        assertTrue(api.contains("public static int rFixedOnly(long a, long b)"), "r_fixed_only is bound");
    }

    @Test
    void varargsAreRefusedByName() {
        assertTrue(reason("log_message").contains("varargs"));
    }

    @Test
    void bitFieldsAreRefusedByNameAndSoAreTheirUsers() {
        assertTrue(reason("Flags").contains("bit-field ready"));
        assertTrue(reason("set_flags").contains("Flags"));
    }

    @Test
    void functionLikeMacrosAreRefusedByName() {
        assertTrue(reason("R_MAX").contains("function-like macro"));
    }

    @Test
    void otherRefusalsCarryTheirReasons() {
        assertTrue(reason("use_either").contains("union"));
        assertTrue(reason("apply").contains("function pointer"));
        assertTrue(reason("raw").contains("pointer"));
        assertTrue(reason("precise").contains("long double"));
        assertTrue(reason("Holder").contains("pointer member"));
        assertTrue(reason("R_CAST").contains("cast"));
        assertTrue(reason("R_FLOAT").contains("not an integer constant expression"));
        assertTrue(reason("bad_config").contains("'count'"));
        assertTrue(reason("too_many_pins").contains("17 strings and arrays: the JNI kit pins at most 16 together"),
                reason("too_many_pins"));
    }

    @Test
    void helpPrintsTheUsageAndEveryOption() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Main.Result r = Main.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8));
        String help = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, r.functions());
        for (String option : List.of("usage: bindgen HEADER", "--config", "--java-out", "--java22-out", "--c-out", "--clang", "--strict", "--help")) {
            assertTrue(help.contains(option), help);
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Main.run(new String[] {"--bogus"}, System.out))
                .getMessage().contains("usage:"));
    }

    @Test
    void integerAndStringMacrosBecomeConstants() {
        assertTrue(api.contains("public static final int R_PLAIN = 42;"), api);
        assertTrue(api.contains("public static final int R_HEX = 127;"));
        assertTrue(api.contains("public static final int R_NEG = -3;"));
        assertTrue(api.contains("public static final int R_COMBINED = 127;"));
        assertTrue(api.contains("public static final long R_WIDE = 4294967296L;"));
        assertTrue(api.contains("public static final long R_LONG = 5L;"));
        assertTrue(api.contains("public static final String R_NAME = \"refused \\\"v1\\\"\";"));
        assertTrue(api.contains("public static final int MODE_B = 10;"));
        assertTrue(api.contains("public static final int MODE_C = 11;"));
        // from refused_more.h, which the config names in alsoBind; stdint.h's macros stay out
        assertTrue(api.contains("public static final int R_MORE = 7;"));
        assertTrue(api.contains("public static int moreFunction(int x)"));
        assertTrue(!api.contains("INT32_MAX"));
    }

    @Test
    void nestedStructsAreLaidOutAndCheckedByTheCompiler() throws IOException, InterruptedException {
        assertTrue(api.contains("public static Outer makeOuter(int id, int mode)"), api);
        assertTrue(layout.contains("(sizeof(struct Outer)), 32ULL);"), layout);
        assertTrue(layout.contains("(offsetof(struct Outer, inner)), 8ULL);"), layout);
        assertTrue(layout.contains("(offsetof(struct Outer, last)), 24ULL);"), layout);
        // An array of unsigned long is laid out by Java: its width is checked (shapes_long, by value only, is not: ctest).
        assertTrue(layout.contains("JB_LAYOUT_CHECK(\"sizeof(unsigned long)\", (sizeof(unsigned long)), 8ULL);"), layout);
        assertTrue(layout.contains("JB_LAYOUT_CHECK(\"long is signed\""), layout);
        // The layout program itself, compiled by the system's C compiler and run: what the Java side assumes must hold.
        Path exe = OUT.resolve("refused_layout_check");
        Process cc = new ProcessBuilder("cc", "-std=c11", "-Wall", "-Werror", "-I", TEST.resolve("c").toString(), "-o",
                exe.toString(), OUT.resolve("c/Refused_layout_check.c").toString()).inheritIO().start();
        assertEquals(0, cc.waitFor());
        Process run = new ProcessBuilder(exe.toString()).redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, run.waitFor(), output);
        assertTrue(output.contains("0 mismatches"), output);
    }

    @Test
    void aCompilerThatLaysStructsOutDifferentlyFailsTheCheck() throws IOException, InterruptedException {
        // Packed structs stand in for a platform whose ABI differs from what the Java side assumed.
        Path exe = OUT.resolve("refused_layout_check_packed");
        Process cc = new ProcessBuilder("cc", "-std=c11", "-fpack-struct=1", "-I", TEST.resolve("c").toString(), "-o",
                exe.toString(), OUT.resolve("c/Refused_layout_check.c").toString()).inheritIO().start();
        assertEquals(0, cc.waitFor());
        Process run = new ProcessBuilder(exe.toString()).redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, run.waitFor(), output);
        assertTrue(output.contains("MISMATCH offsetof(struct Outer, inner): C says 2, the Java side assumes 8"), output);
    }

    @Test
    void theStaticFormChecksTheSameLayoutWhenTheProgramCannotRun() throws IOException, InterruptedException {
        // -DJB_LAYOUT_STATIC: what a cross build compiles for a target it cannot execute. Only compiled, never run.
        String c = OUT.resolve("c/Refused_layout_check.c").toString();
        Process ok = new ProcessBuilder("cc", "-std=c11", "-Wall", "-Werror", "-DJB_LAYOUT_STATIC", "-fsyntax-only", "-I",
                TEST.resolve("c").toString(), c).redirectErrorStream(true).start();
        String okOutput = new String(ok.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, ok.waitFor(), okOutput);
        Process packed = new ProcessBuilder("cc", "-std=c11", "-DJB_LAYOUT_STATIC", "-fpack-struct=1", "-fsyntax-only", "-I",
                TEST.resolve("c").toString(), c).redirectErrorStream(true).start();
        String output = new String(packed.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, packed.waitFor(), output);
        assertTrue(output.contains("layout mismatch: offsetof(struct Outer, inner) is not what the Java side assumes, 8ULL"), output);
    }

    @Test
    void strictModeFailsOnAnythingUnbound() throws IOException {
        assertNull(Main.run(args("--strict"), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    }

    @Test
    void badCommandLinesAreClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Main.run(new String[] {"x.h"}, System.out));
        assertTrue(e.getMessage().startsWith("usage:"));
        e = assertThrows(IllegalArgumentException.class,
                () -> Main.run(new String[] {"/no/such.h", "--config", "c.json"}, System.out));
        assertTrue(e.getMessage().contains("no such header"));
    }

    @Test
    void optionsForWhatTheHeaderLacksAreErrors() throws IOException {
        Path bad = Files.createDirectories(OUT).resolve("typo.json");
        Files.writeString(bad, "{\"packageName\": \"p\", \"className\": \"C\", \"library\": \"l\","
                + " \"functions\": {\"log_mesage\": {\"javaName\": \"x\"}}}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Main.run(new String[] {
                TEST.resolve("c/refused.h").toString(), "--config", bad.toString(), "--java-out", OUT.resolve("j3").toString(),
                "--c-out", OUT.resolve("c3").toString(), "--clang", CLANG}, System.out));
        assertTrue(e.getMessage().contains("log_mesage"), e.getMessage());
    }

    @Test
    void unknownConfigKeysAreErrors() throws IOException {
        Path bad = Files.createDirectories(OUT).resolve("bad.json");
        Files.writeString(bad, "{\"packageName\": \"p\", \"className\": \"C\", \"library\": \"l\", \"allowFunction\": []}");
        assertThrows(IOException.class, () -> Main.run(new String[] {TEST.resolve("c/refused.h").toString(), "--config",
                bad.toString(), "--java-out", OUT.resolve("j2").toString(), "--c-out", OUT.resolve("c2").toString()}, System.out));
    }
}
