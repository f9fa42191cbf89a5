-- Run once by the postgres image when its data volume is new (docker-compose.yml mounts it):
-- the audit and the index in databases of their own, so that each can be backed up, moved to
-- its own server or given its own retention without touching the other. POSTGRES_DB creates
-- rantau_audit; this adds rantau_index.
CREATE DATABASE rantau_index OWNER rantau;
