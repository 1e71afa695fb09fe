// Package examples_test checks that corpus.gold.json matches the example
// corpus: every document it names exists, every document is annotated,
// and every alias, place variant and quote it lists is in the text.
package examples_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

type gold struct {
	About       string                     `json:"about"`
	ToleranceKM float64                    `json:"tolerance_km"`
	Documents   map[string]json.RawMessage `json:"documents"`
	Duplicates  []struct {
		Members  []string `json:"members"`
		Original string   `json:"original"`
		Why      string   `json:"why"`
	} `json:"duplicate_groups"`
	Stories []struct {
		Label   string   `json:"label"`
		Members []string `json:"members"`
	} `json:"stories"`
	Entities []struct {
		Canonical string   `json:"canonical"`
		Type      string   `json:"type"`
		Aliases   []string `json:"aliases"`
		Docs      []string `json:"docs"`
	} `json:"entities"`
	Places []struct {
		Name     string   `json:"name"`
		Variants []string `json:"variants"`
		Lat      float64  `json:"lat"`
		Lon      float64  `json:"lon"`
		Docs     []string `json:"docs"`
	} `json:"places"`
	Events []struct {
		Doc     string   `json:"doc"`
		Type    string   `json:"type"`
		SubType string   `json:"sub_type"`
		Actors  []string `json:"actors"`
		Where   []string `json:"where"`
		Date    *string  `json:"date"`
	} `json:"events"`
	Claims []struct {
		Doc         string `json:"doc"`
		Speaker     string `json:"speaker"`
		Cue         string `json:"cue"`
		QuoteStarts string `json:"quote_starts"`
	} `json:"claims"`
	Contradictions []struct {
		Docs    []string `json:"docs"`
		Between []string `json:"between"`
		On      string   `json:"on"`
	} `json:"contradictions"`
}

type document struct {
	Outlet    *string `json:"outlet"`
	Title     *string `json:"title"`
	Published *string `json:"published"`
	Author    *string `json:"author"`
	Language  string  `json:"language"`
}

func readGold(t *testing.T) *gold {
	t.Helper()
	b, err := os.ReadFile("corpus.gold.json")
	if err != nil {
		t.Fatal(err)
	}
	var g gold
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	return &g
}

