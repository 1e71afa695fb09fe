package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// The gold of most cases: a, b, c are copies; d, e are copies; f stands alone.
var dedupGold = map[string]string{"a": "1", "b": "1", "c": "1", "d": "2", "e": "2", "f": ""}

func TestScoreDedup(t *testing.T) {
	cases := []struct {
		name         string
		gold, pred   map[string]string
		tp, fp, fn   int64
		pair, b3     PRF
		groups       [2]int // gold, pred, of two or more
		clusters     [2]int // gold, pred, singletons included
		unknown, doc int
	}{
		{
			name: "perfect",
			gold: dedupGold, pred: map[string]string{"a": "x", "b": "x", "c": "x", "d": "y", "e": "y"},
			tp: 4, pair: PRF{1, 1, 1}, b3: PRF{1, 1, 1},
			groups: [2]int{2, 2}, clusters: [2]int{3, 3}, doc: 6,
		},
		{
			// Merging nothing is never wrong, so precision stays 1. Each
			// document still recalls itself: a, b, c 1/3, d, e 1/2, f 1.
			name: "all singletons",
			gold: dedupGold, pred: map[string]string{},
			fn: 4, pair: PRF{1, 0, 0}, b3: PRF{1, 0.5, 2.0 / 3},
			groups: [2]int{2, 0}, clusters: [2]int{3, 6}, doc: 6,
		},
		{
			// {a..e} in one group: 10 pairs of which 4 are right. B-cubed
			// precision: a, b, c 3/5, d, e 2/5, f 1; mean 0.6.
			name: "one false merge",
			gold: dedupGold, pred: map[string]string{"a": "x", "b": "x", "c": "x", "d": "x", "e": "x"},
			tp: 4, fp: 6, pair: PRF{0.4, 1, 4.0 / 7}, b3: PRF{0.6, 1, 0.75},
			groups: [2]int{2, 1}, clusters: [2]int{3, 2}, doc: 6,
		},
		{
			// c leaves {a, b, c}: pairs ac and bc are missed. B-cubed
			// recall: a, b 2/3, c 1/3, d, e, f 1; mean 7/9.
			name: "one split",
			gold: dedupGold, pred: map[string]string{"a": "x", "b": "x", "c": "y", "d": "z", "e": "z"},
			tp: 2, fn: 2, pair: PRF{1, 0.5, 2.0 / 3}, b3: PRF{1, 7.0 / 9, 0.875},
			groups: [2]int{2, 2}, clusters: [2]int{3, 4}, doc: 6,
		},
		{
			// The prediction reuses the gold's labels for the other groups;
			// only co-membership counts.
			name: "crossed label spaces",
			gold: dedupGold, pred: map[string]string{"a": "2", "b": "2", "c": "2", "d": "1", "e": "1", "f": ""},
			tp: 4, pair: PRF{1, 1, 1}, b3: PRF{1, 1, 1},
			groups: [2]int{2, 2}, clusters: [2]int{3, 3}, doc: 6,
		},
		{
			// Ids the gold does not know neither help nor hurt, even when
			// they join a gold group.
			name: "unknown ids",
			gold: dedupGold, pred: map[string]string{"a": "x", "b": "x", "c": "x", "d": "y", "e": "y", "zz": "x", "yy": "f"},
			tp: 4, pair: PRF{1, 1, 1}, b3: PRF{1, 1, 1},
			groups: [2]int{2, 2}, clusters: [2]int{3, 3}, unknown: 2, doc: 6,
		},
		{
			// {c, d} mixes the groups while splitting both.
			name: "merge and split",
			gold: dedupGold, pred: map[string]string{"a": "x", "b": "x", "c": "y", "d": "y", "e": "z"},
			tp: 1, fp: 1, fn: 3, pair: PRF{0.5, 0.25, 1.0 / 3},
			// precision a, b 1, c, d 1/2, e, f 1 = 5/6; recall a, b 2/3,
			// c 1/3, d, e 1/2, f 1 = 11/18.
			b3:     harmonic(5.0/6, 11.0/18),
			groups: [2]int{2, 2}, clusters: [2]int{3, 4}, doc: 6,
		},
		{
			name: "no gold pairs, one merge",
			gold: map[string]string{"a": "", "b": ""}, pred: map[string]string{"a": "x", "b": "x"},
			fp: 1, pair: PRF{0, 1, 0}, b3: PRF{0.5, 1, 2.0 / 3},
			groups: [2]int{0, 1}, clusters: [2]int{2, 1}, doc: 2,
		},
		{
			name: "no pairs anywhere",
			gold: map[string]string{"a": "", "b": ""}, pred: nil,
			pair: PRF{1, 1, 1}, b3: PRF{1, 1, 1},
			clusters: [2]int{2, 2}, doc: 2,
		},
		{
			name: "empty gold",
			gold: map[string]string{}, pred: map[string]string{"a": "x"},
			pair: PRF{1, 1, 1}, b3: PRF{1, 1, 1}, unknown: 1,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := ScoreDedup(c.gold, c.pred)
			if s.TP != c.tp || s.FP != c.fp || s.FN != c.fn {
				t.Errorf("pairs TP %d FP %d FN %d, want %d %d %d", s.TP, s.FP, s.FN, c.tp, c.fp, c.fn)
			}
			if !closePRF(s.Pairwise, c.pair) {
				t.Errorf("pairwise %+v, want %+v", s.Pairwise, c.pair)
			}
			if !closePRF(s.BCubed, c.b3) {
				t.Errorf("B-cubed %+v, want %+v", s.BCubed, c.b3)
			}
			if got := [2]int{s.GoldGroups, s.PredGroups}; got != c.groups {
				t.Errorf("groups %v, want %v", got, c.groups)
			}
			if got := [2]int{s.GoldClusters, s.PredClusters}; got != c.clusters {
				t.Errorf("clusters %v, want %v", got, c.clusters)
			}
			if s.Unknown != c.unknown || s.Docs != c.doc {
				t.Errorf("docs %d unknown %d, want %d %d", s.Docs, s.Unknown, c.doc, c.unknown)
			}
		})
	}
}

