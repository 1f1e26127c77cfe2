package io.guestlist.service.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules of Redocly's "recommended" set that it holds at error level (and the warnings a client
 * developer meets: 2xx and 4xx answers, tags, ambiguous paths, unused schemas), plus this API's own:
 * a description, a camelCase operationId, problem+json answers, an example for every request body.
 * Each rule is one method; a finding names the rule, the route and, where known, its handler.
 */
final class OpenApiLint {

    record Finding(String rule, String where, String message) {
        @Override
        public String toString() {
            return rule + ": " + where + ": " + message;
        }
    }

    private record Op(String method, String path, JsonNode node) {
    }

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern URL_SAFE = Pattern.compile("^[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=]*$");
    private static final Pattern CAMEL_CASE_VERB = Pattern.compile("^[a-z]+(?:[A-Z][a-z0-9]*)*$");
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]*)}");
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String ADD_OPERATION =
            "add @Operation(operationId = \"verbNoun\", summary = \"…\", description = \"…\") to the handler";

    private final JsonNode doc;
    private final Map<String, String> handlers;
    private final List<Op> operations = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();

    /** @param handlers "GET /api/v1/…" → the handler that serves it, for the messages */
    OpenApiLint(JsonNode doc, Map<String, String> handlers) {
        this.doc = doc;
        this.handlers = handlers;
        doc.path("paths").properties().forEach(path -> METHODS.forEach(method -> {
            JsonNode operation = path.getValue().get(method);
            if (operation != null) {
                operations.add(new Op(method.toUpperCase(), path.getKey(), operation));
            }
        }));
    }

    List<Finding> findings() {
        findings.clear();
        operationSummary();
        operationDescription();
        operationOperationId();
        operationOperationIdUnique();
        operationOperationIdUrlSafe();
        operationParametersUnique();
        pathParametersDefined();
        pathDeclarationMustExist();
        pathNotIncludeQuery();
        noPathTrailingSlash();
        noIdenticalPaths();
        noAmbiguousPaths();
        securityDefined();
        operation2xxResponse();
        operation4xxResponse();
        successAnswersHaveSchemas();
        errorAnswersAreProblems();
        problemSchema();
        requestBodyExample();
        pagingBounds();
        operationTagDefined();
        tagsUsedAndDescribed();
        noUnresolvedRefs();
        noUnusedComponents();
        servers();
        noEnumTypeMismatch();
        return List.copyOf(findings);
    }

    private void operationSummary() {
        each("operation-summary", (op, report) -> {
            if (op.node().path("summary").asText().isBlank()) {
                report.accept(op, "no summary: " + ADD_OPERATION);
            }
        });
    }

    private void operationDescription() {
        each("operation-description", (op, report) -> {
            if (op.node().path("description").asText().isBlank()) {
                report.accept(op, "no description: " + ADD_OPERATION);
            }
        });
    }

    private void operationOperationId() {
        each("operation-operationId", (op, report) -> {
            String id = op.node().path("operationId").asText();
            if (id.isBlank()) {
                report.accept(op, "no operationId: " + ADD_OPERATION);
            } else if (!CAMEL_CASE_VERB.matcher(id).matches()) {
                report.accept(op, "operationId '" + id + "' is not a camelCase verb and noun (e.g. createWorkspace, listUnits);"
                        + " a suffix such as _1 means springdoc made it from a Java method name: set it in @Operation");
            }
        });
    }

    private void operationOperationIdUnique() {
        Map<String, List<Op>> byId = operations.stream().filter(op -> op.node().hasNonNull("operationId"))
                .collect(Collectors.groupingBy(op -> op.node().get("operationId").asText()));
        byId.forEach((id, ops) -> {
            if (ops.size() > 1) {
                ops.forEach(op -> add("operation-operationId-unique", op, "operationId '" + id + "' is used by " + ops.size() + " operations"));
            }
        });
    }

    private void operationOperationIdUrlSafe() {
        each("operation-operationId-url-safe", (op, report) -> {
            String id = op.node().path("operationId").asText();
            if (!URL_SAFE.matcher(id).matches()) {
                report.accept(op, "operationId '" + id + "' has characters that are not URL-safe");
            }
        });
    }

    private void operationParametersUnique() {
        each("operation-parameters-unique", (op, report) -> {
            Set<String> seen = new HashSet<>();
            parameters(op).forEach(p -> {
                String key = p.path("in").asText() + ":" + p.path("name").asText();
                if (!seen.add(key)) {
                    report.accept(op, "parameter " + key + " is declared twice");
                }
            });
        });
    }

    private void pathParametersDefined() {
        each("path-parameters-defined", (op, report) -> {
            Set<String> templated = templated(op.path());
            Set<String> declared = parameters(op).stream().filter(p -> "path".equals(p.path("in").asText()))
                    .map(p -> p.path("name").asText()).collect(Collectors.toSet());
            templated.stream().filter(name -> !declared.contains(name))
                    .forEach(name -> report.accept(op, "path parameter {" + name + "} is not declared"));
            declared.stream().filter(name -> !templated.contains(name))
                    .forEach(name -> report.accept(op, "path parameter '" + name + "' is declared but not in the path"));
        });
    }

    private void pathDeclarationMustExist() {
        each("path-declaration-must-exist", (op, report) -> {
            if (op.path().contains("{}")) {
                report.accept(op, "the path has an empty parameter {}");
            }
        });
    }

    private void pathNotIncludeQuery() {
        each("path-not-include-query", (op, report) -> {
            if (op.path().contains("?")) {
                report.accept(op, "the path holds a query string");
            }
        });
    }

    private void noPathTrailingSlash() {
        each("no-path-trailing-slash", (op, report) -> {
            if (op.path().length() > 1 && op.path().endsWith("/")) {
                report.accept(op, "the path ends with /");
            }
        });
    }

    private void noIdenticalPaths() {
        Map<String, List<String>> byShape = new HashMap<>();
        doc.path("paths").fieldNames().forEachRemaining(path -> byShape.computeIfAbsent(TEMPLATE.matcher(path).replaceAll("{}"),
                k -> new ArrayList<>()).add(path));
        byShape.values().stream().filter(paths -> paths.size() > 1)
                .forEach(paths -> findings.add(new Finding("no-identical-paths", String.join(" and ", paths),
                        "the paths differ only in their parameters' names")));
    }

    /** Two paths are ambiguous when one request could match both: each pair of segments is equal or holds a parameter. */
    private void noAmbiguousPaths() {
        List<String> paths = new ArrayList<>();
        doc.path("paths").fieldNames().forEachRemaining(paths::add);
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                String[] a = paths.get(i).split("/");
                String[] b = paths.get(j).split("/");
                boolean identical = TEMPLATE.matcher(paths.get(i)).replaceAll("{}").equals(TEMPLATE.matcher(paths.get(j)).replaceAll("{}"));
                if (a.length != b.length || identical) {
                    continue;
                }
                boolean ambiguous = true;
                for (int k = 0; k < a.length && ambiguous; k++) {
                    ambiguous = a[k].equals(b[k]) || a[k].startsWith("{") || b[k].startsWith("{");
                }
                if (ambiguous) {
                    findings.add(new Finding("no-ambiguous-paths", paths.get(i) + " and " + paths.get(j), "one request could match both"));
                }
            }
        }
    }

    private void securityDefined() {
        Set<String> schemes = new HashSet<>();
        doc.path("components").path("securitySchemes").fieldNames().forEachRemaining(schemes::add);
        boolean rootSecurity = doc.path("security").size() > 0;
        each("security-defined", (op, report) -> {
            JsonNode security = op.node().get("security");
            if (security == null && !rootSecurity) {
                report.accept(op, "no security requirement (and none at the root)");
                return;
            }
            if (security != null) {
                security.forEach(requirement -> requirement.fieldNames().forEachRemaining(name -> {
                    if (!schemes.contains(name)) {
                        report.accept(op, "security scheme '" + name + "' is not in components.securitySchemes");
                    }
                }));
            }
        });
    }

    private void operation2xxResponse() {
        each("operation-2xx-response", (op, report) -> {
            if (statuses(op).stream().noneMatch(s -> s.startsWith("2"))) {
                report.accept(op, "no 2xx answer");
            }
        });
    }

    private void operation4xxResponse() {
        each("operation-4xx-response", (op, report) -> {
            if (statuses(op).stream().noneMatch(s -> s.startsWith("4"))) {
                report.accept(op, "no 4xx answer");
            }
        });
    }

    private void successAnswersHaveSchemas() {
        each("answer-schema", (op, report) -> op.node().path("responses").properties().forEach(answer -> {
            if (!answer.getKey().startsWith("2") || answer.getKey().equals("204")) {
                return;
            }
            JsonNode content = answer.getValue().path("content");
            if (content.isEmpty()) {
                report.accept(op, answer.getKey() + " has no content: name its schema in @ApiResponse(content = …)");
            }
            content.properties().forEach(media -> {
                if (!media.getValue().has("schema")) {
                    report.accept(op, answer.getKey() + " " + media.getKey() + " has no schema");
                }
            });
        }));
    }

    private void errorAnswersAreProblems() {
        each("problem-answers", (op, report) -> op.node().path("responses").properties().forEach(answer -> {
            if (answer.getKey().compareTo("400") < 0) {
                return;
            }
            JsonNode content = answer.getValue().path("content");
            JsonNode problem = content.path("application/problem+json");
            if (content.size() != 1 || !PROBLEM_REF.equals(problem.path("schema").path("$ref").asText())) {
                report.accept(op, answer.getKey() + " is not application/problem+json of " + PROBLEM_REF);
            } else if (problem.path("examples").isEmpty()) {
                report.accept(op, answer.getKey() + " has no example of its problem types");
            }
        }));
    }

    private void problemSchema() {
        JsonNode properties = doc.path("components").path("schemas").path("Problem").path("properties");
        for (String member : List.of("type", "title", "status", "detail", "instance", "code", "personId", "phone", "field")) {
            if (!properties.has(member)) {
                findings.add(new Finding("problem-schema", "components.schemas.Problem", "no property '" + member + "'"));
            }
        }
    }

    private void requestBodyExample() {
        each("request-body-example", (op, report) -> {
            JsonNode body = op.node().get("requestBody");
            if (body == null) {
                return;
            }
            boolean example = false;
            for (JsonNode media : body.path("content")) {
                JsonNode schema = resolve(media.path("schema"));
                example |= media.has("example") || media.has("examples") || schema.has("example") || schema.has("examples");
            }
            if (!example) {
                report.accept(op, "the request body has no example: add @Schema(example = \"{…}\") to its record");
            }
        });
    }

    private void pagingBounds() {
        each("paging-bounds", (op, report) -> parameters(op).forEach(p -> {
            JsonNode schema = p.path("schema");
            String name = p.path("name").asText();
            if ("page".equals(name) && !schema.path("minimum").isNumber()) {
                report.accept(op, "page has no minimum");
            }
            if ("size".equals(name) && (!schema.path("minimum").isNumber() || !schema.path("maximum").isNumber())) {
                report.accept(op, "size has no minimum and maximum");
            }
        }));
    }

    private void operationTagDefined() {
        Set<String> defined = definedTags();
        each("operation-tag-defined", (op, report) -> {
            if (op.node().path("tags").isEmpty()) {
                report.accept(op, "no tag: put @Tag(name = …) on the controller, one of " + defined);
            }
            op.node().path("tags").forEach(tag -> {
                if (!defined.contains(tag.asText())) {
                    report.accept(op, "tag '" + tag.asText() + "' is not one of the document's tags " + defined);
                }
            });
        });
    }

    private void tagsUsedAndDescribed() {
        Set<String> used = new HashSet<>();
        operations.forEach(op -> op.node().path("tags").forEach(tag -> used.add(tag.asText())));
        doc.path("tags").forEach(tag -> {
            String name = tag.path("name").asText();
            if (!used.contains(name)) {
                findings.add(new Finding("tags-used", "tag " + name, "no operation carries it"));
            }
            if (tag.path("description").asText().isBlank()) {
                findings.add(new Finding("tag-description", "tag " + name, "no description"));
            }
        });
    }

    private void noUnresolvedRefs() {
        refs(doc).forEach(ref -> {
            if (!ref.startsWith("#/") || doc.at(ref.substring(1)).isMissingNode()) {
                findings.add(new Finding("no-unresolved-refs", ref, "does not resolve in the document"));
            }
        });
    }

    private void noUnusedComponents() {
        Set<String> refs = refs(doc);
        doc.path("components").path("schemas").fieldNames().forEachRemaining(name -> {
            if (!refs.contains("#/components/schemas/" + name)) {
                findings.add(new Finding("no-unused-components", "components.schemas." + name, "no $ref uses it"));
            }
        });
    }

    private void servers() {
        JsonNode servers = doc.path("servers");
        if (servers.isEmpty()) {
            findings.add(new Finding("no-empty-servers", "servers", "no server"));
        }
        servers.forEach(server -> {
            String url = server.path("url").asText();
            if (url.length() > 1 && url.endsWith("/")) {
                findings.add(new Finding("no-server-trailing-slash", "servers " + url, "ends with /"));
            }
        });
    }

    private void noEnumTypeMismatch() {
        walk(doc, "#", (node, pointer) -> {
            JsonNode values = node.get("enum");
            JsonNode type = node.get("type");
            if (values == null || !values.isArray() || type == null) {
                return;
            }
            Set<String> types = new HashSet<>();
            if (type.isArray()) {
                type.forEach(t -> types.add(t.asText()));
            } else {
                types.add(type.asText());
            }
            values.forEach(value -> {
                boolean fits = value.isNull() && types.contains("null") || value.isTextual() && types.contains("string")
                        || value.isIntegralNumber() && (types.contains("integer") || types.contains("number"))
                        || value.isNumber() && types.contains("number") || value.isBoolean() && types.contains("boolean");
                if (!fits) {
                    findings.add(new Finding("no-enum-type-mismatch", pointer, "enum value " + value + " is not of type " + types));
                }
            });
        });
    }

    // ---- helpers

    private void each(String rule, BiConsumer<Op, BiConsumer<Op, String>> check) {
        operations.forEach(op -> check.accept(op, (at, message) -> add(rule, at, message)));
    }

    private void add(String rule, Op op, String message) {
        String route = op.method() + " " + op.path();
        String handler = handlers.get(route);
        findings.add(new Finding(rule, route + (handler == null ? "" : " (" + handler + ")"), message));
    }

    private List<JsonNode> parameters(Op op) {
        List<JsonNode> all = new ArrayList<>();
        doc.path("paths").path(op.path()).path("parameters").forEach(p -> all.add(resolve(p)));
        op.node().path("parameters").forEach(p -> all.add(resolve(p)));
        return all;
    }

    private static Set<String> templated(String path) {
        Set<String> names = new HashSet<>();
        Matcher m = TEMPLATE.matcher(path);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Set<String> statuses(Op op) {
        Set<String> statuses = new HashSet<>();
        op.node().path("responses").fieldNames().forEachRemaining(statuses::add);
        return statuses;
    }

    private Set<String> definedTags() {
        Set<String> defined = new HashSet<>();
        doc.path("tags").forEach(tag -> defined.add(tag.path("name").asText()));
        return defined;
    }

    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText();
        return ref.startsWith("#/") ? doc.at(ref.substring(1)) : node;
    }

    private static Set<String> refs(JsonNode root) {
        Set<String> refs = new HashSet<>();
        walk(root, "#", (node, pointer) -> {
            if (node.path("$ref").isTextual()) {
                refs.add(node.get("$ref").asText());
            }
        });
        return refs;
    }

    private static void walk(JsonNode node, String pointer, BiConsumer<JsonNode, String> visit) {
        if (node.isObject()) {
            visit.accept(node, pointer);
            Map<String, JsonNode> children = new LinkedHashMap<>();
            node.properties().forEach(e -> children.put(e.getKey(), e.getValue()));
            children.forEach((key, child) -> walk(child, pointer + "/" + key, visit));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, visit);
            }
        }
    }
}
