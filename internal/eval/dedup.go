package eval

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Copy-group (near-duplicate) scoring. A clustering is a map from document
// id to group label. The label "" means "a group of its own": gold files
// leave singletons without a group, and a system need not invent a label
// for every article it found no copy of.

// LoadDedupGold reads a gold.jsonl of {"id", "group"} objects, as in
// shared/data's dedup layout. Other fields are ignored, so the richer gold
// files the generator writes load too. A group may be a string or a number;
// a number stands for its decimal text, so 7 and "7" name the same group,
// because converters write whichever their source had. An id without a
// group, or with a null or empty one, is its own singleton and maps to "".
func LoadDedupGold(path string) (map[string]string, error) {
	gold := map[string]string{}
	err := EachLine(path, func(_ int, b []byte) error {
		var g struct {
			ID    *string         `json:"id"`
			Group json.RawMessage `json:"group"`
		}
		if err := json.Unmarshal(b, &g); err != nil {
			return err
		}
		id := ""
		if g.ID != nil {
			id = *g.ID
		}
		if err := checkID(id); err != nil {
			return err
		}
		if _, dup := gold[id]; dup {
			return fmt.Errorf("id %q appears twice", id)
		}
		label, err := groupLabel(g.Group)
		if err != nil {
			return fmt.Errorf("id %q: %w", id, err)
		}
		gold[id] = label
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(gold) == 0 {
		return nil, fmt.Errorf("eval: %s has no documents", path)
	}
	return gold, nil
}

// groupLabel turns a JSON group value into a label.
func groupLabel(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	switch raw[0] {
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", err
		}
		return s, nil
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		// Integer literals keep their text, as ids may exceed float
		// precision; other numbers are normalised so that 3.0 and 3 agree.
		if !bytes.ContainsAny(raw, ".eE") {
			if string(raw) == "-0" {
				return "0", nil
			}
			return string(raw), nil
		}
		x, err := strconv.ParseFloat(string(raw), 64)
		if err != nil {
			return "", fmt.Errorf("group %s: %w", raw, err)
		}
		return strconv.FormatFloat(x, 'f', -1, 64), nil
	}
	return "", fmt.Errorf("group %s is neither a string, a number nor null", raw)
}

// DedupScore compares a predicted clustering with the gold.
//
// Pairwise figures count unordered pairs of documents put in one group.
// When a side has no pairs at all the ratio it divides by is empty, and the
// convention is the one that does not punish doing nothing wrong: precision
// is 1 when nothing was predicted, recall is 1 when the gold has no pairs.
// So a system that merges nothing scores P 1, R 0 on a set with copies,
// and any merge on a set without copies scores P 0, R 1.
//
// B-cubed figures are per document, averaged over the gold documents: a
// document's precision is the share of its predicted group that is in its
// gold group, its recall the share of its gold group that it was predicted
// with (singletons count, themselves included). F1 is the harmonic mean of
// the averaged precision and recall.
type DedupScore struct {
	// Set names the set in String, which prefixes "dedup/".
	Set string
	// Docs counts the gold documents. Unknown counts predicted ids that are
	// not in the gold; they are left out of every other figure.
	Docs, Unknown int
	// GoldGroups and PredGroups count groups of two or more documents;
	// GoldClusters and PredClusters count every cluster, singletons
	// included, over the gold documents only.
	GoldGroups, PredGroups     int
	GoldClusters, PredClusters int
	// TP are pairs grouped on both sides, FP pairs grouped only in the
	// prediction, FN pairs grouped only in the gold.
	TP, FP, FN int64
	Pairwise   PRF
	BCubed     PRF
}

// String formats the score as one line of the eval table.
func (s DedupScore) String() string {
	var b strings.Builder
	name := strings.TrimPrefix(s.Set, "dedup/")
	if name == "" {
		name = "-"
	}
	fmt.Fprintf(&b, "dedup/%s  docs %d  groups gold %d found %d", name, s.Docs, s.GoldGroups, s.PredGroups)
	fmt.Fprintf(&b, "  pairwise P %.3f R %.3f F1 %.3f", s.Pairwise.P, s.Pairwise.R, s.Pairwise.F)
	fmt.Fprintf(&b, "  B3 P %.3f R %.3f F1 %.3f", s.BCubed.P, s.BCubed.R, s.BCubed.F)
	fmt.Fprintf(&b, "  pairs TP %d FP %d FN %d", s.TP, s.FP, s.FN)
	if s.Unknown > 0 {
		fmt.Fprintf(&b, "  unknown %d", s.Unknown)
	}
	return b.String()
}

// ScoreDedup scores pred against gold, both mapping document id to group
// label; the two label spaces need not agree. A gold id missing from pred,
// or mapped to "", is a predicted singleton.
//
// Pair counts come from the contingency table of (gold, pred) cluster
// pairs, so the cost is a sort of the documents, not a walk over all pairs.
func ScoreDedup(gold, pred map[string]string) DedupScore {
	t := newDedupTable(gold, pred)
	s := DedupScore{Docs: len(t.ids), Unknown: t.unknown, GoldClusters: len(t.goldSize), PredClusters: len(t.predSize)}
	var goldPairs, predPairs int64
	for _, n := range t.goldSize {
		goldPairs += pairCount(n)
		if n >= 2 {
			s.GoldGroups++
		}
	}
	for _, n := range t.predSize {
		predPairs += pairCount(n)
		if n >= 2 {
			s.PredGroups++
		}
	}
	// Cells come sorted by gold then pred cluster, hence the sums below run
	// in an order fixed by the ids alone and the figures are reproducible to
	// the last bit.
	var bp, br float64
	for _, c := range t.cells {
		s.TP += pairCount(c.n)
		n := float64(c.n)
		bp += n * n / float64(t.predSize[c.p])
		br += n * n / float64(t.goldSize[c.g])
	}
	s.FP, s.FN = predPairs-s.TP, goldPairs-s.TP
	s.Pairwise = pairPRF(s.TP, predPairs, goldPairs)
	if s.Docs == 0 {
		s.BCubed = PRF{1, 1, 1}
	} else {
		s.BCubed = harmonic(bp/float64(s.Docs), br/float64(s.Docs))
	}
	return s
}

func pairCount(n int) int64 { return int64(n) * int64(n-1) / 2 }

func pairPRF(tp, predN, goldN int64) PRF {
	r := PRF{P: 1, R: 1}
	if predN > 0 {
		r.P = float64(tp) / float64(predN)
	}
	if goldN > 0 {
		r.R = float64(tp) / float64(goldN)
	}
	return harmonic(r.P, r.R)
}

func harmonic(p, r float64) PRF {
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return PRF{p, r, f}
}

// DedupError is one wrongly grouped cluster.
type DedupError struct {
	// Kind is "merge" for a predicted group that mixes gold groups, "split"
	// for a gold group spread over predicted groups.
	Kind string
	// Group is the label of the cluster at fault: the predicted label of a
	// merge, the gold label of a split.
	Group string
	// Parts are the cluster's ids, sorted, by the other side's clusters:
	// for a merge, one part per gold group it mixes; for a split, one part
	// per predicted group (a lone id is a document left single). Largest
	// part first.
	Parts [][]string
	// Pairs counts the wrong pairs this cluster makes: false-positive pairs
	// of a merge, missed pairs of a split.
	Pairs int64
}

// String writes the error on one line, eliding long parts.
func (e DedupError) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %q (%d pairs):", e.Kind, e.Group, e.Pairs)
	for k, p := range e.Parts {
		if k > 0 {
			b.WriteString(" +")
		}
		const show = 4
		b.WriteString(" [" + strings.Join(p[:min(len(p), show)], " "))
		if len(p) > show {
			fmt.Fprintf(&b, " ...%d more", len(p)-show)
		}
		b.WriteString("]")
	}
	return b.String()
}

