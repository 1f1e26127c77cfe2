package io.guestlist.command.importrun.parse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a CSV file record by record with commons-csv (RFC 4180 quoting, embedded line breaks, CRLF, LF
 * or CR). The first non-blank record is the header. After it, a record whose cells are all blank is a row
 * too (the import records it as {@code blank_row}), so row numbers follow the file's lines; blank records
 * at the end of the file are not rows.
 * Quoting mistakes are tolerated the way spreadsheets write them (text after a closing quote, a quote
 * left open at the end) rather than failing a whole guest list.
 */
final class CsvRowReader extends LookaheadRowReader<CSVRecord> {

    private static final int SNIFF_BYTES = 64 * 1024;

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final CsvRowMapper mapper;
    /** Blank records read ahead, given out once a non-blank record shows they are not the file's tail. */
    private int blanksAhead;
    private CSVRecord blank;
    private CSVRecord afterBlanks;

    CsvRowReader(PayloadText text, ColumnMapping mapping) {
        String sample = text.prefix(SNIFF_BYTES);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(DelimiterDetector.detect(sample))
                .setIgnoreEmptyLines(false)
                .setTrailingData(true)
                .setLenientEof(true)
                .get();
        try {
            this.parser = format.parse(text.reader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.records = parser.iterator();
        if (DelimiterDetector.excelSeparatorLine(sample).isPresent()) {
            nextNonBlank();
        }
        CSVRecord header = nextNonBlank();
        if (header == null) {
            throw ImportErrors.empty();
        }
        this.mapper = new CsvRowMapper(CsvColumns.of(headerNames(header), mapping));
    }

    @Override
    protected CSVRecord readNext() {
        if (blanksAhead > 0) {
            blanksAhead--;
            return blank;
        }
        if (afterBlanks != null) {
            CSVRecord next = afterBlanks;
            afterBlanks = null;
            return next;
        }
        CSVRecord next = nextRecord();
        while (next != null && isBlank(next)) {
            blank = next;
            blanksAhead++;
            next = nextRecord();
        }
        if (next == null) {
            blanksAhead = 0;
            return null;
        }
        if (blanksAhead > 0) {
            afterBlanks = next;
            blanksAhead--;
            return blank;
        }
        return next;
    }

    private static boolean isBlank(CSVRecord record) {
        return record.stream().allMatch(String::isBlank);
    }

    @Override
    protected RawRow toRow(int rowNumber, CSVRecord record) {
        return mapper.toRow(rowNumber, record);
    }

    @Override
    protected void closeSource() throws IOException {
        parser.close();
    }

    private CSVRecord nextNonBlank() {
        CSVRecord record = nextRecord();
        while (record != null && isBlank(record)) {
            record = nextRecord();
        }
        return record;
    }

    private CSVRecord nextRecord() {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            throw ImportErrors.unreadable("the CSV is malformed near line " + parser.getCurrentLineNumber() + " ("
                    + e.getCause().getMessage() + ").");
        }
    }

    /** Header names as written (trimmed), made unique so no cell is lost: "Name", "Name (2)", "column 3". */
    private static List<String> headerNames(CSVRecord header) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).replace("\uFEFF", "").strip();
            if (name.length() > ImportLimits.MAX_FIELD) {
                throw ImportErrors.headerTooLong(i + 1, name.length());
            }
            String unique = name.isEmpty() ? "column " + (i + 1) : name;
            for (int n = 2; !seen.add(unique); n++) {
                unique = name + " (" + n + ")";
            }
            names.add(unique);
        }
        return names;
    }
}
