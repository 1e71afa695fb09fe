// Package analyze runs the language stages over one article's text, in
// order: sentences and tokens (nlp/text), names (nlp/ner), names grouped
// into the article's entities (nlp/resolve), places put on the map
// (nlp/geocode) and dates normalised against the publication date
// (nlp/timex). It is the one place that knows the order; the stages do not
// import each other sideways, and the store and the CLI call only this.
package analyze

import (
	"sort"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/nlp/gazetteer"
	"github.com/sitrep/sitrep/internal/nlp/geocode"
	"github.com/sitrep/sitrep/internal/nlp/ner"
	"github.com/sitrep/sitrep/internal/nlp/resolve"
	"github.com/sitrep/sitrep/internal/nlp/text"
	"github.com/sitrep/sitrep/internal/nlp/timex"
)

// Version names this analyser. Bump it whenever a stage's model, data or
// rules change in a way that changes output, so that stores analyse their
// articles again (sitrep ingest catches up; sitrep entities --rebuild
// forces it).
const Version = "analyze/1"

// Options tell the analyser what it cannot read from the text alone.
type Options struct {
	// Published anchors relative dates ("on Tuesday"); zero leaves their
	// values empty.
	Published time.Time
	// Language is the article's ISO 639-1 code; "" is taken as English.
	Language string
	// Outlets are names the article's metadata knows as news
	// organisations: its outlet and its credited source. A name in the
	// text equal to one is an organisation whatever the tagger says
	// ("hosted by Ukrinform").
	Outlets []string
}

// Result is an analysis with the intermediate document kept for callers
// that need tokens or sentence text (later stages: claims, events).
type Result struct {
	model.Analysis
	Doc text.Doc
	// Local are the article's entities as resolve grouped them; the
	// EntityMention.Canonical fields point at them by name.
	Local []resolve.Entity
}

// supported says which languages the tagger and the date rules were built
// for. Other languages get sentences only: an English model on German text
// finds capitalised nouns, not names, and a wrong name is worse than none.
func supported(lang string) bool { return lang == "" || lang == "en" }

// Text analyses one text. It never fails: a stage that finds nothing
// contributes nothing.
func Text(txt string, opt Options) Result {
	doc := text.Analyze(txt, opt.Language)
	r := Result{Doc: doc}
	r.Version = Version
	r.Sentences = make([]model.Span, len(doc.Sentences))
	for i, s := range doc.Sentences {
		r.Sentences[i] = s.Span
	}
	if !supported(opt.Language) {
		return r
	}
	rd := resolve.InDoc(doc, ner.Default().Tag(doc))
	outletTypes(rd, opt.Outlets)
	r.Local = rd.Entities
	var cands []geocode.Candidate
	for _, m := range rd.Mentions {
		// A mention takes its entity's type and name, so that one entity
		// never shows two types within an article.
		canon, typ := m.Text, m.Type
		if m.Entity >= 0 && m.Entity < len(rd.Entities) {
			canon, typ = rd.Entities[m.Entity].Canonical, rd.Entities[m.Entity].Type
		}
		r.Entities = append(r.Entities, model.EntityMention{
			Span: m.Span, Text: m.Text, Type: typ, Canonical: canon,
			Source: m.Source, Reason: m.Reason,
		})
		if typ == "LOC" {
			cands = append(cands, geocode.Candidate{Span: m.Span, Text: m.Text})
		}
	}
	sort.SliceStable(r.Entities, func(i, j int) bool { return r.Entities[i].Start < r.Entities[j].Start })
	// Places the tagger missed ("Canadian" officials, a county): proposed
	// only where no name was found, so that people and organisations
	// named like places stay theirs.
	taken := make([]model.Span, len(rd.Mentions))
	for i, m := range rd.Mentions {
		taken[i] = m.Span
	}
	cands = append(cands, geocode.Spot(doc, taken)...)
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].Span.Start < cands[j].Span.Start })
	for _, g := range geocode.Resolve(doc, cands) {
		if strings.HasPrefix(g.Reason, "not in the gazetteer") {
			// A guess for a name the gazetteer lacks (a street, a
			// misspelling, a person the tagger took for a place) would
			// put the wrong words on the map; the eval of gold spans may
			// want it, an analyst does not.
			continue
		}
		r.Places = append(r.Places, model.PlaceMention{
			Span: g.Span, Text: g.Text, Name: g.Place.Name,
			Lat: g.Place.Lat, Lon: g.Place.Lon, Country: g.Place.Country,
			Admin1: g.Place.Admin1Name, Kind: g.Place.Kind, GeonameID: g.Place.ID,
			Score: g.Score, Reason: g.Reason, Metonymy: g.Metonymy,
			Inferred: !names(g),
		})
	}
	for _, e := range timex.Find(doc, opt.Published) {
		r.Dates = append(r.Dates, model.DateMention{
			Span: e.Span, Text: e.Text, Type: e.Type, Value: e.Value,
			Precision: e.Precision, Role: e.Role, Anchor: e.Anchor,
		})
	}
	return r
}

// names reports whether the words of a geocoded mention name its place
// themselves (any spelling the gazetteer knows, or the place's region
// written with its generic word) rather than a longer name it was read
// from.
func names(g geocode.Result) bool {
	for _, p := range gazetteer.Default().Lookup(g.Text) {
		if p.ID == g.Place.ID {
			return true
		}
	}
	// "Belgorod" in "the Belgorod region" names the region.
	return g.Place.Kind == gazetteer.KindAdmin1 && g.Reason == "region named"
}

// outletTypes makes the entities named like one of the article's outlets
// organisations, and says so on their mentions.
func outletTypes(rd resolve.Doc, outlets []string) {
	keys := map[string]bool{}
	for _, o := range outlets {
		if k := resolve.NameKey(o); k != "" {
			keys[k] = true
		}
	}
	if len(keys) == 0 {
		return
	}
	for i := range rd.Entities {
		e := &rd.Entities[i]
		if e.Type == "ORG" || !keys[resolve.NameKey(e.Canonical)] {
			continue
		}
		why := "an organisation: the article's metadata names it as a news outlet (tagged " + e.Type + ")"
		e.Type = "ORG"
		for _, mi := range e.Mentions {
			rd.Mentions[mi].Type = "ORG"
			if rd.Mentions[mi].Reason == "" {
				rd.Mentions[mi].Reason = why
			} else {
				rd.Mentions[mi].Reason += "; " + why
			}
		}
	}
}

// Published reads an article's YYYY-MM-DD date; zero when unknown.
func Published(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}
	}
	return t
}
