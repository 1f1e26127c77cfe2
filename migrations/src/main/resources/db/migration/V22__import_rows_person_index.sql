-- An erasure scrubs the import rows that resolved to the erased person (UPDATE import_rows … WHERE
-- person_id = ?): one index range instead of a scan of every workspace's rows. Rows of no person
-- (skipped, malformed) are never looked up by person, so they stay out of the index.
CREATE INDEX ix_import_rows_person ON import_rows (person_id) WHERE person_id IS NOT NULL;
