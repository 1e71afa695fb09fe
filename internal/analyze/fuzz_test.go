package analyze

import (
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzText checks what every consumer of an analysis relies on, whatever
// the text: spans inside the text and in order, and each value's text the
// words its span covers.
func FuzzText(f *testing.F) {
	for _, s := range []string{
		"",
		"Fighters of the Northern Shield Brigade (NSB) reached Kharkiv on Monday, said Ilya Voronin.",
		"Legion “Freedom for Ingria” and the “Free Ingria” legion met Mr Voronin in the Belgorod and Kursk regions.",
		"(((AFP))) \u0000 \u200b Ёж в Тёткино. U.S. Secretary of State X said: \"the group\".",
		"Mr\n\nMr. (A) (B C) the Legion the group the governor",
	} {
		f.Add(s)
	}
	pub := time.Date(2024, 3, 15, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || len(s) > 4000 {
			return
		}
		r := Text(s, Options{Published: pub})
		runes := []rune(s)
		check := func(kind, text string, start, end int) {
			if start < 0 || end > len(runes) || start >= end {
				t.Fatalf("%s %q has span [%d,%d) in a text of %d code points", kind, text, start, end, len(runes))
			}
			if got := string(runes[start:end]); got != text {
				t.Fatalf("%s %q spans %q", kind, text, got)
			}
		}
		for _, e := range r.Entities {
			check("entity", e.Text, e.Start, e.End)
		}
		for _, p := range r.Places {
			check("place", p.Text, p.Start, p.End)
		}
		for _, d := range r.Dates {
			check("date", d.Text, d.Start, d.End)
		}
		for i, sp := range r.Sentences {
			if sp.Start < 0 || sp.End > len(runes) || sp.Start > sp.End || i > 0 && sp.Start < r.Sentences[i-1].End {
				t.Fatalf("sentence %d span %+v out of order or range", i, sp)
			}
		}
	})
}
