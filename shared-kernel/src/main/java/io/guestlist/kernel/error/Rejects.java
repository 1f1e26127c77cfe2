package io.guestlist.kernel.error;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem types a route can answer beyond those the API documentation gives every route of its
 * kind (bad input, no token, no access, an unknown id, a stale {@code If-Match}, the database away):
 * the OpenAPI document lists them as the route's 4xx answers.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Rejects {

    ErrorCode[] value();
}
