package io.guestlist.query.audience;

import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.query.asof.AsOf;
import io.guestlist.query.audience.AudienceViews.AudiencePage;
import io.guestlist.query.audience.AudienceViews.OccasionDetail;
import io.guestlist.query.audience.AudienceViews.OccasionSummary;
import io.guestlist.query.support.AggregateETags;
import io.guestlist.query.support.AnswersETag;
import io.guestlist.query.support.Cursor;
import io.guestlist.query.support.Page;
import io.guestlist.query.support.Projections;
import io.guestlist.query.support.ReadYourWrites;
import io.guestlist.query.support.WorkspaceAccess;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Optional;
import java.util.UUID;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Events of the celebration and who is invited to each, and why. Every read accepts {@code ?after=}; members only. */
@Tag(name = "events and audiences")
@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/events")
class AudienceQueryController {

    private final AudienceQueries queries;
    private final AudienceCsv csv;
    private final WorkspaceAccess access;
    private final ReadYourWrites readYourWrites;
    private final AudienceAsOf audienceAsOf;
    private final AggregateETags etags;

    AudienceQueryController(AudienceQueries queries, AudienceCsv csv, WorkspaceAccess access, ReadYourWrites readYourWrites,
                            AudienceAsOf audienceAsOf, AggregateETags etags) {
        this.etags = etags;
        this.audienceAsOf = audienceAsOf;
        this.queries = queries;
        this.csv = csv;
        this.access = access;
        this.readYourWrites = readYourWrites;
    }

    @Operation(operationId = "listEvents", summary = "List events", description = "The workspace's events with their audience counts.")
    @GetMapping
    Page<OccasionSummary> occasions(@PathVariable UUID workspaceId, @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size, @RequestParam(required = false) Long after,
                                    Principal caller) {
        readYourWrites.await(after, Projections.GUEST_LIST);
        access.ensureMember(workspaceId, caller, after);
        return queries.occasions(workspaceId, Page.page(page), Page.size(size));
    }

    @Operation(operationId = "getEvent", summary = "Read an event",
            description = "The event with its audience rules and overrides; answers with its ETag for If-Match.")
    @GetMapping("/{eventId}")
    @AnswersETag
    ResponseEntity<OccasionDetail> occasion(@PathVariable UUID workspaceId, @PathVariable UUID eventId,
                                            @RequestParam(required = false) Long after, Principal caller) {
        readYourWrites.await(after, Projections.GUEST_LIST);
        access.ensureMember(workspaceId, caller, after);
        Optional<String> etag = etags.of(eventId, Projections.GUEST_LIST);
        OccasionDetail occasion = queries.occasion(workspaceId, eventId).orElseThrow(() -> GuestlistException.notFound("Event"));
        return AggregateETags.tagged(etag, occasion);
    }

    /**
     * A page of the audience in unit-name order; {@code inviteable=true} keeps only the units that can be invited;
     * {@code asOf=<instant>} answers as the audience stood then, folded from the event store.
     */
    @Operation(operationId = "getAudience", summary = "Read an event's audience",
            description = "A page of the audience in unit-name order, each unit with why it is in (rule or override);"
                    + " `inviteable=true` keeps the units that can be invited; `asOf` answers as the audience stood then.")
    @GetMapping("/{eventId}/audience")
    AudiencePage audience(@PathVariable UUID workspaceId, @PathVariable UUID eventId,
                          @RequestParam(defaultValue = "false") boolean inviteable, @RequestParam(required = false) Integer page,
                          @RequestParam(required = false) Integer size, @RequestParam(required = false) String cursor,
                          @RequestParam(required = false) Long after, @RequestParam(required = false) String asOf, Principal caller) {
        readYourWrites.await(after, Projections.GUEST_LIST);
        if (asOf != null) {
            readYourWrites.await(after, Projections.AUDIT);
        }
        access.ensureMember(workspaceId, caller, after);
        if (asOf != null) {
            if (cursor != null) {
                throw GuestlistException.invalid("cursor pages the live audience; an audience as of an instant pages by 'page'.");
            }
            return audienceAsOf.audience(workspaceId, eventId, AsOf.parse(asOf), inviteable, Page.page(page), Page.size(size));
        }
        return queries.audience(workspaceId, eventId, inviteable, Page.page(page), Page.size(size), Cursor.parse(cursor));
    }

    /** The whole audience as CSV, for sending invitations; see {@link AudienceCsv} for how cells are made safe. */
    @Operation(operationId = "exportAudienceCsv", summary = "Export an event's audience as CSV",
            description = "The whole audience as CSV, for sending invitations; cells that a spreadsheet would run as formulas are made safe.",
            responses = @ApiResponse(responseCode = "200", description = "The audience, one row per person.",
                    content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
    @GetMapping("/{eventId}/audience.csv")
    void audienceCsv(@PathVariable UUID workspaceId, @PathVariable UUID eventId,
                     @RequestParam(defaultValue = "false") boolean inviteable, @RequestParam(required = false) Long after,
                     Principal caller, HttpServletResponse response) throws IOException {
        readYourWrites.await(after, Projections.GUEST_LIST);
        access.ensureMember(workspaceId, caller, after);
        queries.ensureOccasion(workspaceId, eventId);
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audience-" + eventId + ".csv\"");
        csv.write(eventId, inviteable, response.getWriter());
    }
}
