package dedup

import (
	"unicode"
	"unicode/utf8"
)

// Byte classes of the ASCII fast path. Most news text is ASCII, or mostly
// so, and going through unicode tables for every byte would cost more than
// all the hashing that follows.
const (
	clSep    = iota // ends a word
	clWord          // part of a word; asciiLower holds its folded form
	clDigit         // a word byte that is also a digit
	clApos          // dropped inside a word: "don't" and "don’t" both give "dont"
	clNumSep        // ',' or '.': dropped between two digits so "1,200" == "1200"
)

var (
	asciiClass [utf8.RuneSelf]uint8
	asciiLower [utf8.RuneSelf]byte
)

func init() {
	for c := range utf8.RuneSelf {
		b := byte(c)
		switch {
		case 'a' <= b && b <= 'z':
			asciiClass[c], asciiLower[c] = clWord, b
		case 'A' <= b && b <= 'Z':
			asciiClass[c], asciiLower[c] = clWord, b+'a'-'A'
		case '0' <= b && b <= '9':
			asciiClass[c], asciiLower[c] = clDigit, b
		case b == '\'':
			asciiClass[c] = clApos
		case b == ',' || b == '.':
			asciiClass[c] = clNumSep
		}
	}
}

// isApostrophe lists the marks that copy desks and CMSes substitute for one
// another inside words (O'Brien, O’Brien, Oʼbrien).
func isApostrophe(r rune) bool {
	return r == '\u2019' || r == '\u2018' || r == '\u02bc' || r == '\u2032' || r == '\uff07'
}

// tokenizer builds the normalised text and remembers where each word starts,
// so shingles can be hashed straight from the normalised bytes without
// splitting into strings.
type tokenizer struct {
	buf    []byte
	starts []int
}

func (t *tokenizer) reset() {
	t.buf = t.buf[:0]
	t.starts = t.starts[:0]
}

// words returns the number of tokens found by the last run.
func (t *tokenizer) words() int { return len(t.starts) }

// span returns the bytes of words [i, j) in the normalised text.
func (t *tokenizer) span(i, j int) []byte {
	end := len(t.buf)
	if j < len(t.starts) {
		end = t.starts[j] - 1 // the separating space
	}
	return t.buf[t.starts[i]:end]
}

// isSplitScript reports letters of scripts written without spaces between
// words. Each such letter is made a word of its own, so that shingles of
// Chinese or Japanese text are character n-grams rather than one token per
// sentence, which would defeat near-duplicate detection.
func isSplitScript(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)
}

// isOptionalMark reports marks that writers add or leave out at will:
// Arabic short-vowel and other harakat, and the tatweel that stretches a
// word for layout. Dropping them lets a vocalised copy meet a bare one.
func isOptionalMark(r rune) bool {
	return (r >= 0x064b && r <= 0x065f) || r == 0x0670 || r == 0x0640
}

func (t *tokenizer) run(text string) {
	t.reset()
	buf, starts := t.buf, t.starts
	if cap(buf) < len(text) {
		buf = make([]byte, 0, len(text)+len(text)/8)
	}
	// split is set while the current word is one letter of a split script,
	// so that whatever letter follows starts a new word.
	inWord, lastDigit, split := false, false, false
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch asciiClass[c] {
			case clWord, clDigit:
				if !inWord || split {
					if len(buf) > 0 {
						buf = append(buf, ' ')
					}
					starts = append(starts, len(buf))
					inWord, split = true, false
				}
				// Copy the whole ASCII run at once; this loop is where
				// most of the text goes through.
				j := i
				for j < len(text) {
					c = text[j]
					// Unsigned wrap-around makes one comparison test
					// for both word classes.
					if c >= utf8.RuneSelf || asciiClass[c]-clWord > clDigit-clWord {
						break
					}
					buf = append(buf, asciiLower[c])
					j++
				}
				lastDigit = asciiClass[text[j-1]] == clDigit
				i = j
				continue
			}
			i++
			switch asciiClass[c] {
			case clApos:
				// Keeping inWord joins the halves; a separator after it
				// still ends the word, so a closing quote is harmless.
			case clNumSep:
				if !(inWord && lastDigit && i < len(text) && text[i] < utf8.RuneSelf && asciiClass[text[i]] == clDigit) {
					inWord = false
				}
			default:
				inWord = false
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case isOptionalMark(r), unicode.Is(unicode.Cf, r):
			// Soft hyphens, zero-width joiners and BOMs are invisible on
			// the page, and scrapers keep or drop them at random.
		case unicode.IsMark(r) && inWord:
			buf = utf8.AppendRune(buf, r)
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			sp := isSplitScript(r)
			if !inWord || split || sp {
				if len(buf) > 0 {
					buf = append(buf, ' ')
				}
				starts = append(starts, len(buf))
				inWord = true
			}
			split = sp
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
			lastDigit = unicode.IsDigit(r)
		case isApostrophe(r):
		default:
			inWord = false
		}
	}
	t.buf, t.starts = buf, starts
}

// Normalize lower-cases text and keeps only its words, runs of Unicode
// letters, digits and combining marks, separated by single spaces; all
// punctuation, quotes, dashes and layout go, so any language that puts
// spaces between words works as is. Apostrophes inside a word are dropped
// rather than splitting it, as are ',' and '.' between digits, invisible
// format characters and optional Arabic vowel marks, so typographic
// variants of one text normalise alike. Letters of scripts written without
// spaces (Chinese, Japanese kana, Thai, Lao, Khmer, Myanmar) are one word
// each. This is the text that Fingerprint.Exact hashes and that shingles
// are cut from.
func Normalize(text string) string {
	s := getScratch()
	defer putScratch(s)
	s.tok.run(text)
	return string(s.tok.buf)
}

// CountWords returns the number of words Normalize would keep.
func CountWords(text string) int {
	s := getScratch()
	defer putScratch(s)
	s.tok.run(text)
	return s.tok.words()
}
