package eval

import (
	"strings"
	"testing"
)

func TestScoreMeta(t *testing.T) {
	gold := MetaGold{
		"a.txt":     {"title": "Dam Opens", "outlet": "Valley Post", "published": nil, "author": nil},
		"b.jsonl#2": {"title": nil, "outlet": "Wire", "credited_source": "Agency"},
		"gone.txt":  {"title": "Never Read"},
	}
	preds := map[string]Prediction{
		"a.txt":     {Title: "dam  opens", Outlet: "Valley Post", Published: "2025-01-02"},
		"b.jsonl#2": {Outlet: "Wire", CreditedSource: "Agency"},
	}
	r := ScoreMeta(gold, preds)
	if r.Docs != 3 || r.Missing != 1 {
		t.Fatalf("docs %d missing %d", r.Docs, r.Missing)
	}
	want := map[string]FieldScore{
		"title":           {Right: 2, Total: 3}, // case and spaces ignored; null matched by absence
		"outlet":          {Right: 2, Total: 2},
		"published":       {Right: 0, Total: 1}, // a date where the text gives none is wrong
		"author":          {Right: 1, Total: 1},
		"credited_source": {Right: 3, Total: 3}, // unannotated means "credits no one"
	}
	for k, w := range want {
		if r.Fields[k] != w {
			t.Errorf("%s: got %+v, want %+v", k, r.Fields[k], w)
		}
	}
	if len(r.Errors) != 2 || !strings.Contains(strings.Join(r.Errors, "\n"), `a.txt published: got "2025-01-02", want ""`) {
		t.Errorf("errors: %q", r.Errors)
	}
}

func TestWordAndShingleMetrics(t *testing.T) {
	cases := []struct {
		pred, gold string
		word, sh   float64
	}{
		{"", "", 1, 1},
		{"a b", "", 0, 0},
		{"The river rose, the river fell.", "the river ROSE the river fell", 1, 1},
		{"one two three four", "one two three four five six seven eight", 2 * 1 * 0.5 / 1.5, 2 * 1 * 0.2 / 1.2},
	}
	for _, c := range cases {
		if got := WordPRF(c.pred, c.gold).F; abs(got-c.word) > 1e-9 {
			t.Errorf("WordPRF(%q,%q) = %v, want %v", c.pred, c.gold, got, c.word)
		}
		if got := ShinglePRF(c.pred, c.gold).F; abs(got-c.sh) > 1e-9 {
			t.Errorf("ShinglePRF(%q,%q) = %v, want %v", c.pred, c.gold, got, c.sh)
		}
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
