-- Which HMAC key the identities were written under (a digest of the key, never the key): an index
-- opened with another key cannot be read, so it is emptied and synchronised again.
CREATE TABLE IF NOT EXISTS {{schema}}.index_key (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  key_check text NOT NULL
);
