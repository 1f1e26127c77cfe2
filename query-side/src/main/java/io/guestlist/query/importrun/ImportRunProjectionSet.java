package io.guestlist.query.importrun;

import io.guestlist.query.support.ProjectionSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** Import runs and their rows, for a rebuild. */
@Component
class ImportRunProjectionSet implements ProjectionSet {

    @Override
    public String group() {
        return ImportRunProjection.GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of("import_runs", "import_rows");
    }

    @Override
    public List<Object> projections(JdbcTemplate jdbc) {
        return List.of(new ImportRunProjection(jdbc));
    }

    /** The run list and the rows by outcome; the projection writes by run and row, or by person. */
    @Override
    public List<String> queryIndexes() {
        return List.of("ix_import_runs_workspace_created", "ix_import_rows_run_outcome");
    }
}
