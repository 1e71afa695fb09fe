package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
)

// MetaGold is a corpus annotation in the founding sample's shape: a
// "documents" object keyed by document name (a path relative to the corpus,
// with "#N" for a record of a container), each with outlet, title,
// published, author, language and credited_source. A null value means the
// document does not give it; a missing key means it was not annotated,
// except credited_source, whose absence means the article credits no one.
type MetaGold map[string]map[string]any

// LoadMetaGold reads the documents of a gold.json file.
func LoadMetaGold(path string) (MetaGold, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	var g struct {
		Documents MetaGold `json:"documents"`
	}
	if err := json.Unmarshal(raw, &g); err != nil {
		return nil, fmt.Errorf("eval: %s: %w", path, err)
	}
	if len(g.Documents) == 0 {
		return nil, fmt.Errorf("eval: %s has no documents", path)
	}
	return g.Documents, nil
}

// MetaResult scores metadata of a corpus.
type MetaResult struct {
	Docs, Missing int
	Fields        map[string]FieldScore
	// Errors lists the wrong values, "doc field: got X, want Y".
	Errors []string
}

// metaFields are the annotated fields and how a Prediction holds them.
var metaFields = []struct {
	name string
	get  func(Prediction) string
}{
	{"title", func(p Prediction) string { return p.Title }},
	{"outlet", func(p Prediction) string { return p.Outlet }},
	{"published", func(p Prediction) string { return p.Published }},
	{"author", func(p Prediction) string { return p.Author }},
	{"language", func(p Prediction) string { return p.Lang }},
	{"credited_source", func(p Prediction) string { return p.CreditedSource }},
}

// ScoreMeta compares predictions, keyed like the gold, with the gold.
// Documents of the gold without a prediction count as missing and wrong.
func ScoreMeta(gold MetaGold, preds map[string]Prediction) MetaResult {
	res := MetaResult{Fields: map[string]FieldScore{}}
	names := make([]string, 0, len(gold))
	for n := range gold {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		res.Docs++
		p, ok := preds[n]
		if !ok {
			res.Missing++
		}
		for _, f := range metaFields {
			v, annotated := gold[n][f.name]
			if !annotated && f.name != "credited_source" {
				continue
			}
			want, _ := v.(string)
			got := f.get(p)
			before := res.Fields[f.name].Right
			field(res.Fields, f.name, &want, got)
			if res.Fields[f.name].Right == before {
				res.Errors = append(res.Errors, fmt.Sprintf("%s %s: got %q, want %q", n, f.name, got, want))
			}
		}
	}
	return res
}

// String formats the result as one line.
func (r MetaResult) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "docs %d (missing %d)", r.Docs, r.Missing)
	for _, f := range metaFields {
		if fs, ok := r.Fields[f.name]; ok {
			fmt.Fprintf(&b, "  %s %d/%d", f.name, fs.Right, fs.Total)
		}
	}
	return b.String()
}
