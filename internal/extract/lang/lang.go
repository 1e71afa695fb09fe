// Package lang guesses the language of a text with whatlanggo's trigram
// profiles, restricted to the languages sitrep expects to meet in news.
package lang

import (
	"strings"
	"unicode"

	"github.com/RadhiFadlillah/whatlanggo"
)

// DefaultAllow lists the ISO 639-1 codes Detect may return. Restricting the
// candidates matters more than it looks: whatlanggo knows 84 languages, and
// on short news paragraphs a rare neighbour (Tagalog for English, Slovene for
// Croatian) often wins by a hair. The list covers the major news languages.
var DefaultAllow = []string{
	"ar", "bg", "cs", "da", "de", "el", "en", "es", "fa", "fi", "fr", "he",
	"hi", "hr", "hu", "id", "it", "ja", "ko", "nl", "nb", "pl", "pt", "ro",
	"ru", "sr", "sv", "th", "tr", "uk", "ur", "vi", "zh",
}

// Limits below which a guess is not worth returning. Trigram profiles need a
// few dozen letters before their ranking means anything. On 6,500 text
// prefixes of 60 to 4,000 characters from the extract-html reference pages,
// guesses under confidence 0.2 were right 35-70% of the time, between 0.2 and
// 0.3 about 80%, and from 0.3 up 89-100%.
const (
	DefaultMinLetters    = 20
	DefaultMinConfidence = 0.3
	// maxRunes bounds the work on long texts; a few thousand characters
	// settle the language as well as a whole article does.
	maxRunes = 4000
)

// Detector guesses languages among an allow-list. The zero value is not
// usable; build one with New.
type Detector struct {
	allow         map[whatlanggo.Lang]bool
	codes         map[string]bool
	MinLetters    int
	MinConfidence float64
}

// New returns a Detector limited to the given ISO 639-1 codes (DefaultAllow
// when codes is empty). Codes whatlanggo does not know are ignored.
func New(codes ...string) *Detector {
	if len(codes) == 0 {
		codes = DefaultAllow
	}
	d := &Detector{
		allow:         map[whatlanggo.Lang]bool{},
		codes:         map[string]bool{},
		MinLetters:    DefaultMinLetters,
		MinConfidence: DefaultMinConfidence,
	}
	for _, c := range codes {
		c = strings.ToLower(strings.TrimSpace(c))
		if l, ok := fromISO1[c]; ok {
			d.allow[l] = true
			d.codes[c] = true
		}
	}
	return d
}

var defaultDetector = New()

// Detect returns the ISO 639-1 code of the text's language and a confidence
// in 0..1, choosing among DefaultAllow; "" and 0 when the text is too short
// or the guess is unreliable.
func Detect(text string) (string, float64) {
	return defaultDetector.Detect(text)
}

// Detect is the package-level Detect with this Detector's allow-list and
// thresholds.
func (d *Detector) Detect(text string) (string, float64) {
	text = head(text, maxRunes)
	letters, han, kana := countLetters(text)
	if letters < d.MinLetters {
		return "", 0
	}
	var code string
	var conf float64
	switch {
	case (han+kana)*2 > letters && kana*20 >= han+kana:
		// whatlanggo only calls text Japanese when kana outnumber kanji,
		// but ordinary Japanese prose is often kanji-heavy; any real share
		// of kana rules Chinese out.
		code, conf = "ja", 1
	case han*2 > letters:
		code, conf = "zh", 1
	default:
		info := whatlanggo.DetectWithOptions(text, whatlanggo.Options{Whitelist: d.allow})
		if info.Lang < 0 {
			return "", 0
		}
		code, conf = info.Lang.Iso6391(), info.Confidence
	}
	if !d.codes[code] || conf < d.MinConfidence {
		return "", 0
	}
	return code, conf
}

// head returns at most n runes of s, cut at a space when one is near so the
// last word stays whole.
func head(s string, n int) string {
	if len(s) <= n {
		return s
	}
	count := 0
	for i := range s {
		if count == n {
			if sp := strings.LastIndexByte(s[:i], ' '); sp > 0 && sp > i-40 {
				return s[:sp]
			}
			return s[:i]
		}
		count++
	}
	return s
}

func countLetters(s string) (letters, han, kana int) {
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
			letters++
		case unicode.In(r, unicode.Hiragana, unicode.Katakana):
			kana++
			letters++
		case unicode.IsLetter(r):
			letters++
		}
	}
	return letters, han, kana
}

// fromISO1 maps ISO 639-1 codes to whatlanggo's ISO 639-3 languages. "no"
// is accepted for Norwegian Bokmål because pages declare it more often than
// "nb".
var fromISO1 = func() map[string]whatlanggo.Lang {
	m := map[string]whatlanggo.Lang{}
	for l := whatlanggo.Afr; l <= whatlanggo.Zul; l++ {
		if c := l.Iso6391(); c != "" {
			m[c] = l
		}
	}
	m["no"] = whatlanggo.Nob
	return m
}()

// ISO1 converts an ISO 639-3 code (as whatlanggo names languages) to ISO
// 639-1; "" when there is none.
func ISO1(iso3 string) string {
	l := whatlanggo.CodeToLang(strings.ToLower(iso3))
	if l < 0 {
		return ""
	}
	return l.Iso6391()
}
