-- Every instance LISTENs on guestlist_events and wakes its streaming processors when events are
-- appended, instead of waiting for their poll. Statement level: a batch insert signals once;
-- PostgreSQL delivers the signal when the transaction commits (never for a rollback) and folds
-- identical signals of one transaction into one.
CREATE FUNCTION notify_events_appended() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('guestlist_events', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER tr_domain_event_entry_notify
    AFTER INSERT ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION notify_events_appended();

-- The instances alive now: each beats every few seconds (by the database's clock) and deletes its
-- row when it stops. Processors claim a fair share of their segments: segments / live instances.
CREATE TABLE instance_roster (
    instance_id TEXT        NOT NULL,
    beat_at     TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_instance_roster PRIMARY KEY (instance_id)
);
