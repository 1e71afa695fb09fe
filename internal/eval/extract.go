package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/model"
)

// ExtractDoc is one document of an extraction reference set.
type ExtractDoc struct {
	ID   string
	Path string
	Body []byte
	Gold ExtractGold
}

// ExtractGold is the reference for one document. Pointers distinguish "the
// reference says there is none" (pointer to "") from "not annotated" (nil).
type ExtractGold struct {
	Text           *string
	Title          *string
	Author         *string
	Published      *string
	Outlet         *string
	CreditedSource *string
	Language       *string
	With, Without  []string // snippet gold (trafilatura-eval)
}

// ExtractSet is a loaded reference set.
type ExtractSet struct {
	Name   string
	Format model.Format
	Docs   []ExtractDoc
}

// Snippets reports whether the set is judged by snippets rather than text.
func (s *ExtractSet) Snippets() bool {
	for _, d := range s.Docs {
		if len(d.Gold.With) > 0 || len(d.Gold.Without) > 0 {
			return true
		}
	}
	return false
}

// LoadExtractSet reads a set folder: gold.jsonl beside docs/<id>.<ext>, as in
// shared/data, or a seeds folder: articles/ with clean/ and gold.json.
func LoadExtractSet(dir string) (*ExtractSet, error) {
	if _, err := os.Stat(filepath.Join(dir, "gold.jsonl")); err == nil {
		return loadJSONLSet(dir)
	}
	if _, err := os.Stat(filepath.Join(dir, "gold.json")); err == nil {
		return loadSeedSet(dir)
	}
	return nil, fmt.Errorf("eval: %s holds neither gold.jsonl nor gold.json", dir)
}

func setName(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return dir
	}
	return filepath.Base(filepath.Dir(abs)) + "/" + filepath.Base(abs)
}

