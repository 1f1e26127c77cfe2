package io.guestlist.command.importrun.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.BiFunction;

/**
 * Streams a JSON array of objects with Jackson's {@link JsonParser}: only the current element is ever
 * bound to a tree, never the whole array, so a large payload is read one row at a time.
 */
final class JsonRowReader extends LookaheadRowReader<JsonNode> {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonParser parser;
    private final BiFunction<Integer, JsonNode, RawRow> mapper;

    JsonRowReader(PayloadText text, BiFunction<Integer, JsonNode, RawRow> mapper) {
        this.mapper = mapper;
        try {
            this.parser = MAPPER.createParser(text.reader());
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw ImportErrors.unreadable("expected a JSON array of rows ([{...}, ...]).");
            }
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected JsonNode readNext() {
        return readElement();
    }

    @Override
    protected RawRow toRow(int rowNumber, JsonNode element) {
        return mapper.apply(rowNumber, element);
    }

    @Override
    protected void closeSource() throws IOException {
        parser.close();
    }

    private JsonNode readElement() {
        try {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY || token == null) {
                return null;
            }
            if (token != JsonToken.START_OBJECT) {
                throw ImportErrors.unreadable("element " + (rowsHandedOut() + 1) + " of the JSON array is not an object.");
            }
            return MAPPER.readTree(parser);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RuntimeException malformed(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return ImportErrors.unreadable("it is not valid JSON" + where + " (" + e.getOriginalMessage() + ").");
    }
}
