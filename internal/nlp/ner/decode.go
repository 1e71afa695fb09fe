package ner

// sentState is one sentence prepared for tagging.
type sentState struct {
	info []tokInfo
	pred []int
	marg []float32
}

func prepare(words []string) sentState {
	s := sentState{info: make([]tokInfo, len(words)), pred: make([]int, len(words)), marg: make([]float32, len(words))}
	for i, w := range words {
		s.info[i] = infoOf(w)
	}
	return s
}

// tagSentence tags greedily from the left. With a trainer and gold tags
// it also updates the model on every wrong decision (perceptron training),
// keeping the predicted tags as history, as at tagging time.
func tagSentence(m *weights, s *sentState, docTypes []string, buf []uint64, tr *trainer, gold []int) []uint64 {
	var sc [nLabels]float32
	prev, prev2 := 0, 0
	for i := range s.info {
		dt := ""
		if docTypes != nil {
			dt = docTypes[i]
		}
		buf = staticFeatures(buf[:0], s.info, i, dt)
		buf = dynFeatures(buf, s.info, i, prev, prev2)
		m.scores(buf, &sc)
		l, mg := best(&sc, prev)
		if tr != nil && l != gold[i] {
			tr.update(buf, gold[i], l)
		}
		s.pred[i], s.marg[i] = l, mg
		prev2, prev = prev, l
	}
	return buf
}

// docTypesFor gives each capitalised token the type that the other
// occurrences of the same word in the document were tagged with most often
// in the first pass, so that "Bos" late in a text agrees with "Nick Bos".
func docTypesFor(sents []sentState) [][]string {
	counts := map[string]*[nLabels/2 + 1]int{}
	for _, s := range sents {
		for i, l := range s.pred {
			if l == 0 || !s.info[i].title {
				continue
			}
			c := counts[s.info[i].lower]
			if c == nil {
				c = new([nLabels/2 + 1]int)
				counts[s.info[i].lower] = c
			}
			c[(l+1)/2]++
		}
	}
	out := make([][]string, len(sents))
	for k, s := range sents {
		out[k] = make([]string, len(s.info))
		for i, t := range s.info {
			c := counts[t.lower]
			if c == nil || !t.title {
				continue
			}
			own := -1
			if s.pred[i] != 0 {
				own = (s.pred[i] + 1) / 2
			}
			bt, bn := 0, 0
			for ty := 1; ty < len(c); ty++ {
				n := c[ty]
				if ty == own {
					n-- // the token's own vote would only echo the first pass
				}
				if n > bn {
					bt, bn = ty, n
				}
			}
			if bt > 0 {
				out[k][i] = labels[2*bt-1][2:]
			}
		}
	}
	return out
}
