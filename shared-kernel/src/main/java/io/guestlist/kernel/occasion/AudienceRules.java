package io.guestlist.kernel.occasion;

import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.text.InputBounds;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Which units an event's audience takes (SPEC §5), before overrides. A unit matches {@link Include}
 * when every given criterion holds: {@code all} takes every unit, {@code sides} lists the sides
 * allowed, {@code tags} must match per {@code tagMatch}. An include with {@code all = false} and no
 * sides or tags selects nothing, so a new event invites nobody until its host says whom. A unit is
 * left out when it matches any criterion of {@link Exclude}. Only ACTIVE units are ever in.
 *
 * <p>Lists are kept trimmed, distinct and sorted, so two equal rule sets compare equal whatever
 * order they were given in.
 */
public record AudienceRules(Include include, Exclude exclude) {

    public static final String BAD_LABEL = "Audience sides and tags are non-blank labels of at most " + InputBounds.LABEL + " characters.";

    /** The rules of a new event: nobody. */
    public static final AudienceRules NOBODY = new AudienceRules(null, null);

    public AudienceRules {
        include = include == null ? new Include(false, null, null, null) : include;
        exclude = exclude == null ? new Exclude(null, null) : exclude;
    }

    public record Include(boolean all, List<String> sides, List<String> tags, TagMatch tagMatch) {
        public Include {
            sides = labels(sides);
            tags = labels(tags);
            tagMatch = tagMatch == null ? TagMatch.ANY : tagMatch;
        }

        /** Whether this include can select any unit at all. */
        public boolean selectsSomething() {
            return all || !sides.isEmpty() || !tags.isEmpty();
        }
    }

    public record Exclude(List<String> sides, List<String> tags) {
        public Exclude {
            sides = labels(sides);
            tags = labels(tags);
        }
    }

    /**
     * Whether a unit with this side and these tags matches the rules, before status and overrides.
     * Sides and tags compare exactly, as in the database. A unit
     * without a side ({@code null}) is in no listed side, as SQL's {@code side = ANY(...)} is not true for it.
     */
    public boolean matches(String side, Collection<String> tags) {
        if (!include.selectsSomething()) {
            return false;
        }
        if (tags == null) {
            tags = List.of();
        }
        // the lists are immutable copies, whose contains(null) throws
        boolean sideIn = include.sides().isEmpty() || (side != null && include.sides().contains(side));
        boolean tagsIn = include.tags().isEmpty() || (include.tagMatch() == TagMatch.ALL
                ? tags.containsAll(include.tags()) : include.tags().stream().anyMatch(tags::contains));
        boolean excluded = (side != null && exclude.sides().contains(side)) || exclude.tags().stream().anyMatch(tags::contains);
        return sideIn && tagsIn && !excluded;
    }

    /**
     * Why a unit is in the audience, or null when it is not: only an ACTIVE unit is ever in; a
     * FORCE_INCLUDE override puts it in and a FORCE_EXCLUDE keeps it out, whatever these rules say;
     * otherwise it is in ({@code RULE}) when it {@link #matches} them. The in-memory twin of the
     * projection's set-based SQL ({@code AudienceBindings}); {@code AudienceFoldsAgreeTest} holds the two equal.
     */
    public String reason(boolean active, OverrideMode override, String side, Collection<String> tags) {
        if (!active || override == OverrideMode.FORCE_EXCLUDE) {
            return null;
        }
        if (override == OverrideMode.FORCE_INCLUDE) {
            return OverrideMode.FORCE_INCLUDE.name();
        }
        return matches(side, tags) ? "RULE" : null;
    }

    /** These rules with their sides spelled as given here (the workspace's own spelling). */
    public AudienceRules withSides(List<String> includeSides, List<String> excludeSides) {
        return new AudienceRules(new Include(include.all(), includeSides, include.tags(), include.tagMatch()),
                new Exclude(excludeSides, exclude.tags()));
    }

    /** These rules with their tags given here, all else kept (a renamed tag carried over). */
    public AudienceRules withTags(List<String> includeTags, List<String> excludeTags) {
        return new AudienceRules(new Include(include.all(), include.sides(), includeTags, include.tagMatch()),
                new Exclude(exclude.sides(), excludeTags));
    }

    private static List<String> labels(List<String> values) {
        TreeSet<String> labels = new TreeSet<>();
        if (values != null) {
            for (String value : values) {
                if (value == null || value.isBlank() || value.trim().length() > InputBounds.LABEL) {
                    throw GuestlistException.invalid(BAD_LABEL);
                }
                labels.add(value.trim());
            }
        }
        return List.copyOf(labels);
    }
}
