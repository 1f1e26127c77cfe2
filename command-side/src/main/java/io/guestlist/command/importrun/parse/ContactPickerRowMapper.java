package io.guestlist.command.importrun.parse;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * One contact of the browser Contact Picker API ({@code {"name": [...], "tel": [...], "email": [...]}}):
 * the first name given, the phone by {@link PhoneChooser} (the picker carries no number types, so only
 * libphonenumber can tell a mobile), the first e-mail.
 */
final class ContactPickerRowMapper {

    private final String defaultRegion;

    ContactPickerRowMapper(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    RawRow toRow(int rowNumber, JsonNode contact) {
        List<String> tels = JsonRawValues.texts(contact, "tel");
        int chosen = PhoneChooser.choose(tels.stream().map(tel -> PhoneCandidate.unlabelled(tel)).toList(), null, defaultRegion);
        List<String> others = new ArrayList<>(tels);
        String phone = chosen < 0 ? null : others.remove(chosen);
        return new RawRow(rowNumber, JsonRawValues.of(contact), JsonRawValues.first(contact, "name"), phone, others,
                null, null, null, List.of(), JsonRawValues.first(contact, "email"), null);
    }
}
