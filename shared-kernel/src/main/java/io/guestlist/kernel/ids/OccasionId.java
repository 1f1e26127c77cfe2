package io.guestlist.kernel.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies an event of the celebration (`events` in the API). Serialized as its bare UUID; {@link #toString()} is that UUID too, as Axon stores ids as strings. */
public record OccasionId(@JsonValue UUID value) {

    public OccasionId {
        Objects.requireNonNull(value, "OccasionId needs a value");
    }

    @JsonCreator
    public static OccasionId of(UUID value) {
        return new OccasionId(value);
    }

    public static OccasionId parse(String value) {
        return new OccasionId(UUID.fromString(value));
    }

    public static OccasionId random() {
        return new OccasionId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
