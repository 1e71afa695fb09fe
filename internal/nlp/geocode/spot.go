package geocode

import (
	"strings"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/nlp/gazetteer"
	"github.com/sitrep/sitrep/internal/nlp/text"
)

// Spot proposes place mentions a tagger missed: runs of capitalised words
// (with "of" inside: "Isle of Man") that overlap none of the taken spans
// and are, as a whole, exactly a demonym ("Canadian", which the geocoder
// reads as Canada) or the name of a country, continent, admin1 area, sea
// or region, a county ("Cuyahoga County"), or a place of at least
// spotMinPop people. A run that opens a
// sentence needs more (an area, or a city of spotMinPopInitial), since a
// capitalised first word is no evidence of a name, and months, weekdays
// and a few words that are also towns are never taken. Pass every
// mention the tagger found, of any type, as taken, so that people and
// organisations named like places ("Paris Hilton", "Jordan") stay theirs.
func Spot(doc text.Doc, taken []model.Span) []Candidate {
	return spot(gazetteer.Default(), doc, taken)
}

const (
	spotMinPop        = 50_000
	spotMinPopInitial = 1_000_000
	spotMaxWords      = 4
)

// spotStop are capitalised words that name towns somewhere but, in
// running text, are almost always something else.
var spotStop = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "god": true, "mobile": true, "reading": true, "split": true,
	"nice": true, "bath": true, "university": true, "police": true, "president": true, "mr": true,
	"mrs": true, "ms": true, "dr": true, "the": true, "a": true, "an": true, "i": true,
	"western": true, "eastern": true, "northern": true, "southern": true, "central": true,
	"federal": true, "capital": true, "village": true, "independence": true, "enterprise": true,
	"liberty": true, "union": true, "victory": true, "progress": true, "orange": true,
}

func spot(g *gazetteer.Gazetteer, doc text.Doc, taken []model.Span) []Candidate {
	starts := make(map[int]bool, len(doc.Sentences))
	for _, s := range doc.Sentences {
		starts[s.First] = true
	}
	rs := []rune(doc.Text)
	overlaps := func(a, b int) bool {
		for _, t := range taken {
			if t.Start < b && a < t.End {
				return true
			}
		}
		return false
	}
	var out []Candidate
	toks := doc.Tokens
	for i := 0; i < len(toks); {
		if !spotWord(toks[i]) {
			i++
			continue
		}
		// The run: capitalised words, and "of" between two of them.
		j := i + 1
		for j < len(toks) {
			if spotWord(toks[j]) {
				j++
				continue
			}
			if strings.EqualFold(toks[j].Text, "of") && j+1 < len(toks) && spotWord(toks[j+1]) && toks[j].Text == "of" {
				j += 2
				continue
			}
			break
		}
		next := j
		if j-i > 1 && toks[i].Text == "The" {
			i++ // "The Atlantic", "The Hague" is one name but rarely written so
		}
		start, end := toks[i].Span.Start, toks[j-1].Span.End
		n := j - i
		if n <= spotMaxWords && !overlaps(start, end) && !(n == 1 && spotStop[strings.ToLower(toks[i].Text)]) {
			name := runeSlice(rs, start, end)
			short := n == 1 && len([]rune(name)) <= 4 && !isAbbrevCountry(name)
			if spotAccept(g, name, short, starts[i] || (i > 0 && starts[i-1] && toks[i-1].IsQuote())) {
				out = append(out, Candidate{Span: model.Span{Start: start, End: end}, Text: name})
			}
		}
		i = next
	}
	return out
}

// spotWord is a capitalised word token that may be part of a name.
func spotWord(t text.Token) bool {
	return t.Kind == text.Word && t.IsTitle() && !t.IsAllCaps() || t.Kind == text.Word && isAbbrevCountry(t.Text)
}

// isAbbrevCountry lets "U.S."/"UK"-style all-capital country names in.
func isAbbrevCountry(s string) bool {
	switch s {
	case "U.S.", "US", "UK", "U.K.", "USA", "UAE", "EU":
		return true
	}
	return false
}

// spotAccept decides on a run; short (a word of up to four letters) needs a
// match on the record's main name, not on an abbreviation ("Que." is an
// alternate of Quebec, "Que" a Spanish word).
func spotAccept(g *gazetteer.Gazetteer, name string, short, initial bool) bool {
	// A demonym stands for its country ("Russian troops"); reference
	// sets annotate them as toponyms, and the geocoder reads them so.
	if _, ok := g.Demonym(name); ok {
		return true
	}
	ms := g.Matches(name)
	if len(ms) == 0 || !ms[0].Exact {
		return false
	}
	for _, m := range ms {
		if !m.Exact {
			break
		}
		if m.Stem || short && !m.Primary {
			continue // "Western" is no name of Western Province
		}
		switch m.Kind {
		case gazetteer.KindCountry, gazetteer.KindContinent, gazetteer.KindAdmin1, gazetteer.KindFeature:
			return true
		case gazetteer.KindAdmin2:
			if m.Primary && !initial {
				return true
			}
		case gazetteer.KindPlace:
			min := spotMinPop
			if initial {
				min = spotMinPopInitial
			}
			if m.Primary && m.Population >= min {
				return true
			}
		}
	}
	return false
}
