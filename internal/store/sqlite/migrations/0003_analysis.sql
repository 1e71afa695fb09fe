-- Language analysis: each article's sentences, names, places and dates
-- (the whole analysis as JSON, read back for export and display), the
-- entities resolved across articles, and the mentions and places as rows
-- so that they can be filtered and counted. Articles stored before this
-- migration have no analysis_version, so the next ingest analyses them.
ALTER TABLE articles ADD COLUMN analysis_version TEXT;

CREATE TABLE analyses (
    article_id TEXT PRIMARY KEY REFERENCES articles (id),
    version    TEXT NOT NULL,
    body       TEXT NOT NULL
);

-- Entities resolved across articles. context holds the name keys of the
-- entities it was seen with (JSON list, capped), which cross-article
-- matching weighs.
CREATE TABLE entities (
    id        TEXT PRIMARY KEY,
    canonical TEXT NOT NULL,
    type      TEXT NOT NULL,
    context   TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX entities_canonical ON entities (canonical COLLATE NOCASE);

-- Every name an entity goes by, with why it was merged into it.
CREATE TABLE entity_aliases (
    entity_id  TEXT NOT NULL REFERENCES entities (id),
    name       TEXT NOT NULL,
    reason     TEXT NOT NULL,
    article_id TEXT,
    PRIMARY KEY (entity_id, name)
) WITHOUT ROWID;
CREATE INDEX entity_aliases_name ON entity_aliases (name COLLATE NOCASE);

-- Blocking keys of the cross-article matcher: a new name is compared only
-- with the entities sharing one of its keys.
CREATE TABLE entity_keys (
    key       TEXT NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entities (id),
    PRIMARY KEY (key, entity_id)
) WITHOUT ROWID;
CREATE INDEX entity_keys_entity ON entity_keys (entity_id);

CREATE TABLE entity_mentions (
    article_id TEXT    NOT NULL REFERENCES articles (id),
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    entity_id  TEXT    NOT NULL REFERENCES entities (id),
    text       TEXT    NOT NULL,
    PRIMARY KEY (article_id, start)
) WITHOUT ROWID;
CREATE INDEX entity_mentions_entity ON entity_mentions (entity_id, article_id);

CREATE TABLE place_mentions (
    article_id TEXT    NOT NULL REFERENCES articles (id),
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    text       TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    country    TEXT    NOT NULL,
    admin1     TEXT    NOT NULL,
    lat        REAL    NOT NULL,
    lon        REAL    NOT NULL,
    geonameid  INTEGER NOT NULL,
    PRIMARY KEY (article_id, start)
) WITHOUT ROWID;
CREATE INDEX place_mentions_name ON place_mentions (name, country);

-- The user's corrections, kept across rebuilds because they name entities
-- by name, not by ID: 'alias' makes name an alias of the entity called
-- target; 'separate' keeps name out of it.
CREATE TABLE alias_rules (
    name    TEXT NOT NULL,
    type    TEXT NOT NULL,
    action  TEXT NOT NULL CHECK (action IN ('alias', 'separate')),
    target  TEXT NOT NULL,
    created TEXT NOT NULL,
    PRIMARY KEY (name, type, action, target)
) WITHOUT ROWID;
