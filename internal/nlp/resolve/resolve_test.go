package resolve

import (
	"sort"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/nlp/ner"
	"github.com/sitrep/sitrep/internal/nlp/text"
)

// tag stands in for the tagger, so that the tests fix what it found: each
// spec "TYPE:words" marks every whole-word occurrence of words that no
// earlier spec covers.
func tag(d text.Doc, specs ...string) []ner.Mention {
	var out []ner.Mention
	runes := []rune(d.Text)
	for _, spec := range specs {
		typ, words, _ := strings.Cut(spec, ":")
		w := []rune(words)
	next:
		for i := 0; i+len(w) <= len(runes); i++ {
			if string(runes[i:i+len(w)]) != words {
				continue
			}
			if i > 0 && isLetter(runes[i-1]) || i+len(w) < len(runes) && isLetter(runes[i+len(w)]) {
				continue
			}
			s := model.Span{Start: i, End: i + len(w)}
			for _, m := range out {
				if m.Span.Start < s.End && s.Start < m.Span.End {
					continue next
				}
			}
			out = append(out, ner.Mention{Span: s, Type: typ, Text: words, Score: 0.9})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	return out
}

func isLetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

func mentionsWith(d Doc, text string) []Mention {
	var out []Mention
	for _, m := range d.Mentions {
		if m.Text == text {
			out = append(out, m)
		}
	}
	return out
}

type expect struct {
	mention   string // a mention's text
	canonical string // its entity's canonical name; "" means no such mention
	typ       string
	source    string // the source of that mention, when checked
	reason    string // a substring of its reason, when checked
	count     int    // how many mentions have that text, when checked
}

func TestInDoc(t *testing.T) {
	tests := []struct {
		name string
		text string
		ner  []string
		want []expect
	}{
		{
			name: "surname and honorific",
			text: "Ivan Petrenko, a former teacher, joined the unit in spring. Mr Petrenko said the crossing failed. Later Petrenko left for Lviv.",
			ner:  []string{"PER:Ivan Petrenko", "PER:Petrenko", "LOC:Lviv"},
			want: []expect{
				{mention: "Mr Petrenko", canonical: "Ivan Petrenko", typ: "PER", reason: "short form of Ivan Petrenko (title Mr removed)"},
				{mention: "Petrenko", canonical: "Ivan Petrenko", reason: "short form of Ivan Petrenko"},
				{mention: "Lviv", canonical: "Lviv", typ: "LOC"},
			},
		},
		{
			name: "honorific with a period",
			text: "Ivan Petrenko joined in spring. Mr. Petrenko said the crossing failed.",
			ner:  []string{"PER:Ivan Petrenko", "PER:Petrenko"},
			want: []expect{{mention: "Mr. Petrenko", canonical: "Ivan Petrenko", reason: "title Mr. removed"}},
		},
		{
			name: "title-case headline is left to the tagger",
			text: "Ukraine Says Russian Army Lost Ground Near Town\n\nThe Russian Army denied it.",
			ner:  []string{"LOC:Ukraine"},
			want: []expect{
				{mention: "Ukraine", canonical: "Ukraine"},
				{mention: "Russian Army", canonical: "Russian Army", source: SourcePattern, count: 1},
			},
		},
		{
			name: "surname before full name and spelling variants",
			text: "Baranov spoke first. Later Aleksey Baranov and Alexei Baranov were both quoted, but they are one man.",
			ner:  []string{"PER:Aleksey Baranov", "PER:Alexei Baranov", "PER:Baranov"},
			want: []expect{
				{mention: "Baranov", canonical: "Aleksey Baranov", reason: "short form"},
				{mention: "Alexei Baranov", canonical: "Aleksey Baranov", reason: "same name as Aleksey Baranov"},
			},
		},
		{
			name: "ambiguous surname stays apart",
			text: "Ivan Sokolov and Maria Sokolov arrived. Sokolov said little.",
			ner:  []string{"PER:Ivan Sokolov", "PER:Maria Sokolov", "PER:Sokolov"},
			want: []expect{{mention: "Sokolov", canonical: "Sokolov"}},
		},
		{
			name: "abbreviation defined after the name, bare uses added",
			text: "The Northern Shield Battalion (NSB) crossed the river at dawn. Local officials said NSB fighters withdrew by noon. NSB denied it.",
			ner:  []string{"ORG:Northern Shield Battalion"},
			want: []expect{
				{mention: "NSB", canonical: "Northern Shield Battalion", typ: "ORG", source: SourceAcronym, reason: "abbreviation defined in parentheses", count: 3},
			},
		},
		{
			name: "transliterated abbreviation",
			text: "The Steppe Wolves Corps (KSV) claimed the raid. A KSV spokesman confirmed it.",
			ner:  []string{"ORG:Steppe Wolves Corps"},
			want: []expect{{mention: "KSV", canonical: "Steppe Wolves Corps", source: SourceAcronym, count: 2}},
		},
		{
			name: "abbreviation before its full name",
			text: "Agents of the SBU (Security Service of Ukraine) detained a man. The SBU said he confessed.",
			ner:  []string{"ORG:Security Service of Ukraine"},
			want: []expect{{mention: "SBU", canonical: "Security Service of Ukraine", source: SourceAcronym, count: 2}},
		},
		{
			name: "credit in parentheses is no abbreviation",
			text: "Shelling hit Kharkiv (AFP) overnight, officials said.",
			ner:  []string{"LOC:Kharkiv"},
			want: []expect{{mention: "AFP"}},
		},
		{
			name: "quoted names in both orders merge with the plain name",
			text: "Fighters of the Legion “Free Ingria” entered the village. Later the “Free for Ingria” legion posted a video. The Free Ingria Legion is small.",
			ner:  []string{"LOC:Ingria", "ORG:Free Ingria Legion"},
			want: []expect{
				{mention: "Legion “Free Ingria”", canonical: "Free Ingria Legion", typ: "ORG", source: SourceQuoted},
				{mention: "“Free for Ingria” legion", canonical: "Free Ingria Legion", source: SourceQuoted, reason: "same name as Free Ingria Legion"},
				{mention: "Ingria"},
			},
		},
		{
			name: "straight quotes",
			text: `Volunteers of the Legion "Free Ingria" crossed the border on Monday.`,
			ner:  []string{"LOC:Ingria"},
			want: []expect{{mention: `Legion "Free Ingria"`, canonical: "Free Ingria Legion", source: SourceQuoted}},
		},
		{
			name: "the group refers to the last armed group",
			text: "The Steppe Wolves Corps claimed the attack on Tuesday. Officials in Kyiv declined to comment. The group said it lost two men.",
			ner:  []string{"ORG:Steppe Wolves Corps", "LOC:Kyiv"},
			want: []expect{{mention: "The group", canonical: "Steppe Wolves Corps", source: SourceDescription, reason: "definite description: the group"}},
		},
		{
			name: "the group without an armed group nearby",
			text: "Officials met in Kyiv with the Red Cross. The group said nothing.",
			ner:  []string{"LOC:Kyiv", "ORG:Red Cross"},
			want: []expect{{mention: "The group"}},
		},
		{
			name: "the group beyond the window",
			text: "The Steppe Wolves Corps claimed the attack. It rained. Roads closed. Schools shut. Shops shut. The group said it lost two men.",
			ner:  []string{"ORG:Steppe Wolves Corps"},
			want: []expect{{mention: "The group"}},
		},
		{
			name: "the legion by head word anywhere in the document",
			text: "The Free Ingria Legion formed in 2022. It rained for days. Roads closed. Schools shut. Shops shut. Like the Legion, others fought.",
			ner:  []string{"ORG:Free Ingria Legion"},
			want: []expect{{mention: "the Legion", canonical: "Free Ingria Legion", source: SourceDescription}},
		},
		{
			name: "the legion without any legion",
			text: "The Steppe Wolves Corps formed in 2022. Like the Legion, others fought.",
			ner:  []string{"ORG:Steppe Wolves Corps"},
			want: []expect{{mention: "the Legion"}},
		},
		{
			name: "the governor",
			text: "The governor of the region, Oleg Sokolov, said two drones fell. Sokolov added that nobody was hurt.",
			ner:  []string{"PER:Oleg Sokolov", "PER:Sokolov"},
			want: []expect{
				{mention: "The governor", canonical: "Oleg Sokolov", typ: "PER", source: SourceDescription},
				{mention: "Sokolov", canonical: "Oleg Sokolov"},
			},
		},
		{
			name: "organisation pattern the tagger missed",
			text: "Fighters of the Crimean Tatar Battalion said the Ministry of Defence had been told.",
			want: []expect{
				{mention: "Crimean Tatar Battalion", canonical: "Crimean Tatar Battalion", typ: "ORG", source: SourcePattern},
				{mention: "Ministry of Defence", canonical: "Ministry of Defence", typ: "ORG", source: SourcePattern},
			},
		},
		{
			name: "pattern widens a partial tag",
			text: "Men from the Siberian Battalion took part.",
			ner:  []string{"LOC:Siberian"},
			want: []expect{{mention: "Siberian Battalion", canonical: "Siberian Battalion", typ: "ORG", source: SourcePattern}, {mention: "Siberian"}},
		},
		{
			name: "callsign",
			text: "A fighter of the unit, callsign Veter, read the statement aloud.",
			want: []expect{{mention: "Veter", canonical: "Veter", typ: "PER", source: SourcePattern, reason: "callsign"}},
		},
		{
			name: "name in apposition",
			text: "The news agency Tass, citing the security service FSB, reported losses.",
			want: []expect{
				{mention: "Tass", canonical: "Tass", typ: "ORG", source: SourcePattern},
				{mention: "FSB", canonical: "FSB", typ: "ORG"},
			},
		},
		{
			name: "majority type",
			text: "Kovalenko spoke. Kovalenko left. Kovalenko returned.",
			ner:  []string{"PER:Kovalenko"},
			want: []expect{{mention: "Kovalenko", canonical: "Kovalenko", typ: "PER", count: 3}},
		},
		{
			name: "office dropped from the span and the canonical name",
			text: "Russian President Vladimir Putin spoke on Friday. Putin said the vote was fair.",
			ner:  []string{"PER:Russian President Vladimir Putin", "PER:Putin"},
			want: []expect{
				{mention: "Vladimir Putin", canonical: "Vladimir Putin"},
				{mention: "Putin", canonical: "Vladimir Putin", reason: "short form of Vladimir Putin"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := text.Analyze(tt.text, "en")
			got := InDoc(d, tag(d, tt.ner...))
			checkInvariants(t, d, got)
			for _, w := range tt.want {
				ms := mentionsWith(got, w.mention)
				if w.canonical == "" {
					if len(ms) > 0 {
						t.Errorf("%q: want no mention, got %+v", w.mention, ms)
					}
					continue
				}
				if len(ms) == 0 {
					t.Errorf("%q: no mention; got %s", w.mention, dump(got))
					continue
				}
				if w.count > 0 && len(ms) != w.count {
					t.Errorf("%q: %d mentions, want %d", w.mention, len(ms), w.count)
				}
				m := ms[0]
				e := got.Entities[m.Entity]
				if e.Canonical != w.canonical {
					t.Errorf("%q: canonical %q, want %q; %s", w.mention, e.Canonical, w.canonical, dump(got))
				}
				if w.typ != "" && e.Type != w.typ {
					t.Errorf("%q: type %q, want %q", w.mention, e.Type, w.typ)
				}
				if w.source != "" && m.Source != w.source {
					t.Errorf("%q: source %q, want %q", w.mention, m.Source, w.source)
				}
				if w.reason != "" && !strings.Contains(m.Reason, w.reason) {
					t.Errorf("%q: reason %q, want it to contain %q", w.mention, m.Reason, w.reason)
				}
				if w.mention != e.Canonical && m.Source != SourceDescription {
					found := false
					for _, a := range e.Aliases {
						found = found || a == w.mention
					}
					if !found {
						t.Errorf("%q: not among aliases %q", w.mention, e.Aliases)
					}
				}
			}
		})
	}
}

func dump(d Doc) string {
	var b strings.Builder
	for _, m := range d.Mentions {
		b.WriteString("\n  " + m.Type + " " + m.Source + " " + m.Text + " → " + d.Entities[m.Entity].Canonical + ": " + m.Reason)
	}
	return b.String()
}

// checkInvariants holds for every document: mentions in text order without
// overlaps, spans that spell their text, entity indices that agree both
// ways, sorted aliases without the canonical name, and a reason everywhere.
func checkInvariants(t *testing.T, d text.Doc, got Doc) {
	t.Helper()
	runes := []rune(d.Text)
	for i, m := range got.Mentions {
		if string(runes[m.Span.Start:m.Span.End]) != m.Text {
			t.Errorf("mention %d: span %v spells %q, text %q", i, m.Span, string(runes[m.Span.Start:m.Span.End]), m.Text)
		}
		if i > 0 && got.Mentions[i-1].Span.End > m.Span.Start {
			t.Errorf("mentions %d and %d overlap or are out of order", i-1, i)
		}
		if m.Reason == "" || m.Source == "" {
			t.Errorf("mention %q lacks reason or source", m.Text)
		}
		if m.Entity < 0 || m.Entity >= len(got.Entities) {
			t.Fatalf("mention %q: entity %d out of range", m.Text, m.Entity)
		}
		found := false
		for _, j := range got.Entities[m.Entity].Mentions {
			found = found || j == i
		}
		if !found {
			t.Errorf("mention %q not listed by its entity", m.Text)
		}
	}
	for _, e := range got.Entities {
		if !sort.StringsAreSorted(e.Aliases) {
			t.Errorf("%q: aliases not sorted: %q", e.Canonical, e.Aliases)
		}
		for k, a := range e.Aliases {
			if a == e.Canonical || k > 0 && e.Aliases[k-1] == a {
				t.Errorf("%q: bad alias %q in %q", e.Canonical, a, e.Aliases)
			}
		}
		if len(e.Mentions) == 0 || e.Canonical == "" || e.Type == "" {
			t.Errorf("empty entity %+v", e)
		}
	}
}

func TestInDocEmpty(t *testing.T) {
	for _, s := range []string{"", "   ", "No names here at all."} {
		d := text.Analyze(s, "en")
		got := InDoc(d, nil)
		if len(got.Mentions) != 0 || len(got.Entities) != 0 {
			t.Errorf("%q: got %+v", s, got)
		}
	}
}

// TestAcrossDocuments runs two invented reports of one raid through InDoc
// and Match: the legion, written differently in each, must match, and so
// must the fighter, whose first name is transliterated differently.
func TestAcrossDocuments(t *testing.T) {
	t1 := "The Free Ingria Legion (LSI) attacked Tetkino on Tuesday near Kursk. Aleksey Vetrov, a member, said the Kremlin lied. Vetrov added more."
	t2 := "Fighters of the Legion “Free for Ingria” entered Tyotkino near Kursk. Alexei Vetrov told reporters the Kremlin would fall."
	d1 := text.Analyze(t1, "en")
	d2 := text.Analyze(t2, "en")
	r1 := InDoc(d1, tag(d1, "ORG:Free Ingria Legion", "LOC:Tetkino", "LOC:Kursk", "PER:Aleksey Vetrov", "PER:Vetrov", "ORG:Kremlin"))
	r2 := InDoc(d2, tag(d2, "LOC:Ingria", "LOC:Tyotkino", "LOC:Kursk", "PER:Alexei Vetrov", "ORG:Kremlin"))
	find := func(d Doc, canonical string) Profile {
		for i, e := range d.Entities {
			if e.Canonical == canonical {
				return d.Profile(i)
			}
		}
		t.Fatalf("no entity %q in %s", canonical, dump(d))
		return Profile{}
	}
	tests := []struct {
		a, b string
		same bool
	}{
		{"Free Ingria Legion", "Free for Ingria Legion", true},
		{"Aleksey Vetrov", "Alexei Vetrov", true},
		{"Tetkino", "Tyotkino", true},
		{"Aleksey Vetrov", "Free for Ingria Legion", false},
		{"Kursk", "Tyotkino", false},
	}
	for _, tt := range tests {
		d := Match(find(r1, tt.a), find(r2, tt.b))
		if d.Same != tt.same {
			t.Errorf("Match(%q, %q) = %+v, want same=%v", tt.a, tt.b, d, tt.same)
		}
	}
}

// TestInDocOddSpans feeds spans a broken tagger might produce; InDoc must
// neither panic nor emit a mention outside the text.
func TestInDocOddSpans(t *testing.T) {
	d := text.Analyze("Ivan Petrenko met the Legion.", "en")
	ms := []ner.Mention{
		{Span: model.Span{Start: -3, End: 0}, Type: "PER"},
		{Span: model.Span{Start: 2, End: 9}, Type: "PER"},
		{Span: model.Span{Start: 5, End: 13}, Type: "PER"},
		{Span: model.Span{Start: 13, End: 14}, Type: "LOC"},
		{Span: model.Span{Start: 27, End: 400}, Type: "ORG"},
	}
	got := InDoc(d, ms)
	checkInvariants(t, d, got)
}

func TestInDocTaggerRepairs(t *testing.T) {
	tests := []struct {
		name, text string
		ner        []string
		want       []string // mention texts expected, in order
	}{
		{"line break splits a name", "Steppe News\nRussian units advanced on Monday.", []string{"ORG:Steppe News\nRussian"}, []string{"Steppe News"}},
		{"conjoined organisation name", "The Centre for Maps and Border Studies said so.", []string{"ORG:Centre for Maps"}, []string{"Centre for Maps and Border Studies"}},
		{"conjunction between two names", "The Steppe Council and Petrenko met.", []string{"ORG:Steppe Council", "PER:Petrenko"}, []string{"Steppe Council", "Petrenko"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := text.Analyze(tt.text, "en")
			got := InDoc(d, tag(d, tt.ner...))
			checkInvariants(t, d, got)
			var texts []string
			for _, m := range got.Mentions {
				texts = append(texts, m.Text)
			}
			if strings.Join(texts, "|") != strings.Join(tt.want, "|") {
				t.Errorf("mentions %q, want %q", texts, tt.want)
			}
		})
	}
}

// FuzzInDoc checks the invariants on any text, with the "tagger" marking
// every capitalised word as a name of a type chosen by the input.
func FuzzInDoc(f *testing.F) {
	f.Add("The Free Ingria Legion (LSI) said the group and the Legion “Free Ingria” left. Mr Vetrov, callsign Veter, agreed.", uint8(1))
	f.Add("“", uint8(0))
	f.Add("the governor , A B", uint8(2))
	f.Fuzz(func(t *testing.T, s string, seed uint8) {
		d := text.Analyze(s, "en")
		types := []string{"PER", "ORG", "LOC"}
		var ms []ner.Mention
		for i, tk := range d.Tokens {
			if tk.IsTitle() {
				ms = append(ms, ner.Mention{Span: tk.Span, Type: types[(int(seed)+i)%3], Text: tk.Text})
			}
		}
		checkInvariants(t, d, InDoc(d, ms))
	})
}

func BenchmarkInDoc(b *testing.B) {
	var sb strings.Builder
	for range 40 {
		sb.WriteString("The Free Ingria Legion (LSI) attacked Tetkino. Aleksey Vetrov said the group would return. Mr Vetrov, callsign Veter, added that the Legion “Free Ingria” and the Steppe Wolves Corps fought together. ")
	}
	d := text.Analyze(sb.String(), "en")
	ms := tag(d, "ORG:Free Ingria Legion", "LOC:Tetkino", "PER:Aleksey Vetrov", "PER:Vetrov", "ORG:Steppe Wolves Corps")
	for b.Loop() {
		InDoc(d, ms)
	}
}

func TestRolesAndInstitutions(t *testing.T) {
	tests := []struct {
		text, name, typ string
	}{
		{"The claim was dismissed by military blogger Vetrogon on Sunday.", "Vetrogon", "PER"},
		{"Speaking in Vilnius, U.S. Secretary of State Marten Ollivar called the vote predetermined.", "Marten Ollivar", "PER"},
		{"The news magazine Stolitsa Baranov told that the raid failed.", "Stolitsa", "ORG"},
		{"The news agency Vesti Reporting from the border said two died.", "Vesti", "ORG"},
		{"The group criticised the Kremlin and its army.", "Kremlin", "ORG"},
	}
	for _, tt := range tests {
		doc := text.Analyze(tt.text, "en")
		var ms []ner.Mention
		if i := strings.Index(tt.text, "Baranov"); i >= 0 {
			// The tagger found the person; the outlet before it is the rule's.
			ms = append(ms, ner.Mention{Span: model.Span{Start: i, End: i + 7}, Type: "PER", Text: "Baranov"})
		}
		got := InDoc(doc, ms)
		found := false
		for _, m := range got.Mentions {
			if m.Text == tt.name && m.Type == tt.typ {
				found = m.Reason != "" && m.Source == SourcePattern
			}
		}
		if !found {
			t.Errorf("%q: no %s mention %q with a reason; got %+v", tt.text, tt.typ, tt.name, got.Mentions)
		}
	}
	// Lower-case words that are offices only when capitalised name nobody.
	doc := text.Analyze("In general Assembly members agreed.", "en")
	for _, m := range InDoc(doc, nil).Mentions {
		if m.Type == "PER" {
			t.Errorf("a person was made of %q", m.Text)
		}
	}
}

func TestWireCreditIsNoDefinition(t *testing.T) {
	txt := "DUBAI, United Arab Emirates (AFP) — Officials said the port reopened. AFP could not confirm it."
	doc := text.Analyze(txt, "en")
	i := strings.Index(txt, "United Arab Emirates")
	got := InDoc(doc, []ner.Mention{{Span: model.Span{Start: i, End: i + 20}, Type: "ORG", Text: "United Arab Emirates"}})
	for _, e := range got.Entities {
		for _, a := range e.Aliases {
			if a == "AFP" {
				t.Errorf("the wire credit became an alias of %q", e.Canonical)
			}
		}
	}
}
