package io.guestlist.query.guestlist;

import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.phone.PhoneNormalizer;
import io.guestlist.query.asof.AsOf;
import io.guestlist.query.asof.AsOfReader;
import io.guestlist.query.guestlist.GuestListViews.PersonView;
import io.guestlist.query.guestlist.GuestListViews.UnitDetail;
import io.guestlist.query.guestlist.GuestListViews.UnitSummary;
import io.guestlist.query.support.AggregateETags;
import io.guestlist.query.support.AnswersETag;
import io.guestlist.query.support.Cursor;
import io.guestlist.query.support.Page;
import io.guestlist.query.support.Projections;
import io.guestlist.query.support.ReadYourWrites;
import io.guestlist.query.support.WorkspaceAccess;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import io.swagger.v3.oas.annotations.Operation;

/** The guest list: units with their members, and people. Every read accepts {@code ?after=}. */
@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}")
class GuestListQueryController {

    private final GuestListQueries queries;
    private final WorkspaceAccess access;
    private final ReadYourWrites readYourWrites;
    private final AsOfReader asOfReader;
    private final AggregateETags etags;

    GuestListQueryController(GuestListQueries queries, WorkspaceAccess access, ReadYourWrites readYourWrites, AsOfReader asOfReader,
                             AggregateETags etags) {
        this.etags = etags;
        this.asOfReader = asOfReader;
        this.queries = queries;
        this.access = access;
        this.readYourWrites = readYourWrites;
    }

    @Operation(operationId = "listUnits", tags = "units", summary = "List units",
            description = "A page of the workspace's units in name order, with their members; filtered by `side`, `tag`, `status`"
                    + " (ACTIVE or ARCHIVED) and `q` (a name or phone fragment). Page by `cursor` (`next`) or by `page`.")
    @GetMapping("/units")
    Page<UnitSummary> units(@PathVariable UUID workspaceId, @RequestParam(required = false) String side,
                            @RequestParam(required = false) String tag, @RequestParam(required = false) String status,
                            @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                            @RequestParam(required = false) Integer size, @RequestParam(required = false) String cursor,
                            @RequestParam(required = false) Long after, Principal caller) {
        readYourWrites.await(after, Projections.GUEST_LIST);
        access.ensureMember(workspaceId, caller, after);
        if (status != null && !status.equals("ACTIVE") && !status.equals("ARCHIVED")) {
            throw GuestlistException.invalid("status must be ACTIVE or ARCHIVED.");
        }
        return queries.units(workspaceId, new GuestListQueries.UnitFilter(side, tag, status, q), Page.page(page), Page.size(size),
                Cursor.parse(cursor));
    }

    /** Read as it stands, the unit answers with its {@code ETag} for {@code If-Match}; as of an instant, without. */
    @Operation(operationId = "getUnit", tags = "units", summary = "Read a unit",
            description = "The unit with its members. Read as it stands, it answers with its ETag for If-Match; `asOf` answers as it"
                    + " stood then, without one.")
    @GetMapping("/units/{unitId}")
    @AnswersETag
    ResponseEntity<UnitDetail> unit(@PathVariable UUID workspaceId, @PathVariable UUID unitId, @RequestParam(required = false) Long after,
                    @RequestParam(required = false) String asOf, Principal caller) {
        readYourWrites.await(after, Projections.GUEST_LIST);
        if (asOf != null) {
            readYourWrites.await(after, Projections.AUDIT);
        }
        access.ensureMember(workspaceId, caller, after);
        if (asOf != null) {
            return ResponseEntity.ok(asOfReader.unit(workspaceId, unitId, AsOf.parse(asOf)).map(UnitAsOfView::detail)
                    .orElseThrow(() -> GuestlistException.notFound("Unit")));
        }
        Optional<String> etag = etags.of(unitId, Projections.GUEST_LIST);
        return AggregateETags.tagged(etag, queries.unit(workspaceId, unitId).orElseThrow(() -> GuestlistException.notFound("Unit")));
    }

    @Operation(operationId = "getPerson", tags = "people", summary = "Read a person",
            description = "The person with their unit, phone and invite target; answers with their ETag for If-Match.")
    @GetMapping("/people/{personId}")
    @AnswersETag
    ResponseEntity<PersonView> person(@PathVariable UUID workspaceId, @PathVariable UUID personId,
                                      @RequestParam(required = false) Long after, Principal caller) {
        readYourWrites.await(after, Projections.GUEST_LIST);
        access.ensureMember(workspaceId, caller, after);
        Optional<String> etag = etags.of(personId, Projections.GUEST_LIST);
        return AggregateETags.tagged(etag, queries.person(workspaceId, personId).orElseThrow(() -> GuestlistException.notFound("Person")));
    }

    /** Finds people by phone in any format: normalized with the workspace's default region, as on import. */
    @Operation(operationId = "findPeopleByPhone", tags = "people", summary = "Find people by phone",
            description = "The people of the workspace with this phone, in any format: normalized with `country`, else the workspace's"
                    + " region, as an import reads it. One page with every match.")
    @GetMapping("/people")
    Page<PersonView> peopleByPhone(@PathVariable UUID workspaceId, @RequestParam String phone,
                                   @RequestParam(required = false) String country, @RequestParam(required = false) Long after,
                                   Principal caller) {
        readYourWrites.await(after, Projections.GUEST_LIST);
        access.ensureMember(workspaceId, caller, after);
        String region = queries.defaultRegion(workspaceId);
        String e164 = PhoneNormalizer.parse(phone, country, region).map(p -> p.e164()).orElse(null);
        List<PersonView> people = queries.peopleByPhone(workspaceId, e164, phone).stream()
                .map(id -> queries.person(workspaceId, id).orElseThrow()).toList();
        return new Page<>(people, 0, people.size(), people.size());
    }
}
