package dev.javabridge.bindgen;

import java.util.List;

/** One {@link ParamCrossing} per kind of parameter: everything the writers emit for that kind. */
final class ParamCrossings {
    private ParamCrossings() {}

    static final ParamCrossing VALUE = new Value();
    static final ParamCrossing STRING = new Str();
    static final ParamCrossing PRIMITIVE_ARRAY = new PrimitiveArray();
    static final ParamCrossing STRUCT_ARRAY = new StructArray();
    static final ParamCrossing LENGTH = new Length();
    static final ParamCrossing LENGTH_INOUT = new LengthInOut();
    static final ParamCrossing OUT = new Out();
    static final ParamCrossing STRUCT_IN = new StructIn();
    static final ParamCrossing STRUCT_OUT = new StructOut();
    static final ParamCrossing HANDLE = new Handle();
    static final ParamCrossing CALLBACK = new CallbackParam();
    static final ParamCrossing USER_DATA = new UserData();
    static final ParamCrossing CONSTANT = new Constant();
    static final ParamCrossing NULLABLE_STRING = new NullableStr();
    static final ParamCrossing HANDLE_OUT = new HandleOut();
    static final ParamCrossing STRING_OUT = new StringOut();

    /** A parameter the caller passes as it is. */
    private abstract static class Passed implements ParamCrossing {
        @Override
        public void javaSignature(JavaWriter w, Binding.Param p, boolean slices, List<String> sig) {
            sig.add(javaType(w, p) + " " + p.javaName());
        }
    }

    /**
     * A parameter that Java turns into bytes (a string's UTF-8, a struct's layout) in a local named
     * {@code <name>C}, and that C receives as a jbyteArray: the three phases every such kind shares.
     */
    private interface AsBytes extends ParamCrossing {
        @Override
        default void javaArgument(JavaWriter w, JavaWriter.Call call, Binding.Param p) {
            call.args.add(p.javaName() + "C");
        }

        @Override
        default void nativeParams(JavaWriter w, Binding.Function f, Binding.Param p, List<String> ps) {
            ps.add("byte[] " + p.javaName());
        }

        @Override
        default void jniParams(CWriter w, Binding.Function f, Binding.Param p, List<String> params) {
            params.add("jbyteArray " + p.javaName());
        }
    }

    /** A scalar by value: Java refuses what C's type cannot hold. */
    private static final class Value extends Passed {
        @Override
        public String javaType(JavaWriter w, Binding.Param p) {
            return Types.java(((HeaderType.Prim) p.type()).kind());
        }

        @Override
        public void javaCheck(JavaWriter w, JavaWriter.Call call, Binding.Param p) {
            String n = p.javaName();
            String r = Types.outOfRange(((HeaderType.Prim) p.type()).kind(), n);
            if (r != null) {
                call.body.append("        if (").append(r).append(") {\n            throw new IllegalArgumentException(\"")
                        .append(n).append(" = \" + ").append(n).append(" + \" does not fit C's ").append(p.type().spelling())
                        .append("\");\n        }\n");
            }
        }

        @Override
        public void javaArgument(JavaWriter w, JavaWriter.Call call, Binding.Param p) {
            call.args.add(p.javaName());
        }

        @Override
        public void nativeParams(JavaWriter w, Binding.Function f, Binding.Param p, List<String> ps) {
            ps.add(javaType(w, p) + " " + p.javaName());
        }

        @Override
        public void jniParams(CWriter w, Binding.Function f, Binding.Param p, List<String> params) {
            params.add(Types.jni(JavaWriter.primKind(p.type())) + " " + p.javaName());
        }

        @Override
        public void cross(CWriter w, CWriter.Call call, Binding.Param p) {
            String n = p.javaName();
            HeaderType.Kind k = JavaWriter.primKind(p.type());
            if (k == HeaderType.Kind.LONG || k == HeaderType.Kind.ULONG) {
                // A Java long for C's long: the host's 64 bits, 32 on Windows (LLP64), so what does not survive the
                // round trip through the target's type is refused here, where the compiler knows its width.
                call.checks.append("    if ((jlong)(").append(p.type().spelling()).append(')').append(n).append(" != ").append(n)
                        .append(") {\n        ").append(w.thrower("ILLEGAL_ARGUMENT")).append(", \"").append(n)
                        .append(" = %lld does not fit C's ").append(p.type().spelling()).append(" (%d bits here)\", (long long)").append(n)
                        .append(", (int)(sizeof(").append(p.type().spelling()).append(") * 8));\n").append(CWriter.FAIL).append("    }\n");
            }
            call.args.add(k == HeaderType.Kind.BOOL ? "(" + n + " != JNI_FALSE)" : "(" + p.type().spelling() + ")" + n);
        }
    }

    /** const char *: strict UTF-8 with its NUL, encoded in Java, pinned read-only in C. */
    private static final class Str extends Passed implements AsBytes {
        @Override
        public String javaType(JavaWriter w, Binding.Param p) {
            return "String";
        }

        @Override
        public void javaCheck(JavaWriter w, JavaWriter.Call call, Binding.Param p) {
            String n = p.javaName();
            call.body.append("        byte[] ").append(n).append("C = cString(").append(n).append(", \"").append(n).append("\");\n");
        }