func closePRF(a, b PRF) bool {
	return abs(a.P-b.P) < 1e-12 && abs(a.R-b.R) < 1e-12 && abs(a.F-b.F) < 1e-12
}

func TestDedupScoreString(t *testing.T) {
	s := ScoreDedup(dedupGold, map[string]string{"a": "x", "b": "x", "c": "y", "d": "z", "e": "z", "q": "z"})
	for _, set := range []string{"synth", "dedup/synth"} {
		s.Set = set
		want := "dedup/synth  docs 6  groups gold 2 found 2  pairwise P 1.000 R 0.500 F1 0.667  B3 P 1.000 R 0.778 F1 0.875  pairs TP 2 FP 0 FN 2  unknown 1"
		if got := s.String(); got != want {
			t.Errorf("Set %q:\n got %s\nwant %s", set, got, want)
		}
	}
}

func TestDedupErrors(t *testing.T) {
	mixed := map[string]string{"a": "x", "b": "x", "c": "y", "d": "y", "e": "z"}
	cases := []struct {
		name  string
		pred  map[string]string
		limit int
		want  []DedupError
	}{
		{"perfect", map[string]string{"a": "x", "b": "x", "c": "x", "d": "y", "e": "y"}, 0, nil},
		{"merge", map[string]string{"a": "x", "b": "x", "c": "x", "d": "x", "e": "x", "f": "w"}, 0, []DedupError{
			{Kind: "merge", Group: "x", Parts: [][]string{{"a", "b", "c"}, {"d", "e"}}, Pairs: 6},
		}},
		{"split", map[string]string{"a": "x", "c": "x", "d": "z", "e": "z"}, 0, []DedupError{
			{Kind: "split", Group: "1", Parts: [][]string{{"a", "c"}, {"b"}}, Pairs: 2},
		}},
		{"most pairs first, then kind", mixed, 0, []DedupError{
			{Kind: "split", Group: "1", Parts: [][]string{{"a", "b"}, {"c"}}, Pairs: 2},
			{Kind: "merge", Group: "y", Parts: [][]string{{"c"}, {"d"}}, Pairs: 1},
			{Kind: "split", Group: "2", Parts: [][]string{{"d"}, {"e"}}, Pairs: 1},
		}},
		{"limit", mixed, 2, []DedupError{
			{Kind: "split", Group: "1", Parts: [][]string{{"a", "b"}, {"c"}}, Pairs: 2},
			{Kind: "merge", Group: "y", Parts: [][]string{{"c"}, {"d"}}, Pairs: 1},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := DedupErrors(dedupGold, c.pred, c.limit)
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got  %v\nwant %v", got, c.want)
			}
			// Every wrong pair shows up in exactly one merge or split.
			s := ScoreDedup(dedupGold, c.pred)
			var fp, fn int64
			for _, e := range DedupErrors(dedupGold, c.pred, 0) {
				if e.Kind == "merge" {
					fp += e.Pairs
				} else {
					fn += e.Pairs
				}
			}
			if fp != s.FP || fn != s.FN {
				t.Errorf("errors hold %d false and %d missed pairs, score %d and %d", fp, fn, s.FP, s.FN)
			}
		})
	}
}

