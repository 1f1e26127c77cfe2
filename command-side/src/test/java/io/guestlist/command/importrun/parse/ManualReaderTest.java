package io.guestlist.command.importrun.parse;

import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.importrun.Channel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** MANUAL: a JSON array of rows typed by hand. */
class ManualReaderTest {

    @Test
    void everyField_isRead() {
        String json = """
                [{"name": "Asha Rao", "phone": "+91 98123 45678", "country": "IN", "household": "Rao family",
                  "side": "Bride", "tags": ["college", "vip"], "email": "asha@example.com", "notes": "vegetarian"}]
                """;

        RawRow row = manual(json).get(0);

        assertThat(row).extracting(RawRow::rowNumber, RawRow::name, RawRow::phone, RawRow::country, RawRow::household,
                        RawRow::side, RawRow::tags, RawRow::email, RawRow::notes)
                .containsExactly(1, "Asha Rao", "+91 98123 45678", "IN", "Rao family", "Bride", List.of("college", "vip"),
                        "asha@example.com", "vegetarian");
        assertThat(row.raw()).containsEntry("name", "Asha Rao").containsEntry("tags", "college")
                .containsEntry("tags (2)", "vip");
    }

    @Test
    void optionalFieldsMayBeMissingOrNull_tagsMayBeOneString_andAPhoneMayBeANumber() {
        List<RawRow> rows = manual("""
                [{"name": "Ravi", "phone": 919812345678, "tags": "family; vip", "side": null},
                 {"name": "Meera"}]
                """);

        assertThat(rows.get(0)).extracting(RawRow::phone, RawRow::tags, RawRow::side, RawRow::household)
                .containsExactly("919812345678", List.of("family", "vip"), null, null);
        assertThat(rows.get(1)).extracting(RawRow::rowNumber, RawRow::name, RawRow::phone).containsExactly(2, "Meera", null);
    }

    @Test
    void anEmptyArray_hasNoRows() {
        assertThat(manual("[]")).isEmpty();
    }

    @Test
    void notAnArray_isUnreadable() {
        assertThatThrownBy(() -> manual("{\"name\": \"Asha\"}"))
                .isInstanceOfSatisfying(GuestlistException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNREADABLE_FILE))
                .hasMessageContaining("JSON array");
    }

    @Test
    void brokenJson_isUnreadable_andSaysWhere() {
        assertThatThrownBy(() -> manual("[{\"name\": \"Asha\"},\n {\"name\": }]"))
                .isInstanceOfSatisfying(GuestlistException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNREADABLE_FILE))
                .hasMessageContaining("line 2");
    }

    @Test
    void anElementThatIsNotAnObject_isUnreadable() {
        assertThatThrownBy(() -> manual("[{\"name\": \"Asha\"}, \"Ravi\"]"))
                .isInstanceOfSatisfying(GuestlistException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNREADABLE_FILE))
                .hasMessageContaining("element 2");
    }

    @Test
    void csvContentType_isUnsupported() {
        assertThatThrownBy(() -> Rows.read(Channel.MANUAL, "[]".getBytes(StandardCharsets.UTF_8), "text/csv", null))
                .isInstanceOfSatisfying(GuestlistException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE));
    }

    private static List<RawRow> manual(String json) {
        return Rows.read(Channel.MANUAL, json.getBytes(StandardCharsets.UTF_8), "application/json; charset=utf-8", null);
    }
}