func loadJSONLSet(dir string) (*ExtractSet, error) {
	docsDir := filepath.Join(dir, "docs")
	set := &ExtractSet{Name: setName(dir)}
	err := EachLine(filepath.Join(dir, "gold.jsonl"), func(_ int, b []byte) error {
		var g struct {
			ID        string   `json:"id"`
			Text      *string  `json:"text"`
			Title     *string  `json:"title"`
			Author    *string  `json:"author"`
			Published *string  `json:"published"`
			With      []string `json:"with"`
			Without   []string `json:"without"`
		}
		if err := json.Unmarshal(b, &g); err != nil {
			return err
		}
		if err := checkID(g.ID); err != nil {
			return err
		}
		path, format, err := findDoc(docsDir, g.ID)
		if err != nil {
			return err
		}
		body, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		set.Format = format
		set.Docs = append(set.Docs, ExtractDoc{ID: g.ID, Path: path, Body: body, Gold: ExtractGold{
			Text: g.Text, Title: g.Title, Author: g.Author, Published: g.Published, With: g.With, Without: g.Without,
		}})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return set, nil
}

func findDoc(docsDir, id string) (string, model.Format, error) {
	for _, c := range []struct {
		ext string
		f   model.Format
	}{{".html", model.FormatHTML}, {".htm", model.FormatHTML}, {".txt", model.FormatText}} {
		p := filepath.Join(docsDir, id+c.ext)
		if _, err := os.Stat(p); err == nil {
			return p, c.f, nil
		}
	}
	return "", "", fmt.Errorf("eval: no document for id %q in %s", id, docsDir)
}

// loadSeedSet reads the founding-sample layout: articles/*.txt, the expected
// main text in clean/, and per-document metadata in gold.json, where null
// means the text alone does not give the value.
func loadSeedSet(dir string) (*ExtractSet, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "gold.json"))
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	var g struct {
		Documents map[string]map[string]any `json:"documents"`
	}
	if err := json.Unmarshal(raw, &g); err != nil {
		return nil, fmt.Errorf("eval: %s/gold.json: %w", dir, err)
	}
	names := make([]string, 0, len(g.Documents))
	for n := range g.Documents {
		names = append(names, n)
	}
	sort.Strings(names)
	set := &ExtractSet{Name: setName(dir), Format: model.FormatText}
	str := func(m map[string]any, k string) *string {
		v, ok := m[k]
		if !ok {
			return nil
		}
		s, _ := v.(string)
		return &s
	}
	for _, n := range names {
		if strings.ContainsAny(n, `/\`) {
			return nil, fmt.Errorf("eval: %s/gold.json: bad document name %q", dir, n)
		}
		meta := g.Documents[n]
		body, err := os.ReadFile(filepath.Join(dir, "articles", n))
		if err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		d := ExtractDoc{ID: n, Path: filepath.Join(dir, "articles", n), Body: body}
		if clean, err := os.ReadFile(filepath.Join(dir, "clean", n)); err == nil {
			s := strings.TrimSpace(string(clean))
			d.Gold.Text = &s
		}
		d.Gold.Title = str(meta, "title")
		d.Gold.Author = str(meta, "author")
		d.Gold.Published = str(meta, "published")
		d.Gold.Outlet = str(meta, "outlet")
		d.Gold.Language = str(meta, "language")
		if _, ok := meta["credited_source"]; ok {
			d.Gold.CreditedSource = str(meta, "credited_source")
		} else {
			empty := ""
			d.Gold.CreditedSource = &empty
		}
		set.Docs = append(set.Docs, d)
	}
	return set, nil
}

// FieldScore counts exact matches of one metadata field.
type FieldScore struct{ Right, Total int }

// Accuracy is Right/Total, or -1 when nothing was annotated.
func (f FieldScore) Accuracy() float64 {
	if f.Total == 0 {
		return -1
	}
	return float64(f.Right) / float64(f.Total)
}

// ExtractResult is the score of one system on one set.
type ExtractResult struct {
	Set, System string
	Docs        int
	Failed      int
	Word        PRF // averaged per document
	Shingle     PRF // averaged per document
	// Snippet figures, pooled over the set (trafilatura-eval).
	SnippetP, SnippetR, SnippetF, SnippetAcc float64
	Fields                                   map[string]FieldScore
	Elapsed                                  time.Duration
	// Worst lists the documents with the lowest word F1, for inspection.
	Worst []DocScore
}

// DocScore is one document's word F1.
type DocScore struct {
	ID string
	F  float64
}

// Prediction is what a system produced for one document.
type Prediction struct {
	Text                                                   string
	Title, Author, Published, Outlet, CreditedSource, Lang string
}

// ScoreExtract runs predict over every document and scores it. predict is
// called in document order; a returned error counts the document as failed
// (empty prediction) rather than stopping the run.
func ScoreExtract(set *ExtractSet, system string, predict func(ExtractDoc) (Prediction, error)) ExtractResult {
	res := ExtractResult{Set: set.Name, System: system, Fields: map[string]FieldScore{}}
	preds := make([]Prediction, len(set.Docs))
	start := time.Now()
	for i, d := range set.Docs {
		p, err := predict(d)
		if err != nil {
			res.Failed++
			p = Prediction{}
		}
		preds[i] = p
	}
	res.Elapsed = time.Since(start)
	res.Docs = len(set.Docs)
	if set.Snippets() {
		scoreSnippets(set, preds, &res)
	} else {
		withTitle := goldIncludesTitle(set, preds)
		var word, sh PRF
		n := 0
		for i, d := range set.Docs {
			if d.Gold.Text == nil {
				continue
			}
			text := preds[i].Text
			if withTitle && preds[i].Title != "" {
				text = preds[i].Title + "\n" + text
			}
			w := WordPRF(text, *d.Gold.Text)
			s := ShinglePRF(text, *d.Gold.Text)
			word.P, word.R, word.F = word.P+w.P, word.R+w.R, word.F+w.F
			sh.P, sh.R, sh.F = sh.P+s.P, sh.R+s.R, sh.F+s.F
			res.Worst = append(res.Worst, DocScore{d.ID, w.F})
			n++
		}
		if n > 0 {
			res.Word = PRF{word.P / float64(n), word.R / float64(n), word.F / float64(n)}
			res.Shingle = PRF{sh.P / float64(n), sh.R / float64(n), sh.F / float64(n)}
		}
		sort.SliceStable(res.Worst, func(i, j int) bool { return res.Worst[i].F < res.Worst[j].F })
		if len(res.Worst) > 10 {
			res.Worst = res.Worst[:10]
		}
	}
	for i, d := range set.Docs {
		p := preds[i]
		field(res.Fields, "title", d.Gold.Title, p.Title)
		field(res.Fields, "author", d.Gold.Author, p.Author)
		field(res.Fields, "published", d.Gold.Published, p.Published)
		field(res.Fields, "outlet", d.Gold.Outlet, p.Outlet)
		field(res.Fields, "credited_source", d.Gold.CreditedSource, p.CreditedSource)
		field(res.Fields, "language", d.Gold.Language, p.Lang)
	}
	return res
}

func field(m map[string]FieldScore, name string, gold *string, pred string) {
	if gold == nil {
		return
	}
	fs := m[name]
	fs.Total++
	if normField(*gold) == normField(pred) {
		fs.Right++
	}
	m[name] = fs
}

// normField compares metadata after the normalisation the reference sets
// prescribe: whitespace collapsed, case folded, typographic quotes unified.
func normField(s string) string {
	s = strings.NewReplacer("‘", "'", "’", "'", "“", `"`, "”", `"`).Replace(s)
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// goldIncludesTitle decides, for the whole set, whether its reference text
// starts with the headline. Sets differ on this convention; sitrep keeps the
// title apart from the text, so it is prepended when the set expects it.
func goldIncludesTitle(set *ExtractSet, preds []Prediction) bool {
	yes, n := 0, 0
	for i, d := range set.Docs {
		if d.Gold.Text == nil {
			continue
		}
		title := ""
		if d.Gold.Title != nil {
			title = *d.Gold.Title
		} else {
			title = preds[i].Title
		}
		if title == "" {
			continue
		}
		n++
		head := *d.Gold.Text
		if len(head) > 600 {
			head = head[:600]
		}
		if strings.Contains(normField(head), normField(title)) {
			yes++
		}
	}
	return n > 0 && yes*2 > n
}

func scoreSnippets(set *ExtractSet, preds []Prediction, res *ExtractResult) {
	var tp, fn, fp, tn float64
	for i, d := range set.Docs {
		out := strings.Join(strings.Fields(preds[i].Title+" "+preds[i].Text), " ")
		for _, s := range d.Gold.With {
			if strings.Contains(out, strings.Join(strings.Fields(s), " ")) {
				tp++
			} else {
				fn++
			}
		}
		for _, s := range d.Gold.Without {
			if strings.Contains(out, strings.Join(strings.Fields(s), " ")) {
				fp++
			} else {
				tn++
			}
		}
	}
	if tp+fp > 0 {
		res.SnippetP = tp / (tp + fp)
	}
	if tp+fn > 0 {
		res.SnippetR = tp / (tp + fn)
	}
	if res.SnippetP+res.SnippetR > 0 {
		res.SnippetF = 2 * res.SnippetP * res.SnippetR / (res.SnippetP + res.SnippetR)
	}
	if all := tp + tn + fp + fn; all > 0 {
		res.SnippetAcc = (tp + tn) / all
	}
}

// String formats a result as one line of the eval table.
func (r ExtractResult) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-28s %-12s docs %4d", r.Set, r.System, r.Docs)
	if r.SnippetF > 0 || r.SnippetAcc > 0 {
		fmt.Fprintf(&b, "  snippet P %.3f R %.3f F1 %.3f acc %.3f", r.SnippetP, r.SnippetR, r.SnippetF, r.SnippetAcc)
	} else {
		fmt.Fprintf(&b, "  word P %.3f R %.3f F1 %.3f  shingle F1 %.3f", r.Word.P, r.Word.R, r.Word.F, r.Shingle.F)
	}
	names := make([]string, 0, len(r.Fields))
	for k := range r.Fields {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		fs := r.Fields[k]
		fmt.Fprintf(&b, "  %s %d/%d", k, fs.Right, fs.Total)
	}
	if r.Failed > 0 {
		fmt.Fprintf(&b, "  failed %d", r.Failed)
	}
	if s := r.Elapsed.Seconds(); s > 0 {
		fmt.Fprintf(&b, "  %.0f docs/s", float64(r.Docs)/s)
	}
	return b.String()
}
