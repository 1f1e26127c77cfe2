package io.guestlist.command.config;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Objects;

/**
 * An aggregate cache that never hands out a stale aggregate. Another instance on the same database
 * may have appended to an aggregate since this one cached it; acting on the cached state would then
 * decide on old facts (a rename to the name it had here is a silent no-op). So each hit is checked
 * against the store's last sequence number for the aggregate, one lookup in the unique
 * (aggregate_identifier, sequence_number) index, and a stale entry is dropped: the repository then
 * loads the aggregate from its snapshot and events.
 */
class FreshAggregateCache implements Cache {

    private final Cache entries;
    private final JdbcClient jdbc;

    FreshAggregateCache(Cache entries, JdbcClient jdbc) {
        this.entries = entries;
        this.jdbc = jdbc;
    }

    @Override
    public <K, V> V get(K key) {
        V value = entries.get(key);
        if (value instanceof AggregateCacheEntry<?> entry && !Objects.equals(versionOf(entry), lastSequenceInStore(key))) {
            entries.remove(key);
            return null;
        }
        return value;
    }

    /**
     * The version of the cached aggregate. Entries made in this process hold the live aggregate, which
     * {@code recreateAggregate} hands back as it is, without using its arguments.
     */
    private static Long versionOf(AggregateCacheEntry<?> entry) {
        return entry.recreateAggregate(null, null, null, null).version();
    }

    /** Read in the command's own transaction: the lock the repository holds makes it the latest committed. */
    private Long lastSequenceInStore(Object aggregateId) {
        return jdbc.sql("SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(aggregateId.toString()).query(Long.class).single();
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value);
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key);
    }

    @Override
    public void removeAll() {
        entries.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        return entries.registerCacheEntryListener(listener);
    }
}
