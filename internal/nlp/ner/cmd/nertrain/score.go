package main

import (
	"bufio"
	"fmt"
	"log"
	"os"
	"sort"
	"strings"

	"github.com/sitrep/sitrep/internal/eval"
	"github.com/sitrep/sitrep/internal/nlp/ner"
	"github.com/sitrep/sitrep/internal/nlp/text"
)

// score reports a saved model on the dev file and the news set; with
// errs it also lists each error with its kind, because the kinds
// (span convention, type confusion, miss, spurious) call for different
// remedies.
func loadModel(path string) *ner.Tagger {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	t, err := ner.Load(f)
	if err != nil {
		log.Fatal(err)
	}
	return t
}

// tagLines shows what a model makes of hand-written sentences.
func tagLines(path string) {
	t := loadModel(path)
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		var ms []string
		for _, m := range t.Tag(text.Analyze(sc.Text(), "en")) {
			ms = append(ms, fmt.Sprintf("%s[%s]", m.Type, m.Text))
		}
		fmt.Printf("%s\n\t%s\n", sc.Text(), strings.Join(ms, " "))
	}
}

func score(path string, dev []ner.Document, news string, errs, noProp bool) {
	t := loadModel(path)
	t.NoPropagate = noProp
	if len(dev) > 0 {
		fmt.Printf("dev  %s\n", ner.ScoreCoNLL(t, dev))
		if errs {
			for _, d := range dev {
				words := make([][]string, len(d.Sents))
				for i, s := range d.Sents {
					words[i] = s.Words
				}
				pred := t.TagSentences(words)
				for i, s := range d.Sents {
					var g, p []eval.NEREntity
					g = spans(s.Words, s.Tags)
					p = spans(s.Words, pred[i])
					listErrors("dev "+d.ID, g, p)
				}
			}
		}
	}
	if news == "" {
		return
	}
	set, err := eval.LoadNERSet(news)
	if err != nil {
		log.Fatal(err)
	}
	predict := func(d eval.NERDoc) []eval.NEREntity {
		var out []eval.NEREntity
		for _, m := range t.Tag(text.Analyze(d.Text, "en")) {
			out = append(out, eval.NEREntity{Start: m.Span.Start, End: m.Span.End, Type: m.Type, Text: m.Text})
		}
		return out
	}
	fmt.Println(eval.ScoreNER(set, "sitrep", func(d eval.NERDoc) ([]eval.NEREntity, error) { return predict(d), nil }))
	if errs {
		for _, d := range set.Docs {
			listErrors("news "+d.ID, d.Gold, predict(d))
		}
	}
}

// spans turns BIO tags into entities whose offsets are token indices.
func spans(words, tags []string) []eval.NEREntity {
	var out []eval.NEREntity
	for i := 0; i < len(tags); {
		if tags[i] == "O" {
			i++
			continue
		}
		ty := tags[i][2:]
		j := i + 1
		for j < len(tags) && tags[j] == "I-"+ty {
			j++
		}
		out = append(out, eval.NEREntity{Start: i, End: j, Type: ty, Text: strings.Join(words[i:j], " ")})
		i = j
	}
	return out
}

func listErrors(where string, gold, pred []eval.NEREntity) {
	key := func(e eval.NEREntity) string { return fmt.Sprint(e.Start, e.End, e.Type) }
	gk, pk := map[string]bool{}, map[string]bool{}
	for _, g := range gold {
		gk[key(g)] = true
	}
	for _, p := range pred {
		pk[key(p)] = true
	}
	sort.Slice(pred, func(i, j int) bool { return pred[i].Start < pred[j].Start })
	usedP := map[int]bool{}
	for _, g := range gold {
		if pk[key(g)] {
			continue
		}
		kind, with := "MISS", ""
		for k, p := range pred {
			if p.Start < g.End && g.Start < p.End && !pk[key(p)] || (p.Start < g.End && g.Start < p.End && !gk[key(p)]) {
				switch {
				case p.Start == g.Start && p.End == g.End:
					kind = "TYPE"
				case p.Type == g.Type:
					kind = "SPAN"
				default:
					kind = "SPANTYPE"
				}
				with = fmt.Sprintf(" <- %s %q", p.Type, p.Text)
				usedP[k] = true
				break
			}
		}
		fmt.Printf("%s\t%s\t%s %q%s\n", where, kind, g.Type, g.Text, with)
	}
	for k, p := range pred {
		if gk[key(p)] || usedP[k] {
			continue
		}
		fmt.Printf("%s\tSPURIOUS\t%s %q\n", where, p.Type, p.Text)
	}
}
