package io.guestlist.command.importrun.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guestlist.command.importrun.parse.ColumnMapping;
import io.guestlist.command.importrun.parse.RowReader;
import io.guestlist.command.importrun.parse.RowReaders;
import io.guestlist.kernel.error.GuestlistException;
import io.guestlist.kernel.importrun.Channel;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Opens the rows of a stored payload, with the explicit column mapping it was submitted with
 * (a JSON object from field name to header, e.g. {@code {"phone": "Mobile"}}).
 */
@Component
public class PayloadReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    public RowReader read(Channel channel, byte[] payload, String contentType, String mapping, String defaultRegion) {
        return RowReaders.open(channel, payload, contentType, columnMapping(mapping), defaultRegion);
    }

    static ColumnMapping columnMapping(String mapping) {
        if (mapping == null || mapping.isBlank()) {
            return null;
        }
        try {
            return ColumnMapping.of(JSON.readValue(mapping, new TypeReference<Map<String, String>>() {
            }));
        } catch (JsonProcessingException e) {
            throw GuestlistException.invalid("mapping must be a JSON object from field name to column header, e.g. {\"phone\": \"Mobile\"}.");
        }
    }
}
