package io.guestlist.query.audit;

import io.guestlist.query.audit.AuditViews.AuditItem;
import io.guestlist.query.audit.AuditViews.HistoryItem;
import io.guestlist.query.support.InstantParam;
import io.guestlist.query.support.Page;
import io.guestlist.query.support.Projections;
import io.guestlist.query.support.ReadYourWrites;
import io.guestlist.query.support.WorkspaceAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.UUID;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** History of one aggregate (from the event store) and the workspace's audit feed (from {@code audit_log}); members only. */
@Tag(name = "audit")
@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}")
class AuditQueryController {

    private final HistoryQueries history;
    private final AuditQueries audit;
    private final WorkspaceAccess access;
    private final ReadYourWrites readYourWrites;

    AuditQueryController(HistoryQueries history, AuditQueries audit, WorkspaceAccess access, ReadYourWrites readYourWrites) {
        this.history = history;
        this.audit = audit;
        this.access = access;
        this.readYourWrites = readYourWrites;
    }

    /** Oldest first; {@code kind} is {@code units}, {@code people}, {@code imports} or {@code events}. */
    @Operation(operationId = "getHistory", summary = "Read a resource's history",
            description = "The events of one unit, person, import run or event, oldest first, read from the event store.")
    @GetMapping("/{kind:units|people|imports|events}/{id}/history")
    Page<HistoryItem> history(@PathVariable UUID workspaceId,
                              @Parameter(schema = @Schema(allowableValues = {"units", "people", "imports", "events"}))
                              @PathVariable String kind, @PathVariable UUID id,
                              @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                              @RequestParam(required = false) Long after, Principal caller) {
        if ("units".equals(kind)) {
            readYourWrites.await(after, Projections.AUDIT); // a unit's history finds its people's events through the feed
        }
        access.ensureMember(workspaceId, caller, after);
        return history.history(workspaceId, kind, id, Page.page(page), Page.size(size));
    }

    /** Newest first. {@code importRunId} keeps the run's own events and every change the run made. */
    @Operation(operationId = "listAuditEntries", summary = "Read the audit feed",
            description = "The workspace's changes, newest first: who, when, what, by which request. Filtered by `aggregateId`,"
                    + " `memberId`, a time range and `importRunId` (the run's own events and every change it made).")
    @GetMapping("/audit")
    Page<AuditItem> audit(@PathVariable UUID workspaceId, @RequestParam(required = false) UUID aggregateId,
                          @RequestParam(required = false) String memberId, @RequestParam(required = false) String from,
                          @RequestParam(required = false) String to, @RequestParam(required = false) UUID importRunId,
                          @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                          @RequestParam(required = false) Long after, Principal caller) {
        readYourWrites.await(after, Projections.AUDIT);
        access.ensureMember(workspaceId, caller, after);
        var filter = new AuditQueries.AuditFilter(aggregateId, memberId, InstantParam.parse("from", from),
                InstantParam.parse("to", to), importRunId);
        return audit.feed(workspaceId, filter, Page.page(page), Page.size(size));
    }
}
