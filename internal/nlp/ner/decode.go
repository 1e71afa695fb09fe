package ner

import "math"

// sentState is one sentence prepared for tagging.
type sentState struct {
	info []tokInfo
	pred []int
	marg []float32
	// dom is the salt of the sentence's domain (see domainSalt).
	dom uint64
}

// targetDomain is the training corpus whose conventions tagging follows:
// GUM's Wikinews texts are the nearest to the news the tagger serves.
const targetDomain = "gum"

// domainSalt names a corpus's copy of every feature. Each feature fires
// twice, once shared by all corpora and once for the sentence's own corpus
// only (Daumé's "frustratingly easy" domain adaptation), so that corpora
// that disagree on span conventions do not pull the shared weights apart;
// tagging uses the target corpus's copy.
func domainSalt(corpus string) uint64 { return hf("domain", corpus) }

// withDomain appends the domain copies of dst[from:].
func withDomain(dst []uint64, from int, dom uint64) []uint64 {
	n := len(dst)
	for k := from; k < n; k++ {
		dst = append(dst, dst[k]^dom)
	}
	return dst
}

func dynDom(dst []uint64, bases []uint64, i, prev int, dom uint64) []uint64 {
	return withDomain(dynFeatures(dst[:0], bases, i, prev), 0, dom)
}

func prepare(words []string) sentState {
	s := sentState{info: make([]tokInfo, len(words)), pred: make([]int, len(words)), marg: make([]float32, len(words))}
	for i, w := range words {
		s.info[i] = infoOf(w)
	}
	markRuns(s.info)
	return s
}

const nDyn = 4 // features per token that read the previous tag

var negInf = float32(math.Inf(-1))

// markDoc records, for each capitalised token, whether the document also
// has the word in lower case (then it is rarely a name: "Police said"
// against "the police") and whether it has it capitalised away from the
// start of a sentence (then a sentence-initial use is likely a name too).
func markDoc(sents []sentState) {
	low, mid := map[string]bool{}, map[string]bool{}
	for _, s := range sents {
		for i, t := range s.info {
			switch {
			case !t.title && t.lower == t.word:
				low[t.lower] = true
			case t.title && i > 0:
				mid[t.lower] = true
			}
		}
	}
	for _, s := range sents {
		for i := range s.info {
			t := &s.info[i]
			if t.title {
				t.low, t.mid = low[t.lower], mid[t.lower]
			}
		}
	}
}

