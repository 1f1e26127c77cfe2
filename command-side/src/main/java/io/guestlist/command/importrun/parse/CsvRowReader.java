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
 * or CR). The first non-blank record is the header; rows whose cells are all blank are not rows.
 * Quoting mistakes are tolerated the way spreadsheets write them (text after a closing quote, a quote
 * left open at the end) rather than failing a whole guest list.
 */
final class CsvRowReader extends LookaheadRowReader<CSVRecord> {

    private static final int SNIFF_BYTES = 64 * 1024;

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final CsvRowMapper mapper;

    CsvRowReader(PayloadText text, ColumnMapping mapping) {
        String sample = text.prefix(SNIFF_BYTES);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(DelimiterDetector.detect(sample))
                .setIgnoreEmptyLines(true)
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
        return nextNonBlank();
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
        try {
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (!record.stream().allMatch(String::isBlank)) {
                    return record;
                }
            }
            return null;
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
