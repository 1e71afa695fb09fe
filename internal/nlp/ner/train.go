package ner

import (
	"math/rand/v2"
)

// TrainOptions fix everything a training run depends on, so that the same
// corpora and options give the same bytes.
type TrainOptions struct {
	Epochs int
	Seed   uint64
	// Bits is log2 of the number of feature buckets.
	Bits uint
	// Progress, when set, is called after every epoch with the model
	// averaged so far, to choose the number of epochs on a dev set.
	Progress func(epoch int, t *Tagger)
}

// Corpus is a training corpus and the share of its documents used in each
// epoch (1 = all; a noisy or off-genre corpus may be weighed down).
type Corpus struct {
	Name   string
	Docs   []Document
	Weight float64
}

type trainer struct {
	m *weights
	// u accumulates each update times the step it was made at, so that the
	// average over all steps is w - u/c without touching every weight at
	// every step.
	u []float64
	c float64
}

// add adds d to label l's weight of every feature.
func (t *trainer) add(feats []uint64, l int, d float32) {
	for _, h := range feats {
		b := bucket(h, t.m.bits) + l
		t.m.w[b] += d
		t.u[b] += float64(d) * t.c
	}
}

func (t *trainer) averaged() *weights {
	a := newWeights(t.m.bits)
	for i, w := range t.m.w {
		a.w[i] = float32(float64(w) - t.u[i]/t.c)
	}
	return a
}

type trainDoc struct {
	sents []sentState
	gold  [][]int
}

// Train fits an averaged perceptron on the corpora. Each document is
// tagged twice per epoch, the second time with the document-level
// features read from the first, and the model learns from both passes, as
// Tag runs them.
func Train(corpora []Corpus, opt TrainOptions) *Tagger {
	if opt.Bits == 0 {
		opt.Bits = 21
	}
	var docs []trainDoc
	var weight []float64
	for _, c := range corpora {
		for _, d := range c.Docs {
			td := trainDoc{}
			for _, s := range d.Sents {
				ss := prepare(s.Words)
				ss.dom = domainSalt(c.Name)
				td.sents = append(td.sents, ss)
				g := make([]int, len(s.Tags))
				prev := 0
				for i, t := range s.Tags {
					g[i] = labelIndex(t)
					if !allowed(prev, g[i]) {
						g[i]-- // an I- without its B- starts the entity
					}
					prev = g[i]
				}
				td.gold = append(td.gold, g)
			}
			markDoc(td.sents)
			docs = append(docs, td)
			weight = append(weight, c.Weight)
		}
	}
	tr := &trainer{m: newWeights(opt.Bits), u: make([]float64, (1<<opt.Bits)*nLabels), c: 1}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x5eed))
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	var buf []uint64
	for ep := 1; ep <= opt.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			// A weight above 1 repeats a corpus within the epoch; the
			// fraction is a random share of its documents.
			reps := int(weight[k])
			if rng.Float64() < weight[k]-float64(reps) {
				reps++
			}
			for range reps {
				tr.learnDoc(&docs[k], &buf)
			}
		}
		if opt.Progress != nil {
			opt.Progress(ep, &Tagger{m: tr.averaged()})
		}
	}
	return &Tagger{m: tr.averaged()}
}

func (tr *trainer) learnDoc(d *trainDoc, bufp *[]uint64) {
	buf := *bufp
	defer func() { *bufp = buf }()
	for i := range d.sents {
		buf = tagSentence(tr.m, &d.sents[i], nil, buf, tr, d.gold[i])
		tr.c++
	}
	dts := docTypesFor(d.sents)
	for i := range d.sents {
		buf = tagSentence(tr.m, &d.sents[i], dts[i], buf, tr, d.gold[i])
		tr.c++
	}
}
