package dev.javabridge.bindgen;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The declarations of one header, read from clang's JSON AST: functions, structs, enums and
 * typedefs. Only declarations written in the header itself are bound; typedefs are taken from
 * the whole translation unit so that types from included headers (stdint.h, zconf.h) resolve.
 */
final class HeaderModel {
    record Param(String name, String spelling) {}

    record Function(String name, String returnSpelling, List<Param> params, boolean variadic, String doc) {}

    record Field(String name, String spelling, boolean bitField) {}

    /** cSpelling is what C code names the struct by: "struct tag", or the typedef name of an anonymous one. */
    record StructDef(String name, String cSpelling, List<Field> fields, boolean complete, boolean union) {}

    record EnumConstant(String name, long value) {}

    record EnumDef(String name, List<EnumConstant> constants) {}

    final List<Function> functions = new ArrayList<>();
    final Map<String, StructDef> structs = new LinkedHashMap<>();
    final List<EnumDef> enums = new ArrayList<>();
    final Map<String, String> typedefs = new LinkedHashMap<>();
    /**
     * Functions declared static whose definition the header lacks: the glue, which includes the header, would
     * call a function defined nowhere. A static inline function with its body is bound like any other.
     */
    final Set<String> staticWithoutBody = new java.util.HashSet<>();

    private final Set<Path> scope;
    /** clang writes a location's file only when it differs from the previous location printed, so the reader tracks it. */
    private String lastFile;

    private HeaderModel(Set<Path> scope) {
        this.scope = scope;
    }

    static HeaderModel read(JsonNode translationUnit, Set<Path> scope) {
        HeaderModel m = new HeaderModel(scope);
        Map<String, String> anonymousTypedefNames = new LinkedHashMap<>();
        List<JsonNode> inScope = new ArrayList<>();
        for (JsonNode decl : translationUnit.path("inner")) {
            m.track(decl.get("loc"));
            boolean mine = m.inScope();
            m.track(decl.get("range"));
            m.walk(decl.get("inner"));
            if ("TypedefDecl".equals(decl.path("kind").asText())) {
                m.typedefs.put(decl.path("name").asText(), decl.path("type").path("qualType").asText());
                JsonNode owned = decl.path("inner").path(0).path("ownedTagDecl");
                if (!owned.isMissingNode() && owned.path("name").asText().isEmpty()) {
                    anonymousTypedefNames.put(owned.path("id").asText(), decl.path("name").asText());
                }
            }
            if (mine) {
                inScope.add(decl);
            }
        }
        for (JsonNode decl : inScope) {
            switch (decl.path("kind").asText()) {
                case "FunctionDecl" -> m.function(decl);
                case "RecordDecl" -> m.record(decl, anonymousTypedefNames);
                case "EnumDecl" -> m.enumeration(decl, anonymousTypedefNames);
                default -> { }
            }
        }
        return m;
    }

    private boolean inScope() {
        return lastFile != null && scope.contains(Path.of(lastFile).toAbsolutePath().normalize());
    }

    private void track(JsonNode loc) {
        if (loc == null || !loc.isObject()) {
            return;
        }
        for (String part : new String[] {"spellingLoc", "expansionLoc", "begin", "end"}) {
            if (loc.has(part)) {
                track(loc.get(part));
            }
        }
        if (loc.has("file")) {
            lastFile = loc.get("file").asText();
        }
    }

    private void walk(JsonNode nodes) {
        if (nodes == null) {
            return;
        }
        for (JsonNode n : nodes) {
            track(n.get("loc"));
            track(n.get("range"));
            walk(n.get("inner"));
        }
    }

    private void function(JsonNode decl) {
        String type = decl.path("type").path("qualType").asText();
        int paren = type.indexOf('(');
        String ret = paren > 0 ? type.substring(0, paren).trim() : type;
        List<Param> params = new ArrayList<>();
        String doc = null;
        boolean body = false;
        for (JsonNode p : decl.path("inner")) {
            body |= "CompoundStmt".equals(p.path("kind").asText());
            if ("ParmVarDecl".equals(p.path("kind").asText())) {
                // An unnamed parameter is named by its position, as callback parameters are, so the config can name it.
                String name = p.path("name").asText("");
                params.add(new Param(name.isEmpty() ? "arg" + params.size() : name, p.path("type").path("qualType").asText()));
            } else if ("FullComment".equals(p.path("kind").asText())) {
                doc = commentText(p);
            }
        }
        String name = decl.path("name").asText();
        // A function declared again (a prototype, then its static inline definition) is one function: the last
        // declaration's parameter names, the first documentation found.
        int earlier = -1;
        for (int i = 0; i < functions.size(); i++) {
            if (functions.get(i).name().equals(name)) {
                earlier = i;
            }
        }
        boolean defined = body || (earlier >= 0 && !staticWithoutBody.contains(name));
        if ("static".equals(decl.path("storageClass").asText()) && !defined) {
            staticWithoutBody.add(name);
        } else if (body) {
            staticWithoutBody.remove(name);
        }
        if (earlier >= 0) {
            Function before = functions.remove(earlier);
            functions.add(earlier, new Function(name, ret, params, decl.path("variadic").asBoolean(false),
                    doc != null ? doc : before.doc()));
        } else {
            functions.add(new Function(name, ret, params, decl.path("variadic").asBoolean(false), doc));
        }
    }

    private void record(JsonNode decl, Map<String, String> anonymousTypedefNames) {
        String tag = decl.path("name").asText("");
        String name = tag.isEmpty() ? anonymousTypedefNames.get(decl.path("id").asText()) : tag;
        if (name == null) {
            return;
        }
        boolean complete = decl.path("completeDefinition").asBoolean(false);
        if (!complete && structs.containsKey(name)) {
            return;
        }
        List<Field> fields = new ArrayList<>();
        for (JsonNode f : decl.path("inner")) {
            if ("FieldDecl".equals(f.path("kind").asText())) {
                fields.add(new Field(f.path("name").asText(""), f.path("type").path("qualType").asText(),
                        f.path("isBitfield").asBoolean(false)));
            }
        }
        String spelling = tag.isEmpty() ? name : decl.path("tagUsed").asText("struct") + " " + tag;
        structs.put(name, new StructDef(name, spelling, fields, complete, "union".equals(decl.path("tagUsed").asText())));
    }

    private void enumeration(JsonNode decl, Map<String, String> anonymousTypedefNames) {
        String tag = decl.path("name").asText("");
        String name = tag.isEmpty() ? anonymousTypedefNames.getOrDefault(decl.path("id").asText(), "") : tag;
        List<EnumConstant> constants = new ArrayList<>();
        long next = 0;
        for (JsonNode c : decl.path("inner")) {
            if (!"EnumConstantDecl".equals(c.path("kind").asText())) {
                continue;
            }
            JsonNode init = c.path("inner").path(0);
            if ("ConstantExpr".equals(init.path("kind").asText()) && init.has("value")) {
                next = Long.parseLong(init.get("value").asText());
            }
            constants.add(new EnumConstant(c.path("name").asText(), next));
            next++;
        }
        enums.add(new EnumDef(name, constants));
    }

    private static String commentText(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        collectText(node, sb);
        return sb.toString().trim().replaceAll("\\s+", " ");
    }

    private static void collectText(JsonNode node, StringBuilder sb) {
        if (node.has("text")) {
            sb.append(node.get("text").asText()).append(' ');
        }
        for (JsonNode child : node.path("inner")) {
            collectText(child, sb);
        }
    }
}
