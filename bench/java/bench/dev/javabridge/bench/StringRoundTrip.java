package dev.javabridge.bench;

import dev.javabridge.BenchUtf8;
import dev.javabridge.LibC;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A string Java -> C -> Java: C copies it (jbb_echo) and the copy comes back as a
 * new String. {@code bytes} is the UTF-8 length; "emoji" puts one 4-byte emoji in
 * every 16 bytes, which takes every mechanism off its ASCII fast path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StringRoundTrip {
    @Param({"16", "4096"})
    int bytes;

    @Param({"ascii", "emoji"})
    String text;

    String value;

    @Setup
    public void build() {
        String unit = text.equals("emoji") ? "abcdefghijkl\uD83D\uDE00" : "abcdefghijklmnop";
        value = unit.repeat(bytes / 16);
        Check.same(bytes, value.getBytes(StandardCharsets.UTF_8).length, "the test string's UTF-8 length");
        Check.same(value, javabridge(), "javabridge");
        Check.same(value, javabridgeFormat(), "javabridge LibC.format");
        Check.same(value, rawJni(), "raw JNI");
        Check.same(value, jnaDirect(), "JNA direct");
        Check.same(value, jnaInterface(), "JNA interface");
        if (Ffm.AVAILABLE) {
            Check.same(value, ffm(), "FFM");
        }
    }

    /**
     * javabridge's string convention, not its natives: its Java UTF-8 codec (strict, emoji and NUL
     * safe) around this benchmark's own JNI byte[] echo (RawJni.echoBytes). Reported as "javabridge
     * codec + raw echo"; javabridge's own native string path is {@link #javabridgeFormat}.
     */
    @Benchmark
    public String javabridge() {
        return BenchUtf8.decode(RawJni.echoBytes(BenchUtf8.encode(value)));
    }

    /**
     * javabridge's real string path, through its public API and its own native: the format checked
     * in Java, snprintf("%s") in C, UTF-8 both ways. C runs snprintf here where every other row
     * echoes, so this row is javabridge's cost, not a like-for-like mechanism comparison.
     */
    @Benchmark
    public String javabridgeFormat() {
        return LibC.format("%s", value);
    }

    /** The raw primitives: GetStringUTFChars and NewStringUTF (modified UTF-8). */
    @Benchmark
    public String rawJni() {
        return RawJni.echoUtf(value);
    }

    @Benchmark
    public String jnaDirect() {
        return JnaDirect.jbb_echo_cstr(value);
    }

    @Benchmark
    public String jnaInterface() {
        return JnaInterface.LIB.jbb_echo_cstr(value);
    }

    @Benchmark
    public String ffm() {
        return Ffm.echo(value);
    }
}
