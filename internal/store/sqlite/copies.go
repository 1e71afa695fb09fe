package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/store"
)

// copyKeyWriter gathers the near-duplicate keys of the articles of one
// transaction and writes them together, sorted by key: keys are random, and
// inserting them in order touches each index page once instead of once per
// key, which keeps the cost of a batch from growing with the index.
type copyKeyWriter struct {
	ids      []string
	sketches [][]byte
	rows     []keyRow
}

type keyRow struct {
	key int64
	id  int // index into ids
}

func (w *copyKeyWriter) put(id string, keys []uint64, sketch []byte) {
	w.ids = append(w.ids, id)
	w.sketches = append(w.sketches, sketch)
	for _, k := range keys {
		w.rows = append(w.rows, keyRow{key: int64(k), id: len(w.ids) - 1})
	}
}

// flush writes the gathered keys and marks their articles pending.
func (w *copyKeyWriter) flush(ctx context.Context, tx *sql.Tx) error {
	if len(w.ids) == 0 {
		return nil
	}
	ids, err := idList(w.ids)
	if err != nil {
		return err
	}
	seqs := make([]int64, len(w.ids))
	rows, err := tx.QueryContext(ctx, `SELECT j.key, a.seq FROM json_each(?) j JOIN articles a ON a.id = j.value`, ids)
	if err != nil {
		return err
	}
	for rows.Next() {
		var i int
		var seq int64
		if err := rows.Scan(&i, &seq); err != nil {
			rows.Close()
			return err
		}
		seqs[i] = seq
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	slices.SortFunc(w.rows, func(a, b keyRow) int {
		if a.key != b.key {
			return cmp.Compare(a.key, b.key)
		}
		return cmp.Compare(seqs[a.id], seqs[b.id])
	})
	pairs := make([][2]int64, len(w.rows))
	for i, r := range w.rows {
		pairs[i] = [2]int64{r.key, seqs[r.id]}
	}
	b, err := json.Marshal(pairs)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO copy_keys (key, seq)
		SELECT value ->> 0, value ->> 1 FROM json_each(?) WHERE true
		ON CONFLICT DO NOTHING`, string(b)); err != nil {
		return err
	}
	stmt, err := tx.PrepareContext(ctx, `UPDATE articles SET copy_state = 1, copy_sketch = ? WHERE id = ?`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for i, id := range w.ids {
		if _, err := stmt.ExecContext(ctx, w.sketches[i], id); err != nil {
			return err
		}
	}
	w.ids, w.sketches, w.rows = w.ids[:0], w.sketches[:0], w.rows[:0]
	return nil
}

func idList(ids []string) (string, error) {
	if ids == nil {
		ids = []string{}
	}
	b, err := json.Marshal(ids)
	return string(b), err
}

// Articles reads articles by exact ID, in the order asked.
func (db *DB) Articles(ctx context.Context, ids []string) ([]model.Article, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	list, err := idList(ids)
	if err != nil {
		return nil, fmt.Errorf("articles: %w", err)
	}
	rows, err := db.r.QueryContext(ctx, `SELECT `+colsWithText+` FROM articles a
		WHERE a.id IN (SELECT value FROM json_each(?))`, list)
	if err != nil {
		return nil, fmt.Errorf("articles: %w", err)
	}
	defer rows.Close()
	byID := make(map[string]model.Article, len(ids))
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, fmt.Errorf("articles: %w", err)
		}
		byID[a.ID] = a
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("articles: %w", err)
	}
	out := make([]model.Article, len(ids))
	for i, id := range ids {
		a, ok := byID[id]
		if !ok {
			return nil, fmt.Errorf("articles: %q: %w", id, store.ErrNotFound)
		}
		out[i] = a
	}
	return out, nil
}

// maxCandidateRows bounds the index rows one lookup reads. Keys held by
// many articles are the bands of a large group of copies (a wire story
// carried by hundreds of sites, or templated reports): every new article
// of that kind would otherwise read the whole group, and the cost of adding
// one would grow with the group. The rows past the bound are further
// members of groups already reached, so the group is still found; what a
// lookup can miss is a second, unrelated group sharing the same keys.
const maxCandidateRows = 2048

// candidateQuery builds the lookup for n keys. Only the number of
// placeholders varies, never anything from input.
func candidateQuery(n int) string {
	var b strings.Builder
	b.WriteString(`SELECT DISTINCT a.id, coalesce(a.dup_group, ''), a.copy_sketch FROM
		(SELECT seq FROM copy_keys WHERE key IN (`)
	for i := range n {
		if i > 0 {
			b.WriteString(`, `)
		}
		b.WriteString(`?`)
	}
	fmt.Fprintf(&b, `) LIMIT %d) k JOIN articles a ON a.seq = k.seq ORDER BY a.id`, maxCandidateRows)
	return b.String()
}

// CopyCandidates looks the keys up in the index.
func (db *DB) CopyCandidates(ctx context.Context, keys []uint64) ([]store.CopyCandidate, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	var out []store.CopyCandidate
	// Keys come in far fewer, but a caller passing more gets them looked
	// up in parts, each under SQLite's bound on parameters.
	for len(keys) > 0 {
		n := min(len(keys), 256)
		part, err := db.candidates(ctx, keys[:n])
		if err != nil {
			return nil, fmt.Errorf("copy candidates: %w", err)
		}
		out = append(out, part...)
		keys = keys[n:]
	}
	if len(out) > 0 {
		slices.SortFunc(out, func(a, b store.CopyCandidate) int { return strings.Compare(a.ID, b.ID) })
		out = slices.CompactFunc(out, func(a, b store.CopyCandidate) bool { return a.ID == b.ID })
	}
	return out, nil
}

// candidates runs the lookup through a statement prepared once per number
// of keys, as preparing it costs about as much as running it.
func (db *DB) candidates(ctx context.Context, keys []uint64) ([]store.CopyCandidate, error) {
	db.candMu.Lock()
	stmt, ok := db.candStmts[len(keys)]
	if !ok {
		var err error
		if stmt, err = db.r.PrepareContext(ctx, candidateQuery(len(keys))); err != nil {
			db.candMu.Unlock()
			return nil, err
		}
		if db.candStmts == nil {
			db.candStmts = map[int]*sql.Stmt{}
		}
		db.candStmts[len(keys)] = stmt
	}
	db.candMu.Unlock()
	args := make([]any, len(keys))
	for i, k := range keys {
		args[i] = int64(k)
	}
	rows, err := stmt.QueryContext(ctx, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.CopyCandidate
	for rows.Next() {
		var c store.CopyCandidate
		if err := rows.Scan(&c.ID, &c.Group, &c.Sketch); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func queryStrings(ctx context.Context, q queryer, query string, args ...any) ([]string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// PutCopyKeys indexes articles that have no keys yet; articles already
// indexed are left as they are, so a repeated call changes nothing.
func (db *DB) PutCopyKeys(ctx context.Context, index map[string]store.CopyIndex) error {
	if len(index) == 0 {
		return nil
	}
	ids := make([]string, 0, len(index))
	for id := range index {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("put copy keys: %w", err)
	}
	defer tx.Rollback()
	var w copyKeyWriter
	for _, id := range ids {
		var state int
		err := tx.QueryRowContext(ctx, `SELECT copy_state FROM articles WHERE id = ?`, id).Scan(&state)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("put copy keys: article %q: %w", id, store.ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("put copy keys: article %s: %w", id, err)
		}
		if store.CopyState(state) != store.CopyUnindexed {
			continue
		}
		w.put(id, index[id].Keys, index[id].Sketch)
	}
	if err := w.flush(ctx, tx); err != nil {
		return fmt.Errorf("put copy keys: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("put copy keys: commit: %w", err)
	}
	return nil
}

// PendingCopies lists articles in one dedup state.
func (db *DB) PendingCopies(ctx context.Context, state store.CopyState, limit int) ([]string, error) {
	if limit <= 0 {
		limit = -1
	}
	ids, err := queryStrings(ctx, db.r, `SELECT id FROM articles WHERE copy_state = ? ORDER BY id LIMIT ?`, int(state), limit)
	if err != nil {
		return nil, fmt.Errorf("pending copies: %w", err)
	}
	return ids, nil
}

// CopyGroupsOf resolves group and article IDs to their groups.
func (db *DB) CopyGroupsOf(ctx context.Context, ids []string) (map[string]model.CopyGroup, error) {
	out := map[string]model.CopyGroup{}
	if len(ids) == 0 {
		return out, nil
	}
	list, err := idList(ids)
	if err != nil {
		return nil, fmt.Errorf("copy groups: %w", err)
	}
	tx, err := db.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("copy groups: %w", err)
	}
	defer tx.Rollback()
	groups, err := readGroups(ctx, tx, `SELECT id, original, reason, origin, credited FROM copy_groups
		WHERE id IN (SELECT value FROM json_each(?1))
		   OR id IN (SELECT dup_group FROM articles WHERE id IN (SELECT value FROM json_each(?1)))
		ORDER BY id`, list)
	if err != nil {
		return nil, fmt.Errorf("copy groups: %w", err)
	}
	for _, g := range groups {
		out[g.ID] = g
	}
	return out, nil
}

// CopyGroups pages through groups, largest first.
func (db *DB) CopyGroups(ctx context.Context, opt store.CopyGroupOptions) ([]model.CopyGroup, error) {
	if opt.Offset < 0 {
		return nil, fmt.Errorf("copy groups: %w: negative offset %d", store.ErrInvalid, opt.Offset)
	}
	limit := opt.Limit
	if limit <= 0 {
		limit = -1
	}
	tx, err := db.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("copy groups: %w", err)
	}
	defer tx.Rollback()
	groups, err := readGroups(ctx, tx, `SELECT id, original, reason, origin, credited FROM copy_groups
		WHERE size >= ? ORDER BY size DESC, id LIMIT ? OFFSET ?`, opt.MinSize, limit, opt.Offset)
	if err != nil {
		return nil, fmt.Errorf("copy groups: %w", err)
	}
	return groups, nil
}

// readGroups runs a query over copy_groups and fills in members and links.
func readGroups(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]model.CopyGroup, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	var groups []model.CopyGroup
	for rows.Next() {
		var g model.CopyGroup
		var credited sql.NullString
		if err := rows.Scan(&g.ID, &g.Original, &g.Reason, &g.Origin, &credited); err != nil {
			rows.Close()
			return nil, err
		}
		if credited.Valid {
			if err := json.Unmarshal([]byte(credited.String), &g.Credited); err != nil {
				rows.Close()
				return nil, fmt.Errorf("group %s: credited: %w", g.ID, err)
			}
		}
		groups = append(groups, g)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range groups {
		g := &groups[i]
		if g.Members, err = queryStrings(ctx, tx, `SELECT id FROM articles WHERE dup_group = ? ORDER BY id`, g.ID); err != nil {
			return nil, fmt.Errorf("group %s: members: %w", g.ID, err)
		}
		if g.Links, err = readLinks(ctx, tx, g.ID); err != nil {
			return nil, fmt.Errorf("group %s: links: %w", g.ID, err)
		}
	}
	return groups, nil
}

func readLinks(ctx context.Context, tx *sql.Tx, group string) ([]model.CopyLink, error) {
	rows, err := tx.QueryContext(ctx, `SELECT l.a, l.b, l.exact, l.jaccard, l.containment
		FROM copy_links l JOIN articles x ON x.id = l.a
		WHERE x.dup_group = ? ORDER BY l.a, l.b`, group)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var links []model.CopyLink
	for rows.Next() {
		var l model.CopyLink
		if err := rows.Scan(&l.A, &l.B, &l.Exact, &l.Jaccard, &l.Containment); err != nil {
			return nil, err
		}
		links = append(links, l)
	}
	return links, rows.Err()
}

// checkCopyUpdate rejects malformed updates before anything is written.
func checkCopyUpdate(u store.CopyUpdate) error {
	for _, l := range u.Links {
		if l.A == "" || l.A >= l.B {
			return fmt.Errorf("%w: link %q-%q is not ordered A < B", store.ErrInvalid, l.A, l.B)
		}
	}
	inGroup := map[string]string{}
	for _, g := range u.Groups {
		if g.ID == "" || len(g.Members) < 2 {
			return fmt.Errorf("%w: group %q needs an id and two members", store.ErrInvalid, g.ID)
		}
		if !slices.Contains(g.Members, g.Original) {
			return fmt.Errorf("%w: group %s: original %q is not a member", store.ErrInvalid, g.ID, g.Original)
		}
		for _, m := range g.Members {
			if other, dup := inGroup[m]; dup {
				return fmt.Errorf("%w: article %s is in groups %s and %s", store.ErrInvalid, m, other, g.ID)
			}
			inGroup[m] = g.ID
		}
	}
	for id, ev := range u.Evidence {
		if _, ok := inGroup[id]; !ok {
			return fmt.Errorf("%w: evidence for %s, which is in no group of the update", store.ErrInvalid, id)
		}
		if ev.Of == id {
			return fmt.Errorf("%w: article %s given as a copy of itself", store.ErrInvalid, id)
		}
	}
	return nil
}

// ApplyCopies writes links, groups, evidence, inherited values and states in
// one transaction.
func (db *DB) ApplyCopies(ctx context.Context, u store.CopyUpdate) error {
	if err := checkCopyUpdate(u); err != nil {
		return fmt.Errorf("apply copies: %w", err)
	}
	ds, err := encodeUpdates(u.Articles)
	if err != nil {
		return fmt.Errorf("apply copies: %w", err)
	}
	evidence := map[string]string{}
	for id, ev := range u.Evidence {
		if evidence[id], err = encodeJSON(ev); err != nil {
			return fmt.Errorf("apply copies: evidence of %s: %w", id, err)
		}
	}
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("apply copies: %w", err)
	}
	defer tx.Rollback()

	for _, l := range u.Links {
		if _, err := tx.ExecContext(ctx, `INSERT INTO copy_links (a, b, exact, jaccard, containment)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`, l.A, l.B, l.Exact, l.Jaccard, l.Containment); err != nil {
			return fmt.Errorf("apply copies: link %s-%s: %w", l.A, l.B, err)
		}
	}
	for _, g := range u.Groups {
		if err := writeGroup(ctx, tx, g, evidence); err != nil {
			return fmt.Errorf("apply copies: group %s: %w", g.ID, err)
		}
	}
	if err := updateDerived(ctx, tx, u.Articles, ds); err != nil {
		return fmt.Errorf("apply copies: %w", err)
	}
	if len(u.Linked) > 0 {
		list, err := idList(u.Linked)
		if err != nil {
			return fmt.Errorf("apply copies: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE articles SET copy_state = 2
			WHERE id IN (SELECT value FROM json_each(?))`, list); err != nil {
			return fmt.Errorf("apply copies: mark linked: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("apply copies: commit: %w", err)
	}
	return nil
}

// writeGroup replaces the groups the members belonged to by g.
func writeGroup(ctx context.Context, tx *sql.Tx, g model.CopyGroup, evidence map[string]string) error {
	members, err := idList(g.Members)
	if err != nil {
		return err
	}
	old, err := queryStrings(ctx, tx, `SELECT DISTINCT dup_group FROM articles
		WHERE id IN (SELECT value FROM json_each(?)) AND dup_group IS NOT NULL`, members)
	if err != nil {
		return err
	}
	for _, o := range old {
		// Members of an old group that g leaves out (never the case when
		// groups only grow, but a caller may split) fall back to no group.
		if _, err := tx.ExecContext(ctx, `UPDATE articles SET dup_group = NULL, duplicate_of = NULL, copy_evidence = NULL
			WHERE dup_group = ? AND id NOT IN (SELECT value FROM json_each(?))`, o, members); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM copy_groups WHERE id = ?`, o); err != nil {
			return err
		}
	}
	var credited any
	if len(g.Credited) > 0 {
		if credited, err = encodeJSON(g.Credited); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO copy_groups (id, original, reason, origin, credited, size)
		VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET original = excluded.original, reason = excluded.reason,
			origin = excluded.origin, credited = excluded.credited, size = excluded.size`,
		g.ID, g.Original, g.Reason, g.Origin, credited, len(g.Members)); err != nil {
		return err
	}
	stmt, err := tx.PrepareContext(ctx, `UPDATE articles SET dup_group = ?, duplicate_of = ?, copy_evidence = ? WHERE id = ?`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, m := range g.Members {
		var dupOf, ev any
		if m != g.Original {
			dupOf = g.Original
			if e, ok := evidence[m]; ok {
				ev = e
			}
		}
		out, err := stmt.ExecContext(ctx, g.ID, dupOf, ev, m)
		if err != nil {
			return fmt.Errorf("member %s: %w", m, err)
		}
		if n, err := out.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return fmt.Errorf("member %q: %w", m, store.ErrNotFound)
		}
	}
	return nil
}

// ResetCopies clears everything the dedup stage wrote, inherited values
// included, in one transaction.
func (db *DB) ResetCopies(ctx context.Context) error {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("reset copies: %w", err)
	}
	defer tx.Rollback()
	for _, q := range []string{
		`DELETE FROM copy_keys`,
		`DELETE FROM copy_links`,
		`DELETE FROM copy_groups`,
		`UPDATE articles SET copy_state = 0, dup_group = NULL, duplicate_of = NULL, copy_evidence = NULL, copy_sketch = NULL
			WHERE copy_state != 0 OR dup_group IS NOT NULL`,
		// Values a copy lent are forgotten with the copy; the provenance
		// entry goes with them, and an emptied provenance becomes NULL as
		// the store keeps it for an article without any.
		`UPDATE articles SET published = NULL, provenance = json_remove(provenance, '$.published')
			WHERE json_extract(provenance, '$.published.from') = '` + model.FromCopy + `'`,
		`UPDATE articles SET title = '', provenance = json_remove(provenance, '$.title')
			WHERE json_extract(provenance, '$.title.from') = '` + model.FromCopy + `'`,
		`UPDATE articles SET provenance = NULL WHERE provenance = '{}'`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("reset copies: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("reset copies: commit: %w", err)
	}
	return nil
}

// Setting reads a named value.
func (db *DB) Setting(ctx context.Context, name string) (string, bool, error) {
	var v string
	err := db.r.QueryRowContext(ctx, `SELECT value FROM settings WHERE name = ?`, name).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("setting %s: %w", name, err)
	}
	return v, true, nil
}

// PutSetting writes a named value.
func (db *DB) PutSetting(ctx context.Context, name, value string) error {
	if name == "" {
		return fmt.Errorf("put setting: %w: empty name", store.ErrInvalid)
	}
	if _, err := db.w.ExecContext(ctx, `INSERT INTO settings (name, value) VALUES (?, ?)
		ON CONFLICT (name) DO UPDATE SET value = excluded.value`, name, value); err != nil {
		return fmt.Errorf("put setting %s: %w", name, err)
	}
	return nil
}
