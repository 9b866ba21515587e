package dev.javabridge.bindgen;

import java.util.List;

/** One {@link ResultCrossing} per kind of result: everything the writers emit for that kind. */
final class ResultCrossings {
    private ResultCrossings() {}

    static final ResultCrossing VOID = new Void();
    static final ResultCrossing RETURN = new Return();
    static final ResultCrossing STRING_RETURN = new StringReturn();
    static final ResultCrossing STRUCT_RETURN = new StructReturn();
    static final ResultCrossing OUT_PACKED = new OutPacked();
    static final ResultCrossing OUT_HOLDER = new OutHolder();
    static final ResultCrossing OUT_ARRAY = new OutArray();
    static final ResultCrossing OUT_STRUCT = new OutStruct();
    static final ResultCrossing OUT_LENGTH = new OutLength();
    static final ResultCrossing HANDLE_RETURN = new HandleReturn();
    static final ResultCrossing SIZED_RETURN = new SizedReturn();

    /** Calls the native and, for a status function, throws on a failure status. */
    private static void callChecked(JavaWriter.Call call, String callExpr, String fail) {
        StringBuilder body = call.body;
        if (call.f.status()) {
            body.append("        int status = ").append(callExpr).append(";\n");
            body.append("        if (!isSuccess(status)) {\n            throw ").append(fail).append(";\n        }\n");
        } else {
            body.append("        ").append(callExpr).append(";\n");
        }
    }

    private static boolean unsigned64(HeaderType.Kind k) {
        return k == HeaderType.Kind.ULONG || k == HeaderType.Kind.ULLONG;
    }

    /** Nothing, or only a status. */
    private static final class Void implements ResultCrossing {
        @Override
        public String javaType(JavaWriter w, Binding.Function f) {
            return "void";
        }

        @Override
        public void javaAfterCall(JavaWriter w, JavaWriter.Call call, String callExpr, String fail) {
            callChecked(call, callExpr, fail);
        }
    }

    /** A scalar returned by value; an unsigned 64-bit value beyond Java's long is refused. */
    private static final class Return implements ResultCrossing {
        @Override
        public String javaType(JavaWriter w, Binding.Function f) {
            return Types.java(((HeaderType.Prim) f.returnType()).kind());
        }

        @Override
        public String nativeReturn(Binding.Function f) {
            return Types.java(JavaWriter.primKind(f.returnType()));
        }

        @Override
        public void javaAfterCall(JavaWriter w, JavaWriter.Call call, String callExpr, String fail) {
            StringBuilder body = call.body;
            if (unsigned64(JavaWriter.primKind(call.f.returnType()))) {
                body.append("        long result = ").append(callExpr).append(";\n");
                body.append("        if (result < 0) {\n            throw new ArithmeticException(\"").append(call.f.c().name())
                        .append(" returned \" + Long.toUnsignedString(result) + \", which does not fit a Java long\");\n        }\n");
                body.append("        return result;\n");
            } else {
                body.append("        return ").append(callExpr).append(";\n");
            }
        }

        @Override
        public void cResult(CWriter w, Binding.Function f, String jniReturn, StringBuilder o) {
            o.append("    result = (").append(jniReturn).append(")cResult;\n");
        }
    }

    /** A C string: copied into a byte array in C (then freed if the caller owns it), decoded as strict UTF-8 in Java. */
    private static final class StringReturn implements ResultCrossing {
        @Override
        public String javaType(JavaWriter w, Binding.Function f) {
            return "String";
        }

        @Override
        public String nativeReturn(Binding.Function f) {
            return "byte[]";
        }

        @Override
        public void javaAfterCall(JavaWriter w, JavaWriter.Call call, String callExpr, String fail) {
            call.body.append("        byte[] result = ").append(callExpr).append(";\n");
            call.body.append("        return result == null ? null : utf8(result, \"").append(call.f.c().name()).append("\");\n");
        }

        @Override
        public String cCall(CWriter w, Binding.Function f, String callExpr) {
            return "    const char *cResult = (const char *)" + callExpr + ";\n";
        }

