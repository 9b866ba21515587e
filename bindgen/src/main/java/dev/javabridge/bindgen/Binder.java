package dev.javabridge.bindgen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides how each declaration crosses the boundary, or why it cannot. A declaration that is
 * selected but cannot be bound is reported with its reason; it is never dropped silently.
 */
final class Binder {
    private final HeaderModel model;
    private final Macros macros;
    private final Config config;
    private final TypeResolver types;
    private final Binding out = new Binding();
    private final Map<String, Binding.BoundStruct> structs = new HashMap<>();
    private final Map<String, String> structFailures = new HashMap<>();
    /** Bound structs whose layout differs on LLP64 (Windows), with the first member that makes it so. */
    private final Map<String, String> perTargetStructs = new HashMap<>();

    /** Why a declaration is right on LP64 targets only. */
    static final String LLP64 = "64 bits on Linux and macOS (LP64), 32 on Windows (LLP64); the generated Java assumes 64, "
            + "so a Windows build fails its layout check";

    Binder(HeaderModel model, Macros macros, Config config) {
        this.model = model;
        this.macros = macros;
        this.config = config;
        Map<String, String> structNames = new HashMap<>();
        model.structs.keySet().forEach(n -> structNames.put(n, n));
        Map<String, String> enumNames = new HashMap<>();
        model.enums.forEach(e -> enumNames.put(e.name(), e.name()));
        this.types = new TypeResolver(model.typedefs, structNames, enumNames);
    }

    Binding bind() {
        validate();
        constants();
        codes();
        for (HeaderModel.StructDef s : model.structs.values()) {
            if (Config.selected(s.name(), config.allowTypes, config.blockTypes) && s.complete()
                    && !config.opaqueTypes.contains(s.name())) {
                struct(s.name(), 0);
            }
        }
        for (String opaque : config.opaqueTypes) {
            out.handles.put(opaque, new Binding.Handle(opaque, Types.pascal(opaque)));
        }
        java.util.Set<String> freers = new java.util.HashSet<>();
        config.functions.values().forEach(o -> {
            if (o.freeWith != null) {
                freers.add(o.freeWith);
            }
        });
        for (HeaderModel.Function f : model.functions) {
            boolean freer = freers.contains(f.name());
            if (freer || Config.selected(f.name(), config.allowFunctions, config.blockFunctions)) {
                try {
                    Binding.Function bf = function(f);
                    if (freer) {
                        // A free function is reached only through what it frees (a handle's close(),
                        // or the glue after copying a string), so Java code cannot free twice.
                        if (bf.params().size() != 1 || bf.params().get(0).kind() != Binding.Kind.HANDLE) {
                            continue;
                        }
                        bf = new Binding.Function(bf.c(), bf.javaName(), bf.params(), bf.returnType(), bf.status(), bf.codes(),
                                bf.result(), bf.resultParam(), bf.freeWith(), bf.freeParamSpelling(), true, null);
                    }
                    out.functions.add(bf);
                } catch (Refused r) {
                    if (!freer) {
                        out.unsupported.add(new Report.Item("function", f.name(), r.getMessage()));
                    }
                }
            }
        }
        for (Macros.Rejected r : macros.rejected) {
            if (Config.selected(r.name().replaceAll("\\(.*", ""), config.allowMacros, config.blockMacros)) {
                out.unsupported.add(new Report.Item("macro", r.name(), r.reason()));
            }
        }
        for (Map.Entry<String, String> e : structFailures.entrySet()) {
            out.unsupported.add(new Report.Item("struct", e.getKey(), e.getValue()));
        }
        return out;
    }

    /** Options naming what the header does not declare are mistakes (a typo would otherwise be ignored). */
    private void validate() {
        for (String name : config.functions.keySet()) {
            if (model.functions.stream().noneMatch(f -> f.name().equals(name))) {
                throw new IllegalArgumentException("the config has options for function " + name + ", which the header does not declare");
            }
        }
        for (String name : config.opaqueTypes) {
            if (!model.structs.containsKey(name)) {
                throw new IllegalArgumentException("opaqueTypes names " + name + ", which is not a struct of the header");
            }
        }
        config.structs.forEach((struct, so) -> {
            HeaderModel.StructDef def = model.structs.get(struct);
            if (def == null || !def.complete()) {
                throw new IllegalArgumentException("the config has options for struct " + struct + ", which the header does not define");
            }
            Map<String, String> lengthUsers = new HashMap<>();
            so.members.forEach((member, mo) -> {
                String where = "structs." + struct + ".members." + member + ": ";
                HeaderModel.Field f = field(def, member);
                if (f == null) {
                    throw new IllegalArgumentException(where + "struct " + struct + " has no member " + member);
                }
                if (!(scalarize(types.resolve(f.spelling())) instanceof HeaderType.Pointer ptr)
                        || !(scalarize(ptr.pointee()) instanceof HeaderType.Prim el) || el.kind() == HeaderType.Kind.BOOL) {
                    throw new IllegalArgumentException(where + "member " + member + " of struct " + struct + " has type " + f.spelling()
                            + ", which is not a pointer to integers or floating-point values");
                }
                if (mo.length == null) {
                    throw new IllegalArgumentException(where + "no length: name the member that holds its element count");
                }
                HeaderModel.Field len = field(def, mo.length);
                if (len == null) {
                    throw new IllegalArgumentException(where + "the length member " + mo.length + " is not a member of struct " + struct);
                }
                if (len.bitField() || !Types.isInteger(scalarize(types.resolve(len.spelling())))) {
                    throw new IllegalArgumentException(where + "the length member " + mo.length + " of struct " + struct + " has type "
                            + len.spelling() + ", which is not an integer type");
                }
                if (so.members.containsKey(mo.length)) {
                    throw new IllegalArgumentException(where + "the length member " + mo.length + " of struct " + struct
                            + " is itself a pointer member");
                }
                String other = lengthUsers.put(mo.length, member);
                if (other != null) {
                    // Two arrays would have to be kept the same length in Java and C: not generated.
                    throw new IllegalArgumentException(where + "members " + other + " and " + member + " of struct " + struct
                            + " share the length member " + mo.length + ", which is not supported: give each its own");
                }
            });
        });
        for (String pattern : config.status.functions) {
            if (model.functions.stream().noneMatch(f -> Config.matchesAny(f.name(), java.util.List.of(pattern)))) {
                throw new IllegalArgumentException("status.functions pattern " + pattern + " matches no function of the header");
            }
        }
    }

