package htmlpage

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/eval"
	"github.com/sitrep/sitrep/internal/model"
)

// The tuning harness: run with SITREP_SHARED=/work/shared to score Raw and
// Extract on the extract-html reference sets. SITREP_VARIANTS=1 adds the
// switchable choices one at a time, SITREP_DUMP=dir writes every output for
// reading, SITREP_SETS=wcxb,l3s-gn1 limits the sets.

type goldDoc struct {
	ID        string   `json:"id"`
	Text      string   `json:"text"`
	Title     string   `json:"title"`
	Author    string   `json:"author"`
	Published string   `json:"published"`
	With      []string `json:"with"`
	Without   []string `json:"without"`
}

type scores struct {
	n               int
	p, r, f         float64 // word metric, averaged per page
	fTitled         float64 // word F1 of title+"\n"+text
	shingle         float64 // 4-gram shingle F1 of the text
	titleN, titleOK int
	authorN, author int
	dateN, dateOK   int
	tp, fn, fp, tn  int // snippets, text only
	tpT, fnT, fpT   int // snippets, title+text
	errs            int
	elapsed         time.Duration
}

func loadGold(t *testing.T, dir string) []goldDoc {
	f, err := os.Open(filepath.Join(dir, "gold.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []goldDoc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var g goldDoc
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatal(err)
		}
		out = append(out, g)
	}
	return out
}

func normSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

func normMeta(s string) string { return strings.ToLower(normSpace(s)) }

type runner func(body []byte) (model.Article, error)

