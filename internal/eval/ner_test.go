package eval

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestScoreNER(t *testing.T) {
	set := &NERSet{Name: "toy", Docs: []NERDoc{{
		ID:   "a",
		Text: "Gen. Ada Moss of the Red Brigade visited Tarn.",
		Gold: []NEREntity{
			{Start: 0, End: 12, Type: "PER", Text: "Gen. Ada Moss"},
			{Start: 21, End: 32, Type: "ORG", Text: "Red Brigade"},
			{Start: 41, End: 45, Type: "LOC", Text: "Tarn"},
		},
	}}}
	res := ScoreNER(set, "test", func(NERDoc) ([]NEREntity, error) {
		return []NEREntity{
			{Start: 5, End: 12, Type: "PER"},  // overlap only
			{Start: 21, End: 32, Type: "LOC"}, // right span, wrong type
			{Start: 41, End: 45, Type: "LOC"}, // exact
			{Start: 41, End: 45, Type: "LOC"}, // duplicate: counts once
		}, nil
	})
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	if c := res.Typed; c.TP != 1 || c.Pred != 4 || c.Gold != 3 {
		t.Errorf("typed %+v", c)
	}
	if c := res.Untyped; c.TP != 2 {
		t.Errorf("untyped %+v", c)
	}
	if c := res.Overlap; c.TP != 2 {
		t.Errorf("overlap %+v", c)
	}
	if p := res.Types["LOC"].PRF(); !near(p.P, 1.0/3) || !near(p.R, 1) {
		t.Errorf("LOC %+v", p)
	}
	if s := res.String(); !strings.HasPrefix(s, "ner/toy test") || !strings.Contains(s, "overlap F1") {
		t.Errorf("String %q", s)
	}
}

func TestLoadNERSet(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "docs"), 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "docs", "x.txt"), []byte("Éva met Olu."), 0o644)
	os.WriteFile(filepath.Join(dir, "gold.jsonl"), []byte(`{"id": "x", "entities": [{"start": 0, "end": 3, "type": "PER", "text": "Éva"}]}`+"\n"), 0o644)
	set, err := LoadNERSet(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Docs) != 1 || set.Docs[0].Text != "Éva met Olu." || set.Docs[0].Gold[0].End != 3 {
		t.Fatalf("got %+v", set)
	}
	if _, err := LoadNERSet(t.TempDir()); err == nil {
		t.Error("want an error for a folder without gold.jsonl")
	}
}
