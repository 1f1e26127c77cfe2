package io.guestlist.query.privacy;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.guestlist.kernel.privacy.ErasedPayloads;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;

import javax.crypto.SecretKey;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Axon's Jackson serializer for events and snapshots, with every {@code @PersonalData} field written
 * encrypted with its subject's key and read back decrypted. A field whose key was erased reads as
 * {@code null} and the payload is marked in {@link ErasedPayloads}; a field written for an already
 * erased subject is written as {@code null}. Values stored before encryption (plain JSON) read as they are.
 */
public class PersonalDataSerializer implements Serializer {

    /** Stored payload bytes held decrypted at most (their objects take a few times as much heap). */
    private static final long DECRYPTED_CAPACITY = 16L << 20;

    private final JacksonSerializer delegate;
    private final PersonalDataKeys keys;
    private final DecryptedPayloads decrypted = new DecryptedPayloads(DECRYPTED_CAPACITY);

    public PersonalDataSerializer(JacksonSerializer delegate, PersonalDataKeys keys) {
        this.delegate = delegate;
        this.keys = keys;
    }

    /** The payload as plain JSON, decrypted, for people to read (history, audit feed). */
    public static String plainJson(Serializer serializer, Object payload) {
        Serializer plain = serializer instanceof PersonalDataSerializer wrapped ? wrapped.delegate : serializer;
        return plain.serialize(payload, String.class).getData();
    }

    /** Makes the next read of the subject's key ask the database (after an erasure, to be exact). */
    public static void forget(Serializer serializer, String subject) {
        if (serializer instanceof PersonalDataSerializer wrapped) {
            wrapped.keys.forget(subject);
            wrapped.decrypted.clear();
        }
    }

    /** Makes sure every subject these payloads name has a key, in one round trip, before they are written one by one. */
    public void prepare(Collection<?> payloads) {
        Set<String> subjects = new HashSet<>();
        for (Object payload : payloads) {
            if (payload != null) {
                PersonalDataShape.of(payload.getClass()).collectSubjects(payload, null, subjects);
            }
        }
        if (!subjects.isEmpty()) {
            keys.forWriting(subjects);
        }
    }

    /**
     * Whether a stored payload still holds a personal value in clear (written before encryption, or by
     * an older version): what {@link StoredPayloadEncryption} rewrites.
     */
    public boolean holdsPlainPersonalData(SerializedObject<?> stored) {
        PersonalDataShape shape = PersonalDataShape.of(delegate.classForType(stored.getType()));
        if (shape.isEmpty()) {
            return false;
        }
        JsonNode tree = delegate.getConverter().convert(stored, JsonNode.class).getData();
        AtomicBoolean plain = new AtomicBoolean();
        shape.transform(tree, null, (subject, value) -> {
            if (!value.isTextual() || !PersonalDataCipher.isCiphertext(value.asText())) {
                plain.set(true);
            }
            return value;
        });
        return plain.get();
    }

    /** Whether payloads of this type can hold personal data at all. */
    public boolean mayHoldPersonalData(Class<?> type) {
        return !PersonalDataShape.of(type).isEmpty();
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        PersonalDataShape shape = object == null ? null : PersonalDataShape.of(object.getClass());
        if (shape == null || shape.isEmpty()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        Set<String> subjects = new HashSet<>();
        shape.collectSubjects(object, null, subjects);
        Map<String, SecretKey> writing = keys.forWriting(subjects);
        ObjectMapper mapper = delegate.getObjectMapper();
        JsonNode tree = mapper.valueToTree(object);
        AtomicBoolean nulled = new AtomicBoolean();
        shape.transform(tree, null, (subject, value) -> {
            SecretKey key = subject == null ? null : writing.get(subject);
            if (key == null) {
                nulled.set(true);
                return NullNode.getInstance();
            }
            return TextNode.valueOf(PersonalDataCipher.encrypt(key, subject, json(mapper, value)));
        });
        T data = delegate.getConverter().convert(tree, JsonNode.class, expectedRepresentation);
        SerializedObject<T> serialized = new SimpleSerializedObject<>(data, expectedRepresentation, delegate.typeForClass(object.getClass()));
        if (!nulled.get() && DecryptedPayloads.remembers(object.getClass(), serialized)) {
            // What a reader of these bytes would decrypt is this very object: the groups reading the event back skip the work.
            decrypted.remember(new DecryptedPayloads.Stored(serialized), object, subjects);
        }
        return serialized;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Class<?> type = SerializedType.isEmptyType(serializedObject.getType()) ? Void.class : delegate.classForType(serializedObject.getType());
        PersonalDataShape shape = PersonalDataShape.of(type);
        if (shape.isEmpty()) {
            return delegate.deserialize(serializedObject);
        }
        if (!DecryptedPayloads.remembers(type, serializedObject)) {
            return (T) decrypt(serializedObject, shape, new HashSet<>());
        }
        DecryptedPayloads.Stored stored = new DecryptedPayloads.Stored(serializedObject);
        Object known = decrypted.find(stored, this::allKeyed);
        if (known != null) {
            return (T) known;
        }
        Set<String> keyed = new HashSet<>();
        Object payload = decrypt(serializedObject, shape, keyed);
        decrypted.remember(stored, payload, keyed);
        return (T) payload;
    }

    /** Reads a stored payload, its personal fields decrypted; adds to {@code keyed} the subjects whose keys it took. */
    private Object decrypt(SerializedObject<?> serializedObject, PersonalDataShape shape, Set<String> keyed) {
        JsonNode tree = delegate.getConverter().convert(serializedObject, JsonNode.class).getData();
        Set<String> subjects = new HashSet<>();
        shape.transform(tree, null, (subject, value) -> {
            if (subject != null && value.isTextual() && PersonalDataCipher.isCiphertext(value.asText())) {
                subjects.add(subject);
            }
            return value;
        });
        Map<String, SecretKey> reading = subjects.isEmpty() ? Map.of() : keys.forReading(subjects);
        keyed.addAll(reading.keySet());
        AtomicBoolean erased = new AtomicBoolean();
        ObjectMapper mapper = delegate.getObjectMapper();
        shape.transform(tree, null, (subject, value) -> {
            if (!value.isTextual() || !PersonalDataCipher.isCiphertext(value.asText())) {
                return value;
            }
            SecretKey key = subject == null ? null : reading.get(subject);
            if (key == null) {
                erased.set(true);
                return NullNode.getInstance();
            }
            return parse(mapper, PersonalDataCipher.decrypt(key, subject, value.asText()));
        });
        Object result = delegate.deserialize(new SimpleSerializedObject<>(tree, JsonNode.class, serializedObject.getType()));
        if (erased.get()) {
            ErasedPayloads.mark(result);
        }
        return result;
    }

    private boolean allKeyed(Set<String> subjects) {
        return subjects.isEmpty() || keys.forReading(subjects).size() == subjects.size();
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }

    private static String json(ObjectMapper mapper, JsonNode value) {
        if (value.isTextual()) {
            return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(value.textValue())) + '"';
        }
        try {
            return mapper.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A decrypted value as JSON. Most are strings that {@link #json} wrote without an escape (a name, an
     * email): those are taken as they are, without a parser, which cost more than their decryption.
     */
    private static JsonNode parse(ObjectMapper mapper, String json) {
        if (json.length() >= 2 && json.charAt(0) == '"' && json.indexOf('"', 1) == json.length() - 1 && json.indexOf('\\') < 0) {
            return TextNode.valueOf(json.substring(1, json.length() - 1));
        }
        try {
            return mapper.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
