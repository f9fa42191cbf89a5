-- Statistics (issue 13) group a country's records of one kind; permits in force on a day are
-- found by their validity. Index-only scans are not the aim (counts read most columns); these
-- keep the kind and the date range from scanning the other kind's rows.
CREATE INDEX IF NOT EXISTS records_by_kind_validity ON {{schema}}.records (kind, valid_from, valid_until);
CREATE INDEX IF NOT EXISTS records_by_kind_issued ON {{schema}}.records (kind, issued_on);
