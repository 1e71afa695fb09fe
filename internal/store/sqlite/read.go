package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/store"
)

// Article columns, always of articles aliased a, in the order scanArticle
// reads them. The variant without text still yields the column so that one
// scanner serves both.
const (
	colsHead = `a.id, a.content_hash, a.source, a.path, a.record, a.container, a.format, a.url,
		a.title, a.outlet, a.credited_source, a.author, a.published, a.language, `
	colsTail     = `, a.provenance, a.extra, a.warnings, a.ingested_at, a.dup_group, a.duplicate_of, a.copy_evidence`
	colsWithText = colsHead + `a.text` + colsTail
	colsNoText   = colsHead + `''` + colsTail
)

// pageSize is how many rows Each and EachRaw read per query: enough to make
// the per-query cost vanish, few enough that long texts stay cheap to hold.
const pageSize = 256

type scanner interface{ Scan(dest ...any) error }

// scanArticle reads one row of colsWithText or colsNoText, followed by any
// extra columns the query appends.
func scanArticle(s scanner, more ...any) (model.Article, error) {
	var (
		a                           model.Article
		container, format           string
		published                   sql.NullString
		provenance, extra, warnings sql.NullString
		ingested                    string
		group, dupOf, evidence      sql.NullString
	)
	dest := []any{&a.ID, &a.ContentHash, &a.Source, &a.Path, &a.Record, &container, &format, &a.URL,
		&a.Title, &a.Outlet, &a.CreditedSource, &a.Author, &published, &a.Language, &a.Text,
		&provenance, &extra, &warnings, &ingested, &group, &dupOf, &evidence}
	if err := s.Scan(append(dest, more...)...); err != nil {
		return a, err
	}
	a.Container, a.Format, a.Published = model.Format(container), model.Format(format), published.String
	var err error
	if a.IngestedAt, err = time.Parse(time.RFC3339Nano, ingested); err != nil {
		return a, fmt.Errorf("article %s: ingested_at: %w", a.ID, err)
	}
	if provenance.Valid {
		if err := json.Unmarshal([]byte(provenance.String), &a.Provenance); err != nil {
			return a, fmt.Errorf("article %s: provenance: %w", a.ID, err)
		}
	}
	if extra.Valid {
		// UseNumber keeps integers beyond 2^53 (IDs, timestamps) exact.
		dec := json.NewDecoder(strings.NewReader(extra.String))
		dec.UseNumber()
		if err := dec.Decode(&a.Extra); err != nil {
			return a, fmt.Errorf("article %s: extra: %w", a.ID, err)
		}
	}
	if warnings.Valid {
		if err := json.Unmarshal([]byte(warnings.String), &a.Warnings); err != nil {
			return a, fmt.Errorf("article %s: warnings: %w", a.ID, err)
		}
	}
	a.DupGroup, a.DuplicateOf = group.String, dupOf.String
	if evidence.Valid {
		a.CopyEvidence = new(model.CopyEvidence)
		if err := json.Unmarshal([]byte(evidence.String), a.CopyEvidence); err != nil {
			return a, fmt.Errorf("article %s: copy evidence: %w", a.ID, err)
		}
	}
	return a, nil
}

// Get resolves id as an exact ID, a unique ID prefix, or a content hash.
func (db *DB) Get(ctx context.Context, id string) (model.Article, error) {
	if id == "" {
		return model.Article{}, fmt.Errorf("get: empty id: %w", store.ErrNotFound)
	}
	a, err := scanArticle(db.r.QueryRowContext(ctx, `SELECT `+colsWithText+` FROM articles a WHERE a.id = ?`, id))
	if !errors.Is(err, sql.ErrNoRows) {
		return a, wrapGet(id, err)
	}
	if len(id) >= store.MinPrefix {
		ids, err := db.idsWithPrefix(ctx, id, 4)
		if err != nil {
			return model.Article{}, wrapGet(id, err)
		}
		switch len(ids) {
		case 0:
		case 1:
			a, err := scanArticle(db.r.QueryRowContext(ctx, `SELECT `+colsWithText+` FROM articles a WHERE a.id = ?`, ids[0]))
			return a, wrapGet(id, err)
		default:
			more := ""
			if len(ids) > 3 {
				ids, more = ids[:3], ", …"
			}
			return model.Article{}, fmt.Errorf("get %q: %w: matches %s%s", id, store.ErrAmbiguous, strings.Join(ids, ", "), more)
		}
	}
	a, err = scanArticle(db.r.QueryRowContext(ctx, `SELECT `+colsWithText+` FROM articles a WHERE a.content_hash = ?`, id))
	if errors.Is(err, sql.ErrNoRows) && len(id) < store.MinPrefix {
		return a, fmt.Errorf("get %q: %w (a prefix needs at least %d characters)", id, store.ErrNotFound, store.MinPrefix)
	}
	return a, wrapGet(id, err)
}

