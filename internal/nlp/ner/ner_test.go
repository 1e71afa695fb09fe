package ner

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/nlp/text"
)

// The sentences are invented; the expectations are the names a reader
// would mark, restricted to the ones the shipped model must get.
func TestTagDefault(t *testing.T) {
	cases := []struct {
		in   string
		want []string // "TYPE text"
	}{
		{"President Anna Kowalczyk met Tomas Berg in Berlin on Tuesday.", []string{"PER Tomas Berg", "LOC Berlin"}},
		{"The Ministry of Defence said troops had left Mariupol.", []string{"ORG Ministry of Defence", "LOC Mariupol"}},
		{"Officials in Kyiv and Moscow traded accusations.", []string{"LOC Kyiv", "LOC Moscow"}},
		{"It rained all day and nobody went out.", nil},
		// Conflict reporting: armed groups, security services, officials
		// and border villages (the names are real; the sentences are not).
		{"Fighters of the Freedom of Russia Legion said they had crossed the border near Tyotkino on Monday.",
			[]string{"ORG Freedom of Russia Legion", "LOC Tyotkino"}},
		{"The Russian Volunteer Corps (RDK) claimed the raid, and the Siberian Battalion posted a video.",
			[]string{"ORG Russian Volunteer Corps", "ORG RDK", "ORG Siberian Battalion"}},
		{"Governor Vyacheslav Gladkov said shelling had hit Grayvoron overnight.",
			[]string{"PER Vyacheslav Gladkov", "LOC Grayvoron"}},
		{"The Federal Security Service (FSB) said it had detained Alexei Baranovsky in Belgorod.",
			[]string{"ORG Federal Security Service", "ORG FSB", "PER Alexei Baranovsky", "LOC Belgorod"}},
	}
	tg := Default()
	for _, c := range cases {
		got := map[string]bool{}
		for _, m := range tg.Tag(text.Analyze(c.in, "en")) {
			got[m.Type+" "+m.Text] = true
		}
		for _, w := range c.want {
			if !got[w] {
				t.Errorf("%q: missing %s; got %v", c.in, w, got)
			}
		}
		if c.want == nil && len(got) > 0 {
			t.Errorf("%q: want no mentions, got %v", c.in, got)
		}
	}
}

// A surname alone, later in the document, is the person named in full
// earlier, whether or not the model would tag it on its own.
func TestPropagate(t *testing.T) {
	sents := []sentState{
		prepare(strings.Fields("Yesterday Vladimir Putin met the envoy .")),
		prepare(strings.Fields("Officials said Putin left early .")),
	}
	sents[0].pred = []int{0, 1, 2, 0, 0, 0, 0}
	propagate(sents)
	if got := sents[1].pred[2]; labels[got] != "B-PER" {
		t.Errorf("Putin tagged %s, want B-PER", labels[got])
	}
	for i, l := range sents[1].pred {
		if i != 2 && l != 0 {
			t.Errorf("word %d tagged %s", i, labels[l])
		}
	}
}

func TestSpansAlign(t *testing.T) {
	in := "Über Nacht flog Präsident Żaneta Nowak nach Genf. Dort traf sie den Außenminister von Österreich, Jürgen Maier.\n\nLater, Maier told the “Daily Courier” in Zürich that Nowak’s team had arrived."
	runes := []rune(in)
	ms := Default().Tag(text.Analyze(in, "en"))
	if len(ms) == 0 {
		t.Fatal("no mentions")
	}
	for _, m := range ms {
		if m.Span.Start < 0 || m.Span.End > len(runes) || m.Span.Start >= m.Span.End {
			t.Fatalf("bad span %v", m.Span)
		}
		if s := string(runes[m.Span.Start:m.Span.End]); s != m.Text {
			t.Errorf("span %v is %q, Text %q", m.Span, s, m.Text)
		}
		if m.Score <= 0 || m.Score >= 1.0000001 {
			t.Errorf("score %v out of range", m.Score)
		}
		if !utf8.ValidString(m.Text) || strings.TrimSpace(m.Text) != m.Text {
			t.Errorf("odd text %q", m.Text)
		}
	}
}

func TestReadCoNLL(t *testing.T) {
	in := "# doc: a\nAlpha\tB-PER\nBeta\tI-PER\nvisited\tO\nGamma\tB-MISC\n\nDelta\tI-LOC\n\n# doc: b\nEpsilon\tB-ORG\n"
	docs, err := ReadCoNLL(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || len(docs[0].Sents) != 2 || docs[1].ID != "b" {
		t.Fatalf("got %+v", docs)
	}
	if got := strings.Join(docs[0].Sents[0].Tags, " "); got != "B-PER I-PER O O" {
		t.Errorf("tags %q: MISC must become O", got)
	}
}

// tinyCorpus is invented, with names that repeat in patterns a model can
// learn in a few epochs.
func tinyCorpus() []Corpus {
	var docs []Document
	names := []string{"Olek Varga", "Mira Stein", "Pavel Dunn"}
	places := []string{"Lorvik", "Stenhaven", "Kadrosa"}
	for i := range 12 {
		n := strings.Fields(names[i%3])
		p := places[(i+1)%3]
		docs = append(docs, Document{ID: "d", Sents: []Sentence{
			{Words: []string{n[0], n[1], "arrived", "in", p, "."}, Tags: []string{"B-PER", "I-PER", "O", "O", "B-LOC", "O"}},
			{Words: []string{"The", "Northern", "Brigade", "left", p, "."}, Tags: []string{"O", "B-ORG", "I-ORG", "O", "B-LOC", "O"}},
		}})
	}
	return []Corpus{{Name: "tiny", Docs: docs, Weight: 1}}
}

func TestTrainDeterministic(t *testing.T) {
	opt := TrainOptions{Epochs: 3, Seed: 7, Bits: 12}
	var out [2]bytes.Buffer
	for i := range out {
		if err := Train(tinyCorpus(), opt).Write(&out[i]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(out[0].Bytes(), out[1].Bytes()) {
		t.Fatal("two runs with the same data and options differ")
	}
	tg, err := Load(bytes.NewReader(out[0].Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	got := tg.TagSentences([][]string{{"Mira", "Stein", "arrived", "in", "Lorvik", "."}})
	if strings.Join(got[0], " ") != "B-PER I-PER O O B-LOC O" {
		t.Errorf("tiny model tags %v", got)
	}
}

func TestLoadRejectsGarbage(t *testing.T) {
	if _, err := Load(strings.NewReader("not a model")); err == nil {
		t.Fatal("want an error")
	}
}

func TestConcurrent(t *testing.T) {
	in := "Mayor Lena Ortiz of Valparaiso spoke to the National Union of Miners in Lima."
	want := Default().Tag(text.Analyze(in, "en"))
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				got := Default().Tag(text.Analyze(in, "en"))
				if len(got) != len(want) {
					t.Errorf("got %v, want %v", got, want)
					return
				}
				for i := range got {
					if got[i] != want[i] {
						t.Errorf("got %v, want %v", got, want)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}

func BenchmarkTag(b *testing.B) {
	para := "Officials in Kyiv said on Tuesday that the Third Assault Brigade had repelled attacks near Bakhmut, " +
		"while Defence Minister Olga Rudenko told reporters in Brussels that NATO allies would send more air defence systems. "
	in := strings.Repeat(para, 20)
	doc := text.Analyze(in, "en")
	tg := Default()
	b.ResetTimer()
	for b.Loop() {
		tg.Tag(doc)
	}
	b.ReportMetric(float64(len(doc.Tokens)*b.N)/b.Elapsed().Seconds(), "tokens/s")
}
