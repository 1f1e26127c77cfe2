package io.guestlist.query.privacy;

import org.axonframework.serialization.SerializedObject;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Stored payloads already decrypted and read, or just written, so that the processing groups reading one
 * event (each through a stream of its own) decrypt and deserialise it once between them, or not at all when
 * this instance wrote it. Bounded by the stored size it holds, least recently used first out.
 *
 * <p>An entry is no way around an erasure: it names the subjects whose keys it was decrypted with, and
 * it is used only while the caller still finds every one of those keys.
 */
final class DecryptedPayloads {

    private record Entry(Object payload, Set<String> subjects, int size) {
    }

    /** A stored form, compared by content: every group reads its own copy of the same bytes. */
    static final class Stored {
        private final String type;
        private final String revision;
        private final Object data;
        private final int hash;

        Stored(SerializedObject<?> stored) {
            this.type = stored.getType().getName();
            this.revision = stored.getType().getRevision();
            this.data = stored.getData();
            this.hash = Objects.hash(type, revision) * 31 + (data instanceof byte[] bytes ? sampledHash(bytes) : data.hashCode());
        }

        /**
         * A hash of the length and of about 128 bytes spread over the payload: hashing every byte cost more than the
         * rest of a lookup, and personal fields are stored as ciphertext with a random IV, so payloads differ
         * all over ({@link #equals} compares every byte).
         */
        private static int sampledHash(byte[] bytes) {
            int hash = bytes.length;
            for (int i = 0, step = Math.max(1, bytes.length / 128); i < bytes.length; i += step) {
                hash = 31 * hash + bytes[i];
            }
            return hash;
        }

        int size() {
            return data instanceof byte[] bytes ? bytes.length : ((String) data).length();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Stored that && hash == that.hash && type.equals(that.type)
                    && Objects.equals(revision, that.revision)
                    && (data instanceof byte[] bytes ? that.data instanceof byte[] those && Arrays.equals(bytes, those) : data.equals(that.data));
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final long capacity;
    private final LinkedHashMap<Stored, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long size;

    DecryptedPayloads(long capacity) {
        this.capacity = capacity;
    }

    /**
     * Whether payloads of this type, stored as this, can be remembered: records only (events and their values),
     * which nobody changes once made, so one object can serve every reader. An aggregate's snapshot is not one:
     * Axon takes the object read as the live aggregate and changes it. And bytes or text only, as the event
     * tables hold them.
     */
    static boolean remembers(Class<?> type, SerializedObject<?> stored) {
        return type.isRecord() && (stored.getData() instanceof byte[] || stored.getData() instanceof String);
    }

    /**
     * The payload read earlier from the same stored form, if the keys it was decrypted with still pass
     * {@code stillKeyed} (none of them erased since).
     */
    Object find(Stored key, Predicate<Set<String>> stillKeyed) {
        Entry entry;
        synchronized (entries) {
            entry = entries.get(key);
        }
        return entry != null && stillKeyed.test(entry.subjects()) ? entry.payload() : null;
    }

    /** Remembers a payload read from {@code key}, decrypted with the keys of {@code subjects}. */
    void remember(Stored key, Object payload, Set<String> subjects) {
        Entry entry = new Entry(payload, Set.copyOf(subjects), key.size());
        if (entry.size() > capacity / 4) {
            return;
        }
        synchronized (entries) {
            Entry replaced = entries.put(key, entry);
            size += entry.size() - (replaced == null ? 0 : replaced.size());
            for (Iterator<Map.Entry<Stored, Entry>> oldest = entries.entrySet().iterator(); size > capacity && oldest.hasNext(); ) {
                size -= oldest.next().getValue().size();
                oldest.remove();
            }
        }
    }

    /** Forgets everything (after an erasure, so nothing decrypted before it stays in memory). */
    void clear() {
        synchronized (entries) {
            entries.clear();
            size = 0;
        }
    }
}
