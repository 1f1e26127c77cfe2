package io.guestlist.kernel.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a tenant. Serialized as its bare UUID; {@link #toString()} is that UUID too, as Axon stores ids as strings. */
public record WorkspaceId(@JsonValue UUID value) {

    public WorkspaceId {
        Objects.requireNonNull(value, "WorkspaceId needs a value");
    }

    @JsonCreator
    public static WorkspaceId of(UUID value) {
        return new WorkspaceId(value);
    }

    public static WorkspaceId parse(String value) {
        return new WorkspaceId(UUID.fromString(value));
    }

    public static WorkspaceId random() {
        return new WorkspaceId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
