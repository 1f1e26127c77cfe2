package io.guestlist.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The lint rules find what they are for: a document with one fault of each kind, and one without. */
class OpenApiLintTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String CLEAN = """
            {"openapi": "3.1.0", "info": {"title": "t", "version": "v1"},
             "servers": [{"url": "http://localhost:8080"}],
             "tags": [{"name": "units", "description": "Units."}],
             "paths": {"/api/v1/units/{unitId}": {"get": {
               "operationId": "getUnit", "summary": "Read a unit", "description": "The unit.", "tags": ["units"],
               "security": [{"bearerAuth": []}],
               "parameters": [{"in": "path", "name": "unitId", "required": true, "schema": {"type": "string", "format": "uuid"}},
                              {"in": "query", "name": "size", "schema": {"type": "integer", "minimum": 1, "maximum": 500}}],
               "responses": {
                 "200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Unit"}}}},
                 "404": {"description": "not-found", "content": {"application/problem+json": {
                     "schema": {"$ref": "#/components/schemas/Problem"}, "examples": {"not-found": {"value": {}}}}}}}}}},
             "components": {"securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}},
               "schemas": {"Unit": {"type": "object"},
                           "Problem": {"type": "object", "properties": {"type": {}, "title": {}, "status": {}, "detail": {},
                                       "instance": {}, "code": {}, "personId": {}, "phone": {}, "field": {}}}}}}
            """;

    @Test
    void aCleanDocument_hasNoFindings() throws Exception {
        assertThat(new OpenApiLint(JSON.readTree(CLEAN), Map.of()).findings()).isEmpty();
    }

    @Test
    void eachFault_isFoundByItsRule_andNamesTheRouteAndHandler() throws Exception {
        JsonNode doc = JSON.readTree(CLEAN.replace("\"operationId\": \"getUnit\", \"summary\": \"Read a unit\", \"description\": \"The unit.\","
                                + " \"tags\": [\"units\"],", "\"operationId\": \"unit_1\", \"tags\": [\"people\"],")
                .replace("\"security\": [{\"bearerAuth\": []}],", "")
                .replace("\"name\": \"unitId\"", "\"name\": \"id\"")
                .replace("\"maximum\": 500", "\"maxItems\": 500")
                .replace("\"application/problem+json\"", "\"application/json\"")
                .replace("\"200\": {\"description\": \"OK\", \"content\"", "\"200\": {\"description\": \"OK\", \"contents\"")
                .replace("\"Unit\": {\"type\": \"object\"}", "\"Unit\": {\"type\": \"object\"}, \"Orphan\": {\"type\": \"string\", \"enum\": [1]}"));

        List<OpenApiLint.Finding> findings = new OpenApiLint(doc, Map.of("GET /api/v1/units/{unitId}", "UnitController#unit")).findings();

        assertThat(findings).extracting(OpenApiLint.Finding::rule).contains("operation-summary", "operation-description",
                "operation-operationId", "security-defined", "path-parameters-defined", "paging-bounds", "problem-answers",
                "operation-tag-defined", "tags-used", "no-unused-components", "no-enum-type-mismatch", "answer-schema");
        assertThat(findings).filteredOn(f -> f.rule().equals("operation-summary")).singleElement()
                .satisfies(f -> assertThat(f.toString()).contains("GET /api/v1/units/{unitId} (UnitController#unit)", "@Operation"));
    }

    @Test
    void duplicateIds_identicalAndAmbiguousPaths_areFound() throws Exception {
        String twoPaths = CLEAN.replace("\"paths\": {\"/api/v1/units/{unitId}\": {\"get\": {",
                "\"paths\": {\"/api/v1/units/{id}\": {\"get\": {\"operationId\": \"getUnit\"}}, \"/api/v1/{kind}/mine\": {\"get\": {\"operationId\": \"getUnit\"}},"
                        + " \"/api/v1/units/{unitId}\": {\"get\": {");
        List<OpenApiLint.Finding> findings = new OpenApiLint(JSON.readTree(twoPaths), Map.of()).findings();

        assertThat(findings).extracting(OpenApiLint.Finding::rule)
                .contains("operation-operationId-unique", "no-identical-paths", "no-ambiguous-paths");
    }
}