        @Override
        public void cResult(CWriter w, Binding.Function f, String jniReturn, StringBuilder o) {
            o.append("    if (cResult != NULL) {\n        size_t len = strlen(cResult);\n");
            o.append("        if (len > (size_t)INT32_MAX) {\n            ").append(w.thrower("ILLEGAL_STATE"))
                    .append(", \"").append(f.c().name()).append(" returned a string longer than a Java array\");\n        } else {\n");
            o.append("            result = (*env)->NewByteArray(env, (jsize)len);\n");
            o.append("            if (result != NULL) {\n                (*env)->SetByteArrayRegion(env, result, 0, (jsize)len, (const jbyte *)cResult);\n            }\n        }\n");
            if (f.freeWith() != null) {
                o.append("        ").append(f.freeWith()).append("((").append(f.freeParamSpelling()).append(")cResult);\n");
            }
            o.append("    }\n");
        }
    }

    /** A struct returned by value: C copies it into a byte array Java allocated, the record reads it. */
    private static final class StructReturn implements ResultCrossing {
        @Override
        public String javaType(JavaWriter w, Binding.Function f) {
            return w.structOf(f.returnType()).javaName();
        }

        @Override
        public void javaBeforeCall(JavaWriter w, JavaWriter.Call call) {
            call.body.append("        byte[] returned = new byte[").append(w.structOf(call.f.returnType()).javaName()).append(".SIZE];\n");
            ParamCrossings.PointerMembers.javaHolders(call, w.structOf(call.f.returnType()), "returned");
            call.args.add("returned");
            ParamCrossings.PointerMembers.javaHolderArgs(call, w.structOf(call.f.returnType()), "returned");
        }

        @Override
        public void javaAfterCall(JavaWriter w, JavaWriter.Call call, String callExpr, String fail) {
            call.body.append("        ").append(callExpr).append(";\n");
            call.body.append("        return ").append(ParamCrossings.PointerMembers.javaUnpack(w.structOf(call.f.returnType()), "returned", "returned"))
                    .append(";\n");
        }

        @Override
        public void nativeParams(JavaWriter w, Binding.Function f, List<String> ps) {
            ps.add("byte[] returned");
            ParamCrossings.PointerMembers.nativeHolderParams(w.structOf(f.returnType()), "returned", ps);
        }

        @Override
        public void jniParams(CWriter w, Binding.Function f, List<String> params) {
            params.add("jbyteArray returned");
            ParamCrossings.PointerMembers.jniHolderParams(w.structOf(f.returnType()), "returned", params);
        }

        @Override
        public void cross(CWriter w, CWriter.Call call) {
            String st = w.structSpelling(call.f.returnType());
            w.nullCheck(call.checks, "returned");
            call.checks.append("    if ((*env)->GetArrayLength(env, returned) != (jsize)sizeof(").append(st).append(")) {\n        ")
                    .append(w.thrower("ILLEGAL_STATE")).append(", \"the Java layout of ").append(st)
                    .append(" differs from C's\");\n").append(CWriter.FAIL).append("    }\n");
            call.after.append("    (*env)->SetByteArrayRegion(env, returned, 0, (jsize)sizeof(").append(st).append("), (const jbyte *)&cResult);\n");
            ParamCrossings.PointerMembers.cCopyOut(w, call, w.structOf(call.f.returnType()), "returned", "cResult");
        }

        @Override
        public String cCall(CWriter w, Binding.Function f, String callExpr) {
            return "    " + w.structSpelling(f.returnType()) + " cResult = " + callExpr + ";\n";
        }
    }

    /** The type of the one out value (a count that C writes back crosses as an int). */
    private static HeaderType.Kind outKind(Binding.Param r) {
        return r.kind() == Binding.Kind.LENGTH_INOUT ? HeaderType.Kind.INT : JavaWriter.primKind(r.pointer().pointee());
    }

    /**
     * Status and a value of at most 32 bits in one jlong: the status in the high half as the kit's
     * JBK_STATUS encodes it (read by dev.javabridge.Status.code), the value's bits in the low half.
     */
    private static final class OutPacked implements ResultCrossing {
        @Override
        public String javaType(JavaWriter w, Binding.Function f) {
            Binding.Param r = f.resultParam();
            return r.kind() == Binding.Kind.LENGTH_INOUT ? "int" : Types.java(JavaWriter.primKind(r.pointer().pointee()));
        }

