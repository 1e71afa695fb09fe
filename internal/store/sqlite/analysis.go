package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/store"
)

// maxEntityContext bounds the context list kept per entity: it serves as
// evidence that two names share company, and a few dozen neighbours say
// that as well as thousands would.
const maxEntityContext = 64

// PendingAnalyses lists articles not analysed by this version.
func (db *DB) PendingAnalyses(ctx context.Context, version string, limit int) ([]string, error) {
	if limit <= 0 {
		limit = -1
	}
	ids, err := queryStrings(ctx, db.r, `SELECT id FROM articles
		WHERE analysis_version IS NULL OR analysis_version != ? ORDER BY id LIMIT ?`, version, limit)
	if err != nil {
		return nil, fmt.Errorf("pending analyses: %w", err)
	}
	return ids, nil
}

// Analyses reads stored analyses.
func (db *DB) Analyses(ctx context.Context, ids []string) (map[string]model.Analysis, error) {
	out := map[string]model.Analysis{}
	if len(ids) == 0 {
		return out, nil
	}
	list, err := idList(ids)
	if err != nil {
		return nil, fmt.Errorf("analyses: %w", err)
	}
	rows, err := db.r.QueryContext(ctx, `SELECT article_id, body FROM analyses
		WHERE article_id IN (SELECT value FROM json_each(?))`, list)
	if err != nil {
		return nil, fmt.Errorf("analyses: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, body string
		if err := rows.Scan(&id, &body); err != nil {
			return nil, fmt.Errorf("analyses: %w", err)
		}
		var an model.Analysis
		if err := json.Unmarshal([]byte(body), &an); err != nil {
			return nil, fmt.Errorf("analyses: article %s: %w", id, err)
		}
		out[id] = an
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("analyses: %w", err)
	}
	return out, nil
}

// EntityIDs finds the entities sharing a key.
func (db *DB) EntityIDs(ctx context.Context, keys []string) ([]string, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	list, err := idList(keys)
	if err != nil {
		return nil, fmt.Errorf("entity ids: %w", err)
	}
	ids, err := queryStrings(ctx, db.r, `SELECT DISTINCT entity_id FROM entity_keys
		WHERE key IN (SELECT value FROM json_each(?)) ORDER BY entity_id`, list)
	if err != nil {
		return nil, fmt.Errorf("entity ids: %w", err)
	}
	return ids, nil
}

// EntityRecords reads whole entities.
func (db *DB) EntityRecords(ctx context.Context, ids []string) ([]store.EntityRecord, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	tx, err := db.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("entity records: %w", err)
	}
	defer tx.Rollback()
	recs, err := readEntityRecords(ctx, tx, ids)
	if err != nil {
		return nil, fmt.Errorf("entity records: %w", err)
	}
	return recs, nil
}

func readEntityRecords(ctx context.Context, tx *sql.Tx, ids []string) ([]store.EntityRecord, error) {
	out := make([]store.EntityRecord, 0, len(ids))
	for _, id := range ids {
		r := store.EntityRecord{ID: id}
		var context string
		err := tx.QueryRowContext(ctx, `SELECT canonical, type, context FROM entities WHERE id = ?`, id).
			Scan(&r.Canonical, &r.Type, &context)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("entity %q: %w", id, store.ErrNotFound)
		}
		if err != nil {
			return nil, fmt.Errorf("entity %s: %w", id, err)
		}
		if err := json.Unmarshal([]byte(context), &r.Context); err != nil {
			return nil, fmt.Errorf("entity %s context: %w", id, err)
		}
		if r.Aliases, err = readAliases(ctx, tx, id); err != nil {
			return nil, err
		}
		if r.Keys, err = queryStrings(ctx, tx, `SELECT key FROM entity_keys WHERE entity_id = ? ORDER BY key`, id); err != nil {
			return nil, fmt.Errorf("entity %s keys: %w", id, err)
		}
		out = append(out, r)
	}
	return out, nil
}

