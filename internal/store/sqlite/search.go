package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/sitrep/sitrep/internal/store"
)

// Title matches weigh more than text matches: a word in the headline says
// more about what an article is about than one somewhere in its body.
const sqlSearch = `SELECT ` + colsNoText + `,
		snippet(articles_fts, -1, '[', ']', '…', 16),
		bm25(articles_fts, 4.0, 1.0) AS score
	FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
	WHERE articles_fts MATCH ?
	ORDER BY score, a.id
	LIMIT ?`

// Search runs query as an FTS5 expression built from its terms.
func (db *DB) Search(ctx context.Context, query string, limit int) ([]store.SearchHit, error) {
	terms, err := store.ParseQuery(query)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	if limit <= 0 {
		limit = store.DefaultSearchLimit
	}
	rows, err := db.r.QueryContext(ctx, sqlSearch, ftsQuery(terms), limit)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	defer rows.Close()
	var hits []store.SearchHit
	for rows.Next() {
		var h store.SearchHit
		var score float64
		if h.Article, err = scanArticle(rows, &h.Snippet, &score); err != nil {
			return nil, fmt.Errorf("search %q: %w", query, err)
		}
		// bm25 is lower for better matches; the interface promises higher.
		h.Rank = -score
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	return hits, nil
}

// ftsQuery renders terms as FTS5 strings joined by spaces, which FTS5 reads
// as AND. Inside an FTS5 string every character is literal except the double
// quote, written twice; the string is then split into words by the same
// tokenizer as the text, so a quoted phrase and a hyphenated word both
// become phrase matches. Nothing the user typed can reach the FTS5 syntax
// outside a string, and the query is bound as a parameter, never as SQL.
func ftsQuery(terms []store.Term) string {
	var b strings.Builder
	for i, t := range terms {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte('"')
		b.WriteString(strings.ReplaceAll(t.Text, `"`, `""`))
		b.WriteByte('"')
		if t.Prefix {
			b.WriteByte('*')
		}
	}
	return b.String()
}