// tagSentence finds the best BIO tag sequence of the sentence by Viterbi
// decoding over first-order tag transitions. With a trainer and gold tags
// it also makes a structured-perceptron update when the best sequence is
// not the gold one, so that training decodes as tagging does.
func tagSentence(m *weights, s *sentState, docTypes []string, buf []uint64, tr *trainer, gold []int) []uint64 {
	n := len(s.info)
	if n == 0 {
		return buf
	}
	// Static features of every token, then the dynamic bases.
	buf = buf[:0]
	off := make([]int, n+1)
	for i := range n {
		dt := ""
		if docTypes != nil {
			dt = docTypes[i]
		}
		off[i] = len(buf)
		buf = withDomain(staticFeatures(buf, s.info, i, dt), off[i], s.dom)
	}
	off[n] = len(buf)
	bases := make([]uint64, 0, n*nDyn)
	for i := range n {
		bases = dynBases(bases, s.info, i)
	}
	// local[i][p][l] is the score of tag l at i after tag p at i-1.
	local := make([][nLabels][nLabels]float32, n)
	var st, dy [nLabels]float32
	var dbuf [2 * nDyn]uint64
	for i := range n {
		m.scores(buf[off[i]:off[i+1]], &st)
		np := nLabels
		if i == 0 {
			np = 1
		}
		for p := range np {
			m.scores(dynDom(dbuf[:0], bases[i*nDyn:(i+1)*nDyn], i, p, s.dom), &dy)
			for l := range nLabels {
				local[i][p][l] = st[l] + dy[l]
			}
		}
	}
	// Forward maxima and back-pointers; the start acts as O, so no
	// sentence begins inside an entity.
	alpha := make([][nLabels]float32, n)
	back := make([][nLabels]int8, n)
	for l := range nLabels {
		alpha[0][l] = negInf
		if allowed(0, l) {
			alpha[0][l] = local[0][0][l]
		}
	}
	for i := 1; i < n; i++ {
		for l := range nLabels {
			bs, bp := negInf, 0
			for p := range nLabels {
				if alpha[i-1][p] == negInf || !allowed(p, l) {
					continue
				}
				if v := alpha[i-1][p] + local[i][p][l]; v > bs {
					bs, bp = v, p
				}
			}
			alpha[i][l], back[i][l] = bs, int8(bp)
		}
	}
	bl := 0
	for l := range nLabels {
		if alpha[n-1][l] > alpha[n-1][bl] {
			bl = l
		}
	}
	for i := n - 1; i >= 0; i-- {
		s.pred[i] = bl
		bl = int(back[i][bl])
	}
	// Backward maxima give each token's max-marginals: the margin of its
	// tag over the best sequence with another tag there is Mention.Score's.
	beta := make([][nLabels]float32, n)
	for i := n - 2; i >= 0; i-- {
		for p := range nLabels {
			bs := negInf
			for l := range nLabels {
				if !allowed(p, l) {
					continue
				}
				if v := local[i+1][p][l] + beta[i+1][l]; v > bs {
					bs = v
				}
			}
			beta[i][p] = bs
		}
	}
	for i := range n {
		b1, b2 := negInf, negInf
		for l := range nLabels {
			v := alpha[i][l] + beta[i][l]
			if l == s.pred[i] {
				b1 = v
			} else if v > b2 {
				b2 = v
			}
		}
		s.marg[i] = b1 - b2
		if b2 == negInf {
			s.marg[i] = 10
		}
	}
	if tr == nil {
		return buf
	}
	for i := range n {
		gp, pp := 0, 0
		if i > 0 {
			gp, pp = gold[i-1], s.pred[i-1]
		}
		g, p := gold[i], s.pred[i]
		if g != p {
			tr.add(buf[off[i]:off[i+1]], g, 1)
			tr.add(buf[off[i]:off[i+1]], p, -1)
		}
		if g != p || gp != pp {
			b := bases[i*nDyn : (i+1)*nDyn]
			tr.add(dynDom(dbuf[:0], b, i, gp, s.dom), g, 1)
			tr.add(dynDom(dbuf[:0], b, i, pp, s.dom), p, -1)
		}
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

// propagate tags later mentions the two passes left out: a name the
// document tagged elsewhere is the same name wherever its words recur
// capitalised, and a person's surname alone ("Putin" after "Vladimir
// Putin") is that person. Only untagged words change, so a tag the model
// chose is never overridden, and only words in capitals, so that "the
// police" does not become "Police". Its margin is left at zero, which
// Mention.Score reads as an even chance.
func propagate(sents []sentState) {
	types := map[string]*[nLabels/2 + 1]int{}
	acronyms := map[string]int{}
	maxLen := 0
	vote := func(k string, ty int) {
		c := types[k]
		if c == nil {
			c = new([nLabels/2 + 1]int)
			types[k] = c
		}
		c[ty]++
	}
	for _, s := range sents {
		for i := 0; i < len(s.pred); {
			l := s.pred[i]
			if l == 0 {
				i++
				continue
			}
			j := i + 1
			for j < len(s.pred) && s.pred[j] == l+1 {
				j++
			}
			ty := (l + 1) / 2
			vote(spanKey(s.info[i:j]), ty)
			if a := initials(s.info[i:j]); a != "" {
				acronyms[a] = ty
			}
			maxLen = max(maxLen, j-i)
			if labels[l] == "B-PER" && j-i >= 2 && givenNames[s.info[i].lower] && s.info[j-1].title && len(s.info[j-1].word) > 1 {
				// A full name with a known given name is evidence
				// enough for its surname on its own.
				vote(spanKey(s.info[j-1:j]), ty)
				vote(spanKey(s.info[j-1:j]), ty)
			}
			i = j
		}
	}
	best := func(k string) (int, int) {
		c := types[k]
		if c == nil {
			return 0, 0
		}
		bt, bn := 0, 0
		for ty := 1; ty < len(c); ty++ {
			if c[ty] > bn {
				bt, bn = ty, c[ty]
			}
		}
		return bt, bn
	}
	for _, s := range sents {
		for i := 0; i < len(s.pred); i++ {
			// Longest recurring name first, so that "New York Times" is
			// not cut to "New York".
			for n := min(maxLen, len(s.pred)-i); n >= 1; n-- {
				ok := true
				for k := i; k < i+n; k++ {
					if s.pred[k] != 0 || !(s.info[k].title || s.info[k].caps) {
						ok = false
						break
					}
				}
				// Part of a longer capitalised name ("Heaven Sent" in
				// "Heaven Sent Gaming") is another name; a capitalised
				// article opening the sentence is not part of it.
				before := i > 0 && s.info[i-1].title && !(i == 1 && articles[s.info[0].lower])
				if !ok || before || i+n < len(s.pred) && s.info[i+n].title {
					continue
				}
				ty, votes := best(spanKey(s.info[i : i+n]))
				acr := n == 1 && s.info[i].caps && acronyms[s.info[i].word] > 0
				if acr {
					// "University of Southern Indiana ... USI".
					ty = acronyms[s.info[i].word]
				}
				// A lone word at the start of a sentence is capitalised
				// whatever it is, and one stray tag is no evidence.
				if ty == 0 || n == 1 && !acr && (i == 0 || votes < 2) {
					continue
				}
				s.pred[i] = 2*ty - 1
				s.marg[i] = 0
				for k := i + 1; k < i+n; k++ {
					s.pred[k], s.marg[k] = 2*ty, 0
				}
				i += n - 1
				break
			}
		}
	}
}

var articles = words(`the a an`)

func spanKey(info []tokInfo) string {
	var b []byte
	for k, t := range info {
		if k > 0 {
			b = append(b, ' ')
		}
		b = append(b, t.word...)
	}
	return string(b)
}

// initials are the capitals of a name of two or more words, the
// acronym a text may later use for it ("WHO" for "World Health
// Organisation"); "" when the name has fewer.
func initials(info []tokInfo) string {
	var b []byte
	for _, t := range info {
		switch {
		case t.title:
			b = append(b, t.word[0])
		case !connectors[t.lower]:
			return ""
		}
	}
	if len(b) < 2 {
		return ""
	}
	return string(b)
}
