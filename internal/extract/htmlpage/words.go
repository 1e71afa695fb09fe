package htmlpage

import (
	"strings"
	"unicode"
)

// words splits s into lower-cased runs of letters, digits and underscores,
// the tokens the reference metrics count; the selection and cleaning rules
// were measured with them.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r) && r != '_'
	})
}

// containment returns the share of a's words (as a multiset) found in b.
func containment(a, b []string) float64 {
	if len(a) == 0 {
		return 0
	}
	bag := make(map[string]int, len(b))
	for _, w := range b {
		bag[w]++
	}
	hit := 0
	for _, w := range a {
		if bag[w] > 0 {
			bag[w]--
			hit++
		}
	}
	return float64(hit) / float64(len(a))
}
