package gen

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/eval"
)

func TestWriteEvalSet(t *testing.T) {
	cases := []struct {
		name string
		seed uint64
		n    int
		opt  Options
	}{
		{"default mix", 42, 400, DefaultOptions},
		{"originals only", 5, 30, Options{}},
		{"all twins, many copies", 9, 300, Options{CopyShare: 0.6, HTMLShare: 0.5, TwinShare: 1, Events: 20}},
	}
	idRe := regexp.MustCompile(`^g[0-9]{6}$`)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			info, err := WriteEvalSet(dir, c.seed, c.n, c.opt)
			if err != nil {
				t.Fatal(err)
			}
			docs := collect(c.seed, c.n, c.opt)
			lines := readEvalGold(t, filepath.Join(dir, "gold.jsonl"))
			if len(lines) != c.n {
				t.Fatalf("gold has %d lines, want %d", len(lines), c.n)
			}
			gold, err := eval.LoadDedupGold(filepath.Join(dir, "gold.jsonl"))
			if err != nil {
				t.Fatal(err)
			}
			want := EvalSetInfo{Docs: c.n}
			copied, events := map[int]bool{}, map[int]bool{}
			for i, d := range docs {
				l := lines[i]
				if !idRe.MatchString(l.ID) || l.ID != fmt.Sprintf("g%06d", i) {
					t.Fatalf("line %d: id %q", i, l.ID)
				}
				body, err := os.ReadFile(filepath.Join(dir, "docs", l.ID+map[string]string{"text": ".txt", "html": ".html"}[d.Format]))
				if err != nil || !bytes.Equal(body, d.Body) {
					t.Errorf("%s: file missing or not the generated body (%v)", l.ID, err)
				}
				wantGroup, wantCopy := l.ID, (*string)(nil)
				if d.CopyOf >= 0 {
					o := fmt.Sprintf("g%06d", d.CopyOf)
					wantGroup, wantCopy = o, &o
					want.Copies++
					copied[d.CopyOf] = true
				} else {
					want.Originals++
				}
				if l.Group != wantGroup || gold[l.ID] != wantGroup || !equalPtr(l.CopyOf, wantCopy) {
					t.Errorf("%s: group %q (loaded %q), copy_of %v; copy of %d", l.ID, l.Group, gold[l.ID], l.CopyOf, d.CopyOf)
				}
				if l.Story != fmt.Sprintf("e%d", d.Event) || l.Format != d.Format || l.Outlet != d.Outlet ||
					!slices.Equal(l.Edits, d.Edits) && len(l.Edits)+len(d.Edits) > 0 || l.Edits == nil ||
					l.Published != nil && *l.Published != d.Published || l.Published == nil && d.Published != "" {
					t.Errorf("%s: gold %+v does not describe document %s", l.ID, l, d.Name)
				}
				events[d.Event] = true
			}
			want.Groups, want.Events = len(copied), len(events)
			// A twin line names the other event of a pair, both ways round,
			// and every event with a twin says so.
			g := newGenerator(c.seed, c.n, c.opt)
			twinned := map[int]bool{}
			for i, l := range lines {
				e, _ := strconv.Atoi(strings.TrimPrefix(l.Story, "e"))
				if l.Twin == nil {
					if g.event(e).Twin >= 0 {
						t.Errorf("line %d: story %s has twin %d, gold says none", i, l.Story, g.event(e).Twin)
					}
					continue
				}
				tw, _ := strconv.Atoi(strings.TrimPrefix(*l.Twin, "e"))
				if g.event(max(e, tw)).Twin != min(e, tw) || g.event(e).Group != g.event(tw).Group {
					t.Errorf("line %d: story %s and twin %s are not a twin pair", i, l.Story, *l.Twin)
				}
				if events[tw] {
					twinned[e] = true
				}
			}
			want.TwinEvents = len(twinned)
			if info != want {
				t.Errorf("info %+v, want %+v", info, want)
			}
			if c.opt.TwinShare == 1 && info.TwinEvents == 0 {
				t.Error("no twin events with TwinShare 1")
			}
			readme, err := os.ReadFile(filepath.Join(dir, "README.md"))
			if err != nil || !bytes.Contains(readme, []byte(fmt.Sprintf("seed=%d, n=%d", c.seed, c.n))) {
				t.Errorf("README does not say how the set was made (%v)", err)
			}
			if s := eval.ScoreDedup(gold, gold); s.Pairwise.F != 1 || s.PredGroups != info.Groups {
				t.Errorf("gold against itself: %v", s)
			}
			// With more originals than events some event has two, so taking
			// stories for copy groups must make false merges: the set holds
			// the hard negatives a dedup evaluation needs.
			byStory := map[string]string{}
			for _, l := range lines {
				byStory[l.ID] = l.Story
			}
			if s := eval.ScoreDedup(gold, byStory); info.Originals > info.Events && s.FP == 0 {
				t.Errorf("grouping by story merges no originals: %v", s)
			}
		})
	}
}