func readAliases(ctx context.Context, q queryer, id string) ([]model.EntityAlias, error) {
	rows, err := q.QueryContext(ctx, `SELECT name, reason, COALESCE(article_id, '') FROM entity_aliases
		WHERE entity_id = ? ORDER BY name`, id)
	if err != nil {
		return nil, fmt.Errorf("entity %s aliases: %w", id, err)
	}
	defer rows.Close()
	var out []model.EntityAlias
	for rows.Next() {
		var a model.EntityAlias
		if err := rows.Scan(&a.Name, &a.Reason, &a.Article); err != nil {
			return nil, fmt.Errorf("entity %s aliases: %w", id, err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

func checkAnalysisUpdate(u store.AnalysisUpdate) error {
	known := map[string]bool{}
	for _, e := range u.Entities {
		if e.ID == "" || e.Canonical == "" || e.Type == "" {
			return fmt.Errorf("%w: entity needs an ID, a canonical name and a type (%q %q %q)", store.ErrInvalid, e.ID, e.Canonical, e.Type)
		}
		known[e.ID] = true
	}
	for id, an := range u.Analyses {
		if id == "" {
			return fmt.Errorf("%w: analysis without an article ID", store.ErrInvalid)
		}
		if an.Version == "" {
			return fmt.Errorf("%w: analysis of %s has no version", store.ErrInvalid, id)
		}
		for _, m := range an.Entities {
			if m.Entity == "" {
				return fmt.Errorf("%w: mention %q of %s has no entity", store.ErrInvalid, m.Text, id)
			}
			if m.End <= m.Start || m.Start < 0 {
				return fmt.Errorf("%w: mention %q of %s has span [%d,%d)", store.ErrInvalid, m.Text, id, m.Start, m.End)
			}
		}
	}
	return nil
}

// ApplyAnalyses writes entities first, then each article's analysis and
// rows, in one transaction; an entity a mention names must exist by then.
func (db *DB) ApplyAnalyses(ctx context.Context, u store.AnalysisUpdate) error {
	if err := checkAnalysisUpdate(u); err != nil {
		return fmt.Errorf("apply analyses: %w", err)
	}
	bodies := make(map[string]string, len(u.Analyses))
	for id, an := range u.Analyses {
		b, err := json.Marshal(an)
		if err != nil {
			return fmt.Errorf("apply analyses: %s: %w", id, err)
		}
		bodies[id] = string(b)
	}
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("apply analyses: %w", err)
	}
	defer tx.Rollback()
	for _, e := range u.Entities {
		if err := writeEntity(ctx, tx, e); err != nil {
			return fmt.Errorf("apply analyses: entity %s: %w", e.ID, err)
		}
	}
	ids := make([]string, 0, len(u.Analyses))
	for id := range u.Analyses {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if err := writeAnalysis(ctx, tx, id, u.Analyses[id], bodies[id]); err != nil {
			return fmt.Errorf("apply analyses: article %s: %w", id, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("apply analyses: commit: %w", err)
	}
	return nil
}

func writeEntity(ctx context.Context, tx *sql.Tx, e store.EntityRecord) error {
	ctxList := e.Context
	if len(ctxList) > maxEntityContext {
		ctxList = ctxList[:maxEntityContext]
	}
	if ctxList == nil {
		ctxList = []string{}
	}
	cb, err := json.Marshal(ctxList)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO entities (id, canonical, type, context) VALUES (?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET canonical = excluded.canonical, type = excluded.type, context = excluded.context`,
		e.ID, e.Canonical, e.Type, string(cb)); err != nil {
		return err
	}
	for _, a := range e.Aliases {
		if a.Name == "" {
			continue
		}
		var art any
		if a.Article != "" {
			art = a.Article
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO entity_aliases (entity_id, name, reason, article_id)
			VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`, e.ID, a.Name, a.Reason, art); err != nil {
			return err
		}
	}
	for _, k := range e.Keys {
		if k == "" {
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO entity_keys (key, entity_id) VALUES (?, ?)
			ON CONFLICT DO NOTHING`, k, e.ID); err != nil {
			return err
		}
	}
	return nil
}

func writeAnalysis(ctx context.Context, tx *sql.Tx, id string, an model.Analysis, body string) error {
	out, err := tx.ExecContext(ctx, `UPDATE articles SET analysis_version = ? WHERE id = ?`, an.Version, id)
	if err != nil {
		return err
	}
	if n, err := out.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return store.ErrNotFound
	}
	for _, q := range []string{
		`DELETE FROM entity_mentions WHERE article_id = ?`,
		`DELETE FROM place_mentions WHERE article_id = ?`,
	} {
		if _, err := tx.ExecContext(ctx, q, id); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO analyses (article_id, version, body) VALUES (?, ?, ?)
		ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, body = excluded.body`,
		id, an.Version, body); err != nil {
		return err
	}
	for _, m := range an.Entities {
		// Two mentions cannot start at one offset; a resolver that makes
		// them is wrong, but a lost row is better than a lost article.
		if _, err := tx.ExecContext(ctx, `INSERT INTO entity_mentions (article_id, start, end, entity_id, text)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`, id, m.Start, m.End, m.Entity, m.Text); err != nil {
			if isForeignKey(err) {
				return fmt.Errorf("mention %q: entity %q: %w", m.Text, m.Entity, store.ErrInvalid)
			}
			return err
		}
	}
	for _, p := range an.Places {
		if _, err := tx.ExecContext(ctx, `INSERT INTO place_mentions
			(article_id, start, end, text, name, kind, country, admin1, lat, lon, geonameid)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
			id, p.Start, p.End, p.Text, p.Name, p.Kind, p.Country, p.Admin1, p.Lat, p.Lon, p.GeonameID); err != nil {
			return err
		}
	}
	return nil
}

func isForeignKey(err error) bool {
	return err != nil && strings.Contains(err.Error(), "FOREIGN KEY")
}

const entityCountsQuery = `SELECT e.id, e.canonical, e.type,
		COUNT(DISTINCT m.article_id) AS arts, COUNT(m.article_id) AS ments
	FROM entities e JOIN entity_mentions m ON m.entity_id = e.id`

// Entities lists mentioned entities, most mentioned first.
func (db *DB) Entities(ctx context.Context, opt store.EntityOptions) ([]model.Entity, error) {
	q := entityCountsQuery
	var where []string
	var args []any
	if opt.Type != "" {
		where = append(where, `e.type = ?`)
		args = append(args, strings.ToUpper(opt.Type))
	}
	if opt.Article != "" {
		where = append(where, `e.id IN (SELECT entity_id FROM entity_mentions WHERE article_id = ?)`)
		args = append(args, opt.Article)
	}
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	limit := opt.Limit
	if limit <= 0 {
		limit = -1
	}
	q += ` GROUP BY e.id ORDER BY arts DESC, ments DESC, e.canonical, e.id LIMIT ? OFFSET ?`
	args = append(args, limit, max(opt.Offset, 0))
	ents, err := db.readEntities(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	return ents, nil
}

func (db *DB) readEntities(ctx context.Context, q string, args ...any) ([]model.Entity, error) {
	tx, err := db.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	var out []model.Entity
	for rows.Next() {
		var e model.Entity
		if err := rows.Scan(&e.ID, &e.Canonical, &e.Type, &e.Articles, &e.Mentions); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		if out[i].Aliases, err = readAliases(ctx, tx, out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// FindEntities looks an entity up by ID, canonical name or alias.
func (db *DB) FindEntities(ctx context.Context, name string) ([]model.Entity, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, fmt.Errorf("find entities: %w: empty name", store.ErrInvalid)
	}
	q := `SELECT e.id, e.canonical, e.type,
			(SELECT COUNT(DISTINCT article_id) FROM entity_mentions WHERE entity_id = e.id) AS arts,
			(SELECT COUNT(*) FROM entity_mentions WHERE entity_id = e.id) AS ments
		FROM entities e
		WHERE e.id = ?1 OR e.canonical = ?1 COLLATE NOCASE
			OR e.id IN (SELECT entity_id FROM entity_aliases WHERE name = ?1 COLLATE NOCASE)
		ORDER BY arts DESC, ments DESC, e.id`
	ents, err := db.readEntities(ctx, q, name)
	if err != nil {
		return nil, fmt.Errorf("find entities %q: %w", name, err)
	}
	return ents, nil
}

// EntityArticles lists the articles that mention an entity.
func (db *DB) EntityArticles(ctx context.Context, id string, limit int) ([]string, error) {
	if limit <= 0 {
		limit = -1
	}
	ids, err := queryStrings(ctx, db.r, `SELECT a.id FROM articles a
		WHERE a.id IN (SELECT article_id FROM entity_mentions WHERE entity_id = ?)
		ORDER BY a.published IS NULL, a.published DESC, a.id LIMIT ?`, id, limit)
	if err != nil {
		return nil, fmt.Errorf("entity articles %s: %w", id, err)
	}
	return ids, nil
}

func checkRule(r store.AliasRule) error {
	if strings.TrimSpace(r.Name) == "" || strings.TrimSpace(r.Target) == "" {
		return fmt.Errorf("%w: an alias rule needs a name and a target", store.ErrInvalid)
	}
	if r.Action != store.RuleAlias && r.Action != store.RuleSeparate {
		return fmt.Errorf("%w: alias rule action %q", store.ErrInvalid, r.Action)
	}
	return nil
}

// AliasRules lists the user's rules.
func (db *DB) AliasRules(ctx context.Context) ([]store.AliasRule, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT name, type, action, target, created FROM alias_rules ORDER BY created, name`)
	if err != nil {
		return nil, fmt.Errorf("alias rules: %w", err)
	}
	defer rows.Close()
	var out []store.AliasRule
	for rows.Next() {
		var r store.AliasRule
		var created string
		if err := rows.Scan(&r.Name, &r.Type, &r.Action, &r.Target, &created); err != nil {
			return nil, fmt.Errorf("alias rules: %w", err)
		}
		if r.Created, err = time.Parse(timeFormat, created); err != nil {
			return nil, fmt.Errorf("alias rules: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// PutAliasRule adds a rule.
func (db *DB) PutAliasRule(ctx context.Context, r store.AliasRule) error {
	if err := checkRule(r); err != nil {
		return fmt.Errorf("put alias rule: %w", err)
	}
	if r.Created.IsZero() {
		r.Created = time.Now()
	}
	if _, err := db.w.ExecContext(ctx, `INSERT INTO alias_rules (name, type, action, target, created)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
		r.Name, strings.ToUpper(r.Type), r.Action, r.Target, formatTime(r.Created)); err != nil {
		return fmt.Errorf("put alias rule: %w", err)
	}
	return nil
}

// DeleteAliasRule removes a rule.
func (db *DB) DeleteAliasRule(ctx context.Context, r store.AliasRule) (bool, error) {
	out, err := db.w.ExecContext(ctx, `DELETE FROM alias_rules WHERE name = ? AND type = ? AND action = ? AND target = ?`,
		r.Name, strings.ToUpper(r.Type), r.Action, r.Target)
	if err != nil {
		return false, fmt.Errorf("delete alias rule: %w", err)
	}
	n, err := out.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("delete alias rule: %w", err)
	}
	return n > 0, nil
}

// ResetAnalyses forgets every analysis and entity, and the stories made
// from them.
func (db *DB) ResetAnalyses(ctx context.Context) error {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("reset analyses: %w", err)
	}
	defer tx.Rollback()
	for _, q := range []string{
		`DELETE FROM story_members`,
		`DELETE FROM stories`,
		`DELETE FROM entity_mentions`,
		`DELETE FROM place_mentions`,
		`DELETE FROM entity_keys`,
		`DELETE FROM entity_aliases`,
		`DELETE FROM entities`,
		`DELETE FROM analyses`,
		`UPDATE articles SET analysis_version = NULL WHERE analysis_version IS NOT NULL`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("reset analyses: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("reset analyses: commit: %w", err)
	}
	return nil
}
