package dev.javabridge.gen.texts;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A string argument on JDK 22+: the generated binding (strict UTF-8 encoded in Java, passed in place) against FFM's
 * own way (Arena.allocateFrom in a confined arena per call, then a critical downcall) and the binding's JNI path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TextsBindingBench {
    private static final MethodHandle LENGTH;
    private static final MethodHandle SAMPLE;

    static {
        // texts_length at the address the binding's glue library was linked with (it exports none).
        LENGTH = Linker.nativeLinker().downcallHandle(MemorySegment.ofAddress(TextsNative.ffmAddress("texts_length")),
                FunctionDescriptor.of(JAVA_LONG, ADDRESS), Linker.Option.critical(false));
        SAMPLE = Linker.nativeLinker().downcallHandle(MemorySegment.ofAddress(TextsNative.ffmAddress("texts_sample")),
                FunctionDescriptor.of(ADDRESS, JAVA_INT), Linker.Option.critical(false));
    }

    String text = "javabridge-16B!!";

    @Setup
    public void setup() {
        if (!TextsFfm.ENABLED) {
            throw new IllegalStateException("the binding is not on FFM: " + TextsFfm.WHY_NOT);
        }
    }

    @Benchmark
    public long stringArgBinding() {
        return Texts.textsLength(text);
    }

    @Benchmark
    public long stringArgFfmAllocateFrom() throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            return (long) LENGTH.invokeExact(arena.allocateFrom(text));
        }
    }

    /** What the binding's encoding alone costs (strict UTF-8 and the NUL), without any call. */
    @Benchmark
    public int stringEncodeOnly() {
        return Texts.cString(text, "s").length;
    }

    @Benchmark
    public long stringArgJniNative() {
        return TextsNative.textsLength(Texts.cString(text, "s"));
    }

    /** A borrowed string C returns ("héllo 😀", 11 bytes): the binding, and FFM's own getString. */
    @Benchmark
    public String stringResultBinding() {
        return Texts.textsSample(0);
    }

    @Benchmark
    public String stringResultFfmGetString() throws Throwable {
        return ((MemorySegment) SAMPLE.invokeExact(0)).reinterpret(Long.MAX_VALUE).getString(0);
    }
}
