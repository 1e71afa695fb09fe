package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/store"
)

// timeFormat writes times at fixed width, so that the text sorts in time
// order, and to the microsecond, the precision every backend keeps.
const timeFormat = "2006-01-02T15:04:05.000000Z07:00"

func formatTime(t time.Time) string { return store.Timestamp(t).Format(timeFormat) }

// derived holds an article's derived fields as bound to SQL. The JSON
// columns and published are NULL when empty.
type derived struct {
	format, url, title, outlet, credited, author string
	published                                    any
	language, text                               string
	provenance, extra, warnings                  any
}

func encodeDerived(a model.Article) (derived, error) {
	d := derived{
		format: string(a.Format), url: a.URL, title: a.Title, outlet: a.Outlet,
		credited: a.CreditedSource, author: a.Author, language: a.Language, text: a.Text,
	}
	if a.Published != "" {
		d.published = a.Published
	}
	var err error
	if len(a.Provenance) > 0 {
		if d.provenance, err = encodeJSON(a.Provenance); err != nil {
			return d, fmt.Errorf("provenance: %w", err)
		}
	}
	if len(a.Extra) > 0 {
		if d.extra, err = encodeJSON(a.Extra); err != nil {
			return d, fmt.Errorf("extra: %w", err)
		}
	}
	if len(a.Warnings) > 0 {
		if d.warnings, err = encodeJSON(a.Warnings); err != nil {
			return d, fmt.Errorf("warnings: %w", err)
		}
	}
	return d, nil
}

// encodeJSON leaves <, > and & as they are: the text is never embedded in
// HTML, and escaping them only makes the stored JSON harder to read.
func encodeJSON(v any) (string, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return string(bytes.TrimSuffix(b.Bytes(), []byte("\n"))), nil
}

const (
	sqlRawInsert = `INSERT INTO raws (hash, size, encoding, data) VALUES (?, ?, ?, ?)
		ON CONFLICT (hash) DO NOTHING`
	sqlArticleInsert = `INSERT INTO articles (id, content_hash, raw_hash, raw_record, source, path, record,
		container, format, url, title, outlet, credited_source, author, published, language, text,
		provenance, extra, warnings, ingested_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (content_hash) DO NOTHING`
	// The sighting names the stored article by content hash, which is what
	// made the record a repeat, rather than trusting the record's ID.
	sqlSightingInsert = `INSERT INTO article_sources (article_id, source, path, record, seen_at)
		SELECT id, ?, ?, ?, ? FROM articles WHERE content_hash = ?
		ON CONFLICT DO NOTHING`
)

