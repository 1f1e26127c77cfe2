package io.guestlist.query.audience;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.UUID;

/**
 * An audience as CSV, streamed row by row from a database cursor (one read-only transaction, so
 * the file is one consistent snapshot and never sits whole in memory).
 *
 * <p>Formula injection: a spreadsheet runs a cell that starts with {@code = + - @}, TAB or CR, so
 * every such cell, in every column, gets a leading {@code '} (OWASP's advice). That includes
 * {@code invite_target}: an E.164 number starts with {@code +}, and a spreadsheet would otherwise
 * read it as the formula {@code =+91…} and show a bare number. No column is exempt, because an
 * exemption is a hole the day that column carries other text. For machines the file also has
 * {@code invite_target_digits}: the same number without its {@code +} (the form {@code wa.me}
 * links take), which starts with a digit and so is written as it is.
 */
@Component
class AudienceCsv {

    static final String[] HEADER = {"unit_id", "unit_name", "side", "tags", "member_count", "invite_target",
            "invite_target_digits", "inviteable", "reason", "not_inviteable_reason"};

    private static final int FETCH_SIZE = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    AudienceCsv(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Writes the audience (only its inviteable units when asked), in name order, with a BOM so spreadsheets read it as UTF-8. */
    void write(UUID occasion, boolean inviteableOnly, Writer out) throws IOException {
        out.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get());
        readOnly.executeWithoutResult(status -> jdbc.query("SELECT " + AudienceQueries.UNIT_COLUMNS
                        + " FROM audience_members am JOIN guest_units u ON u.unit_id = am.unit_id WHERE am.occasion_id = ?"
                        + (inviteableOnly ? " AND u.inviteable" : "") + AudienceQueries.ORDER,
                rs -> {
                    AudienceViews.AudienceUnit unit = AudienceQueries.unit(rs);
                    String target = unit.inviteTarget();
                    print(csv, unit.unitId(), unit.name(), unit.side(), String.join("; ", unit.tags()), unit.memberCount(),
                            target, target == null ? null : target.replaceFirst("^\\+", ""), unit.inviteable(), unit.reason(),
                            unit.notInviteableReason());
                }, occasion));
        csv.flush();
    }

    private static void print(CSVPrinter csv, Object... cells) {
        try {
            for (Object cell : cells) {
                csv.print(neutralised(cell == null ? "" : String.valueOf(cell)));
            }
            csv.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cell as text a spreadsheet shows and never evaluates. */
    static String neutralised(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }
}
