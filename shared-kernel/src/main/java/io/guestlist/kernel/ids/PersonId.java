package io.guestlist.kernel.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a person (one guest). Serialized as its bare UUID; {@link #toString()} is that UUID too, as Axon stores ids as strings. */
public record PersonId(@JsonValue UUID value) {

    public PersonId {
        Objects.requireNonNull(value, "PersonId needs a value");
    }

    @JsonCreator
    public static PersonId of(UUID value) {
        return new PersonId(value);
    }

    public static PersonId parse(String value) {
        return new PersonId(UUID.fromString(value));
    }

    public static PersonId random() {
        return new PersonId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
