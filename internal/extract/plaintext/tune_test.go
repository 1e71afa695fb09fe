package plaintext

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/eval"
	"github.com/sitrep/sitrep/internal/model"
)

// The reference sets live outside the repository and are read only when
// SITREP_SHARED points at them, so the normal test run stays hermetic.
// SITREP_DUMP=dir also writes each document's output and score there.

type refDoc struct {
	id, body, gold string
}

func loadSet(t *testing.T, dir string) []refDoc {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "gold.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var docs []refDoc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var g struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(dir, "docs", g.ID+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, refDoc{id: g.ID, body: string(b), gold: g.Text})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return docs
}

type score struct{ p, r, f float64 }

func (s *score) add(x eval.PRF) { s.p += x.P; s.r += x.R; s.f += x.F }
func (s score) div(n int) score {
	return score{s.p / float64(n), s.r / float64(n), s.f / float64(n)}
}
func (s score) String() string { return fmt.Sprintf("P %.4f R %.4f F %.4f", s.p, s.r, s.f) }

var saved = defaultParams

// setParams overrides scorer weights from SITREP_PARAMS="name=value,...".
func setParams(t *testing.T) {
	p := &defaultParams
	fields := map[string]*float64{
		"short": &p.short, "long": &p.long, "lenWeight": &p.lenWeight, "sentence": &p.sentence,
		"noEnd": &p.noEnd, "credit": &p.credit, "bullet": &p.bullet, "stopHigh": &p.stopHigh,
		"stopWeight": &p.stopWeight, "titleCase": &p.titleCase, "menu": &p.menu, "teaser": &p.teaser, "teaserHead": &p.teaserHead, "footer": &p.footer,
		"chrome": &p.chrome, "legal": &p.legal, "copyright": &p.copyright, "url": &p.url,
		"repeat": &p.repeat, "dup": &p.dup, "threshold": &p.threshold, "wordCap": &p.wordCap,
		"shortWeight": &p.shortWeight, "negWeight": &p.negWeight, "anchor": &p.anchor, "listing": &p.listing, "gapGrowth": &p.gapGrowth, "dupWall": &p.dupWall, "listLift": &p.listLift, "headRun": &p.headRun,
	}
	for _, kv := range strings.Split(os.Getenv("SITREP_PARAMS"), ",") {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			continue
		}
		f, found := fields[k]
		if !found {
			t.Fatalf("unknown parameter %q", k)
		}
		if _, err := fmt.Sscan(v, f); err != nil {
			t.Fatal(err)
		}
	}
}

func TestReferenceSets(t *testing.T) {
	root := os.Getenv("SITREP_SHARED")
	if root == "" {
		t.Skip("set SITREP_SHARED to the shared folder to score the reference sets")
	}
	dump := os.Getenv("SITREP_DUMP")
	sets := []string{"seeds", "l3s-gn1", "wcxb"}
	if s := os.Getenv("SITREP_SETS"); s != "" {
		sets = strings.Split(s, ",")
	}
	setParams(t)
	defer func() { defaultParams = saved }()
	for _, set := range sets {
		docs := loadSet(t, filepath.Join(root, "data", "extract-text", set))
		st := NewStats()
		for _, d := range docs {
			st.Add(d.body, "")
		}
		var base, got, withTitle score
		type row struct {
			id string
			f  float64
		}
		var rows []row
		bytes := 0
		start := time.Now()
		arts := make([]model.Article, len(docs))
		for i, d := range docs {
			Extract(&arts[i], d.body, st, "")
			bytes += len(d.body)
		}
		el := time.Since(start)
		for i, d := range docs {
			a := arts[i]
			base.add(eval.WordPRF(d.body, d.gold))
			s := eval.WordPRF(a.Text, d.gold)
			got.add(s)
			withTitle.add(eval.WordPRF(a.Title+"\n"+a.Text, d.gold))
			rows = append(rows, row{d.id, s.F})
			if dump != "" {
				dir := filepath.Join(dump, set)
				_ = os.MkdirAll(dir, 0o755)
				out := fmt.Sprintf("F %.3f P %.3f R %.3f\nTITLE %q\nAUTHOR %q\nDATE %q\nOUTLET %q\nCREDIT %q\n----\n%s\n", s.F, s.P, s.R, a.Title, a.Author, a.Published, a.Outlet, a.CreditedSource, a.Text)
				_ = os.WriteFile(filepath.Join(dir, d.id+".out"), []byte(out), 0o644)
			}
		}
		n := len(docs)
		t.Logf("%-8s %4d docs  keep-all %v", set, n, base.div(n))
		t.Logf("%-8s %4d docs  text     %v", set, n, got.div(n))
		t.Logf("%-8s %4d docs  title+text %v", set, n, withTitle.div(n))
		t.Logf("%-8s %.0f docs/s, %.1f MB/s (one goroutine)", set, float64(n)/el.Seconds(), float64(bytes)/1e6/el.Seconds())
		if dump != "" {
			sort.Slice(rows, func(i, j int) bool { return rows[i].f < rows[j].f })
			var b strings.Builder
			for _, r := range rows {
				fmt.Fprintf(&b, "%.3f %s\n", r.f, r.id)
			}
			_ = os.WriteFile(filepath.Join(dump, set+".scores"), []byte(b.String()), 0o644)
		}
	}
}

