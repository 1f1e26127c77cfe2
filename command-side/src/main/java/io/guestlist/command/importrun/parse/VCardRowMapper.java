package io.guestlist.command.importrun.parse;

import ezvcard.VCard;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Categories;
import ezvcard.property.Email;
import ezvcard.property.Note;
import ezvcard.property.RawProperty;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.util.TelUri;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns one vCard into a {@link RawRow}: the name from FN, else N (given and family); the phone by
 * {@link PhoneChooser}, where a number counts as labelled mobile when its TYPE is CELL (or an iPhone), or
 * when Apple's grouped label ({@code item1.X-ABLabel}) says Mobile, and a FAX, PAGER or MODEM as no voice; e-mail, NOTE, and CATEGORIES as tags.
 */
final class VCardRowMapper {

    private static final Set<String> MOBILE_TYPES = Set.of("cell", "iphone", "mobile");
    private static final Set<String> NO_VOICE_TYPES = Set.of("fax", "pager", "modem");

    private final String defaultRegion;

    VCardRowMapper(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    RawRow toRow(int rowNumber, VCard card) {
        List<PhoneCandidate> candidates = card.getTelephoneNumbers().stream()
                .map(tel -> new PhoneCandidate(textOf(tel), isMobile(tel, card), hasType(tel, NO_VOICE_TYPES)))
                .filter(candidate -> candidate.text() != null && !candidate.text().isBlank())
                .toList();
        int chosen = PhoneChooser.choose(candidates, null, defaultRegion);
        List<String> others = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (i != chosen) {
                others.add(candidates.get(i).text());
            }
        }
        String notes = card.getNotes().stream().map(Note::getValue).filter(VCardRowMapper::present)
                .collect(Collectors.joining("\n"));
        List<String> tags = card.getCategoriesList().stream().map(Categories::getValues).flatMap(List::stream)
                .flatMap(value -> TagSplitter.split(value).stream()).distinct().toList();
        return new RawRow(rowNumber, VCardRawValues.of(card), nameOf(card), chosen < 0 ? null : candidates.get(chosen).text(),
                others, null, null, null, tags,
                card.getEmails().stream().map(Email::getValue).filter(VCardRowMapper::present).findFirst().orElse(null),
                notes.isEmpty() ? null : notes);
    }

    private static String nameOf(VCard card) {
        if (card.getFormattedName() != null && present(card.getFormattedName().getValue())) {
            return card.getFormattedName().getValue().strip();
        }
        StructuredName n = card.getStructuredName();
        if (n == null) {
            return null;
        }
        String joined = Stream.of(n.getGiven(), n.getFamily()).filter(VCardRowMapper::present).map(String::strip)
                .collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }

    /** The number's text; a {@code tel:} URI gives its number (and extension), never the scheme. */
    private static String textOf(Telephone tel) {
        TelUri uri = tel.getUri();
        if (uri != null) {
            return uri.getExtension() == null ? uri.getNumber() : uri.getNumber() + " ext. " + uri.getExtension();
        }
        String text = tel.getText();
        if (text != null && text.regionMatches(true, 0, "tel:", 0, 4)) {
            return textOf(new Telephone(TelUri.parse(text.strip())));
        }
        return text == null ? null : text.strip();
    }

    private static boolean isMobile(Telephone tel, VCard card) {
        boolean typed = hasType(tel, MOBILE_TYPES);
        if (typed || tel.getGroup() == null) {
            return typed;
        }
        return card.getExtendedProperties().stream()
                .filter(p -> tel.getGroup().equalsIgnoreCase(p.getGroup()) && "X-ABLABEL".equalsIgnoreCase(p.getPropertyName()))
                .map(RawProperty::getValue)
                .anyMatch(label -> label != null && HeaderNames.saysMobile(label));
    }

    private static boolean hasType(Telephone tel, Set<String> types) {
        return tel.getTypes().stream().map(TelephoneType::getValue).filter(Objects::nonNull)
                .anyMatch(type -> types.contains(type.toLowerCase(Locale.ROOT)));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
