-- Raw inputs, once per distinct content. hash is the hex sha256 of the bytes
-- as read, size their length; data holds them in the named encoding so that a
-- reader can check both after decoding.
CREATE TABLE raws (
    hash     TEXT    PRIMARY KEY,
    size     INTEGER NOT NULL CHECK (size >= 0),
    encoding TEXT    NOT NULL CHECK (encoding IN ('identity', 'deflate')),
    data     BLOB    NOT NULL
);

-- seq is the rowid the search index points at. It is declared so that it
-- aliases the rowid: an undeclared rowid may be renumbered by VACUUM, which
-- would silently detach the external-content index from its rows.
CREATE TABLE articles (
    seq             INTEGER PRIMARY KEY,
    id              TEXT    NOT NULL UNIQUE,
    content_hash    TEXT    NOT NULL UNIQUE,
    raw_hash        TEXT    NOT NULL REFERENCES raws (hash),
    raw_record      INTEGER NOT NULL,
    source          TEXT    NOT NULL,
    path            TEXT    NOT NULL,
    record          INTEGER NOT NULL,
    container       TEXT    NOT NULL,
    format          TEXT    NOT NULL,
    url             TEXT    NOT NULL,
    title           TEXT    NOT NULL,
    outlet          TEXT    NOT NULL COLLATE NOCASE,
    credited_source TEXT    NOT NULL,
    author          TEXT    NOT NULL,
    -- NULL when unknown, so that ordering can put unknown dates last and
    -- range filters leave them out without special cases.
    published       TEXT    CHECK (published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    language        TEXT    NOT NULL COLLATE NOCASE,
    text            TEXT    NOT NULL,
    provenance      TEXT,
    extra           TEXT,
    warnings        TEXT,
    ingested_at     TEXT    NOT NULL
);

CREATE INDEX articles_published ON articles (published DESC, id);
CREATE INDEX articles_outlet    ON articles (outlet, published DESC, id);
CREATE INDEX articles_language  ON articles (language, published DESC, id);
CREATE INDEX articles_raw       ON articles (raw_hash);

-- Every source an article's input was seen at, its first one included, so a
-- copy of a file ingested from another path is remembered without storing a
-- second article.
CREATE TABLE article_sources (
    article_id TEXT    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    source     TEXT    NOT NULL,
    path       TEXT    NOT NULL,
    record     INTEGER NOT NULL,
    seen_at    TEXT    NOT NULL,
    PRIMARY KEY (article_id, source)
) WITHOUT ROWID;

-- remove_diacritics 2 lets "zurich" find "Zürich"; no stemmer, since the
-- corpus is multilingual and the stemmers SQLite ships are English-only.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title,
    text,
    content = 'articles',
    content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
END;

-- Reprocessing rewrites every article but changes few texts; re-indexing
-- only those that changed keeps it from rebuilding the whole index.
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles
WHEN old.title IS NOT new.title OR old.text IS NOT new.text BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
