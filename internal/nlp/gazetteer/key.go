package gazetteer

import (
	"strings"
	"unicode"
)

// Key reduces a place name to a skeleton shared by its usual romanisations
// (BGN/PCGN, ISO 9/scientific, GOST, German, Polish, Czech) and by its
// Cyrillic spelling. It is deliberately lossy: it serves recall, and the
// callers rank the candidates it admits (by population, feature code) rather
// than trusting a key match to be unique.
//
// The pipeline is: fold case, diacritics and Cyrillic to lower-case ASCII
// (š→sh, č→ch, ж→zh, х→kh, ё→e; soft signs and apostrophes vanish), then
// tokenise greedily so that every spelling of one sound yields one symbol,
// then drop glides before vowels and collapse doubled symbols.
func Key(name string) string {
	return skeleton(fold(name))
}

// fold lower-cases s and maps it to ASCII letters, digits and spaces.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		r = unicode.ToLower(r)
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r < 0x80:
			// Apostrophes and quotes transcribe soft/hard signs, which no
			// other spelling writes; hyphens and spaces vary between
			// "Novoye-Devyatkino" and "Novoye Devyatkino". Neither may
			// separate spellings, so all ASCII punctuation goes.
		default:
			if m, ok := foldMap[r]; ok {
				b.WriteString(m)
			}
			// Anything else (CJK, Arabic, modifier letters such as ʹ ʼ)
			// contributes nothing.
		}
	}
	return b.String()
}

// foldMap covers Latin letters with diacritics used by the romanisation
// systems above and by the alternate names in the data, and Russian,
// Ukrainian and Belarusian Cyrillic. Cyrillic follows the scientific
// system with ASCII digraphs, so it lands on the same skeleton as the
// English spellings once skeleton() has merged the variants.
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

// digraphs maps spellings to skeleton symbols, longest first at each
// position. Upper-case letters are symbols that cannot be confused with a
// folded input letter.
//
//   - S: sh, German sch, Polish sz (š was folded to sh).
//   - h: kh, German/Polish/Czech ch, x-less h, English ch/tch, German tsch,
//     Polish cz. English "ch" and "kh" are different sounds, but German and
//     Polish write kh as "ch" (Charkiw, Charków), so only one symbol lets
//     Kharkiv meet Charkiw; Chernihiv/Tschernihiw/Czernihów then also agree.
//   - c: ts, tz, c (Polish/Czech/German c is ts).
//   - z: zh, z (Zhytomyr/Žytomyr; ż and ř were folded to zh).
//   - k: k, ck, q; x is ks (Alexei/Aleksei).
//   - v: v, w; f: f, ph.
//   - i: i, y, j (Grayvoron/Grajvoron/Graivoron).
var digraphs = []struct{ from, to string }{
	{"schtsch", "Sh"}, {"shch", "Sh"}, {"szcz", "Sh"},
	{"tsch", "h"}, {"sch", "S"},
	{"tch", "h"}, {"kh", "h"}, {"ch", "h"}, {"cz", "h"},
	{"sh", "S"}, {"sz", "S"},
	{"ts", "c"}, {"tz", "c"},
	{"zh", "z"},
	{"ck", "k"}, {"q", "k"}, {"x", "ks"},
	{"ph", "f"}, {"w", "v"},
	{"y", "i"}, {"j", "i"},
}

// byFirst holds digraphs by their first byte, so skeleton tries only the
// few that can match at a position; Default keys about a million names at
// load time, which made a scan of the whole list the dominant load cost.
var byFirst = func() (t [256][]struct{ from, to string }) {
	for _, d := range digraphs {
		t[d.from[0]] = append(t[d.from[0]], d)
	}
	return t
}()

func skeleton(s string) string {
	// Pass 1: digraphs to symbols.
	t := make([]byte, 0, len(s)+4)
outer:
	for i := 0; i < len(s); {
		for _, d := range byFirst[s[i]] {
			if strings.HasPrefix(s[i:], d.from) {
				t = append(t, d.to...)
				i += len(d.from)
				continue outer
			}
		}
		t = append(t, s[i])
		i++
	}

	// A run of glides is one glide ("Kiyev" has i+y), so collapse doubles
	// before deciding what is a glide.
	t = collapse(t)

	// Pass 2: glides. A glide (i from y/j/i) before a vowel is how the
	// systems differ in writing iotated vowels: ya/ja/ia, yu/ju/iu, ye/je/e.
	// Russian ё is written yo/jo/io/e/ë, so glide+o becomes e. A glide
	// after a vowel ("Grayvoron", "Aleksey") and before a consonant stays.
	u := t[:0:0]
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c == 'i' && i+1 < len(t) && isVowel(t[i+1]) && t[i+1] != 'i' {
			if t[i+1] == 'o' {
				u = append(u, 'e')
				i++
			}
			continue
		}
		u = append(u, c)
	}

	// Pass 3: collapse doubles, so -iy/-yi/-ii/-y/-i endings meet (all
	// became "ii" or "i"), as do Zaporizhzhia/Zaporizhia and Tetkino/Tëtkino
	// after glide removal.
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
