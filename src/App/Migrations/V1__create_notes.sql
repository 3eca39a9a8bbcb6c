-- V1: the notes table. IF NOT EXISTS because databases created by the service's start-up code, before
-- migrations existed, already have it (the migrator records those as a baseline at V1 and does not run this).
CREATE TABLE IF NOT EXISTS notes (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title      varchar(200)  NOT NULL,
    body       varchar(10000) NOT NULL DEFAULT '',
    created_at timestamptz   NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS notes_created_at_id_idx ON notes (created_at DESC, id DESC);
