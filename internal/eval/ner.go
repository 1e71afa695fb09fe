package eval

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
)

// NEREntity is a typed span in code points of its document, end exclusive.
type NEREntity struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Type  string `json:"type"`
	Text  string `json:"text"`
}

// NERDoc is one document of an NER set with its gold entities.
type NERDoc struct {
	ID   string
	Text string
	Gold []NEREntity
}

// NERSet is a named-entity reference set in the shared layout: gold.jsonl
// with {"id", "entities"} and docs/<id>.txt.
type NERSet struct {
	Name string
	Docs []NERDoc
}

// NERTypes are the types scored separately, in the order String prints.
var NERTypes = []string{"PER", "ORG", "LOC"}

// LoadNERSet reads a set folder.
func LoadNERSet(dir string) (*NERSet, error) {
	type gold struct {
		ID       string      `json:"id"`
		Entities []NEREntity `json:"entities"`
	}
	set := &NERSet{Name: filepath.Base(filepath.Clean(dir))}
	err := eachTextDoc(dir, func(g *gold) string { return g.ID }, func(g *gold, text string) error {
		set.Docs = append(set.Docs, NERDoc{ID: g.ID, Text: text, Gold: g.Entities})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return set, nil
}

// NERCounts are the match counts behind one P/R/F1.
type NERCounts struct{ TP, Pred, Gold int }

// PRF turns the counts into precision, recall and F1.
func (c NERCounts) PRF() PRF { return prf(float64(c.TP), float64(c.Pred), float64(c.Gold)) }

func (c *NERCounts) add(o NERCounts) { c.TP += o.TP; c.Pred += o.Pred; c.Gold += o.Gold }

// NERResult scores one system on one set. Counts are pooled over the
// documents (micro averages), as the set's README prescribes for spans.
type NERResult struct {
	Set, System string
	Docs        int
	// Types holds exact span-and-type counts per type; Typed pools them.
	Types map[string]NERCounts
	Typed NERCounts
	// Untyped matches spans whatever their type; Overlap matches spans of
	// the same type that share a code point, each gold entity once, for
	// references whose spans keep titles and appositions.
	Untyped, Overlap NERCounts
}

// ScoreNER runs predict over every document and scores its entities.
// A document whose prediction fails counts as predicting nothing.
func ScoreNER(set *NERSet, system string, predict func(NERDoc) ([]NEREntity, error)) NERResult {
	res := NERResult{Set: set.Name, System: system, Types: map[string]NERCounts{}}
	for _, d := range set.Docs {
		pred, err := predict(d)
		if err != nil {
			pred = nil
		}
		res.Docs++
		res.addDoc(d.Gold, pred)
	}
	return res
}

type spanKey struct {
	a, b int
	ty   string
}

func (r *NERResult) addDoc(gold, pred []NEREntity) {
	exact := map[spanKey]int{}
	spans := map[spanKey]int{}
	for _, g := range gold {
		exact[spanKey{g.Start, g.End, g.Type}]++
		spans[spanKey{g.Start, g.End, ""}]++
		c := r.Types[g.Type]
		c.Gold++
		r.Types[g.Type] = c
	}
	for _, p := range pred {
		c := r.Types[p.Type]
		c.Pred++
		k := spanKey{p.Start, p.End, p.Type}
		if exact[k] > 0 {
			exact[k]--
			c.TP++
		}
		r.Types[p.Type] = c
		if k.ty = ""; spans[k] > 0 {
			spans[k]--
			r.Untyped.TP++
		}
	}
	r.Untyped.Pred += len(pred)
	r.Untyped.Gold += len(gold)
	r.Typed = NERCounts{}
	for _, c := range r.Types {
		r.Typed.add(c)
	}

	// Overlap matching is greedy in text order, which is what a reader
	// checking by hand would do; it is one-to-one on both sides.
	g := append([]NEREntity(nil), gold...)
	p := append([]NEREntity(nil), pred...)
	byStart := func(e []NEREntity) {
		sort.SliceStable(e, func(i, j int) bool { return e[i].Start < e[j].Start })
	}
	byStart(g)
	byStart(p)
	used := make([]bool, len(g))
	for _, x := range p {
		for i, y := range g {
			if !used[i] && x.Type == y.Type && x.Start < y.End && y.Start < x.End {
				used[i] = true
				r.Overlap.TP++
				break
			}
		}
	}
	r.Overlap.Pred += len(pred)
	r.Overlap.Gold += len(gold)
}

// String formats the result as one line of the eval table.
func (r NERResult) String() string {
	var b strings.Builder
	t := r.Typed.PRF()
	fmt.Fprintf(&b, "ner/%s %-8s docs %d  gold %d found %d  P %.3f R %.3f F1 %.3f", r.Set, r.System, r.Docs,
		r.Typed.Gold, r.Typed.Pred, t.P, t.R, t.F)
	for _, ty := range NERTypes {
		c := r.Types[ty]
		fmt.Fprintf(&b, "  %s %.3f/%.3f/%.3f", ty, c.PRF().P, c.PRF().R, c.PRF().F)
	}
	fmt.Fprintf(&b, "  untyped F1 %.3f  overlap F1 %.3f", r.Untyped.PRF().F, r.Overlap.PRF().F)
	return b.String()
}
