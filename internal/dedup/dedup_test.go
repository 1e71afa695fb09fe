package dedup

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/zeebo/xxh3"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"only punctuation", " -- ... !? ", ""},
		{"case and spacing", "  Hello\tWORLD \n\n again ", "hello world again"},
		{"typographic quotes and dashes", "“Don’t stop” — he said–twice…", "dont stop he said twice"},
		{"ascii apostrophe joins like curly", "Don't O'Brien", "dont obrien"},
		{"closing quote after word", "the rebels' base 'here'", "the rebels base here"},
		{"digit groups", "1,200 people and 3.5 tonnes; 1.200 in Kyiv", "1200 people and 35 tonnes 1200 in kyiv"},
		{"full stop after number ends word", "It was 2024. Then", "it was 2024 then"},
		{"abbreviation", "U.S.-led", "u s led"},
		{"soft hyphen and zero width", "re\u00adport\u200bers", "reporters"},
		{"cyrillic", "КИЇВ, 21 березня (Укрінформ) – Президент м’ясо", "київ 21 березня укрінформ президент мясо"},
		{"arabic punctuation", "قال الرئيس، إن «الوضع» مستقر.", "قال الرئيس إن الوضع مستقر"},
		{"arabic harakat and tatweel", "كِتَابٌ كتـــاب", "كتاب كتاب"},
		{"greek final sigma", "ΟΔΟΣ Αθηνών", "οδοσ αθηνών"},
		{"devanagari keeps marks", "भारत की राजधानी", "भारत की राजधानी"},
		{"chinese split per character", "北京，今天下雨。", "北 京 今 天 下 雨"},
		{"chinese then latin", "新华社Xinhua报道", "新 华 社 xinhua 报 道"},
		{"thai marks stay on their letter", "ที่นี่", "ที่ นี่"},
		{"underscore separates", "snake_case", "snake case"},
		{"invalid utf8 separates", "ab\xffcd", "ab cd"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got, want := CountWords(tt.in), len(strings.Fields(tt.want)); got != want {
				t.Errorf("CountWords(%q) = %d, want %d", tt.in, got, want)
			}
		})
	}
}

func mustNew(t testing.TB, opt Options) *Hasher {
	t.Helper()
	h, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func TestValidate(t *testing.T) {
	nan := func() float64 { z := 0.0; return z / z }()
	tests := []struct {
		name   string
		change func(*Options)
		ok     bool
	}{
		{"defaults", func(*Options) {}, true},
		{"rows of four", func(o *Options) { o.Hashes, o.Bands = 128, 32 }, true},
		{"max bands", func(o *Options) { o.Hashes, o.Bands = 63, 63 }, true},
		{"zero min shingles", func(o *Options) { o.MinShingles = 0 }, true},
		{"thresholds of one", func(o *Options) { o.MinJaccard, o.MinContainment = 1, 1 }, true},
		{"shingle zero", func(o *Options) { o.Shingle = 0 }, false},
		{"shingle huge", func(o *Options) { o.Shingle = 33 }, false},
		{"hashes zero", func(o *Options) { o.Hashes = 0 }, false},
		{"bands zero", func(o *Options) { o.Bands = 0 }, false},
		{"bands above tag space", func(o *Options) { o.Hashes, o.Bands = 128, 64 }, false},
		{"bands not dividing", func(o *Options) { o.Hashes, o.Bands = 64, 24 }, false},
		{"jaccard zero", func(o *Options) { o.MinJaccard = 0 }, false},
		{"jaccard above one", func(o *Options) { o.MinJaccard = 1.01 }, false},
		{"containment negative", func(o *Options) { o.MinContainment = -0.5 }, false},
		{"containment NaN", func(o *Options) { o.MinContainment = nan }, false},
		{"min shingles negative", func(o *Options) { o.MinShingles = -1 }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := DefaultOptions()
			tt.change(&o)
			err := o.Validate()
			if (err == nil) != tt.ok {
				t.Fatalf("Validate() = %v, want ok=%v", err, tt.ok)
			}
			if _, err2 := New(o); (err2 == nil) != tt.ok {
				t.Fatalf("New() error = %v, want ok=%v", err2, tt.ok)
			}
		})
	}
}

