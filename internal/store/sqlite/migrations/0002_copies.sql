-- Near-duplicate detection. copy_state: 0 not yet in the index, 1 indexed
-- but not yet compared with its candidates, 2 done. Articles stored before
-- this migration start at 0, so the next ingest catches them up.
ALTER TABLE articles ADD COLUMN copy_state    INTEGER NOT NULL DEFAULT 0 CHECK (copy_state IN (0, 1, 2));
ALTER TABLE articles ADD COLUMN dup_group     TEXT;
ALTER TABLE articles ADD COLUMN duplicate_of  TEXT;
ALTER TABLE articles ADD COLUMN copy_evidence TEXT;
-- The dedup stage's sketch of the text, read with candidates to pass over
-- unlikely ones without reading their text.
ALTER TABLE articles ADD COLUMN copy_sketch   BLOB;

CREATE INDEX articles_dup_group  ON articles (dup_group) WHERE dup_group IS NOT NULL;
CREATE INDEX articles_copy_state ON articles (copy_state, id) WHERE copy_state < 2;

-- The LSH index: one row per key of an article. Keys are 64-bit hashes
-- stored as signed integers; seq is the article's row. Looking a key up is
-- one seek whatever the size of the store, which keeps the cost of adding
-- an article flat as the store grows.
CREATE TABLE copy_keys (
    key INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (key, seq)
) WITHOUT ROWID;

-- Verified near-duplicate pairs, a < b.
CREATE TABLE copy_links (
    a           TEXT    NOT NULL,
    b           TEXT    NOT NULL,
    exact       INTEGER NOT NULL,
    jaccard     REAL    NOT NULL,
    containment REAL    NOT NULL,
    PRIMARY KEY (a, b),
    CHECK (a < b)
) WITHOUT ROWID;
CREATE INDEX copy_links_b ON copy_links (b);

CREATE TABLE copy_groups (
    id       TEXT    PRIMARY KEY,
    original TEXT    NOT NULL,
    reason   TEXT    NOT NULL,
    origin   TEXT    NOT NULL,
    credited TEXT,
    size     INTEGER NOT NULL CHECK (size >= 2)
);
CREATE INDEX copy_groups_size ON copy_groups (size DESC, id);

-- Small named values stages keep with the store, such as the options the
-- near-duplicate index was built with, so that a change of them is noticed.
CREATE TABLE settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
