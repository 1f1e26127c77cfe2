package io.guestlist.query.privacy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guestlist.kernel.ids.ImportRunId;
import io.guestlist.kernel.ids.PersonId;
import io.guestlist.kernel.ids.UnitId;
import io.guestlist.kernel.ids.WorkspaceId;
import io.guestlist.kernel.importrun.ImportRowsRecordedEvent;
import io.guestlist.kernel.importrun.Outcome;
import io.guestlist.kernel.importrun.ParsedRow;
import io.guestlist.kernel.importrun.RowResult;
import io.guestlist.kernel.person.PersonAddedEvent;
import io.guestlist.kernel.person.PersonMovedEvent;
import io.guestlist.kernel.phone.Phone;
import io.guestlist.kernel.privacy.DataSubject;
import io.guestlist.kernel.privacy.ErasedPayloads;
import io.guestlist.kernel.privacy.PersonalData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The encrypting serializer over in-memory keys: what is stored, what reads back, what an erasure leaves. */
class PersonalDataSerializerTest {

    private static final WorkspaceId WORKSPACE = WorkspaceId.random();
    private static final PersonId ASHA = PersonId.random();
    private static final ImportRunId RUN = ImportRunId.random();
    private static final Phone PHONE = Phone.valid("098111 22233", "+919811122233", true);

    private final InMemoryKeys keys = new InMemoryKeys();
    private final PersonalDataSerializer serializer = serializer(keys);
    /** Another instance on the same keys: it did not write the payloads, so it decrypts them. */
    private final PersonalDataSerializer otherInstance = serializer(keys);