func wrapGet(id string, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("get %q: %w", id, store.ErrNotFound)
	default:
		return fmt.Errorf("get %q: %w", id, err)
	}
}

// idsWithPrefix finds up to limit IDs starting with prefix as a range scan
// of the ID index: LIKE would need its wildcards escaped and, being
// case-insensitive, could not use the index.
func (db *DB) idsWithPrefix(ctx context.Context, prefix string, limit int) ([]string, error) {
	var rows *sql.Rows
	var err error
	if upper, ok := prefixEnd(prefix); ok {
		rows, err = db.r.QueryContext(ctx, `SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT ?`,
			prefix, upper, limit)
	} else {
		rows, err = db.r.QueryContext(ctx, `SELECT id FROM articles WHERE id >= ? ORDER BY id LIMIT ?`,
			prefix, limit)
	}
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		if !strings.HasPrefix(id, prefix) {
			break
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// prefixEnd is the smallest string above every string starting with prefix,
// in SQLite's byte-wise order; ok is false when there is none (all 0xff).
func prefixEnd(prefix string) (end string, ok bool) {
	b := []byte(prefix)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < 0xff {
			b[i]++
			return string(b[:i+1]), true
		}
	}
	return "", false
}

// List filters with fixed SQL fragments chosen by which options are set, so
// that each filter can use its index; the values are always parameters.
func (db *DB) List(ctx context.Context, opt store.ListOptions) ([]model.Article, error) {
	if err := store.CheckListOptions(opt); err != nil {
		return nil, fmt.Errorf("list: %w", err)
	}
	cols := colsNoText
	if opt.WithText {
		cols = colsWithText
	}
	var where []string
	var args []any
	if opt.Outlet != "" {
		where, args = append(where, `a.outlet = ?`), append(args, opt.Outlet)
	}
	if opt.Language != "" {
		where, args = append(where, `a.language = ?`), append(args, opt.Language)
	}
	if opt.Since != "" {
		where, args = append(where, `a.published >= ?`), append(args, opt.Since)
	}
	if opt.Until != "" {
		where, args = append(where, `a.published <= ?`), append(args, opt.Until)
	}
	q := `SELECT ` + cols + ` FROM articles a`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	limit := opt.Limit
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	// SQLite sorts NULL lowest, so DESC already puts unknown dates last,
	// and the order matches the published indexes exactly.
	q += ` ORDER BY a.published DESC, a.id LIMIT ? OFFSET ?`
	args = append(args, limit, opt.Offset)

	rows, err := db.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list: %w", err)
	}
	defer rows.Close()
	var arts []model.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, fmt.Errorf("list: %w", err)
		}
		arts = append(arts, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list: %w", err)
	}
	return arts, nil
}

// Each reads pages by ID and calls fn only between queries, so no read
// snapshot is held while fn runs: fn may write, and a long walk does not
// keep the WAL from being checkpointed.
func (db *DB) Each(ctx context.Context, fn func(model.Article) error) error {
	after := ""
	for {
		page, err := db.articlePage(ctx, after)
		if err != nil {
			return fmt.Errorf("each: %w", err)
		}
		for _, a := range page {
			if err := fn(a); err != nil {
				return err
			}
		}
		if len(page) < pageSize {
			return nil
		}
		after = page[len(page)-1].ID
	}
}

