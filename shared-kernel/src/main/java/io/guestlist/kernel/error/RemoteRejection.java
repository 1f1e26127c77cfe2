package io.guestlist.kernel.error;

import java.util.Map;

/**
 * The details of a {@link GuestlistException} as they travel inside Axon's
 * {@code CommandExecutionException}, so a rejection keeps its code across a distributed command bus.
 */
public record RemoteRejection(ErrorCode code, Map<String, Object> details) {
}
