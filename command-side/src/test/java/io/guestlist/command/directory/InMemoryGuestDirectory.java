package io.guestlist.command.directory;

import io.guestlist.kernel.ids.OccasionId;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.workspace.Role;

import java.util.HashMap;
import java.util.Set;
import java.util.HashSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link GuestDirectory} port in memory, for aggregate fixtures. It keeps the same contract as
 * the JDBC directory (a phone is held by one person per workspace, units belong to one workspace),
 * but the test seeds it with what the lookup tables would hold instead of a projection.
 */
public class InMemoryGuestDirectory implements GuestDirectory {

    private record PhoneKey(WorkspaceId workspace, String e164) {
    }

    private record Unit(WorkspaceId workspace, boolean active) {
    }

    private final Map<WorkspaceId, WorkspaceSettings> workspaces = new HashMap<>();
    private final Map<WorkspaceId, Map<String, Role>> roles = new HashMap<>();
    private final Map<UnitId, Unit> units = new HashMap<>();
    private final Map<PersonId, UnitId> memberships = new LinkedHashMap<>();
    private final Map<PhoneKey, PersonId> claims = new HashMap<>();
    private final Map<UnitId, String> sides = new HashMap<>();
    private final Map<UnitId, Set<String>> tags = new HashMap<>();
    private final Map<OccasionId, Map.Entry<WorkspaceId, Set<String>>> occasionSides = new HashMap<>();
    private final Map<OccasionId, Map.Entry<WorkspaceId, Set<String>>> occasionTags = new HashMap<>();

    /** The unit (added with {@link #withUnit}) has this side. */
    public InMemoryGuestDirectory withUnitSide(UnitId unit, String side) {
        sides.put(unit, side);
        return this;
    }

    @Override
    public Optional<WorkspaceSettings> workspaceToSetASide(WorkspaceId workspace) {
        return workspace(workspace);
    }

    /** One command at a time in a fixture: nothing to lock. */
    @Override
    public void lockSides(WorkspaceId workspace) {
    }

    /** The event's audience rules name these sides. */
    public InMemoryGuestDirectory withOccasionSides(WorkspaceId workspace, OccasionId occasion, String... named) {
        occasionSides.put(occasion, Map.entry(workspace, Set.of(named)));
        return this;
    }

    @Override
    public List<OccasionId> occasionsWithSide(WorkspaceId workspace, String side) {
        return occasionSides.entrySet().stream().filter(o -> o.getValue().getKey().equals(workspace) && o.getValue().getValue().contains(side))
                .map(Map.Entry::getKey).sorted(java.util.Comparator.comparing(OccasionId::toString)).toList();
    }

    /** The event's audience rules name these tags. */
    public InMemoryGuestDirectory withOccasionTags(WorkspaceId workspace, OccasionId occasion, String... named) {
        occasionTags.put(occasion, Map.entry(workspace, Set.of(named)));
        return this;
    }

    @Override
    public List<OccasionId> occasionsWithTag(WorkspaceId workspace, String tag) {
        return occasionTags.entrySet().stream().filter(o -> o.getValue().getKey().equals(workspace) && o.getValue().getValue().contains(tag))
                .map(Map.Entry::getKey).sorted(java.util.Comparator.comparing(OccasionId::toString)).toList();
    }

    /** The unit (added with {@link #withUnit}) carries these tags. */
    public InMemoryGuestDirectory withUnitTags(UnitId unit, String... carried) {
        tags.put(unit, Set.of(carried));
        return this;
    }

    @Override
    public List<UnitId> unitsWithSide(WorkspaceId workspace, String side) {
        return units.entrySet().stream().filter(u -> u.getValue().workspace().equals(workspace))
                .map(Map.Entry::getKey).filter(u -> side.equals(sides.get(u))).sorted(java.util.Comparator.comparing(UnitId::toString)).toList();
    }

    @Override
    public List<UnitId> unitsWithTag(WorkspaceId workspace, String tag) {
        return units.entrySet().stream().filter(u -> u.getValue().workspace().equals(workspace))
                .map(Map.Entry::getKey).filter(u -> tags.getOrDefault(u, Set.of()).contains(tag))
                .sorted(java.util.Comparator.comparing(UnitId::toString)).toList();
    }

