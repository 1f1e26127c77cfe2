package io.guestlist.kernel.privacy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field that holds a person's personal data (a name, a phone, an email, notes, an import row's
 * cells). Wherever the object is stored (an event, a snapshot) the field's value is written encrypted
 * with the key of its {@link DataSubject}; once that key is erased the field reads as {@code null}.
 * A new personal field needs only this annotation.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface PersonalData {
}
