package io.guestlist.command.guestunit;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The body of a unit's PATCH as the API documents it; the controller reads it as a map, to tell an absent field from a null one. */
@Schema(name = "UnitChange", example = """
        {"name": "The Sharma-Rao Family", "tags": ["family", "out-of-town"]}""")
record UnitChange(@Schema(description = "The new name.") String name,
                  @Schema(description = "One of the workspace's sides; null clears it.", nullable = true) String side,
                  @Schema(description = "The unit's full set of tags.") List<String> tags,
                  @Schema(description = "ARCHIVED archives the unit, ACTIVE restores it; the current status is no change.", allowableValues = {"ACTIVE", "ARCHIVED"})
                  String status) {
}
