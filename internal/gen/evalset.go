package gen

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// EvalSetInfo counts what WriteEvalSet wrote.
type EvalSetInfo struct {
	Docs, Originals, Copies int
	// Groups counts copy groups of two or more documents: originals that
	// were copied at least once, with their copies.
	Groups int
	// Events counts the events the documents report; TwinEvents those of
	// them whose twin is reported too, which story clustering must keep
	// apart.
	Events, TwinEvents int
}

// evalGold is one line of gold.jsonl. Fields are in a fixed order so that
// a seed always gives the same bytes.
type evalGold struct {
	ID     string  `json:"id"`
	Group  string  `json:"group"`
	Story  string  `json:"story"`
	Twin   *string `json:"twin"`
	CopyOf *string `json:"copy_of"`
	// Edits is [] for originals rather than null, so readers need not
	// tell "none" from "missing".
	Edits     []string `json:"edits"`
	Format    string   `json:"format"`
	Outlet    string   `json:"outlet"`
	Title     *string  `json:"title"`
	Published *string  `json:"published"`
}

// WriteEvalSet writes n documents of seed as a reference set in the shared
// layout (shared/data/README.md): dir/docs/<id>.txt|.html, dir/gold.jsonl
// with one object per document, and dir/README.md saying how the set was
// made and what the gold fields mean. The group of a document is its
// original's id, so copies share a group with what they copy; story is its
// event. opt.Manifest is not written to, since gold.jsonl holds the same.
//
// Files already in dir are overwritten, and others are left alone, so a
// folder reused for a smaller set keeps stale documents that the gold does
// not list.
func WriteEvalSet(dir string, seed uint64, n int, opt Options) (EvalSetInfo, error) {
	var info EvalSetInfo
	if n < 1 {
		return info, fmt.Errorf("gen: an evaluation set needs at least one document, not %d", n)
	}
	docs := filepath.Join(dir, "docs")
	if err := os.MkdirAll(docs, 0o755); err != nil {
		return info, fmt.Errorf("gen: %w", err)
	}
	f, err := os.Create(filepath.Join(dir, "gold.jsonl"))
	if err != nil {
		return info, fmt.Errorf("gen: %w", err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)

	opt.Manifest = nil
	g := newGenerator(seed, n, opt)
	id := evalIDs(n)
	copied := map[int]bool{}
	events := map[int]bool{}
	for i := range n {
		d := g.doc(i)
		ext := ".txt"
		if d.Format == "html" {
			ext = ".html"
		}
		if err := os.WriteFile(filepath.Join(docs, id(i)+ext), d.Body, 0o644); err != nil {
			return info, fmt.Errorf("gen: %w", err)
		}
		line := evalGold{ID: id(i), Group: id(i), Story: story(d.Event), Edits: []string{},
			Format: d.Format, Outlet: d.Outlet, Title: nonEmpty(d.Title), Published: nonEmpty(d.Published)}
		if d.CopyOf >= 0 {
			orig := id(d.CopyOf)
			line.Group, line.CopyOf, line.Edits = orig, &orig, d.Edits
			info.Copies++
			copied[d.CopyOf] = true
		} else {
			info.Originals++
		}
		if tw := g.twinOf(d.Event); tw >= 0 {
			line.Twin = nonEmpty(story(tw))
		}
		if err := enc.Encode(line); err != nil {
			return info, fmt.Errorf("gen: %w", err)
		}
		events[d.Event] = true
	}
	if err := w.Flush(); err != nil {
		return info, fmt.Errorf("gen: %w", err)
	}
	if err := f.Close(); err != nil {
		return info, fmt.Errorf("gen: %w", err)
	}
	info.Docs, info.Groups, info.Events = n, len(copied), len(events)
	for e := range events {
		if tw := g.twinOf(e); tw >= 0 && events[tw] {
			info.TwinEvents++
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "README.md"), evalReadme(seed, n, g.opt, g.events, info), 0o644); err != nil {
		return info, fmt.Errorf("gen: %w", err)
	}
	return info, nil
}

// twinOf is the other event of event e's twin pair, or -1. event.Twin
// only points back from the later event; a gold should say it both ways.
func (g *generator) twinOf(e int) int {
	if tw := g.event(e).Twin; tw >= 0 {
		return tw
	}
	if e%2 == 0 && e+1 < g.events && g.event(e+1).Twin == e {
		return e + 1
	}
	return -1
}

// evalIDs names document i "g" and its index, zero-padded to one width for
// the whole set so that ids sort in document order.
func evalIDs(n int) func(int) string {
	width := max(6, len(fmt.Sprint(n-1)))
	return func(i int) string { return fmt.Sprintf("g%0*d", width, i) }
}

func story(event int) string { return fmt.Sprintf("e%d", event) }

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// evalReadme documents a generated set the way the shared sets' READMEs do:
// origin, fields and how it is scored.
func evalReadme(seed uint64, n int, opt Options, events int, info EvalSetInfo) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `# Synthetic dedup / story set (seed %d, %d documents)

Written by sitrep's generator, internal/gen.WriteEvalSet(dir, seed=%d, n=%d, Options{Events: %d, CopyShare: %g, HTMLShare: %g, TwinShare: %g}).
The same call on the same code writes the same bytes. Nothing in it is real: invented countries, armed groups, villages and people.

| docs | originals | copies | copy groups (2+ docs) | events | twin events |
|---:|---:|---:|---:|---:|---:|
| %d | %d | %d | %d | %d | %d |

`, seed, n, seed, n, events, opt.CopyShare, opt.HTMLShare, opt.TwinShare,
		info.Docs, info.Originals, info.Copies, info.Groups, info.Events, info.TwinEvents)
	b.WriteString(`## Layout

- docs/<id>.txt: a page as a naive scraper saves it as plain text (menus, headline, article, related stories, legal lines).
- docs/<id>.html: a full HTML page.
- gold.jsonl: one object per document, in document order.

| field | meaning |
|---|---|
| id | g + the document's index in the generated stream |
| group | copy group: the id of the original the document copies, its own id for an original. Documents with the same group are copies of one another (the dedup gold) |
| story | e + the number of the event the document reports. Originals of one story are written independently by different outlets: same facts and quoted statements, own wording. They are hard negatives for dedup and positives for story clustering |
| twin | for one of a pair of twin events, the story of the other: the same armed group raiding the same district about a year apart, in another village with other figures (the later one's articles recall the earlier raid); null otherwise. Hard negatives for both dedup and story clustering |
| copy_of | the original's id, null for an original |
| edits | what reprinting changed: boilerplate, credit, bare, drop-paragraph, add-paragraph, retitle, no-title, typos, respelled, no-date, then the copy's format; [] for an original |
| format | text or html, as the file extension says |
| outlet | the site the page belongs to |
| title | the headline the page shows, null when it has none |
| published | YYYY-MM-DD the page shows, null when it shows none |

## Scoring

` + "`sitrep eval dedup DIR`" + ` needs only id and group: pairwise precision, recall and F1 over pairs of documents put in
one group, and B-cubed precision, recall and F1 averaged per document. A group label equal to a member's id names that
member as the original; an original nobody copied is a group of one. story (with twin) is a story-clustering gold.
`)
	return []byte(b.String())
}
