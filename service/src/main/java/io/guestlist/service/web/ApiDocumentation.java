package io.guestlist.service.web;

import io.guestlist.command.web.HonoursIfMatch;
import io.guestlist.query.support.AnswersETag;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /v3/api-docs}): every {@code /api/v1} operation needs a bearer JWT,
 * and the resources with versions document their {@code ETag} and {@code If-Match} (412).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BEARER = "bearerAuth";
    private static final String API = "/api/v1";

    @Bean
    OpenAPI guestlistOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Guestlist API").version("v1"))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("A JWT whose subject is the calling member.")));
    }

    @Bean
    OpenApiCustomizer bearerOnEveryApiOperation() {
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith(API)) {
                item.readOperations().forEach(operation -> operation.addSecurityItem(new SecurityRequirement().addList(BEARER)));
            }
        });
    }

    @Bean
    OperationCustomizer versionHeaders() {
        return (operation, handler) -> {
            if (handler.hasMethodAnnotation(AnswersETag.class)) {
                etagOnSuccess(operation, "The aggregate's version; absent while the read model has not caught up with it.");
            }
            if (handler.hasMethodAnnotation(HonoursIfMatch.class)) {
                operation.addParametersItem(new HeaderParameter().name("If-Match").required(false).schema(new StringSchema())
                        .description("The ETag last read (e.g. \"7\"), or *. A stale one answers 412 and changes nothing."));
                etagOnSuccess(operation, "The aggregate's version after the command.");
                ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
                responses.addApiResponse("412", new ApiResponse()
                        .description("precondition-failed: the resource changed since the version in If-Match.")
                        .content(new Content().addMediaType("application/problem+json", new MediaType())));
                operation.setResponses(responses);
            }
            return operation;
        };
    }

    private static void etagOnSuccess(Operation operation, String description) {
        if (operation.getResponses() == null) {
            return;
        }
        operation.getResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                response.addHeaderObject("ETag", new Header().description(description).schema(new StringSchema()));
            }
        });
    }
}
