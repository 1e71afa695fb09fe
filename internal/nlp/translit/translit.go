// Package translit reduces names written in the romanisations of Russian,
// Ukrainian and Belarusian (BGN/PCGN, ISO 9 and scientific, GOST, German,
// Polish, Czech) and in Cyrillic to skeletons those spellings share:
// Grayvoron, Grajvoron and Graivoron; Tyotkino, Tetkino and Тёткино;
// Zelensky, Zelenskyy and Zelenskiy. The gazetteer keys place names with it
// and the entity resolver keys people's and organisations' names, each with
// its own table of spellings, since places must also meet German and
// Polish forms (Charkiw) where people's names must not merge English ch and
// kh (Chernov, Khernov).
package translit

import "strings"

// Fold maps a lower-case rune with diacritics, or a Russian, Ukrainian or
// Belarusian Cyrillic letter, to ASCII; ok is false for other runes.
// Cyrillic follows the scientific system with ASCII digraphs, which a
// skeleton then merges with the English spellings.
func Fold(r rune) (s string, ok bool) {
	s, ok = foldMap[r]
	return s, ok
}

var foldMap = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a",
	'æ': "ae", 'ç': "c", 'ć': "ch", 'ĉ': "ch", 'č': "ch", 'ċ': "c",
	'ď': "d", 'đ': "d", 'ð': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ĕ': "e", 'ė': "e", 'ę': "e", 'ě': "e",
	'ĝ': "g", 'ğ': "g", 'ġ': "g", 'ģ': "g", 'ĥ': "h", 'ħ': "h",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ĩ': "i", 'ī': "i", 'ĭ': "i", 'į': "i", 'ı': "i",
	'ĵ': "j", 'ķ': "k", 'ĺ': "l", 'ļ': "l", 'ľ': "l", 'ŀ': "l", 'ł': "l",
	'ñ': "n", 'ń': "n", 'ņ': "n", 'ň': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ō': "o", 'ŏ': "o", 'ő': "o", 'œ': "oe",
	'ŕ': "r", 'ŗ': "r", 'ř': "rzh",
	'ś': "s", 'ŝ': "sh", 'ş': "sh", 'š': "sh", 'ș': "sh", 'ß': "ss",
	'ţ': "ts", 'ț': "ts", 'ť': "t", 'þ': "th",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ũ': "u", 'ū': "u", 'ŭ': "u", 'ů': "u", 'ű': "u", 'ų': "u",
	'ŵ': "w", 'ý': "y", 'ÿ': "y", 'ŷ': "y",
	'ź': "z", 'ż': "zh", 'ž': "zh",

	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'ґ': "g", 'д': "d", 'е': "e", 'ё': "e", 'є': "je",
	'ж': "zh", 'з': "z", 'и': "i", 'і': "i", 'ї': "ji", 'й': "j", 'к': "k", 'л': "l", 'м': "m",
	'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ў': "u", 'ф': "f",
	'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "",
	'э': "e", 'ю': "ju", 'я': "ja",
}

// Digraph maps one spelling ([0]) to a skeleton symbol ([1]). Symbols in
// upper case cannot be confused with a folded input letter.
type Digraph [2]string

// Rules are a table of spellings and how iotated o is written.
type Rules struct {
	byFirst [256][]Digraph
	// eOnlyAfterConsonant writes glide+o as e only after a consonant
	// ("Tyotkino" = "Tetkino"); elsewhere the glide alone goes ("Yolkin"
	// keeps its o). Without it glide+o is always e.
	eOnlyAfterConsonant bool
}

// NewRules indexes digraphs by first byte, so that a skeleton tries only
// the few that can match at a position; list longer spellings of one
// start first ("shch" before "sh").
func NewRules(ds []Digraph, eOnlyAfterConsonant bool) *Rules {
	r := &Rules{eOnlyAfterConsonant: eOnlyAfterConsonant}
	for _, d := range ds {
		r.byFirst[d[0][0]] = append(r.byFirst[d[0][0]], d)
	}
	return r
}

// Skeleton reduces folded lower-case ASCII s: spellings to symbols, then
// a glide (i from y/j/i) before a vowel dropped, since BGN/PCGN "ya/yu/ye",
// scientific "ja/ju/je" and loose "ia/iu/e" write the same iotation, and
// Russian ё (yo, jo, io, e, ë) read as e; doubled symbols are collapsed
// before and after, so that -iy/-yy/-ii/-y/-i endings meet.
func (r *Rules) Skeleton(s string) string {
	t := make([]byte, 0, len(s)+4)
outer:
	for i := 0; i < len(s); {
		for _, d := range r.byFirst[s[i]] {
			if strings.HasPrefix(s[i:], d[0]) {
				t = append(t, d[1]...)
				i += len(d[0])
				continue outer
			}
		}
		t = append(t, s[i])
		i++
	}
	// A run of glides is one glide ("Kiyev" has i+y).
	t = collapse(t)
	u := t[:0:0]
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c == 'i' && i+1 < len(t) && isVowel(t[i+1]) && t[i+1] != 'i' {
			if t[i+1] == 'o' && (!r.eOnlyAfterConsonant || i > 0 && !isVowel(t[i-1])) {
				u = append(u, 'e')
				i++
			}
			continue
		}
		u = append(u, c)
	}
	return string(collapse(u))
}

func collapse(b []byte) []byte {
	out := b[:0]
	for _, c := range b {
		if n := len(out); n > 0 && out[n-1] == c {
			continue
		}
		out = append(out, c)
	}
	return out
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}
