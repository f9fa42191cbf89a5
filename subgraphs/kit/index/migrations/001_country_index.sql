-- The country index (subgraphs/kit/index/): one PostgreSQL schema per country, named by the kit
-- (`rantau_index_<cc>`), written here as {{schema}}. No name and no document number is ever stored:
-- identities are keyed HMACs, records carry only de-identified facts.
CREATE SCHEMA IF NOT EXISTS {{schema}};

-- One row per registry record: where it is, when it last changed, and the facts statistics and
-- recognition read (never personal data).
CREATE TABLE IF NOT EXISTS {{schema}}.records (
  registry text NOT NULL,
  native_id text NOT NULL,
  kind text NOT NULL,
  country text NOT NULL,
  changed_at timestamptz NOT NULL,
  indexed_at timestamptz NOT NULL,
  pass integer NOT NULL,
  fingerprint text NOT NULL,
  holder_nationality text,
  status text NOT NULL,
  native_status text,
  native_type text,
  permit_class text,
  national_level text,
  aqrf_level integer,
  aqrf_basis text,
  isco text,
  issued_on date,
  valid_from date,
  valid_until date,
  sector text,
  qualification_code text,
  qualification_title text,
  PRIMARY KEY (registry, native_id)
);

-- Every identity a record names (travel document + nationality, linked documents), as an HMAC
-- keyed per deployment: identity → record numbers without a search call.
CREATE TABLE IF NOT EXISTS {{schema}}.identities (
  identity text NOT NULL,
  registry text NOT NULL,
  native_id text NOT NULL,
  PRIMARY KEY (identity, registry, native_id)
);
CREATE INDEX IF NOT EXISTS identities_by_record ON {{schema}}.identities (registry, native_id);
CREATE INDEX IF NOT EXISTS records_by_occupation ON {{schema}}.records (isco, national_level) WHERE kind = 'CERT';

-- Where each registry's synchronisation stands: the full pass (its number and the cursor of the
-- next page, so a restart resumes there), and the instant up to which the index is complete.
CREATE TABLE IF NOT EXISTS {{schema}}.sync_state (
  registry text PRIMARY KEY,
  pass integer NOT NULL DEFAULT 0,
  pass_in_progress boolean NOT NULL DEFAULT false,
  cursor text,
  pass_started_at timestamptz,
  pages_in_pass integer NOT NULL DEFAULT 0,
  complete_since timestamptz,
  synced_at timestamptz,
  feed_since text
);
