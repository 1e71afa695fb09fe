package gazetteer

import (
	"strings"
	"unicode"

	"github.com/sitrep/sitrep/internal/nlp/translit"
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
	return placeRules.Skeleton(fold(name))
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
			if m, ok := translit.Fold(r); ok {
				b.WriteString(m)
			}
			// Anything else (CJK, Arabic, modifier letters such as ʹ ʼ)
			// contributes nothing.
		}
	}
	return b.String()
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
var placeRules = translit.NewRules([]translit.Digraph{
	{"schtsch", "Sh"}, {"shch", "Sh"}, {"szcz", "Sh"},
	{"tsch", "h"}, {"sch", "S"},
	{"tch", "h"}, {"kh", "h"}, {"ch", "h"}, {"cz", "h"},
	{"sh", "S"}, {"sz", "S"},
	{"ts", "c"}, {"tz", "c"},
	{"zh", "z"},
	{"ck", "k"}, {"q", "k"}, {"x", "ks"},
	{"ph", "f"}, {"w", "v"},
	{"y", "i"}, {"j", "i"},
}, false)