func score(set string, docs []goldDoc, bodies [][]byte, run runner, dump string) scores {
	var s scores
	start := time.Now()
	outs := make([]model.Article, len(docs))
	for i := range docs {
		a, err := run(bodies[i])
		if err != nil {
			s.errs++
		}
		outs[i] = a
	}
	s.elapsed = time.Since(start)
	for i, g := range docs {
		a := outs[i]
		s.n++
		titled := a.Text
		if a.Title != "" {
			titled = a.Title + "\n" + a.Text
		}
		if dump != "" {
			_ = os.MkdirAll(filepath.Join(dump, set), 0o755)
			_ = os.WriteFile(filepath.Join(dump, set, g.ID+".txt"),
				[]byte(fmt.Sprintf("TITLE: %s\nAUTHOR: %s\nDATE: %s\nLANG: %s\nOUTLET: %s\nURL: %s\n\n%s\n", a.Title, a.Author, a.Published, a.Language, a.Outlet, a.URL, a.Text)), 0o644)
		}
		if set == "trafilatura-eval" {
			out, outT := normSpace(a.Text), normSpace(titled)
			for _, w := range g.With {
				w = normSpace(w)
				if strings.Contains(out, w) {
					s.tp++
				} else {
					s.fn++
				}
				if strings.Contains(outT, w) {
					s.tpT++
				} else {
					s.fnT++
				}
			}
			for _, w := range g.Without {
				w = normSpace(w)
				if strings.Contains(out, w) {
					s.fp++
				} else {
					s.tn++
				}
				if strings.Contains(outT, w) {
					s.fpT++
				}
			}
			continue
		}
		m := eval.WordPRF(a.Text, g.Text)
		s.p += m.P
		s.r += m.R
		s.f += m.F
		s.fTitled += eval.WordPRF(titled, g.Text).F
		s.shingle += eval.ShinglePRF(a.Text, g.Text).F
		if g.Title != "" {
			s.titleN++
			if normMeta(a.Title) == normMeta(g.Title) {
				s.titleOK++
			}
		}
		if g.Author != "" {
			s.authorN++
			if normMeta(a.Author) == normMeta(g.Author) {
				s.author++
			}
		}
		if g.Published != "" {
			s.dateN++
			if a.Published == g.Published {
				s.dateOK++
			}
		}
	}
	return s
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func (s scores) String() string {
	rate := float64(s.n) / s.elapsed.Seconds()
	if s.tp+s.fn > 0 {
		p, r := ratio(s.tp, s.tp+s.fp), ratio(s.tp, s.tp+s.fn)
		acc := ratio(s.tp+s.tn, s.tp+s.tn+s.fp+s.fn)
		f := 2 * p * r / (p + r)
		pT, rT := ratio(s.tpT, s.tpT+s.fpT), ratio(s.tpT, s.tpT+s.fnT)
		return fmt.Sprintf("snippets P %.3f R %.3f Acc %.3f F1 %.3f (title+text F1 %.3f) | err %d | %.1f docs/s",
			p, r, acc, f, 2*pT*rT/(pT+rT), s.errs, rate)
	}
	n := float64(s.n)
	return fmt.Sprintf("word P %.3f R %.3f F1 %.3f (title+text F1 %.3f) shingle F1 %.3f | title %.3f (%d) author %.3f (%d) date %.3f (%d) | err %d | %.1f docs/s",
		s.p/n, s.r/n, s.f/n, s.fTitled/n, s.shingle/n, ratio(s.titleOK, s.titleN), s.titleN,
		ratio(s.author, s.authorN), s.authorN, ratio(s.dateOK, s.dateN), s.dateN, s.errs, rate)
}

func TestReferenceSets(t *testing.T) {
	shared := os.Getenv("SITREP_SHARED")
	if shared == "" {
		t.Skip("set SITREP_SHARED=/work/shared to score the extract-html reference sets")
	}
	sets := []string{"l3s-gn1", "wcxb", "trafilatura-eval"}
	if s := os.Getenv("SITREP_SETS"); s != "" {
		sets = strings.Split(s, ",")
	}
	type variant struct {
		name string
		opt  Options
	}
	variants := []variant{{"Extract", DefaultOptions()}}
	only := os.Getenv("SITREP_ONLY")
	if os.Getenv("SITREP_UNCLEAN") != "" {
		// Dump text before this package's line cleaning, for offline study.
		variants[0].opt.knobs.noClean = true
		variants[0].opt.knobs.noTitleStrip = true
	}
	if os.Getenv("SITREP_VARIANTS") != "" {
		add := func(name string, f func(*Options)) {
			o := DefaultOptions()
			f(&o)
			variants = append(variants, variant{name, o})
		}
		add("no-fallback", func(o *Options) { o.Fallback = false })
		add("precision", func(o *Options) { o.Mode = Precision })
		add("recall", func(o *Options) { o.Mode = Recall })
		add("no-clean", func(o *Options) { o.knobs.noClean = true })
		add("keep-title-in-text", func(o *Options) { o.knobs.noTitleStrip = true })
		add("raw-title", func(o *Options) { o.knobs.rawTitle = true })
		add("no-readability-choice", func(o *Options) { o.knobs.noReadChoice = true })
		add("fast-date", func(o *Options) { o.FastDates = true })
	}
	dump := os.Getenv("SITREP_DUMP")
	for _, set := range sets {
		dir := filepath.Join(shared, "data", "extract-html", set)
		docs := loadGold(t, dir)
		bodies := make([][]byte, len(docs))
		for i, g := range docs {
			b, err := os.ReadFile(filepath.Join(dir, "docs", g.ID+".html"))
			if err != nil {
				t.Fatal(err)
			}
			bodies[i] = b
		}
		raw := score(set, docs, bodies, func(b []byte) (model.Article, error) {
			txt, err := Raw(b, "")
			return model.Article{Text: txt}, err
		}, "")
		t.Logf("%-16s %-20s %s", set, "Raw", raw)
		for _, v := range variants {
			if only != "" && v.name != only && v.name != "Extract" {
				continue
			}
			d := ""
			if v.name == "Extract" {
				d = dump
			}
			s := score(set, docs, bodies, func(b []byte) (model.Article, error) {
				var a model.Article
				err := Extract(&a, b, "", v.opt)
				return a, err
			}, d)
			t.Logf("%-16s %-20s %s", set, v.name, s)
		}
	}
}
