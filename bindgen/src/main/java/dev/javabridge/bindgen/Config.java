package dev.javabridge.bindgen;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What to bind and how, read from a JSON file (the counterpart of bindgen's builder options).
 * Unknown keys are errors: a misspelt option must not be silently ignored.
 */
public final class Config {
    /** Java package of every generated class. */
    @JsonProperty(required = true) public String packageName;
    /** The public class holding the bound functions and constants; its natives go in {@code <className>Native}. */
    @JsonProperty(required = true) public String className;
    /** The library the generated class loads with javabridge's {@code NativeLoader}, unless {@link #loader} is set. */
    public String library;
    /** A static no-argument method {@code com.example.Natives.load} to call instead of NativeLoader. */
    public String loader;
    /** What the glue #includes; by default the header's file name. */
    public List<String> includes = new ArrayList<>();
    /** Further headers (relative to the main header's folder, or absolute) whose declarations are bound too. */
    public List<String> alsoBind = new ArrayList<>();
    /** Extra clang arguments, for example {@code -I} paths and {@code -D} definitions. */
    public List<String> clangArgs = new ArrayList<>();

    /** Regular expressions (whole-name matches); an empty allowlist allows everything in the header. */
    public List<String> allowFunctions = new ArrayList<>();
    public List<String> blockFunctions = new ArrayList<>();
    public List<String> allowTypes = new ArrayList<>();
    public List<String> blockTypes = new ArrayList<>();
    public List<String> allowMacros = new ArrayList<>();
    public List<String> blockMacros = new ArrayList<>();
    /** Struct names whose layout stays hidden: bound only behind pointers, as handles. */
    public List<String> opaqueTypes = new ArrayList<>();

    /** Status codes: which functions return them, which values mean success, which exception each failure becomes. */
    public Status status = new Status();
    /** Per-function options, by C name. */
    public Map<String, FunctionOptions> functions = new LinkedHashMap<>();
    /** Callback types, by typedef name (or "function.parameter" for one spelled inline). */
    public Map<String, CallbackOptions> callbacks = new LinkedHashMap<>();
    /** Per-struct options, by the struct's name (its tag, or the typedef name of an anonymous one). */
    public Map<String, StructOptions> structs = new LinkedHashMap<>();

    public static final class StructOptions {
        /** Pointer members, by C name, that point to elements whose count another member holds. */
        public Map<String, MemberOptions> members = new LinkedHashMap<>();
    }

    public static final class MemberOptions {
        /** The member of the same struct that holds the pointer's element count: it leaves the Java record. */
        @JsonProperty(required = true) public String length;
        /** Whether the record accepts a null array (C then gets NULL and a count of 0); by default null is refused. */
        public Boolean nullable;
    }

    public static final class CallbackOptions {
        /** What the trampoline returns to C when the Java callback threw (or must not run): C's "stop" value. */
        public Long abort;
        /** The Java interface's name; by default the typedef's name in UpperCamelCase. */
        public String javaName;
        /** A {@code char **} parameter (argN, by position) to the parameter holding its count: a Java String[]. */
        public Map<String, String> arrays = new LinkedHashMap<>();
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    public static final class Status {
        /** Regular expressions naming the functions whose int result is a status code. */
        public List<String> functions = new ArrayList<>();
        /** Codes (numbers or constant names) that mean success; 0 when empty. */
        public List<String> success = new ArrayList<>();
        /** Code (number or constant name) to exception. */
        public Map<String, ExceptionSpec> codes = new LinkedHashMap<>();
        /** The exception for a failure code that {@link #codes} does not name. */
        public String defaultException = "java.lang.IllegalStateException";
    }

    public static final class ExceptionSpec {
        /** A Java exception class with a (String) constructor. */
        @JsonProperty(required = true) public String exception;
        public String message;
    }

    public static final class FunctionOptions {
        /** The Java method name; by default the C name in lowerCamelCase. */
        public String javaName;
        /** Overrides {@link Status#functions} for this function. */
        public Boolean status;
        /** Per-function code mappings, consulted before the global ones. */
        public Map<String, ExceptionSpec> codes = new LinkedHashMap<>();
        /** Pointer parameter name to the parameter holding its element count. */
        public Map<String, String> arrays = new LinkedHashMap<>();
        /** Array parameters the Java side allocates (with the length of the others sharing its count) and returns. */
        public List<String> outArrays = new ArrayList<>();
        /** For a returned pointer: the caller owns it and this C function (taking the pointer) frees it. */
        public String freeWith;
        /** Parameters the Java caller does not pass: C gets this C expression (a constant such as SQLITE_TRANSIENT, or NULL). */
        public Map<String, String> constants = new LinkedHashMap<>();
        /**
         * char ** parameters through which C hands back a string the caller frees (sqlite3_exec's errmsg), to the
         * C function that frees it: Java passes a one-element String[] that receives the copy (or null).
         */
        public Map<String, String> stringOut = new LinkedHashMap<>();
        /** const char * parameters that accept null (C gets NULL). */
        public List<String> nullable = new ArrayList<>();
        /**
         * For a returned pointer: a function taking the same arguments that says how many bytes it points to
         * (called right after). The result is then a String (char pointee, embedded NULs kept) or a byte[].
         */
        public String resultLength;
        /**
         * Capture errno (and GetLastError on Windows) right after the call: a status function's failure
         * exception then reports it; any other function throws the status's default exception when C left it set
         * (it is cleared before the call).
         */
        public Boolean errno;
        /**
         * Whether the C function is short and never blocks or calls back (the default): then the JDK 22+ class
         * (--java22-out) calls it as a critical FFM downcall, with Java arrays passed in place; false keeps it on JNI
         * when it takes arrays, and makes its other downcalls non-critical.
         */
        public Boolean leaf;
    }

    public static Config read(Path file) throws IOException {
        return new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .readValue(file.toFile(), Config.class);
    }

    FunctionOptions options(String function) {
        return functions.getOrDefault(function, new FunctionOptions());
    }

    static boolean selected(String name, List<String> allow, List<String> block) {
        return (allow.isEmpty() || matchesAny(name, allow)) && !matchesAny(name, block);
    }

    static boolean matchesAny(String name, List<String> patterns) {
        for (String p : patterns) {
            if (Pattern.compile(p).matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }
}
