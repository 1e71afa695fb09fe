package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/gen"
	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/store"
)

// copyState is what the dedup stage decided for one article, keyed by the
// input it came from so that runs over other stores compare.
type copyState struct {
	Group, DuplicateOf, Published, PublishedFrom, Title string
	Evidence                                            *model.CopyEvidence
}

func snapshot(t *testing.T, st store.Store) map[string]copyState {
	t.Helper()
	out := map[string]copyState{}
	bySource := map[string]string{}
	err := st.Each(context.Background(), func(a model.Article) error {
		bySource[a.ID] = filepath.Base(a.Source)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	name := func(id string) string {
		if id == "" {
			return ""
		}
		return bySource[id]
	}
	err = st.Each(context.Background(), func(a model.Article) error {
		s := copyState{Group: a.DupGroup, DuplicateOf: name(a.DuplicateOf), Published: a.Published,
			PublishedFrom: a.Provenance[model.FieldPublished].From, Title: a.Title}
		if s.Group != "" {
			s.Group = "group of " + name(strings.TrimPrefix(a.DupGroup, "g"))
		}
		if a.CopyEvidence != nil {
			ev := *a.CopyEvidence
			ev.Of, ev.Via = name(ev.Of), name(ev.Via)
			s.Evidence = &ev
		}
		out[filepath.Base(a.Source)] = s
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func ingestDir(t *testing.T, st store.Store, batch int, paths ...string) Summary {
	t.Helper()
	opt := DefaultOptions()
	opt.BatchSize = batch
	opt.Analyze = false // these tests are about copies; analysis has its own
	sum, err := mustNew(t, st, opt).Ingest(context.Background(), paths)
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

// TestCopiesMatchGenerated checks the groups against the generator's known
// copy relations, with articles arriving in small batches so that most
// copies meet their original across batches.
func TestCopiesMatchGenerated(t *testing.T) {
	dir := t.TempDir()
	var manifest strings.Builder
	opt := gen.DefaultOptions
	opt.Manifest = &manifest
	if err := gen.WriteCorpus(dir, 11, 150, opt); err != nil {
		t.Fatal(err)
	}
	st := openStore(t)
	sum := ingestDir(t, st, 16, dir)
	if sum.Copies.Links == 0 || sum.Copies.Linked != 150 {
		t.Fatalf("copies summary %+v", sum.Copies)
	}
	got := snapshot(t, st)

	// Gold: a copy belongs with its original.
	type entry struct {
		Name   string `json:"name"`
		CopyOf int    `json:"copy_of"`
	}
	var names []string
	copyOf := map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(manifest.String()), "\n") {
		var e entry
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatal(err)
		}
		names = append(names, filepath.Base(e.Name))
		copyOf[filepath.Base(e.Name)] = e.CopyOf
	}
	root := func(n string) string {
		for copyOf[n] >= 0 {
			n = names[copyOf[n]]
		}
		return n
	}
	var tp, fp, fn int
	for i, a := range names {
		for _, b := range names[i+1:] {
			same := root(a) == root(b)
			found := got[a].Group != "" && got[a].Group == got[b].Group
			switch {
			case same && found:
				tp++
			case found:
				fp++
				t.Logf("false merge %s + %s", a, b)
			case same:
				fn++
				t.Logf("missed %s + %s", a, b)
			}
		}
	}
	if tp == 0 || fn > 0 || fp > tp/20 {
		t.Errorf("pairs: %d found, %d false, %d missed", tp, fp, fn)
	}
	// Every group names one of its members as original, and copies point
	// at it with evidence.
	for n, s := range got {
		if s.DuplicateOf != "" {
			if s.Evidence == nil || s.Evidence.Of != s.DuplicateOf || got[s.DuplicateOf].Group != s.Group {
				t.Errorf("%s: copy of %s with evidence %+v", n, s.DuplicateOf, s.Evidence)
			}
		}
	}
}

// htmlOnly generates HTML pages alone: their cleaning does not depend on
// what else is in the batch (scraped text does, through line counts), so
// any difference between runs is the dedup stage's.
var htmlOnly = func() gen.Options { o := gen.DefaultOptions; o.HTMLShare = 1; return o }()

// TestCopiesOrderIndependent ingests the same files in two orders and batch
// sizes: the groups, originals, evidence and lent dates must not differ.
func TestCopiesOrderIndependent(t *testing.T) {
	dir := t.TempDir()
	if err := gen.WriteCorpus(dir, 5, 80, htmlOnly); err != nil {
		t.Fatal(err)
	}
	var files []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	forward := openStore(t)
	ingestDir(t, forward, 64, files...)
	slices.Reverse(files)
	backward := openStore(t)
	for _, f := range files {
		ingestDir(t, backward, 1, f)
	}
	a, b := snapshot(t, forward), snapshot(t, backward)
	groups := 0
	for k := range a {
		if a[k].Group != "" {
			groups++
		}
		if !reflect.DeepEqual(a[k], b[k]) {
			t.Errorf("%s: forward %+v, one by one backward %+v", k, a[k], b[k])
		}
	}
	if groups == 0 {
		t.Fatal("no groups: the test shows nothing")
	}
}

// TestCopiesCatchUp leaves every article unlinked, as a store from an older
// sitrep or a run killed after storing a batch would, and checks that the
// next ingest links them to the same result.
func TestCopiesCatchUp(t *testing.T) {
	dir := t.TempDir()
	if err := gen.WriteCorpus(dir, 9, 60, htmlOnly); err != nil {
		t.Fatal(err)
	}
	st := openStore(t)
	ingestDir(t, st, 32, dir)
	want := snapshot(t, st)
	if err := st.ResetCopies(context.Background()); err != nil {
		t.Fatal(err)
	}
	if s, _ := st.Stats(context.Background()); s.CopyPending != 60 || s.CopyGroups != 0 {
		t.Fatalf("after reset: pending %d groups %d", s.CopyPending, s.CopyGroups)
	}
	sum := ingestDir(t, st, 32, t.TempDir())
	if sum.Copies.Indexed != 60 || sum.Copies.Linked != 60 {
		t.Errorf("catch-up summary %+v", sum.Copies)
	}
	if got := snapshot(t, st); !reflect.DeepEqual(got, want) {
		t.Errorf("catch-up differs from the first run")
	}
	// Reprocessing rebuilds the groups over the new texts: same texts, same
	// groups.
	if _, err := mustNew(t, st, DefaultOptions()).Reprocess(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := snapshot(t, st); !reflect.DeepEqual(got, want) {
		t.Errorf("reprocess changed the copy groups")
	}
}

// wireStory is a made-up agency report long enough for containment to be
// trusted.
func wireStory(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "Paragraph %d of the report says the border patrol of Velmar counted %d trucks near the Osk crossing, "+
			"and the regional council of Dravna asked for %d more inspectors before the harvest season ends. ", i+1, 10+i*7, 3+i)
	}
	return b.String()
}

func jsonLine(t *testing.T, fields map[string]string) string {
	t.Helper()
	b, err := json.Marshal(fields)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestCopiesCreditAndInheritance: the copy credits the original's outlet,
// so the original is the one with no date; it gets the copy's date, marked
// as lent, and a later third copy leaves that in place.
func TestCopiesCreditAndInheritance(t *testing.T) {
	dir := t.TempDir()
	story := wireStory(8)
	lines := []string{
		jsonLine(t, map[string]string{"url": "https://velmar-news.example/a", "outlet": "Velmar News Agency", "title": "Trucks queue at the Osk crossing", "text": story}),
		jsonLine(t, map[string]string{"url": "https://aggregator.example/b", "outlet": "Aggregator", "published": "2025-06-03",
			"text": "OSK, June 3 (Velmar News) - " + story + " Read more on our partner sites."}),
	}
	if err := os.WriteFile(filepath.Join(dir, "a.jsonl"), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	st := openStore(t)
	ingestDir(t, st, 10, dir)
	got := snapshot(t, st)
	orig, cp := got["a.jsonl#1"], got["a.jsonl#2"]
	if orig.Group == "" || orig.Group != cp.Group || orig.DuplicateOf != "" || cp.DuplicateOf != "a.jsonl#1" {
		t.Fatalf("groups: original %+v, copy %+v", orig, cp)
	}
	if cp.Evidence == nil || cp.Evidence.Credit == "" || cp.Evidence.Containment < 0.9 {
		t.Errorf("copy evidence %+v", cp.Evidence)
	}
	if orig.Published != "2025-06-03" || orig.PublishedFrom != model.FromCopy {
		t.Errorf("original did not get the copy's date: %+v", orig)
	}
	if cp.Title != "Trucks queue at the Osk crossing" {
		t.Errorf("copy did not get the original's title: %q", cp.Title)
	}
	groups, err := st.CopyGroups(context.Background(), store.CopyGroupOptions{})
	if err != nil || len(groups) != 1 || groups[0].Reason != "credited" {
		t.Fatalf("groups %+v, %v", groups, err)
	}

	// A third copy arrives in a later run, trimmed to its first half.
	third := jsonLine(t, map[string]string{"outlet": "Dravna Daily", "published": "2025-06-04", "text": story[:len(story)/2]})
	if err := os.WriteFile(filepath.Join(dir, "b.jsonl"), []byte(third+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ingestDir(t, st, 10, dir)
	again := snapshot(t, st)
	// The group's ID follows its smallest member, so it may change.
	stillOrig := again["a.jsonl#1"]
	stillOrig.Group = orig.Group
	if again["b.jsonl#1"].DuplicateOf != "a.jsonl#1" || stillOrig != orig || again["b.jsonl#1"].Group != again["a.jsonl#1"].Group {
		t.Errorf("after a third copy: original %+v, third %+v", again["a.jsonl#1"], again["b.jsonl#1"])
	}
	if s, _ := st.Stats(context.Background()); s.CopyGroups != 1 || s.Copies != 2 || s.CopyPending != 0 {
		t.Errorf("stats %+v", s)
	}
}
