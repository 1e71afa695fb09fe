package dedup

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFingerprint: any text, valid UTF-8 or not, fingerprints without
// panicking, normalises to words separated by single spaces, and compares
// equal to itself.
func FuzzFingerprint(f *testing.F) {
	for _, s := range []string{"", "a", "1.5", "3,’", "12.€", "Don’t stop 1,200 times.", "Київ, 21 березня", "東京都", "\xff\xfe1.\x80", "ab'", "x\u200by"} {
		f.Add(s)
	}
	h, err := New(DefaultOptions())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		n := Normalize(text)
		if strings.Contains(n, "  ") || strings.HasPrefix(n, " ") || strings.HasSuffix(n, " ") {
			t.Fatalf("Normalize(%q) = %q", text, n)
		}
		if utf8.ValidString(text) && !utf8.ValidString(n) {
			t.Fatalf("Normalize(%q) is not UTF-8: %q", text, n)
		}
		fp := h.Fingerprint(text)
		if !slices.IsSorted(fp.Shingles) {
			t.Fatal("shingles not sorted")
		}
		if n == "" {
			if len(fp.Keys) != 0 {
				t.Fatalf("keys for a text without words: %q", text)
			}
			return
		}
		if m := h.Compare(fp, fp); !m.Copy || !m.Exact || m.Jaccard != 1 {
			t.Fatalf("a text is not a copy of itself: %+v", m)
		}
		if !h.Plausible(fp.Sketch, fp.Sketch) {
			t.Fatal("a text screened out against itself")
		}
	})
}