// DedupErrors lists false merges and splits, those making the most wrong
// pairs first, at most limit of them (all when limit <= 0). Ties are broken
// by kind and label so the list is the same from run to run.
func DedupErrors(gold, pred map[string]string, limit int) []DedupError {
	t := newDedupTable(gold, pred)
	at := make(map[uint64]int, len(t.cells))
	byPred := map[int32][]int{}
	byGold := map[int32][]int{}
	for k, c := range t.cells {
		at[cellKey(c.g, c.p)] = k
		byPred[c.p] = append(byPred[c.p], k)
		byGold[c.g] = append(byGold[c.g], k)
	}
	// Visiting documents in id order leaves every part sorted.
	members := make([][]string, len(t.cells))
	for d, id := range t.ids {
		k := at[cellKey(t.gold[d], t.pred[d])]
		members[k] = append(members[k], id)
	}
	var errs []DedupError
	// A cluster spread over two or more cells of the other side is wrong:
	// every pair across its cells is a false merge or a miss.
	collect := func(kind, label string, size int, cells []int) {
		if len(cells) < 2 {
			return
		}
		e := DedupError{Kind: kind, Group: label, Pairs: pairCount(size)}
		for _, k := range cells {
			e.Pairs -= pairCount(t.cells[k].n)
			e.Parts = append(e.Parts, members[k])
		}
		slices.SortStableFunc(e.Parts, func(a, b []string) int { return len(b) - len(a) })
		errs = append(errs, e)
	}
	for p, cells := range byPred {
		collect("merge", t.predLabel[p], t.predSize[p], cells)
	}
	for g, cells := range byGold {
		collect("split", t.goldLabel[g], t.goldSize[g], cells)
	}
	// A label names one cluster per side, so kind and label settle ties.
	slices.SortFunc(errs, func(a, b DedupError) int {
		return cmp.Or(cmp.Compare(b.Pairs, a.Pairs), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Group, b.Group))
	})
	if limit > 0 && len(errs) > limit {
		errs = errs[:limit]
	}
	return errs
}

