-- An import run belongs to one instance at a time: the one named in lease_owner, until
-- lease_expires_at (always set from the database's now(), so the instances' clocks do not matter).
-- The owner renews it with every batch, in the batch's transaction; a run whose owner died is
-- claimed by another instance once the lease has run out.
ALTER TABLE cmd_import_payload ADD COLUMN lease_owner TEXT;
ALTER TABLE cmd_import_payload ADD COLUMN lease_expires_at TIMESTAMPTZ;
