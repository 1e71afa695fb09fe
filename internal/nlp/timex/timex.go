// Package timex finds temporal expressions in news text and resolves them
// to TIMEX3-style ISO values against the publication date (the document
// creation time, dct).
//
// It is a rule system over the tokens of text.Analyze: each rule reads a
// pattern of words from a per-language lexicon, the longest match at a
// token wins, and matching resumes after it. Relative expressions follow
// news conventions: a bare weekday in a past-tense report is the most
// recent such day on or before the dct (the next one when the sentence
// speaks of the future), a month and day without a year take the year that
// puts them nearest the dct, so "December 30" in a January article is last
// year's, and "last week" is the ISO week before the dct's.
package timex

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/nlp/text"
)

// Expr is one temporal expression found in a text.
type Expr struct {
	Span model.Span
	Text string
	// Type is DATE, TIME, DURATION or SET.
	Type string
	// Value is the TIMEX3 value: 2024-03-12, 2024-03, 2024-W11, 2024-Q1,
	// 2024-SU, 199X, 2024-03-12TMO, 2024-03-12T15:00, P3D, PT2H,
	// PRESENT_REF, PAST_REF, FUTURE_REF, XXXX-WXX-2. It is "" for a
	// relative expression when no dct was given; unknown parts are X.
	Value string
	// Precision is day, week, month, quarter, season, year, decade,
	// century, part (of a day) or time for dates and times, "" otherwise.
	Precision string
	// Rule names the rule that produced the expression.
	Rule string
}

// Types of Expr.
const (
	Date     = "DATE"
	Time     = "TIME"
	Duration = "DURATION"
	Set      = "SET"
)

// piece is a token, or a part of a hyphenated word ("mid-July" is "mid"
// and "July"), so that rules see the words inside compounds.
type piece struct {
	raw   string
	low   string // lower case, one final period dropped
	span  model.Span
	kind  text.Kind
	title bool
	abbr  bool // the raw word ended with a period
	// first and last mark the pieces that begin and end their token: an
	// expression never starts or ends inside a word.
	first, last bool
	hyph        bool // joined to the previous piece by a hyphen
}

// val is what a rule resolved.
type val struct {
	typ, value, prec string
}

type match struct {
	end  int
	v    val
	rule string
}

// ctx is the state of one sentence's matching.
type ctx struct {
	lx   *lexicon
	p    []piece
	dct  time.Time
	has  bool // a dct was given
	year int  // the last explicit year in the sentence, 0 for none
	fut  bool // the sentence so far speaks of the future
	dep  int  // nesting of modifier rules
}

type rule struct {
	name string
	fn   func(c *ctx, i int) (int, val)
}

// Find returns the temporal expressions of doc in text order, resolved
// against dct; with a zero dct, relative ones are found with Value "".
func Find(doc text.Doc, dct time.Time) []Expr {
	lx := lexiconFor(doc.Lang)
	var out []Expr
	var runes []rune
	for _, s := range doc.Sentences {
		c := &ctx{lx: lx, p: pieces(s.Tokens), dct: dct, has: !dct.IsZero()}
		for i := 0; i < len(c.p); {
			m := c.best(i)
			if m.end <= i {
				c.note(i)
				i++
				continue
			}
			if runes == nil {
				runes = []rune(doc.Text)
			}
			sp := model.Span{Start: c.p[i].span.Start, End: c.p[m.end-1].span.End}
			out = append(out, Expr{Span: sp, Text: string(runes[sp.Start:sp.End]), Type: m.v.typ,
				Value: m.v.value, Precision: m.v.prec, Rule: m.rule})
			for k := i; k < m.end; k++ {
				c.note(k)
				// A year written out anchors the sentence's later months.
				if y, ok := yearNumber(c.p[k].low); ok && (m.rule == "year" || m.rule == "calendar") {
					c.year = y
				}
			}
			i = m.end
		}
	}
	return out
}

// best is the longest match of any rule at piece i that ends at a word end.
func (c *ctx) best(i int) match {
	var b match
	if i >= len(c.p) || !c.p[i].first {
		return b
	}
	for _, r := range rules {
		j, v := r.fn(c, i)
		if j > b.end && j <= len(c.p) && c.p[j-1].last {
			b = match{end: j, v: v, rule: r.name}
		}
	}
	return b
}

// note keeps the sentence state that later expressions read.
func (c *ctx) note(i int) {
	p := c.p[i]
	if c.lx.future[p.low] {
		c.fut = true
	}
	if (p.low == "is" || p.low == "are") && c.w(i+1) == "to" {
		c.fut = true
	}
}

func pieces(toks []text.Token) []piece {
	out := make([]piece, 0, len(toks))
	for _, t := range toks {
		if t.Kind != text.Word || !strings.ContainsAny(t.Text, "-‐") || strings.HasPrefix(t.Text, "-") {
			out = append(out, newPiece(t.Text, t.Span, t.Kind, true, true, false))
			continue
		}
		start := t.Span.Start
		parts := strings.FieldsFunc(t.Text, func(r rune) bool { return r == '-' || r == '‐' })
		off := 0
		rest := t.Text
		for k, part := range parts {
			at := strings.Index(rest, part)
			off += utf8.RuneCountInString(rest[:at])
			n := utf8.RuneCountInString(part)
			sp := model.Span{Start: start + off, End: start + off + n}
			out = append(out, newPiece(part, sp, t.Kind, k == 0, k == len(parts)-1, k > 0))
			off += n
			rest = rest[at+len(part):]
		}
	}
	return out
}

func newPiece(raw string, sp model.Span, kind text.Kind, first, last, hyph bool) piece {
	low := strings.ToLower(raw)
	abbr := len(low) > 1 && strings.HasSuffix(low, ".")
	if abbr {
		low = low[:len(low)-1]
	}
	r, _ := utf8.DecodeRuneInString(raw)
	return piece{raw: raw, low: low, span: sp, kind: kind, title: unicode.IsUpper(r), abbr: abbr,
		first: first, last: last, hyph: hyph}
}

// w is the lower-case word at i, "" past the end.
func (c *ctx) w(i int) string {
	if i < 0 || i >= len(c.p) {
		return ""
	}
	return c.p[i].low
}

func (c *ctx) is(i int, ws ...string) bool {
	w := c.w(i)
	if w == "" {
		return false
	}
	for _, x := range ws {
		if w == x {
			return true
		}
	}
	return false
}