// dedupTable is the contingency table of two clusterings over the gold
// documents. Clusters are numbered densely in the order their first
// document appears in id order; a singleton gets a number of its own.
type dedupTable struct {
	ids                  []string // gold ids, sorted
	gold, pred           []int32  // cluster of each document
	goldLabel, predLabel []string
	goldSize, predSize   []int
	cells                []dedupCell // non-empty cells, sorted by (g, p)
	unknown              int
}

type dedupCell struct {
	g, p int32
	n    int
}

func cellKey(g, p int32) uint64 { return uint64(uint32(g))<<32 | uint64(uint32(p)) }

func newDedupTable(gold, pred map[string]string) *dedupTable {
	t := &dedupTable{ids: make([]string, 0, len(gold))}
	for id := range gold {
		t.ids = append(t.ids, id)
	}
	slices.Sort(t.ids)
	for id := range pred {
		if _, ok := gold[id]; !ok {
			t.unknown++
		}
	}
	t.gold, t.goldLabel, t.goldSize = numberClusters(t.ids, gold)
	t.pred, t.predLabel, t.predSize = numberClusters(t.ids, pred)
	keys := make([]uint64, len(t.ids))
	for d := range t.ids {
		keys[d] = cellKey(t.gold[d], t.pred[d])
	}
	slices.Sort(keys)
	for i := 0; i < len(keys); {
		j := i + 1
		for j < len(keys) && keys[j] == keys[i] {
			j++
		}
		t.cells = append(t.cells, dedupCell{g: int32(keys[i] >> 32), p: int32(uint32(keys[i])), n: j - i})
		i = j
	}
	return t
}

// numberClusters gives each document of ids the number of its cluster in labels.
func numberClusters(ids []string, labels map[string]string) (of []int32, label []string, size []int) {
	of = make([]int32, len(ids))
	seen := map[string]int32{}
	for d, id := range ids {
		l := labels[id]
		c, ok := seen[l]
		if !ok || l == "" {
			c = int32(len(size))
			label = append(label, l)
			size = append(size, 0)
			if l != "" {
				seen[l] = c
			}
		}
		of[d] = c
		size[c]++
	}
	return of, label, size
}