// PutBatch stores the records in one transaction. Everything that can be
// done without the write lock (checks, JSON, hashing, compressing the raw
// inputs not yet stored) is done first and in parallel where it is costly,
// so the lock is held only for the inserts.
func (db *DB) PutBatch(ctx context.Context, recs []store.Record) (store.BatchResult, error) {
	var res store.BatchResult
	if len(recs) == 0 {
		return res, nil
	}
	ds := make([]derived, len(recs))
	rawHashes := make([]string, len(recs))
	hasher := rawHasher{}
	for i, r := range recs {
		if err := store.CheckRecord(i, r); err != nil {
			return res, err
		}
		d, err := encodeDerived(r.Article)
		if err != nil {
			return res, fmt.Errorf("record %d (id %s): %w: %w", i, r.Article.ID, store.ErrInvalid, err)
		}
		ds[i] = d
		rawHashes[i] = hasher.sum(r.Raw)
	}
	raws, err := db.newRaws(ctx, recs, rawHashes)
	if err != nil {
		return res, fmt.Errorf("put batch: %w", err)
	}
	now := time.Now()

	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return res, fmt.Errorf("put batch: %w", err)
	}
	defer tx.Rollback()
	st, err := prepareAll(ctx, tx, sqlRawInsert, sqlArticleInsert, sqlSightingInsert)
	if err != nil {
		return res, fmt.Errorf("put batch: %w", err)
	}
	rawInsert, articleInsert, sightingInsert := st[0], st[1], st[2]
	var keys copyKeyWriter

	for _, r := range raws {
		if _, err := rawInsert.ExecContext(ctx, r.hash, r.size, r.encoding, r.data); err != nil {
			return store.BatchResult{}, fmt.Errorf("put batch: raw %s: %w", r.hash, err)
		}
	}
	for i, r := range recs {
		a := r.Article
		h := rawHashes[i]

		ingested := now
		if !a.IngestedAt.IsZero() {
			ingested = a.IngestedAt
		}
		d := ds[i]
		out, err := articleInsert.ExecContext(ctx,
			a.ID, a.ContentHash, h, r.RawRecord, a.Source, a.Path, a.Record,
			string(a.Container), d.format, d.url, d.title, d.outlet, d.credited, d.author,
			d.published, d.language, d.text, d.provenance, d.extra, d.warnings,
			formatTime(ingested))
		if err != nil {
			return store.BatchResult{}, fmt.Errorf("record %d (id %s): %w", i, a.ID, explainInsert(err))
		}
		n, err := out.RowsAffected()
		if err != nil {
			return store.BatchResult{}, err
		}
		stored := n == 1
		seen := now
		if stored {
			res.Stored++
			res.StoredIDs = append(res.StoredIDs, a.ID)
			seen = ingested
			if r.CopyKeys != nil {
				keys.put(a.ID, r.CopyKeys, r.CopySketch)
			}
		} else {
			res.AlreadyPresent++
		}

		out, err = sightingInsert.ExecContext(ctx, a.Source, a.Path, a.Record, formatTime(seen), a.ContentHash)
		if err != nil {
			return store.BatchResult{}, fmt.Errorf("record %d (id %s): sighting: %w", i, a.ID, err)
		}
		if n, err = out.RowsAffected(); err != nil {
			return store.BatchResult{}, err
		}
		if !stored && n == 1 {
			res.NewSightings++
		}
	}
	if err := keys.flush(ctx, tx); err != nil {
		return store.BatchResult{}, fmt.Errorf("put batch: copy keys: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return store.BatchResult{}, fmt.Errorf("put batch: commit: %w", err)
	}
	return res, nil
}

// encodedRaw is a raw input ready to insert.
type encodedRaw struct {
	hash     string
	size     int
	encoding string
	data     []byte
}

// newRaws compresses the batch's distinct raw inputs that the store lacks.
// Compression is the costliest step of a put, so it runs before the write
// lock is taken, on all cores. A raw input another writer stores meanwhile
// is harmless: the insert ignores it.
func (db *DB) newRaws(ctx context.Context, recs []store.Record, hashes []string) ([]encodedRaw, error) {
	var todo []encodedRaw
	var raws [][]byte
	seen := map[string]bool{}
	for i, h := range hashes {
		if !seen[h] {
			seen[h] = true
			todo = append(todo, encodedRaw{hash: h, size: len(recs[i].Raw)})
			raws = append(raws, recs[i].Raw)
		}
	}
	list := make([]string, len(todo))
	for i, r := range todo {
		list[i] = r.hash
	}
	present, err := db.present(ctx, `SELECT hash FROM raws WHERE hash IN (SELECT value FROM json_each(?))`, list)
	if err != nil {
		return nil, err
	}
	n := 0
	for i, r := range todo {
		if !present[r.hash] {
			todo[n], raws[n] = r, raws[i]
			n++
		}
	}
	todo, raws = todo[:n], raws[:n]

	var wg sync.WaitGroup
	errs := make([]error, len(todo))
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(todo)) {
		wg.Go(func() {
			for i := range next {
				todo[i].encoding, todo[i].data, errs[i] = encodeRaw(raws[i])
			}
		})
	}
	for i := range todo {
		next <- i
	}
	close(next)
	wg.Wait()
	return todo, errors.Join(errs...)
}

