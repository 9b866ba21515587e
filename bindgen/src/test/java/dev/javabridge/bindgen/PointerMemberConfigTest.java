package dev.javabridge.bindgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The config's structs.NAME.members.MEMBER.length, run through the real generator (and clang) on a small header:
 * what it must refuse with a message naming the struct and the member, and the layout check it writes.
 */
class PointerMemberConfigTest {
    private static final Path OUT = Path.of(System.getProperty("bindgen.out.dir", "target/test-out")).resolve("ptrlen");
    private static final String CLANG = System.getProperty("bindgen.clang", "clang");
    private static Path header;

    @BeforeAll
    static void writeHeader() throws IOException {
        Files.createDirectories(OUT);
        header = OUT.resolve("ptrlen.h");
        Files.writeString(header, """
                #include <stddef.h>
                #include <stdint.h>
                typedef struct buf {
                    uint8_t n;
                    const int32_t *items;
                    double weight;
                    const float *more;
                    int16_t more_count;
                } buf;
                typedef struct holder {
                    buf inner;
                } holder;
                typedef void (*visit_fn)(void *user_data, int32_t item);
                int64_t buf_sum(const buf *b);
                int64_t bufs_sum(const buf *b, size_t n);
                void buf_visit(const buf *b, visit_fn fn, void *user_data);
                int64_t holder_sum(holder h);
                """);
    }

    private static Main.Result run(String name, String structs) throws IOException {
        Path config = OUT.resolve(name + ".json");
        Files.writeString(config, "{\"packageName\": \"p\", \"className\": \"Ptr\", \"library\": \"l\", \"structs\": " + structs
                + ", \"functions\": {\"bufs_sum\": {\"arrays\": {\"b\": \"n\"}}}}");
        return Main.run(new String[] {header.toString(), "--config", config.toString(), "--java-out", OUT.resolve(name + "-java").toString(),
                "--c-out", OUT.resolve(name + "-c").toString(), "--clang", CLANG},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private static String refused(String name, String structs) {
        return assertThrows(IllegalArgumentException.class, () -> run(name, structs)).getMessage();
    }

    private static final String GOOD = "{\"buf\": {\"members\": {\"items\": {\"length\": \"n\"}, \"more\": {\"length\": \"more_count\"}}}}";

    @Test
    void badConfigsAreClearErrorsNamingTheStructAndTheMember() {
        assertEquals("structs.buf.members.itemz: struct buf has no member itemz",
                refused("no-member", "{\"buf\": {\"members\": {\"itemz\": {\"length\": \"n\"}}}}"));
        assertEquals("structs.buf.members.weight: member weight of struct buf has type double, which is not a pointer to integers or "
                + "floating-point values", refused("not-pointer", "{\"buf\": {\"members\": {\"weight\": {\"length\": \"n\"}}}}"));
        assertEquals("structs.buf.members.items: the length member weight of struct buf has type double, which is not an integer type",
                refused("float-length", "{\"buf\": {\"members\": {\"items\": {\"length\": \"weight\"}}}}"));
        assertEquals("structs.buf.members.items: the length member count is not a member of struct buf",
                refused("no-length", "{\"buf\": {\"members\": {\"items\": {\"length\": \"count\"}}}}"));
        assertEquals("structs.buf.members.items: no length: name the member that holds its element count",
                refused("length-missing", "{\"buf\": {\"members\": {\"items\": {}}}}"));
        assertEquals("structs.buf.members.more: members items and more of struct buf share the length member n, which is not "
                + "supported: give each its own",
                refused("shared", "{\"buf\": {\"members\": {\"items\": {\"length\": \"n\"}, \"more\": {\"length\": \"n\"}}}}"));
        assertEquals("the config has options for struct bfu, which the header does not define",
                refused("no-struct", "{\"bfu\": {\"members\": {\"items\": {\"length\": \"n\"}}}}"));
        assertThrows(IOException.class, () -> run("typo", "{\"buf\": {\"members\": {\"items\": {\"lenght\": \"n\"}}}}"));
    }

    @Test
    void whatCannotCarryThePointerMembersIsReportedWithWhy() throws IOException {
        Main.Result r = run("good", GOOD);
        String report = String.join("\n", r.unsupported());
        assertTrue(report.contains("holder: field inner is struct buf, whose pointer members cross beside its bytes"), report);
        assertTrue(report.contains("bufs_sum: parameter b (const buf *): an array of struct buf, whose pointer members"), report);
        assertTrue(report.contains("buf_visit: arrays together with a callback"), report);
        String record = Files.readString(OUT.resolve("good-java/p/Buf.java"));
        assertTrue(record.contains("public record Buf(int[] items, double weight, float[] more)"), record);
        assertTrue(record.contains("C's memory is borrowed, never freed"), record);
        String api = Files.readString(OUT.resolve("good-java/p/Ptr.java"));
        assertTrue(api.contains("public static long bufSum(Buf b)"), api);
    }

    @Test
    void theLayoutCheckHoldsThePointerAndCountMembersAgainstTheCompiler() throws IOException, InterruptedException {
        run("layout", GOOD);
        Path check = OUT.resolve("layout-c/Ptr_layout_check.c");
        Path exe = OUT.resolve("ptr_layout_check");
        Process cc = new ProcessBuilder("cc", "-std=c11", "-Wall", "-Werror", "-I", OUT.toString(), "-o", exe.toString(), check.toString())
                .inheritIO().start();
        assertEquals(0, cc.waitFor());
        Process ok = new ProcessBuilder(exe.toString()).redirectErrorStream(true).start();
        String output = new String(ok.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, ok.waitFor(), output);
        assertTrue(output.contains(" 0 mismatches"), output);
        // Packed, as a target with another ABI would lay it out: the pointer and the count members move, and the check says so.
        Path packed = OUT.resolve("ptr_layout_check_packed");
        cc = new ProcessBuilder("cc", "-std=c11", "-fpack-struct=1", "-I", OUT.toString(), "-o", packed.toString(), check.toString())
                .inheritIO().start();
        assertEquals(0, cc.waitFor());
        Process bad = new ProcessBuilder(packed.toString()).redirectErrorStream(true).start();
        output = new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, bad.waitFor(), output);
        assertTrue(output.contains("MISMATCH offsetof(struct buf, items): C says 1, the Java side assumes 8"), output);
        assertTrue(output.contains("MISMATCH offsetof(struct buf, more_count): C says 25, the Java side assumes 32"), output);
    }
}
