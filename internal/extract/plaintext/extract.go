// Package plaintext separates the article from the boilerplate in text that
// a naive scraper saved from a web page (all visible text, one block per
// line) and reads the article's metadata from it.
//
// The method is shallow-feature scoring, as in boilerplate detection on
// HTML blocks but without markup: each line gets a content score from its
// length, punctuation, function-word density, capitalisation, menu shapes
// and how often other pages repeat it (Stats); the article is the run of
// lines with the largest total score, weighted by words, which lets short
// subheadings and quotes inside an article ride along while menus and
// teaser lists at its edges fall away.
package plaintext

import (
	"strings"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/extract/dates"
	"github.com/sitrep/sitrep/internal/model"
)

// Extract cleans body (scraped plain text) and fills a: Text with the main
// text, paragraphs separated by blank lines and the title left out; and,
// where a's field is still empty, Title, Outlet, CreditedSource, Author and
// Published (YYYY-MM-DD), each with its provenance. st, built over the
// batch the document belongs to, lets lines repeated across pages count as
// boilerplate; it may be nil. group is the document's outlet or URL host as
// given to st.Add, or "".
func Extract(a *model.Article, body string, st *Stats, group string) {
	if a == nil {
		return
	}
	d := analyse(sanitize(body), st, group, &defaultParams)
	d.fill(a)
}

// sanitize makes body valid UTF-8. Each invalid byte becomes one U+FFFD,
// so code-point offsets into the result are the offsets a decoder that
// reads the original byte by byte would give.
func sanitize(body string) string {
	if utf8.ValidString(body) {
		return body
	}
	var b strings.Builder
	b.Grow(len(body) + 16)
	for _, r := range body {
		b.WriteRune(r)
	}
	return b.String()
}

// doc is one body under analysis.
type doc struct {
	body  string
	lines []line
	lang  int // index into stopLangs
	p     *params

	first, last int // the article region, lines[first:last]; first == last when empty
	keep        []bool

	// Metadata found, by line index (-1 when none) and byte offset in
	// that line.
	title      int
	creditLine int
	credit     credit
	byline     int
	author     string
	authorAt   int
	dateLine   int
	date       dates.Match
	outletLine int
	outlet     string
	outletAt   int
}

func analyse(body string, st *Stats, group string, p *params) *doc {
	d := &doc{body: body, p: p, title: -1, byline: -1, dateLine: -1, creditLine: -1, outletLine: -1}
	d.lines = splitLines(body)
	if len(d.lines) == 0 {
		return d
	}
	var langHits [4]int
	for i := range d.lines {
		l := &d.lines[i]
		l.measure()
		for j := range langHits {
			langHits[j] += int(l.stops[j])
		}
	}
	for j := range langHits {
		if langHits[j] > langHits[d.lang] {
			d.lang = j
		}
	}
	d.lines = joinWrapped(body, d.lines)
	counts := map[uint64]int{}
	for i := range d.lines {
		l := &d.lines[i]
		l.key, l.hasKey = lineKey(l.text)
		if l.hasKey {
			counts[l.key]++
		}
	}
	for i := range d.lines {
		l := &d.lines[i]
		if l.hasKey {
			l.dup = counts[l.key] - 1
			l.rep = st.lookup(l.key, group)
		}
		l.score = d.scoreLine(l)
	}
	d.scoreContext()
	d.pickRegion()
	d.findMeta()
	return d
}

// text assembles the article text from the kept lines.
func (d *doc) text() (string, model.Span) {
	var b strings.Builder
	span := model.Span{Start: -1}
	for i := d.first; i < d.last; i++ {
		if !d.keep[i] {
			continue
		}
		t := d.lines[i].text
		if i == d.creditLine && d.credit.cut > 0 {
			t = strings.TrimSpace(t[d.credit.cut:])
			if t == "" {
				continue
			}
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		if d.lines[i].wrapped {
			t = unwrap(t)
		}
		b.WriteString(t)
		if span.Start < 0 {
			span.Start = d.lines[i].start
		}
		span.End = d.lines[i].end
	}
	return b.String(), span
}

// fill writes the results into a.
func (d *doc) fill(a *model.Article) {
	if len(d.lines) == 0 {
		return
	}
	if t, span := d.text(); t != "" {
		a.SetField(model.FieldText, t, model.Provenance{From: "text:plaintext", Span: &span})
	}
	d.fillMeta(a)
}

// unwrap joins the physical lines of a hard-wrapped paragraph with single
// spaces.
func unwrap(t string) string {
	var b strings.Builder
	b.Grow(len(t))
	for i, part := range strings.Split(t, "\n") {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strings.TrimSpace(part))
	}
	return b.String()
}
