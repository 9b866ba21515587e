package dev.javabridge.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Maps Java types to their C forms for one header, collecting the structs it needs. A type
 * without a C form yields an error text that names the type and says what is supported.
 */
final class TypeMapper {
    static final String SUPPORTED = "supported: byte, short, char, int, long, float, double, boolean, "
            + "String, byte[], records of those primitives, and void as a result";

    private final Elements elements;
    private final String prefix;
    private final Map<String, ExportedType.Struct> structs = new LinkedHashMap<>();

    TypeMapper(Elements elements, String prefix) {
        this.elements = elements;
        this.prefix = prefix;
    }

    /** The structs met so far, in first-use order. */
    List<ExportedType.Struct> structs() {
        return new ArrayList<>(structs.values());
    }

    /**
     * @param errors receives one message per problem (the caller adds the method's name)
     * @return the C form, or null when errors were added
     */
    ExportedType map(TypeMirror type, boolean isResult, List<String> errors) {
        switch (type.getKind()) {
            case VOID:
                if (isResult) {
                    return ExportedType.of(ExportedType.Kind.VOID);
                }
                break;
            case BOOLEAN: return ExportedType.of(ExportedType.Kind.BOOL);
            case BYTE: return ExportedType.of(ExportedType.Kind.INT8);
            case SHORT: return ExportedType.of(ExportedType.Kind.INT16);
            case CHAR: return ExportedType.of(ExportedType.Kind.UINT16);
            case INT: return ExportedType.of(ExportedType.Kind.INT32);
            case LONG: return ExportedType.of(ExportedType.Kind.INT64);
            case FLOAT: return ExportedType.of(ExportedType.Kind.FLOAT);
            case DOUBLE: return ExportedType.of(ExportedType.Kind.DOUBLE);
            case ARRAY:
                if (((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE) {
                    return ExportedType.of(ExportedType.Kind.BYTES);
                }
                break;
            case DECLARED: {
                TypeElement te = (TypeElement) ((DeclaredType) type).asElement();
                if (te.getQualifiedName().contentEquals("java.lang.String")) {
                    return ExportedType.of(ExportedType.Kind.STRING);
                }
                if (te.getKind() == ElementKind.RECORD) {
                    ExportedType.Struct s = struct(te, errors);
                    return s == null ? null : new ExportedType(ExportedType.Kind.STRUCT, s);
                }
                break;
            }
            default:
                break;
        }
        errors.add("type " + type + " has no C mapping (" + SUPPORTED + ")");
        return null;
    }

    private ExportedType.Struct struct(TypeElement record, List<String> errors) {
        String binary = elements.getBinaryName(record).toString();
        ExportedType.Struct known = structs.get(binary);
        if (known != null) {
            return known;
        }
        int before = errors.size();
        if (record.getNestingKind() == NestingKind.LOCAL || record.getNestingKind() == NestingKind.ANONYMOUS) {
            errors.add("record " + record + " is local to a method; a record exported to C must be a top-level or member record");
        }
        if (!record.getTypeParameters().isEmpty()) {
            errors.add("record " + record + " is generic; a record exported to C must not have type parameters");
        }
        List<ExportedType.Field> fields = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (RecordComponentElement c : record.getRecordComponents()) {
            TypeMirror t = c.asType();
            ExportedType ct = t.getKind().isPrimitive() ? map(t, false, new ArrayList<>()) : null;
            if (ct == null) {
                errors.add("record " + record + " component '" + c.getSimpleName() + "' has type " + t
                        + "; a record exported to C may hold only primitives (byte, short, char, int, long, float, double, boolean)");
                continue;
            }
            String name = unique(CNames.safeLocal(c.getSimpleName().toString()), used);
            fields.add(new ExportedType.Field(c.getSimpleName().toString(), name, ct.kind()));
        }
        if (record.getRecordComponents().isEmpty()) {
            errors.add("record " + record + " has no components; an empty C struct is not valid C");
        }
        if (errors.size() > before) {
            return null;
        }
        ExportedType.Struct s = new ExportedType.Struct(binary, record.getQualifiedName().toString(),
                prefix + CNames.snake(record.getSimpleName().toString()), fields);
        for (ExportedType.Struct other : structs.values()) {
            if (other.cName().equals(s.cName())) {
                errors.add("records " + other.javaName() + " and " + s.javaName() + " would both be the C struct "
                        + s.cName());
                return null;
            }
        }
        structs.put(binary, s);
        return s;
    }

    /** name, or name with a numeric suffix if it is taken; records the result as taken. */
    static String unique(String name, List<String> used) {
        String n = name;
        for (int i = 2; used.contains(n); i++) {
            n = name + "_" + i;
        }
        used.add(n);
        return n;
    }

}
