package io.guestlist.query.privacy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.crypto.SecretKey;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys in {@code personal_data_key}: one row per subject, its secret set to NULL (a tombstone,
 * with {@code erased_at}) when the subject is erased, so no key is ever made for it again.
 *
 * <p>Keys are remembered per instance, so a batch of events costs one query for the keys it has not
 * seen, not one per event. An erasure (on any instance) must win: at most every
 * {@link #ERASURE_CHECK} a reader first asks which subjects were erased lately and forgets their
 * keys, and a reader that must be exact (the scrubs that follow an erasure) calls {@link #forget}.
 * Keys made inside a transaction are remembered only once it commits (a rolled-back key never
 * existed); until then that transaction finds them in its own pending set.
 */
@Component
public class JdbcPersonalDataKeys implements PersonalDataKeys {

    static final Duration ERASURE_CHECK = Duration.ofMillis(500);
    /** An erasure is dated when its transaction began; one that commits this much later could be missed. */
    private static final Duration COMMIT_MARGIN = Duration.ofSeconds(60);
    private static final int REMEMBERED = 200_000;

    private final JdbcTemplate jdbc;
    private final Map<String, SecretKey> known = new ConcurrentHashMap<>();
    /** Subjects seen erased: an erasure is for good, so a key read before it is never remembered after it. */
    private final Set<String> erased = ConcurrentHashMap.newKeySet();
    private final Object checking = new Object();
    private volatile long checkedAt = System.nanoTime() - ERASURE_CHECK.toNanos();
    private Timestamp erasedSince;

    public JdbcPersonalDataKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, SecretKey> forWriting(Collection<String> subjects) {
        Map<String, SecretKey> found = remembered(subjects);
        List<String> missing = missing(subjects, found);
        if (missing.isEmpty()) {
            return found;
        }
        // Made first: the subjects an import brings are mostly new, so they cost this one statement.
        Map<String, SecretKey> made = makeKeys(missing);
        rememberOnCommit(made);
        found.putAll(made);
        List<String> existing = missing.stream().filter(s -> !made.containsKey(s)).toList();
        if (!existing.isEmpty()) {
            Map<String, SecretKey> stored = new HashMap<>();
            load(existing, stored);
            remember(stored);
            found.putAll(stored);
        }
        return found;
    }

    /** Stores a new key for each subject that has no row yet (none for the erased: their tombstone stays). */
    private Map<String, SecretKey> makeKeys(List<String> subjects) {
        Map<String, SecretKey> fresh = new HashMap<>();
        subjects.forEach(s -> fresh.put(s, PersonalDataCipher.newKey()));
        String[] encoded = subjects.stream().map(s -> Base64.getEncoder().encodeToString(fresh.get(s).getEncoded())).toArray(String[]::new);
        Map<String, SecretKey> made = new HashMap<>();
        jdbc.query("""
                INSERT INTO personal_data_key (subject_id, secret)
                SELECT s, decode(k, 'base64') FROM unnest(?::text[], ?::text[]) AS t(s, k)
                ON CONFLICT (subject_id) DO NOTHING
                RETURNING subject_id""", rs -> {
            String subject = rs.getString(1);
            made.put(subject, fresh.get(subject));
        }, subjects.toArray(String[]::new), encoded);
        return made;
    }

    @Override
    public Map<String, SecretKey> forReading(Collection<String> subjects) {
        Map<String, SecretKey> found = remembered(subjects);
        List<String> missing = missing(subjects, found);
        if (!missing.isEmpty()) {
            Map<String, SecretKey> stored = new HashMap<>();
            load(missing, stored);
            remember(stored);
            found.putAll(stored);
        }
        return found;
    }

    @Override
    public void forget(String subject) {
        erased.add(subject);
        known.remove(subject);
    }

    private Map<String, SecretKey> remembered(Collection<String> subjects) {
        forgetErasedElsewhere();
        Map<String, SecretKey> pending = pending(false);
        Map<String, SecretKey> found = new HashMap<>();
        for (String subject : subjects) {
            SecretKey key = known.get(subject);
            if (key == null && pending != null) {
                key = pending.get(subject);
            }
            if (key != null) {
                found.put(subject, key);
            }
        }
        return found;
    }

    private static List<String> missing(Collection<String> subjects, Map<String, SecretKey> found) {
        return subjects.stream().filter(s -> !found.containsKey(s)).distinct().toList();
    }

    /** The keys of these subjects that exist; an erased subject's tombstone gives none. */
    private void load(List<String> subjects, Map<String, SecretKey> keys) {
        jdbc.query("SELECT subject_id, secret FROM personal_data_key WHERE subject_id = ANY(?) AND secret IS NOT NULL",
                rs -> {
                    keys.put(rs.getString(1), PersonalDataCipher.key(rs.getBytes(2)));
                }, (Object) subjects.toArray(String[]::new));
    }

    private void remember(Map<String, SecretKey> keys) {
        if (known.size() + keys.size() > REMEMBERED) {
            known.clear();
        }
        keys.forEach((subject, key) -> {
            if (!erased.contains(subject)) {
                known.put(subject, key);
            }
        });
    }

    private void rememberOnCommit(Map<String, SecretKey> made) {
        Map<String, SecretKey> pending = pending(true);
        if (pending == null) {
            remember(made);
        } else {
            pending.putAll(made);
        }
    }

    /** This transaction's keys not committed yet; null outside a transaction. */
    @SuppressWarnings("unchecked")
    private Map<String, SecretKey> pending(boolean create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<String, SecretKey> pending = (Map<String, SecretKey>) TransactionSynchronizationManager.getResource(this);
        if (pending == null && create) {
            Map<String, SecretKey> made = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, made);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    remember(made);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(JdbcPersonalDataKeys.this);
                }
            });
            pending = made;
        }
        return pending;
    }

    /** Forgets the keys of subjects erased lately, on any instance; asks at most every {@link #ERASURE_CHECK}. */
    private void forgetErasedElsewhere() {
        if (System.nanoTime() - checkedAt < ERASURE_CHECK.toNanos()) {
            return;
        }
        synchronized (checking) {
            if (System.nanoTime() - checkedAt < ERASURE_CHECK.toNanos()) {
                return;
            }
            if (erasedSince == null) {
                erasedSince = jdbc.queryForObject("SELECT now()", Timestamp.class);
            }
            Timestamp from = new Timestamp(erasedSince.getTime() - COMMIT_MARGIN.toMillis());
            jdbc.query("SELECT subject_id, erased_at FROM personal_data_key WHERE erased_at >= ?", rs -> {
                erased.add(rs.getString(1));
                known.remove(rs.getString(1));
                Timestamp at = rs.getTimestamp(2);
                if (at.after(erasedSince)) {
                    erasedSince = at;
                }
            }, from);
            checkedAt = System.nanoTime();
        }
    }
}
