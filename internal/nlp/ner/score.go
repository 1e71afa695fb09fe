package ner

import "fmt"

// CoNLLScore is entity-level exact-match counts per type on CoNLL data.
type CoNLLScore struct {
	TP, Pred, Gold map[string]int
}

func (s CoNLLScore) f(ty string) (p, r, f float64) {
	tp, pr, g := 0, 0, 0
	for k := range s.Gold {
		if ty == "" || k == ty {
			tp += s.TP[k]
			g += s.Gold[k]
		}
	}
	for k := range s.Pred {
		if ty == "" || k == ty {
			pr += s.Pred[k]
		}
	}
	if pr > 0 {
		p = float64(tp) / float64(pr)
	}
	if g > 0 {
		r = float64(tp) / float64(g)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

func (s CoNLLScore) String() string {
	p, r, f := s.f("")
	out := fmt.Sprintf("P %.3f R %.3f F1 %.3f", p, r, f)
	for _, ty := range []string{"PER", "ORG", "LOC"} {
		_, _, f := s.f(ty)
		out += fmt.Sprintf("  %s %.3f", ty, f)
	}
	return out
}

type ent struct {
	a, b int
	ty   string
}

func entities(tags []string) []ent {
	var out []ent
	for i := 0; i < len(tags); {
		t := tags[i]
		if t == "O" {
			i++
			continue
		}
		ty := t[2:]
		j := i + 1
		for j < len(tags) && tags[j] == "I-"+ty {
			j++
		}
		out = append(out, ent{i, j, ty})
		i = j
	}
	return out
}

// ScoreCoNLL tags the documents' words and compares the entities with
// their gold tags, for choosing training settings on a dev file.
func ScoreCoNLL(t *Tagger, docs []Document) CoNLLScore {
	s := CoNLLScore{TP: map[string]int{}, Pred: map[string]int{}, Gold: map[string]int{}}
	for _, d := range docs {
		words := make([][]string, len(d.Sents))
		for i, x := range d.Sents {
			words[i] = x.Words
		}
		pred := t.TagSentences(words)
		for i, x := range d.Sents {
			gold := map[ent]bool{}
			for _, e := range entities(x.Tags) {
				gold[e] = true
				s.Gold[e.ty]++
			}
			for _, e := range entities(pred[i]) {
				s.Pred[e.ty]++
				if gold[e] {
					s.TP[e.ty]++
				}
			}
		}
	}
	return s
}
