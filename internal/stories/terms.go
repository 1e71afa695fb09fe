package stories

import (
	"strings"
	"unicode"
)

// words splits s into lower-cased word terms: runs of letters and digits,
// without stop words, pure numbers or one-letter words, with a light
// plural/possessive strip so that "raids" and "raid" meet.
func words(s string, fn func(w string)) {
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := strings.ToLower(s[start:end])
		start = -1
		if w = normWord(w); w != "" {
			fn(w)
		}
	}
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(s))
}

// normWord returns the term of a lower-cased word, "" for one to skip.
func normWord(w string) string {
	if len(w) < 2 || stop[w] {
		return ""
	}
	digits := true
	for _, r := range w {
		if !unicode.IsDigit(r) {
			digits = false
			break
		}
	}
	if digits {
		return ""
	}
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		w = w[:len(w)-3] + "y"
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:len(w)-1]
	}
	return w
}

// stop holds English function words and the commonest reporting words,
// which say nothing about which event an article covers.
var stop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are as at be
	because been before being below between both but by can could did do does doing down during each
	few for from further had has have having he her here hers herself him himself his how i if in into
	is it its itself just me more most my myself no nor not now of off on once only or other our ours
	ourselves out over own same she should so some such than that the their theirs them themselves then
	there these they this those through to too under until up very was we were what when where which
	while who whom why will with would you your yours yourself yourselves said says say told tell according
	one two three four five six seven eight nine ten first second last new year years month months day days
	week weeks time times monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
	january february march april may june july august september october november december jan feb mar apr
	jun jul aug sep sept oct nov dec mr mrs ms dr st http https www com html htm org net php asp cfm
	am pm gmt bst est edt pst pdt utc et ap reuters afp news report reported reports reporting
	people including may might must us also like get got went go going make made many much well back
	still even way since around another every among within without via per yet though although whether
	s t ll ve re d m don didn doesn isn wasn weren won wouldn couldn shouldn hasn haven hadn aren`) {
		m[w] = true
	}
	return m
}()