        @Override
        public void cross(CWriter w, CWriter.Call call, Binding.Param p) {
            String n = p.javaName();
            w.nullCheck(call.checks, n);
            call.decls.append("    jsize ").append(n).append("Length = 0;\n");
            call.checks.append("    ").append(n).append("Length = (*env)->GetArrayLength(env, ").append(n).append(");\n    {\n");
            call.checks.append("        jbyte last = 1;\n        if (").append(n).append("Length > 0) {\n            (*env)->GetByteArrayRegion(env, ").append(n)
                    .append(", ").append(n).append("Length - 1, 1, &last);\n        }\n");
            call.checks.append("        if (last != 0) {\n            ").append(w.thrower("ILLEGAL_ARGUMENT"))
                    .append(", \"").append(n).append(" is not NUL-terminated\");\n    ").append(CWriter.FAIL).append("        }\n    }\n");
            if (call.f.params().stream().anyMatch(q -> q.kind() == Binding.Kind.CALLBACK)) {
                // A callback makes JNI calls during the C call, so nothing may be pinned critically: a copy instead.
                call.decls.append("    char *").append(n).append("Data = NULL;\n");
                call.checks.append("    {\n        size_t copied;\n        ").append(n).append("Data = jbk_copy_bytes(env, ").append(n)
                        .append(", &copied, \"").append(n).append("\");\n        if (").append(n).append("Data == NULL) {\n    ")
                        .append(CWriter.FAIL).append("        }\n    }\n");
                call.frees.append("    free(").append(n).append("Data);\n");
            } else {
                w.pin(call, n, "sizeof(jbyte)", "0", n + "Length", true);
            }
            call.args.add("(" + p.type().spelling() + ")" + n + "Data");
        }
    }

    /**
     * A pointer to elements whose count is another parameter. Java passes the array (or allocates it for
     * C to fill) and the count; several arrays sharing one count must have the same length.
     */
    private abstract static class Array implements ParamCrossing {
        @Override
        public void javaSignature(JavaWriter w, Binding.Param p, boolean slices, List<String> sig) {
            if (!p.javaAllocated()) {
                sig.add(javaType(w, p) + " " + p.javaName());
            }
        }

        /** The Java-side check or conversion of what the caller passed. */
        abstract void javaTake(JavaWriter w, JavaWriter.Call call, Binding.Param p);

        @Override
        public void javaCheck(JavaWriter w, JavaWriter.Call call, Binding.Param p) {
            if (p.javaAllocated()) {
                return;
            }
            String n = p.javaName();
            StringBuilder body = call.body;
            javaTake(w, call, p);
            String len = p.lengthParam();
            if (call.slices && this == PRIMITIVE_ARRAY) {
                call.counts.put(len, n);
                body.append("        Objects.checkFromIndexSize(").append(n).append("Offset, ").append(n).append("Length, ")
                        .append(n).append(".length);\n");
                body.append("        int ").append(Types.camel(len)).append("Count = ").append(n).append("Length;\n");
            } else if (!call.counts.containsKey(len)) {
                call.counts.put(len, n);
                body.append("        int ").append(Types.camel(len)).append("Count = ").append(n).append(".length;\n");
            } else {
                body.append("        if (").append(n).append(".length != ").append(Types.camel(len)).append("Count) {\n")
                        .append("            throw new IllegalArgumentException(\"").append(call.counts.get(len)).append(" and ")
                        .append(n).append(" must have the same length, got \" + ").append(Types.camel(len))
                        .append("Count + \" and \" + ").append(n).append(".length);\n        }\n");
            }
        }

        static String count(CWriter.Call call, Binding.Param p) {
            return call.f.params().stream().filter(q -> q.cName().equals(p.lengthParam())).findFirst().orElseThrow().javaName();
        }
    }

    /** An array of scalars: a Java array of the same width, pinned around the C call, with an offset for slices. */
    private static final class PrimitiveArray extends Array {
        @Override
        public String javaType(JavaWriter w, Binding.Param p) {
            return Types.arrayElement(JavaWriter.primKind(p.pointer().pointee())) + "[]";
        }

        @Override
        public void javaSignature(JavaWriter w, Binding.Param p, boolean slices, List<String> sig) {
            super.javaSignature(w, p, slices, sig);
            if (!p.javaAllocated() && slices) {
                sig.add("int " + p.javaName() + "Offset");
                sig.add("int " + p.javaName() + "Length");
            }
        }

        @Override
        void javaTake(JavaWriter w, JavaWriter.Call call, Binding.Param p) {
            String n = p.javaName();
            call.body.append("        Objects.requireNonNull(").append(n).append(", \"").append(n).append("\");\n");
        }

        @Override
        public void javaAllocate(JavaWriter w, JavaWriter.Call call, Binding.Param p) {
            if (p.javaAllocated()) {
                String count = Types.camel(p.lengthParam()) + "Count";
                call.body.append("        ").append(javaType(w, p)).append(' ').append(p.javaName()).append(" = new ")
                        .append(Types.arrayElement(JavaWriter.primKind(p.pointer().pointee()))).append('[').append(count).append("];\n");
            }
        }

        @Override
        public void javaArgument(JavaWriter w, JavaWriter.Call call, Binding.Param p) {
            call.args.add(p.javaName());
            call.args.add(call.slices && !p.javaAllocated() ? p.javaName() + "Offset" : "0");
        }

        @Override
        public void nativeParams(JavaWriter w, Binding.Function f, Binding.Param p, List<String> ps) {
            ps.add(javaType(w, p) + " " + p.javaName());
            ps.add("int " + p.javaName() + "Offset");
        }

        @Override
        public void jniParams(CWriter w, Binding.Function f, Binding.Param p, List<String> params) {
            params.add(CWriter.jniArray(Types.arrayElement(JavaWriter.primKind(p.pointer().pointee()))) + " " + p.javaName());
            params.add("jint " + p.javaName() + "Offset");
        }