func TestWriteEvalSetDeterministic(t *testing.T) {
	a, b, c := t.TempDir(), t.TempDir(), t.TempDir()
	for _, w := range []struct {
		dir  string
		seed uint64
	}{{a, 3}, {b, 3}, {c, 4}} {
		if _, err := WriteEvalSet(w.dir, w.seed, 120, DefaultOptions); err != nil {
			t.Fatal(err)
		}
	}
	fa, fb, fc := snapshot(t, a), snapshot(t, b), snapshot(t, c)
	if len(fa) != 122 {
		t.Errorf("%d files, want 120 documents, gold.jsonl and README.md", len(fa))
	}
	for name, body := range fa {
		if !bytes.Equal(body, fb[name]) {
			t.Errorf("%s differs between two writes of one seed", name)
		}
	}
	if bytes.Equal(fa["gold.jsonl"], fc["gold.jsonl"]) {
		t.Error("seeds 3 and 4 give the same gold")
	}
	if _, err := WriteEvalSet(t.TempDir(), 1, 0, DefaultOptions); err == nil {
		t.Error("no error for an empty set")
	}
}

func TestEvalIDs(t *testing.T) {
	cases := []struct {
		n, i int
		want string
	}{
		{1, 0, "g000000"},
		{1000, 999, "g000999"},
		{1_000_000, 999_999, "g999999"},
		{1_000_001, 7, "g0000007"},
	}
	for _, c := range cases {
		if got := evalIDs(c.n)(c.i); got != c.want {
			t.Errorf("evalIDs(%d)(%d) = %q, want %q", c.n, c.i, got, c.want)
		}
	}
}

// goldLine is a gold.jsonl line as a reader decodes it.
type goldLine = evalGold

func readEvalGold(t *testing.T, path string) []goldLine {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []goldLine
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var l goldLine
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&l); err != nil {
			t.Fatalf("%s: %v", sc.Text(), err)
		}
		out = append(out, l)
	}
	return out
}

func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[rel] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func equalPtr(a, b *string) bool {
	return a == nil && b == nil || a != nil && b != nil && *a == *b
}