func TestDedupErrorString(t *testing.T) {
	e := DedupError{Kind: "merge", Group: "x", Parts: [][]string{{"a", "b", "c", "d", "e", "f"}, {"g"}}, Pairs: 6}
	want := `merge "x" (6 pairs): [a b c d ...2 more] + [g]`
	if got := e.String(); got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestLoadDedupGold(t *testing.T) {
	cases := []struct {
		name, body string
		want       map[string]string
		err        string // part of the error; "" for none
	}{
		{
			name: "strings, numbers, nulls",
			body: `{"id": "a", "group": "g1"}
{"id": "b", "group": "g1", "story": "e4", "edits": ["credit"]}

{"id": "c", "group": 7}
{"id": "d", "group": "7"}
{"id": "e", "group": 3.0}
{"id": "f", "group": null}
{"id": "g"}
{"id": "h", "group": 12345678901234567890}
`,
			want: map[string]string{"a": "g1", "b": "g1", "c": "7", "d": "7", "e": "3", "f": "", "g": "", "h": "12345678901234567890"},
		},
		{name: "duplicate id", body: "{\"id\":\"a\",\"group\":1}\n{\"id\":\"b\"}\n{\"id\":\"a\",\"group\":1}\n", err: "gold.jsonl:3: id \"a\" appears twice"},
		{name: "no id", body: "{\"id\":\"a\"}\n{\"group\":1}\n", err: "gold.jsonl:2: bad id"},
		{name: "path in id", body: "{\"id\":\"../a\"}\n", err: "gold.jsonl:1: bad id"},
		{name: "bad json", body: "{\"id\":\"a\"}\n{\"id\":\n", err: "gold.jsonl:2:"},
		{name: "object group", body: "{\"id\":\"a\",\"group\":{\"x\":1}}\n", err: "gold.jsonl:1: id \"a\": group"},
		{name: "boolean group", body: "{\"id\":\"a\",\"group\":true}\n", err: "gold.jsonl:1: id \"a\": group"},
		{name: "empty", body: "\n", err: "has no documents"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "gold.jsonl")
			if err := os.WriteFile(path, []byte(c.body), 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := LoadDedupGold(path)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("error %v, want one containing %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
	if _, err := LoadDedupGold(filepath.Join(t.TempDir(), "missing.jsonl")); err == nil {
		t.Error("no error for a missing file")
	}
}

// TestScoreDedupScale checks the counts on a set too large for pairwise
// enumeration: gold groups {4k..4k+3}, predicted groups shifted by one id,
// so each gold group keeps three members together and loses one to the
// next predicted group.
func TestScoreDedupScale(t *testing.T) {
	const n = 200_000
	gold := make(map[string]string, n)
	pred := make(map[string]string, n)
	for i := range n {
		id := fmt.Sprintf("d%07d", i)
		gold[id] = fmt.Sprint(i / 4)
		pred[id] = fmt.Sprint((i + 1) / 4)
	}
	s := ScoreDedup(gold, pred)
	// Predicted groups: {0,1,2}, then 49,999 of four, then {199999}.
	const goldPairs, predPairs, tp = n / 4 * 6, 3 + (n/4-1)*6, n / 4 * 3
	if s.TP != tp || s.FP != predPairs-tp || s.FN != goldPairs-tp {
		t.Errorf("TP %d FP %d FN %d, want %d %d %d", s.TP, s.FP, s.FN, tp, predPairs-tp, goldPairs-tp)
	}
	if s.GoldGroups != n/4 || s.PredGroups != n/4 || s.PredClusters != n/4+1 {
		t.Errorf("groups gold %d pred %d, pred clusters %d", s.GoldGroups, s.PredGroups, s.PredClusters)
	}
	// Map order differs between calls; the figures must not.
	if again := ScoreDedup(gold, pred); again != s {
		t.Errorf("two runs differ:\n%v\n%v", s, again)
	}
	if errs := DedupErrors(gold, pred, 3); len(errs) != 3 || errs[0].Pairs != 3 {
		t.Errorf("worst errors %v", errs)
	}
}

// BenchmarkScoreDedup scores a million documents, the size of a large crawl.
func BenchmarkScoreDedup(b *testing.B) {
	const n = 1_000_000
	gold := make(map[string]string, n)
	pred := make(map[string]string, n)
	for i := range n {
		id := fmt.Sprintf("d%07d", i)
		gold[id] = fmt.Sprint(i / 3)
		pred[id] = fmt.Sprint((i + 1) / 5)
	}
	for b.Loop() {
		ScoreDedup(gold, pred)
	}
}
