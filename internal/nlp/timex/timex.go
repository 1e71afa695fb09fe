// Package timex finds temporal expressions in news text and resolves them
// to TIMEX3-style ISO values against the publication date (the document
// creation time, dct).
//
// It is a rule system over the tokens of text.Analyze: each rule reads a
// pattern of words from a per-language lexicon, the longest match at a
// token wins, and matching resumes after it. Relative expressions follow
// news conventions and TimeBank's annotation. A bare weekday or month
// takes the tense of its own clause, read from the nearest cue around it
// ("resigned on Tuesday" is the last Tuesday on or before the dct, "will
// resume on Monday" the next Monday); a month and day without a year take
// the year that puts them nearest the dct, weighted by that tense, so
// "December 30" in a January article is last year's. "Last week" is the
// ISO week before the dct's. "The next day", "two days later" and "that
// Tuesday" count from the last date written in the text, and "a year
// earlier" in a report of quarterly results is the same quarter a year
// before. Each expression also says whether it dates the report itself
// or the reported event (Expr.Role) and what it was resolved against
// (Expr.Anchor).
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
	// 2024-SU, 199 (a decade), 2024-03-12TMO, 2024-03-12T15:00, P3D, PT2H,
	// PRESENT_REF, PAST_REF, FUTURE_REF, XXXX-WXX-2. It is "" for a
	// relative expression when no dct was given; unknown parts are X.
	Value string
	// Precision is day, week, month, quarter, season, year, decade,
	// century, part (of a day) or time for dates and times with a
	// calendar value, "" for durations, sets and the PAST_REF kind. A
	// half year counts as a quarter: both are fiscal periods.
	Precision string
	// Role is "report" when the expression dates the report itself, the
	// time something was said or published ("officials said on Thursday",
	// a dateline, "said today"), and "event" otherwise, the time of what
	// is reported. It is decided within the clause: an expression beside
	// a reporting verb, and not inside what is reported, is a report time.
	Role string
	// Anchor says what a relative expression was resolved against: "dct"
	// for the publication date ("yesterday", "last week", "now", "March
	// 12" without a year), "text" for an earlier date in the text ("the next
	// day", "two days later", "that Tuesday" after "On March 12, 2024",
	// as TimeML annotators anchor them), "" for expressions that need no
	// anchor (2024-03-12, durations, sets).
	Anchor string
	// Rule names the rule that produced the expression.
	Rule string
}

// Roles and anchors of Expr.
const (
	RoleReport = "report"
	RoleEvent  = "event"
	AnchorDCT  = "dct"
	AnchorText = "text"
)

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
	fn   func(c *ctx, i int) (int, val)
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
	d    *docState
	// dateline is the document's dateline, whose date is the report's.
	dateline model.Span
	// shifted marks a quarter the rule moved back from the one the text
	// is about ("the year-ago quarter"), which must not become it.
	shifted bool
	// usedDCT and usedText record what the rule being run resolved
	// against, for Expr.Anchor.
	usedDCT, usedText bool
}

// docState is what later sentences read of earlier ones.
type docState struct {
	sent int // index of the sentence being matched
	// anchor is the last calendar date written in the text, which "the
	// next day" and "two days later" count from.
	anchor   time.Time
	anchorAt string // its precision; "" while there is none
	anchorS  int    // the sentence it was in
	// quarterS is the last sentence that spoke of a quarter, and quarter
	// the last quarter named: earnings reports compare "a year earlier"
	// quarter with quarter.
	quarterS int
	quarter  string
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
	d := &docState{quarterS: -10}
	for si, s := range doc.Sentences {
		d.sent = si
		c := &ctx{lx: lx, p: pieces(s.Tokens), dct: dct, has: !dct.IsZero(), d: d, dateline: doc.Dateline}
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
			// The winning rule runs again alone, so that the flags say
			// what it, not a losing rule, resolved against.
			c.usedDCT, c.usedText, c.shifted = false, false, false
			m.fn(c, i)
			sp := model.Span{Start: c.p[i].span.Start, End: c.p[m.end-1].span.End}
			e := Expr{Span: sp, Text: string(runes[sp.Start:sp.End]), Type: m.v.typ,
				Value: m.v.value, Precision: m.v.prec, Role: c.role(i, m.end), Anchor: c.anchorOf(m.v), Rule: m.rule}
			out = append(out, e)
			c.remember(e)
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
			b = match{end: j, v: v, rule: r.name, fn: r.fn}
		}
	}
	return b
}

// note keeps the sentence state that later expressions read.
func (c *ctx) note(i int) {
	p := c.p[i]
	if c.lx.future[p.low] && !(p.low == "next" && c.w(i+1) == "to") {
		c.fut = true
	}
	if (p.low == "is" || p.low == "are") && c.w(i+1) == "to" {
		c.fut = true
	}
	if p.low == "quarter" || p.low == "quarters" || p.low == "quarterly" {
		c.d.quarterS = c.d.sent
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