// TestEvalSetSimilarity measures how alike the documents of a generated set
// are, by kind of pair, on the main text (Doc.Text) as sets of word
// 5-shingles: copies of one original must be far closer than different
// originals, even about the same event or its twin, or a dedup evaluation
// on the set measures nothing. Independent outlets share facts and short
// quotes, not paragraphs, so originals about one event must not contain
// much of each other either. SITREP_SIMILARITY_N=<docs> runs it on more
// documents and adds the longest shared word run, with the worst pairs;
// SITREP_SIMILARITY_SEED picks another seed than 77.
func TestEvalSetSimilarity(t *testing.T) {
	n, full := 1200, false
	if v, err := strconv.Atoi(os.Getenv("SITREP_SIMILARITY_N")); err == nil && v > 0 {
		n, full = v, true
	}
	seed := uint64(77)
	if v, err := strconv.ParseUint(os.Getenv("SITREP_SIMILARITY_SEED"), 10, 64); err == nil {
		seed = v
	}
	docs := collect(seed, n, DefaultOptions)
	g := newGenerator(seed, n, DefaultOptions)
	texts := make([]tokens, n)
	dict := map[string]uint64{}
	for i, d := range docs {
		texts[i] = tokenize(d.Text, dict)
	}
	var pairs []simPair
	add := func(cat, i, j int) {
		p := simPair{cat: cat, i: i, j: j}
		p.jac, p.cont = overlap(texts[i].shingles, texts[j].shingles)
		if full {
			p.run, p.at = longestRun(texts[i], texts[j])
		}
		pairs = append(pairs, p)
	}
	byEvent := map[int][]int{}
	copiesOf := map[int][]int{}
	for i, d := range docs {
		if d.CopyOf >= 0 {
			add(catCopy, i, d.CopyOf)
			for _, k := range copiesOf[d.CopyOf] {
				add(catSibling, i, k)
			}
			copiesOf[d.CopyOf] = append(copiesOf[d.CopyOf], i)
			continue
		}
		byEvent[d.Event] = append(byEvent[d.Event], i)
	}
	for e, orig := range byEvent {
		for a, i := range orig {
			for _, j := range orig[a+1:] {
				add(catSameEvent, i, j)
			}
			if tw := g.twinOf(e); tw > e {
				for _, j := range byEvent[tw] {
					add(catTwin, i, j)
				}
			}
		}
	}
	// Unrelated pairs grow as n²; those of nearby indices are a fair sample.
	const window = 80
	for i, di := range docs {
		for j := i + 1; j < min(n, i+window); j++ {
			dj := docs[j]
			if di.CopyOf >= 0 || dj.CopyOf >= 0 || di.Event == dj.Event || g.twinOf(di.Event) == dj.Event {
				continue
			}
			if g.event(di.Event).Kind == g.event(dj.Event).Kind {
				add(catSameKind, i, j)
			}
		}
	}
	stats := make([]simStats, len(catNames))
	for _, p := range pairs {
		stats[p.cat].add(p)
	}
	t.Logf("%d docs, seed %d, DefaultOptions; word 5-shingle sets of the main text", n, seed)
	t.Logf("%-36s %6s  %-29s  %-29s  %-8s  %s", "pairs", "n", "Jaccard min/mean/p95/max", "containment min/mean/p95/max", "J≥.4 C≥.6", "longest run mean/max, share ≥25")
	for c, name := range catNames {
		t.Logf("%-36s %s", name, &stats[c])
	}
	if full {
		// Kinds differ in how many templates each section offers.
		byKind := make([]simStats, numKinds)
		for _, p := range pairs {
			if p.cat == catSameEvent {
				byKind[g.event(docs[p.i].Event).Kind].add(p)
			}
		}
		for k := range byKind {
			a, b := kind(k).ACLED()
			t.Logf("%-36s %s", "  same event, "+strings.ToLower(cmp.Or(b, a)), &byKind[k])
		}
		byKind = make([]simStats, numKinds)
		for _, p := range pairs {
			if p.cat == catSameKind {
				byKind[g.event(docs[p.i].Event).Kind].add(p)
			}
		}
		for k := range byKind {
			a, b := kind(k).ACLED()
			t.Logf("%-36s %s", "  other event, "+strings.ToLower(cmp.Or(b, a)), &byKind[k])
		}
		show := func(what string, p simPair) {
			t.Logf("%s, %s: %s / %s  shingles %d/%d  J %.2f C %.2f  longest run %d: %q", catNames[p.cat], what,
				docs[p.i].Name, docs[p.j].Name, len(texts[p.i].shingles), len(texts[p.j].shingles), p.jac, p.cont, p.run,
				strings.Join(texts[p.i].words[p.at:p.at+p.run], " "))
		}
		for _, c := range []int{catSameEvent, catTwin, catSameKind} {
			worst := slices.DeleteFunc(slices.Clone(pairs), func(p simPair) bool { return p.cat != c })
			slices.SortFunc(worst, func(a, b simPair) int { return cmp.Compare(b.cont, a.cont) })
			for _, p := range worst[:min(2, len(worst))] {
				show("most contained", p)
			}
			show("longest run", slices.MaxFunc(worst, func(a, b simPair) int { return a.run - b.run }))
		}
		worst := slices.DeleteFunc(slices.Clone(pairs), func(p simPair) bool { return p.cat != catCopy })
		slices.SortFunc(worst, func(a, b simPair) int { return cmp.Compare(a.jac, b.jac) })
		for _, p := range worst[:min(5, len(worst))] {
			t.Logf("least alike copy: %s of %s  J %.2f C %.2f  edits %v", docs[p.i].Name, docs[p.j].Name, p.jac, p.cont, docs[p.i].Edits)
		}
	}
	for c := range catNames {
		if len(stats[c].jac) == 0 {
			t.Fatalf("no pairs of %s", catNames[c])
		}
	}
	// Short texts make any shared quote a large share of the text.
	var lengths []float64
	for i, d := range docs {
		if d.CopyOf < 0 {
			lengths = append(lengths, float64(len(texts[i].words)))
		}
	}
	short := 0
	for _, l := range lengths {
		if l < 150 {
			short++
		}
	}
	t.Logf("words in an original's main text: min %.0f, p1 %.0f, p5 %.0f, median %.0f; %d of %d below 150",
		quantile(lengths, 0), quantile(lengths, 0.01), quantile(lengths, 0.05), quantile(lengths, 0.5), short, len(lengths))
	if short*100 > len(lengths) {
		t.Errorf("%d of %d originals have main texts under 150 words", short, len(lengths))
	}
	// The separation a shingle-based dedup relies on: a typical copy keeps
	// most of its original, different originals share little.
	copies, same, twins, other := &stats[catCopy], &stats[catSameEvent], &stats[catTwin], &stats[catSameKind]
	if quantile(copies.jac, 0.5) < 0.5 || quantile(same.jac, 0.95) > 0.25 || quantile(twins.jac, 0.95) > 0.25 {
		t.Errorf("copies and hard negatives overlap: copy Jaccard median %.2f, same-event p95 %.2f, twin p95 %.2f",
			quantile(copies.jac, 0.5), quantile(same.jac, 0.95), quantile(twins.jac, 0.95))
	}
	if mean(copies.cont) < 0.9 || quantile(same.cont, 0.95) >= 0.25 || quantile(same.cont, 1) >= 0.5 || quantile(other.cont, 1) >= 0.4 {
		t.Errorf("containment: copies mean %.2f (want > .9), same event p95 %.2f (< .25) and max %.2f (< .5), other event of the kind max %.2f (< .4)",
			mean(copies.cont), quantile(same.cont, 0.95), quantile(same.cont, 1), quantile(other.cont, 1))
	}
	if full {
		long := 0
		for _, r := range same.run {
			if r >= 25 {
				long++
			}
		}
		if long*100 >= 3*len(same.run) {
			t.Errorf("%d of %d pairs of originals about one event share a run of 25 words or more (want under 3%%)", long, len(same.run))
		}
	}
}