// longText is an invented article of a few hundred distinct-enough words.
func longText(seed uint64, paras int) string {
	r := rand.New(rand.NewPCG(seed, 99))
	e := newSynEvent(r, 0, nil)
	w := &writer{r: r, style: int(seed % uint64(len(synStyles)))}
	ps := make([]string, paras)
	for i := range ps {
		ps[i] = e.paragraph(w)
	}
	return joinParas(ps)
}

func TestFingerprintShape(t *testing.T) {
	opt := DefaultOptions()
	h := mustNew(t, opt)
	tests := []struct {
		name         string
		text         string
		wantShingles int // -1: at least MinShingles
	}{
		{"empty", "", 0},
		{"punctuation only", "—…!", 0},
		{"one word", "Breaking", 1},
		{"shorter than a shingle", "Explosion in Kharkiv", 1},
		{"exactly one shingle", "one two three four five", 1},
		{"distinct words", "one two three four five six seven eight", 4},
		{"article", longText(1, 8), -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fp := h.Fingerprint(tt.text)
			if tt.wantShingles == 0 {
				if fp.Exact != 0 || fp.Keys != nil || fp.Shingles != nil {
					t.Fatalf("text without words got %+v", fp)
				}
				return
			}
			if tt.wantShingles > 0 && len(fp.Shingles) != tt.wantShingles {
				t.Errorf("%d shingles, want %d", len(fp.Shingles), tt.wantShingles)
			}
			if tt.wantShingles < 0 && len(fp.Shingles) < opt.MinShingles {
				t.Errorf("only %d shingles", len(fp.Shingles))
			}
			if !slices.IsSorted(fp.Shingles) || len(slices.Compact(slices.Clone(fp.Shingles))) != len(fp.Shingles) {
				t.Error("shingles not sorted and distinct")
			}
			if fp.Exact != xxh3.HashString(Normalize(tt.text)) {
				t.Error("Exact is not the xxh3 of the normalised text")
			}
			if len(fp.Keys) != opt.Bands+1 {
				t.Fatalf("%d keys, want %d", len(fp.Keys), opt.Bands+1)
			}
			for b, k := range fp.Keys[:opt.Bands] {
				if tag := int(k >> (64 - keyTagBits)); tag != b+1 {
					t.Errorf("band %d key has tag %d", b, tag)
				}
			}
			if tag := fp.Keys[opt.Bands] >> (64 - keyTagBits); tag != 0 {
				t.Errorf("exact key has tag %d", tag)
			}
			// Appending to Keys must not overwrite Shingles sharing its array.
			before := slices.Clone(fp.Shingles)
			_ = append(fp.Keys, 1, 2, 3)
			if !slices.Equal(before, fp.Shingles) {
				t.Error("Keys and Shingles overlap")
			}
		})
	}
}

// TestFingerprintGolden pins the hashes: the store persists keys, so any
// change to normalisation, shingling or key derivation must be deliberate
// and come with a reindex.
func TestFingerprintGolden(t *testing.T) {
	h := mustNew(t, DefaultOptions())
	fp := h.Fingerprint("KYIV, March 21 (Ukrinform) - The regional governor said 12 drones were shot down overnight.")
	var all uint64
	for _, k := range fp.Keys {
		all = all*31 + k
	}
	got := fmt.Sprintf("%016x %016x %016x %d", fp.Exact, fp.Keys[0], all, len(fp.Shingles))
	const want = "5d4844c0334f8b28 059eca2135612e81 3b870ad55b2cc835 10"
	if got != want {
		t.Errorf("fingerprint changed: got %q, want %q", got, want)
	}
}

