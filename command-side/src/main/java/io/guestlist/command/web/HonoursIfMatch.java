package io.guestlist.command.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a write that checks {@code If-Match} and answers the new {@code ETag}, so the API document says so. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface HonoursIfMatch {
}
