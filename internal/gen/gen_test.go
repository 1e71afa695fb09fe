package gen

import (
	"bufio"
	"bytes"
	"encoding/json"
	"html"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/eval"
)

func collect(seed uint64, n int, opt Options) []Doc {
	var docs []Doc
	for d := range Articles(seed, n, opt) {
		docs = append(docs, d)
	}
	return docs
}

func TestDeterministic(t *testing.T) {
	a := collect(42, 300, DefaultOptions)
	b := collect(42, 300, DefaultOptions)
	if len(a) != 300 || len(b) != 300 {
		t.Fatalf("got %d and %d documents, want 300", len(a), len(b))
	}
	for i := range a {
		if a[i].Name != b[i].Name || !bytes.Equal(a[i].Body, b[i].Body) || a[i].Text != b[i].Text {
			t.Fatalf("document %d differs between two runs of the same seed", i)
		}
	}
	c := collect(43, 300, DefaultOptions)
	same := 0
	for i := range a {
		if bytes.Equal(a[i].Body, c[i].Body) {
			same++
		}
	}
	if same > 0 {
		t.Errorf("%d documents identical across seeds 42 and 43", same)
	}
	// A prefix of a run is the run of the shorter length: document i does
	// not depend on the documents after it.
	short := collect(42, 50, Options{CopyShare: 0.3, HTMLShare: 0.35, TwinShare: 0.25, Events: 51})
	long := collect(42, 120, Options{CopyShare: 0.3, HTMLShare: 0.35, TwinShare: 0.25, Events: 51})
	for i := range short {
		if !bytes.Equal(short[i].Body, long[i].Body) {
			t.Fatalf("document %d depends on n", i)
		}
	}
}

func TestEarlyStop(t *testing.T) {
	n := 0
	for range Articles(1, 100, DefaultOptions) {
		n++
		if n == 5 {
			break
		}
	}
	if n != 5 {
		t.Fatalf("iterated %d documents after break at 5", n)
	}
}

func TestCopyRelations(t *testing.T) {
	docs := collect(7, 1500, DefaultOptions)
	copies, bylines := 0, map[string]int{}
	for i, d := range docs {
		if d.CopyOf < 0 {
			if len(d.Edits) != 0 {
				t.Errorf("original %d lists edits %v", i, d.Edits)
			}
			continue
		}
		copies++
		if d.CopyOf >= i {
			t.Fatalf("copy %d points forward to %d", i, d.CopyOf)
		}
		o := docs[d.CopyOf]
		if o.CopyOf != -1 {
			t.Errorf("copy %d copies %d, itself a copy", i, d.CopyOf)
		}
		if o.Event != d.Event {
			t.Errorf("copy %d reports event %d, its original %d event %d", i, d.Event, d.CopyOf, o.Event)
		}
		if o.Outlet == d.Outlet {
			t.Errorf("copy %d is on the same outlet as its original", i)
		}
		if !slices.Contains(d.Edits, "boilerplate") {
			t.Errorf("copy %d edits %v lack boilerplate", i, d.Edits)
		}
		for _, e := range d.Edits {
			bylines[e]++
		}
		// Most of the original's text survives in the copy, less of it when
		// the copy spells the names another way.
		want := 0.5
		if slices.Contains(d.Edits, "respelled") {
			want = 0.25
		}
		if r := eval.ShinglePRF(d.Text, o.Text).R; r < want {
			t.Errorf("copy %d keeps %.2f of the shingles of original %d (edits %v)", i, r, d.CopyOf, d.Edits)
		}
	}
	share := float64(copies) / float64(len(docs))
	if share < 0.2 || share > 0.35 {
		t.Errorf("copy share %.2f, want about %.2f", share, DefaultOptions.CopyShare)
	}
	for _, e := range []string{"credit", "bare", "drop-paragraph", "add-paragraph", "retitle", "no-title", "typos", "respelled", "no-date", "html", "text"} {
		if bylines[e] == 0 {
			t.Errorf("no copy has the edit %q", e)
		}
	}
}

// Originals about different events must not look like copies of each
// other, or they would mislead a deduplication evaluation.
func TestOriginalsDiffer(t *testing.T) {
	docs := collect(11, 400, DefaultOptions)
	var orig []Doc
	for _, d := range docs {
		if d.CopyOf < 0 {
			orig = append(orig, d)
		}
	}
	worst, pairs, close := 0.0, 0, 0
	for i := range orig {
		for j := i + 1; j < len(orig) && j < i+60; j++ {
			if orig[i].Event == orig[j].Event {
				continue
			}
			f := eval.ShinglePRF(orig[i].Text, orig[j].Text).F
			worst = max(worst, f)
			pairs++
			if f > 0.3 {
				close++
			}
		}
	}
	if worst > 0.5 || close*100 > pairs {
		t.Errorf("originals of different events: worst shingle F %.2f, %d of %d pairs above 0.3", worst, close, pairs)
	}
}

