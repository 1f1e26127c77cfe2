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

-- The instances running each streaming processor now: each beats every few seconds (by the
-- database's clock) for the processors it runs, and deletes its rows when it stops. Processors claim
-- a fair share of their segments: segments / instances running that processor. Counted per processor,
-- so an instance whose processor has stopped or is failing leaves its share to the others.
CREATE TABLE instance_roster (
    instance_id    TEXT        NOT NULL,
    processor_name TEXT        NOT NULL,
    beat_at        TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_instance_roster PRIMARY KEY (instance_id, processor_name)
);