func (db *DB) articlePage(ctx context.Context, after string) ([]model.Article, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT `+colsWithText+` FROM articles a WHERE a.id > ? ORDER BY a.id LIMIT ?`,
		after, pageSize)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	page := make([]model.Article, 0, pageSize)
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, err
		}
		page = append(page, a)
	}
	return page, rows.Err()
}

// EachRaw walks like Each. Raw inputs are fetched by hash apart from the
// article rows so that one shared by many articles is read and decoded once
// while it stays in the cache.
func (db *DB) EachRaw(ctx context.Context, fn func(store.RawInput) error) error {
	cache := newRawCache(rawCacheBytes)
	after := ""
	for {
		page, hashes, err := db.rawPage(ctx, after)
		if err != nil {
			return fmt.Errorf("each raw: %w", err)
		}
		for i, in := range page {
			raw, ok := cache.get(hashes[i])
			if !ok {
				if raw, err = db.loadRaw(ctx, hashes[i]); err != nil {
					return fmt.Errorf("each raw: article %s: %w", in.ArticleID, err)
				}
				cache.put(hashes[i], raw)
			}
			in.Raw = raw
			if err := fn(in); err != nil {
				return err
			}
		}
		if len(page) < pageSize {
			return nil
		}
		after = page[len(page)-1].ArticleID
	}
}

func (db *DB) rawPage(ctx context.Context, after string) ([]store.RawInput, []string, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT id, container, raw_hash, raw_record, source, path, record
		FROM articles WHERE id > ? ORDER BY id LIMIT ?`, after, pageSize)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var page []store.RawInput
	var hashes []string
	for rows.Next() {
		var in store.RawInput
		var container, hash string
		if err := rows.Scan(&in.ArticleID, &container, &hash, &in.RawRecord, &in.Source, &in.Path, &in.Record); err != nil {
			return nil, nil, err
		}
		in.Container = model.Format(container)
		page, hashes = append(page, in), append(hashes, hash)
	}
	return page, hashes, rows.Err()
}

func (db *DB) loadRaw(ctx context.Context, hash string) ([]byte, error) {
	var size int64
	var enc string
	var data []byte
	err := db.r.QueryRowContext(ctx, `SELECT size, encoding, data FROM raws WHERE hash = ?`, hash).Scan(&size, &enc, &data)
	if err != nil {
		return nil, fmt.Errorf("raw %s: %w", hash, err)
	}
	return decodeRaw(hash, size, enc, data)
}

// Sightings lists where an article's input was seen.
func (db *DB) Sightings(ctx context.Context, id string) ([]store.Sighting, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT source, path, record, seen_at FROM article_sources
		WHERE article_id = ? ORDER BY seen_at, source`, id)
	if err != nil {
		return nil, fmt.Errorf("sightings: %w", err)
	}
	defer rows.Close()
	var out []store.Sighting
	for rows.Next() {
		var s store.Sighting
		var seen string
		if err := rows.Scan(&s.Source, &s.Path, &s.Record, &seen); err != nil {
			return nil, fmt.Errorf("sightings: %w", err)
		}
		if s.SeenAt, err = time.Parse(time.RFC3339Nano, seen); err != nil {
			return nil, fmt.Errorf("sightings: %w", err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sightings: %w", err)
	}
	if len(out) == 0 {
		// Every stored article has its first sighting, so none means no
		// such article.
		return nil, fmt.Errorf("sightings %q: %w", id, store.ErrNotFound)
	}
	return out, nil
}

// Stats reads every figure in one transaction so they agree with each other
// even while an ingest commits.
func (db *DB) Stats(ctx context.Context) (store.Stats, error) {
	st := store.Stats{ByFormat: map[string]int{}, ByContainer: map[string]int{}, ByLanguage: map[string]int{}}
	tx, err := db.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	defer tx.Rollback()
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&st.Articles); err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	if err := tx.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(size), 0), coalesce(sum(length(data)), 0) FROM raws`).
		Scan(&st.Raws, &st.RawBytes, &st.StoredRawBytes); err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	for col, m := range map[string]map[string]int{"format": st.ByFormat, "container": st.ByContainer, "language": st.ByLanguage} {
		// col is one of the three names above, never input.
		rows, err := tx.QueryContext(ctx, `SELECT `+col+`, count(*) FROM articles GROUP BY `+col)
		if err != nil {
			return st, fmt.Errorf("stats: %w", err)
		}
		for rows.Next() {
			var k string
			var n int
			if err := rows.Scan(&k, &n); err != nil {
				rows.Close()
				return st, fmt.Errorf("stats: %w", err)
			}
			m[k] += n
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return st, fmt.Errorf("stats: %w", err)
		}
	}
	if err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM copy_groups),
		(SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL),
		(SELECT count(*) FROM articles WHERE copy_state < 2)`).Scan(&st.CopyGroups, &st.Copies, &st.CopyPending); err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	if err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM analyses),
		(SELECT count(DISTINCT entity_id) FROM entity_mentions),
		(SELECT count(*) FROM entity_mentions),
		(SELECT count(*) FROM place_mentions)`).Scan(&st.Analysed, &st.Entities, &st.Mentions, &st.Places); err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	return st, nil
}
