package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/model"
)

// Kind classifies a token. Whitespace is never a token.
type Kind uint8

// Token kinds.
const (
	Word       Kind = iota + 1 // letters, possibly with digits, hyphens, apostrophes or an abbreviation's period
	Number                     // digits with separators: 1,200 3.5 2024-03-21 10:30
	Punct                      // punctuation, dashes included; a run of . ! ? is one token
	Symbol                     // currency, maths, emoji and other symbols
	OpenQuote                  // a quote mark that opens a quotation
	CloseQuote                 // a quote mark that closes one
	URL                        // http(s):// or www. address
	Email                      // name@example.org
	Handle                     // @name
	Hashtag                    // #name
)

var kindNames = [...]string{"?", "Word", "Number", "Punct", "Symbol", "OpenQuote", "CloseQuote", "URL", "Email", "Handle", "Hashtag"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "?"
}

// Token is one token of a text. Span counts Unicode code points, so
// []rune(text)[Span.Start:Span.End] is Text.
type Token struct {
	Text string
	Span model.Span
	Kind Kind
	// SpaceBefore reports whitespace (or the start of the text) before the
	// token: a tagger tells "U.S.-led" from "U.S. led" with it, and the quote
	// stage glued marks from free ones.
	SpaceBefore bool
}

// IsQuote reports an opening or closing quote mark.
func (t Token) IsQuote() bool { return t.Kind == OpenQuote || t.Kind == CloseQuote }

// IsTitle reports a token whose first letter is upper or title case
// ("Kyiv", "NATO", "McCain").
func (t Token) IsTitle() bool {
	for _, r := range t.Text {
		if unicode.IsLetter(r) {
			return unicode.IsUpper(r) || unicode.IsTitle(r)
		}
	}
	return false
}

// IsAllCaps reports a token with at least one cased letter and no lower-case
// one ("NATO", "U.S.", "KYIV").
func (t Token) IsAllCaps() bool {
	upper := false
	for _, r := range t.Text {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) || unicode.IsTitle(r) {
			upper = true
		}
	}
	return upper
}

// HasDigit reports a token with a decimal digit ("F-16", "20th", "3.5").
func (t Token) HasDigit() bool {
	for _, r := range t.Text {
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// IsAbbrev reports a word that keeps its period: "Gen.", "U.S.", "J.".
func (t Token) IsAbbrev() bool {
	return t.Kind == Word && len(t.Text) > 1 && t.Text[len(t.Text)-1] == '.'
}

// ASCII character classes, looked up instead of calling unicode for the
// bulk of English text.
const (
	cSpace uint8 = 1 << iota
	cLetter
	cDigit
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			t[c] = cSpace
		case c < ' ' || c == 0x7f:
			t[c] = cSpace // control characters are skipped like blanks
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			t[c] = cLetter
		case '0' <= c && c <= '9':
			t[c] = cDigit
		}
	}
	return t
}()

// classOf returns the class of a rune: letters include combining marks
// and the joiners that live inside words of some scripts.
func classOf(r rune) uint8 {
	if r < utf8.RuneSelf {
		return asciiClass[r]
	}
	switch {
	case unicode.IsLetter(r), unicode.IsMark(r):
		return cLetter
	case unicode.IsDigit(r):
		return cDigit
	case unicode.IsNumber(r):
		return cLetter // ² ½ Ⅻ: part of a word when glued to one
	case unicode.IsSpace(r), r == utf8.RuneError, unicode.IsControl(r):
		return cSpace
	}
	return 0
}