        @Override
        public void cross(CWriter w, CWriter.Call call, Binding.Param p) {
            String n = p.javaName();
            String count = count(call, p);
            // Null and range checked by the kit as the array joins the pin set, before any array is pinned.
            String element = "sizeof(j" + Types.arrayElement(JavaWriter.primKind(p.pointer().pointee())) + ")";
            w.pin(call, n, element, n + "Offset", count, p.pointer().constPointee());
            call.args.add("(" + p.type().spelling() + ")" + n + "Data");
        }
    }

    /** An array of structs: packed into bytes by the records in Java, copied into (or out of) a C array. */
    private static final class StructArray extends Array implements AsBytes {
        @Override
        public String javaType(JavaWriter w, Binding.Param p) {
            return w.structOf(p.pointer().pointee()).javaName() + "[]";
        }

        @Override
        void javaTake(JavaWriter w, JavaWriter.Call call, Binding.Param p) {
            String n = p.javaName();
            call.body.append("        byte[] ").append(n).append("C = ").append(w.structOf(p.type()).javaName())
                    .append(".pack(").append(n).append(", \"").append(n).append("\");\n");
        }

        @Override
        public void javaAllocate(JavaWriter w, JavaWriter.Call call, Binding.Param p) {
            if (p.javaAllocated()) {
                String count = Types.camel(p.lengthParam()) + "Count";
                call.body.append("        byte[] ").append(p.javaName()).append("C = new byte[Math.multiplyExact(").append(count).append(", ")
                        .append(w.structOf(p.type()).javaName()).append(".SIZE)];\n");
            }
        }

        @Override
        public void cross(CWriter w, CWriter.Call call, Binding.Param p) {
            String n = p.javaName();
            StringBuilder checks = call.checks;
            w.nullCheck(checks, n);
            String count = count(call, p);
            String st = w.structSpelling(p.type());
            checks.append("    if ((*env)->GetArrayLength(env, ").append(n).append(") != (jlong)").append(count)
                    .append(" * (jlong)sizeof(").append(st).append(")) {\n        ").append(w.thrower("ILLEGAL_STATE"))
                    .append(", \"").append(n).append(": %d elements do not fill %d bytes: the Java layout of ")
                    .append(st).append(" differs from C's\", (int)").append(count).append(", (int)(*env)->GetArrayLength(env, ").append(n)
                    .append("));\n").append(CWriter.FAIL).append("    }\n");
            call.decls.append("    ").append(st).append(" *").append(n).append("Data = NULL;\n");
            checks.append("    ").append(n).append("Data = malloc(").append(count).append(" > 0 ? (size_t)").append(count)
                    .append(" * sizeof(").append(st).append(") : 1);\n");
            checks.append("    if (").append(n).append("Data == NULL) {\n        ").append(w.thrower("OUT_OF_MEMORY"))
                    .append(", \"").append(n).append(": no memory\");\n").append(CWriter.FAIL).append("    }\n");
            if (!p.javaAllocated()) {
                checks.append("    (*env)->GetByteArrayRegion(env, ").append(n).append(", 0, (jsize)((size_t)").append(count)
                        .append(" * sizeof(").append(st).append(")), (jbyte *)").append(n).append("Data);\n");
            } else {
                call.after.append("    (*env)->SetByteArrayRegion(env, ").append(n).append(", 0, (jsize)((size_t)").append(count)
                        .append(" * sizeof(").append(st).append(")), (const jbyte *)").append(n).append("Data);\n");
            }
            call.frees.append("    free(").append(n).append("Data);\n");
            call.args.add(n + "Data");
        }
    }

    /** A count: Java passes the array's length (or 0 when no array gave one); C refuses a negative one. */
    private abstract static class Count implements ParamCrossing {
        abstract HeaderType countType(Binding.Param p);

        @Override
        public void javaCountLimit(JavaWriter w, JavaWriter.Call call, Binding.Param p) {
            String max = Types.maxCount(JavaWriter.primKind(countType(p)));
            if (max != null && call.counts.containsKey(p.cName())) {
                call.body.append("        if (").append(Types.camel(p.cName())).append("Count > ").append(max)
                        .append(") {\n            throw new IllegalArgumentException(\"").append(call.counts.get(p.cName()))
                        .append(" holds more elements than C's ").append(p.type().spelling()).append(" ").append(p.cName())
                        .append(" can count\");\n        }\n");
            }
        }

        @Override
        public void javaArgument(JavaWriter w, JavaWriter.Call call, Binding.Param p) {
            call.args.add(call.counts.containsKey(p.cName()) ? Types.camel(p.cName()) + "Count" : "0");
        }

        @Override
        public void nativeParams(JavaWriter w, Binding.Function f, Binding.Param p, List<String> ps) {
            ps.add("int " + p.javaName());
        }

        @Override
        public void jniParams(CWriter w, Binding.Function f, Binding.Param p, List<String> params) {
            params.add("jint " + p.javaName());
        }

        static void refuseNegative(CWriter w, CWriter.Call call, Binding.Param p) {
            String n = p.javaName();
            call.lengthChecks.append("    if (").append(n).append(" < 0) {\n        ").append(w.thrower("ILLEGAL_ARGUMENT"))
                    .append(", \"").append(p.cName()).append(" %d is negative\", (int)").append(n)
                    .append(");\n").append(CWriter.FAIL).append("    }\n");
        }
    }