func TestFingerprintDeterministicAndConcurrent(t *testing.T) {
	opt := DefaultOptions()
	texts := []string{"", "short text", longText(2, 10), longText(3, 3), "Київ " + longText(4, 5)}
	want := make([]Fingerprint, len(texts))
	for i, s := range texts {
		want[i] = mustNew(t, opt).Fingerprint(s)
	}
	h := mustNew(t, opt)
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 8 {
		wg.Go(func() {
			for n := range 50 {
				i := (g + n) % len(texts)
				got := h.Fingerprint(texts[i])
				if got.Exact != want[i].Exact || !slices.Equal(got.Keys, want[i].Keys) || !slices.Equal(got.Shingles, want[i].Shingles) {
					errs <- fmt.Sprintf("text %d differs on goroutine %d", i, g)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestCompare(t *testing.T) {
	h := mustNew(t, DefaultOptions())
	art := longText(5, 12)
	paras := strings.Split(art, "\n\n")
	other := longText(6, 12)
	brief := "Explosion reported in the city centre, officials say."
	tests := []struct {
		name            string
		a, b            string
		exact, copy     bool
		minJ, minC      float64
		maxJ, maxC      float64
		wantZeroMeasure bool
	}{
		{name: "identical", a: art, b: art, exact: true, copy: true, minJ: 1, minC: 1, maxJ: 1, maxC: 1},
		{name: "case and punctuation only", a: art, b: strings.ToUpper(strings.ReplaceAll(art, ",", " ;")), exact: true, copy: true, minJ: 1, minC: 1, maxJ: 1, maxC: 1},
		{name: "last third dropped", a: art, b: joinParas(paras[:8]), copy: true, minJ: 0.55, minC: 0.99, maxJ: 0.75, maxC: 1},
		{name: "first paragraphs dropped and boilerplate added", a: art,
			b:    synSites[0].menu + "\n\n" + joinParas(paras[3:]) + "\n\n" + synSites[0].footer,
			copy: true, minJ: 0.5, minC: 0.8, maxJ: 0.9, maxC: 1},
		{name: "different article", a: art, b: other, maxJ: 0.1, maxC: 0.2},
		{name: "empty and empty", a: "", b: "", wantZeroMeasure: true},
		{name: "empty and article", a: "", b: art, wantZeroMeasure: true},
		{name: "short texts that differ", a: "Explosion in Kharkiv", b: "Explosion in Kherson", maxJ: 0, maxC: 0},
		{name: "short texts that are equal", a: "Explosion in Kharkiv!", b: "explosion in kharkiv", exact: true, copy: true, minJ: 1, minC: 1, maxJ: 1, maxC: 1},
		// The brief's shingles all occur in the article, but it has far
		// fewer than MinShingles, so containment alone must not decide.
		{name: "brief quoted inside an article", a: brief, b: paras[0] + " " + brief + " " + paras[1], minC: 1, maxC: 1, maxJ: 0.2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, order := range [2]bool{false, true} {
				a, b := h.Fingerprint(tt.a), h.Fingerprint(tt.b)
				if order {
					a, b = b, a
				}
				m := h.Compare(a, b)
				if m.Exact != tt.exact || m.Copy != tt.copy {
					t.Errorf("got %+v, want exact=%v copy=%v", m, tt.exact, tt.copy)
				}
				if tt.wantZeroMeasure {
					if m != (Match{}) {
						t.Errorf("got %+v, want zero", m)
					}
					continue
				}
				if m.Jaccard < tt.minJ || m.Jaccard > tt.maxJ || m.Containment < tt.minC || m.Containment > tt.maxC {
					t.Errorf("J %.3f C %.3f outside J [%.2f,%.2f] C [%.2f,%.2f]", m.Jaccard, m.Containment, tt.minJ, tt.maxJ, tt.minC, tt.maxC)
				}
			}
		})
	}
}

func TestCompareNonLatin(t *testing.T) {
	h := mustNew(t, DefaultOptions())
	// Invented sentences, repeated with variations into article-length
	// texts, so that a copy with an edit still has enough shingles.
	build := func(sentences []string, n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "%s %d. ", sentences[i%len(sentences)], i)
			if i%4 == 3 {
				b.WriteString("\n\n")
			}
		}
		return b.String()
	}
	cyr := build([]string{
		"Голова обласної адміністрації повідомив про ліквідацію наслідків обстрілу",
		"Рятувальники працювали всю ніч біля зруйнованого складу",
		"За даними поліції, постраждали мешканці двох сусідніх будинків",
		"Місцева влада оголосила збір допомоги для родин, які втратили житло",
	}, 40)
	ara := build([]string{
		"أعلن محافظ المنطقة أن فرق الإنقاذ تعمل منذ ساعات الصباح الأولى",
		"وقال المتحدث باسم الشرطة إن التحقيق لا يزال جاريا في أسباب الحادث",
		"وأفاد شهود عيان بسماع دوي انفجار قوي قرب السوق المركزي",
		"وتضررت عدة مبان سكنية في الحي القديم من المدينة",
	}, 40)
	cyrParas := strings.Split(cyr, "\n\n")
	araParas := strings.Split(ara, "\n\n")
	tests := []struct {
		name  string
		a, b  string
		copy  bool
		exact bool
	}{
		{"cyrillic credit line and case", cyr, "КИЇВ, 21 березня (Укрінформ) — " + strings.ToUpper(cyr), true, false},
		{"cyrillic truncated", cyr, joinParas(cyrParas[:6]), true, false},
		{"cyrillic apostrophe variants", "Пам'ять " + cyr, "Пам’ять " + cyr, true, true},
		{"arabic truncated", ara, joinParas(araParas[2:]), true, false},
		{"arabic vocalised", ara, strings.ReplaceAll(ara, "أعلن", "أَعْلَنَ"), true, true},
		{"cyrillic vs arabic", cyr, ara, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := h.Compare(h.Fingerprint(tt.a), h.Fingerprint(tt.b))
			if m.Copy != tt.copy || m.Exact != tt.exact {
				t.Errorf("got %+v, want copy=%v exact=%v", m, tt.copy, tt.exact)
			}
		})
	}
}

func TestSignatureDensified(t *testing.T) {
	h := mustNew(t, Options{Shingle: 1, Hashes: 128, Bands: 32, MinJaccard: 0.5, MinContainment: 0.5, MinShingles: 1})
	tests := []struct {
		name string
		hs   []uint64
	}{
		{"one shingle", []uint64{42}},
		{"three shingles", []uint64{1 << 60, 3 << 61, 12345}},
		{"one shingle at the top", []uint64{^uint64(0)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sig := slices.Clone(h.signature(new(scratch), tt.hs))
			if len(sig) != 128 {
				t.Fatalf("signature length %d", len(sig))
			}
			for i, v := range sig {
				if !slices.Contains(tt.hs, v) {
					t.Fatalf("bin %d holds %x, not one of the shingles", i, v)
				}
			}
			again := h.signature(new(scratch), slices.Clone(tt.hs))
			if !slices.Equal(sig, again) {
				t.Error("densification not deterministic")
			}
		})
	}
}

func TestSortHashes(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	tests := []struct {
		name string
		gen  func(i int) uint64
		n    int
	}{
		{"small", func(int) uint64 { return r.Uint64() }, 10},
		{"uniform", func(int) uint64 { return r.Uint64() }, 700},
		{"large", func(int) uint64 { return r.Uint64() }, 50_000},
		{"many duplicates", func(int) uint64 { return uint64(r.IntN(5)) << 60 }, 2000},
		{"one bucket", func(int) uint64 { return 0xabc<<52 | r.Uint64()>>12 }, 3000},
		{"descending", func(i int) uint64 { return ^uint64(i) << 20 }, 1000},
	}
	s := new(scratch)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs := make([]uint64, tt.n)
			for i := range hs {
				hs[i] = tt.gen(i)
			}
			want := slices.Sorted(slices.Values(hs))
			if got := sortHashes(hs, s); !slices.Equal(got, want) {
				t.Error("not sorted like slices.Sort")
			}
		})
	}
}

// TestFingerprintAllocs guards the hot path: the result (keys and shingles
// in one array, the sketch in another) is all it allocates.
func TestFingerprintAllocs(t *testing.T) {
	h := mustNew(t, DefaultOptions())
	text := longText(8, 12)
	h.Fingerprint(text)
	if n := testing.AllocsPerRun(50, func() { h.Fingerprint(text) }); n > 2 {
		t.Errorf("%.1f allocations per Fingerprint, want 2", n)
	}
}
