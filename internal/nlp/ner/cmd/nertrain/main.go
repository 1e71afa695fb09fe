// Command nertrain trains the entity tagger whose weights internal/nlp/ner
// embeds. It is deterministic: corpora are read in sorted order, documents
// are shuffled with a fixed seed and the epoch count is fixed, so the same
// data gives the same model.bin.gz.
//
//	go run ./internal/nlp/ner/cmd/nertrain -data ../shared/data/ner-train -out internal/nlp/ner/model.bin.gz
//
// With -load it scores a saved model instead (-errors lists each error by
// kind; -stdin tags lines typed in), which works while the rest of the
// repository does not build.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/eval"
	"github.com/sitrep/sitrep/internal/nlp/ner"
	"github.com/sitrep/sitrep/internal/nlp/text"
)

func main() {
	data := flag.String("data", "../shared/data/ner-train", "folder of corpus folders holding train.conll")
	out := flag.String("out", "internal/nlp/ner/model.bin.gz", "where to write the model")
	// Chosen on gum/dev.conll (see the package README).
	epochs := flag.Int("epochs", 5, "training epochs")
	bits := flag.Uint("bits", 21, "log2 of the number of feature buckets")
	seed := flag.Uint64("seed", 1, "shuffle seed")
	weights := flag.String("weights", "gum=3", "share of each corpus's documents used per epoch, name=w,...; others 1")
	dev := flag.String("dev", "", "CoNLL file to score after every epoch (default DATA/gum/dev.conll; kept out of training)")
	news := flag.String("news", "", "also score a shared ner set folder after every epoch (reporting only: never used to choose settings)")
	load := flag.String("load", "", "score this model on -dev and -news instead of training")
	errs := flag.Bool("errors", false, "with -load, list the entities missed and found wrongly")
	noProp := flag.Bool("nopropagate", false, "leave out the rule-based last pass when scoring")
	stdin := flag.Bool("stdin", false, "with -load, tag each line of standard input and print its mentions")
	flag.Parse()
	log.SetFlags(0)

	w := map[string]float64{}
	for _, kv := range strings.Split(*weights, ",") {
		if k, v, ok := strings.Cut(kv, "="); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				log.Fatalf("nertrain: -weights: %v", err)
			}
			w[k] = f
		}
	}
	files, err := filepath.Glob(filepath.Join(*data, "*", "train.conll"))
	if err != nil || len(files) == 0 {
		log.Fatalf("nertrain: no %s/*/train.conll", *data)
	}
	sort.Strings(files)
	var corpora []ner.Corpus
	for _, f := range files {
		name := filepath.Base(filepath.Dir(f))
		weight, ok := w[name]
		if !ok {
			weight = 1
		}
		if weight <= 0 {
			log.Printf("skip %s", name)
			continue
		}
		docs := readFile(f)
		if len(docs) < 10 {
			// Without document marks the sentences are independent
			// (tweets, Wikipedia sentences): one document each, so that
			// the document-level features link nothing across them.
			docs = perSentence(docs)
		}
		log.Printf("%-20s %5d docs weight %.2f", name, len(docs), weight)
		corpora = append(corpora, ner.Corpus{Name: name, Docs: docs, Weight: weight})
	}
	if *dev == "" {
		*dev = filepath.Join(*data, "gum", "dev.conll")
	}
	var devDocs []ner.Document
	if _, err := os.Stat(*dev); err == nil {
		devDocs = readFile(*dev)
	}
	if *load != "" && *stdin {
		tagLines(*load)
		return
	}
	if *load != "" {
		score(*load, devDocs, *news, *errs, *noProp)
		return
	}
	start := time.Now()
	opt := ner.TrainOptions{Epochs: *epochs, Seed: *seed, Bits: *bits}
	var newsSet *eval.NERSet
	if *news != "" {
		if newsSet, err = eval.LoadNERSet(*news); err != nil {
			log.Fatal(err)
		}
	}
	if len(devDocs) > 0 || newsSet != nil {
		opt.Progress = func(ep int, t *ner.Tagger) {
			t.NoPropagate = *noProp
			log.Printf("epoch %2d  %s  dev %s", ep, time.Since(start).Round(time.Second), ner.ScoreCoNLL(t, devDocs))
			if newsSet != nil {
				log.Printf("          %s", eval.ScoreNER(newsSet, "sitrep", func(d eval.NERDoc) ([]eval.NEREntity, error) {
					var out []eval.NEREntity
					for _, m := range t.Tag(text.Analyze(d.Text, "en")) {
						out = append(out, eval.NEREntity{Start: m.Span.Start, End: m.Span.End, Type: m.Type, Text: m.Text})
					}
					return out, nil
				}))
			}
		}
	}
	t := ner.Train(corpora, opt)
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	if err := t.Write(f); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	st, _ := os.Stat(*out)
	fmt.Printf("wrote %s (%.1f MB) in %s\n", *out, float64(st.Size())/1e6, time.Since(start).Round(time.Second))
}

func readFile(path string) []ner.Document {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	docs, err := ner.ReadCoNLL(f)
	if err != nil {
		log.Fatalf("%s: %v", path, err)
	}
	return docs
}

func perSentence(docs []ner.Document) []ner.Document {
	var out []ner.Document
	for _, d := range docs {
		for _, s := range d.Sents {
			out = append(out, ner.Document{ID: d.ID, Sents: []ner.Sentence{s}})
		}
	}
	return out
}