    /** A count by value. */
    private static final class Length extends Count {
        @Override
        HeaderType countType(Binding.Param p) {
            return p.type();
        }

        @Override
        public void cross(CWriter w, CWriter.Call call, Binding.Param p) {
            refuseNegative(w, call, p);
            call.args.add("(" + p.type().spelling() + ")" + p.javaName());
        }
    }

    /** A pointer to the count: the capacity in, the number of elements C wrote out (checked against the capacity). */
    private static final class LengthInOut extends Count {
        @Override
        HeaderType countType(Binding.Param p) {
            return p.pointer().pointee();
        }

        @Override
        public void cross(CWriter w, CWriter.Call call, Binding.Param p) {
            String n = p.javaName();
            String pointee = CWriter.pointeeSpelling(p);
            refuseNegative(w, call, p);
            call.decls.append("    ").append(pointee).append(' ').append(n).append("Value = (").append(pointee).append(')').append(n).append(";\n");
            call.args.add("&" + n + "Value");
            call.after.append("    if (").append(call.f.status() ? w.up("SUCCESS") + "(rc) && " : "").append("(").append(n).append("Value > (").append(pointee)
                    .append(')').append(n).append(")) {\n        ").append(w.thrower("ILLEGAL_STATE"))
                    .append(", \"").append(call.f.c().name()).append(" reported %llu elements in a buffer of %d\", (unsigned long long)")
                    .append(n).append("Value, (int)").append(n).append(");\n").append(CWriter.FAIL).append("    }\n");
        }
    }

    /** A pointer to one scalar C writes: the Java result, packed with the status or through a one-element holder. */
    private static final class Out implements ParamCrossing {
        private static boolean holder(Binding.Function f) {
            return f.result() == Binding.ResultKind.OUT_HOLDER;
        }

        @Override
        public void javaArgument(JavaWriter w, JavaWriter.Call call, Binding.Param p) {
            if (holder(call.f)) {
                call.args.add("holder");
            }
        }

        @Override
        public void nativeParams(JavaWriter w, Binding.Function f, Binding.Param p, List<String> ps) {
            if (holder(f)) {
                ps.add(Types.java(JavaWriter.primKind(p.pointer().pointee())) + "[] holder");
            }
        }

        @Override
        public void jniParams(CWriter w, Binding.Function f, Binding.Param p, List<String> params) {
            if (holder(f)) {
                params.add(CWriter.jniArray(Types.java(JavaWriter.primKind(p.pointer().pointee()))) + " holder");
            }
        }

        @Override
        public void cross(CWriter w, CWriter.Call call, Binding.Param p) {
            String n = p.javaName();
            String pointee = CWriter.pointeeSpelling(p);
            call.decls.append("    ").append(pointee).append(' ').append(n).append("Value = 0;\n");
            call.args.add("&" + n + "Value");
            if (holder(call.f)) {
                HeaderType.Kind k = JavaWriter.primKind(p.pointer().pointee());
                String jt = Types.jni(k);
                w.nullCheck(call.checks, "holder");
                call.checks.append("    if ((*env)->GetArrayLength(env, holder) < 1) {\n        ").append(w.thrower("INDEX_OUT_OF_BOUNDS"))
                        .append(", \"holder is empty\");\n").append(CWriter.FAIL).append("    }\n");
                call.after.append("    {\n        ").append(jt).append(" out = (").append(jt).append(')').append(n).append("Value;\n")
                        .append("        (*env)->Set").append(CWriter.cap(Types.java(k))).append("ArrayRegion(env, holder, 0, 1, &out);\n    }\n");
            }
        }
    }

    /** A struct that crosses as the bytes of its record, checked against C's sizeof. */
    private abstract static class StructBytes implements AsBytes {
        @Override
        public void cross(CWriter w, CWriter.Call call, Binding.Param p) {
            String n = p.javaName();
            String st = w.structSpelling(p.type());
            w.nullCheck(call.checks, n);
            call.checks.append("    if ((*env)->GetArrayLength(env, ").append(n).append(") != (jsize)sizeof(").append(st)
                    .append(")) {\n        ").append(w.thrower("ILLEGAL_STATE")).append(", \"")
                    .append(n).append(": the Java layout of ").append(st).append(" differs from C's\");\n").append(CWriter.FAIL).append("    }\n");
            call.decls.append("    ").append(st).append(' ').append(n).append("Value;\n    memset(&").append(n).append("Value, 0, sizeof ")
                    .append(n).append("Value);\n");
            copy(call, n, st);
            call.args.add((p.byValue() ? "" : "&") + n + "Value");
        }

        /** Copies the bytes into the C struct before the call, or out of it after. */
        abstract void copy(CWriter.Call call, String n, String st);
    }

    /**
     * A struct's pointer members: their elements cross as Java arrays beside the struct's bytes. In, each array is
     * pinned with the call's others and C's pointer and count are set from it; out, C's count elements are copied
     * into a new array that lands in a one-element holder (the C memory is borrowed: copied, never freed).
     */
    static final class PointerMembers {
        private PointerMembers() {}

        /** The JNI array type of a pointer member's elements. */
        static String jniArray(Binding.Component c) {
            return CWriter.jniArray(Types.arrayElement(c.kind()));
        }

        /** The holder arrays Java allocates for C's copies, named prefix_member. */
        static void javaHolders(JavaWriter.Call call, Binding.BoundStruct s, String prefix) {
            for (Binding.Component c : s.pointers()) {
                String t = Types.arrayElement(c.kind());
                call.body.append("        ").append(t).append("[][] ").append(prefix).append('_').append(c.javaName()).append(" = new ")
                        .append(t).append("[1][];\n");
            }
        }