    private static HeaderModel.Field field(HeaderModel.StructDef def, String name) {
        return def.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }

    /** Whether struct t (by value or behind a pointer) has pointer members, whose arrays cross beside its bytes. */
    private boolean hasPointers(HeaderType t) {
        HeaderType s = t instanceof HeaderType.Pointer p ? p.pointee() : t;
        return s instanceof HeaderType.StructRef r && structs.containsKey(r.name()) && !structs.get(r.name()).pointers().isEmpty();
    }

    /** Names the generated Java and C code use for its own locals; a parameter so named gets a trailing underscore. */
    private static final java.util.Set<String> RESERVED = java.util.Set.of("env", "cls", "result", "rc", "cResult", "holder",
            "returned", "packed", "status", "address", "len", "last", "out");

    private static String javaParamName(String cName) {
        String n = Types.safe(Types.camel(cName));
        return RESERVED.contains(n) ? n + "_" : n;
    }

    /** The kit's JBK_PINS_MAX (include/javabridge/jnikit/pins.h): the arrays one call can pin together. */
    static final int PINS_MAX = 16;

    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason);
        }
    }

    private void constants() {
        for (Macros.Constant c : macros.constants) {
            if (Config.selected(c.name(), config.allowMacros, config.blockMacros)) {
                out.constants.add(new Binding.Constant(c.name(), c.value(), "#define " + c.name() + " " + c.body()));
            }
        }
        for (HeaderModel.EnumDef e : model.enums) {
            if (!Config.selected(e.name(), config.allowTypes, config.blockTypes)) {
                continue;
            }
            for (HeaderModel.EnumConstant c : e.constants()) {
                Object v = c.value() == (int) c.value() ? (Object) (int) c.value() : (Object) c.value();
                out.constants.add(new Binding.Constant(c.name(), v, "enum " + e.name()));
            }
        }
    }

    private long code(String text) {
        for (Binding.Constant c : out.constants) {
            if (c.name().equals(text) && c.value() instanceof Number n) {
                return n.longValue();
            }
        }
        for (Macros.Constant c : macros.constants) {
            if (c.name().equals(text) && c.value() instanceof Number n) {
                return n.longValue();
            }
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("status code '" + text + "' is neither a number nor an integer constant of the header");
        }
    }

    private Map<Long, Config.ExceptionSpec> codeMap(Map<String, Config.ExceptionSpec> specs) {
        Map<Long, Config.ExceptionSpec> m = new LinkedHashMap<>();
        specs.forEach((k, v) -> m.put(code(k), v));
        return m;
    }

    private void codes() {
        out.globalCodes = codeMap(config.status.codes);
        out.successCodes = new ArrayList<>();
        for (String s : config.status.success) {
            out.successCodes.add(code(s));
        }
        if (out.successCodes.isEmpty()) {
            out.successCodes.add(0L);
        }
        out.codeNames = new LinkedHashMap<>();
        config.status.codes.keySet().forEach(k -> {
            if (!k.matches("-?\\d+")) {
                out.codeNames.putIfAbsent(code(k), k);
            }
        });
    }

    /** Binds a struct (and the structs it holds by value) or records why not; returns null when refused. */
    private Binding.BoundStruct struct(String name, int depth) {
        if (structs.containsKey(name)) {
            return structs.get(name);
        }
        if (structFailures.containsKey(name) || depth > 16) {
            return null;
        }
        HeaderModel.StructDef def = model.structs.get(name);
        String why = null;
        if (def == null || !def.complete()) {
            why = "incomplete type (declare it in opaqueTypes to pass it as a handle)";
        } else if (def.union()) {
            why = "union: Java cannot know which member is live";
        } else if (config.opaqueTypes.contains(name)) {
            why = "declared opaque";
        }
        List<Binding.Component> comps = new ArrayList<>();
        List<Binding.Leaf> leaves = new ArrayList<>();
        int offset = 0;
        int align = 1;
        Map<String, Config.MemberOptions> pointerMembers = why == null && config.structs.containsKey(name)
                ? config.structs.get(name).members : Map.of();
        Map<String, String> lengthMembers = new HashMap<>();
        pointerMembers.forEach((m, o) -> lengthMembers.put(o.length, m));
        // Each length member's offset, kind and spelling, for the pointer member that names it.
        Map<String, Binding.PointerMember> lengths = new HashMap<>();
        if (why == null) {
            for (HeaderModel.Field f : def.fields()) {
                if (f.bitField()) {
                    why = "bit-field " + f.name() + ": its bits have no address or offset that Java and C could agree on";
                    break;
                }
                if (f.name().isEmpty()) {
                    why = "anonymous member";
                    break;
                }
                if (lengthMembers.containsKey(f.name())) {
                    // Laid out where C has it, but no component: the Java array's length is its value.
                    HeaderType.Prim p = (HeaderType.Prim) scalarize(types.resolve(f.spelling()));
                    if (types.widthDiffersByTarget(f.spelling())) {
                        perTargetStructs.putIfAbsent(name, "member " + f.name() + " (" + f.spelling() + ") is " + LLP64);
                    }
                    offset = roundUp(offset, p.kind().size);
                    align = Math.max(align, p.kind().size);
                    lengths.put(f.name(), new Binding.PointerMember(null, f.name(), p.kind(), f.spelling(), offset, false, false));
                    note(p);
                    offset += p.kind().size;
                    continue;
                }
                if (pointerMembers.containsKey(f.name())) {
                    HeaderType.Pointer ptr = (HeaderType.Pointer) scalarize(types.resolve(f.spelling()));
                    HeaderType.Prim el = (HeaderType.Prim) scalarize(ptr.pointee());
                    if (types.widthDiffersByTarget(el.spelling())) {
                        perTargetStructs.putIfAbsent(name, "member " + f.name() + " (" + f.spelling() + ") points to " + el.spelling()
                                + ", which is " + LLP64);
                    }
                    // A data pointer: 8 bytes, 8-aligned, on every (64-bit) target javabridge builds for; the layout check says so.
                    offset = roundUp(offset, POINTER_SIZE);
                    align = Math.max(align, POINTER_SIZE);
                    comps.add(new Binding.Component(f.name(), Types.camel(f.name()), el.kind(), null, offset, 0,
                            new Binding.PointerMember(f.spelling(), null, null, null, -1, false, ptr.constPointee())));
                    note(el);
                    offset += POINTER_SIZE;
                    continue;
                }
                java.util.regex.Matcher array = FIXED_ARRAY.matcher(f.spelling().trim());
                if (array.matches()) {
                    String elementSpelling = array.group(1).trim();
                    HeaderType el = scalarize(types.resolve(elementSpelling));
                    long count = Long.parseLong(array.group(2));
                    if (elementSpelling.contains("[") || !(el instanceof HeaderType.Prim p) || count < 1 || count > 1 << 16) {
                        why = "field " + f.name() + " has type " + f.spelling() + ": only one-dimensional arrays of up to 65536 scalars are generated";
                        break;
                    }
                    if (types.widthDiffersByTarget(elementSpelling)) {
                        perTargetStructs.putIfAbsent(name, "member " + f.name() + " (" + f.spelling() + ") holds " + elementSpelling
                                + ", which is " + LLP64);
                    }
                    offset = roundUp(offset, p.kind().size);
                    align = Math.max(align, p.kind().size);
                    String jn = Types.camel(f.name());
                    comps.add(new Binding.Component(f.name(), jn, p.kind(), null, offset, (int) count));
                    leaves.add(new Binding.Leaf(f.name(), jn + "()", offset, p.kind(), (int) count));
                    note(p);
                    offset += (int) count * p.kind().size;
                    continue;
                }
                HeaderType t = types.resolve(f.spelling());
                t = scalarize(t);
                if (t instanceof HeaderType.Prim p) {
                    if (types.widthDiffersByTarget(f.spelling())) {
                        perTargetStructs.putIfAbsent(name, "member " + f.name() + " (" + f.spelling() + ") is " + LLP64);
                    }
                    offset = roundUp(offset, p.kind().size);
                    align = Math.max(align, p.kind().size);
                    comps.add(new Binding.Component(f.name(), Types.camel(f.name()), p.kind(), null, offset));
                    leaves.add(new Binding.Leaf(f.name(), Types.camel(f.name()) + "()", offset, p.kind()));
                    note(p);
                    offset += p.kind().size;
                } else if (t instanceof HeaderType.StructRef r) {
                    Binding.BoundStruct inner = struct(r.name(), depth + 1);
                    if (inner == null) {
                        why = "field " + f.name() + " is struct " + r.name() + ", which is not bound";
                        break;
                    }
                    if (!inner.pointers().isEmpty()) {
                        why = "field " + f.name() + " is struct " + r.name() + ", whose pointer members cross beside its bytes: "
                                + "a struct holding such a struct by value is not generated";
                        break;
                    }
                    if (perTargetStructs.containsKey(r.name())) {
                        perTargetStructs.putIfAbsent(name, "member " + f.name() + " holds struct " + r.name() + ", whose "
                                + perTargetStructs.get(r.name()));
                    }
                    offset = roundUp(offset, inner.align());
                    align = Math.max(align, inner.align());
                    comps.add(new Binding.Component(f.name(), Types.camel(f.name()), null, inner, offset));
                    for (Binding.Leaf l : inner.leaves()) {
                        leaves.add(new Binding.Leaf(f.name() + "." + l.cPath(), Types.camel(f.name()) + "()." + l.javaPath(),
                                offset + l.offset(), l.kind(), l.count()));
                    }
                    offset += inner.size();
                } else {
                    why = "field " + f.name() + " has type " + f.spelling() + ": " + reason(t);
                    break;
                }
            }
        }
        if (why != null) {
            structFailures.put(name, why);
            return null;
        }
        for (int i = 0; i < comps.size(); i++) {
            Binding.Component c = comps.get(i);
            if (c.pointer() != null) {
                Config.MemberOptions o = pointerMembers.get(c.cName());
                Binding.PointerMember len = lengths.get(o.length);
                comps.set(i, new Binding.Component(c.cName(), c.javaName(), c.kind(), null, c.offset(), 0,
                        new Binding.PointerMember(c.pointer().spelling(), len.lengthCName(), len.lengthKind(), len.lengthSpelling(),
                                len.lengthOffset(), Boolean.TRUE.equals(o.nullable), c.pointer().constPointee())));
            }
        }
        if (perTargetStructs.containsKey(name)) {
            out.perTarget.add(new Report.Item("struct", name, perTargetStructs.get(name)));
        }
        Binding.BoundStruct b = new Binding.BoundStruct(def, Types.pascal(name), comps, leaves, roundUp(offset, align), align);
        structs.put(name, b);
        out.structs.add(b);
        return b;
    }

    /** A data pointer's size and alignment as the Java side lays it out: every target javabridge builds for is 64-bit. */
    static final int POINTER_SIZE = 8;

    /** A member's fixed-size array type as clang spells it: "int32_t[4]", "unsigned char[16]". */
    private static final java.util.regex.Pattern FIXED_ARRAY = java.util.regex.Pattern.compile("^(.+?)\\s*\\[(\\d+)\\]$");

    private void note(HeaderType.Prim p) {
        out.scalarSpellings.put(p.spelling(), p.kind());
        out.laidOutSpellings.add(p.spelling());
    }

    /**
     * A scalar that the glue converts to and from a C variable of its own type (by value, through an out-pointer, a
     * callback's argument): its signedness is checked, but a width that differs by target (C's long) is right on each,
     * so its size is not, or a Windows build would fail its layout check for a long it handles correctly.
     */
    private void noteConverted(HeaderType.Prim p) {
        out.scalarSpellings.put(p.spelling(), p.kind());
        if (!types.widthDiffersByTarget(p.spelling())) {
            out.laidOutSpellings.add(p.spelling());
        }
    }

    private static int roundUp(int v, int a) {
        return (v + a - 1) / a * a;
    }

    private static String reason(HeaderType t) {
        if (t instanceof HeaderType.Unsupported u) {
            return u.reason();
        }
        if (t instanceof HeaderType.Pointer) {
            return "pointer member: who owns it and how long it lives is not in the header";
        }
        return "not a scalar or struct";
    }

    private Binding.Function function(HeaderModel.Function f) throws Refused {
        if (model.staticWithoutBody.contains(f.name())) {
            throw new Refused("static function without its definition in the header: the glue, which includes the header, "
                    + "could not call it");
        }
        if (f.variadic()) {
            throw new Refused("varargs: JNI cannot build a C variable argument list, and the callee's types are unknowable");
        }
        Config.FunctionOptions opt = config.options(f.name());
        boolean status = opt.status != null ? opt.status : Config.matchesAny(f.name(), config.status.functions);
        HeaderType ret = scalarize(types.resolve(f.returnSpelling()));
        if (status && !(ret instanceof HeaderType.Prim p && Types.isInteger(p) && p.kind().size <= 4 && p.kind().signed)) {
            throw new Refused("configured as returning a status code, but returns " + f.returnSpelling());
        }
        for (String a : opt.arrays.keySet()) {
            if (f.params().stream().noneMatch(p -> p.name().equals(a))) {
                throw new Refused("config names array parameter '" + a + "', which the function does not have");
            }
        }
        for (String c : opt.constants.keySet()) {
            if (f.params().stream().noneMatch(p -> p.name().equals(c))) {
                throw new Refused("config names constant parameter '" + c + "', which the function does not have");
            }
        }
        for (String c : opt.stringOut.keySet()) {
            if (f.params().stream().noneMatch(p -> p.name().equals(c))) {
                throw new Refused("config names stringOut parameter '" + c + "', which the function does not have");
            }
        }
        for (String c : opt.nullable) {
            if (f.params().stream().noneMatch(p -> p.name().equals(c))) {
                throw new Refused("config names nullable parameter '" + c + "', which the function does not have");
            }
        }
        Map<String, String> lengthOf = new HashMap<>();
        opt.arrays.forEach((arr, len) -> lengthOf.put(len, arr));
        List<Binding.Param> params = new ArrayList<>();
        for (HeaderModel.Param p : f.params()) {
            params.add(param(f, opt, p, lengthOf));
        }
        for (String len : opt.arrays.values()) {
            if (params.stream().noneMatch(p -> p.cName().equals(len))) {
                throw new Refused("config names length parameter '" + len + "', which the function does not have");
            }
        }
        for (String o : opt.outArrays) {
            Binding.Param a = params.stream().filter(p -> p.cName().equals(o)).findFirst()
                    .orElseThrow(() -> new Refused("outArrays names '" + o + "', which is not an array parameter"));
            if (params.stream().noneMatch(p -> p.kind() == Binding.Kind.ARRAY && !p.javaAllocated()
                    && a.lengthParam().equals(p.lengthParam()))) {
                throw new Refused("out array '" + o + "' needs another array sharing its count '" + a.lengthParam() + "' to size it");
            }
        }
        List<Binding.Param> results = new ArrayList<>();
        for (Binding.Param p : params) {
            if (p.kind() == Binding.Kind.OUT || p.kind() == Binding.Kind.LENGTH_INOUT || p.kind() == Binding.Kind.STRUCT_OUT
                    || (p.kind() == Binding.Kind.ARRAY && p.javaAllocated())) {
                results.add(p);
            }
        }
        long pinned = params.stream().filter(p -> p.kind() == Binding.Kind.STRING
                || (p.kind() == Binding.Kind.ARRAY && !(p.pointer().pointee() instanceof HeaderType.StructRef))).count();
        // The arrays of a struct's pointer members are pinned with the others.
        pinned += params.stream().filter(p -> p.kind() == Binding.Kind.STRUCT_IN)
                .mapToLong(p -> structs.get(((HeaderType.StructRef) (p.type() instanceof HeaderType.Pointer ptr ? ptr.pointee() : p.type()))
                        .name()).pointers().size()).sum();
        if (params.stream().anyMatch(p -> p.kind() == Binding.Kind.CALLBACK)
                && params.stream().anyMatch(p -> p.kind() == Binding.Kind.ARRAY
                        || (p.kind() == Binding.Kind.STRUCT_IN && hasPointers(p.type())))) {
            throw new Refused("arrays together with a callback: arrays are pinned critically, and a callback makes JNI calls");
        }
        if (pinned > PINS_MAX) {
            throw new Refused(pinned + " strings and arrays: the JNI kit pins at most " + PINS_MAX + " together (JBK_PINS_MAX)");
        }
        boolean cReturnsValue = !(ret instanceof HeaderType.Void) && !status;
        if (results.size() + (cReturnsValue ? 1 : 0) > 1) {
            throw new Refused("more than one result (return value and out-parameters " + results.stream().map(Binding.Param::cName).toList()
                    + "): Java returns one value");
        }
        Binding.ResultKind kind;
        Binding.Param resultParam = results.isEmpty() ? null : results.get(0);
        String freeWith = opt.freeWith;
        String freeSpelling = null;
        if (resultParam != null) {
            switch (resultParam.kind()) {
                case OUT: {
                    HeaderType.Kind k = ((HeaderType.Prim) resultParam.pointer().pointee()).kind();
                    kind = status && k.size <= 4 ? Binding.ResultKind.OUT_PACKED : Binding.ResultKind.OUT_HOLDER;
                    break;
                }
                case LENGTH_INOUT:
                    kind = status ? Binding.ResultKind.OUT_PACKED : Binding.ResultKind.OUT_LENGTH;
                    break;
                case STRUCT_OUT:
                    kind = Binding.ResultKind.OUT_STRUCT;
                    break;
                default:
                    kind = Binding.ResultKind.OUT_ARRAY;
            }
        } else if (ret instanceof HeaderType.Void || status) {
            kind = Binding.ResultKind.VOID;
        } else if (ret instanceof HeaderType.Prim p) {
            noteConverted(p);
            kind = Binding.ResultKind.RETURN;
        } else if (ret instanceof HeaderType.StructRef r) {
            if (struct(r.name(), 0) == null) {
                throw new Refused("returns struct " + r.name() + ", which is not bound: " + structFailures.get(r.name()));
            }
            kind = Binding.ResultKind.STRUCT_RETURN;
        } else if (ret instanceof HeaderType.Pointer p && p.pointee() instanceof HeaderType.StructRef r && out.handles.containsKey(r.name())) {
            kind = Binding.ResultKind.HANDLE_RETURN;
            if (freeWith != null) {
                checkFreer(freeWith, r.name());
            }
        } else if (ret instanceof HeaderType.Pointer p && opt.resultLength != null) {
            HeaderModel.Function len = model.functions.stream().filter(g -> g.name().equals(opt.resultLength)).findFirst().orElse(null);
            if (len == null || !len.params().stream().map(HeaderModel.Param::spelling).toList()
                    .equals(f.params().stream().map(HeaderModel.Param::spelling).toList())
                    || !Types.isInteger(scalarize(types.resolve(len.returnSpelling())))) {
                throw new Refused("resultLength names " + opt.resultLength + ", which is not a function taking the same parameters"
                        + " and returning an integer");
            }
            if (freeWith != null) {
                throw new Refused("resultLength results are borrowed: freeWith is not generated for them");
            }
            kind = Binding.ResultKind.SIZED_RETURN;
        } else if (ret instanceof HeaderType.Pointer p && isChar(p.pointee())) {
            kind = Binding.ResultKind.STRING_RETURN;
            if (freeWith != null) {
                HeaderModel.Function free = model.functions.stream().filter(g -> g.name().equals(opt.freeWith)).findFirst().orElse(null);
                if (free == null && !freeWith.equals("free")) {
                    throw new Refused("freeWith names " + freeWith + ", which the header does not declare");
                }
                freeSpelling = free == null ? "void *" : free.params().get(0).spelling();
            }
        } else if (ret instanceof HeaderType.Pointer) {
            throw new Refused("returns " + f.returnSpelling() + ": a pointer other than a string needs a length or a handle type");
        } else {
            throw new Refused("returns " + f.returnSpelling() + ": " + reason(ret));
        }
        boolean handleOut = params.stream().anyMatch(p -> p.kind() == Binding.Kind.HANDLE_OUT);
        if (freeWith != null && kind != Binding.ResultKind.STRING_RETURN && kind != Binding.ResultKind.HANDLE_RETURN && !handleOut) {
            throw new Refused("freeWith is set but the function neither returns a pointer nor writes a handle");
        }
        if (opt.resultLength != null && kind != Binding.ResultKind.SIZED_RETURN) {
            throw new Refused("resultLength is set but the function does not return a pointer");
        }
        if (ret instanceof HeaderType.Prim p && status) {
            noteConverted(p);
        }
        perTarget(f, params);
        Map<Long, Config.ExceptionSpec> codes = codeMap(opt.codes);
        String javaName = opt.javaName != null ? opt.javaName : Types.camel(f.name());
        if (javaName.equals(Binding.OS_ERROR_NATIVE)) {
            throw new Refused("its Java name " + javaName + " is the natives' own errno reader: set functions." + f.name() + ".javaName");
        }
        if (javaName.equals(Binding.ADDRESS_NATIVE)) {
            throw new Refused("its Java name " + javaName + " is the natives' own address table: set functions." + f.name() + ".javaName");
        }
        if (Boolean.TRUE.equals(opt.errno)) {
            if (!status && kind != Binding.ResultKind.VOID && kind != Binding.ResultKind.RETURN) {
                // The glue throws right after the call when errno is set, so a result it would own could leak.
                throw new Refused("errno without a status result is generated for scalar and void results only");
            }
            out.errno.add(f.name());
        }
        return new Binding.Function(f, javaName, params, ret, status, codes, kind, resultParam, freeWith, freeSpelling, false,
                kind == Binding.ResultKind.SIZED_RETURN ? opt.resultLength : null);
    }

    /**
     * Names what in f is laid out as on LP64 only: arrays of long (Java's 64-bit elements), structs holding one, a
     * callback returning long. A long by value or through an out-pointer is right everywhere (the glue converts it,
     * and refuses in C what does not fit the target's long), so it is not named.
     */
    private void perTarget(HeaderModel.Function f, List<Binding.Param> params) {
        List<String> why = new ArrayList<>();
        for (Binding.Param p : params) {
            HeaderType t = p.type() instanceof HeaderType.Pointer ptr ? ptr.pointee() : p.type();
            if (p.kind() == Binding.Kind.ARRAY && t instanceof HeaderType.Prim && types.widthDiffersByTarget(t.spelling())) {
                why.add("parameter " + p.cName() + " is an array of " + t.spelling() + ", which is " + LLP64);
            }
            if (t instanceof HeaderType.StructRef r && perTargetStructs.containsKey(r.name())) {
                why.add("parameter " + p.cName() + " is struct " + r.name() + ", whose " + perTargetStructs.get(r.name()));
            }
            if (p.kind() == Binding.Kind.CALLBACK) {
                Binding.Callback cb = out.callbacks.values().stream().filter(c -> c.type().equals(p.type())).findFirst().orElse(null);
                if (cb != null && cb.result() instanceof HeaderType.Prim && types.widthDiffersByTarget(cb.type().result().spelling())) {
                    why.add("parameter " + p.cName() + " is a callback returning " + cb.type().result().spelling()
                            + ", which is " + LLP64 + " (a Java result beyond 32 bits is cut there)");
                }
            }
        }
        HeaderType ret = types.resolve(f.returnSpelling());
        if (ret instanceof HeaderType.StructRef r && perTargetStructs.containsKey(r.name())) {
            why.add("it returns struct " + r.name() + ", whose " + perTargetStructs.get(r.name()));
        }
        for (String w : why) {
            out.perTarget.add(new Report.Item("function", f.name(), w));
        }
    }

    /** A handle's free function takes exactly one pointer to the handle's type. */
    private void checkFreer(String freeWith, String handle) throws Refused {
        HeaderModel.Function free = model.functions.stream().filter(g -> g.name().equals(freeWith)).findFirst().orElse(null);
        if (free == null || free.params().size() != 1
                || !(scalarize(types.resolve(free.params().get(0).spelling())) instanceof HeaderType.Pointer fp
                     && fp.pointee() instanceof HeaderType.StructRef fr && fr.name().equals(handle))) {
            throw new Refused("freeWith names " + freeWith + ", which is not a function taking one " + handle + " pointer");
        }
    }

    /** Enums cross as Java ints; C leaves an enum's signedness to the compiler, so only its width is checked. */
    private HeaderType scalarize(HeaderType t) {
        if (t instanceof HeaderType.EnumRef) {
            out.enumSpellings.add(t.spelling());
            return new HeaderType.Prim(HeaderType.Kind.INT, t.spelling());
        }
        return t;
    }

    private static boolean isUserData(HeaderType t) {
        return t instanceof HeaderType.Pointer ptr && !ptr.constPointee() && ptr.pointee() instanceof HeaderType.Void;
    }

    /**
     * A function pointer parameter: bound when its type hands a void * back (the user data through which the
     * trampoline finds the Java object) and the function takes a void * to pass on; refused otherwise, with why.
     */
    private Binding.Param callbackParam(HeaderModel.Function f, HeaderModel.Param p, HeaderType.FunctionPointer fp,
                                        String jn, String where) throws Refused {
        int userData = -1;
        for (int i = 0; i < fp.params().size(); i++) {
            if (isUserData(fp.params().get(i))) {
                if (userData >= 0) {
                    throw new Refused(where + ": a callback with two void * parameters: which one is the user data is ambiguous");
                }
                userData = i;
            }
        }
        if (userData < 0) {
            throw new Refused(where + ": function pointer without a void * user-data parameter: the trampoline could not "
                    + "tell which Java object to call (only a process-wide one could serve it, which javabridge does not generate)");
        }
        long userDataParams = f.params().stream().filter(q -> isUserData(types.resolve(q.spelling()))).count();
        if (userDataParams != 1) {
            throw new Refused(where + ": the function needs exactly one void * parameter to carry the callback's user data, has "
                    + userDataParams);
        }
        long callbacks = f.params().stream().filter(q -> types.resolve(q.spelling()) instanceof HeaderType.FunctionPointer).count();
        if (callbacks > 1) {
            throw new Refused(where + ": more than one callback in one function (one user data cannot serve two)");
        }
        String key = fp.typedefName() != null ? fp.typedefName() : f.name() + "." + p.name();
        Binding.Callback cb = out.callbacks.get(key);
        if (cb == null) {
            Config.CallbackOptions opt = config.callbacks.getOrDefault(key, new Config.CallbackOptions());
            List<Binding.Param> args = new ArrayList<>();
            for (int i = 0; i < fp.params().size(); i++) {
                if (i == userData) {
                    continue;
                }
                HeaderType a = scalarize(fp.params().get(i));
                String an = "arg" + i;
                if (a instanceof HeaderType.Prim pr) {
                    noteConverted(pr);
                    args.add(new Binding.Param(an, an, a, Binding.Kind.VALUE, null, false, true));
                } else if (a instanceof HeaderType.Pointer ptr && isChar(scalarize(ptr.pointee())) && ptr.constPointee()) {
                    args.add(new Binding.Param(an, an, a, Binding.Kind.STRING, null, false, false));
                } else if (opt.arrays.containsKey(an) && a instanceof HeaderType.Pointer ptr
                        && ptr.pointee() instanceof HeaderType.Pointer inner && isChar(scalarize(inner.pointee()))) {
                    String count = opt.arrays.get(an);
                    int ci = count.startsWith("arg") ? parseIndex(count.substring(3)) : -1;
                    if (ci < 0 || ci >= fp.params().size() || !Types.isInteger(scalarize(fp.params().get(ci)))) {
                        throw new Refused(where + ": callbacks." + key + ".arrays gives " + an + " the count " + count
                                + ", which is not an integer parameter of the callback");
                    }
                    args.add(new Binding.Param(an, an, a, Binding.Kind.STRING_ARRAY, count, false, false));
                } else {
                    throw new Refused(where + ": callback parameter " + (i + 1) + " (" + fp.params().get(i).spelling()
                            + ") is neither a scalar nor a const char * string");
                }
            }
            HeaderType r = scalarize(fp.result());
            if (!(r instanceof HeaderType.Prim || r instanceof HeaderType.Void)) {
                throw new Refused(where + ": callback returns " + fp.result().spelling() + ": only scalars and void are supported");
            }
            if (r instanceof HeaderType.Prim pr) {
                note(pr);
                if (opt.abort == null) {
                    throw new Refused(where + ": callback " + key + " returns " + fp.result().spelling() + ": set callbacks." + key
                            + ".abort in the config to the value that tells C to stop when the Java callback throws");
                }
            }
            String javaName = opt.javaName != null ? opt.javaName : Types.pascal(fp.typedefName() != null ? key : f.name() + "_" + p.name());
            cb = new Binding.Callback(key, javaName, fp, userData, args, r, opt.abort);
            out.callbacks.put(key, cb);
        }
        String ud = f.params().stream().filter(q -> isUserData(types.resolve(q.spelling()))).findFirst().orElseThrow().name();
        return new Binding.Param(p.name(), jn, fp, Binding.Kind.CALLBACK, ud, false, true);
    }

    private static int parseIndex(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isChar(HeaderType t) {
        return t instanceof HeaderType.Prim p && (p.kind() == HeaderType.Kind.CHAR);
    }

    private Binding.Param param(HeaderModel.Function f, Config.FunctionOptions opt, HeaderModel.Param p,
                                Map<String, String> lengthOf) throws Refused {
        HeaderType t = scalarize(types.resolve(p.spelling()));
        String jn = javaParamName(p.name());
        String where = "parameter " + p.name() + " (" + p.spelling() + ")";
        if (opt.constants.containsKey(p.name())) {
            return new Binding.Param(p.name(), jn, t, Binding.Kind.CONSTANT, opt.constants.get(p.name()), false, true);
        }
        if (opt.stringOut.containsKey(p.name())) {
            String free = opt.stringOut.get(p.name());
            if (!(t instanceof HeaderType.Pointer ptr && !ptr.constPointee() && ptr.pointee() instanceof HeaderType.Pointer inner
                    && !inner.constPointee() && isChar(scalarize(inner.pointee())))) {
                throw new Refused(where + " is named in stringOut but is not a char **");
            }
            if (!free.equals("free") && model.functions.stream().noneMatch(g -> g.name().equals(free) && g.params().size() == 1)) {
                throw new Refused(where + ": stringOut names " + free + ", which is not a function of the header taking one pointer");
            }
            return new Binding.Param(p.name(), jn, t, Binding.Kind.STRING_OUT, free, false, false);
        }
        if (opt.nullable.contains(p.name())) {
            if (!(t instanceof HeaderType.Pointer ptr && ptr.constPointee() && isChar(scalarize(ptr.pointee())))) {
                throw new Refused(where + " is named nullable but is not a const char * string");
            }
            return new Binding.Param(p.name(), jn, t, Binding.Kind.NULLABLE_STRING, null, false, false);
        }
        if (t instanceof HeaderType.FunctionPointer fp) {
            return callbackParam(f, p, fp, jn, where);
        }
        if (isUserData(t) && f.params().stream().anyMatch(q -> types.resolve(q.spelling()) instanceof HeaderType.FunctionPointer)) {
            String cb = f.params().stream().filter(q -> types.resolve(q.spelling()) instanceof HeaderType.FunctionPointer)
                    .findFirst().orElseThrow().name();
            return new Binding.Param(p.name(), jn, t, Binding.Kind.USER_DATA, cb, false, true);
        }
        if (lengthOf.containsKey(p.name())) {
            if (Types.isInteger(t)) {
                noteConverted((HeaderType.Prim) t);
                return new Binding.Param(p.name(), jn, t, Binding.Kind.LENGTH, null, false, true);
            }
            if (t instanceof HeaderType.Pointer ptr && !ptr.constPointee() && Types.isInteger(scalarize(ptr.pointee()))) {
                noteConverted((HeaderType.Prim) scalarize(ptr.pointee()));
                return new Binding.Param(p.name(), jn, t, Binding.Kind.LENGTH_INOUT, null, false, false);
            }
            throw new Refused(where + " is named as a length but is not an integer or a pointer to one");
        }
        if (opt.arrays.containsKey(p.name())) {
            if (!(t instanceof HeaderType.Pointer ptr)) {
                throw new Refused(where + " is configured as an array but is not a pointer");
            }
            HeaderType el = scalarize(ptr.pointee());
            boolean allocated = opt.outArrays.contains(p.name());
            if (allocated && ptr.constPointee()) {
                throw new Refused(where + " is an out array but points to const");
            }
            if (el instanceof HeaderType.Prim pr && pr.kind() != HeaderType.Kind.BOOL) {
                note(pr);
                return new Binding.Param(p.name(), jn, t, Binding.Kind.ARRAY, opt.arrays.get(p.name()), allocated, false);
            }
            if (el instanceof HeaderType.StructRef r) {
                if (struct(r.name(), 0) == null) {
                    throw new Refused(where + ": struct " + r.name() + " is not bound: " + structFailures.get(r.name()));
                }
                if (hasPointers(el)) {
                    throw new Refused(where + ": an array of struct " + r.name() + ", whose pointer members cross beside its bytes "
                            + "(arrays of such structs are not generated)");
                }
                if (!ptr.constPointee() && !allocated) {
                    throw new Refused(where + ": a mutable struct array that is not an out array (in-out struct arrays are not generated)");
                }
                return new Binding.Param(p.name(), jn, t, Binding.Kind.ARRAY, opt.arrays.get(p.name()), allocated, false);
            }
            throw new Refused(where + ": arrays of " + ptr.pointee().spelling() + " are not supported");
        }
        if (t instanceof HeaderType.Prim pr) {
            noteConverted(pr);
            return new Binding.Param(p.name(), jn, t, Binding.Kind.VALUE, null, false, true);
        }
        if (t instanceof HeaderType.StructRef r) {
            if (struct(r.name(), 0) == null) {
                throw new Refused(where + ": struct " + r.name() + " is not bound: " + structFailures.get(r.name()));
            }
            return new Binding.Param(p.name(), jn, t, Binding.Kind.STRUCT_IN, null, false, true);
        }
        if (t instanceof HeaderType.Pointer ptr) {
            HeaderType el = scalarize(ptr.pointee());
            if (isChar(el) && ptr.constPointee()) {
                return new Binding.Param(p.name(), jn, t, Binding.Kind.STRING, null, false, false);
            }
            if (el instanceof HeaderType.Prim pr && !ptr.constPointee()) {
                if (isChar(el)) {
                    throw new Refused(where + ": a mutable char buffer needs its length: name it in the function's \"arrays\"");
                }
                noteConverted(pr);
                return new Binding.Param(p.name(), jn, t, Binding.Kind.OUT, null, false, false);
            }
            if (el instanceof HeaderType.StructRef r && out.handles.containsKey(r.name())) {
                return new Binding.Param(p.name(), jn, t, Binding.Kind.HANDLE, null, false, false);
            }
            if (el instanceof HeaderType.Pointer inner && !ptr.constPointee() && inner.pointee() instanceof HeaderType.StructRef r
                    && out.handles.containsKey(r.name())) {
                if (opt.freeWith != null) {
                    checkFreer(opt.freeWith, r.name());
                }
                return new Binding.Param(p.name(), jn, t, Binding.Kind.HANDLE_OUT, null, false, false);
            }
            if (el instanceof HeaderType.StructRef r) {
                if (struct(r.name(), 0) == null) {
                    throw new Refused(where + ": struct " + r.name() + " is not bound: " + structFailures.get(r.name()));
                }
                return new Binding.Param(p.name(), jn, t,
                        ptr.constPointee() ? Binding.Kind.STRUCT_IN : Binding.Kind.STRUCT_OUT, null, false, false);
            }
            if (el instanceof HeaderType.Prim) {
                throw new Refused(where + ": a const pointer to one scalar (give it a length in \"arrays\" if it is an array)");
            }
            if (el instanceof HeaderType.Void) {
                throw new Refused(where + ": untyped pointer (void *): give it a length in \"arrays\" or a typed handle");
            }
            throw new Refused(where + ": " + reason(el instanceof HeaderType.Pointer ? new HeaderType.Unsupported("", "pointer to pointer") : el));
        }
        throw new Refused(where + ": " + reason(t));
    }
}