        @Override
        public String nativeReturn(Binding.Function f) {
            return "long";
        }

        @Override
        public void javaAfterCall(JavaWriter w, JavaWriter.Call call, String callExpr, String fail) {
            StringBuilder body = call.body;
            body.append("        long packed = ").append(callExpr).append(";\n");
            body.append("        int status = dev.javabridge.Status.code(packed);\n");
            body.append("        if (!isSuccess(status)) {\n            throw ").append(fail).append(";\n        }\n");
            body.append("        return ").append(unpackLow(outKind(call.f.resultParam()))).append(";\n");
        }

        private static String unpackLow(HeaderType.Kind k) {
            switch (k) {
                case BOOL: return "(packed & 0xFF) != 0";
                case CHAR: case SCHAR: return "(byte) packed";
                case UCHAR: return "(int) (packed & 0xFF)";
                case SHORT: return "(short) packed";
                case USHORT: return "(int) (packed & 0xFFFF)";
                case UINT: return "packed & 0xFFFFFFFFL";
                default: return "(int) packed";
            }
        }

        @Override
        public void cResult(CWriter w, Binding.Function f, String jniReturn, StringBuilder o) {
            // Not the kit's jbk_int_or_status: a success status may be non-zero, and Java needs it with the value.
            o.append("    result = JBK_STATUS(rc) | (jlong)(uint32_t)").append(f.resultParam().javaName()).append("Value;\n");
        }
    }

    /** One out value through a one-element array (wider than 32 bits, or without a status to pack with). */
    private static final class OutHolder implements ResultCrossing {
        @Override
        public String javaType(JavaWriter w, Binding.Function f) {
            return OUT_PACKED.javaType(w, f);
        }

        @Override
        public void javaBeforeCall(JavaWriter w, JavaWriter.Call call) {
            HeaderType.Kind k = JavaWriter.primKind(call.f.resultParam().pointer().pointee());
            call.body.append("        ").append(Types.java(k)).append("[] holder = new ").append(Types.java(k)).append("[1];\n");
        }

        @Override
        public void javaAfterCall(JavaWriter w, JavaWriter.Call call, String callExpr, String fail) {
            callChecked(call, callExpr, fail);
            HeaderType.Kind k = JavaWriter.primKind(call.f.resultParam().pointer().pointee());
            if (unsigned64(k)) {
                call.body.append("        if (holder[0] < 0) {\n            throw new ArithmeticException(\"").append(call.f.c().name())
                        .append(" wrote \" + Long.toUnsignedString(holder[0]) + \", which does not fit a Java long\");\n        }\n");
            }
            call.body.append("        return holder[0];\n");
        }
    }

    /** An array Java allocated and C filled, returned to the caller. */
    private static final class OutArray implements ResultCrossing {
        @Override
        public String javaType(JavaWriter w, Binding.Function f) {
            return ParamCrossing.of(f.resultParam()).javaType(w, f.resultParam());
        }

        @Override
        public void javaAfterCall(JavaWriter w, JavaWriter.Call call, String callExpr, String fail) {
            callChecked(call, callExpr, fail);
            Binding.Param r = call.f.resultParam();
            if (r.pointer().pointee() instanceof HeaderType.StructRef) {
                call.body.append("        return ").append(w.structOf(r.type()).javaName()).append(".unpack(").append(r.javaName()).append("C);\n");
            } else {
                call.body.append("        return ").append(r.javaName()).append(";\n");
            }
        }
    }

    /** A struct C filled through a pointer. */
    private static final class OutStruct implements ResultCrossing {
        @Override
        public String javaType(JavaWriter w, Binding.Function f) {
            return w.structOf(f.resultParam().type()).javaName();
        }

        @Override
        public void javaAfterCall(JavaWriter w, JavaWriter.Call call, String callExpr, String fail) {
            callChecked(call, callExpr, fail);
            Binding.Param r = call.f.resultParam();
            call.body.append("        return ").append(ParamCrossings.PointerMembers.javaUnpack(w.structOf(r.type()), r.javaName() + "C", r.javaName()))
                    .append(";\n");
        }
    }

