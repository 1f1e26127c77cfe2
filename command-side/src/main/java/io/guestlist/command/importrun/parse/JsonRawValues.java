package io.guestlist.command.importrun.parse;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON object's members as text for {@link RawRow#raw()}: a scalar as its text, an array of scalars
 * as one entry per element ("tel", "tel (2)"), anything nested as its JSON.
 */
final class JsonRawValues {

    private JsonRawValues() {
    }

    static Map<String, String> of(JsonNode object) {
        Map<String, String> raw = new LinkedHashMap<>();
        object.properties().forEach(member -> {
            JsonNode value = member.getValue();
            if (value.isArray() && allScalar(value)) {
                for (int i = 0; i < value.size(); i++) {
                    raw.put(i == 0 ? member.getKey() : member.getKey() + " (" + (i + 1) + ")", textOf(value.get(i)));
                }
            } else {
                raw.put(member.getKey(), textOf(value));
            }
        });
        return raw;
    }

    /** The texts of a member that may be one string or an array of them; blanks dropped. */
    static List<String> texts(JsonNode object, String key) {
        JsonNode value = object.get(key);
        List<String> texts = new ArrayList<>();
        if (value == null || value.isNull()) {
            return texts;
        }
        if (value.isArray()) {
            value.forEach(element -> addIfPresent(texts, element));
        } else {
            addIfPresent(texts, value);
        }
        return texts;
    }

    static String first(JsonNode object, String key) {
        List<String> texts = texts(object, key);
        return texts.isEmpty() ? null : texts.get(0);
    }

    private static void addIfPresent(List<String> texts, JsonNode element) {
        if (element.isValueNode() && !element.isNull() && !element.asText().isBlank()) {
            texts.add(element.asText().strip());
        }
    }

    private static boolean allScalar(JsonNode array) {
        for (JsonNode element : array) {
            if (element.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    private static String textOf(JsonNode value) {
        if (value.isNull()) {
            return "";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
