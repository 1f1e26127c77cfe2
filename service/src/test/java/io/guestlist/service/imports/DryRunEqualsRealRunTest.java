package io.guestlist.service.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.guestlist.service.support.Api;
import io.guestlist.service.support.GuestList;
import io.guestlist.service.support.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10: a dry run is the real run's plan, unapplied. For every file of the corpora, and for a file of
 * the benchmark's shape on a workspace that already holds part of it, a dry run's counters and row
 * outcomes equal those of the real run of the same file that follows it, on the same workspace state.
 */
class DryRunEqualsRealRunTest extends ServiceTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabaseOf(DryRunEqualsRealRunTest.class, registry);
    }

    @Autowired
    private JdbcClient jdbc;

    private Imports imports;

    @BeforeEach
    void aWorkspace() {
        Api api = api();
        String workspace = new GuestList(api).aWorkspaceOwnedBy("alice");
        imports = new Imports(api, "alice", workspace,
                () -> jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry").query(Long.class).single());
    }

    @Test
    void everyCorpusFile_dryRunEqualsRealRun() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Corpora.root())) {
            files = walk.filter(Files::isRegularFile).filter(f -> name(f).endsWith(".csv") || name(f).endsWith(".vcf")
                    || name(f).endsWith(".vcard")).sorted().toList();
        }
        int compared = 0;
        for (Path file : files) {
            boolean csv = name(file).endsWith(".csv");
            if (sameOutcomes(csv ? "CSV" : "CONTACTS", csv ? "text/csv" : "text/vcard", Files.readAllBytes(file), file.toString())) {
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(files.size() / 2);
    }

    @Test
    void theBenchmarksShape_dryRunEqualsRealRun_onAWorkspaceHoldingPartOfIt() {
        String csv = benchmarkShape(3000);
        String firstThird = String.join("\n", csv.lines().limit(1001).toList()) + "\n";
        imports.importCsv(firstThird, "");

        assertThat(sameOutcomes("CSV", "text/csv", csv.getBytes(StandardCharsets.UTF_8), "benchmark shape")).isTrue();
    }

    /** Runs the payload dry, then for real; false when it is refused (4xx) and so not compared. */
    private boolean sameOutcomes(String channel, String contentType, byte[] payload, String what) {
        Api.Response dry = imports.submit(channel, "&dryRun=true", contentType, payload, null);
        if (dry.status() != 202) {
            assertThat(dry.status()).as(what + " " + dry.body()).isBetween(400, 499);
            return false;
        }
        JsonNode dryRun = imports.awaitFinished(dry.id(), Duration.ofSeconds(120));
        Api.Response real = imports.submit(channel, "", contentType, payload, null);
        assertThat(real.status()).as(what).isEqualTo(202);
        JsonNode realRun = imports.awaitFinished(real.id(), Duration.ofSeconds(120));

        assertThat(realRun.path("status").asText()).as(what).isEqualTo(dryRun.path("status").asText());
        assertThat(realRun.path("counters")).as(what + ": counters").isEqualTo(dryRun.path("counters"));
        assertThat(realRun.path("inviteableRows").asInt()).as(what + ": inviteable rows").isEqualTo(dryRun.path("inviteableRows").asInt());
        assertThat(outcomes(imports.rows(real.id()))).as(what + ": row outcomes").isEqualTo(outcomes(imports.rows(dry.id())));
        return true;
    }

    private static List<String> outcomes(List<JsonNode> rows) {
        return rows.stream().map(r -> r.path("rowNumber").asInt() + " " + r.path("outcome").asText() + " " + r.path("warnings")).toList();
    }

    private static String name(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    }

    /** The file benchmarks/import.py makes: mixed phone formats, 5% malformed, 3% without phone, 10% repeated, households of 1-6, tags. */
    static String benchmarkShape(int rows) {
        String[] first = {"Anita", "Rohan", "Priya", "Vikram", "Meera", "Arjun", "Kavya", "Sanjay", "Neha", "Rahul", "Isha", "Dev"};
        String[] last = {"Sharma", "Kapoor", "Iyer", "Reddy", "Patel", "Gupta", "Nair", "Singh", "Das", "Mehta", "Rao", "Bose"};
        String[] tags = {"family", "college", "work", "vip", "neighbours", "family-delhi"};
        String[] malformed = {"12345", "98x11 2233", "000", "+44 7700 900123", "call me"};
        String[] sides = {"Bride", "Groom", "Both"};
        Random random = new Random(42);
        StringBuilder csv = new StringBuilder("Name,Phone,Household,Side,Tags\n");
        List<String> phones = new ArrayList<>();
        int n = 0;
        for (int household = 1; n < rows; household++) {
            int size = 1 + random.nextInt(6);
            String family = "The " + last[random.nextInt(last.length)] + " Family " + household;
            String side = sides[random.nextInt(sides.length)];
            String tag = tags[random.nextInt(tags.length)] + "|" + tags[random.nextInt(tags.length)];
            for (int i = 0; i < size && n < rows; i++, n++) {
                String name = first[random.nextInt(first.length)] + " " + last[random.nextInt(last.length)];
                double roll = random.nextDouble();
                String phone;
                if (roll < 0.03) {
                    phone = "";
                } else if (roll < 0.08) {
                    phone = malformed[random.nextInt(malformed.length)];
                } else if (roll < 0.18 && !phones.isEmpty()) {
                    phone = phones.get(random.nextInt(phones.size()));
                } else {
                    String digits = "9" + (100000000 + random.nextInt(899999999));
                    String[] formats = {"+91 " + digits.substring(0, 5) + " " + digits.substring(5), "0" + digits,
                            digits.substring(0, 5) + "-" + digits.substring(5), "(+91) " + digits, "0091" + digits, digits};
                    phone = formats[random.nextInt(formats.length)];
                    phones.add(phone);
                }
                csv.append('"').append(name).append("\",\"").append(phone).append("\",\"").append(family).append("\",")
                        .append(side).append(",\"").append(tag).append("\"\n");
            }
        }
        return csv.toString();
    }
}