    /** The count C wrote back, without a status. */
    private static final class OutLength implements ResultCrossing {
        @Override
        public String javaType(JavaWriter w, Binding.Function f) {
            return "int";
        }

        @Override
        public String nativeReturn(Binding.Function f) {
            return "int";
        }

        @Override
        public void javaAfterCall(JavaWriter w, JavaWriter.Call call, String callExpr, String fail) {
            call.body.append("        return ").append(callExpr).append(";\n");
        }

        @Override
        public void cResult(CWriter w, Binding.Function f, String jniReturn, StringBuilder o) {
            o.append("    result = (jint)").append(f.resultParam().javaName()).append("Value;\n");
        }
    }

    /** A pointer to an opaque type: a handle object, owned (freed by freeWith on close) or borrowed. */
    private static final class HandleReturn implements ResultCrossing {
        @Override
        public String javaType(JavaWriter w, Binding.Function f) {
            return w.handleOf(f.returnType()).javaName();
        }

        @Override
        public String nativeReturn(Binding.Function f) {
            return "long";
        }

        @Override
        public void javaAfterCall(JavaWriter w, JavaWriter.Call call, String callExpr, String fail) {
            Binding.Function f = call.f;
            Binding.Function free = w.functionNamed(f.freeWith());
            call.body.append("        long address = ").append(callExpr).append(";\n");
            call.body.append("        return address == 0 ? null : new ").append(w.handleOf(f.returnType()).javaName()).append("(address, ")
                    .append(free == null ? "null" : w.nat() + "::" + free.javaName()).append(");\n");
        }

        @Override
        public void cResult(CWriter w, Binding.Function f, String jniReturn, StringBuilder o) {
            o.append("    result = (jlong)(intptr_t)cResult;\n");
        }
    }

    /**
     * A borrowed pointer whose byte count another function gives (the config's resultLength, called with the
     * same arguments right after): copied with exactly that many bytes, so embedded NULs survive. A char
     * pointee becomes a strict UTF-8 String, anything else a byte[]; C's NULL is Java's null.
     */
    private static final class SizedReturn implements ResultCrossing {
        static boolean text(Binding.Function f) {
            HeaderType pointee = ((HeaderType.Pointer) f.returnType()).pointee();
            return pointee instanceof HeaderType.Prim p && (p.kind() == HeaderType.Kind.CHAR || p.kind() == HeaderType.Kind.UCHAR
                    || p.kind() == HeaderType.Kind.SCHAR);
        }

        @Override
        public String javaType(JavaWriter w, Binding.Function f) {
            return text(f) ? "String" : "byte[]";
        }

        @Override
        public String nativeReturn(Binding.Function f) {
            return "byte[]";
        }

        @Override
        public void javaAfterCall(JavaWriter w, JavaWriter.Call call, String callExpr, String fail) {
            if (text(call.f)) {
                call.body.append("        byte[] result = ").append(callExpr).append(";\n");
                call.body.append("        return result == null ? null : utf8(result, \"").append(call.f.c().name()).append("\");\n");
            } else {
                call.body.append("        return ").append(callExpr).append(";\n");
            }
        }

        @Override
        public String cCall(CWriter w, Binding.Function f, String callExpr) {
            String lengthCall = f.resultLength() + callExpr.substring(f.c().name().length());
            return "    const void *cResult = (const void *)" + callExpr + ";\n    long long cLength = (long long)" + lengthCall + ";\n";
        }

        @Override
        public void cResult(CWriter w, Binding.Function f, String jniReturn, StringBuilder o) {
            o.append("    if (cResult != NULL) {\n        if (cLength < 0 || cLength > (long long)INT32_MAX) {\n            ")
                    .append(w.thrower("ILLEGAL_STATE")).append(", \"").append(f.resultLength())
                    .append(" says %lld bytes for ").append(f.c().name()).append("\", cLength);\n        } else {\n")
                    .append("            result = jbk_new_bytes(env, cResult, (size_t)cLength);\n        }\n    }\n");
        }
    }
}
