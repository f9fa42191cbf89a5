-- The audit log: one hash chain per writer (a country subgraph, the gateway). `body` is the entry's
-- canonical JSON, which the hash covers together with the previous entry's hash; the other columns
-- repeat what queries need (time, subjects) and are checked against the body by audit:verify.
CREATE TABLE IF NOT EXISTS audit_entries (
  writer text NOT NULL,
  seq bigint NOT NULL,
  at timestamptz NOT NULL,
  subjects text[] NOT NULL,
  body text NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  PRIMARY KEY (writer, seq)
);
CREATE INDEX IF NOT EXISTS audit_entries_at ON audit_entries (at);
CREATE INDEX IF NOT EXISTS audit_entries_subjects ON audit_entries USING gin (subjects);
-- The last link of each chain, written in the same transaction as the entries, so that removing
-- the newest entries is found too.
CREATE TABLE IF NOT EXISTS audit_heads (
  writer text PRIMARY KEY,
  seq bigint NOT NULL,
  hash text NOT NULL
);