// explainInsert names the one constraint a well-formed record can break:
// its ID is taken by an article with other content, either a caller bug or
// a collision of the 64-bit ID prefix.
func explainInsert(err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) && se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE {
		return fmt.Errorf("%w: id already used by an article with another content hash (%w)", store.ErrInvalid, err)
	}
	return err
}

// prepareAll prepares statements on tx; they are closed with it.
func prepareAll(ctx context.Context, tx *sql.Tx, queries ...string) ([]*sql.Stmt, error) {
	st := make([]*sql.Stmt, len(queries))
	for i, q := range queries {
		s, err := tx.PrepareContext(ctx, q)
		if err != nil {
			return nil, err
		}
		st[i] = s
	}
	return st, nil
}

// Has reports which content hashes are stored.
func (db *DB) Has(ctx context.Context, contentHashes []string) (map[string]bool, error) {
	found, err := db.present(ctx, `SELECT content_hash FROM articles WHERE content_hash IN (SELECT value FROM json_each(?))`, contentHashes)
	if err != nil {
		return nil, fmt.Errorf("has: %w", err)
	}
	return found, nil
}

// present runs a query selecting which of keys exist. The keys travel as
// one JSON array parameter, so any number of them takes one statement and
// no SQL is assembled from input.
func (db *DB) present(ctx context.Context, query string, keys []string) (map[string]bool, error) {
	found := map[string]bool{}
	if len(keys) == 0 {
		return found, nil
	}
	list, err := json.Marshal(keys)
	if err != nil {
		return nil, err
	}
	rows, err := db.r.QueryContext(ctx, query, string(list))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		found[k] = true
	}
	return found, rows.Err()
}

// Update rewrites derived fields; the search index follows through the
// update trigger.
func (db *DB) Update(ctx context.Context, arts []model.Article) error {
	if len(arts) == 0 {
		return nil
	}
	ds, err := encodeUpdates(arts)
	if err != nil {
		return fmt.Errorf("update: %w", err)
	}
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("update: %w", err)
	}
	defer tx.Rollback()
	if err := updateDerived(ctx, tx, arts, ds); err != nil {
		return fmt.Errorf("update: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("update: commit: %w", err)
	}
	return nil
}

// encodeUpdates checks and encodes articles before a transaction starts.
func encodeUpdates(arts []model.Article) ([]derived, error) {
	ds := make([]derived, len(arts))
	for i, a := range arts {
		if err := store.CheckArticle(a); err != nil {
			return nil, err
		}
		d, err := encodeDerived(a)
		if err != nil {
			return nil, fmt.Errorf("article %s: %w: %w", a.ID, store.ErrInvalid, err)
		}
		ds[i] = d
	}
	return ds, nil
}

func updateDerived(ctx context.Context, tx *sql.Tx, arts []model.Article, ds []derived) error {
	if len(arts) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, `UPDATE articles SET format = ?, url = ?, title = ?, outlet = ?,
		credited_source = ?, author = ?, published = ?, language = ?, text = ?,
		provenance = ?, extra = ?, warnings = ?
		WHERE id = ?`)
	if err != nil {
		return err
	}
	for i, a := range arts {
		d := ds[i]
		out, err := stmt.ExecContext(ctx, d.format, d.url, d.title, d.outlet, d.credited, d.author,
			d.published, d.language, d.text, d.provenance, d.extra, d.warnings, a.ID)
		if err != nil {
			return fmt.Errorf("article %s: %w", a.ID, err)
		}
		n, err := out.RowsAffected()
		if err != nil {
			return fmt.Errorf("article %s: %w", a.ID, err)
		}
		if n == 0 {
			return fmt.Errorf("article %s: %w", a.ID, store.ErrNotFound)
		}
	}
	return nil
}
