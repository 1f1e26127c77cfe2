-- Room on each page of guest_units for a unit's next version: a derivation that changes only its member count
-- or contact (no indexed column) can then be a HOT update, which touches no index and whose dead version any
-- later read of the page prunes, even where autovacuum lags (or is off). Applies to pages written from now on.
ALTER TABLE guest_units SET (fillfactor = 70);
