// Package dates reads explicit calendar dates written the way news pages
// write them and normalises them to YYYY-MM-DD.
//
// Recognised: ISO and RFC 3339 (2024-03-21, 2024-03-21T10:15:00Z), slashed
// and dotted year-first dates (2024/03/21, 2024.03.21), day-first dotted
// and dashed dates (21.03.2024, 21-03-2024), slashed dates (month first
// unless the first number is over 12), day-month-year and month-day-year
// with month names or abbreviations in English, German, French, Spanish,
// Italian, Portuguese and Dutch (21 March 2024, 21st of March, 2024,
// Mar. 21, 2024, 21. März 2024, 21 de marzo de 2024), RFC 1123 with its
// weekday, and 2024年3月21日. A leading weekday is included in the match;
// times and zones after the date are ignored.
//
// It is deliberately narrow: only full dates (year, month and day all
// written) are recognised, because a partial or relative date ("March
// 2024", "yesterday") cannot be normalised without a reference date, and a
// wrong publication date is worse than none. Two-digit years and compact
// forms (20240321) are not read for the same reason.
package dates

import (
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/model"
)

// Match is one date found in a text.
type Match struct {
	// Value is the date as YYYY-MM-DD.
	Value string
	// Span locates Text in the searched text, in code points.
	Span model.Span
	// Text is the literal date as written, including a leading weekday.
	Text string
}

// Years outside this range are almost always misreadings (prices, counts,
// phone numbers) rather than dates a news page would print.
const (
	minYear = 1900
	maxYear = 2100
)

// Normalize returns the first full date written in s as YYYY-MM-DD. Text
// around the date (a weekday, a time, a zone, a "Published:" label) is
// ignored, so values taken from feeds and page headers can be passed as they
// are. ok is false when s holds no full, plausible date.
func Normalize(s string) (string, bool) {
	toks := tokenize(s)
	for i := range toks {
		if m, ok := matchAt(s, toks, i); ok {
			return m.Value, true
		}
	}
	return "", false
}

// Find returns every full date written in text, in order, without overlaps.
func Find(text string) []Match {
	toks := tokenize(text)
	var out []Match
	for i := 0; i < len(toks); i++ {
		m, ok := matchAt(text, toks, i)
		if !ok {
			continue
		}
		out = append(out, m.Match)
		i = m.last
	}
	return out
}

type tokKind uint8

const (
	tNum tokKind = iota + 1
	tWord
	tPunct
)

// token is a run of digits, a run of letters or one punctuation rune.
// Spaces are not tokens; space records whether any came before the token,
// which some patterns need ("21.03.2024" must not have gaps).
type token struct {
	kind       tokKind
	space      bool
	b0, b1     int // byte offsets in the text
	r0, r1     int // code-point offsets in the text
	num        int // value of a digit run (capped)
	ndig       int // digits in a digit run
	punct      rune
	monthIndex int // 1-12 when the word names a month, else 0
	word       wordClass
}

// wordClass marks the few words that date patterns care about.
type wordClass uint8

const (
	wOther     wordClass = iota
	wWeekday             // "Thursday", "Thu"
	wOrdinal             // "st", "nd", "rd", "th" after a day number
	wConnector           // "of", "de", "del": "21st of March", "21 de marzo de 2024"
	wCJKYear             // 年, 년
	wCJKMonth            // 月, 월
	wCJKDay              // 日, 일
)

// tokenize splits text into tokens.
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/3+1)
	space := false
	ri := 0
	for bi := 0; bi < len(text); {
		r, size := rune(text[bi]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[bi:])
		}
		switch {
		case r >= '0' && r <= '9':
			t := token{kind: tNum, space: space, b0: bi, r0: ri}
			for bi < len(text) && text[bi] >= '0' && text[bi] <= '9' {
				if t.ndig < 9 {
					t.num = t.num*10 + int(text[bi]-'0')
				}
				t.ndig++
				bi++
				ri++
			}
			t.b1, t.r1 = bi, ri
			toks = append(toks, t)
			space = false
			continue
		case unicode.IsLetter(r):
			t := token{kind: tWord, space: space, b0: bi, r0: ri}
			// Han and Hangul are written without spaces, so each rune
			// stands alone: 年, 月 and 日 must be seen even when the
			// next word is glued on.
			cjk := isCJK(r)
			for bi < len(text) {
				r2, s2 := rune(text[bi]), 1
				if r2 >= utf8.RuneSelf {
					r2, s2 = utf8.DecodeRuneInString(text[bi:])
				}
				if !unicode.IsLetter(r2) || (bi > t.b0 && (cjk || isCJK(r2))) {
					break
				}
				bi += s2
				ri++
			}
			t.b1, t.r1 = bi, ri
			if n := t.b1 - t.b0; n <= 12 {
				var buf [12]byte
				w := lowerASCII(buf[:0], text[t.b0:t.b1])
				t.monthIndex = monthNames[string(w)]
				t.word = wordClasses[string(w)]
			}
			toks = append(toks, t)
			space = false
			continue
		case unicode.IsSpace(r):
			space = true
		default:
			toks = append(toks, token{kind: tPunct, space: space, b0: bi, b1: bi + size, r0: ri, r1: ri + 1, punct: r})
			space = false
		}
		bi += size
		ri++
	}
	return toks
}

