package io.guestlist.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.ServiceTest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI document is a contract: it is valid (swagger-parser), holds the lint rules of
 * {@link OpenApiLint} at zero findings, and documents exactly the routes the service serves under
 * {@code /api/v1}. A new route fails here until its handler has {@code @Operation(operationId,
 * summary, description)}; the message names the route and its handler.
 */
class ApiContractTest extends ServiceTest {

    private static final String API = "/api/v1/";
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(ApiContractTest.class, registry);
    }

    @Test
    void theDocument_isValidOpenApi() {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document().toString(), null, options);
        assertThat(parsed.getOpenAPI()).isNotNull();
        assertThat(parsed.getMessages()).as("swagger-parser's messages on /v3/api-docs").isEmpty();
    }

    @Test
    void theDocument_holdsTheLintRules() {
        List<OpenApiLint.Finding> findings = new OpenApiLint(document(), servedRoutes()).findings();
        assertThat(findings).as("lint findings on /v3/api-docs, one a line").isEmpty();
    }

    @Test
    void everyServedRoute_isDocumented_andEveryDocumentedRoute_isServed() {
        Map<String, String> served = servedRoutes();
        assertThat(served).hasSizeGreaterThan(30);
        Set<String> documented = new TreeSet<>();
        document().path("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (HTTP_METHODS.contains(method)) {
                documented.add(method.toUpperCase() + " " + path.getKey());
            }
        }));
        assertThat(new TreeMap<>(served).keySet()).as("served routes missing from /v3/api-docs: give each handler"
                        + " @Operation(operationId, summary, description) and its controller @Tag; handlers: %s", served)
                .isSubsetOf(documented);
        assertThat(documented).as("documented routes that nothing serves").isSubsetOf(served.keySet());
    }

    /** An operationId springdoc makes from the Java method's name changes when the method is renamed: each handler names its own. */
    @Test
    void everyHandler_namesItsOperationId() {
        List<String> unnamed = mappings.getHandlerMethods().entrySet().stream()
                .filter(e -> e.getKey().getPatternValues().stream().anyMatch(p -> p.startsWith(API)))
                .filter(e -> {
                    Operation operation = e.getValue().getMethodAnnotation(Operation.class);
                    return operation == null || operation.operationId().isBlank();
                })
                .map(e -> e.getKey().getMethodsCondition().getMethods() + " " + e.getKey().getPatternValues() + " ("
                        + e.getValue().getBeanType().getSimpleName() + "#" + e.getValue().getMethod().getName() + ")")
                .sorted().toList();
        assertThat(unnamed).as("handlers without @Operation(operationId = \"verbNoun\", summary, description)").isEmpty();
    }

    private JsonNode document() {
        Api.Response doc = api().sendAuthorized(null, "GET", "/v3/api-docs", null);
        assertThat(doc.status()).isEqualTo(200);
        return doc.body();
    }

    /** "METHOD /api/v1/…" → "Controller#method", as OpenAPI writes paths: {kind:units|people} becomes {kind}. */
    private Map<String, String> servedRoutes() {
        Map<String, String> routes = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            String name = handler.getBeanType().getSimpleName() + "#" + handler.getMethod().getName();
            for (String pattern : entry.getKey().getPatternValues()) {
                if (!pattern.startsWith(API)) {
                    continue;
                }
                String path = pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
                entry.getKey().getMethodsCondition().getMethods().forEach(method -> routes.put(method.name() + " " + path, name));
            }
        }
        return routes;
    }
}
