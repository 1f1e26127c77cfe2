package io.guestlist.kernel.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a guest unit (household). Serialized as its bare UUID; {@link #toString()} is that UUID too, as Axon stores ids as strings. */
public record UnitId(@JsonValue UUID value) {

    public UnitId {
        Objects.requireNonNull(value, "UnitId needs a value");
    }

    @JsonCreator
    public static UnitId of(UUID value) {
        return new UnitId(value);
    }

    public static UnitId parse(String value) {
        return new UnitId(UUID.fromString(value));
    }

    public static UnitId random() {
        return new UnitId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
