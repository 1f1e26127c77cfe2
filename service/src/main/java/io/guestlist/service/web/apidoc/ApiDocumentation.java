package io.guestlist.service.web.apidoc;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The OpenAPI document ({@code /v3/api-docs}). A route documents itself with {@code @Tag} on its
 * controller and {@code @Operation(operationId, summary, description)}, plus {@code @Rejects} for
 * the problem types only it can answer; what every route of a kind shares (the bearer JWT, the
 * problem answers, the ETag and If-Match headers, the paging bounds) is added here.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BEARER = "bearerAuth";
    private static final String API = "/api/v1";

    /** The tags, in the order a reader meets them; every operation carries one of them. */
    static final List<Tag> TAGS = List.of(
            new Tag().name("workspaces").description("A celebration's workspace: its settings, sides and members."),
            new Tag().name("units").description("Guest units (households, couples, single guests) and their members."),
            new Tag().name("people").description("People on the guest list, found by id or phone; edited, moved, removed, deleted."),
            new Tag().name("imports").description("Importing guests from CSV, contacts or JSON, the runs' rows, and undo."),
            new Tag().name("events and audiences").description("The events of the celebration and who is invited to each, and why."),
            new Tag().name("audit").description("The history of one resource and the workspace's audit feed."),
            new Tag().name("operations").description("Rebuilding the read model and the events it parked; operators only."));

    static {
        // Jackson 3's JsonNode (an import row's raw and parsed values) is any JSON object, not a bean of getters.
        SpringDocUtils.getConfig().replaceWithSchema(tools.jackson.databind.JsonNode.class, new ObjectSchema()
                .description("Any JSON object."));
    }

    @Bean
    OpenAPI guestlistOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Guestlist API").version("v1")
                        .description("Guest lists for multi-event celebrations. Every answer that is an error is"
                                + " application/problem+json (the Problem schema) with a stable type."))
                // The origin the document is served from (Swagger UI calls it), not one springdoc derives from the request:
                // the committed document is then the same on every host and port.
                .servers(List.of(new Server().url("/").description("This service: the origin that serves this document.")))
                .tags(TAGS)
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                                .description("A JWT whose subject is the calling member."))
                        .addSchemas(ProblemAnswers.PROBLEM, ProblemAnswers.problemSchema()));
    }

    @Bean
    OpenApiCustomizer bearerOnEveryApiOperation() {
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith(API)) {
                item.readOperations().forEach(operation -> operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER))));
            }
        });
    }

    /** What every route of a kind shares: its parameters' formats and bounds, its version headers, its problem answers. */
    @Bean
    OperationCustomizer sharedByKind() {
        return (operation, handler) -> {
            SharedParameters.document(operation);
            VersionHeaders.document(operation, handler);
            ProblemAnswers.document(operation, handler);
            return operation;
        };
    }
}
