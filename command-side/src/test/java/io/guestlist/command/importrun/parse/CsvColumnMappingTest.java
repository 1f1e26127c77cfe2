package io.guestlist.command.importrun.parse;

import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.error.GuestlistException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which column becomes which field: header synonyms, the export layouts, and an explicit mapping. */
class CsvColumnMappingTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '=', value = {
            "Name=name", "FULL NAME=name", "guest=name", "Guest_Name=name",
            "phone=phone", "Mobile=phone", "mobile phone=phone", "Cell=phone", "WhatsApp=phone", "tel=phone",
            "Telephone=phone", "Phone Number=phone", "Phone 1 - Value=phone",
            "country=country",
            "Household=household", "family=household", "Party=household", "group=household", "unit=household",
            "side=side",
            "tags=tags", "Labels=tags", "groups=tags",
            "email=email", "E-mail=email", "E-mail Address=email", "E-mail 1 - Value=email",
            "notes=notes", "Note=notes"})
    void headerSynonym_mapsToItsField(String header, String field) {
        RawRow row = Rows.csv(header + ",other\nvalue,x\n").get(0);

        assertThat(typed(row).get(field)).as(header).isEqualTo("value");
        assertThat(typed(row).entrySet()).filteredOn(e -> !e.getKey().equals(field))
                .allSatisfy(e -> assertThat(e.getValue()).as(e.getKey()).isNull());
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource({"First Name,Last Name", "given name,surname", "Given Name,Family Name"})
    void nameIsFirstAndLast_whenThereIsNoNameColumn(String first, String last) {
        assertThat(Rows.csv(first + "," + last + "\nAsha,Rao\n").get(0).name()).isEqualTo("Asha Rao");
    }

    @Test
    void tags_splitOnCommaSemicolonAndPipe() {
        RawRow row = Rows.csv("name\ttags\nAsha\tcollege, vip;family|college\n").get(0);

        assertThat(row.tags()).containsExactly("college", "vip", "family");
    }

    @Test
    void googleLegacyLayout_namePhoneByTypeGroupsAndEmail() {
        String csv = "Name,Given Name,Additional Name,Family Name,Notes,Group Membership,E-mail 1 - Type,E-mail 1 - Value,"
                + "Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value\n"
                + "Asha Rao,Asha,,Rao,met at college,* My Contacts ::: Friends ::: College,* Home,asha@example.com,"
                + "Home,022 2345 6789,Mobile,+91 98123 45678 ::: +91 98123 45679\n";

        RawRow row = Rows.csv(csv).get(0);

        assertThat(row.name()).isEqualTo("Asha Rao");
        assertThat(row.phone()).isEqualTo("+91 98123 45678");
        assertThat(row.otherPhones()).containsExactly("022 2345 6789", "+91 98123 45679");
        assertThat(row.tags()).containsExactly("Friends", "College");
        assertThat(row.email()).isEqualTo("asha@example.com");
        assertThat(row.notes()).isEqualTo("met at college");
    }

    @Test
    void googleCurrentLayout_firstAndLastNameLabelsAndPhoneLabel() {
        String csv = "First Name,Middle Name,Last Name,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,"
                + "Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value\n"
                + "Asha,,Rao,,* myContacts ::: Navy,* Work,asha@example.com,Work,+1 212 555 0100,Mobile,+1 415 555 0199\n";

        RawRow row = Rows.csv(csv).get(0);

        assertThat(row.name()).isEqualTo("Asha Rao");
        assertThat(row.phone()).isEqualTo("+1 415 555 0199");
        assertThat(row.otherPhones()).containsExactly("+1 212 555 0100");
        assertThat(row.tags()).containsExactly("Navy");
        assertThat(row.email()).isEqualTo("asha@example.com");
    }

    @Test
    void outlookLayout_prefersMobilePhone_andCategoriesAreTags() {
        String csv = "Title,First Name,Middle Name,Last Name,Business Phone,Home Phone,Mobile Phone,Primary Phone,"
                + "Categories,E-mail Address,E-mail Type,Notes\n"
                + "Mr.,Ravi,K,Sharma,+91 22 2345 6789,,+91 98123 45678,,Family;VIP,ravi@example.com,SMTP,\n";

        RawRow row = Rows.csv(csv).get(0);

        assertThat(row.name()).isEqualTo("Ravi Sharma");
        assertThat(row.phone()).isEqualTo("+91 98123 45678");
        assertThat(row.otherPhones()).containsExactly("+91 22 2345 6789");
        assertThat(row.tags()).containsExactly("Family", "VIP");
        assertThat(row.email()).isEqualTo("ravi@example.com");
    }

    @Test
    void severalPhoneColumnsWithoutAMobileOne_firstNonEmptyWins() {
        RawRow row = Rows.csv("name,phone1,phone2\nAsha,,022 2345 6789\n").get(0);

        assertThat(row.phone()).isEqualTo("022 2345 6789");
        assertThat(row.otherPhones()).isEmpty();
    }

    @Test
    void explicitMapping_overridesDetection() {
        ColumnMapping mapping = ColumnMapping.of(Map.of("name", "Invitee", "phone", "Work", "household", "Table"));

        RawRow row = Rows.csv("Invitee,Mobile,Work,Table,group\nAsha,9812345678,022 2345 6789,T4,Rao family\n", mapping)
                .get(0);

        assertThat(row.name()).isEqualTo("Asha");
        assertThat(row.phone()).isEqualTo("022 2345 6789");
        assertThat(row.otherPhones()).isEmpty();
        assertThat(row.household()).isEqualTo("T4");
    }

    @Test
    void explicitMapping_matchesHeadersLikeDetectionDoes() {
        ColumnMapping mapping = ColumnMapping.of(Map.of("side", "bride or groom"));

        assertThat(Rows.csv("name,Bride_or_Groom\nAsha,Bride\n", mapping).get(0).side()).isEqualTo("Bride");
    }

    @Test
    void explicitMapping_toAMissingColumn_isA400() {
        ColumnMapping mapping = ColumnMapping.of(Map.of("phone", "Cell No"));

        assertThatThrownBy(() -> Rows.csv("name,phone\nAsha,9812345678\n", mapping))
                .isInstanceOfSatisfying(GuestlistException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION))
                .hasMessageContaining("Cell No");
    }

    @Test
    void explicitMapping_ofAnUnknownField_isA400() {
        assertThatThrownBy(() -> ColumnMapping.of(Map.of("mobile", "Phone")))
                .isInstanceOfSatisfying(GuestlistException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION))
                .hasMessageContaining("\"mobile\"");
    }

    private static Map<String, String> typed(RawRow row) {
        Map<String, String> fields = new HashMap<>();
        fields.put("name", row.name());
        fields.put("phone", row.phone());
        fields.put("country", row.country());
        fields.put("household", row.household());
        fields.put("side", row.side());
        fields.put("tags", row.tags().isEmpty() ? null : String.join(",", row.tags()));
        fields.put("email", row.email());
        fields.put("notes", row.notes());
        return fields;
    }
}
