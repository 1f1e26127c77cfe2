package io.guestlist.query.workspace;

import io.guestlist.query.support.AggregateETags;
import io.guestlist.query.support.AnswersETag;
import io.guestlist.query.support.Projections;
import io.guestlist.query.support.ReadYourWrites;
import io.guestlist.query.support.WorkspaceAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A workspace as its members see it: settings, sides and members. */
@Tag(name = "workspaces")
@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}")
class WorkspaceQueryController {

    /** Named apart from a unit's member in the OpenAPI document, where schemas go by simple name. */
    @Schema(name = "WorkspaceMember")
    record Member(String userId, String role, Instant since) {
    }

    record WorkspaceView(UUID id, String name, String defaultRegion, List<String> sides, List<Member> members,
                         Instant createdAt, String createdBy) {
    }

    private final JdbcClient jdbc;
    private final WorkspaceAccess access;
    private final ReadYourWrites readYourWrites;
    private final AggregateETags etags;

    WorkspaceQueryController(JdbcClient jdbc, WorkspaceAccess access, ReadYourWrites readYourWrites, AggregateETags etags) {
        this.etags = etags;
        this.jdbc = jdbc;
        this.access = access;
        this.readYourWrites = readYourWrites;
    }

    /** Governance projects in the command's transaction, so the workspace always has its ETag. */
    @Operation(operationId = "getWorkspace", summary = "Read a workspace",
            description = "The workspace's settings, sides and members; answers with its ETag for If-Match. Members only.")
    @GetMapping
    @AnswersETag
    ResponseEntity<WorkspaceView> get(@PathVariable UUID workspaceId, @RequestParam(required = false) Long after, Principal caller) {
        readYourWrites.await(after, Projections.GOVERNANCE);
        access.ensureMember(workspaceId, caller, after);
        Optional<String> etag = etags.of(workspaceId, Projections.GOVERNANCE);
        List<String> sides = jdbc.sql("SELECT name FROM sides WHERE workspace_id = ? ORDER BY position")
                .param(workspaceId).query(String.class).list();
        List<Member> members = jdbc.sql("SELECT user_id, role, created_at FROM workspace_members WHERE workspace_id = ? ORDER BY created_at, user_id")
                .param(workspaceId)
                .query((rs, n) -> new Member(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant())).list();
        WorkspaceView workspace = jdbc.sql("SELECT name, default_region, created_at, created_by FROM workspaces WHERE workspace_id = ?")
                .param(workspaceId)
                .query((rs, n) -> new WorkspaceView(workspaceId, rs.getString(1), rs.getString(2), sides, members,
                        rs.getTimestamp(3).toInstant(), rs.getString(4)))
                .single();
        return AggregateETags.tagged(etag, workspace);
    }
}
