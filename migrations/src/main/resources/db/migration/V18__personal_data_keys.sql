-- One key per data subject (a person, an import run) for the personal fields of their events and
-- snapshots (crypto-shredding). Erasing a subject sets its secret to NULL for good and dates it: the
-- tombstone keeps a key from ever being made for it again, and tells other instances to forget it.
CREATE TABLE personal_data_key (
    subject_id VARCHAR(64) NOT NULL,
    secret     BYTEA,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    erased_at  TIMESTAMPTZ,
    CONSTRAINT pk_personal_data_key PRIMARY KEY (subject_id),
    CONSTRAINT ck_personal_data_key_erased CHECK ((secret IS NULL) = (erased_at IS NOT NULL))
);
CREATE INDEX ix_personal_data_key_erased_at ON personal_data_key (erased_at) WHERE erased_at IS NOT NULL;
