package dev.javabridge.export;

import java.util.List;

/**
 * The C form of one exported Java type, and how the generated code moves it through the
 * libjavabridge C API (which has int32, int64, double, bool, string, bytes and object calls).
 * (bindgen's {@code HeaderType} is the other direction: a C type read from a header.)
 */
record ExportedType(Kind kind, Struct struct) {

    /** One supported Java type. */
    enum Kind {
        VOID("void", "V", null, "void", null),
        BOOL("bool", "Z", "jb_arg_bool", "bool", "bool"),
        INT8("int8_t", "B", "jb_arg_int32", "int32", "int32_t"),
        INT16("int16_t", "S", "jb_arg_int32", "int32", "int32_t"),
        UINT16("uint16_t", "C", "jb_arg_int32", "int32", "int32_t"),
        INT32("int32_t", "I", "jb_arg_int32", "int32", "int32_t"),
        INT64("int64_t", "J", "jb_arg_int64", "int64", "int64_t"),
        FLOAT("float", "F", "jb_arg_double", "double", "double"),
        DOUBLE("double", "D", "jb_arg_double", "double", "double"),
        STRING("char *", "Ljava/lang/String;", "jb_arg_string", "string", null),
        BYTES("uint8_t *", "[B", "jb_arg_bytes", "bytes", null),
        STRUCT(null, null, "jb_arg_object", "object", null);

        /** The C type of a parameter or field (strings and structs are special-cased). */
        final String c;
        /** The JNI descriptor (structs: from the record's name). */
        final String descriptor;
        /** The jb_arg helper that carries it. */
        final String argHelper;
        /** The suffix of the jb_call_* function that returns it. */
        final String call;
        /** The C type jb_call_* writes, converted to {@link #c} afterwards. */
        final String callType;

        Kind(String c, String descriptor, String argHelper, String call, String callType) {
            this.c = c;
            this.descriptor = descriptor;
            this.argHelper = argHelper;
            this.call = call;
            this.callType = callType;
        }

        boolean isPrimitive() {
            return callType != null;
        }
    }

    /** A record of primitives, exported as a C struct with the same fields in the same order. */
    record Struct(String javaBinaryName, String javaName, String cName, List<Field> fields) {
        String descriptor() {
            return "L" + javaBinaryName.replace('.', '/') + ";";
        }

        /** The canonical constructor's descriptor. */
        String constructorDescriptor() {
            StringBuilder b = new StringBuilder("(");
            fields.forEach(f -> b.append(f.kind().descriptor));
            return b.append(")V").toString();
        }
    }

    /** A record component: its accessor's name, its C field name and its (primitive) type. */
    record Field(String accessor, String cName, Kind kind) {}

    static ExportedType of(Kind kind) {
        return new ExportedType(kind, null);
    }

    String descriptor() {
        return kind == Kind.STRUCT ? struct.descriptor() : kind.descriptor;
    }
}