// isJoiner reports format characters that belong inside a word (soft
// hyphen, zero-width joiners) but are dropped between tokens.
func isJoiner(r rune) bool {
	return r == 0xAD || r == 0x200C || r == 0x200D || r == 0x2060
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// script separates the scripts written without spaces between words, where
// a run of letters is not one word. Han characters become one token each;
// kana runs stay whole.
func script(r rune) uint8 {
	if r < 0x2E80 {
		return 0
	}
	switch {
	case r == 0x30FC: // prolonged sound mark, used in both kana
		return 4
	case unicode.Is(unicode.Han, r):
		return 1
	case unicode.Is(unicode.Hiragana, r):
		return 2
	case unicode.Is(unicode.Katakana, r):
		return 3
	}
	return 0
}

func sameScript(a, b uint8) bool {
	return a == b || (a >= 2 && b == 4) || (a == 4 && b >= 2)
}

// tokenizer scans a text once, emitting tokens with byte spans and noting
// where blank lines start paragraphs. Quote state is per paragraph.
type tokenizer struct {
	s     string
	r     *rules
	toks  []Token
	paras []int // index of each paragraph's first token
	depth [2]int
}

func (t *tokenizer) at(i int) (rune, int) {
	if i >= len(t.s) {
		return -1, 0
	}
	if c := t.s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(t.s[i:])
}

// before returns the rune ending at byte i.
func (t *tokenizer) before(i int) rune {
	if i <= 0 {
		return -1
	}
	if c := t.s[i-1]; c < utf8.RuneSelf {
		return rune(c)
	}
	r, _ := utf8.DecodeLastRuneInString(t.s[:i])
	return r
}

func (t *tokenizer) classAt(i int) uint8 {
	if i >= len(t.s) {
		return cSpace
	}
	if c := t.s[i]; c < utf8.RuneSelf {
		return asciiClass[c]
	}
	r, _ := utf8.DecodeRuneInString(t.s[i:])
	return classOf(r)
}

func (t *tokenizer) letterAt(i int) bool { return t.classAt(i) == cLetter }
func (t *tokenizer) digitAt(i int) bool  { return t.classAt(i) == cDigit }
func (t *tokenizer) alnumAt(i int) bool  { return t.classAt(i)&(cLetter|cDigit) != 0 }

func (t *tokenizer) run() {
	s := t.s
	space, nl := true, 2
	for i := 0; i < len(s); {
		if c := s[i]; c == ' ' {
			space = true
			i++
			continue
		}
		r, size := t.at(i)
		if c := classOf(r); c == cSpace || isJoiner(r) || (c == 0 && unicode.Is(unicode.Cf, r)) {
			switch r {
			case '\n', 0x2028:
				nl++
			case 0x2029:
				nl += 2
			}
			// Stray format characters are dropped without making a gap.
			space = space || c == cSpace
			i += size
			continue
		}
		if nl >= 2 {
			t.paras = append(t.paras, len(t.toks))
			t.depth = [2]int{}
		}
		nl = 0
		end, kind := t.scan(i, r, size)
		t.toks = append(t.toks, Token{Text: s[i:end], Span: model.Span{Start: i, End: end}, Kind: kind, SpaceBefore: space})
		space = false
		i = end
	}
}

// scan reads the token starting at byte i with rune r and returns its end.
func (t *tokenizer) scan(i int, r rune, size int) (int, Kind) {
	switch c := classOf(r); {
	case c == cLetter:
		if (r == 'h' || r == 'H' || r == 'w' || r == 'W') && t.urlStart(i) {
			return t.scanURL(i), URL
		}
		if t.r.clitics && (r == 'n' || r == 'N') && t.alnumBefore(i) {
			if a, n := t.at(i + 1); isApostrophe(a) {
				if e := t.cliticEnd(i + 1 + n); e > 0 && e-(i+1+n) == 1 && (t.s[i+1+n]|0x20) == 't' {
					return e, Word
				}
			}
		}
		if script(r) == 1 {
			return i + size, Word
		}
		return t.scanWord(i, i)
	case c == cDigit:
		return t.scanNumber(i)
	}
	switch {
	case r == '@':
		if e := t.scanName(i + 1); e > i+1 {
			return e, Handle
		}
	case r == '#':
		if e := t.scanName(i + 1); e > i+1 && t.hasLetter(i+1, e) {
			return e, Hashtag
		}
	case r == '.' || r == '!' || r == '?' || r == '…':
		j := i + size
		for {
			n, m := t.at(j)
			if n != '.' && n != '!' && n != '?' && n != '…' {
				break
			}
			j += m
		}
		return j, Punct
	case r == '-' || r == '—' || r == '–':
		j := i + size
		for {
			if n, m := t.at(j); n == r {
				j += m
				continue
			}
			break
		}
		return j, Punct
	}
	if isApostrophe(r) && t.r.clitics && t.alnumBefore(i) {
		// 's 're 've 'll 'd 'm; a t belongs only to n't, read above
		if e := t.cliticEnd(i + size); e > 0 && (e-(i+size) > 1 || t.s[i+size]|0x20 != 't') {
			return e, Word
		}
	}
	if sd, ok := t.r.quotes[r]; ok {
		return i + size, t.quote(i, size, r, sd)
	}
	if isApostrophe(r) {
		return i + size, t.quote(i, size, r, sideEither)
	}
	if unicode.IsPunct(r) && !symbolLike(r) {
		return i + size, Punct
	}
	return t.scanSymbol(i, size), Symbol
}

func (t *tokenizer) alnumBefore(i int) bool {
	b := t.before(i)
	return b >= 0 && classOf(b)&(cLetter|cDigit) != 0
}

// cliticEnd returns the end of an English clitic whose letters start at
// byte i (after the apostrophe), or 0: 's 're 've 'll 'd 'm and the t of
// n't, each followed by a non-letter.
func (t *tokenizer) cliticEnd(i int) int {
	j := i
	for j < len(t.s) && j-i < 3 && t.s[j] < utf8.RuneSelf && asciiClass[t.s[j]] == cLetter {
		j++
	}
	if j == i || t.letterAt(j) {
		return 0
	}
	switch w := t.s[i:j]; len(w) {
	case 1:
		switch w[0] | 0x20 {
		case 's', 'd', 'm', 't':
			return j
		}
	case 2:
		switch w[0] | 0x20 {
		case 'r', 'v':
			if w[1]|0x20 == 'e' {
				return j
			}
		case 'l':
			if w[1]|0x20 == 'l' {
				return j
			}
		}
	}
	return 0
}

// scanWord continues a word whose token started at byte start and whose
// scanning resumes at byte i.
func (t *tokenizer) scanWord(start, i int) (int, Kind) {
	s := t.s
	j := i
	first, _ := t.at(start)
	sc := script(first)
	seg, maxSeg, dots := start, 0, false
	for j < len(s) {
		if b := s[j]; b < utf8.RuneSelf && asciiClass[b]&(cLetter|cDigit) != 0 {
			j++ // the bulk of English text
			continue
		}
		r, n := t.at(j)
		c := classOf(r)
		if c&(cLetter|cDigit) != 0 {
			if r >= 0x2E80 && !sameScript(sc, script(r)) {
				return j, Word
			}
			j += n
			continue
		}
		if isJoiner(r) && t.alnumAt(j+n) {
			j += n
			continue
		}
		switch {
		case r == '-' || r == '‐' || r == '‑' || r == '&':
			// pro-Ukraine, COVID-19, AT&T
			if j > start && t.alnumAt(j+n) {
				j += n
				continue
			}
		case isApostrophe(r):
			if !t.letterAt(j + n) {
				return j, Word
			}
			if t.r.elisions != nil && t.r.elisions[lowerKeyString(s[start:j])] {
				return j + n, Word
			}
			if t.r.clitics {
				if e := t.cliticEnd(j + n); e > 0 {
					if e-(j+n) == 1 && (s[j+n]|0x20) == 't' {
						// don't → do n't, unless the n is all there is
						if (s[j-1]|0x20) == 'n' && j-1 > start {
							return j - 1, Word
						}
					} else {
						return j, Word
					}
				}
			}
			j += n
			continue
		case r == '.':
			end, more := t.period(start, seg, j, &maxSeg, &dots)
			if !more {
				return end, Word
			}
			j, seg = end, end
			continue
		case r == '@':
			if e := t.scanDomain(j + 1); e > 0 {
				return e, Email
			}
		}
		return j, Word
	}
	return j, Word
}

// period decides what a period at byte j inside the word [start, j) does.
// It returns more=true with the byte to resume at when the word goes on
// past it (U.S.A, example.com, U.S.-led), else the word's end, which
// includes the period when it belongs to an abbreviation or an initial.
func (t *tokenizer) period(start, seg, j int, maxSeg *int, dots *bool) (int, bool) {
	s := t.s
	cur := utf8.RuneCountInString(s[seg:j])
	if t.letterAt(j + 1) {
		k, lower := j+1, true
		for k < len(s) && t.letterAt(k) {
			c := s[k]
			if c >= utf8.RuneSelf || c < 'a' || c > 'z' {
				lower = false
			}
			_, n := t.at(k)
			k += n
		}
		next := utf8.RuneCountInString(s[j+1 : k])
		// U.S.A, Ph.D, z.B: short segments; example.com, bbc.co.uk:
		// a lower-case tail. Anything else is a missing space.
		if (cur <= 2 && next <= 2) || (next >= 2 && lower) {
			*dots = true
			*maxSeg = max(*maxSeg, cur)
			return j + 1, true
		}
		return j, false
	}
	attach := false
	if *dots {
		attach = max(*maxSeg, cur) <= 2
	} else {
		switch t.r.abbrev(s[start:j]) {
		case abbrPrefix, abbrGeneral:
			attach = true
		case abbrNumber:
			attach = t.digitAfterSpace(j + 1)
		}
		if !attach && cur == 1 {
			f, _ := t.at(start)
			attach = unicode.IsUpper(f)
		}
	}
	if !attach {
		return j, false
	}
	if n, _ := t.at(j + 1); (n == '-' || n == '‐') && t.letterAt(j+2) {
		return j + 2, true
	}
	return j + 1, false
}

// digitAfterSpace reports a digit after blanks at byte i ("No. 5").
func (t *tokenizer) digitAfterSpace(i int) bool {
	for {
		r, n := t.at(i)
		switch r {
		case ' ', '\t', 0xA0, 0x202F:
			i += n
			continue
		}
		return t.digitAt(i)
	}
}

// scanNumber reads digits with inner separators (1,200 3.5 2024-03-21
// 10:30 24/7); letters glued on make it a word (20th, 1.5bn, 5-year-old).
func (t *tokenizer) scanNumber(i int) (int, Kind) {
	j := i
	for {
		for t.digitAt(j) {
			_, n := t.at(j)
			j += n
		}
		if j >= len(t.s) {
			return j, Number
		}
		c := t.s[j]
		if (c == '.' || c == ',' || c == ':' || c == '/' || c == '-') && t.digitAt(j+1) {
			j++
			continue
		}
		break
	}
	c := t.s[j]
	switch {
	case t.letterAt(j), c == '-' && t.letterAt(j+1):
		return t.scanWord(i, j)
	case c == '.' && t.r.ordinals && t.monthAfter(j+1):
		return j + 1, Number
	}
	return j, Number
}

// monthAfter reports a month name after blanks at byte i ("3. Oktober").
func (t *tokenizer) monthAfter(i int) bool {
	k := i
	for k < len(t.s) && (t.s[k] == ' ' || t.s[k] == '\t') {
		k++
	}
	if k == i {
		return false
	}
	e := k
	for e < len(t.s) && t.letterAt(e) {
		_, n := t.at(e)
		e += n
	}
	return t.r.months[t.s[k:e]]
}

func (t *tokenizer) urlStart(i int) bool {
	s := t.s[i:]
	if len(s) < 8 {
		return false
	}
	p := s[:8]
	return eqFold(p[:7], "http://") || eqFold(p, "https://") || eqFold(p[:4], "www.") && t.alnumAt(i+4)
}

func eqFold(a, b string) bool {
	for k := 0; k < len(a); k++ {
		if a[k]|0x20 != b[k]|0x20 {
			return false
		}
	}
	return true
}

// scanURL reads to the next blank or bracketing mark, then gives back
// trailing punctuation that belongs to the sentence ("see example.org.").
func (t *tokenizer) scanURL(i int) int {
	j := i
	open := 0
	for j < len(t.s) {
		r, n := t.at(j)
		if classOf(r) == cSpace || r == '<' || r == '>' || r == '"' || r == '“' || r == '”' || r == '«' || r == '»' {
			break
		}
		if r == '(' {
			open++
		}
		j += n
	}
	for j > i {
		r, n := utf8.DecodeLastRuneInString(t.s[i:j])
		if r == ')' && open > 0 {
			break
		}
		if r == '.' || r == ',' || r == ';' || r == ':' || r == '!' || r == '?' || r == ')' || r == ']' || isApostrophe(r) || r == '…' {
			j -= n
			continue
		}
		break
	}
	return j
}

// scanName reads the letters, digits and underscores of a handle or
// hashtag starting at byte i.
func (t *tokenizer) scanName(i int) int {
	j := i
	for j < len(t.s) {
		r, n := t.at(j)
		if r != '_' && classOf(r)&(cLetter|cDigit) == 0 {
			break
		}
		if r >= 0x2E80 && script(r) == 1 {
			break
		}
		j += n
	}
	return j
}

func (t *tokenizer) hasLetter(i, j int) bool {
	for k := i; k < j; {
		r, n := t.at(k)
		if classOf(r) == cLetter {
			return true
		}
		k += n
	}
	return false
}

// scanDomain reads the domain of an e-mail address after its @ and
// returns its end, or 0 when no dotted name follows.
func (t *tokenizer) scanDomain(i int) int {
	j, dot := i, false
	for j < len(t.s) {
		r, n := t.at(j)
		switch {
		case classOf(r)&(cLetter|cDigit) != 0, r == '-':
		case r == '.' && j > i && t.alnumAt(j+1):
			dot = true
		default:
			if dot {
				return j
			}
			return 0
		}
		j += n
	}
	if dot {
		return j
	}
	return 0
}

// scanSymbol keeps emoji sequences whole: variation selectors, skin tones,
// keycaps, joined pictographs and flag pairs.
func (t *tokenizer) scanSymbol(i, size int) int {
	first, _ := t.at(i)
	j := i + size
	for j < len(t.s) {
		r, n := t.at(j)
		switch {
		case r == 0xFE0F || r == 0xFE0E || r == 0x20E3 || (r >= 0x1F3FB && r <= 0x1F3FF):
			j += n
		case r == 0x200D:
			if nr, m := t.at(j + n); nr >= 0x2000 && classOf(nr) == 0 {
				j += n + m
				continue
			}
			return j
		case isRegional(first) && isRegional(r) && j == i+size:
			j += n
		default:
			return j
		}
	}
	return j
}

// symbolLike reports marks Unicode files as punctuation that stand for
// words or units rather than structure: 5%, §12, AT & T.
func symbolLike(r rune) bool {
	switch r {
	case '%', '‰', '‱', '&', '#', '@', '*', '§', '¶', '†', '‡', '№':
		return true
	}
	return false
}

func isRegional(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

// quote decides whether the mark at byte i opens or closes. Its neighbours
// decide first (a mark after a blank and before a letter opens); when they
// cannot, the language's usual side for the mark does, and for straight
// marks whether a quotation of that kind is open.
func (t *tokenizer) quote(i, size int, r rune, sd side) Kind {
	single := 0
	if r == '\'' || r == '‘' || r == '’' || r == '‚' || r == '‛' || r == '‹' || r == '›' || r == 'ʼ' {
		single = 1
	}
	b := t.before(i)
	left := b < 0 || classOf(b) == cSpace || isOpening(b)
	n, _ := t.at(i + size)
	right := n < 0 || classOf(n) == cSpace || isClosing(n)
	open := false
	switch {
	case left && !right:
		open = true
	case !left && right:
		open = false
		if single == 1 && t.r.clitics && t.depth[1] == 0 && (b == 's' || b == 'S') {
			return Punct // the Smiths' house: a possessive, no quote
		}
	case sd == sideOpen:
		open = true
	case sd == sideClose:
	default:
		open = t.depth[single] == 0
	}
	if open {
		t.depth[single]++
		return OpenQuote
	}
	if t.depth[single] > 0 {
		t.depth[single]--
	}
	return CloseQuote
}

func isOpening(r rune) bool {
	switch r {
	case '(', '[', '{', '-', '—', '–', '/', '“', '‘', '„', '‚', '«', '‹', '"', '\'':
		return true
	}
	return false
}

func isClosing(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', ')', ']', '}', '…', '-', '—', '–', '”', '’', '»', '›', '"', '\'':
		return true
	}
	return false
}

// lowerKeyString lower-cases a short word for a set lookup.
func lowerKeyString(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return strings.ToLower(w)
		}
	}
	return w
}
