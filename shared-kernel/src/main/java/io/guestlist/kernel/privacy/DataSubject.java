package io.guestlist.kernel.privacy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The id whose key encrypts the {@link PersonalData} of this object and of the objects inside it
 * (a person's id on their events; on an import row, the person it resolved to). The nearest
 * non-null subject wins: a row that resolved to no person falls back to the run's id.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface DataSubject {
}
