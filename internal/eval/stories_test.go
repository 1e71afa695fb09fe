package eval

import (
	"math"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestBCubed(t *testing.T) {
	// gold: {a b c} {d e f}; predicted: {a b} {c d e}, f missing (alone).
	// Per document P / R:
	//   a, b: 2/2, 2/3   c: 1/3, 1/3   d, e: 2/3, 2/3   f: 1/1, 1/3
	// P = (1+1+1/3+2/3+2/3+1)/6 = 14/18, R = (2/3+2/3+1/3+2/3+2/3+1/3)/6 = 10/18.
	gold := map[string]string{"a": "g1", "b": "g1", "c": "g1", "d": "g2", "e": "g2", "f": "g2"}
	pred := map[string]string{"a": "p1", "b": "p1", "c": "p2", "d": "p2", "e": "p2"}
	got := BCubed(pred, gold)
	wantP, wantR := 14.0/18, 10.0/18
	wantF := 2 * wantP * wantR / (wantP + wantR)
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"P", got.BCubed.P, wantP}, {"R", got.BCubed.R, wantR}, {"F", got.BCubed.F, wantF}} {
		if math.Abs(c.got-c.want) > 1e-12 {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if got.Predicted != 3 || got.Gold != 2 || got.Docs != 6 {
		t.Errorf("counts = %+v", got)
	}
	if perfect := BCubed(gold, gold); perfect.BCubed != (PRF{1, 1, 1}) {
		t.Errorf("perfect = %+v", perfect)
	}
}

func TestTopicConfusion(t *testing.T) {
	story := map[string]string{"a": "s1", "b": "s1", "c": "s1", "d": "s2", "e": "s2", "f": "s2", "g": "s3"}
	topic := map[string]string{"a": "T", "b": "T", "c": "T", "d": "T", "e": "T", "f": "T", "g": "U"}
	pred := map[string]string{"a": "1", "b": "1", "c": "2", "d": "2", "e": "2", "g": "2"}
	// Same topic, different story: 15 pairs in T less 3+3 within
	// stories = 9. Put together: c-d and c-e (g is another topic).
	merged, pairs := TopicConfusion(pred, story, topic)
	if merged != 2 || pairs != 9 {
		t.Errorf("TopicConfusion = %d of %d, want 2 of 9", merged, pairs)
	}
}

func writeStoryFile(t *testing.T, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLoadStorySet(t *testing.T) {
	t.Run("shared layout", func(t *testing.T) {
		dir := t.TempDir()
		writeStoryFile(t, filepath.Join(dir, "gold.jsonl"), `{"id": "d1", "story": "1_ecb", "topic": "1"}
{"id": "d2", "story": "1_ecbplus", "topic": "1"}
`)
		writeStoryFile(t, filepath.Join(dir, "docs", "d1.txt"), "A dam failed.")
		writeStoryFile(t, filepath.Join(dir, "docs", "d2.txt"), "Another dam failed.")
		set, err := LoadStorySet(dir)
		if err != nil {
			t.Fatal(err)
		}
		if !set.HasTopics || len(set.Docs) != 2 || set.Docs[1].Story != "1_ecbplus" || set.Docs[1].Topic != "1" || set.Docs[0].Text != "A dam failed." {
			t.Errorf("set = %+v", set)
		}
	})
	t.Run("seeds layout", func(t *testing.T) {
		dir := t.TempDir()
		writeStoryFile(t, filepath.Join(dir, "gold.json"), `{
 "documents": {"x.txt": {"published": "2025-01-02"}, "y.txt": {"published": null, "published_via_copy": "2025-01-03"}, "z.txt": {}},
 "duplicate_groups": [{"members": ["x.txt", "y.txt"], "original": "x.txt"}],
 "stories": [{"label": "one", "members": ["x.txt", "y.txt"]}, {"label": "two", "members": ["z.txt"]}]
}`)
		for _, f := range []string{"x.txt", "y.txt", "z.txt"} {
			writeStoryFile(t, filepath.Join(dir, "clean", f), "text of "+f)
		}
		set, err := LoadStorySet(dir)
		if err != nil {
			t.Fatal(err)
		}
		if set.HasTopics || len(set.Docs) != 3 {
			t.Fatalf("set = %+v", set)
		}
		x, y, z := set.Docs[0], set.Docs[1], set.Docs[2]
		if x.Story != y.Story || x.Story == z.Story || x.CopyGroup == "" || x.CopyGroup != y.CopyGroup || z.CopyGroup != "" {
			t.Errorf("docs = %+v", set.Docs)
		}
		if !x.Published.Equal(time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC)) || !y.Published.Equal(time.Date(2025, 1, 3, 0, 0, 0, 0, time.UTC)) || !z.Published.IsZero() {
			t.Errorf("dates = %v %v %v", x.Published, y.Published, z.Published)
		}
		if z.Text != "text of z.txt" {
			t.Errorf("text = %q", z.Text)
		}
	})
	t.Run("no reference", func(t *testing.T) {
		if _, err := LoadStorySet(t.TempDir()); err == nil {
			t.Error("no error for an empty folder")
		}
	})
}
