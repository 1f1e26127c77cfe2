package io.guestlist.kernel.occasion;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link AudienceRules#matches} for a unit without a side (in no listed side, as in the read model's SQL), and {@link AudienceRules#reason}. */
class AudienceRulesMatchTest {

    private static AudienceRules include(List<String> sides, List<String> tags) {
        return new AudienceRules(new AudienceRules.Include(false, sides, tags, TagMatch.ANY), null);
    }

    @Test
    void aUnitWithoutASide_isNotInAnIncludeOfSides() {
        assertThat(include(List.of("Bride"), null).matches(null, Set.of("family"))).isFalse();
    }

    @Test
    void aUnitWithoutASide_matchesAnIncludeOfTagsOrAll() {
        assertThat(include(null, List.of("family")).matches(null, Set.of("family"))).isTrue();
        assertThat(include(null, List.of("family")).matches(null, Set.of("work"))).isFalse();
        AudienceRules all = new AudienceRules(new AudienceRules.Include(true, null, null, null), null);
        assertThat(all.matches(null, Set.of())).isTrue();
    }

    @Test
    void aUnitWithoutASide_isNotExcludedBySides() {
        AudienceRules rules = new AudienceRules(new AudienceRules.Include(true, null, null, null),
                new AudienceRules.Exclude(List.of("Groom"), null));
        assertThat(rules.matches(null, Set.of())).isTrue();
        assertThat(rules.matches("Groom", Set.of())).isFalse();
    }

    @Test
    void aUnitWithoutTags_isJudgedAsHavingNone() {
        assertThat(include(List.of("Bride"), null).matches("Bride", null)).isTrue();
        assertThat(include(null, List.of("family")).matches("Bride", null)).isFalse();
    }

    @Test
    void anOverride_beatsTheRules_butNeverLetsAnArchivedUnitIn() {
        AudienceRules bride = include(List.of("Bride"), null);
        assertThat(bride.reason(true, null, "Bride", Set.of())).isEqualTo("RULE");
        assertThat(bride.reason(true, OverrideMode.FORCE_INCLUDE, "Bride", Set.of())).isEqualTo("FORCE_INCLUDE");
        assertThat(bride.reason(true, OverrideMode.FORCE_INCLUDE, "Groom", Set.of())).isEqualTo("FORCE_INCLUDE");
        assertThat(bride.reason(true, OverrideMode.FORCE_EXCLUDE, "Bride", Set.of())).isNull();
        assertThat(bride.reason(false, OverrideMode.FORCE_INCLUDE, "Bride", Set.of())).isNull();
        assertThat(bride.reason(true, null, "Groom", Set.of())).isNull();
    }
}
