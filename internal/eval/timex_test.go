package eval

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/nlp/text"
	"github.com/sitrep/sitrep/internal/nlp/timex"
)

func TestScoreTimexMatching(t *testing.T) {
	gold := []TimexSpan{
		{Start: 0, End: 5, Type: "DATE", Value: "2024-03-12"},
		{Start: 10, End: 20, Type: "DURATION", Value: "P3D"},
		{Start: 30, End: 35, Type: "DATE", Value: "2024"},
	}
	pred := []TimexSpan{
		{Start: 0, End: 5, Type: "DATE", Value: "2024-03-12"}, // strict, right
		{Start: 12, End: 20, Type: "DATE", Value: "P3D"},      // relaxed, wrong type
		{Start: 14, End: 18, Type: "DURATION", Value: "P3D"},  // second overlap of one gold: spurious
		{Start: 40, End: 45, Type: "DATE", Value: "PAST_REF"}, // spurious
	}
	var r TimexResult
	r.add("d", gold, pred)
	r.finish()
	if r.StrictTP != 1 || r.RelaxedTP != 2 || r.TypeRight != 1 || r.ValueRight != 2 {
		t.Fatalf("counts: %+v", r)
	}
	if !closePRF(r.Relaxed, PRF{P: 0.5, R: 2.0 / 3, F: 4.0 / 7}) {
		t.Errorf("relaxed %+v", r.Relaxed)
	}
	if abs(r.ValueF1-4.0/7) > 1e-9 || abs(r.TypeF1-2.0/7) > 1e-9 {
		t.Errorf("value F1 %v type F1 %v", r.ValueF1, r.TypeF1)
	}
	kinds := map[string]int{}
	for _, e := range r.Errors {
		kinds[e.Kind]++
	}
	if kinds["missed"] != 1 || kinds["spurious"] != 2 || kinds["type"] != 1 {
		t.Errorf("errors %v", kinds)
	}
	line := r.String()
	for _, want := range []string{"strict P 0.250", "relaxed P 0.500 R 0.667", "value acc 1.000"} {
		if !strings.Contains(line, want) {
			t.Errorf("String() = %q, lacks %q", line, want)
		}
	}
}

func TestLoadTimexSet(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "docs"), 0o755); err != nil {
		t.Fatal(err)
	}
	doc := "Le 12 mars, on Tuesday."
	if err := os.WriteFile(filepath.Join(dir, "docs", "a.txt"), []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	gold := `{"id":"a","dct":"2024-03-14","timexes":[{"start":15,"end":22,"text":"Tuesday","type":"DATE","value":"2024-03-12"}]}` + "\n"
	if err := os.WriteFile(filepath.Join(dir, "gold.jsonl"), []byte(gold), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := LoadTimexSet(dir)
	if err != nil {
		t.Fatal(err)
	}
	d := set.Docs[0]
	if d.ID != "a" || !d.DCT.Equal(time.Date(2024, 3, 14, 0, 0, 0, 0, time.UTC)) || len(d.Timexes) != 1 {
		t.Fatalf("loaded %+v", d)
	}
	r := ScoreTimex(set, func(d TimexDoc) []TimexSpan {
		var out []TimexSpan
		for _, e := range timex.Find(text.Analyze(d.Text, "en"), d.DCT) {
			out = append(out, TimexSpan{Start: e.Span.Start, End: e.Span.End, Text: e.Text, Type: e.Type, Value: e.Value})
		}
		return out
	})
	if r.StrictTP != 1 || r.ValueRight != 1 {
		t.Errorf("%s\n%v", r, r.Errors)
	}

	bad := `{"id":"a","dct":"2024-03-14","timexes":[{"start":14,"end":99,"text":"x","type":"DATE","value":""}]}` + "\n"
	if err := os.WriteFile(filepath.Join(dir, "gold.jsonl"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadTimexSet(dir); err == nil {
		t.Error("a span past the text loaded")
	}
}

// TestSharedTimex scores the shared TempEval-3 set when it is present;
// SITREP_TIMEX_ERRORS=N logs N disagreements.
func TestSharedTimex(t *testing.T) {
	// Tests stay self-contained; this one scores the shared set when asked
	// (the .ci/run evals print the same figures without failing on them).
	if os.Getenv("SITREP_SHARED") != "1" {
		t.Skip("set SITREP_SHARED=1 to score the shared timex set")
	}
	dir := filepath.Join("..", "..", "..", "shared", "data", "timex", "tempeval3-tbaq")
	if _, err := os.Stat(filepath.Join(dir, "gold.jsonl")); err != nil {
		t.Skip("shared timex set not present")
	}
	set, err := LoadTimexSet(dir)
	if err != nil {
		t.Fatal(err)
	}
	r := ScoreTimex(set, func(d TimexDoc) []TimexSpan {
		var out []TimexSpan
		for _, e := range timex.Find(text.Analyze(d.Text, "en"), d.DCT) {
			out = append(out, TimexSpan{Start: e.Span.Start, End: e.Span.End, Text: e.Text, Type: e.Type, Value: e.Value})
		}
		return out
	})
	t.Log(r)
	n, _ := strconv.Atoi(os.Getenv("SITREP_TIMEX_ERRORS"))
	kind := os.Getenv("SITREP_TIMEX_KIND")
	for _, e := range r.Errors {
		if n <= 0 {
			break
		}
		if kind == "" || kind == e.Kind {
			t.Log(e)
			n--
		}
	}
	if r.Relaxed.F < 0.92 || r.ValueF1 < 0.79 {
		t.Errorf("timex scores fell: %s", r)
	}
}

func TestSharedTimexSpans(t *testing.T) {
	if os.Getenv("SITREP_TIMEX_SPANS") == "" {
		t.Skip()
	}
	dir := filepath.Join("..", "..", "..", "shared", "data", "timex", "tempeval3-tbaq")
	set, err := LoadTimexSet(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range set.Docs {
		got := timex.Find(text.Analyze(d.Text, "en"), d.DCT)
		for _, g := range d.Timexes {
			for _, e := range got {
				if e.Span.Start < g.End && g.Start < e.Span.End && (e.Span.Start != g.Start || e.Span.End != g.End) {
					t.Logf("gold %q found %q", g.Text, e.Text)
				}
			}
		}
	}
}
