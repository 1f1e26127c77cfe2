package io.guestlist.query.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a read that answers its aggregate's version as {@code ETag} ({@link AggregateETags}), so the API document says so. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AnswersETag {
}