    @Test
    void personalFields_areStoredEncrypted_andReadBackInClear() {
        PersonAddedEvent added = new PersonAddedEvent(ASHA, WORKSPACE, UnitId.random(), "Asha Sharma", PHONE);

        SerializedObject<byte[]> stored = serializer.serialize(added, byte[].class);

        String text = new String(stored.getData(), StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("Asha", "98111", "9811122233").contains(ASHA.toString(), PersonalDataCipher.PREFIX);
        PersonAddedEvent read = otherInstance.deserialize(stored);
        assertThat(read).isEqualTo(added).isNotSameAs(added);
        assertThat(ErasedPayloads.isErased(read)).isFalse();
    }

    @Test
    void namesWithQuotesBackslashesAndControlCharacters_readBackAsWritten() {
        for (String name : List.of("Asha \"Ash\" Sharma", "C:\\Guests\\Asha", "Asha\tSharma\n", "\"", "\\", "", "आशा ☃ \u0001")) {
            PersonAddedEvent added = new PersonAddedEvent(ASHA, WORKSPACE, UnitId.random(), name, PHONE);

            PersonAddedEvent read = otherInstance.deserialize(serializer.serialize(added, byte[].class));

            assertThat(read.name()).isEqualTo(name);
        }
    }

    @Test
    void aPayloadJustWritten_readsBackAsTheObjectWritten_withoutDecrypting() {
        PersonAddedEvent added = new PersonAddedEvent(ASHA, WORKSPACE, UnitId.random(), "Asha Sharma", PHONE);
        SerializedObject<byte[]> data = serializer.serialize(added, byte[].class);

        assertThat((Object) serializer.deserialize(copyOf(data))).isSameAs(added);
        assertThat((Object) otherInstance.deserialize(copyOf(data))).isNotSameAs(added).isEqualTo(added);
    }

    @Test
    void onceTheKeyIsErased_personalFieldsReadAsNull_andThePayloadIsMarkedErased() {
        UnitId unit = UnitId.random();
        SerializedObject<byte[]> stored = serializer.serialize(new PersonAddedEvent(ASHA, WORKSPACE, unit, "Asha Sharma", PHONE), byte[].class);

        keys.erase(ASHA.toString());

        PersonAddedEvent read = serializer.deserialize(stored);
        assertThat(read).isEqualTo(new PersonAddedEvent(ASHA, WORKSPACE, unit, null, null));
        assertThat(ErasedPayloads.isErased(read)).isTrue();
    }

    @Test
    void aSnapshot_isReadAfreshEveryTime_forAxonChangesTheObjectItReadsAsTheLiveAggregate() {
        Tally written = new Tally();
        written.owner = ASHA.toString();
        written.name = "Asha Sharma";
        SerializedObject<byte[]> data = serializer.serialize(written, byte[].class);

        Tally first = serializer.deserialize(copyOf(data));
        first.count = 7;
        Tally second = serializer.deserialize(copyOf(data));

        assertThat(first).isNotSameAs(written);
        assertThat(second).isNotSameAs(first);
        assertThat(second.count).isZero();
        assertThat(second.name).isEqualTo("Asha Sharma");
    }

    @Test
    void theSameStoredPayload_readByEveryGroup_isDecryptedOnce() {
        PersonAddedEvent added = new PersonAddedEvent(ASHA, WORKSPACE, UnitId.random(), "Asha Sharma", PHONE);
        SerializedObject<byte[]> data = serializer.serialize(added, byte[].class);

        PersonAddedEvent first = otherInstance.deserialize(copyOf(data));
        PersonAddedEvent second = otherInstance.deserialize(copyOf(data));

        assertThat(second).isSameAs(first).isEqualTo(added);
    }

    @Test
    void aPayloadAlreadyDecrypted_readsAsErased_onceItsKeyIsErased() {
        UnitId unit = UnitId.random();
        SerializedObject<byte[]> data = serializer.serialize(new PersonAddedEvent(ASHA, WORKSPACE, unit, "Asha Sharma", PHONE), byte[].class);
        PersonAddedEvent before = serializer.deserialize(copyOf(data));

        keys.erase(ASHA.toString());

        PersonAddedEvent after = serializer.deserialize(copyOf(data));
        assertThat(before.name()).isEqualTo("Asha Sharma");
        assertThat(after).isEqualTo(new PersonAddedEvent(ASHA, WORKSPACE, unit, null, null));
        assertThat(ErasedPayloads.isErased(after)).isTrue();
    }

    @Test
    void writingForAnErasedSubject_storesNothingOfTheField() {
        keys.erase(ASHA.toString());

        SerializedObject<String> stored = serializer.serialize(new PersonAddedEvent(ASHA, WORKSPACE, UnitId.random(), "Asha Sharma", PHONE),
                String.class);

        assertThat(stored.getData()).doesNotContain(PersonalDataCipher.PREFIX).contains("\"name\":null", "\"phone\":null");
        PersonAddedEvent read = serializer.deserialize(stored);
        assertThat(read.name()).as("what was written, not the object handed in").isNull();
    }

    @Test
    void importRows_useTheirPersonsKey_andTheRunsKeyWhenTheyResolvedToNoOne() {
        RowResult ashas = row(1, "Asha Sharma", "098111 22233", ASHA);
        RowResult nobodys = row(2, "Ravi Nophone", null, null);
        SerializedObject<byte[]> stored = serializer.serialize(new ImportRowsRecordedEvent(RUN, WORKSPACE, List.of(ashas, nobodys)), byte[].class);
        assertThat(new String(stored.getData(), StandardCharsets.UTF_8)).doesNotContain("Asha", "Ravi", "98111");

        keys.erase(ASHA.toString());
        ImportRowsRecordedEvent afterPerson = serializer.deserialize(stored);
        assertThat(afterPerson.rows().get(0).raw()).isNull();
        assertThat(afterPerson.rows().get(0).parsed()).isNull();
        assertThat(afterPerson.rows().get(0).outcome()).isEqualTo(Outcome.CREATED);
        assertThat(afterPerson.rows().get(1)).isEqualTo(nobodys);

        keys.erase(RUN.toString());
        ImportRowsRecordedEvent afterRun = serializer.deserialize(stored);
        assertThat(afterRun.rows().get(1).raw()).isNull();
        assertThat(ErasedPayloads.isErased(afterRun)).isTrue();
    }

    @Test
    void eventsWithoutPersonalData_andPlainPayloadsStoredBeforeEncryption_readAsTheyAre() {
        PersonMovedEvent moved = new PersonMovedEvent(ASHA, WORKSPACE, UnitId.random(), UnitId.random());
        assertThat((Object) serializer.deserialize(serializer.serialize(moved, byte[].class))).isEqualTo(moved);
        assertThat(keys.writes).isZero();

        PersonAddedEvent added = new PersonAddedEvent(ASHA, WORKSPACE, UnitId.random(), "Asha Sharma", PHONE);
        SerializedObject<String> plain = new SimpleSerializedObject<>(PersonalDataSerializer.plainJson(serializer, added), String.class,
                serializer.typeForClass(PersonAddedEvent.class));
        assertThat(plain.getData()).contains("Asha Sharma");
        assertThat((Object) serializer.deserialize(plain)).isEqualTo(added);
    }

    @Test
    void preparingABatch_asksForEveryKeyAtOnce() {
        serializer.prepare(List.of(new PersonAddedEvent(ASHA, WORKSPACE, UnitId.random(), "Asha", PHONE),
                new PersonAddedEvent(PersonId.random(), WORKSPACE, UnitId.random(), "Ravi", null)));

        assertThat(keys.writes).isEqualTo(1);
        assertThat(keys.keys).hasSize(2);
    }

    private static PersonalDataSerializer serializer(PersonalDataKeys keys) {
        return new PersonalDataSerializer(
                JacksonSerializer.builder().objectMapper(new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).build(), keys);
    }

    /** What one processing group reads: its own copy of the stored bytes. */
    private static SerializedObject<byte[]> copyOf(SerializedObject<byte[]> stored) {
        return new SimpleSerializedObject<>(stored.getData().clone(), byte[].class, stored.getType());
    }

    private static RowResult row(int number, String name, String phone, PersonId person) {
        Map<String, String> raw = new HashMap<>();
        raw.put("Name", name);
        raw.put("Phone", phone);
        return new RowResult(number, raw, new ParsedRow(name, null, phone, null, "IN", "The Sharmas", null, List.of(), null, null, null),
                person == null ? Outcome.SKIPPED_NO_PHONE : Outcome.CREATED, List.of(), person != null, person, null,
                new RowResult.Before(person != null, false, null, null, false, false, false, null, List.of(), false, null, null));
    }

    /** An aggregate's state as a snapshot holds it: a class whose object is changed in place. */
    public static final class Tally {
        @DataSubject
        public String owner;
        @PersonalData
        public String name;
        public int count;
    }

    /** Keys in a map; an erased subject stays erased. */
    static final class InMemoryKeys implements PersonalDataKeys {
        final Map<String, SecretKey> keys = new HashMap<>();
        final Set<String> erased = new HashSet<>();
        int writes;

        @Override
        public Map<String, SecretKey> forWriting(Collection<String> subjects) {
            writes++;
            Map<String, SecretKey> found = new HashMap<>();
            for (String subject : subjects) {
                if (!erased.contains(subject)) {
                    found.put(subject, keys.computeIfAbsent(subject, s -> PersonalDataCipher.newKey()));
                }
            }
            return found;
        }

        @Override
        public Map<String, SecretKey> forReading(Collection<String> subjects) {
            Map<String, SecretKey> found = new HashMap<>();
            subjects.stream().filter(keys::containsKey).forEach(s -> found.put(s, keys.get(s)));
            return found;
        }

        @Override
        public void forget(String subject) {
        }

        void erase(String subject) {
            keys.remove(subject);
            erased.add(subject);
        }
    }
}
