package io.guestlist.query.guestlist;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.guestlist.query.support.Projections;
import io.guestlist.query.support.ReadYourWrites;
import io.guestlist.query.support.WorkspaceAccess;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.List;
import java.util.UUID;

/** The tags in use in a workspace. */
@Tag(name = "units")
@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}")
class TagQueryController {

    /** {@code units}: the active units that carry the tag, the count a host plans with; {@code archivedUnits} beside it. */
    record TagView(String tag, long units, long archivedUnits) {
    }

    record Tags(List<TagView> items) {
    }

    private final JdbcClient jdbc;
    private final WorkspaceAccess access;
    private final ReadYourWrites readYourWrites;

    TagQueryController(JdbcClient jdbc, WorkspaceAccess access, ReadYourWrites readYourWrites) {
        this.jdbc = jdbc;
        this.access = access;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping("/tags")
    @Operation(operationId = "listTags", summary = "List the tags in use",
            description = "Every tag that at least one unit (active or archived) carries, by name, with units: how many ACTIVE "
                    + "units carry it, and archivedUnits: how many archived ones. Any member may read it.")
    Tags tags(@PathVariable UUID workspaceId, @RequestParam(required = false) Long after, Principal caller) {
        readYourWrites.await(after, Projections.GUEST_LIST);
        access.ensureMember(workspaceId, caller, after);
        return new Tags(jdbc.sql("""
                        SELECT t.tag, count(*) FILTER (WHERE u.status = 'ACTIVE'), count(*) FILTER (WHERE u.status = 'ARCHIVED')
                          FROM unit_tags t JOIN guest_units u ON u.unit_id = t.unit_id
                         WHERE t.workspace_id = ?
                         GROUP BY t.tag ORDER BY t.tag""")
                .param(workspaceId)
                .query((rs, n) -> new TagView(rs.getString(1), rs.getLong(2), rs.getLong(3))).list());
    }
}
