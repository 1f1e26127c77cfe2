-- A person's email and notes (issue 12): null when none was given, and for every person added before.
-- Lengths are InputBounds.EMAIL and InputBounds.NOTES.
ALTER TABLE people ADD COLUMN email VARCHAR(320), ADD COLUMN notes VARCHAR(4000);
