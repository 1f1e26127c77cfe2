package io.guestlist.query.privacy;

import io.guestlist.query.support.ReadModelDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.crypto.SecretKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The key table on a real database: made once, shared by instances, an erasure wins everywhere, a rolled-back key never existed. */
class JdbcPersonalDataKeysTest {

    private static JdbcTemplate jdbc;

    @BeforeAll
    static void database() {
        jdbc = ReadModelDatabase.migrated(JdbcPersonalDataKeysTest.class);
    }

    @Test
    void aKeyIsMadeOnce_andEveryInstanceReadsTheSameOne() {
        String subject = UUID.randomUUID().toString();
        Map<String, SecretKey> written = new JdbcPersonalDataKeys(jdbc).forWriting(List.of(subject));
        Map<String, SecretKey> again = new JdbcPersonalDataKeys(jdbc).forWriting(List.of(subject));

        assertThat(written).containsOnlyKeys(subject);
        assertThat(again.get(subject).getEncoded()).isEqualTo(written.get(subject).getEncoded());
        assertThat(new JdbcPersonalDataKeys(jdbc).forReading(List.of(subject)).get(subject).getEncoded())
                .isEqualTo(written.get(subject).getEncoded());
    }

    @Test
    void anErasureOnAnotherInstance_winsWithinTheCheckInterval_andNoKeyIsMadeAgain() {
        String subject = UUID.randomUUID().toString();
        JdbcPersonalDataKeys here = new JdbcPersonalDataKeys(jdbc);
        here.forWriting(List.of(subject));
        assertThat(here.forReading(List.of(subject))).containsKey(subject);

        jdbc.update("UPDATE personal_data_key SET secret = NULL, erased_at = now() WHERE subject_id = ?", subject);

        await("the erasure seen").atMost(Duration.ofSeconds(5)).until(() -> here.forReading(List.of(subject)).isEmpty());
        assertThat(here.forWriting(List.of(subject))).isEmpty();
        assertThat(new JdbcPersonalDataKeys(jdbc).forWriting(List.of(subject))).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM personal_data_key WHERE subject_id = ? AND secret IS NULL", Long.class, subject))
                .isOne();
    }

    @Test
    void aKeyMadeInATransactionThatRollsBack_isNotRemembered() {
        String subject = UUID.randomUUID().toString();
        JdbcPersonalDataKeys keys = new JdbcPersonalDataKeys(jdbc);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));

        transaction.executeWithoutResult(status -> {
            assertThat(keys.forWriting(List.of(subject))).containsKey(subject);
            assertThat(keys.forWriting(List.of(subject))).as("found again within its transaction").containsKey(subject);
            status.setRollbackOnly();
        });

        assertThat(keys.forReading(List.of(subject))).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM personal_data_key WHERE subject_id = ?", Long.class, subject)).isZero();
    }
}
