package io.guestlist.query.privacy;

import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The decrypted payloads kept for the next reader: found by content, bounded by size, never past an erased key. */
class DecryptedPayloadsTest {

    private final DecryptedPayloads payloads = new DecryptedPayloads(100);

    @Test
    void aPayloadIsFoundByItsStoredContent_fromAnotherCopyOfTheBytes() {
        payloads.remember(stored("Asha"), "read Asha", Set.of("asha"));

        assertThat(payloads.find(stored("Asha"), subjects -> true)).isEqualTo("read Asha");
        assertThat(payloads.find(stored("Ravi"), subjects -> true)).isNull();
    }

    @Test
    void aPayloadWhoseKeysAreNotAllStillThere_isNotGiven() {
        payloads.remember(stored("Asha"), "read Asha", Set.of("asha"));

        assertThat(payloads.find(stored("Asha"), subjects -> !subjects.contains("asha"))).isNull();
    }

    @Test
    void theLeastRecentlyReadGoFirst_whenTheStoredSizeIsOverTheBound() {
        payloads.remember(stored("a".repeat(20)), "first", Set.of());
        payloads.remember(stored("b".repeat(20)), "second", Set.of());
        payloads.find(stored("a".repeat(20)), subjects -> true);

        payloads.remember(stored("c".repeat(20)), "third", Set.of());
        payloads.remember(stored("d".repeat(20)), "fourth", Set.of());
        payloads.remember(stored("e".repeat(20)), "fifth", Set.of());
        payloads.remember(stored("f".repeat(20)), "sixth", Set.of());

        assertThat(payloads.find(stored("b".repeat(20)), subjects -> true)).isNull();
        assertThat(payloads.find(stored("a".repeat(20)), subjects -> true)).isEqualTo("first");
        assertThat(payloads.find(stored("f".repeat(20)), subjects -> true)).isEqualTo("sixth");
    }

    @Test
    void aPayloadLargerThanAQuarterOfTheBound_isNotKept_andClearForgetsAll() {
        payloads.remember(stored("x".repeat(30)), "large", Set.of());
        payloads.remember(stored("small"), "small", Set.of());

        assertThat(payloads.find(stored("x".repeat(30)), subjects -> true)).isNull();
        assertThat(payloads.find(stored("small"), subjects -> true)).isEqualTo("small");
        payloads.clear();
        assertThat(payloads.find(stored("small"), subjects -> true)).isNull();
    }

    private static DecryptedPayloads.Stored stored(String text) {
        return new DecryptedPayloads.Stored(new SimpleSerializedObject<>(text.getBytes(), byte[].class, "PersonAddedEvent", null));
    }
}
