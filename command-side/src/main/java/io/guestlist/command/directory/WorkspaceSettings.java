package io.guestlist.command.directory;

import java.util.List;

/** What commands need to know of a workspace: how to read national phone numbers, and its sides. */
public record WorkspaceSettings(String defaultRegion, List<String> sides) {
}
