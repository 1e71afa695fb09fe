package plaintext

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Stats counts, for each normalised line, how many documents contain it,
// overall and within each group (an outlet or a URL host). A line that many
// pages of one site share is that site's chrome; a short line that pages of
// many sites share ("Sign in", "Share this article") is web chrome in
// general.
//
// Memory is bounded: only 64-bit hashes of lines are kept, and when a table
// reaches its cap the rarest entries are dropped (lossy counting), so lines
// that recur keep their counts while one-off lines, the bulk of any corpus,
// make room. Counts are therefore lower bounds, which errs towards keeping
// text.
//
// Add must be called from one goroutine; once the Add calls are over, any
// number of goroutines may call Extract with the same Stats.
type Stats struct {
	overall counter
	grouped counter
	groups  counter // documents per group
	docs    int
	seen    []uint64 // reused by Add to count each line once per document
}

// Caps on distinct keys per table. A full table of 2^18 entries takes
// about 15 MB of Go map, so a Stats stays near 30 MB however many
// documents are added.
const (
	maxLineKeys  = 1 << 18
	maxGroupKeys = 1 << 14
)

// NewStats returns an empty Stats.
func NewStats() *Stats {
	return &Stats{
		overall: newCounter(maxLineKeys),
		grouped: newCounter(maxLineKeys),
		groups:  newCounter(maxGroupKeys),
	}
}

// Add counts the lines of one document. group is the document's outlet or
// URL host, or "" when unknown; documents without a group count only
// towards the overall figures.
func (s *Stats) Add(body string, group string) {
	if s == nil {
		return
	}
	s.docs++
	seen := s.seen[:0]
	forEachLine(body, func(text string) {
		if h, ok := lineKey(text); ok {
			seen = append(seen, h)
		}
	})
	slices.Sort(seen)
	seen = slices.Compact(seen)
	s.seen = seen
	var g uint64
	if group != "" {
		g = hashString(group)
		s.groups.add(g)
	}
	for _, h := range seen {
		s.overall.add(h)
		if group != "" {
			s.grouped.add(mix(h, g))
		}
	}
}

// Docs reports how many documents have been added.
func (s *Stats) Docs() int {
	if s == nil {
		return 0
	}
	return s.docs
}

// repetition describes how often one line occurs in other documents.
type repetition struct {
	overall   int // documents containing the line, this one included
	docs      int // documents added in all
	group     int // documents of the same group containing the line
	groupDocs int // documents of the same group
}

// lookup returns the counts for a line key; the zero value when st is nil.
func (s *Stats) lookup(key uint64, group string) repetition {
	if s == nil {
		return repetition{}
	}
	r := repetition{overall: int(s.overall.get(key)), docs: s.docs}
	if group != "" {
		g := hashString(group)
		r.groupDocs = int(s.groups.get(g))
		r.group = int(s.grouped.get(mix(key, g)))
	}
	return r
}

// counter is a capped map from hash to count.
type counter struct {
	m     map[uint64]uint32
	limit int
}

func newCounter(limit int) counter {
	return counter{m: map[uint64]uint32{}, limit: limit}
}

func (c *counter) add(k uint64) {
	if n, ok := c.m[k]; ok {
		if n < ^uint32(0) {
			c.m[k] = n + 1
		}
		return
	}
	if len(c.m) >= c.limit {
		c.prune()
	}
	c.m[k] = 1
}

func (c *counter) get(k uint64) uint32 { return c.m[k] }

// prune drops the entries with the lowest counts until at most three
// quarters of the cap is used, raising the threshold as needed so that a
// table full of equal counts still shrinks.
func (c *counter) prune() {
	for floor := uint32(1); len(c.m) > c.limit*3/4; floor *= 2 {
		if floor == 0 { // every count near the maximum: start afresh
			clear(c.m)
			return
		}
		for k, n := range c.m {
			if n <= floor {
				delete(c.m, k)
			}
		}
	}
}

// lineKey hashes the normalised form of a line: letters lower-cased, each
// run of digits read as one "0" (dates, counts and years change from page
// to page while the template stays), punctuation and spacing ignored. ok is
// false when the line has no letters, which leaves nothing to recognise.
func lineKey(text string) (uint64, bool) {
	h := uint64(fnvOffset)
	letters := false
	gap := false   // a separator is pending before the next token
	digit := false // the previous rune was a digit
	started := false
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		i += size
		switch {
		case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'):
			if gap && started {
				h = fnvByte(h, ' ')
			}
			h = fnvByte(h, byte(r|0x20))
			letters, gap, digit, started = true, false, false, true
		case r >= '0' && r <= '9':
			if !digit {
				if gap && started {
					h = fnvByte(h, ' ')
				}
				h = fnvByte(h, '0')
			}
			gap, digit, started = false, true, true
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsNumber(r)):
			if gap && started {
				h = fnvByte(h, ' ')
			}
			var buf [utf8.UTFMax]byte
			n := utf8.EncodeRune(buf[:], unicode.ToLower(r))
			for _, b := range buf[:n] {
				h = fnvByte(h, b)
			}
			letters, gap, digit, started = true, false, false, true
		default:
			gap, digit = true, false
		}
	}
	return h, letters
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvByte(h uint64, b byte) uint64 { return (h ^ uint64(b)) * fnvPrime }

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = fnvByte(h, s[i])
	}
	return h
}

// mix combines a line hash with a group hash so grouped counts share one
// table without colliding with each other's lines.
func mix(a, b uint64) uint64 {
	x := a ^ (b * 0x9E3779B97F4A7C15)
	x ^= x >> 31
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 29
	return x
}

// forEachLine calls fn with each non-blank line of body, trimmed. It does
// not allocate, which matters for Add over large batches.
func forEachLine(body string, fn func(string)) {
	for len(body) > 0 {
		i := strings.IndexByte(body, '\n')
		var l string
		if i < 0 {
			l, body = body, ""
		} else {
			l, body = body[:i], body[i+1:]
		}
		if l = strings.TrimSpace(l); l != "" {
			fn(l)
		}
	}
}
