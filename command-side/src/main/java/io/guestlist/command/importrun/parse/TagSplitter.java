package io.guestlist.command.importrun.parse;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Splits a tags cell on {@code , ; |} and Google's {@code " ::: "}, dropping Google's "* myContacts"
 * system group (every contact has it, so it tells nothing) and the "* " that marks Google system groups.
 */
final class TagSplitter {

    private TagSplitter() {
    }

    static List<String> split(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split(":::|[,;|]"))
                .map(String::strip)
                .map(tag -> tag.startsWith("* ") ? tag.substring(2).strip() : tag)
                .filter(tag -> !tag.isEmpty() && !isMyContacts(tag))
                .distinct()
                .toList();
    }

    private static boolean isMyContacts(String tag) {
        return tag.replace(" ", "").toLowerCase(Locale.ROOT).equals("mycontacts");
    }
}