        static void javaHolderArgs(JavaWriter.Call call, Binding.BoundStruct s, String prefix) {
            for (Binding.Component c : s.pointers()) {
                call.args.add(prefix + "_" + c.javaName());
            }
        }

        /** The record made of C's bytes and the copied elements. */
        static String javaUnpack(Binding.BoundStruct s, String bytes, String prefix) {
            if (s.pointers().isEmpty()) {
                return s.javaName() + ".unpack(" + bytes + ")[0]";
            }
            StringBuilder e = new StringBuilder(s.javaName()).append(".unpack(").append(bytes);
            for (Binding.Component c : s.pointers()) {
                e.append(", ").append(prefix).append('_').append(c.javaName()).append("[0]");
            }
            return e.append(')').toString();
        }

        static void nativeHolderParams(Binding.BoundStruct s, String prefix, List<String> ps) {
            for (Binding.Component c : s.pointers()) {
                ps.add(Types.arrayElement(c.kind()) + "[][] " + prefix + "_" + c.javaName());
            }
        }

        static void jniHolderParams(Binding.BoundStruct s, String prefix, List<String> params) {
            for (Binding.Component c : s.pointers()) {
                params.add("jobjectArray " + prefix + "_" + c.javaName());
            }
        }

        /** Checks each holder before the call and, after it, copies the elements source's members point to. */
        static void cCopyOut(CWriter w, CWriter.Call call, Binding.BoundStruct s, String prefix, String source) {
            String fn = call.f.c().name();
            for (Binding.Component c : s.pointers()) {
                String h = prefix + "_" + c.javaName();
                Binding.PointerMember pm = c.pointer();
                w.nullCheck(call.checks, h);
                call.checks.append("    if ((*env)->GetArrayLength(env, ").append(h).append(") < 1) {\n        ").append(w.thrower("INDEX_OUT_OF_BOUNDS"))
                        .append(", \"").append(h).append(" is empty\");\n").append(CWriter.FAIL).append("    }\n");
                String ptr = source + "." + c.cName();
                String count = h + "Count";
                // Widened first: a comparison of the count's own type could be always false, which -Wextra reports.
                boolean signed = pm.lengthKind().signed;
                String wide = signed ? "long long" : "unsigned long long";
                String fmt = signed ? "%lld" : "%llu";
                String e = Types.arrayElement(c.kind());
                StringBuilder a = call.after;
                a.append("    {\n        ").append(wide).append(' ').append(count).append(" = (").append(wide).append(')').append(source)
                        .append('.').append(pm.lengthCName()).append(";\n");
                a.append("        if (").append(signed ? count + " < 0 || " : "").append(count).append(" > (").append(wide).append(")INT32_MAX) {\n")
                        .append("            ").append(w.thrower("ILLEGAL_STATE")).append(", \"").append(fn).append(": ").append(c.cName()).append(" has ")
                        .append(pm.lengthCName()).append(" = ").append(fmt).append(" elements, which no Java array can hold\", ").append(count)
                        .append(");\n    ").append(CWriter.FAIL).append("        }\n");
                a.append("        if (").append(ptr).append(" == NULL && ").append(count).append(" != 0) {\n            ").append(w.thrower("ILLEGAL_STATE"))
                        .append(", \"").append(fn).append(": ").append(c.cName()).append(" is NULL but ").append(pm.lengthCName()).append(" is ")
                        .append(fmt).append("\", ").append(count).append(");\n    ").append(CWriter.FAIL).append("        }\n");
                a.append("        ").append(jniArray(c)).append(' ').append(h).append("J = (*env)->New").append(CWriter.cap(e)).append("Array(env, (jsize)")
                        .append(count).append(");\n        if (").append(h).append("J == NULL) {\n    ").append(CWriter.FAIL).append("        }\n");
                a.append("        if (").append(count).append(" != 0) {\n            (*env)->Set").append(CWriter.cap(e)).append("ArrayRegion(env, ").append(h)
                        .append("J, 0, (jsize)").append(count).append(", (const j").append(e).append(" *)").append(ptr).append(");\n        }\n");
                a.append("        (*env)->SetObjectArrayElement(env, ").append(h).append(", 0, ").append(h).append("J);\n");
                a.append("        (*env)->DeleteLocalRef(env, ").append(h).append("J);\n    }\n");
            }
        }
    }

    /** A struct by value or by const pointer; its pointer members' arrays follow its bytes. */
    private static final class StructIn extends StructBytes {
        @Override
        public String javaType(JavaWriter w, Binding.Param p) {
            return w.structOf(p.type()).javaName();
        }

        @Override
        public void javaSignature(JavaWriter w, Binding.Param p, boolean slices, List<String> sig) {
            sig.add(javaType(w, p) + " " + p.javaName());
        }

        @Override
        public void javaCheck(JavaWriter w, JavaWriter.Call call, Binding.Param p) {
            String n = p.javaName();
            call.body.append("        byte[] ").append(n).append("C = ").append(w.structOf(p.type()).javaName()).append(".pack(")
                    .append(n).append(", \"").append(n).append("\");\n");
        }

        @Override
        public void javaArgument(JavaWriter w, JavaWriter.Call call, Binding.Param p) {
            super.javaArgument(w, call, p);
            Binding.BoundStruct s = w.structOf(p.type());
            for (Binding.Component c : s.pointers()) {
                call.args.add(s.javaName() + "." + c.javaName() + "Elements(" + p.javaName() + ")");
            }
        }

