package plaintext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/extract/dates"
)

// line is one non-blank line of the body with the shallow features the
// scorer reads. Naive scrapers write one block element per line, so a line
// is the unit that is either article or chrome.
type line struct {
	text       string
	start, end int  // code-point span of text in the body
	b0, b1     int  // byte span of text in the body
	wrapped    bool // several physical lines joined: a hard-wrapped paragraph
	key        uint64
	hasKey     bool

	words     int // \w+ tokens, as the evaluation counts them
	stops     [4]int32
	chrome    int // words from chromeWords
	legal     int // words from legalWords
	job       int // words from jobWords
	capWords  int // words that start with an upper-case letter
	alphaWord int // words that start with a letter
	numWords  int // words that start with a digit
	humps     int // lower-to-upper changes inside a word: glued menu items
	codeWords int // words with an underscore: template placeholders
	seps      int // menu separators such as | » ›
	longWords int // words of 25+ letters: glued text, ids, hashes

	ending     endShape
	bullet     bool
	copyright  bool // starts like a copyright notice
	creditMark bool // has © elsewhere: a photo or content credit
	reserved   bool // "all rights reserved"
	url        bool // has a web address or e-mail address
	firstCue   bool // the first word is a link cue ("Read", "See", ...)
	colonAt    int  // words before the first colon, -1 without one
	clock      bool // has a time of day such as 10:15
	first      string
	last       string

	dup int // other lines of this document with the same key

	// Lazily computed by dateMatches and byline: most lines never need
	// them, and the metadata search asks about header lines repeatedly.
	datesDone  bool
	dateList   []dates.Match
	bylineDone bool
	bylineName string
	bylineAt   int

	rep   repetition
	score float64
}

type endShape uint8

const (
	endNone     endShape = iota
	endSentence          // . ! ? with optional closing quotes
	endTeaser            // ... or …: a cut-off teaser
	endColon             // introduces a list or a quote
)

// splitLines splits body into trimmed non-blank lines with code-point spans.
// body must be valid UTF-8.
func splitLines(body string) []line {
	lines := make([]line, 0, strings.Count(body, "\n")/2+1)
	runeAt := 0 // code points before body[pos:]
	pos := 0
	for pos <= len(body) {
		i := strings.IndexByte(body[pos:], '\n')
		end := len(body)
		if i >= 0 {
			end = pos + i
		}
		raw := body[pos:end]
		lead := len(raw) - len(strings.TrimLeftFunc(raw, unicode.IsSpace))
		text := strings.TrimSpace(raw)
		if text != "" {
			s := runeAt + runeCount(raw[:lead])
			lines = append(lines, line{text: text, start: s, end: s + runeCount(text), b0: pos + lead, b1: pos + lead + len(text)})
		}
		runeAt += runeCount(raw) + 1
		if i < 0 {
			break
		}
		pos = end + 1
	}
	return lines
}

// runeCount is utf8.RuneCountInString with an ASCII fast path, since most
// lines are ASCII and this runs over every byte of every page.
func runeCount(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return i + utf8.RuneCountInString(s[i:])
		}
	}
	return len(s)
}

