package extract

import (
	"errors"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/model"
)

const riverText = `The regional water authority said on Monday that the reservoir above the town of Kessel had reached its highest level in twenty years after a week of heavy rain.

Engineers opened two spillway gates to lower the level by half a metre, and the authority asked residents downstream to keep away from the riverbanks until the weekend.

"The dam is safe, but the river will stay high for several days," said the authority's chief engineer, who added that more rain was expected on Thursday.`

func TestArticleHintsWin(t *testing.T) {
	doc := model.RawDoc{
		Source: "w.jsonl#3", Path: "w.jsonl", Record: 3, Container: model.FormatJSONL, Format: model.FormatText,
		Body: []byte(riverText), Raw: []byte(`{"any":"line"}`), RawRecord: 0,
		Hints: model.Hints{URL: "https://www.example.net/x", Title: " Reservoir at record level ", Published: "2025-03-10T08:00:00+01:00",
			Outlet: "Kessel Post", Author: "Ana Ruiz", Language: "EN-gb", Extra: map[string]any{"section": "region"}},
	}
	a, err := New(DefaultOptions()).Article(doc, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]string{
		model.FieldTitle:     {a.Title, "Reservoir at record level"},
		model.FieldOutlet:    {a.Outlet, "Kessel Post"},
		model.FieldAuthor:    {a.Author, "Ana Ruiz"},
		model.FieldPublished: {a.Published, "2025-03-10"},
		model.FieldLanguage:  {a.Language, "en"},
		model.FieldURL:       {a.URL, "https://www.example.net/x"},
	}
	for field, v := range want {
		if v[0] != v[1] {
			t.Errorf("%s = %q, want %q", field, v[0], v[1])
		}
		if p := a.Provenance[field].From; p != "jsonl:"+field {
			t.Errorf("%s provenance %q", field, p)
		}
	}
	if a.ID != IDFromHash(a.ContentHash) || len(a.ID) != 16 || a.Source != "w.jsonl#3" || a.Extra["section"] != "region" {
		t.Errorf("identity fields wrong: %+v", a)
	}
	if !strings.Contains(a.Text, "spillway gates") {
		t.Errorf("text lost: %q", a.Text)
	}
}

func TestContentHashDependsOnRecord(t *testing.T) {
	raw := []byte("<rss>…</rss>")
	a := ContentHash(model.RawDoc{Raw: raw, RawRecord: 1})
	b := ContentHash(model.RawDoc{Raw: raw, RawRecord: 2})
	if a == b {
		t.Fatal("two items of one feed must not share an id")
	}
	if a != ContentHash(model.RawDoc{Raw: append([]byte(nil), raw...), RawRecord: 1}) {
		t.Fatal("hash must depend on content only")
	}
}

