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
}