// measure fills the shape features of l from its text.
func (l *line) measure() {
	s := l.text
	l.colonAt = -1
	var lower [24]byte
	wordStart := -1
	prevLower := false
	hasUnderscore := false
	letters := 0
	nonASCII := false
	rightsState := 0 // 1 after "all", 2 after "all rights"
	endWord := func(end int) {
		w := s[wordStart:end]
		var f uint16
		b := lower[:0]
		if !nonASCII && len(w) <= len(lower) {
			for i := 0; i < len(w); i++ {
				c := w[i]
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				b = append(b, c)
			}
			f = wordFlags[string(b)]
		} else if nonASCII && len(w) <= 64 {
			f = wordFlags[strings.ToLower(w)]
		}
		for i := 0; i < len(l.stops); i++ {
			if f&(1<<i) != 0 {
				l.stops[i]++
			}
		}
		if f&flagChrome != 0 {
			l.chrome++
		}
		if f&flagLegal != 0 {
			l.legal++
		}
		if f&flagJob != 0 {
			l.job++
		}
		if l.words == 1 {
			l.first = w
			l.firstCue = f&flagLinkCue != 0
			l.copyright = l.copyright || string(b) == "copyright"
		}
		switch {
		case string(b) == "all":
			rightsState = 1
		case string(b) == "rights" && rightsState == 1:
			rightsState = 2
		case string(b) == "reserved" && rightsState == 2:
			l.reserved = true
			rightsState = 0
		default:
			rightsState = 0
		}
		l.last = w
		if hasUnderscore {
			l.codeWords++
		}
		if letters >= 25 {
			l.longWords++
		}
		wordStart = -1
	}
	for i, r := range s {
		isWord := r == '_' || r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') ||
			r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsNumber(r))
		if isWord {
			if wordStart < 0 {
				wordStart = i
				l.words++
				hasUnderscore, letters, nonASCII, prevLower = false, 0, false, false
				switch {
				case r >= '0' && r <= '9' || unicode.IsNumber(r):
					l.numWords++
				case unicode.IsUpper(r):
					l.capWords++
					l.alphaWord++
				case unicode.IsLetter(r):
					l.alphaWord++
				}
			}
			if r >= utf8.RuneSelf {
				nonASCII = true
			}
			if r == '_' {
				hasUnderscore = true
			} else {
				letters++
			}
			up := r < utf8.RuneSelf && r >= 'A' && r <= 'Z' || r >= utf8.RuneSelf && unicode.IsUpper(r)
			if up && prevLower {
				l.humps++
			}
			prevLower = r < utf8.RuneSelf && r >= 'a' && r <= 'z' || r >= utf8.RuneSelf && unicode.IsLower(r)
		} else {
			if wordStart >= 0 {
				endWord(i)
			}
			switch r {
			case '|', '»', '›', '•', '·', '«', '‹', '>':
				l.seps++
			case '©':
				if l.words == 0 {
					l.copyright = true
				} else {
					l.creditMark = true
				}
			case ':':
				if l.colonAt < 0 {
					l.colonAt = l.words
				}
				if i > 0 && i+2 < len(s) && s[i-1] >= '0' && s[i-1] <= '9' && s[i+1] >= '0' && s[i+1] <= '5' && s[i+2] >= '0' && s[i+2] <= '9' {
					l.clock = true
				}
			case '@':
				if wordStart < 0 && i+1 < len(s) && l.words > 0 && s[i-1] != ' ' && s[i+1] != ' ' {
					l.url = true
				}
			case '.':
				if !l.url && isDomainDot(s, i) {
					l.url = true
				}
			}
		}
	}
	if wordStart >= 0 {
		endWord(len(s))
	}
	l.ending = endOf(s)
	l.bullet = isBullet(s)
	if !l.copyright && (strings.HasPrefix(s, "(c)") || strings.HasPrefix(s, "(C)")) {
		l.copyright = true
	}
	if !l.url && (strings.Contains(s, "://") || strings.Contains(s, "www.")) {
		l.url = true
	}
}

// endOf classifies how a line ends, looking through closing quotes and
// brackets so that a quoted sentence still counts as a sentence.
func endOf(s string) endShape {
	s = strings.TrimRight(s, " \t\"'”’»)]*")
	switch {
	case strings.HasSuffix(s, "...") || strings.HasSuffix(s, "…"):
		return endTeaser
	case strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") ||
		strings.HasSuffix(s, "。") || strings.HasSuffix(s, "！") || strings.HasSuffix(s, "？"):
		return endSentence
	case strings.HasSuffix(s, ":"):
		return endColon
	}
	return endNone
}