// TestSeedMetadata compares the metadata read from the founding sample with
// its hand-made annotation.
func TestSeedMetadata(t *testing.T) {
	root := os.Getenv("SITREP_SHARED")
	if root == "" {
		t.Skip("set SITREP_SHARED to the shared folder to check the seed metadata")
	}
	b, err := os.ReadFile(filepath.Join(root, "seeds", "gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g struct {
		Documents map[string]map[string]any
	}
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	names := make([]string, 0, len(g.Documents))
	for n := range g.Documents {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		want := g.Documents[name]
		body, err := os.ReadFile(filepath.Join(root, "seeds", "articles", name))
		if err != nil {
			t.Fatal(err)
		}
		var a model.Article
		Extract(&a, string(body), nil, "")
		got := map[string]string{"title": a.Title, "outlet": a.Outlet, "author": a.Author, "published": a.Published, "credited_source": a.CreditedSource}
		for _, k := range []string{"title", "outlet", "author", "published", "credited_source"} {
			w, _ := want[k].(string)
			if got[k] != w {
				t.Errorf("%s %s = %q; want %q", name, k, got[k], w)
			}
		}
	}
}

// TestShowDoc prints one reference document line by line with its score,
// whether it was kept, and whether the gold text contains it:
// SITREP_SHOW=set/id.
func TestShowDoc(t *testing.T) {
	root, show := os.Getenv("SITREP_SHARED"), os.Getenv("SITREP_SHOW")
	if root == "" || show == "" {
		t.Skip("set SITREP_SHARED and SITREP_SHOW=set/id")
	}
	setParams(t)
	defer func() { defaultParams = saved }()
	set, id, _ := strings.Cut(show, "/")
	docs := loadSet(t, filepath.Join(root, "data", "extract-text", set))
	st := NewStats()
	for _, d := range docs {
		st.Add(d.body, "")
	}
	for _, rd := range docs {
		if rd.id != id {
			continue
		}
		gold := map[string]bool{}
		for _, g := range strings.Split(rd.gold, "\n") {
			gold[strings.TrimSpace(g)] = true
		}
		d := analyse(sanitize(rd.body), st, "", &defaultParams)
		var b strings.Builder
		for i := range d.lines {
			l := &d.lines[i]
			mark := " "
			if gold[l.text] {
				mark = "G"
			} else if strings.Contains(rd.gold, l.text) {
				mark = "g"
			}
			k := " "
			switch {
			case i >= d.first && i < d.last && d.keep[i]:
				k = "K"
			case i >= d.first && i < d.last:
				k = "x"
			}
			if i == d.title {
				k = "T"
			}
			txt := l.text
			if len(txt) > 110 {
				txt = txt[:110]
			}
			fmt.Fprintf(&b, "%s%s %5.2f %3d r%d/%d %s\n", mark, k, l.score, l.words, l.rep.overall, l.dup, txt)
		}
		fmt.Print(b.String())
	}
}

// TestLineStats prints, per feature bucket, how many lines of a reference
// set are in its gold text, to see which shapes the scorer misjudges.
func TestLineStats(t *testing.T) {
	root, set := os.Getenv("SITREP_SHARED"), os.Getenv("SITREP_LINESTATS")
	if root == "" || set == "" {
		t.Skip("set SITREP_SHARED and SITREP_LINESTATS=set")
	}
	setParams(t)
	defer func() { defaultParams = saved }()
	docs := loadSet(t, filepath.Join(root, "data", "extract-text", set))
	st := NewStats()
	for _, d := range docs {
		st.Add(d.body, "")
	}
	type cnt struct{ gold, all int }
	buckets := map[string]*cnt{}
	add := func(k string, g bool) {
		c := buckets[k]
		if c == nil {
			c = &cnt{}
			buckets[k] = c
		}
		c.all++
		if g {
			c.gold++
		}
	}
	for _, rd := range docs {
		gold := map[string]bool{}
		for _, g := range strings.Split(rd.gold, "\n") {
			gold[strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(g), "- "))] = true
		}
		d := analyse(sanitize(rd.body), st, "", &defaultParams)
		for i := range d.lines {
			l := &d.lines[i]
			g := gold[l.text] || gold[strings.TrimSpace(strings.TrimLeft(l.text, "-•*·"))]
			in := "out"
			if i >= d.first && i < d.last {
				in = "in"
			}
			wb := "1-3"
			switch {
			case l.words >= 20:
				wb = "20+"
			case l.words >= 8:
				wb = "8-19"
			case l.words >= 4:
				wb = "4-7"
			}
			add(fmt.Sprintf("region=%s words=%s end=%d", in, wb, l.ending), g)
			if l.words < 8 {
				sr := l.stopRatio(d.lang)
				add(fmt.Sprintf("short %s end=%d stop>0=%v title>.7=%v chrome=%v rep=%v bullet=%v", in, l.ending, sr > 0, l.titleRatio() > 0.7, l.chrome > 0, l.rep.overall > 2, l.bullet), g)
			}
			sb := fmt.Sprintf("%.1f", math.Round(l.score*2)/2)
			add("score="+sb, g)
		}
	}
	keys := make([]string, 0, len(buckets))
	for k := range buckets {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		c := buckets[k]
		if c.all >= 30 {
			fmt.Printf("%-90s %6d %5.2f\n", k, c.all, float64(c.gold)/float64(c.all))
		}
	}
}
