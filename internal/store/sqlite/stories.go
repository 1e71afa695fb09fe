package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/store"
)

// PendingStories lists analysed articles that are in no story yet, in the
// order clustering takes them: published date (unknown first), then ID.
func (db *DB) PendingStories(ctx context.Context, limit int) ([]string, error) {
	if limit <= 0 {
		limit = -1
	}
	ids, err := queryStrings(ctx, db.r, `SELECT a.id FROM articles a
		WHERE a.analysis_version IS NOT NULL
			AND NOT EXISTS (SELECT 1 FROM story_members m WHERE m.article_id = a.id)
		ORDER BY a.published, a.id LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("pending stories: %w", err)
	}
	return ids, nil
}

// StoryInputs lists every analysed article in clustering order.
func (db *DB) StoryInputs(ctx context.Context) ([]string, error) {
	ids, err := queryStrings(ctx, db.r, `SELECT id FROM articles WHERE analysis_version IS NOT NULL
		ORDER BY published, id`)
	if err != nil {
		return nil, fmt.Errorf("story inputs: %w", err)
	}
	return ids, nil
}

func checkStoryUpdate(u store.StoryUpdate) error {
	for _, s := range u.Stories {
		if s.ID <= 0 {
			return fmt.Errorf("%w: story ID %d", store.ErrInvalid, s.ID)
		}
		for _, d := range []string{s.First, s.Last} {
			if d != "" {
				if _, err := time.Parse(time.DateOnly, d); err != nil {
					return fmt.Errorf("%w: story %d date %q", store.ErrInvalid, s.ID, d)
				}
			}
		}
	}
	for _, m := range u.Members {
		if m.Article == "" || m.Story <= 0 {
			return fmt.Errorf("%w: member %q of story %d", store.ErrInvalid, m.Article, m.Story)
		}
	}
	return nil
}

func nullDate(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// PutStories writes stories and members in one transaction.
func (db *DB) PutStories(ctx context.Context, u store.StoryUpdate) error {
	if err := checkStoryUpdate(u); err != nil {
		return fmt.Errorf("put stories: %w", err)
	}
	now := time.Now()
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("put stories: %w", err)
	}
	defer tx.Rollback()
	if u.Replace {
		if err := clearStories(ctx, tx); err != nil {
			return fmt.Errorf("put stories: %w", err)
		}
	}
	sst, err := tx.PrepareContext(ctx, `INSERT INTO stories
		(id, label, first, last, size, sources, entities, places, lat, lon, updated)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET label = excluded.label, first = excluded.first, last = excluded.last,
			size = excluded.size, sources = excluded.sources, entities = excluded.entities,
			places = excluded.places, lat = excluded.lat, lon = excluded.lon, updated = excluded.updated`)
	if err != nil {
		return fmt.Errorf("put stories: %w", err)
	}
	defer sst.Close()
	for _, s := range u.Stories {
		ents, err := encodeCounts(s.Entities)
		if err != nil {
			return fmt.Errorf("put stories: %w", err)
		}
		places, err := encodeCounts(s.Places)
		if err != nil {
			return fmt.Errorf("put stories: %w", err)
		}
		upd := s.Updated
		if upd.IsZero() {
			upd = now
		}
		if _, err := sst.ExecContext(ctx, s.ID, s.Label, nullDate(s.First), nullDate(s.Last), s.Size, s.Sources,
			ents, places, s.Lat, s.Lon, formatTime(upd)); err != nil {
			return fmt.Errorf("put stories: story %d: %w", s.ID, err)
		}
	}
	mst, err := tx.PrepareContext(ctx, `INSERT INTO story_members
		(article_id, story_id, score_text, score_entities, score_places, score_time, score_total,
			runner_up, runner_up_total, new, copy, rule, assigned_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id,
			score_text = excluded.score_text, score_entities = excluded.score_entities,
			score_places = excluded.score_places, score_time = excluded.score_time,
			score_total = excluded.score_total, runner_up = excluded.runner_up,
			runner_up_total = excluded.runner_up_total, new = excluded.new, copy = excluded.copy,
			rule = excluded.rule, assigned_at = excluded.assigned_at`)
	if err != nil {
		return fmt.Errorf("put stories: %w", err)
	}
	defer mst.Close()
	for _, m := range u.Members {
		at := m.AssignedAt
		if at.IsZero() {
			at = now
		}
		sc := m.Score
		if _, err := mst.ExecContext(ctx, m.Article, m.Story, sc.Text, sc.Entities, sc.Places, sc.Time, sc.Total,
			m.RunnerUp, m.RunnerUpTotal, boolInt(m.New), boolInt(m.Copy), m.Rule, formatTime(at)); err != nil {
			if isForeignKey(err) {
				return fmt.Errorf("put stories: member %s of story %d: %w", m.Article, m.Story, store.ErrNotFound)
			}
			return fmt.Errorf("put stories: member %s: %w", m.Article, err)
		}
	}
	if err := tx.Commit(); err != nil {
		if isForeignKey(err) {
			return fmt.Errorf("put stories: commit: %w", store.ErrNotFound)
		}
		return fmt.Errorf("put stories: commit: %w", err)
	}
	return nil
}

func encodeCounts(cs []model.NameCount) (string, error) {
	if cs == nil {
		cs = []model.NameCount{}
	}
	b, err := json.Marshal(cs)
	return string(b), err
}

func clearStories(ctx context.Context, tx *sql.Tx) error {
	for _, q := range []string{`DELETE FROM story_members`, `DELETE FROM stories`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

const storyColumns = `id, label, COALESCE(first, ''), COALESCE(last, ''), size, sources, entities, places, lat, lon, updated`

func scanStory(s scanner) (model.Story, error) {
	var st model.Story
	var ents, places, updated string
	if err := s.Scan(&st.ID, &st.Label, &st.First, &st.Last, &st.Size, &st.Sources, &ents, &places,
		&st.Lat, &st.Lon, &updated); err != nil {
		return st, err
	}
	if err := json.Unmarshal([]byte(ents), &st.Entities); err != nil {
		return st, fmt.Errorf("story %d entities: %w", st.ID, err)
	}
	if err := json.Unmarshal([]byte(places), &st.Places); err != nil {
		return st, fmt.Errorf("story %d places: %w", st.ID, err)
	}
	if len(st.Entities) == 0 {
		st.Entities = nil
	}
	if len(st.Places) == 0 {
		st.Places = nil
	}
	var err error
	if st.Updated, err = time.Parse(timeFormat, updated); err != nil {
		return st, fmt.Errorf("story %d updated: %w", st.ID, err)
	}
	return st, nil
}

// StoryList lists stories, newest first: by last date (undated last),
// then by ID, higher first.
func (db *DB) StoryList(ctx context.Context, opt store.StoryListOptions) ([]model.Story, error) {
	limit := opt.Limit
	if limit <= 0 {
		limit = -1
	}
	rows, err := db.r.QueryContext(ctx, `SELECT `+storyColumns+` FROM stories
		ORDER BY last IS NULL, last DESC, id DESC LIMIT ? OFFSET ?`, limit, max(opt.Offset, 0))
	if err != nil {
		return nil, fmt.Errorf("story list: %w", err)
	}
	defer rows.Close()
	var out []model.Story
	for rows.Next() {
		s, err := scanStory(rows)
		if err != nil {
			return nil, fmt.Errorf("story list: %w", err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("story list: %w", err)
	}
	return out, nil
}

const memberColumns = `m.article_id, m.story_id, m.score_text, m.score_entities, m.score_places, m.score_time,
	m.score_total, m.runner_up, m.runner_up_total, m.new, m.copy, m.rule, m.assigned_at, COALESCE(a.dup_group, '')`

func scanMember(s scanner) (model.StoryMember, error) {
	var m model.StoryMember
	var at string
	var isNew, isCopy int
	sc := &m.Score
	if err := s.Scan(&m.Article, &m.Story, &sc.Text, &sc.Entities, &sc.Places, &sc.Time, &sc.Total,
		&m.RunnerUp, &m.RunnerUpTotal, &isNew, &isCopy, &m.Rule, &at, &m.CopyGroup); err != nil {
		return m, err
	}
	m.New, m.Copy = isNew != 0, isCopy != 0
	var err error
	if m.AssignedAt, err = time.Parse(timeFormat, at); err != nil {
		return m, fmt.Errorf("member %s assigned_at: %w", m.Article, err)
	}
	return m, nil
}

func readMembers(ctx context.Context, q queryer, query string, args ...any) ([]model.StoryMember, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.StoryMember
	for rows.Next() {
		m, err := scanMember(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// Story reads one story with its members, ordered by published date
// (unknown first), then article ID.
func (db *DB) Story(ctx context.Context, id int64) (model.Story, error) {
	tx, err := db.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return model.Story{}, fmt.Errorf("story %d: %w", id, err)
	}
	defer tx.Rollback()
	s, err := scanStory(tx.QueryRowContext(ctx, `SELECT `+storyColumns+` FROM stories WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return s, fmt.Errorf("story %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return s, fmt.Errorf("story %d: %w", id, err)
	}
	s.Members, err = readMembers(ctx, tx, `SELECT `+memberColumns+` FROM story_members m
		JOIN articles a ON a.id = m.article_id WHERE m.story_id = ? ORDER BY a.published, a.id`, id)
	if err != nil {
		return s, fmt.Errorf("story %d members: %w", id, err)
	}
	return s, nil
}

// StoriesOf reads the memberships of the given articles.
func (db *DB) StoriesOf(ctx context.Context, ids []string) (map[string]model.StoryMember, error) {
	out := map[string]model.StoryMember{}
	if len(ids) == 0 {
		return out, nil
	}
	list, err := idList(ids)
	if err != nil {
		return nil, fmt.Errorf("stories of: %w", err)
	}
	ms, err := readMembers(ctx, db.r, `SELECT `+memberColumns+` FROM story_members m
		JOIN articles a ON a.id = m.article_id WHERE m.article_id IN (SELECT value FROM json_each(?))`, list)
	if err != nil {
		return nil, fmt.Errorf("stories of: %w", err)
	}
	for _, m := range ms {
		out[m.Article] = m
	}
	return out, nil
}

// ResetStories forgets every story and member, not the rules.
func (db *DB) ResetStories(ctx context.Context) error {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("reset stories: %w", err)
	}
	defer tx.Rollback()
	if err := clearStories(ctx, tx); err != nil {
		return fmt.Errorf("reset stories: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("reset stories: commit: %w", err)
	}
	return nil
}

// StoryRules lists the user's story rules, oldest first.
func (db *DB) StoryRules(ctx context.Context) ([]store.StoryRule, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT action, article_id, other, created FROM story_rules
		ORDER BY created, action, article_id, other`)
	if err != nil {
		return nil, fmt.Errorf("story rules: %w", err)
	}
	defer rows.Close()
	var out []store.StoryRule
	for rows.Next() {
		var r store.StoryRule
		var created string
		if err := rows.Scan(&r.Action, &r.Article, &r.Other, &created); err != nil {
			return nil, fmt.Errorf("story rules: %w", err)
		}
		if r.Created, err = time.Parse(timeFormat, created); err != nil {
			return nil, fmt.Errorf("story rules: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// PutStoryRule adds a rule; adding it again changes nothing.
func (db *DB) PutStoryRule(ctx context.Context, r store.StoryRule) error {
	switch {
	case r.Action == store.StoryMerge && (r.Article == "" || r.Other == "" || r.Article == r.Other):
		return fmt.Errorf("put story rule: %w: a merge needs two different articles", store.ErrInvalid)
	case r.Action == store.StorySplit && (r.Article == "" || r.Other != ""):
		return fmt.Errorf("put story rule: %w: a split needs one article", store.ErrInvalid)
	case r.Action != store.StoryMerge && r.Action != store.StorySplit:
		return fmt.Errorf("put story rule: %w: action %q", store.ErrInvalid, r.Action)
	}
	if r.Created.IsZero() {
		r.Created = time.Now()
	}
	if _, err := db.w.ExecContext(ctx, `INSERT INTO story_rules (action, article_id, other, created)
		VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`, r.Action, r.Article, r.Other, formatTime(r.Created)); err != nil {
		return fmt.Errorf("put story rule: %w", err)
	}
	return nil
}
