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
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/eval"
	"github.com/sitrep/sitrep/internal/model"
)

// Tuning harness. The reference sets live outside the repository and are
// read only when SITREP_SHARED points at the shared folder, so the normal
// test run stays hermetic. Environment:
//
//	SITREP_SHARED=/work/shared   enables TestReferenceSets, TestSeedMetadata,
//	                             TestMetaSets (required by all of these)
//	SITREP_SETS=seeds,wcxb       which extract-text sets TestReferenceSets scores
//	SITREP_NOSTATS=1             score without cross-document Stats
//	SITREP_DUMP=dir              write each document's output and score there
//	SITREP_PARAMS=name=v,...     override scorer weights for one run
//	SITREP_SHOW=set/id           print one document line by line with scores
//	SITREP_LINESTATS=set         gold share per line-feature bucket
//	SITREP_TUNE=l3s-gn1,wcxb     coordinate search of the weights (minutes)
//	SITREP_META_SHOW=title       print metadata mismatches (title, author,
//	                             published, or e.g. author-missing)

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
	fields := paramFields(&defaultParams)
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

// paramFields names the tunable weights of p.
func paramFields(p *params) map[string]*float64 {
	return map[string]*float64{
		"short": &p.short, "long": &p.long, "lenWeight": &p.lenWeight, "sentence": &p.sentence,
		"noEnd": &p.noEnd, "credit": &p.credit, "bullet": &p.bullet, "stopHigh": &p.stopHigh,
		"stopWeight": &p.stopWeight, "titleCase": &p.titleCase, "menu": &p.menu, "teaser": &p.teaser, "teaserHead": &p.teaserHead, "footer": &p.footer,
		"chrome": &p.chrome, "legal": &p.legal, "copyright": &p.copyright, "url": &p.url,
		"repeat": &p.repeat, "dup": &p.dup, "wordCap": &p.wordCap,
		"shortWeight": &p.shortWeight, "negWeight": &p.negWeight, "anchor": &p.anchor, "listing": &p.listing, "thread": &p.thread, "listLift": &p.listLift, "headRun": &p.headRun, "pairs": &p.pairs,
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
		if os.Getenv("SITREP_NOSTATS") != "" {
			st = nil
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

// TestTune searches the scorer weights by coordinate descent for the best
// mean word F1 over the reference sets (SITREP_TUNE=l3s-gn1,wcxb) and
// prints each improvement; the result is copied into defaultParams by hand.
func TestTune(t *testing.T) {
	root, sets := os.Getenv("SITREP_SHARED"), os.Getenv("SITREP_TUNE")
	if root == "" || sets == "" {
		t.Skip("set SITREP_SHARED and SITREP_TUNE=set,set")
	}
	setParams(t)
	defer func() { defaultParams = saved }()
	type set struct {
		docs []refDoc
		st   *Stats
	}
	var all []set
	for _, name := range strings.Split(sets, ",") {
		docs := loadSet(t, filepath.Join(root, "data", "extract-text", name))
		st := NewStats()
		for _, d := range docs {
			st.Add(d.body, "")
		}
		all = append(all, set{docs, st})
	}
	eval1 := func(p *params) float64 {
		sum := 0.0
		for _, s := range all {
			f := make([]float64, len(s.docs))
			var wg sync.WaitGroup
			for w := 0; w < 2; w++ {
				wg.Add(1)
				go func(w int) {
					defer wg.Done()
					for i := w; i < len(s.docs); i += 2 {
						d := analyse(sanitize(s.docs[i].body), s.st, "", p)
						txt, _ := d.text()
						f[i] = eval.WordPRF(txt, s.docs[i].gold).F
					}
				}(w)
			}
			wg.Wait()
			m := 0.0
			for _, x := range f {
				m += x
			}
			sum += m / float64(len(f))
		}
		return sum / float64(len(all))
	}
	p := defaultParams
	fields := paramFields(&p)
	names := make([]string, 0, len(fields))
	for n := range fields {
		names = append(names, n)
	}
	sort.Strings(names)
	best := eval1(&p)
	t.Logf("start %.4f", best)
	for round := 0; round < 2; round++ {
		for _, n := range names {
			f := fields[n]
			orig := *f
			cands := []float64{orig * 0.5, orig * 0.75, orig * 1.25, orig * 1.5, orig * 2}
			if orig == 0 {
				cands = []float64{-0.5, -0.2, 0.2, 0.5, 1}
			}
			bestV := orig
			for _, v := range cands {
				*f = v
				if s := eval1(&p); s > best+0.0002 {
					best, bestV = s, v
					t.Logf("%s = %.3f -> %.4f", n, v, s)
				}
			}
			*f = bestV
		}
	}
	var b strings.Builder
	for _, n := range names {
		fmt.Fprintf(&b, "%s=%.4g,", n, *fields[n])
	}
	t.Logf("best %.4f: %s", best, b.String())
}

// TestMetaSets scores title, author and date read from the text sets
// against the metadata gold of the matching HTML sets (same ids).
func TestMetaSets(t *testing.T) {
	root := os.Getenv("SITREP_SHARED")
	if root == "" {
		t.Skip("set SITREP_SHARED to score metadata")
	}
	show := os.Getenv("SITREP_META_SHOW")
	for _, set := range []string{"l3s-gn1", "wcxb"} {
		docs := loadSet(t, filepath.Join(root, "data", "extract-text", set))
		st := NewStats()
		for _, d := range docs {
			st.Add(d.body, "")
		}
		f, err := os.Open(filepath.Join(root, "data", "extract-html", set, "gold.jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		gold := map[string]map[string]string{}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		for sc.Scan() {
			var g map[string]any
			if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
				t.Fatal(err)
			}
			m := map[string]string{}
			for _, k := range []string{"title", "author", "published"} {
				if s, ok := g[k].(string); ok {
					m[k] = s
				}
			}
			gold[g["id"].(string)] = m
		}
		f.Close()
		type tally struct{ gold, got, right, loose int }
		tallies := map[string]*tally{"title": {}, "author": {}, "published": {}}
		norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
		for _, d := range docs {
			g, ok := gold[d.id]
			if !ok {
				continue
			}
			var a model.Article
			Extract(&a, d.body, st, "")
			got := map[string]string{"title": a.Title, "author": a.Author, "published": a.Published}
			for k, tl := range tallies {
				w := g[k]
				if w == "" {
					continue
				}
				tl.gold++
				if got[k] == "" && show == k+"-missing" {
					fmt.Printf("%s %s: missing %q\n", set, d.id, w)
				}
				if got[k] != "" {
					tl.got++
					if gk, gw := norm(got[k]), norm(w); gk == gw {
						tl.right++
						tl.loose++
					} else if strings.Contains(gw, gk) || strings.Contains(gk, gw) {
						tl.loose++
					} else if show == k {
						fmt.Printf("%s %s: got %q want %q\n", set, d.id, got[k], w)
					}
				}
			}
		}
		for _, k := range []string{"title", "author", "published"} {
			tl := tallies[k]
			if tl.gold == 0 {
				continue
			}
			t.Logf("%-8s %-9s gold %3d  found %3d  right %3d  (precision %.2f, recall %.2f; one inside the other %d)", set, k, tl.gold, tl.got, tl.right,
				float64(tl.right)/math.Max(1, float64(tl.got)), float64(tl.right)/float64(tl.gold), tl.loose)
		}
	}
}
