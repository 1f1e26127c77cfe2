package io.guestlist.service.web.apidoc;

import io.guestlist.command.web.HonoursIfMatch;
import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.error.Rejects;
import io.guestlist.service.web.Problems;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.method.HandlerMethod;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every error answer of a route, by status, as application/problem+json of the shared {@code Problem}
 * schema, with one example per problem type it can return. The types a route can return follow from
 * what it is (see {@link #codes}) and from its {@link Rejects}.
 */
final class ProblemAnswers {

    static final String PROBLEM = "Problem";
    private static final String INTERNAL_STATUS = "500";

    /** What each type means to a client; a new {@link ErrorCode} without a line here stops the document from being served. */
    private static final Map<ErrorCode, String> MEANINGS = Map.ofEntries(
            Map.entry(ErrorCode.VALIDATION, "an input is malformed or out of bounds; `field` names it where one field is at fault"),
            Map.entry(ErrorCode.UNAUTHENTICATED, "no bearer token, or one that is not valid"),
            Map.entry(ErrorCode.FORBIDDEN, "the caller's role does not allow this: a viewer changes nothing, only owners govern members,"
                    + " only operators run operations"),
            Map.entry(ErrorCode.NOT_FOUND, "no such resource here, or a workspace the caller is not a member of"),
            Map.entry(ErrorCode.PHONE_TAKEN, "an active person of the workspace holds the phone: `personId` and `phone` name them"),
            Map.entry(ErrorCode.STATE_CONFLICT, "the resource's state does not allow this (archived, already a member, its last owner,"
                    + " not undoable, a rebuild running)"),
            Map.entry(ErrorCode.SIDE_IN_USE, "units still have the side the change would remove: `side` and `units` (how many) say which"),
            Map.entry(ErrorCode.CONCURRENT_MODIFICATION, "another change to the same resource won the race; read it again and retry"),
            Map.entry(ErrorCode.IDEMPOTENCY_KEY_REUSED, "the Idempotency-Key came with another payload before: `runId` names that run"),
            Map.entry(ErrorCode.PRECONDITION_FAILED, "the resource changed since the version in If-Match; nothing was changed"),
            Map.entry(ErrorCode.PAYLOAD_TOO_LARGE, "the payload is over a limit (`maxBytes`, `maxRows`, `maxField`)"),
            Map.entry(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "the body's content type is not one this route reads"),
            Map.entry(ErrorCode.UNREADABLE_FILE, "the file cannot be read in the channel's format"),
            Map.entry(ErrorCode.NOT_CAUGHT_UP, "the read model did not reach `after` in time; retry"),
            Map.entry(ErrorCode.DATABASE_UNAVAILABLE, "the database cannot be reached; retry after Retry-After seconds"));

    /** The extension members an example of the type shows, as the service fills them. */
    private static final Map<ErrorCode, Map<String, Object>> EXAMPLE_EXTENSIONS = Map.of(
            ErrorCode.VALIDATION, Map.of("field", "name", "maxLength", 200),
            ErrorCode.PHONE_TAKEN, Map.of("phone", "+919811122233", "personId", "0b5c8f0e-4a7d-4c43-9d6e-2f1a3b5c7d9e"),
            ErrorCode.SIDE_IN_USE, Map.of("side", "Bride", "units", 12),
            ErrorCode.IDEMPOTENCY_KEY_REUSED, Map.of("runId", "6f1d2c3b-8a9e-4f70-b1c2-d3e4f5a6b7c8"),
            ErrorCode.PAYLOAD_TOO_LARGE, Map.of("maxBytes", 52428800));

    static {
        EnumSet<ErrorCode> unexplained = EnumSet.allOf(ErrorCode.class);
        unexplained.removeAll(MEANINGS.keySet());
        if (!unexplained.isEmpty()) {
            throw new IllegalStateException("Error codes without a meaning for the API document: " + unexplained);
        }
    }

    private ProblemAnswers() {
    }

    /** RFC 9457's members, the service's {@code code}, and the extension members some types carry. */
    static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().format("uri").description("Stable: " + Problems.TYPE_BASE + "<slug>, one per code."));
        properties.put("title", new StringSchema().description("The HTTP status's reason phrase."));
        properties.put("status", new IntegerSchema().format("int32"));
        properties.put("detail", new StringSchema().description("What went wrong, for a person; not for parsing."));
        properties.put("instance", new StringSchema().format("uri-reference").description("The request's path."));
        StringSchema code = new StringSchema();
        Arrays.stream(ErrorCode.values()).forEach(c -> code.addEnumItem(c.name()));
        code.addEnumItem("INTERNAL");
        properties.put("code", code.description("The error code, one per type."));
        properties.put("field", new StringSchema().description("validation, payload-too-large: the input at fault."));
        properties.put("maxLength", new IntegerSchema().format("int32").description("validation: the bound a text broke."));
        properties.put("maxCount", new IntegerSchema().format("int32").description("validation: the bound a list broke."));
        properties.put("side", new StringSchema().description("validation: a side the workspace does not have."));
        properties.put("allowedSides", new ArraySchema().items(new StringSchema()).description("validation: the workspace's sides."));
        properties.put("phone", new StringSchema().description("phone-taken: the phone in E.164."));
        properties.put("personId", new StringSchema().format("uuid").description("phone-taken: the person who holds the phone."));
        properties.put("runId", new StringSchema().format("uuid").description("idempotency-key-reused: the run the key belongs to."));
        properties.put("contentType", new StringSchema().description("unsupported-media-type: the content type sent."));
        properties.put("maxBytes", new IntegerSchema().format("int64").description("payload-too-large: the byte limit."));
        properties.put("maxRows", new IntegerSchema().format("int32").description("payload-too-large: the row limit."));
        properties.put("maxField", new IntegerSchema().format("int32").description("payload-too-large: the limit of one field."));
        properties.put("row", new IntegerSchema().format("int32").description("payload-too-large: the row of the long field (0: the header)."));
        properties.put("column", new StringSchema().description("payload-too-large: the column of the long field."));
        ObjectSchema problem = new ObjectSchema();
        problem.setProperties(properties);
        problem.setRequired(List.of("type", "title", "status", "code"));
        problem.description("An error answer (RFC 9457, application/problem+json). Clients branch on `type` (or `code`), never on `detail`;"
                + " a type they do not know they treat by its status.");
        return problem;
    }

    static void document(Operation operation, HandlerMethod handler) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        Map<Integer, List<ErrorCode>> byStatus = codes(operation, handler).stream()
                .collect(Collectors.groupingBy(ErrorCode::status, TreeMap::new, Collectors.toList()));
        byStatus.forEach((status, codes) -> {
            Map<String, Example> examples = new LinkedHashMap<>();
            codes.forEach(c -> examples.put(c.slug(), example(status, c.slug(), c.name(), MEANINGS.get(c),
                    EXAMPLE_EXTENSIONS.getOrDefault(c, Map.of()))));
            ApiResponse answer = answer(codes.stream().map(c -> "`" + c.slug() + "`: " + MEANINGS.get(c)).collect(Collectors.joining("; ")) + ".",
                    examples);
            if (codes.contains(ErrorCode.DATABASE_UNAVAILABLE)) {
                answer.addHeaderObject("Retry-After", new Header().description("Seconds to wait before trying again.")
                        .schema(new IntegerSchema().format("int32")));
            }
            responses.addApiResponse(String.valueOf(status), answer);
        });
        responses.addApiResponse(INTERNAL_STATUS, answer("`" + Problems.INTERNAL + "`: an unexpected error; the service logged it.",
                Map.of(Problems.INTERNAL, example(500, Problems.INTERNAL, "INTERNAL", "An unexpected error occurred.", Map.of()))));
        operation.setResponses(responses);
    }

    /**
     * Every route reads input (400), needs a token (401) and the database (503). A route with ids in
     * its path can name one that is not there (404); a change under a workspace needs a role (403)
     * and can lose a race (409); a body can come in a type the route does not read (415); a read
     * that takes {@code after} can time out waiting (503); an If-Match can be stale (412).
     */
    static Set<ErrorCode> codes(Operation operation, HandlerMethod handler) {
        Set<ErrorCode> codes = EnumSet.of(ErrorCode.VALIDATION, ErrorCode.UNAUTHENTICATED, ErrorCode.DATABASE_UNAVAILABLE);
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean read = handler.hasMethodAnnotation(GetMapping.class);
        boolean underWorkspace = parameters.stream().anyMatch(p -> "path".equals(p.getIn()) && "workspaceId".equals(p.getName()));
        if (parameters.stream().anyMatch(p -> "path".equals(p.getIn()))) {
            codes.add(ErrorCode.NOT_FOUND);
        }
        if (underWorkspace && !read) {
            codes.add(ErrorCode.FORBIDDEN);
            codes.add(ErrorCode.CONCURRENT_MODIFICATION);
        }
        if (operation.getRequestBody() != null) {
            codes.add(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        }
        if (parameters.stream().anyMatch(p -> "query".equals(p.getIn()) && "after".equals(p.getName()))) {
            codes.add(ErrorCode.NOT_CAUGHT_UP);
        }
        if (handler.hasMethodAnnotation(HonoursIfMatch.class)) {
            codes.add(ErrorCode.PRECONDITION_FAILED);
        }
        Rejects rejects = handler.getMethodAnnotation(Rejects.class);
        if (rejects != null) {
            codes.addAll(List.of(rejects.value()));
        }
        return codes;
    }

    private static ApiResponse answer(String description, Map<String, Example> examples) {
        MediaType problem = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)).examples(examples);
        return new ApiResponse().description(description).content(new Content().addMediaType(Problems.MEDIA_TYPE, problem));
    }

    private static Example example(int status, String slug, String code, String detail, Map<String, Object> extensions) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("type", Problems.TYPE_BASE + slug);
        value.put("title", HttpStatus.valueOf(status).getReasonPhrase());
        value.put("status", status);
        value.put("detail", Character.toUpperCase(detail.charAt(0)) + detail.substring(1));
        value.put("code", code);
        value.putAll(new TreeMap<>(extensions));
        return new Example().summary(slug).value(value);
    }
}
