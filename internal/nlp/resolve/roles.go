package resolve

import (
	"strings"

	"github.com/sitrep/sitrep/internal/model"
)

// roleNouns are written, lower case, before the name of the person who
// holds the role: "military blogger Rybar", "the journalist Anna Petrova".
var roleNouns = set("blogger", "journalist", "reporter", "correspondent", "commentator", "analyst",
	"spokesman", "spokeswoman", "spokesperson", "commander", "fighter", "activist", "lawmaker",
	"politician", "businessman", "businesswoman", "oligarch", "writer", "author", "historian",
	"researcher", "expert", "volunteer", "soldier", "officer", "governor", "mayor", "minister",
	"president", "senator", "ambassador", "envoy", "leader", "chief", "deputy", "adviser", "advisor")

// institutions are buildings and places that news uses as the name of the
// body inside them. The tagger, trained mostly on other text, often
// misses them or calls them places.
var institutions = map[string]string{
	"kremlin": "Kremlin", "white house": "White House", "pentagon": "Pentagon",
	"downing street": "Downing Street", "elysee": "Élysée", "élysée": "Élysée",
	"state department": "State Department", "verkhovna rada": "Verkhovna Rada",
	"bundestag": "Bundestag", "knesset": "Knesset", "state duma": "State Duma",
}

// followsName reports whether token j, right after a one-word name, can
// be the next sentence part rather than the name's second word: another
// name, or a verb form capitalised by a careless translation ("the news
// agency Tass Citing ...").
func (r *resolver) followsName(j int) bool {
	if j >= len(r.doc.Tokens) || !isCapWord(r.doc.Tokens[j]) {
		return true
	}
	if r.covered(j) {
		return true
	}
	w := lower(r.doc.Tokens[j])
	if strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed") {
		return true
	}
	// A surname the document names elsewhere: "the news magazine X
	// Baranovsky claimed", where the tagger missed this occurrence.
	for _, c := range r.cands {
		if !c.gone && c.typ == "PER" && c.t1 > c.t0 && r.doc.Tokens[c.t1-1].Text == r.doc.Tokens[j].Text {
			return true
		}
	}
	return false
}

// roles adds the person named right after a role noun ("military blogger
// Rybar") and after a capitalised office ("U.S. Secretary of State Antony
// Blinken"), when the tagger found nothing there.
func (r *resolver) roles() {
	toks := r.doc.Tokens
	for i := 0; i+1 < len(toks); i++ {
		w := lower(toks[i])
		// Lower case, only role nouns ("blogger"); capitalised, offices
		// too ("Secretary", "Gen."), since "general" or "major" in lower
		// case is mostly not an office.
		office := isCapWord(toks[i]) && titleWords[strings.TrimSuffix(w, ".")]
		if !office && (!roleNouns[w] || isCapWord(toks[i])) {
			continue
		}
		// A capitalised office may run over several words ("Secretary of
		// State"); the name starts after the last of them.
		j := i + 1
		if office {
			for j < len(toks) && (titleWords[strings.TrimSuffix(lower(toks[j]), ".")] || lower(toks[j]) == "of" || lower(toks[j]) == "state") {
				j++
			}
		}
		if j >= len(toks) || !isCapWord(toks[j]) || r.covered(j) || notNames[lower(toks[j])] || !toks[j].SpaceBefore {
			continue
		}
		if toks[j].IsAllCaps() {
			continue // "spokesman UN ..." names a body, not a person
		}
		k := j + 1
		for k < len(toks) && k < j+3 && isCapWord(toks[k]) && !toks[k].IsAllCaps() && !r.covered(k) && !notNames[lower(toks[k])] {
			k++
		}
		if k == j+1 && !r.followsName(k) {
			continue
		}
		if office && k-j < 2 {
			// After a capitalised office a lone word is as likely a place
			// ("Governor Belgorod region") as a surname: want two.
			continue
		}
		r.add(&cand{t0: j, t1: k, typ: "PER", source: SourcePattern,
			reason: "name after the role \"" + toks[i].Text + "\""}, false)
	}
}

// institutionNames adds the bodies named after their buildings ("the
// Kremlin said") that the tagger left out or called places.
func (r *resolver) institutionNames() {
	toks := r.doc.Tokens
	for i := range toks {
		if !isCapWord(toks[i]) {
			continue
		}
		for n := 2; n >= 1; n-- {
			if i+n > len(toks) {
				continue
			}
			words := make([]string, n)
			ok := true
			for k := 0; k < n; k++ {
				if !isCapWord(toks[i+k]) {
					ok = false
				}
				words[k] = lower(toks[i+k])
			}
			if !ok {
				continue
			}
			if _, known := institutions[strings.Join(words, " ")]; !known {
				continue
			}
			r.splitConjunct(i, i+n)
			r.add(&cand{t0: i, t1: i + n, typ: "ORG", source: SourcePattern,
				reason: "institution named after its seat"}, true)
			break
		}
	}
}

// splitConjunct undoes the tagger's joining of two names over "and" when
// one of them is the institution at tokens [t0, t1) ("Kremlin and Putin"
// as one organisation): the tagged mention keeps the other conjunct.
func (r *resolver) splitConjunct(t0, t1 int) {
	toks := r.doc.Tokens
	for _, o := range r.cands {
		if o.gone || o.t0 > t0 || o.t1 < t1 || (o.t0 == t0 && o.t1 == t1) {
			continue
		}
		switch {
		case o.t0 == t0 && t1+1 < o.t1 && lower(toks[t1]) == "and":
			o.t0 = t1 + 1
		case o.t1 == t1 && o.t0 < t0-1 && lower(toks[t0-1]) == "and":
			o.t1 = t0 - 1
		default:
			continue
		}
		o.span = model.Span{Start: toks[o.t0].Span.Start, End: toks[o.t1-1].Span.End}
		o.text = string(r.runes[o.span.Start:o.span.End])
		o.reason = "split from the institution joined to it by \"and\""
	}
}
