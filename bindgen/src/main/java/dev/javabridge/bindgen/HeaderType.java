package dev.javabridge.bindgen;

/**
 * A C type read from a header, as bindgen understands it, resolved through typedefs. {@code spelling}
 * is how the header spells it (typedef names kept), which is what the generated C declares.
 * (Not to be confused with {@code dev.javabridge.export.ExportedType}, the C form of a Java type
 * that {@code @CExport} exports: the two generators go in opposite directions.)
 */
sealed interface HeaderType {
    String spelling();

    /** Integer, floating-point and boolean types, with the widths of an LP64 target (checked by the layout program). */
    record Prim(Kind kind, String spelling) implements HeaderType {}

    record Pointer(HeaderType pointee, boolean constPointee, String spelling) implements HeaderType {}

    /** A struct by its C spelling ("struct Point" or a typedef name for an anonymous one). */
    record StructRef(String name, String spelling) implements HeaderType {}

    /** Enums cross as Java ints. */
    record EnumRef(String name, String spelling) implements HeaderType {}

    record Void(String spelling) implements HeaderType {}

    /**
     * A pointer to a function: a callback. {@code typedefName} is the typedef it was declared through, or null
     * for one spelled inline; its parameters keep their C spellings for the trampoline's declaration.
     */
    record FunctionPointer(String typedefName, HeaderType result, java.util.List<HeaderType> params, String spelling)
            implements HeaderType {}

    /** Something the generator refuses, and why. */
    record Unsupported(String spelling, String reason) implements HeaderType {}

    enum Kind {
        BOOL(1, false, false), CHAR(1, true, false), SCHAR(1, true, false), UCHAR(1, false, false),
        SHORT(2, true, false), USHORT(2, false, false), INT(4, true, false), UINT(4, false, false),
        LONG(8, true, false), ULONG(8, false, false), LLONG(8, true, false), ULLONG(8, false, false),
        FLOAT(4, true, true), DOUBLE(8, true, true);

        final int size;
        final boolean signed;
        final boolean floating;

        Kind(int size, boolean signed, boolean floating) {
            this.size = size;
            this.signed = signed;
            this.floating = floating;
        }
    }
}