func TestDatelineCreditInHTML(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>Ferry service resumes</title>
<meta name="author" content="Northwire"></head><body><article><h1>Ferry service resumes</h1>
<p>PORT ELLIS (Northwire) — Ferry service between the mainland and the islands resumed on Wednesday after three days of storms kept every vessel in harbour, the operator said.</p>
<p>The first crossing left at seven in the morning with about two hundred passengers and forty vehicles on board, and further sailings ran on schedule.</p>
<p>The operator said it would add two extra crossings on Friday to clear the backlog of freight lorries waiting at the terminal.</p>
</article></body></html>`
	doc := model.RawDoc{Source: "p.html", Container: model.FormatHTML, Format: model.FormatHTML, Body: []byte(page), Raw: []byte(page)}
	a, err := New(DefaultOptions()).Article(doc, nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.CreditedSource != "Northwire" || a.Provenance[model.FieldCreditedSource].From != "html:credit" {
		t.Errorf("credited source %q from %q", a.CreditedSource, a.Provenance[model.FieldCreditedSource].From)
	}
	if a.Author != "" {
		t.Errorf("the credited agency is not the author: %q", a.Author)
	}
	if !strings.HasPrefix(a.Text, "Ferry service between") {
		t.Errorf("dateline not cut from text: %q", a.Text[:40])
	}
}

func TestTidyAttribution(t *testing.T) {
	cases := []struct {
		name                     string
		in                       model.Article
		author, outlet, credited string
	}{
		{"own dateline", model.Article{Outlet: "Eastline", CreditedSource: "eastline"}, "", "Eastline", ""},
		{"agency as author", model.Article{Author: "Northwire", CreditedSource: "Northwire", Outlet: "Post"}, "", "Post", "Northwire"},
		{"desk byline kept", model.Article{Author: "Science Desk", Outlet: "Post"}, "Science Desk", "Post", ""},
		{"person kept", model.Article{Author: "Ana Ruiz", Outlet: "Post", CreditedSource: "Northwire"}, "Ana Ruiz", "Post", "Northwire"},
	}
	for _, c := range cases {
		a := c.in
		tidyAttribution(&a)
		if a.Author != c.author || a.Outlet != c.outlet || a.CreditedSource != c.credited {
			t.Errorf("%s: got author %q outlet %q credited %q", c.name, a.Author, a.Outlet, a.CreditedSource)
		}
	}
}

func TestTextBody(t *testing.T) {
	s, w := TextBody([]byte("\xEF\xBB\xBFplain"))
	if s != "plain" || w != nil {
		t.Errorf("BOM: %q %v", s, w)
	}
	s, w = TextBody([]byte("Caf\xe9 in Z\xfcrich"))
	if s != "Café in Zürich" || len(w) != 1 {
		t.Errorf("Windows-1252: %q %v", s, w)
	}
}

func TestNoText(t *testing.T) {
	doc := model.RawDoc{Source: "e.html", Format: model.FormatHTML, Body: []byte("<html><head><title>x</title></head><body><img src=a.png></body></html>")}
	if _, err := New(DefaultOptions()).Article(doc, nil); !errors.Is(err, ErrNoText) {
		t.Errorf("want ErrNoText, got %v", err)
	}
	doc.Format = "pdf"
	if _, err := New(DefaultOptions()).Article(doc, nil); err == nil {
		t.Error("unknown format must fail")
	}
}

func TestLanguageDetection(t *testing.T) {
	de := `Die Regionalregierung hat am Montag mitgeteilt, dass der Stausee oberhalb der Stadt nach einer Woche mit starkem Regen den höchsten Stand seit zwanzig Jahren erreicht hat. Die Ingenieure öffneten zwei Schleusen, um den Pegel zu senken, und baten die Anwohner, sich bis zum Wochenende vom Flussufer fernzuhalten.`
	// The page declares English (its template), the text is German:
	// detection wins over an HTML declaration.
	a := model.Article{Text: de}
	a.SetField(model.FieldLanguage, "en", model.Provenance{From: "html:lang"})
	New(DefaultOptions()).detectLanguage(&a)
	if a.Language != "de" {
		t.Errorf("html-declared language not corrected: %q", a.Language)
	}
	// Container metadata is explicit and stays.
	b := model.Article{Text: de}
	b.SetField(model.FieldLanguage, "fr", model.Provenance{From: "jsonl:language"})
	New(DefaultOptions()).detectLanguage(&b)
	if b.Language != "fr" {
		t.Errorf("explicit language overridden: %q", b.Language)
	}
}

func TestLanguageAllowList(t *testing.T) {
	// Spanish and Portuguese share most of their short words; limited to
	// the languages a collection holds, detection cannot stray.
	text := `El gobierno regional anunció el lunes que el embalse situado sobre la ciudad alcanzó su nivel más alto en veinte años después de una semana de lluvias intensas, y pidió a los vecinos que se alejaran del río.`
	a := model.Article{Text: text}
	New(Options{Languages: []string{"en", "pt"}, MinLanguageConfidence: 0.8}).detectLanguage(&a)
	if a.Language == "es" {
		t.Errorf("detected %q outside the allow-list", a.Language)
	}
	b := model.Article{Text: text}
	New(DefaultOptions()).detectLanguage(&b)
	if b.Language != "es" {
		t.Errorf("default detection: %q", b.Language)
	}
}

func TestProducerTextKeptWhole(t *testing.T) {
	body := "OSLAND (Northwire) - Ferries resumed.\n\n\nShort item, second line"
	doc := model.RawDoc{Source: "f.xml#2", Container: model.FormatFeed, Format: model.FormatText, Body: []byte(body), Raw: []byte("<rss/>"), RawRecord: 2}
	a, err := New(DefaultOptions()).Article(doc, nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.Text != "Ferries resumed.\n\nShort item, second line" {
		t.Errorf("feed text not kept whole: %q", a.Text)
	}
	if a.CreditedSource != "Northwire" || a.Provenance[model.FieldText].From != "feed:text" {
		t.Errorf("credit %q, text from %q", a.CreditedSource, a.Provenance[model.FieldText].From)
	}
}