// isBullet reports whether a line starts with a list marker.
func isBullet(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	switch r {
	case '•', '·', '▪', '►', '▶', '◦', '‣', '*':
		return true
	case '-', '–', '—', '>', '»':
		return len(s) > size && s[size] == ' '
	}
	return false
}

// isDomainDot reports whether the '.' at s[i] joins a host name to its
// top-level domain, as in "example.net/page": lower-case letters on both
// sides, no space, and a short all-letter suffix. "U.S." and "e.g." fail
// the length tests.
func isDomainDot(s string, i int) bool {
	j := i
	for j > 0 && (s[j-1] >= 'a' && s[j-1] <= 'z' || s[j-1] >= '0' && s[j-1] <= '9' || s[j-1] == '-') {
		j--
	}
	if i-j < 2 {
		return false
	}
	k := i + 1
	for k < len(s) && s[k] >= 'a' && s[k] <= 'z' {
		k++
	}
	if n := k - i - 1; n < 2 || n > 6 {
		return false
	}
	return k == len(s) || s[k] == '/' || s[k] == ' ' || s[k] == ')' || s[k] == ',' || s[k] == '.' && (k+1 == len(s) || s[k+1] == ' ') || s[k] == '?' || s[k] == ':'
}

// stopRatio is the share of a line's words that are stop words of lang.
func (l *line) stopRatio(lang int) float64 {
	if l.words == 0 {
		return 0
	}
	return float64(l.stops[lang]) / float64(l.words)
}

// titleRatio is the share of a line's alphabetic words that are
// capitalised.
func (l *line) titleRatio() float64 {
	if l.alphaWord == 0 {
		return 0
	}
	return float64(l.capWords) / float64(l.alphaWord)
}

// dateMatches returns the full dates written in the line.
func (l *line) dateMatches() []dates.Match {
	if !l.datesDone {
		l.datesDone = true
		// A date needs a digit; most lines have none.
		if strings.ContainsAny(l.text, "0123456789") {
			l.dateList = dates.Find(l.text)
		}
	}
	return l.dateList
}

// byline returns the author named by a byline-shaped line.
func (l *line) byline() (string, int, bool) {
	if !l.bylineDone {
		l.bylineDone = true
		if l.words >= 2 && l.words <= 16 {
			l.bylineName, l.bylineAt, _ = parseByline(l.text)
		}
	}
	return l.bylineName, l.bylineAt, l.bylineName != ""
}

// joinWrapped merges hard-wrapped paragraphs (text saved from <pre> blocks
// or mail, broken every 70 to 80 characters) back into one line each, so
// that they are scored as the prose they are. A line continues into the
// next when it has no closing punctuation and the next line starts in lower
// case. lines must be measured.
func joinWrapped(body string, lines []line) []line {
	out := lines[:0]
	for i := 0; i < len(lines); i++ {
		cur := lines[i]
		j := i
		for j+1 < len(lines) && continues(&lines[j], &lines[j+1], body) {
			j++
		}
		if j > i {
			cur = line{text: body[lines[i].b0:lines[j].b1], start: lines[i].start, end: lines[j].end, b0: lines[i].b0, b1: lines[j].b1, wrapped: true}
			cur.measure()
		}
		out = append(out, cur)
		i = j
	}
	return out
}

func continues(a, b *line, body string) bool {
	if a.words < 5 || b.words == 0 || a.url || b.bullet || a.clock {
		return false
	}
	switch a.ending {
	case endSentence, endColon, endTeaser:
		return false
	}
	if strings.Count(body[a.b1:b.b0], "\n") != 1 {
		return false // a blank line ends a paragraph
	}
	if strings.EqualFold(b.first, "by") || b.clock || len(b.dateMatches()) > 0 {
		return false // a byline or date under a headline
	}
	r, _ := utf8.DecodeRuneInString(b.text)
	return unicode.IsLower(r)
}
