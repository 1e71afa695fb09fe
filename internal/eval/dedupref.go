package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// DedupRef is a reference for the dedup stage in any of the layouts sitrep
// reads, with documents keyed the way DocKey names them.
type DedupRef struct {
	Name string
	// Root is what to ingest; DocKey maps an ingested source back to a key.
	Root string
	// Group maps every document to its group label ("" or absent: alone).
	Group map[string]string
	// Original maps a group label to the key of its original, where the
	// reference says which member that is.
	Original map[string]string
	// InheritedDate maps a document that prints no date to the date its
	// copies give it (seeds: "published_via_copy").
	InheritedDate map[string]string
	// layout decides how DocKey cuts sources.
	stripExt bool
}

// DocKey is the reference key of an ingested source: its path relative to
// Root with "#N" for container records, or, for the shared layout, the file
// name without its extension.
func (r DedupRef) DocKey(source string) string {
	rel, err := filepath.Rel(r.Root, source)
	if err != nil {
		rel = source
	}
	rel = filepath.ToSlash(rel)
	if r.stripExt {
		rel = strings.TrimSuffix(rel, filepath.Ext(rel))
	}
	return rel
}

// LoadDedupRef reads a reference from dir: the shared layout (gold.jsonl of
// {"id","group"} with docs/), the seeds layout (gold.json with
// duplicate_groups beside articles/), or, when gold is set, that gold.json
// with documents keyed by path relative to dir (the example corpus).
//
// A shared-layout group label that is the id of one of its members names
// the original of a group of two or more, as the generated sets write them.
func LoadDedupRef(dir, gold string) (DedupRef, error) {
	ref := DedupRef{Name: filepath.Base(filepath.Clean(dir)), Original: map[string]string{}, InheritedDate: map[string]string{}}
	switch {
	case gold != "":
		ref.Root = filepath.Clean(dir)
		return ref, ref.loadJSON(gold)
	case exists(filepath.Join(dir, "gold.jsonl")):
		groups, err := LoadDedupGold(filepath.Join(dir, "gold.jsonl"))
		if err != nil {
			return ref, err
		}
		ref.Root, ref.Group, ref.stripExt = filepath.Join(dir, "docs"), groups, true
		size := map[string]int{}
		for _, g := range groups {
			size[g]++
		}
		for id, g := range groups {
			if g == id && size[g] > 1 {
				ref.Original[g] = id
			}
		}
		return ref, nil
	case exists(filepath.Join(dir, "gold.json")):
		ref.Root = filepath.Join(dir, "articles")
		return ref, ref.loadJSON(filepath.Join(dir, "gold.json"))
	}
	return ref, fmt.Errorf("dedup reference %s: no gold.jsonl or gold.json", dir)
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// loadJSON reads the gold.json layout: documents keyed by path, and
// duplicate_groups with members and original.
func (r *DedupRef) loadJSON(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("dedup reference: %w", err)
	}
	var g struct {
		Documents map[string]struct {
			PublishedViaCopy string `json:"published_via_copy"`
		} `json:"documents"`
		DuplicateGroups []struct {
			Members  []string `json:"members"`
			Original string   `json:"original"`
		} `json:"duplicate_groups"`
	}
	if err := json.Unmarshal(b, &g); err != nil {
		return fmt.Errorf("dedup reference %s: %w", path, err)
	}
	if len(g.Documents) == 0 {
		return fmt.Errorf("dedup reference %s: no documents", path)
	}
	r.Group = make(map[string]string, len(g.Documents))
	for k, d := range g.Documents {
		r.Group[k] = ""
		if d.PublishedViaCopy != "" {
			r.InheritedDate[k] = d.PublishedViaCopy
		}
	}
	for i, dg := range g.DuplicateGroups {
		label := fmt.Sprintf("group-%d", i+1)
		for _, m := range dg.Members {
			if _, ok := r.Group[m]; !ok {
				return fmt.Errorf("dedup reference %s: group %d: member %q is not a document", path, i+1, m)
			}
			if r.Group[m] != "" {
				return fmt.Errorf("dedup reference %s: %q is in two groups", path, m)
			}
			r.Group[m] = label
		}
		if dg.Original != "" {
			r.Original[label] = dg.Original
		}
	}
	return nil
}

// DedupOutcome is what a run of the dedup stage gave for each document.
type DedupOutcome struct {
	Group     string // predicted group label, "" when alone
	Original  bool   // predicted as its group's original
	Published string
}

// DedupResult adds the checks pairwise figures cannot make: whether each
// group's original was found, and whether dates were lent across copies.
type DedupResult struct {
	DedupScore
	// Originals counts reference groups whose original is known, and
	// OriginalsRight those where that document was predicted original of a
	// group.
	Originals, OriginalsRight int
	// Inherited counts documents the reference says get their date from a
	// copy; InheritedRight those that got that date.
	Inherited, InheritedRight int
	// Missing lists reference documents that produced no article.
	Missing []string
	// WrongOriginals lists the reference originals not predicted as such.
	WrongOriginals []string
}

func (r DedupResult) String() string {
	s := r.DedupScore.String()
	if r.Originals > 0 {
		s += fmt.Sprintf("  originals %d/%d", r.OriginalsRight, r.Originals)
	}
	if r.Inherited > 0 {
		s += fmt.Sprintf("  dates via copy %d/%d", r.InheritedRight, r.Inherited)
	}
	if len(r.Missing) > 0 {
		s += fmt.Sprintf("  missing %d", len(r.Missing))
	}
	return s
}

// ScoreDedupRef scores outcomes keyed like the reference.
func ScoreDedupRef(ref DedupRef, got map[string]DedupOutcome) DedupResult {
	pred := make(map[string]string, len(got))
	for k, o := range got {
		pred[k] = o.Group
	}
	res := DedupResult{DedupScore: ScoreDedup(ref.Group, pred)}
	res.Set = ref.Name
	for k := range ref.Group {
		if _, ok := got[k]; !ok {
			res.Missing = append(res.Missing, k)
		}
	}
	sort.Strings(res.Missing)
	for _, orig := range ref.Original {
		res.Originals++
		if o := got[orig]; o.Original && o.Group != "" {
			res.OriginalsRight++
		} else {
			res.WrongOriginals = append(res.WrongOriginals, orig)
		}
	}
	sort.Strings(res.WrongOriginals)
	for k, date := range ref.InheritedDate {
		res.Inherited++
		if got[k].Published == date {
			res.InheritedRight++
		}
	}
	return res
}
