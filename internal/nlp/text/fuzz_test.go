package text

import "testing"

// FuzzAnalyze: any input, valid UTF-8 or not, in any rule set, analyses
// without panicking into spans that keep every promise check makes.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"", ".", "a", "'", "n't", "a'", "'s", "Mr.", "U.S.-", "1.", "3. Oktober", "x@y.", "@", "#", "http://", "www.a",
		`KYIV, March 21 (Reuters) - "We will win," Gen. J. R. Smith said. It's 3.5%… Then?`,
		"LONDON —\n\n—", "(Reuters) -", "«Київ» — 東京。カレー", "\xff\xfe1.\x80", "a\u200d\u200db", "\u00ad.", "👍🏽🇺🇦🇺",
		"l'x qu'", "A.B.C.D.E.F.G.H.I.J.K.L.M.N.O.P.", "1.2.3.4.", "e.g.,", "\"'\"'", "“”‘’„‚«»‹›", "x\r\n\r\ny", "\u2029\u2028",
	} {
		f.Add(s, uint8(0))
	}
	langs := []string{"en", "de", "fr", "ru", "zh"}
	f.Fuzz(func(t *testing.T, text string, l uint8) {
		d := Analyze(text, langs[int(l)%len(langs)])
		check(t, text, d)
	})
}