    public InMemoryGuestDirectory withWorkspace(WorkspaceId workspace, String defaultRegion, List<String> sides) {
        workspaces.put(workspace, new WorkspaceSettings(defaultRegion, List.copyOf(sides)));
        return this;
    }

    public InMemoryGuestDirectory withRole(WorkspaceId workspace, String userId, Role role) {
        roles.computeIfAbsent(workspace, w -> new HashMap<>()).put(userId, role);
        return this;
    }

    public InMemoryGuestDirectory withUnit(WorkspaceId workspace, UnitId unit) {
        units.put(unit, new Unit(workspace, true));
        return this;
    }

    public InMemoryGuestDirectory withArchivedUnit(WorkspaceId workspace, UnitId unit) {
        units.put(unit, new Unit(workspace, false));
        return this;
    }

    /** An active membership: the person is in this unit now (and in no other). */
    public InMemoryGuestDirectory withMember(PersonId person, UnitId unit) {
        memberships.put(person, unit);
        return this;
    }

    public InMemoryGuestDirectory withClaim(WorkspaceId workspace, String e164, PersonId holder) {
        claims.put(new PhoneKey(workspace, e164), holder);
        return this;
    }

    /** Who holds this phone in the workspace, if anyone. */
    public Optional<PersonId> holderOf(WorkspaceId workspace, String e164) {
        return Optional.ofNullable(claims.get(new PhoneKey(workspace, e164)));
    }

    /** How many phones are claimed, in every workspace. */
    public int claimCount() {
        return claims.size();
    }

    @Override
    public Optional<PersonId> claimPhone(WorkspaceId workspace, String e164, PersonId claimant) {
        PersonId holder = claims.putIfAbsent(new PhoneKey(workspace, e164), claimant);
        return holder == null || holder.equals(claimant) ? Optional.empty() : Optional.of(holder);
    }

    @Override
    public Set<String> claimAll(WorkspaceId workspace, Map<String, PersonId> wanted) {
        Set<String> claimed = new HashSet<>();
        wanted.forEach((phone, claimant) -> {
            if (claimPhone(workspace, phone, claimant).isEmpty()) {
                claimed.add(phone);
            }
        });
        return claimed;
    }

    @Override
    public Map<String, PersonId> holdersOf(WorkspaceId workspace, Collection<String> phones) {
        Map<String, PersonId> holders = new HashMap<>();
        phones.forEach(phone -> holderOf(workspace, phone).ifPresent(holder -> holders.put(phone, holder)));
        return holders;
    }

    @Override
    public void releasePhone(WorkspaceId workspace, String e164, PersonId holder) {
        claims.remove(new PhoneKey(workspace, e164), holder);
    }

    @Override
    public Optional<WorkspaceSettings> workspace(WorkspaceId workspace) {
        return Optional.ofNullable(workspaces.get(workspace));
    }

    @Override
    public Optional<Role> roleOf(WorkspaceId workspace, String userId) {
        return Optional.ofNullable(roles.getOrDefault(workspace, Map.of()).get(userId));
    }

    @Override
    public Optional<Boolean> unitActive(WorkspaceId workspace, UnitId unit) {
        return Optional.ofNullable(units.get(unit)).filter(u -> u.workspace().equals(workspace)).map(Unit::active);
    }

    @Override
    public Map<PersonId, UnitId> unitsOf(Collection<PersonId> people) {
        Map<PersonId, UnitId> found = new HashMap<>();
        people.stream().filter(memberships::containsKey).forEach(p -> found.put(p, memberships.get(p)));
        return found;
    }

    /** Its units have no names here: no household joins one by name. */
    @Override
    public Map<UnitId, String> activeUnitNames(WorkspaceId workspace) {
        return Map.of();
    }

    @Override
    public List<PersonId> membersOf(UnitId unit) {
        return memberships.entrySet().stream().filter(m -> m.getValue().equals(unit)).map(Map.Entry::getKey).toList();
    }
}
