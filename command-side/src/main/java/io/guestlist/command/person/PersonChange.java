package io.guestlist.command.person;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of a person's PATCH as the API documents it; the controller reads it as a map, to tell an absent field from a null one. */
@Schema(name = "PersonChange", example = """
        {"name": "Anita Sharma-Rao", "phone": "+91 98111 22299", "notes": "Arrives on the 14th"}""")
record PersonChange(@Schema(description = "The new name.") String name,
                    @Schema(description = "The new phone in any format; null removes it.", nullable = true) String phone,
                    @Schema(description = "ISO 3166 region to read a national phone with; else the workspace's.") String country,
                    @Schema(description = "The email address, checked loosely; null removes it.", nullable = true) String email,
                    @Schema(description = "Free notes, line breaks allowed; null removes them.", nullable = true) String notes) {
}