// Kinds of pairs TestEvalSetSimilarity compares.
const (
	catCopy = iota
	catSibling
	catSameEvent
	catTwin
	catSameKind
)

var catNames = []string{"copy vs its original", "copies of one original", "originals, same event", "originals, twin events", "originals, other event same kind"}

type simPair struct {
	cat, i, j int
	jac, cont float64
	run, at   int // longest shared word run, and where it starts in i
}

// tokens is a text as the eval metrics tokenise it, with word ids, prefix
// hashes of those ids, and its sorted, distinct 5-shingle hashes.
type tokens struct {
	words    []string
	prefix   []uint64
	shingles []uint64
}

const hashBase = 1_000_003

func tokenize(text string, dict map[string]uint64) tokens {
	t := tokens{words: eval.Words(text)}
	t.prefix = make([]uint64, len(t.words)+1)
	for i, w := range t.words {
		id, ok := dict[w]
		if !ok {
			id = uint64(len(dict)) + 1
			dict[w] = id
		}
		t.prefix[i+1] = t.prefix[i]*hashBase + id
	}
	for i := 0; i+5 <= len(t.words); i++ {
		t.shingles = append(t.shingles, t.hash(i, 5))
	}
	slices.Sort(t.shingles)
	t.shingles = slices.Compact(t.shingles)
	return t
}

// hash is the polynomial hash of words [i, i+k), modulo 2^64.
func (t tokens) hash(i, k int) uint64 {
	p := uint64(1)
	for range k {
		p *= hashBase
	}
	return t.prefix[i+k] - t.prefix[i]*p
}

