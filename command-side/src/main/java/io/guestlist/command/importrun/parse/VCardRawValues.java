package io.guestlist.command.importrun.parse;

import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.io.scribe.ScribeIndex;
import ezvcard.io.scribe.VCardPropertyScribe;
import ezvcard.io.text.WriteContext;
import ezvcard.property.BinaryProperty;
import ezvcard.property.RawProperty;
import ezvcard.property.VCardProperty;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A card's properties as text, keyed "TEL", "item1.TEL", a repeat as "TEL (2)", so the row keeps what the
 * phone exported (SPEC §2.5). Photos and other binary data are summarised, not copied; so are vendor
 * properties longer than {@link ImportLimits#MAX_FIELD} (Outlook's X-MS-OL-DESIGN card layout), which
 * describe the address book, not the guest. The properties the import reads are kept whole, so the
 * field limit applies to them.
 */
final class VCardRawValues {

    static final Set<String> READ_PROPERTIES = Set.of("FN", "N", "TEL", "EMAIL", "NOTE", "CATEGORIES");
    private static final ScribeIndex SCRIBES = new ScribeIndex();

    private VCardRawValues() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Map<String, String> of(VCard card) {
        VCardVersion version = card.getVersion() == null ? VCardVersion.V3_0 : card.getVersion();
        WriteContext context = new WriteContext(version, null, false);
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("VERSION", version.getVersion());
        for (VCardProperty property : card.getProperties()) {
            VCardPropertyScribe scribe = SCRIBES.getPropertyScribe(property);
            String name = nameOf(property, scribe);
            String key = property.getGroup() == null ? name : property.getGroup() + "." + name;
            put(raw, key, valueOf(property, name, scribe, context));
        }
        return raw;
    }

    private static String nameOf(VCardProperty property, VCardPropertyScribe<?> scribe) {
        if (property instanceof RawProperty extended) {
            return extended.getPropertyName();
        }
        return scribe == null ? property.getClass().getSimpleName().toUpperCase(Locale.ROOT) : scribe.getPropertyName();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String valueOf(VCardProperty property, String name, VCardPropertyScribe scribe, WriteContext context) {
        if (property instanceof BinaryProperty<?> binary) {
            return binary.getUrl() != null ? binary.getUrl() : "(binary data not kept)";
        }
        String text;
        try {
            text = scribe == null ? String.valueOf(property) : scribe.writeText(property, context);
        } catch (RuntimeException unwritable) {
            return "(unreadable value not kept)";
        }
        if (text.length() > ImportLimits.MAX_FIELD && !READ_PROPERTIES.contains(name.toUpperCase(Locale.ROOT))) {
            return "(" + text.length() + " characters not kept)";
        }
        return text;
    }

    private static void put(Map<String, String> raw, String key, String value) {
        String unique = key;
        for (int n = 2; raw.containsKey(unique); n++) {
            unique = key + " (" + n + ")";
        }
        raw.put(unique, value);
    }
}
