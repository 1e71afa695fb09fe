// Package eval scores sitrep's stages against reference sets.
package eval

import (
	"regexp"
	"strings"
)

// wordRe is the tokeniser every text-overlap metric shares: Unicode \w+,
// lower-cased, as the shared reference sets prescribe.
var wordRe = regexp.MustCompile(`[\p{L}\p{N}_]+`)

// Words splits s into lower-cased \w+ tokens.
func Words(s string) []string {
	toks := wordRe.FindAllString(s, -1)
	for i, t := range toks {
		toks[i] = strings.ToLower(t)
	}
	return toks
}

// PRF is a precision, recall and F1 triple.
type PRF struct{ P, R, F float64 }

func prf(tp, predN, goldN float64) PRF {
	var r PRF
	switch {
	case predN == 0 && goldN == 0:
		return PRF{1, 1, 1}
	case predN == 0 || goldN == 0:
		return PRF{}
	}
	r.P = tp / predN
	r.R = tp / goldN
	if r.P+r.R > 0 {
		r.F = 2 * r.P * r.R / (r.P + r.R)
	}
	return r
}

// WordPRF is the WCXB word metric: multiset overlap of \w+ tokens.
func WordPRF(pred, gold string) PRF {
	return bagPRF(Words(pred), Words(gold))
}

func bagPRF(pred, gold []string) PRF {
	counts := make(map[string]int, len(gold))
	for _, t := range gold {
		counts[t]++
	}
	tp := 0
	for _, t := range pred {
		if counts[t] > 0 {
			counts[t]--
			tp++
		}
	}
	return prf(float64(tp), float64(len(pred)), float64(len(gold)))
}

// ShinglePRF is the article-extraction-benchmark metric: multiset overlap of
// 4-gram shingles of \w+ tokens (shorter texts give one shingle).
func ShinglePRF(pred, gold string) PRF {
	return bagPRF(shingles(Words(pred), 4), shingles(Words(gold), 4))
}

func shingles(toks []string, n int) []string {
	if len(toks) == 0 {
		return nil
	}
	if len(toks) < n {
		return []string{strings.Join(toks, " ")}
	}
	out := make([]string, 0, len(toks)-n+1)
	for i := 0; i+n <= len(toks); i++ {
		out = append(out, strings.Join(toks[i:i+n], " "))
	}
	return out
}