// lowerASCII lower-cases ASCII letters and keeps other bytes, which is enough
// for the word tables: no name in them starts with a non-ASCII letter, and
// accented letters inside a word are already lower case.
func lowerASCII(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

type found struct {
	Match
	last int // index of the last token used
}

func (t token) isPunct(rs ...rune) bool {
	if t.kind != tPunct {
		return false
	}
	for _, r := range rs {
		if t.punct == r {
			return true
		}
	}
	return false
}

// matchAt tries every pattern starting at token i.
func matchAt(text string, toks []token, i int) (found, bool) {
	t := toks[i]
	start := i
	// A weekday is only part of the date's text; it adds nothing to the
	// value, so it is consumed and then the date itself must follow.
	if t.kind == tWord && t.word == wWeekday {
		j := i + 1
		if j < len(toks) && toks[j].isPunct('.') && !toks[j].space {
			j++
		}
		if j < len(toks) && toks[j].isPunct(',') {
			j++
		}
		if j < len(toks) {
			if y, m, d, last, ok := matchDate(toks, j); ok {
				return build(text, toks, start, last, y, m, d)
			}
		}
		return found{}, false
	}
	if y, m, d, last, ok := matchDate(toks, i); ok {
		return build(text, toks, start, last, y, m, d)
	}
	return found{}, false
}

func build(text string, toks []token, first, last, y, m, d int) (found, bool) {
	if !valid(y, m, d) {
		return found{}, false
	}
	a, b := toks[first], toks[last]
	v := make([]byte, 0, 10)
	v = appendPadded(v, y, 4)
	v = append(v, '-')
	v = appendPadded(v, m, 2)
	v = append(v, '-')
	v = appendPadded(v, d, 2)
	return found{
		Match: Match{Value: string(v), Span: model.Span{Start: a.r0, End: b.r1}, Text: text[a.b0:b.b1]},
		last:  last,
	}, true
}

func appendPadded(dst []byte, n, width int) []byte {
	s := strconv.Itoa(n)
	for i := len(s); i < width; i++ {
		dst = append(dst, '0')
	}
	return append(dst, s...)
}

func valid(y, m, d int) bool {
	if y < minYear || y > maxYear || m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= daysIn(y, m)
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// boundaryBefore reports whether the number at toks[i] is not glued to a
// preceding digit group ("1.21.03.2024" is a version, not a date).
func boundaryBefore(toks []token, i int) bool {
	if i == 0 {
		return true
	}
	p := toks[i-1]
	if p.kind == tNum && !toks[i].space {
		return false
	}
	if p.kind == tPunct && !toks[i].space && (p.punct == '.' || p.punct == '/' || p.punct == '-' || p.punct == ':') && i >= 2 && toks[i-2].kind == tNum && !p.space {
		return false
	}
	return true
}

// boundaryAfter is boundaryBefore's mirror for the token after a match.
func boundaryAfter(toks []token, last int) bool {
	if last+1 >= len(toks) {
		return true
	}
	n := toks[last+1]
	if n.space {
		return true
	}
	if n.kind == tNum {
		return false
	}
	if n.kind == tPunct && (n.punct == '.' || n.punct == '/' || n.punct == '-') && last+2 < len(toks) && toks[last+2].kind == tNum && !toks[last+2].space {
		// "2024-03-21-1" or "21.03.2024.5": part of a longer code.
		// ISO times are written with ':' or 'T', so this does not lose them.
		return false
	}
	return true
}

// matchDate recognises the date patterns that start at toks[i] and returns
// the year, month, day and the index of the last token used.
func matchDate(toks []token, i int) (y, m, d, last int, ok bool) {
	t := toks[i]
	switch t.kind {
	case tNum:
		if !boundaryBefore(toks, i) {
			return
		}
		if y, m, d, last, ok = numericDate(toks, i); ok {
			return
		}
		if y, m, d, last, ok = dayMonthYear(toks, i); ok {
			return
		}
		return eastAsian(toks, i)
	case tWord:
		if t.monthIndex > 0 {
			return monthDayYear(toks, i)
		}
	}
	return
}

// numericDate: 2024-03-21, 2024/03/21, 2024.03.21 and 21.03.2024,
// 03/21/2024, 21-03-2024.
func numericDate(toks []token, i int) (y, m, d, last int, ok bool) {
	if i+4 >= len(toks) {
		return
	}
	a, s1, b, s2, c := toks[i], toks[i+1], toks[i+2], toks[i+3], toks[i+4]
	if s1.kind != tPunct || s2.kind != tPunct || s1.punct != s2.punct || b.kind != tNum || c.kind != tNum {
		return
	}
	if s1.space || b.space || s2.space || c.space {
		return
	}
	sep := s1.punct
	if sep != '-' && sep != '/' && sep != '.' {
		return
	}
	last = i + 4
	if !boundaryAfter(toks, last) {
		return
	}
	switch {
	case a.ndig == 4 && b.ndig <= 2 && c.ndig <= 2:
		return a.num, b.num, c.num, last, true
	case a.ndig <= 2 && b.ndig <= 2 && c.ndig == 4:
		first, second := a.num, b.num
		switch {
		case first > 12:
			return c.num, second, first, last, true
		case second > 12:
			return c.num, first, second, last, true
		case sep == '/':
			// Ambiguous slashed dates are read month-first, the
			// convention of the US sites that dominate English news.
			return c.num, first, second, last, true
		default:
			// Dotted and dashed dates are day-first across Europe.
			return c.num, second, first, last, true
		}
	}
	return
}

// dayMonthYear: "21 March 2024", "21st of March, 2024", "21. März 2024",
// "21-Mar-2024", "21 de marzo de 2024".
func dayMonthYear(toks []token, i int) (y, m, d, last int, ok bool) {
	a := toks[i]
	if a.ndig > 2 || a.num < 1 || a.num > 31 {
		return
	}
	j := i + 1
	j = skipSuffix(toks, j)
	if j < len(toks) && toks[j].isPunct('.', '-', '/') {
		j++
	}
	j = skipConnector(toks, j)
	if j >= len(toks) || toks[j].kind != tWord || toks[j].monthIndex == 0 {
		return
	}
	m = toks[j].monthIndex
	j++
	if j < len(toks) && toks[j].isPunct('.') && !toks[j].space {
		j++
	}
	if j < len(toks) && toks[j].isPunct(',', '-', '/') {
		j++
	}
	j = skipConnector(toks, j)
	if j >= len(toks) || toks[j].kind != tNum || toks[j].ndig != 4 {
		return
	}
	last = j
	if !boundaryAfter(toks, last) {
		return
	}
	return toks[j].num, m, a.num, last, true
}

// monthDayYear: "March 21, 2024", "Mar. 21, 2024", "March 21st 2024".
func monthDayYear(toks []token, i int) (y, m, d, last int, ok bool) {
	m = toks[i].monthIndex
	j := i + 1
	if j < len(toks) && toks[j].isPunct('.') && !toks[j].space {
		j++
	}
	if j < len(toks) && toks[j].isPunct('-') {
		j++
	}
	if j >= len(toks) || toks[j].kind != tNum || toks[j].ndig > 2 || !toks[j].space && !toks[j-1].isPunct('-', '.') {
		return
	}
	d = toks[j].num
	j++
	j = skipSuffix(toks, j)
	if j < len(toks) && toks[j].isPunct(',', '-') {
		j++
	}
	if j >= len(toks) || toks[j].kind != tNum || toks[j].ndig != 4 {
		return
	}
	last = j
	if !boundaryAfter(toks, last) {
		return
	}
	return toks[j].num, m, d, last, true
}

// eastAsian: 2024年3月21日, 2024년 3월 21일.
func eastAsian(toks []token, i int) (y, m, d, last int, ok bool) {
	if i+5 >= len(toks) || toks[i].ndig != 4 {
		return
	}
	if toks[i+1].word != wCJKYear || toks[i+2].kind != tNum || toks[i+3].word != wCJKMonth || toks[i+4].kind != tNum || toks[i+5].word != wCJKDay {
		return
	}
	return toks[i].num, toks[i+2].num, toks[i+4].num, i + 5, true
}

// skipSuffix moves past an ordinal suffix glued to a day number ("21st").
func skipSuffix(toks []token, j int) int {
	if j < len(toks) && !toks[j].space && toks[j].word == wOrdinal {
		return j + 1
	}
	return j
}

// skipConnector moves past "of" or "de" between day, month and year.
func skipConnector(toks []token, j int) int {
	if j < len(toks) && toks[j].word == wConnector {
		return j + 1
	}
	return j
}

func isCJK(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hangul, r))
}
