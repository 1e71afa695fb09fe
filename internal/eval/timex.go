package eval

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Temporal expression scoring, as TempEval-3 defines it: extraction by
// strict (same span) and relaxed (any overlap) matching, then type and
// value accuracy over the relaxed matches.

// TimexSpan is one temporal expression, gold or predicted; offsets are
// code points.
type TimexSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
}

// TimexDoc is one document of a set with its gold expressions.
type TimexDoc struct {
	ID      string
	DCT     time.Time
	Text    string
	Timexes []TimexSpan
}

// TimexSet is a reference set in the shared layout.
type TimexSet struct {
	Name string
	Docs []TimexDoc
}

// LoadTimexSet reads dir/gold.jsonl ({"id", "dct", "timexes"}) and each
// document's dir/docs/<id>.txt.
func LoadTimexSet(dir string) (*TimexSet, error) {
	type gold struct {
		ID      string      `json:"id"`
		DCT     string      `json:"dct"`
		Timexes []TimexSpan `json:"timexes"`
	}
	set := &TimexSet{Name: setName(dir)}
	err := eachTextDoc(dir, func(g *gold) string { return g.ID }, func(g *gold, text string) error {
		var dct time.Time
		if g.DCT != "" {
			var err error
			if dct, err = time.Parse("2006-01-02", g.DCT); err != nil {
				return fmt.Errorf("dct: %w", err)
			}
		}
		n := len([]rune(text))
		for _, t := range g.Timexes {
			if t.Start < 0 || t.End <= t.Start || t.End > n {
				return fmt.Errorf("span %d-%d outside a text of %d", t.Start, t.End, n)
			}
		}
		set.Docs = append(set.Docs, TimexDoc{ID: g.ID, DCT: dct, Text: text, Timexes: g.Timexes})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return set, nil
}

// TimexError is one disagreement: a gold expression missed, a predicted
// one not in the gold, or a match with another type or value.
type TimexError struct {
	ID         string
	Kind       string // missed, spurious, type, value
	Gold, Pred *TimexSpan
}

func (e TimexError) String() string {
	show := func(s *TimexSpan) string {
		if s == nil {
			return "-"
		}
		return fmt.Sprintf("%q %s %s", s.Text, s.Type, s.Value)
	}
	return fmt.Sprintf("%s %s: gold %s, found %s", e.ID, e.Kind, show(e.Gold), show(e.Pred))
}

// TimexResult is the score of one set.
type TimexResult struct {
	Set              string
	Docs, Gold, Pred int
	// StrictTP counts matches with the same span, RelaxedTP all matches.
	StrictTP, RelaxedTP int
	Strict, Relaxed     PRF
	// TypeRight and ValueRight count relaxed matches with the gold's type
	// and value; the accuracies divide them by RelaxedTP.
	TypeRight, ValueRight int
	TypeAcc, ValueAcc     float64
	TypeF1, ValueF1       float64
	Errors                []TimexError
}

// ScoreTimex runs find on every document and scores what it returns.
func ScoreTimex(set *TimexSet, find func(TimexDoc) []TimexSpan) TimexResult {
	r := TimexResult{Set: set.Name, Docs: len(set.Docs)}
	for _, d := range set.Docs {
		r.add(d.ID, d.Timexes, find(d))
	}
	r.finish()
	return r
}

// add matches one document's expressions one to one: same spans first,
// then the largest overlaps, so that each gold expression is matched once.
func (r *TimexResult) add(id string, gold, pred []TimexSpan) {
	r.Gold += len(gold)
	r.Pred += len(pred)
	gm := make([]int, len(gold))
	pm := make([]int, len(pred))
	for i := range gm {
		gm[i] = -1
	}
	for i := range pm {
		pm[i] = -1
	}
	type pair struct{ g, p, ov int }
	var pairs []pair
	for gi, g := range gold {
		for pi, p := range pred {
			if ov := min(g.End, p.End) - max(g.Start, p.Start); ov > 0 {
				if g.Start == p.Start && g.End == p.End {
					ov = 1 << 30
				}
				pairs = append(pairs, pair{gi, pi, ov})
			}
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool { return pairs[a].ov > pairs[b].ov })
	for _, x := range pairs {
		if gm[x.g] >= 0 || pm[x.p] >= 0 {
			continue
		}
		gm[x.g], pm[x.p] = x.p, x.g
		g, p := gold[x.g], pred[x.p]
		r.RelaxedTP++
		if g.Start == p.Start && g.End == p.End {
			r.StrictTP++
		}
		if g.Type == p.Type {
			r.TypeRight++
		} else {
			r.Errors = append(r.Errors, TimexError{id, "type", &gold[x.g], &pred[x.p]})
		}
		if g.Value == p.Value {
			r.ValueRight++
		} else {
			r.Errors = append(r.Errors, TimexError{id, "value", &gold[x.g], &pred[x.p]})
		}
	}
	for gi := range gold {
		if gm[gi] < 0 {
			r.Errors = append(r.Errors, TimexError{id, "missed", &gold[gi], nil})
		}
	}
	for pi := range pred {
		if pm[pi] < 0 {
			r.Errors = append(r.Errors, TimexError{id, "spurious", nil, &pred[pi]})
		}
	}
}

func (r *TimexResult) finish() {
	r.Strict = prf(float64(r.StrictTP), float64(r.Pred), float64(r.Gold))
	r.Relaxed = prf(float64(r.RelaxedTP), float64(r.Pred), float64(r.Gold))
	if r.RelaxedTP > 0 {
		r.TypeAcc = float64(r.TypeRight) / float64(r.RelaxedTP)
		r.ValueAcc = float64(r.ValueRight) / float64(r.RelaxedTP)
	}
	// TempEval-3's attribute F1: relaxed F1 scaled by the attribute's
	// accuracy on the matches.
	r.TypeF1 = r.Relaxed.F * r.TypeAcc
	r.ValueF1 = r.Relaxed.F * r.ValueAcc
}

// String formats the result as one line of the eval table.
func (r TimexResult) String() string {
	var b strings.Builder
	name := r.Set
	if name == "" {
		name = "-"
	}
	fmt.Fprintf(&b, "%s  docs %d  timexes gold %d found %d", name, r.Docs, r.Gold, r.Pred)
	fmt.Fprintf(&b, "  strict P %.3f R %.3f F1 %.3f", r.Strict.P, r.Strict.R, r.Strict.F)
	fmt.Fprintf(&b, "  relaxed P %.3f R %.3f F1 %.3f", r.Relaxed.P, r.Relaxed.R, r.Relaxed.F)
	fmt.Fprintf(&b, "  type acc %.3f F1 %.3f  value acc %.3f F1 %.3f", r.TypeAcc, r.TypeF1, r.ValueAcc, r.ValueF1)
	return b.String()
}
