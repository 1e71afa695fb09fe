package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// Features are hashed straight from their parts, without building the
// feature string, because feature extraction dominates tagging time.
func hmix(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	h ^= 0xff // separator, so that ("ab","c") and ("a","bc") differ
	h *= fnvPrime
	return h
}

func hf(parts ...string) uint64 {
	h := uint64(fnvOffset)
	for _, p := range parts {
		h = hmix(h, p)
	}
	return h
}

// tokInfo is what the features of a sentence need of each token.
type tokInfo struct {
	word, lower, shape, short, gaz string
	title, caps, digit, hyphen     bool
	// low and mid are set by markDoc for capitalised words.
	low, mid bool
	// run* describe the run of capitalised words the token is in (see
	// markRuns); empty outside one.
	runPos, runHead, runHeadGaz, runFirstGaz string
}

// connectors may join the capitalised words of one name ("Ministry of
// Foreign Affairs", "Food Standards Australia and New Zealand").
var connectors = words(`of for and & de del der van von al la le the on at`)

// markRuns finds runs of capitalised words, allowing lower-case
// connectors between them, and gives each word of a run the run's last
// word: the head of an English name decides its type ("Fisht Stadium",
// "Duke University", "Saudi Gazette") more than its first word does.
func markRuns(info []tokInfo) {
	for i := 0; i < len(info); {
		if !info[i].title {
			i++
			continue
		}
		j := i + 1 // end of the run, exclusive
		for k := i + 1; k < len(info); k++ {
			if info[k].title {
				j = k + 1
				continue
			}
			if connectors[info[k].lower] && k+1 < len(info) && k+1-j < 2 {
				continue
			}
			break
		}
		head, first := info[j-1], info[i]
		for k := i; k < j; k++ {
			pos := "I"
			switch {
			case j-i == 1:
				pos = "S"
			case k == i:
				pos = "B"
			case k == j-1:
				pos = "E"
			}
			info[k].runPos, info[k].runHead = pos, head.lower
			info[k].runHeadGaz, info[k].runFirstGaz = head.gaz, first.gaz
		}
		i = j
	}
}

// normWord makes the corpora and our tokeniser agree on quote marks and
// apostrophes, which vary by source and matter little to the tag.
func normWord(w string) string {
	switch w {
	case "``", "''", "“", "”", "„", "«", "»", "‘", "’":
		return `"`
	}
	if strings.ContainsRune(w, '’') {
		w = strings.ReplaceAll(w, "’", "'")
	}
	return w
}

func infoOf(w string) tokInfo {
	w = normWord(w)
	t := tokInfo{word: w, lower: strings.ToLower(w)}
	var sh, short []byte
	upper, lower := false, false
	for i, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r) || unicode.IsTitle(r):
			c, upper = 'X', true
		case unicode.IsLower(r):
			c, lower = 'x', true
		case unicode.IsDigit(r):
			c, t.digit = 'd', true
		case r == '-':
			c, t.hyphen = '-', true
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '*'
		}
		if i == 0 {
			t.title = c == 'X'
		}
		if len(sh) < 12 {
			sh = append(sh, c)
		}
		if len(short) == 0 || short[len(short)-1] != c {
			short = append(short, c)
		}
	}
	t.caps = upper && !lower
	t.shape, t.short = string(sh), string(short)
	t.gaz = gazClass(t.lower)
	return t
}

func prefix(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

func suffix(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

var pad = tokInfo{word: "<s>", lower: "<s>", shape: "<s>", short: "<s>"}

func at(info []tokInfo, i int) tokInfo {
	if i < 0 || i >= len(info) {
		return pad
	}
	return info[i]
}

func flag(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// staticFeatures are the features of token i that do not depend on the
// tags predicted before it. docType is what the first pass tagged the same
// word as elsewhere in the document ("" in the first pass).
func staticFeatures(dst []uint64, info []tokInfo, i int, docType string) []uint64 {
	t := info[i]
	p1, p2, n1, n2 := at(info, i-1), at(info, i-2), at(info, i+1), at(info, i+2)
	dst = append(dst,
		hf("b"),
		hf("w", t.lower),
		hf("W", t.word),
		hf("sh", t.shape),
		hf("ss", t.short),
		hf("f", flag(t.title), flag(t.caps), flag(t.digit), flag(t.hyphen), flag(i == 0)),
		hf("ss0", t.short, flag(i == 0)),
		hf("w-1", p1.lower),
		hf("w-2", p2.lower),
		hf("w+1", n1.lower),
		hf("w+2", n2.lower),
		hf("s-1", p1.short),
		hf("s+1", n1.short),
		hf("s-2", p2.short),
		hf("s+2", n2.short),
		hf("ww-1", p1.lower, t.lower),
		hf("ww+1", t.lower, n1.lower),
		hf("ss-1", p1.short, t.short),
		hf("ss+1", t.short, n1.short),
		hf("sss", p1.short, t.short, n1.short),
		// "Ministry of Foreign Affairs": a capitalised word two away,
		// across a lower-case link word, decides whether the name goes on.
		hf("n12", t.short, n1.lower, n2.short),
		hf("p12", p2.short, p1.lower, t.short),
		hf("g", t.gaz),
		hf("dc", flag(t.title), flag(t.low), flag(t.mid), flag(i == 0)),
		hf("g-1", p1.gaz, t.short),
		hf("g+1", n1.gaz, t.short),
		hf("g-2", p2.gaz),
		hf("g+2", n2.gaz),
	)
	if t.runPos != "" {
		dst = append(dst,
			hf("rp", t.runPos),
			hf("rh", t.runPos, t.runHead),
			hf("rhg", t.runPos, t.runHeadGaz),
			hf("rfg", t.runPos, t.runFirstGaz, t.runHeadGaz),
		)
	}
	p3, n3 := at(info, i-3), at(info, i+3)
	dst = append(dst,
		hf("x-1", suffix(p1.lower, 3)),
		hf("x+1", suffix(n1.lower, 3)),
		hf("x5", suffix(t.lower, 5)),
		hf("w-3", p3.lower),
		hf("w+3", n3.lower),
		hf("wt-1", p1.lower, flag(t.title)),
		hf("wt+1", n1.lower, flag(t.title)),
	)
	for n := 1; n <= 4; n++ {
		dst = append(dst, hf("p", prefix(t.lower, n)), hf("x", suffix(t.lower, n)))
	}
	if docType != "" {
		dst = append(dst, hf("d", docType), hf("ds", docType, t.short))
	}
	return dst
}

// dynBases are the hashes of the features that read the tag of the token
// on the left, before that tag is mixed in: Viterbi decoding scores every
// previous tag, so the word parts are hashed once per token.
func dynBases(dst []uint64, info []tokInfo, i int) []uint64 {
	t := info[i]
	return append(dst,
		hf("t-1"),
		hf("tw", t.lower),
		hf("ts", t.short),
		hf("tps", at(info, i-1).lower, t.short),
	)
}

// prevName is the name of the tag before token i in the features.
func prevName(i, prev int) string {
	if i == 0 {
		return "<s>"
	}
	return labels[prev]
}

// dynFeatures are the features of token i given the tag prev of the token
// on the left, made from the bases dynBases gave.
func dynFeatures(dst []uint64, bases []uint64, i, prev int) []uint64 {
	pl := prevName(i, prev)
	for _, b := range bases {
		dst = append(dst, hmix(b, pl))
	}
	return dst
}