        @Override
        public void nativeParams(JavaWriter w, Binding.Function f, Binding.Param p, List<String> ps) {
            super.nativeParams(w, f, p, ps);
            for (Binding.Component c : w.structOf(p.type()).pointers()) {
                ps.add(Types.arrayElement(c.kind()) + "[] " + p.javaName() + "_" + c.javaName());
            }
        }

        @Override
        public void jniParams(CWriter w, Binding.Function f, Binding.Param p, List<String> params) {
            super.jniParams(w, f, p, params);
            for (Binding.Component c : w.structOf(p.type()).pointers()) {
                params.add(PointerMembers.jniArray(c) + " " + p.javaName() + "_" + c.javaName());
            }
        }

        @Override
        public void cross(CWriter w, CWriter.Call call, Binding.Param p) {
            super.cross(w, call, p);
            String n = p.javaName();
            for (Binding.Component c : w.structOf(p.type()).pointers()) {
                Binding.PointerMember pm = c.pointer();
                String a = n + "_" + c.javaName();
                String what = n + "." + c.javaName();
                StringBuilder checks = call.checks;
                call.decls.append("    jsize ").append(a).append("Length = 0;\n");
                if (!pm.nullable()) {
                    checks.append("    if (jbk_check_not_null(env, ").append(a).append(", \"").append(what).append("\") != 0) {\n")
                            .append(CWriter.FAIL).append("    }\n");
                }
                checks.append("    if (").append(a).append(" != NULL) {\n        ").append(a).append("Length = (*env)->GetArrayLength(env, ")
                        .append(a).append(");\n    }\n");
                // The natives can be called directly: the count's type is checked here too, not only by the record.
                checks.append("    if ((long long)(").append(pm.lengthSpelling()).append(')').append(a).append("Length != (long long)").append(a)
                        .append("Length) {\n        ").append(w.thrower("ILLEGAL_ARGUMENT")).append(", \"").append(what)
                        .append(" has %d elements, more than C's ").append(pm.lengthSpelling()).append(' ').append(pm.lengthCName())
                        .append(" can count\", (int)").append(a).append("Length);\n").append(CWriter.FAIL).append("    }\n");
                w.pin(call, a, "sizeof(j" + Types.arrayElement(c.kind()) + ")", "0", a + "Length", true,
                        pm.nullable() ? a + " != NULL" : null, what);
                checks.append("    ").append(n).append("Value.").append(pm.lengthCName()).append(" = (").append(pm.lengthSpelling()).append(')')
                        .append(a).append("Length;\n");
                call.beforeCall.append("    ").append(n).append("Value.").append(c.cName()).append(" = (").append(pm.spelling()).append(')')
                        .append(a).append("Data;\n");
            }
        }

        @Override
        void copy(CWriter.Call call, String n, String st) {
            call.checks.append("    (*env)->GetByteArrayRegion(env, ").append(n).append(", 0, (jsize)sizeof(").append(st)
                    .append("), (jbyte *)&").append(n).append("Value);\n");
        }
    }

    /** A non-const pointer to one struct C fills: Java allocates its bytes. */
    private static final class StructOut extends StructBytes {
        @Override
        public void javaAllocate(JavaWriter w, JavaWriter.Call call, Binding.Param p) {
            call.body.append("        byte[] ").append(p.javaName()).append("C = new byte[").append(w.structOf(p.type()).javaName()).append(".SIZE];\n");
            PointerMembers.javaHolders(call, w.structOf(p.type()), p.javaName());
        }

        @Override
        public void javaArgument(JavaWriter w, JavaWriter.Call call, Binding.Param p) {
            super.javaArgument(w, call, p);
            PointerMembers.javaHolderArgs(call, w.structOf(p.type()), p.javaName());
        }

        @Override
        public void nativeParams(JavaWriter w, Binding.Function f, Binding.Param p, List<String> ps) {
            super.nativeParams(w, f, p, ps);
            PointerMembers.nativeHolderParams(w.structOf(p.type()), p.javaName(), ps);
        }

        @Override
        public void jniParams(CWriter w, Binding.Function f, Binding.Param p, List<String> params) {
            super.jniParams(w, f, p, params);
            PointerMembers.jniHolderParams(w.structOf(p.type()), p.javaName(), params);
        }

        @Override
        public void cross(CWriter w, CWriter.Call call, Binding.Param p) {
            super.cross(w, call, p);
            PointerMembers.cCopyOut(w, call, w.structOf(p.type()), p.javaName(), p.javaName() + "Value");
        }

        @Override
        void copy(CWriter.Call call, String n, String st) {
            call.after.append("    (*env)->SetByteArrayRegion(env, ").append(n).append(", 0, (jsize)sizeof(").append(st)
                    .append("), (const jbyte *)&").append(n).append("Value);\n");
        }
    }

    /** A pointer to an opaque type: a handle object in Java, its address across JNI, never NULL in C. */
    private static final class Handle extends Passed {
        @Override
        public String javaType(JavaWriter w, Binding.Param p) {
            return w.handleOf(p.type()).javaName();
        }

        @Override
        public void javaCheck(JavaWriter w, JavaWriter.Call call, Binding.Param p) {
            String n = p.javaName();
            call.body.append("        long ").append(n).append("Address = Objects.requireNonNull(").append(n).append(", \"")
                    .append(n).append("\").address();\n");
        }

        @Override
        public void javaArgument(JavaWriter w, JavaWriter.Call call, Binding.Param p) {
            call.args.add(p.javaName() + "Address");
        }