// corpusTexts reads every document of the corpus, named the way the gold
// names them, as plain text: HTML tags dropped and entities decoded.
func corpusTexts(t *testing.T) map[string]string {
	t.Helper()
	docs := map[string]string{}
	err := filepath.WalkDir("corpus", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		name := filepath.ToSlash(strings.TrimPrefix(path, "corpus"+string(filepath.Separator)))
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if strings.HasSuffix(name, ".gz") && !strings.HasSuffix(name, ".warc.gz") {
			if b, err = gunzip(b); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
		}
		base := strings.TrimSuffix(name, ".gz")
		switch {
		case strings.HasSuffix(name, ".warc.gz"):
			return warcRecords(name, b, docs)
		case strings.HasSuffix(base, ".jsonl"):
			for i, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
				var r struct{ Title, Text, HTML string }
				if err := json.Unmarshal([]byte(line), &r); err != nil {
					return fmt.Errorf("%s:%d: %w", name, i+1, err)
				}
				docs[fmt.Sprintf("%s#%d", name, i+1)] = r.Title + "\n" + r.Text + plain(r.HTML)
			}
		case strings.HasSuffix(base, ".xml"):
			return feedItems(name, b, docs)
		case strings.HasSuffix(base, ".html"):
			if bytes.Contains(b, []byte(`charset="windows-1252"`)) {
				// The readable source of the windows-1252 page; mkpack's
				// test checks that the corpus file encodes it.
				if b, err = os.ReadFile(filepath.Join("tools/mkpack/src", name)); err != nil {
					return err
				}
			}
			docs[name] = plain(string(b))
		default:
			docs[name] = string(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

func gunzip(b []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

var tagRe = regexp.MustCompile(`(?s)<[^>]*>`)

func plain(s string) string { return html.UnescapeString(tagRe.ReplaceAllString(s, " ")) }

// warcRecords adds the response records of a WARC file, numbered by their
// place among all records.
func warcRecords(name string, data []byte, docs map[string]string) error {
	b, err := gunzip(data)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	for n := 1; len(b) > 0; n++ {
		end := bytes.Index(b, []byte("\r\n\r\n"))
		if end < 0 {
			return fmt.Errorf("%s#%d: no end of headers", name, n)
		}
		head := string(b[:end])
		m := regexp.MustCompile(`(?m)^Content-Length: (\d+)\r?$`).FindStringSubmatch(head)
		if m == nil {
			return fmt.Errorf("%s#%d: no Content-Length", name, n)
		}
		size, _ := strconv.Atoi(m[1])
		block := b[end+4 : end+4+size]
		if strings.Contains(head, "WARC-Type: response") {
			body := block[bytes.Index(block, []byte("\r\n\r\n"))+4:]
			docs[fmt.Sprintf("%s#%d", name, n)] = plain(string(body))
		}
		b = b[end+4+size+4:]
	}
	return nil
}

// feedItems adds the items of an RSS feed or the entries of an Atom feed.
func feedItems(name string, b []byte, docs map[string]string) error {
	var f struct {
		Items []struct {
			Title   string `xml:"title"`
			Encoded string `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
		} `xml:"channel>item"`
		Entries []struct {
			Title   string `xml:"title"`
			Content string `xml:"content"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(b, &f); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	for i, it := range f.Items {
		docs[fmt.Sprintf("%s#%d", name, i+1)] = it.Title + "\n" + plain(it.Encoded)
	}
	for i, e := range f.Entries {
		docs[fmt.Sprintf("%s#%d", name, i+1)] = e.Title + "\n" + plain(e.Content)
	}
	return nil
}

func TestGoldNamesEveryDocument(t *testing.T) {
	g, docs := readGold(t), corpusTexts(t)
	if len(docs) < 36 {
		t.Errorf("corpus holds %d documents, want at least 36", len(docs))
	}
	for name := range docs {
		if _, ok := g.Documents[name]; !ok {
			t.Errorf("%s is not annotated in corpus.gold.json", name)
		}
	}
	dateRe := regexp.MustCompile(`^202[45]-\d\d-\d\d$`)
	for name, raw := range g.Documents {
		if _, ok := docs[name]; !ok {
			t.Errorf("gold names %s, which the corpus lacks", name)
		}
		var d document
		if err := json.Unmarshal(raw, &d); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if d.Published != nil && !dateRe.MatchString(*d.Published) {
			t.Errorf("%s: published %q is not a 2024-2025 date", name, *d.Published)
		}
		if d.Language != "en" && d.Language != "de" {
			t.Errorf("%s: language %q", name, d.Language)
		}
		if d.Title != nil && !strings.Contains(docs[name], *d.Title) {
			t.Errorf("%s: title %q not in the document", name, *d.Title)
		}
	}
}

func TestGoldReferences(t *testing.T) {
	g, docs := readGold(t), corpusTexts(t)
	known := func(where, name string) {
		if _, ok := g.Documents[name]; !ok {
			t.Errorf("%s names unknown document %q", where, name)
		}
	}
	story := map[string]int{}
	for i, s := range g.Stories {
		for _, m := range s.Members {
			known("story "+s.Label, m)
			if j, ok := story[m]; ok {
				t.Errorf("%s is in stories %d and %d", m, j, i)
			}
			story[m] = i
		}
	}
	if len(story) != len(g.Documents) {
		t.Errorf("stories cover %d of %d documents", len(story), len(g.Documents))
	}
	for _, d := range g.Duplicates {
		if !slices.Contains(d.Members, d.Original) {
			t.Errorf("duplicate group of %s does not list its original", d.Original)
		}
		for _, m := range d.Members {
			known("duplicate group", m)
			if story[m] != story[d.Original] {
				t.Errorf("copy %s and original %s are in different stories", m, d.Original)
			}
		}
	}
	for _, e := range g.Entities {
		checkForms(t, "entity "+e.Canonical, e.Aliases, e.Docs, docs)
	}
	for _, p := range g.Places {
		checkForms(t, "place "+p.Name, p.Variants, p.Docs, docs)
		if p.Lat < 40 || p.Lat > 60 || p.Lon < 25 || p.Lon > 45 {
			t.Errorf("place %s at %.3f,%.3f is outside the invented region", p.Name, p.Lat, p.Lon)
		}
	}
	acled := map[string][]string{
		"Battles":                    {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
		"Explosions/Remote violence": {"Shelling/artillery/missile attack", "Air/drone strike"},
		"Strategic developments":     {"Agreement", "Non-violent transfer of territory"},
	}
	for _, e := range g.Events {
		known("event", e.Doc)
		if !slices.Contains(acled[e.Type], e.SubType) {
			t.Errorf("event in %s: %s / %s is not an ACLED type this corpus uses", e.Doc, e.Type, e.SubType)
		}
	}
	for _, c := range g.Claims {
		known("claim", c.Doc)
		if !strings.Contains(docs[c.Doc], c.QuoteStarts) {
			t.Errorf("claim of %s in %s: %q not in the text", c.Speaker, c.Doc, c.QuoteStarts)
		}
	}
	for _, c := range g.Contradictions {
		for _, d := range c.Docs {
			known("contradiction on "+c.On, d)
		}
	}
}

// checkForms requires every form to occur in some listed document and every
// listed document to hold some form.
func checkForms(t *testing.T, what string, forms, names []string, docs map[string]string) {
	t.Helper()
	seen := map[string]bool{}
	for _, n := range names {
		found := false
		for _, f := range forms {
			if strings.Contains(docs[n], f) {
				seen[f], found = true, true
			}
		}
		if !found {
			t.Errorf("%s: listed in %s, which holds none of %q", what, n, forms)
		}
	}
	for _, f := range forms {
		if !seen[f] {
			t.Errorf("%s: form %q occurs in none of its documents", what, f)
		}
	}
}
