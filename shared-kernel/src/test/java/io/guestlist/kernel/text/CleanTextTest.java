package io.guestlist.kernel.text;

import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.error.GuestlistException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CleanTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"A\u0000B", "\u0000", "A\u0001", "\u001b[31mred", "A\u007fB", "A\u0085B", "A\u009fB",
            "Asha\tSharma", "Asha\nSharma", "Asha\rSharma", "lone \ud800 high", "lone \udc00 low", "ends high \ud83d"})
    void aSingleLineValueWithAControlCharacterOrUnpairedSurrogate_isA400NamingTheField(String value) {
        assertThatThrownBy(() -> CleanText.require("name", value))
                .isInstanceOfSatisfying(GuestlistException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
                    assertThat(e.details()).containsEntry("field", "name");
                    assertThat(e.getMessage()).startsWith("name contains ");
                });
        assertThat(CleanText.isClean(value, false)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Asha Sharma", "", " ", "आशा शर्मा", "😀 family", "\u200b zero width", "\u202eRTL override",
            "=cmd|' /C calc'!A0", "'; DROP TABLE people; --", "\ufeffBOM"})
    void printableTextOfAnyScript_passesUnchanged(String value) {
        assertThat(CleanText.require("name", value)).isSameAs(value);
        assertThat(CleanText.strip(value, false)).isSameAs(value);
    }

    @Test
    void nullPasses_theAggregateDecidesWhetherAValueIsRequired() {
        assertThat(CleanText.require("side", null)).isNull();
        assertThat(CleanText.requireAll("tags", (List<String>) null, 50)).isNull();
        assertThat(CleanText.strip(null, true)).isNull();
    }

    @Test
    void aMultiLineValue_allowsTabAndLineBreaksButNoOtherControlCharacter() {
        assertThat(CleanText.requireMultiline("notes", "line one\r\n\tline two")).isEqualTo("line one\r\n\tline two");
        assertThatThrownBy(() -> CleanText.requireMultiline("notes", "line\u0000"))
                .isInstanceOfSatisfying(GuestlistException.class, e -> assertThat(e.details()).containsEntry("field", "notes"));
    }

    @Test
    void stripping_removesControlsAndUnpairedSurrogates_keepsPairs_andTurnsLineBreaksIntoSpacesInASingleLine() {
        assertThat(CleanText.strip("A\u0000B", false)).isEqualTo("AB");
        assertThat(CleanText.strip("Asha\nSharma\t\u0007", false)).isEqualTo("Asha Sharma ");
        assertThat(CleanText.strip("Asha\nSharma\t\u0007", true)).isEqualTo("Asha\nSharma\t");
        assertThat(CleanText.strip("\ud83d\ude00 \ud800x\udc00", false)).isEqualTo("\ud83d\ude00 x");
        assertThat(CleanText.isClean(CleanText.strip("\u0000\u0001\u009f\ud800", false), false)).isTrue();
    }

    @Test
    void aCollection_isCappedInCount_andEveryValueChecked() {
        List<String> fifty = Collections.nCopies(InputBounds.MAX_TAGS_PER_UNIT, "family");
        assertThat(CleanText.requireAll("tags", fifty, InputBounds.MAX_TAGS_PER_UNIT)).isSameAs(fifty);

        List<String> fiftyOne = Collections.nCopies(InputBounds.MAX_TAGS_PER_UNIT + 1, "family");
        assertThatThrownBy(() -> CleanText.requireAll("tags", fiftyOne, InputBounds.MAX_TAGS_PER_UNIT))
                .isInstanceOfSatisfying(GuestlistException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
                    assertThat(e.details()).containsEntry("field", "tags").containsEntry("maxCount", 50);
                });
        assertThatThrownBy(() -> CleanText.requireAll("include.tags", List.of("ok", "b\u0000d"), 50))
                .isInstanceOfSatisfying(GuestlistException.class, e -> assertThat(e.details()).containsEntry("field", "include.tags"));
    }

    @Test
    void aBoundedValue_isCappedInLength() {
        assertThat(CleanText.require("file name", "x".repeat(1000), 1000)).hasSize(1000);
        assertThatThrownBy(() -> CleanText.require("file name", "x".repeat(1001), 1000))
                .isInstanceOfSatisfying(GuestlistException.class, e ->
                        assertThat(e.details()).containsEntry("field", "file name").containsEntry("maxLength", 1000));
    }
}
