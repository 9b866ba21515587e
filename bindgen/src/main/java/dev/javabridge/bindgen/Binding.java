package dev.javabridge.bindgen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What will be generated: the decisions of {@link Binder}, read by the writers. */
final class Binding {
    /** One scalar of a struct, flattened: its path from the struct ("inner.x"), byte offset and kind. */
    record Leaf(String cPath, String javaPath, int offset, HeaderType.Kind kind, int count) {
        Leaf(String cPath, String javaPath, int offset, HeaderType.Kind kind) {
            this(cPath, javaPath, offset, kind, 0);
        }
    }

    /**
     * What a pointer member needs beyond its element kind: the member holding its count (not a record component),
     * where that member lies, and the member's own C spelling, for the glue's casts.
     */
    record PointerMember(String spelling, String lengthCName, HeaderType.Kind lengthKind, String lengthSpelling, int lengthOffset,
                         boolean nullable, boolean constPointee) {}

    /**
     * A record component: a scalar, a fixed-size array of count scalars (count 0: not an array), a nested struct, or
     * a pointer member (pointer not null) whose elements, kind each, cross as a Java array.
     */
    record Component(String cName, String javaName, HeaderType.Kind kind, BoundStruct nested, int offset, int count,
                     PointerMember pointer) {
        Component(String cName, String javaName, HeaderType.Kind kind, BoundStruct nested, int offset, int count) {
            this(cName, javaName, kind, nested, offset, count, null);
        }

        Component(String cName, String javaName, HeaderType.Kind kind, BoundStruct nested, int offset) {
            this(cName, javaName, kind, nested, offset, 0, null);
        }

        boolean array() {
            return count > 0;
        }

        /** Whether the record compares, hashes and copies this component by its elements. */
        boolean elements() {
            return count > 0 || pointer != null;
        }
    }

    record BoundStruct(HeaderModel.StructDef def, String javaName, List<Component> components, List<Leaf> leaves,
                       int size, int align) {
        /** The pointer members, whose elements cross beside the record's bytes. */
        List<Component> pointers() {
            return components.stream().filter(c -> c.pointer() != null).toList();
        }
    }

    enum Kind {
        /** A scalar passed by value. */
        VALUE,
        /** const char *: a Java String as NUL-terminated UTF-8. */
        STRING,
        /** A pointer to count elements, with the count in another parameter. */
        ARRAY,
        /** The count of one or more ARRAY parameters: not a Java parameter. */
        LENGTH,
        /** A pointer to the count: in, the array's capacity; out, how many elements C wrote (the Java result). */
        LENGTH_INOUT,
        /** A non-const pointer to one scalar C writes: the Java result. */
        OUT,
        /** A struct passed by value or by const pointer. */
        STRUCT_IN,
        /** A non-const pointer to one struct C fills: the Java result. */
        STRUCT_OUT,
        /** A pointer to an opaque type: a Java handle object carrying the address. */
        HANDLE,
        /** A function pointer: a Java functional interface; lengthParam names its USER_DATA parameter. */
        CALLBACK,
        /** The void * the C function hands back to the callback: the registry's token; not a Java parameter. */
        USER_DATA,
        /** A parameter the config fixes to a C expression (lengthParam holds it): not a Java parameter. */
        CONSTANT,
        /** A const char * that may be null. */
        NULLABLE_STRING,
        /** T ** for an opaque T: C writes a handle, which Java receives in a one-element array of the handle class. */
        HANDLE_OUT,
        /** char ** through which C hands back a string the caller frees with the function lengthParam names. */
        STRING_OUT,
        /** In a callback: a char ** whose count is the callback parameter lengthParam names; a Java String[]. */
        STRING_ARRAY
    }

    /**
     * A callback type: the Java interface generated for it and how the trampoline calls it. {@code userData} is
     * the index of the callback's void * parameter; {@code args} the others, as VALUE or STRING params.
     */
    record Callback(String key, String javaName, HeaderType.FunctionPointer type, int userData, List<Param> args,
                    HeaderType result, Long abort) {}

    record Param(String cName, String javaName, HeaderType type, Kind kind, String lengthParam, boolean javaAllocated,
                 boolean byValue) {
        HeaderType.Pointer pointer() {
            return (HeaderType.Pointer) type;
        }
    }

    /** How the Java method produces its result. */
    enum ResultKind { VOID, RETURN, STRING_RETURN, STRUCT_RETURN, OUT_PACKED, OUT_HOLDER, OUT_ARRAY, OUT_STRUCT, OUT_LENGTH, HANDLE_RETURN, SIZED_RETURN }

    record Function(HeaderModel.Function c, String javaName, List<Param> params, HeaderType returnType, boolean status,
                    Map<Long, Config.ExceptionSpec> codes, ResultKind result, Param resultParam, String freeWith,
                    String freeParamSpelling, boolean internal, String resultLength) {}

    /** An opaque C type and the Java class of its handles. */
    record Handle(String cName, String javaName) {}

    record Constant(String name, Object value, String origin) {}

    final List<BoundStruct> structs = new ArrayList<>();
    final List<Function> functions = new ArrayList<>();
    final List<Constant> constants = new ArrayList<>();
    final Map<String, Handle> handles = new java.util.LinkedHashMap<>();
    /** Callback types by {@link Callback#key}, in the order first used. */
    final Map<String, Callback> callbacks = new java.util.LinkedHashMap<>();
    final List<Report.Item> unsupported = new ArrayList<>();
    /** Bound declarations that are right on LP64 targets only (C's long is 32 bits on Windows), each with why. */
    final List<Report.Item> perTarget = new ArrayList<>();
    /** Scalar typedef spellings the Java side assumed a width for: checked by the layout program. */
    final Map<String, HeaderType.Kind> scalarSpellings = new java.util.TreeMap<>();
    /** Of those, the ones whose size is checked too: all but C's long where the glue only converts it (by value). */
    final java.util.Set<String> laidOutSpellings = new java.util.HashSet<>();
    final java.util.Set<String> enumSpellings = new java.util.HashSet<>();
    /** C names of the functions whose errno (and Windows' last error) is captured right after the call. */
    final java.util.Set<String> errno = new java.util.HashSet<>();
    /** The native that reads what the last errno-capturing status function of the calling thread left. */
    static final String OS_ERROR_NATIVE = "lastOsError";
    /** The native that gives a bound function's address as the glue was linked with it, by its C name: the
     *  JDK 22+ class calls through these (FfmWriter). */
    static final String ADDRESS_NATIVE = "ffmAddress";

    boolean errno(Function f) {
        return errno.contains(f.c().name());
    }

    /** Whether a status function captures errno: then the natives holder has {@link #OS_ERROR_NATIVE}. */
    boolean statusErrno() {
        return functions.stream().anyMatch(f -> f.status() && errno(f));
    }
    Map<Long, Config.ExceptionSpec> globalCodes;
    List<Long> successCodes;
    Map<Long, String> codeNames;
}
