package io.guestlist.query.support;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * The projections of one package as a rebuild needs them: the processing group they belong to, the
 * read tables they write, and fresh instances of them that write through another
 * {@link JdbcTemplate} (one whose connection resolves those tables in a shadow schema). Several
 * sets may share a group; together they are the group.
 */
public interface ProjectionSet {

    String group();

    List<String> tables();

    List<Object> projections(JdbcTemplate jdbc);

    /**
     * Indexes of {@link #tables} that only queries read, never these projections' writes: a rebuild's
     * shadow copies go without them, since nobody queries a shadow and the swap copies its rows into
     * the live tables, indexes and all. Each costs every row a rebuild writes.
     */
    default List<String> queryIndexes() {
        return List.of();
    }

    /**
     * Whether these projections' set-based statements read the tables they write, so a rebuild
     * analyses the shadow copies as they grow (planned on no statistics, they would scan where they
     * should probe).
     */
    default boolean readsItsTables() {
        return false;
    }
}
