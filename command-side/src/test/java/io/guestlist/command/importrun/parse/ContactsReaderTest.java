package io.guestlist.command.importrun.parse;

import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.importrun.Channel;
import io.guestlist.testing.Corpora;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CONTACTS: vCards from real phones and the browser Contact Picker's JSON, one contact per row. */
class ContactsReaderTest {

    @Test
    void vcard21_quotedPrintableAndSoftLineBreaks_areDecoded() {
        String card = """
                BEGIN:VCARD\r
                VERSION:2.1\r
                N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E0=A4=B8=E0=A5=80=E0=A4=A4=E0=A4=BE;=\r
                =E0=A4=A6=E0=A5=87=E0=A4=B5=E0=A5=80;;;\r
                FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E0=A4=A6=E0=A5=87=E0=A4=B5=E0=A5=80 =\r
                =E0=A4=B8=E0=A5=80=E0=A4=A4=E0=A4=BE\r
                TEL;HOME:022 2345 6789\r
                TEL;CELL:98123 45678\r
                END:VCARD\r
                """;

        RawRow row = contacts(card).get(0);

        assertThat(row.name()).isEqualTo("देवी सीता");
        assertThat(row.phone()).isEqualTo("98123 45678");
        assertThat(row.otherPhones()).containsExactly("022 2345 6789");
        assertThat(row.raw()).containsKeys("VERSION", "N", "FN", "TEL", "TEL (2)");
    }

    @Test
    void vcard30_foldedLinesGroupedTelAndCategories() {
        String card = """
                BEGIN:VCARD
                VERSION:3.0
                FN:Asha
                  Rao
                item1.TEL:+91 98123 45678
                item1.X-ABLabel:_$!<Mobile>!$_
                TEL;TYPE=WORK:+91 22 2345 6789
                EMAIL;TYPE=INTERNET:asha@example.com
                NOTE:met at college
                CATEGORIES:myContacts,College,VIP
                END:VCARD
                """;

        RawRow row = contacts(card).get(0);

        assertThat(row.name()).isEqualTo("Asha Rao");
        assertThat(row.phone()).isEqualTo("+91 98123 45678");
        assertThat(row.raw()).containsEntry("item1.TEL", "+91 98123 45678");
        assertThat(row.tags()).containsExactly("College", "VIP");
        assertThat(row.email()).isEqualTo("asha@example.com");
        assertThat(row.notes()).isEqualTo("met at college");
    }

    @Test
    void vcard40_telUri_losesTheSchemeAndKeepsTheExtension() {
        String card = """
                BEGIN:VCARD
                VERSION:4.0
                N:Perreault;Simon;;;
                TEL;VALUE=uri;TYPE="work,voice":tel:+1-418-656-9254;ext=102
                END:VCARD
                """;

        RawRow row = contacts(card).get(0);

        assertThat(row.name()).isEqualTo("Simon Perreault");
        assertThat(row.phone()).isEqualTo("+1-418-656-9254 ext. 102");
    }

    @Test
    void firstValidMobileWins_overAnEarlierLandlineAndAnInvalidCell() {
        String card = """
                BEGIN:VCARD
                VERSION:3.0
                FN:Ravi
                TEL;TYPE=HOME:022 2345 6789
                TEL;TYPE=CELL:12345
                TEL;TYPE=CELL:98123 45678
                TEL;TYPE=CELL:98123 45679
                END:VCARD
                """;

        RawRow row = contacts(card).get(0);

        assertThat(row.phone()).isEqualTo("98123 45678");
        assertThat(row.otherPhones()).containsExactly("022 2345 6789", "12345", "98123 45679");
    }

    @Test
    void withoutAValidMobile_theFirstValidWins_thenTheFirst() {
        String landlines = "BEGIN:VCARD\nVERSION:3.0\nFN:A\nTEL:12\nTEL;TYPE=WORK:022 2345 6789\nEND:VCARD\n";
        String malformed = "BEGIN:VCARD\nVERSION:3.0\nFN:B\nTEL:12\nTEL;TYPE=CELL:34\nEND:VCARD\n";

        assertThat(contacts(landlines + malformed)).extracting(RawRow::phone).containsExactly("022 2345 6789", "12");
    }

    @Test
    void realAndroidExport_hasOneRowPerCard_andItsCellNumber() {
        List<RawRow> rows = Rows.file(Channel.CONTACTS, Corpora.file("ez-vcard/samples/John_Doe_ANDROID.vcf"));

        assertThat(rows).hasSize(6);
        assertThat(rows.get(2).name()).isEqualTo("Ñ Ñ Ñ Ñ Ñ");
        assertThat(rows.get(0).tags()).isEmpty();
        assertThat(rows).extracting(RawRow::rowNumber).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void outlookVendorLayoutProperty_isNotCopiedIntoRaw() {
        RawRow row = Rows.file(Channel.CONTACTS, Corpora.file("ez-vcard/samples/outlook-2007.vcf")).get(0);

        assertThat(row.raw().get("X-MS-OL-DESIGN")).matches("\\(\\d+ characters not kept\\)");
        assertThat(row.name()).isEqualTo("Mr. Michael Angstadt Jr.");
    }

    @Test
    void contactPickerJson_namePhoneAndEmail() {
        String json = """
                [{"name": ["Asha Rao"], "tel": ["022 2345 6789", "+91 98123 45678"], "email": ["asha@example.com"]},
                 {"name": [], "tel": [], "email": []}]
                """;

        List<RawRow> rows = Rows.read(Channel.CONTACTS, json.getBytes(StandardCharsets.UTF_8), "application/json", null);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).extracting(RawRow::name, RawRow::phone, RawRow::otherPhones, RawRow::email)
                .containsExactly("Asha Rao", "+91 98123 45678", List.of("022 2345 6789"), "asha@example.com");
        assertThat(rows.get(0).raw()).containsEntry("tel", "022 2345 6789").containsEntry("tel (2)", "+91 98123 45678");
        assertThat(rows.get(1)).extracting(RawRow::name, RawRow::phone).containsExactly(null, null);
    }

    @Test
    void contactPickerJson_isRecognisedWithoutAContentType() {
        byte[] json = "[{\"name\": [\"Asha\"], \"tel\": [\"9812345678\"]}]".getBytes(StandardCharsets.UTF_8);

        assertThat(Rows.read(Channel.CONTACTS, json, null, null)).extracting(RawRow::phone).containsExactly("9812345678");
    }

    @Test
    void textWithoutAnyVCard_isUnreadable() {
        assertThatThrownBy(() -> contacts("name,phone\nAsha,9812345678\n"))
                .isInstanceOfSatisfying(GuestlistException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNREADABLE_FILE))
                .hasMessageContaining("no vCard");
    }

    private static List<RawRow> contacts(String vcards) {
        return Rows.read(Channel.CONTACTS, vcards.getBytes(StandardCharsets.UTF_8), "text/vcard", null);
    }
}
