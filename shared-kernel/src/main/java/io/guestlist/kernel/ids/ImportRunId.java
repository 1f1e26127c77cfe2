package io.guestlist.kernel.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies an import run. Serialized as its bare UUID; {@link #toString()} is that UUID too, as Axon stores ids as strings. */
public record ImportRunId(@JsonValue UUID value) {

    public ImportRunId {
        Objects.requireNonNull(value, "ImportRunId needs a value");
    }

    @JsonCreator
    public static ImportRunId of(UUID value) {
        return new ImportRunId(value);
    }

    public static ImportRunId parse(String value) {
        return new ImportRunId(UUID.fromString(value));
    }

    public static ImportRunId random() {
        return new ImportRunId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