func TestSizesAndText(t *testing.T) {
	tags := regexp.MustCompile(`<[^>]*>`)
	html0, text0 := 0, 0
	for d := range Articles(3, 800, DefaultOptions) {
		n := len(d.Body)
		switch d.Format {
		case "text":
			text0++
			if n < MinText || n > MaxText {
				t.Errorf("%s: text of %d bytes, want %d-%d", d.Name, n, MinText, MaxText)
			}
			for _, p := range strings.Split(d.Text, "\n\n") {
				if !bytes.Contains(d.Body, []byte(strings.TrimSpace(p))) {
					t.Errorf("%s: paragraph not in body: %.60q", d.Name, p)
				}
			}
		case "html":
			html0++
			if n < MinHTML || n > MaxHTML {
				t.Errorf("%s: page of %d bytes, want %d-%d", d.Name, n, MinHTML, MaxHTML)
			}
			plain := html.UnescapeString(tags.ReplaceAllString(string(d.Body), "\n"))
			for _, p := range strings.Split(d.Text, "\n\n") {
				if !strings.Contains(plain, strings.TrimSpace(p)) {
					t.Errorf("%s: paragraph not in page: %.60q", d.Name, p)
				}
			}
		default:
			t.Fatalf("%s: format %q", d.Name, d.Format)
		}
		if d.Published != "" && !strings.Contains(string(d.Body), d.Published[:4]) {
			t.Errorf("%s: published %s, but the year is nowhere in the body", d.Name, d.Published)
		}
		if !utf8.Valid(d.Body) {
			t.Errorf("%s: invalid UTF-8", d.Name)
		}
		if strings.ContainsAny(d.Text, "{}[]|") {
			t.Errorf("%s: template left in text: %.200q", d.Name, d.Text)
		}
		if d.Title != "" && !bytes.Contains(d.Body, []byte(html.EscapeString(d.Title))) && !bytes.Contains(d.Body, []byte(d.Title)) {
			t.Errorf("%s: title %q not in body", d.Name, d.Title)
		}
		if !strings.HasPrefix(d.Name, d.Name[:4]+"/") || !strings.HasSuffix(d.Name, map[string]string{"text": ".txt", "html": ".html"}[d.Format]) {
			t.Errorf("bad name %q", d.Name)
		}
	}
	if html0 == 0 || text0 == 0 {
		t.Errorf("%d HTML and %d text documents; want both", html0, text0)
	}
}

func TestZeroOptions(t *testing.T) {
	for d := range Articles(5, 100, Options{}) {
		if d.CopyOf != -1 || d.Format != "text" {
			t.Fatalf("%s: zero options gave a copy or HTML", d.Name)
		}
	}
}

func TestTwins(t *testing.T) {
	g := newGenerator(9, 600, Options{TwinShare: 1})
	twins := 0
	for id := 1; id < g.events; id += 2 {
		e := g.event(id)
		if e.Twin != id-1 {
			t.Fatalf("event %d: twin %d, want %d", id, e.Twin, id-1)
		}
		b := g.event(e.Twin)
		twins++
		if e.Kind != kindRaid || b.Kind != kindRaid {
			t.Errorf("twins %d/%d are not raids", b.ID, id)
		}
		if e.Group != b.Group || e.District != b.District {
			t.Errorf("twins %d/%d differ in group or district", b.ID, id)
		}
		if e.Village == b.Village {
			t.Errorf("twins %d/%d share the village %s", b.ID, id, e.Village)
		}
		if days := e.Date.Sub(b.Date).Hours() / 24; days < 340 || days > 390 {
			t.Errorf("twins %d/%d are %.0f days apart", b.ID, id, days)
		}
	}
	if twins == 0 {
		t.Fatal("no twins")
	}
}

func TestWriteCorpus(t *testing.T) {
	dir := t.TempDir()
	var manifest bytes.Buffer
	opt := DefaultOptions
	opt.Manifest = &manifest
	if err := WriteCorpus(dir, 2, 1003, opt); err != nil {
		t.Fatal(err)
	}
	for shard, want := range map[string]int{"0000": 1000, "0001": 3} {
		ents, err := os.ReadDir(filepath.Join(dir, shard))
		if err != nil {
			t.Fatal(err)
		}
		if len(ents) != want {
			t.Errorf("shard %s holds %d files, want %d", shard, len(ents), want)
		}
	}
	sc := bufio.NewScanner(&manifest)
	lines := 0
	for sc.Scan() {
		var m manifestLine
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(filepath.Join(dir, m.Name)); err != nil {
			t.Errorf("manifest names a missing file: %v", err)
		}
		lines++
	}
	if lines != 1003 {
		t.Errorf("manifest has %d lines, want 1003", lines)
	}
}

func TestExpand(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct{ in, want string }{
		{"plain", "plain"},
		{"{a} and {b}", "x and y"},
		{"[only]", "only"},
		{"{missing} stays", "{missing} stays"},
		{"unclosed [bracket", "unclosed [bracket"},
		{"unclosed {brace", "unclosed {brace"},
	} {
		if got := expand(r, tc.in, map[string]string{"a": "x", "b": "y"}); got != tc.want {
			t.Errorf("expand(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func BenchmarkArticles(b *testing.B) {
	var bytes int64
	for b.Loop() {
		bytes = 0
		for d := range Articles(1, 200, DefaultOptions) {
			bytes += int64(len(d.Body))
		}
	}
	b.SetBytes(bytes)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/200, "ns/doc")
}

func TestTextsMatchArticles(t *testing.T) {
	docs := collect(5, 40, DefaultOptions)
	got := make([]string, len(docs))
	copies := make([]int, len(docs))
	Texts(5, len(docs), DefaultOptions, 3, func(i, copyOf int, text string) {
		got[i], copies[i] = text, copyOf
	})
	for i, d := range docs {
		if got[i] != d.Text || copies[i] != d.CopyOf {
			t.Fatalf("doc %d: Texts gave another text or copy relation than Articles", i)
		}
	}
}
