package dev.javabridge.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes a C header and a C source for the {@link CExport} methods of each top-level class (its
 * nested classes included), into the generated-sources output ({@code javac -s DIR}). The C code
 * calls the Java methods through libjavabridge's C API. Every method that cannot be exported is
 * a compile error naming the method and the reason; nothing is written for a class with errors.
 *
 * <p>Run it with {@code javac -cp javabridge.jar -processorpath javabridge-cexport.jar -s OUT ...}:
 * META-INF/services registers it, so no {@code -processor} option is needed.
 */
public final class CExportProcessor extends AbstractProcessor {
    /** Made by javac, which finds the processor through -processor or its service entry. */
    public CExportProcessor() {}

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(CExport.class.getName(), CExportHeader.class.getName());
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Set<Element> annotated = new HashSet<>(round.getElementsAnnotatedWith(CExport.class));
        Set<TypeElement> classes = new LinkedHashSet<>();
        for (Element e : annotated) {
            if (e.getKind() != ElementKind.METHOD) {
                error(e, "@CExport applies to methods only, not to " + e);
                continue;
            }
            classes.add(outermost(e));
        }
        // Members in the order javac lists them (methods in declaration order), the same on every build.
        Map<TypeElement, List<ExecutableElement>> byClass = new LinkedHashMap<>();
        for (TypeElement c : classes) {
            List<ExecutableElement> methods = new ArrayList<>();
            collect(c, annotated, methods);
            byClass.put(c, methods);
        }
        Map<String, TypeElement> stems = new LinkedHashMap<>();
        for (Map.Entry<TypeElement, List<ExecutableElement>> entry : byClass.entrySet()) {
            HeaderSpec spec = spec(entry.getKey(), entry.getValue());
            if (spec == null) {
                continue;
            }
            TypeElement other = stems.putIfAbsent(spec.stem(), entry.getKey());
            if (other != null) {
                error(entry.getKey(), "@CExport classes " + other + " and " + entry.getKey()
                        + " would both generate " + spec.stem() + ".h; give one another @CExportHeader(name = ...)");
                continue;
            }
            write(entry.getKey(), spec.stem() + ".h", HeaderWriter.write(spec));
            write(entry.getKey(), spec.stem() + ".c", SourceWriter.write(spec));
        }
        return true;
    }

    private static void collect(Element e, Set<Element> annotated, List<ExecutableElement> out) {
        for (Element member : e.getEnclosedElements()) {
            if (member.getKind() == ElementKind.METHOD && annotated.contains(member)) {
                out.add((ExecutableElement) member);
            } else if (member.getKind().isClass() || member.getKind().isInterface()) {
                collect(member, annotated, out);
            }
        }
    }

    private static TypeElement outermost(Element e) {
        Element c = e.getEnclosingElement();
        while (c.getEnclosingElement() != null && c.getEnclosingElement().getKind() != ElementKind.PACKAGE
                && c.getEnclosingElement().getKind() != ElementKind.MODULE) {
            c = c.getEnclosingElement();
        }
        return (TypeElement) c;
    }

    /** Resolves the settings and maps every method; null (with errors reported) if anything is wrong. */
    private HeaderSpec spec(TypeElement cls, List<ExecutableElement> methods) {
        CExportHeader settings = cls.getAnnotation(CExportHeader.class);
        String stem = settings != null && !settings.name().isEmpty() ? settings.name()
                : CNames.snake(cls.getSimpleName().toString());
        String prefix = settings == null || settings.prefix().equals("*") ? stem + "_" : settings.prefix();
        String guard = settings != null && !settings.includeGuard().isEmpty() ? settings.includeGuard()
                : CNames.upper(stem) + "_H";
        String freeBytes = prefix + (settings != null ? settings.freeBytes() : "free_bytes");
        String freeString = prefix + (settings != null ? settings.freeString() : "free_string");
        boolean ok = true;
        if (!stem.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*")) {
            ok = error(cls, "@CExportHeader name \"" + stem + "\" is not a plain file name stem");
        }
        if (!prefix.isEmpty() && !CNames.isIdentifier(prefix)) {
            ok = error(cls, "@CExportHeader prefix \"" + prefix + "\" is not the start of a C identifier");
        }
        if (!CNames.isIdentifier(guard)) {
            ok = error(cls, "@CExportHeader includeGuard \"" + guard + "\" is not a C identifier");
        }
        List<String> cNames = new ArrayList<>();
        for (String f : List.of(freeBytes, freeString)) {
            if (!CNames.isIdentifier(f)) {
                ok = error(cls, "@CExportHeader free function name \"" + f + "\" is not a C identifier");
            } else if (cNames.contains(f)) {
                ok = error(cls, "@CExportHeader freeBytes and freeString are both " + f);
            }
            cNames.add(f);
        }
        TypeMapper mapper = new TypeMapper(processingEnv.getElementUtils(), prefix);
        List<ExportedMethod> exported = new ArrayList<>();
        for (ExecutableElement m : methods) {
            ExportedMethod em = method(m, prefix, mapper);
            if (em == null) {
                ok = false;
            } else if (cNames.contains(em.cName())) {
                ok = error(m, "@CExport method " + em.javaDisplay() + ": C name " + em.cName()
                        + " is already used in " + stem + ".h; choose another with @CExport(\"...\")");
            } else {
                cNames.add(em.cName());
                exported.add(em);
            }
        }
        for (ExportedType.Struct s : mapper.structs()) {
            if (cNames.contains(s.cName())) {
                ok = error(cls, "the C struct " + s.cName() + " for record " + s.javaName()
                        + " has the name of a function in " + stem + ".h");
            }
        }
        if (!ok) {
            return null;
        }
        return new HeaderSpec(stem, guard, freeBytes, freeString, cls.getQualifiedName().toString(), exported,
                mapper.structs());
    }

    private ExportedMethod method(ExecutableElement m, String prefix, TypeMapper mapper) {
        TypeElement owner = (TypeElement) m.getEnclosingElement();
        String display = owner.getQualifiedName() + "." + m.getSimpleName() + "(" + paramTypes(m) + ")";
        String what = "@CExport method " + display + ": ";
        List<String> errors = new ArrayList<>();
        if (!m.getModifiers().contains(Modifier.STATIC)) {
            errors.add("must be static (C calls it without an instance)");
        }
        if (!m.getModifiers().contains(Modifier.PUBLIC)) {
            errors.add("must be public");
        }
        if (!m.getTypeParameters().isEmpty()) {
            errors.add("must not be generic");
        }
        for (Element c = owner; c.getKind() != ElementKind.PACKAGE; c = c.getEnclosingElement()) {
            if (c.getKind().isClass() || c.getKind().isInterface()) {
                TypeElement t = (TypeElement) c;
                if (!t.getModifiers().contains(Modifier.PUBLIC)) {
                    errors.add("its class " + t.getQualifiedName() + " must be public");
                }
            } else {
                errors.add("must be declared in a top-level or member class, not in a local or anonymous one");
                break;
            }
        }
        String given = m.getAnnotation(CExport.class).value();
        String cName = prefix + (given.isEmpty() ? CNames.snake(m.getSimpleName().toString()) : given);
        if (!CNames.isIdentifier(cName)) {
            errors.add("C name \"" + cName + "\" is not a C identifier (or is a C/C++ keyword)");
        }
        List<String> used = new ArrayList<>();
        ExportedType result = mapper.map(m.getReturnType(), true, prefixed("result", errors));
        if (result != null && result.kind() != ExportedType.Kind.VOID) {
            used.add(CPrototypes.OUT);
            used.add(CPrototypes.OUT_LEN);
        }
        List<ExportedMethod.Param> params = new ArrayList<>();
        for (VariableElement p : m.getParameters()) {
            String javaName = p.getSimpleName().toString();
            ExportedType t = mapper.map(p.asType(), false, prefixed("parameter '" + javaName + "'", errors));
            if (t == null) {
                continue;
            }
            String c = TypeMapper.unique(CNames.safeLocal(javaName), used);
            if (t.kind() == ExportedType.Kind.BYTES) {
                while (used.contains(c + "_len")) {
                    used.remove(c);
                    c = TypeMapper.unique(c + "_", used);
                }
                used.add(c + "_len");
            }
            params.add(new ExportedMethod.Param(javaName, c, t));
        }
        if (!errors.isEmpty()) {
            for (String e : errors) {
                error(m, what + e);
            }
            return null;
        }
        String binary = processingEnv.getElementUtils().getBinaryName(owner).toString();
        return new ExportedMethod(cName, binary, m.getSimpleName().toString(), display, params, result,
                processingEnv.getElementUtils().getDocComment(m));
    }

    private static String paramTypes(ExecutableElement m) {
        List<String> types = new ArrayList<>();
        m.getParameters().forEach(p -> types.add(p.asType().toString()));
        return String.join(", ", types);
    }

    /** A list view that prefixes each added message (the mapper does not know what it maps). */
    private static List<String> prefixed(String what, List<String> errors) {
        return new ArrayList<>() {
            @Override
            public boolean add(String s) {
                return errors.add(what + ": " + s);
            }
        };
    }

    private boolean error(Element e, String message) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, e);
        return false;
    }

    private void write(TypeElement origin, String name, String text) {
        try {
            FileObject f = processingEnv.getFiler().createResource(StandardLocation.SOURCE_OUTPUT, "", name, origin);
            try (OutputStream o = f.openOutputStream()) {
                o.write(text.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            error(origin, "cannot write " + name + ": " + e.getMessage());
        }
    }
}
