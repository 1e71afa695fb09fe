-- Stories: groups of articles covering one event. They are derived from
-- the articles and their analyses, so the stories stage may replace them
-- all at once; an analysed article without a story_members row is waiting
-- for clustering. The user's rules name articles, not stories, and are
-- kept across rebuilds.
CREATE TABLE stories (
    id       INTEGER PRIMARY KEY,
    label    TEXT    NOT NULL,
    first    TEXT,
    last     TEXT,
    size     INTEGER NOT NULL,
    sources  INTEGER NOT NULL,
    entities TEXT    NOT NULL DEFAULT '[]',
    places   TEXT    NOT NULL DEFAULT '[]',
    lat      REAL    NOT NULL DEFAULT 0,
    lon      REAL    NOT NULL DEFAULT 0,
    updated  TEXT    NOT NULL
);
CREATE INDEX stories_last ON stories (last DESC, id DESC);

-- One row per clustered article: its story and the score components of
-- the assignment, with the runner-up story, for explaining it.
CREATE TABLE story_members (
    article_id      TEXT    PRIMARY KEY REFERENCES articles (id),
    story_id        INTEGER NOT NULL REFERENCES stories (id),
    score_text      REAL    NOT NULL,
    score_entities  REAL    NOT NULL,
    score_places    REAL    NOT NULL,
    score_time      REAL    NOT NULL,
    score_total     REAL    NOT NULL,
    runner_up       INTEGER NOT NULL DEFAULT 0,
    runner_up_total REAL    NOT NULL DEFAULT 0,
    new             INTEGER NOT NULL DEFAULT 0,
    copy            INTEGER NOT NULL DEFAULT 0,
    rule            TEXT    NOT NULL DEFAULT '',
    assigned_at     TEXT    NOT NULL
);
CREATE INDEX story_members_story ON story_members (story_id);

-- The user's corrections: 'merge' puts the stories of article_id and
-- other together; 'split' (other = '') takes article_id into a story of
-- its own.
CREATE TABLE story_rules (
    action     TEXT NOT NULL CHECK (action IN ('merge', 'split')),
    article_id TEXT NOT NULL,
    other      TEXT NOT NULL DEFAULT '',
    created    TEXT NOT NULL,
    PRIMARY KEY (action, article_id, other)
) WITHOUT ROWID;
