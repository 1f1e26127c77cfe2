package io.guestlist.service.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.guestlist.service.security.SecurityConfig;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/** A small HTTP client for API tests: JSON in, {@link Response} out, as a given user. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;

    public Api(int port) {
        this.port = port;
    }

    /** {@code etag} is the response's {@code ETag} header, or null. */
    public record Response(int status, String contentType, String location, JsonNode body, String etag) {
        public Response(int status, String contentType, String location, JsonNode body) {
            this(status, contentType, location, body, null);
        }

        public String id() {
            return body.path("id").asText();
        }

        public long position() {
            return body.path("position").asLong();
        }
    }

    /** A token for the user, signed with the development secret the tests run with. */
    public static String tokenFor(String userId) {
        return sign(userId, Instant.now().plusSeconds(3600), SecurityConfig.DEVELOPMENT_SECRET);
    }

    public static String sign(String userId, Instant expires, String secret) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
                    new JWTClaimsSet.Builder().subject(userId).issueTime(new Date()).expirationTime(Date.from(expires)).build());
            jwt.sign(new MACSigner(secret.getBytes()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public Response get(String user, String path) {
        return send(user, "GET", path, null);
    }

    public Response post(String user, String path, Object body) {
        return send(user, "POST", path, body);
    }

    public Response put(String user, String path, Object body) {
        return send(user, "PUT", path, body);
    }

    public Response patch(String user, String path, Object body) {
        return send(user, "PATCH", path, body);
    }

    public Response delete(String user, String path) {
        return send(user, "DELETE", path, null);
    }

    /** Sends as the user with extra request headers (e.g. {@code X-Request-Id}). */
    public Response send(String user, String method, String path, Object body, Map<String, String> headers) {
        return exchange("Bearer " + tokenFor(user), method, path, body, headers);
    }

    /** Sends with a raw Authorization header value (or none, when null). */
    public Response sendAuthorized(String authorization, String method, String path, Object body) {
        return exchange(authorization, method, path, body, Map.of());
    }

    private Response exchange(String authorization, String method, String path, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)))
                    .header("Content-Type", "application/json");
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            headers.forEach(request::header);
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() ? JSON.nullNode() : parse(response.body());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), json, response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POSTs raw bytes with a content type and extra headers (e.g. {@code Idempotency-Key}). */
    public Response postBytes(String user, String path, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .expectContinue(body.length > 1024 * 1024)
                .header("Authorization", "Bearer " + tokenFor(user));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return exchange(request.build());
    }

    /** POSTs one file as the multipart field {@code file}. */
    public Response postFile(String user, String path, String fileName, String contentType, byte[] file) {
        String boundary = "----guestlist" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return postBytes(user, path, "multipart/form-data; boundary=" + boundary, body.toByteArray(), Map.of());
    }

    private Response exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() ? JSON.nullNode() : parse(response.body());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), json, response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Response send(String user, String method, String path, Object body) {
        return sendAuthorized("Bearer " + tokenFor(user), method, path, body);
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
