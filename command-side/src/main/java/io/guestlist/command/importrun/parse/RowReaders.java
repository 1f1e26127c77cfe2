package io.guestlist.command.importrun.parse;

import io.guestlist.kernel.importrun.Channel;

import java.io.InputStream;
import java.util.Locale;
import java.util.Set;

/**
 * Opens the {@link RowReader} for a payload: checks it is readable text before any row is read (see
 * {@link PayloadSniffer}), then picks the format from the channel and content type. The content type's
 * charset parameter is not trusted; the bytes decide.
 */
public final class RowReaders {

    private static final Set<String> CSV_TYPES = Set.of("text/csv", "text/plain", "application/csv",
            "text/comma-separated-values", "text/tab-separated-values", "application/vnd.ms-excel",
            "application/octet-stream");
    private static final Set<String> VCARD_TYPES = Set.of("text/vcard", "text/x-vcard", "text/directory",
            "text/plain", "application/octet-stream");
    private static final Set<String> JSON_TYPES = Set.of("application/json", "text/json", "application/octet-stream");
    private static final int SNIFF_BYTES = 1024;

    private RowReaders() {
    }

    /** Reads the stream whole (at most {@link ImportLimits#MAX_BYTES}, else 413), then as {@link #open(Channel, byte[], String, ColumnMapping, String)}. */
    public static RowReader open(Channel channel, InputStream payload, String contentType, ColumnMapping mapping,
                                 String defaultRegion) {
        return open(channel, PayloadSniffer.readAll(payload), contentType, mapping, defaultRegion);
    }

    /**
     * @param contentType   the payload's media type, or {@code null} when unknown (then the bytes decide)
     * @param mapping       an explicit column mapping for CSV, or {@code null} to detect columns from the header
     * @param defaultRegion the workspace's region, to read national numbers when choosing a contact's phone
     */
    public static RowReader open(Channel channel, byte[] payload, String contentType, ColumnMapping mapping,
                                 String defaultRegion) {
        String mediaType = mediaType(contentType);
        PayloadText text = PayloadSniffer.sniff(payload);
        RowReader reader = switch (channel) {
            case CSV -> {
                require(mediaType, CSV_TYPES, channel, "text/csv");
                yield new CsvRowReader(text, mapping);
            }
            case CONTACTS -> contacts(text, mediaType, defaultRegion);
            case MANUAL -> {
                require(mediaType, JSON_TYPES, channel, "application/json");
                yield new JsonRowReader(text, ManualRowMapper::toRow);
            }
        };
        return new LimitedRowReader(reader);
    }

    private static RowReader contacts(PayloadText text, String mediaType, String defaultRegion) {
        boolean json = mediaType != null && (JSON_TYPES.contains(mediaType) || mediaType.endsWith("+json"))
                && !mediaType.equals("application/octet-stream");
        if (!json) {
            require(mediaType, VCARD_TYPES, Channel.CONTACTS, "text/vcard or application/json");
            json = text.prefix(SNIFF_BYTES).strip().startsWith("[");
        }
        return json
                ? new JsonRowReader(text, new ContactPickerRowMapper(defaultRegion)::toRow)
                : new VCardRowReader(text, defaultRegion);
    }

    private static void require(String mediaType, Set<String> accepted, Channel channel, String expected) {
        boolean ok = mediaType == null || accepted.contains(mediaType)
                || (expected.contains("json") && mediaType.endsWith("+json"));
        if (!ok) {
            throw ImportErrors.unsupported(mediaType, channel.name(), expected);
        }
    }

    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        return contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }
}
