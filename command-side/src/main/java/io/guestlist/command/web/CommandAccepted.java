package io.guestlist.command.web;

import java.util.UUID;

/** The answer to a command: the resource it made or changed, and the position to read it back {@code ?after=}. */
public record CommandAccepted(UUID id, long position) {
}