        @Override
        public void nativeParams(JavaWriter w, Binding.Function f, Binding.Param p, List<String> ps) {
            ps.add("long " + p.javaName());
        }

        @Override
        public void jniParams(CWriter w, Binding.Function f, Binding.Param p, List<String> params) {
            params.add("jlong " + p.javaName());
        }

        @Override
        public void cross(CWriter w, CWriter.Call call, Binding.Param p) {
            String n = p.javaName();
            call.checks.append("    if (").append(n).append(" == 0) {\n        ").append(w.thrower("NULL_POINTER"))
                    .append(", \"").append(n).append(" is a NULL handle\");\n").append(CWriter.FAIL).append("    }\n");
            call.args.add("(" + p.type().spelling() + ")(intptr_t)" + n);
        }
    }

    /**
     * A function pointer: the Java caller passes an implementation of the generated interface; C gets the
     * callback type's trampoline, and as user data a registry token (the kit's jbk_callback_open), closed
     * right after the C call, which rethrows what the callback threw.
     */
    private static final class CallbackParam extends Passed {
        @Override
        public String javaType(JavaWriter w, Binding.Param p) {
            return w.callbackOf(p).javaName();
        }

        @Override
        public void javaCheck(JavaWriter w, JavaWriter.Call call, Binding.Param p) {
            call.body.append("        Objects.requireNonNull(").append(p.javaName()).append(", \"").append(p.javaName()).append("\");\n");
        }

        @Override
        public void javaArgument(JavaWriter w, JavaWriter.Call call, Binding.Param p) {
            call.args.add(p.javaName());
        }

        @Override
        public void nativeParams(JavaWriter w, Binding.Function f, Binding.Param p, List<String> ps) {
            ps.add(javaType(w, p) + " " + p.javaName());
        }

        @Override
        public void jniParams(CWriter w, Binding.Function f, Binding.Param p, List<String> params) {
            params.add("jobject " + p.javaName());
        }

        @Override
        public void cross(CWriter w, CWriter.Call call, Binding.Param p) {
            String n = p.javaName();
            call.decls.append("    void *").append(n).append("Token = NULL;\n");
            call.checks.append("    if (jbk_callback_open(env, ").append(n).append(", &").append(n).append("Token, \"").append(n)
                    .append("\") != 0) {\n").append(CWriter.FAIL).append("    }\n");
            call.args.add(w.trampoline(w.callbackOf(p)));
            call.closes.append("    if (jbk_callback_close(env, ").append(n).append("Token) != 0) {\n        ").append(n)
                    .append("Token = NULL;\n").append(CWriter.FAIL).append("    }\n    ").append(n).append("Token = NULL;\n");
            // On a path that failed before the call (nothing ran, nothing to rethrow), the token is closed too.
            call.frees.append("    if (").append(n).append("Token != NULL) {\n        jbk_callback_close(env, ").append(n)
                    .append("Token);\n    }\n");
        }
    }

    /** The callback's user data: the registry token of the function's callback parameter. */
    private static final class UserData implements ParamCrossing {
        @Override
        public void cross(CWriter w, CWriter.Call call, Binding.Param p) {
            String cb = call.f.params().stream().filter(q -> q.cName().equals(p.lengthParam())).findFirst().orElseThrow().javaName();
            call.args.add(cb + "Token");
        }
    }

    /** A parameter fixed by the config: C gets its expression, spelled in C so the compiler checks its type. */
    private static final class Constant implements ParamCrossing {
        @Override
        public void cross(CWriter w, CWriter.Call call, Binding.Param p) {
            call.args.add("(" + p.lengthParam() + ")");
        }
    }

    /**
     * A const char * that may be null: strict UTF-8 with its NUL, or null for C's NULL. Copied rather than
     * pinned, since a pin set cannot hold a null array.
     */
    private static final class NullableStr extends Passed implements AsBytes {
        @Override
        public String javaType(JavaWriter w, Binding.Param p) {
            return "String";
        }

        @Override
        public void javaCheck(JavaWriter w, JavaWriter.Call call, Binding.Param p) {
            String n = p.javaName();
            call.body.append("        byte[] ").append(n).append("C = ").append(n).append(" == null ? null : cString(").append(n)
                    .append(", \"").append(n).append("\");\n");
        }

        @Override
        public void cross(CWriter w, CWriter.Call call, Binding.Param p) {
            String n = p.javaName();
            call.decls.append("    char *").append(n).append("Data = NULL;\n");
            call.checks.append("    if (").append(n).append(" != NULL) {\n        size_t copied = 0;\n        ").append(n)
                    .append("Data = jbk_copy_bytes(env, ").append(n).append(", &copied, \"").append(n).append("\");\n        if (")
                    .append(n).append("Data == NULL) {\n    ").append(CWriter.FAIL).append("        }\n        if (copied == 0 || ")
                    .append(n).append("Data[copied - 1] != 0) {\n            ").append(w.thrower("ILLEGAL_ARGUMENT")).append(", \"")
                    .append(n).append(" is not NUL-terminated\");\n    ").append(CWriter.FAIL).append("        }\n    }\n");
            call.frees.append("    free(").append(n).append("Data);\n");
            call.args.add("(" + p.type().spelling() + ")" + n + "Data");
        }
    }