// overlap is the Jaccard index and the containment (intersection over the
// smaller set) of two sorted shingle sets.
func overlap(a, b []uint64) (jac, cont float64) {
	if len(a) == 0 || len(b) == 0 {
		return 0, 0
	}
	in := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			in++
			i++
			j++
		}
	}
	return float64(in) / float64(len(a)+len(b)-in), float64(in) / float64(min(len(a), len(b)))
}

// longestRun is the length in words of the longest word sequence two texts
// share, and where it starts in a, by binary search on the length: a
// shared run of k words implies shared runs of every shorter length.
func longestRun(a, b tokens) (length, at int) {
	lo, hi := 0, min(len(a.words), len(b.words))
	for lo < hi {
		k := (lo + hi + 1) / 2
		in := map[uint64]int{}
		for i := 0; i+k <= len(a.words); i++ {
			in[a.hash(i, k)] = i
		}
		found := -1
		for i := 0; i+k <= len(b.words) && found < 0; i++ {
			if x, ok := in[b.hash(i, k)]; ok {
				found = x
			}
		}
		if found >= 0 {
			lo, at = k, found
		} else {
			hi = k - 1
		}
	}
	return lo, at
}

// simStats collects the figures of one kind of pair.
type simStats struct{ jac, cont, run []float64 }

func (s *simStats) add(p simPair) {
	s.jac = append(s.jac, p.jac)
	s.cont = append(s.cont, p.cont)
	s.run = append(s.run, float64(p.run))
}

func quantile(v []float64, q float64) float64 {
	v = slices.Clone(v)
	slices.Sort(v)
	return v[min(len(v)-1, int(q*float64(len(v))))]
}

func mean(v []float64) float64 {
	sum := 0.0
	for _, x := range v {
		sum += x
	}
	return sum / float64(len(v))
}

func (s *simStats) String() string {
	if len(s.jac) == 0 {
		return "     0"
	}
	f := func(v []float64) string {
		return fmt.Sprintf("%.3f/%.3f/%.3f/%.3f", quantile(v, 0), mean(v), quantile(v, 0.95), quantile(v, 1))
	}
	share := func(v []float64, min float64) float64 {
		n := 0
		for _, x := range v {
			if x >= min {
				n++
			}
		}
		return float64(n) / float64(len(v))
	}
	return fmt.Sprintf("%6d  %-29s  %-29s  %.3f %.3f  %.1f/%.0f %.3f", len(s.jac), f(s.jac), f(s.cont),
		share(s.jac, 0.4), share(s.cont, 0.6), mean(s.run), quantile(s.run, 1), share(s.run, 25))
}

func TestWriteCopySet(t *testing.T) {
	var originals []Original
	for i := range 30 {
		var paras []string
		for p := range 5 {
			paras = append(paras, fmt.Sprintf("Paragraph %d of story %d tells how the ferry to Osk ran %d minutes late because of fog over the bay.", p, i, p*i))
		}
		originals = append(originals, Original{ID: fmt.Sprint(i), Text: strings.Join(paras, "\n\n")})
	}
	write := func() (string, CopySetInfo) {
		dir := t.TempDir()
		info, err := WriteCopySet(dir, 4, originals, 0.5)
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(dir, "gold.jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		return string(b), info
	}
	gold, info := write()
	if again, _ := write(); again != gold {
		t.Fatal("same seed, other gold")
	}
	if info.Originals != 30 || info.Groups == 0 || info.Copies < info.Groups || info.Copies > 3*info.Groups {
		t.Fatalf("info %+v", info)
	}
	lines := strings.Split(strings.TrimSpace(gold), "\n")
	if len(lines) != info.Originals+info.Copies {
		t.Fatalf("%d gold lines for %+v", len(lines), info)
	}
	for _, l := range lines {
		var g copyLine
		if err := json.Unmarshal([]byte(l), &g); err != nil {
			t.Fatal(err)
		}
		if (g.CopyOf == nil) != (g.Group == g.ID) || (g.CopyOf != nil && (*g.CopyOf != g.Group || !slices.Contains(g.Edits, "boilerplate"))) {
			t.Errorf("gold line %s", l)
		}
	}
}
