package io.guestlist.command.importrun.parse;

import io.guestlist.kernel.error.ErrorCode;
import io.guestlist.kernel.error.GuestlistException;

import java.util.Map;

/** The rejections of a payload, worded for the host who uploaded it. */
final class ImportErrors {

    private ImportErrors() {
    }

    static GuestlistException empty() {
        return new GuestlistException(ErrorCode.VALIDATION, "The file is empty.");
    }

    static GuestlistException tooLarge() {
        return new GuestlistException(ErrorCode.PAYLOAD_TOO_LARGE,
                "The file is larger than " + ImportLimits.MAX_BYTES / (1024 * 1024) + " MB.",
                Map.of("maxBytes", ImportLimits.MAX_BYTES));
    }

    static GuestlistException tooManyRows() {
        return new GuestlistException(ErrorCode.PAYLOAD_TOO_LARGE,
                "The file has more than " + ImportLimits.MAX_ROWS + " rows.",
                Map.of("maxRows", ImportLimits.MAX_ROWS));
    }

    static GuestlistException fieldTooLong(int rowNumber, String column, int length) {
        return new GuestlistException(ErrorCode.VALIDATION,
                "Row " + rowNumber + ", column \"" + column + "\" has " + length + " characters; at most "
                        + ImportLimits.MAX_FIELD + " are allowed.",
                Map.of("row", rowNumber, "column", column, "maxField", ImportLimits.MAX_FIELD));
    }

    static GuestlistException headerTooLong(int column, int length) {
        return new GuestlistException(ErrorCode.VALIDATION,
                "The header of column " + column + " has " + length + " characters; at most "
                        + ImportLimits.MAX_FIELD + " are allowed.",
                Map.of("row", 0, "column", column, "maxField", ImportLimits.MAX_FIELD));
    }

    static GuestlistException unreadable(String why) {
        return new GuestlistException(ErrorCode.UNREADABLE_FILE, "The file cannot be read: " + why);
    }

    static GuestlistException unsupported(String contentType, String channel, String expected) {
        return new GuestlistException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "Content type " + contentType + " is not accepted for " + channel + " imports; send " + expected + ".",
                Map.of("contentType", contentType));
    }

    static GuestlistException invalidMapping(String message) {
        return new GuestlistException(ErrorCode.VALIDATION, message);
    }
}