    /**
     * A one-element array the caller passes for C's output to land in (a handle, a string): refused when null or
     * empty, in Java and again in C, since the natives can be called directly.
     */
    private abstract static class OutSlot extends Passed {
        /** The Java check; what names what C writes, for the message. */
        static void javaSlot(JavaWriter.Call call, String n, String what) {
            call.body.append("        Objects.requireNonNull(").append(n).append(", \"").append(n).append("\");\n");
            call.body.append("        if (").append(n).append(".length < 1) {\n            throw new IllegalArgumentException(\"")
                    .append(n).append(" has no room for the ").append(what).append(" C writes\");\n        }\n");
        }

        /** The C check, and the variable of type cType through which C writes (its address is the argument). */
        static void cSlot(CWriter w, CWriter.Call call, String n, String cType) {
            w.nullCheck(call.checks, n);
            call.checks.append("    if ((*env)->GetArrayLength(env, ").append(n).append(") < 1) {\n        ").append(w.thrower("INDEX_OUT_OF_BOUNDS"))
                    .append(", \"").append(n).append(" is empty\");\n").append(CWriter.FAIL).append("    }\n");
            call.decls.append("    ").append(cType).append(' ').append(n).append("Value = NULL;\n");
            call.args.add("&" + n + "Value");
        }
    }

    /**
     * T ** for an opaque T: the caller passes a one-element array of the handle class; C's handle lands in it
     * once the native returned or threw (a finally block), so a handle C wrote is never left without an owner,
     * even when the status says failure (sqlite3_open_v2 returns a handle to close along with its error).
     */
    private static final class HandleOut extends OutSlot {
        @Override
        public String javaType(JavaWriter w, Binding.Param p) {
            return w.handleOf(p.pointer().pointee()).javaName() + "[]";
        }

        @Override
        public void javaCheck(JavaWriter w, JavaWriter.Call call, Binding.Param p) {
            String n = p.javaName();
            javaSlot(call, n, "handle");
            call.body.append("        long[] ").append(n).append("Address = new long[1];\n");
        }

        @Override
        public void javaArgument(JavaWriter w, JavaWriter.Call call, Binding.Param p) {
            call.args.add(p.javaName() + "Address");
        }

        @Override
        public void javaFinally(JavaWriter w, JavaWriter.Call call, Binding.Param p) {
            String n = p.javaName();
            Binding.Function free = w.functionNamed(call.f.freeWith());
            call.finallyBody.append("            ").append(n).append("[0] = ").append(n).append("Address[0] == 0 ? null : new ")
                    .append(w.handleOf(p.pointer().pointee()).javaName()).append('(').append(n).append("Address[0], ")
                    .append(free == null ? "null" : w.nat() + "::" + free.javaName()).append(");\n");
        }

        @Override
        public void nativeParams(JavaWriter w, Binding.Function f, Binding.Param p, List<String> ps) {
            ps.add("long[] " + p.javaName());
        }

        @Override
        public void jniParams(CWriter w, Binding.Function f, Binding.Param p, List<String> params) {
            params.add("jlongArray " + p.javaName());
        }

        @Override
        public void cross(CWriter w, CWriter.Call call, Binding.Param p) {
            String n = p.javaName();
            cSlot(w, call, n, CWriter.pointeeSpelling(p));
            // Before anything that may leave an exception pending (a callback's rethrow), and whatever the status.
            call.closes.insert(0, "    {\n        jlong " + n + "Out = (jlong)(intptr_t)" + n + "Value;\n        (*env)->SetLongArrayRegion(env, "
                    + n + ", 0, 1, &" + n + "Out);\n    }\n");
        }
    }

    /**
     * char ** through which C hands back a string the caller owns: Java passes a one-element String[], C's
     * string is copied into it (null when C wrote NULL) and always freed with the configured function, also
     * when the call failed or a callback's exception is on its way.
     */
    private static final class StringOut extends OutSlot {
        @Override
        public String javaType(JavaWriter w, Binding.Param p) {
            return "String[]";
        }

        @Override
        public void javaCheck(JavaWriter w, JavaWriter.Call call, Binding.Param p) {
            String n = p.javaName();
            javaSlot(call, n, "string");
            call.body.append("        ").append(n).append("[0] = null;\n");
        }

        @Override
        public void javaArgument(JavaWriter w, JavaWriter.Call call, Binding.Param p) {
            call.args.add(p.javaName());
        }

        @Override
        public void nativeParams(JavaWriter w, Binding.Function f, Binding.Param p, List<String> ps) {
            ps.add("String[] " + p.javaName());
        }

        @Override
        public void jniParams(CWriter w, Binding.Function f, Binding.Param p, List<String> params) {
            params.add("jobjectArray " + p.javaName());
        }

        @Override
        public void cross(CWriter w, CWriter.Call call, Binding.Param p) {
            String n = p.javaName();
            cSlot(w, call, n, "char *");
            // After the callback tokens closed: copied only when no exception is pending (a rethrow leaves by done).
            call.closes.append("    if (").append(n).append("Value != NULL && !(*env)->ExceptionCheck(env)) {\n        jstring ").append(n)
                    .append("J = jbk_new_string_utf8(env, ").append(n).append("Value, strlen(").append(n).append("Value), \"").append(n)
                    .append("\");\n        if (").append(n).append("J == NULL) {\n    ").append(CWriter.FAIL).append("        }\n")
                    .append("        (*env)->SetObjectArrayElement(env, ").append(n).append(", 0, ").append(n).append("J);\n")
                    .append("        (*env)->DeleteLocalRef(env, ").append(n).append("J);\n    }\n");
            call.frees.append("    if (").append(n).append("Value != NULL) {\n        ").append(p.lengthParam()).append("((void *)")
                    .append(n).append("Value);\n    }\n");
        }
    }
}
