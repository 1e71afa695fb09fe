package htmlpage

import (
	"errors"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/model"
)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func extractFixture(t *testing.T, name, pageURL string, opt Options) model.Article {
	t.Helper()
	var a model.Article
	if err := Extract(&a, readFixture(t, name), pageURL, opt); err != nil {
		t.Fatalf("Extract(%s): %v", name, err)
	}
	return a
}

func TestNewsPageKeepsArticleDropsBoilerplate(t *testing.T) {
	a := extractFixture(t, "news.html", "", DefaultOptions())
	for _, want := range []string{
		"Container traffic at the port of Marlow Bay came to a standstill",
		"“Nobody here wanted to stop work,” said Oskar Brandt",
		"eleven vessels were anchored in the outer roads",
		"The last strike at the port, in 2011, lasted nine days",
	} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("text lacks %q\n%s", want, a.Text)
		}
	}
	for _, junk := range []string{
		"cookie", "Accept all", "Subscribe", "Weather", "Share on Facebook",
		"Advertisement", "Read more", "Photo: Harbour Authority",
		"ferry terminal", "herring landings", // related stories
		"Posted by", "empty shelves", // reader comments
		"All rights reserved", "Privacy policy", "Marlow Bay Courier Ltd",
	} {
		if strings.Contains(a.Text, junk) {
			t.Errorf("text keeps boilerplate %q\n%s", junk, a.Text)
		}
	}
	if strings.HasPrefix(a.Text, "Harbour cranes") {
		t.Errorf("text starts with the headline:\n%s", a.Text)
	}
	if !strings.Contains(a.Text, "\n\n") || strings.Contains(a.Text, "\n\n\n") {
		t.Errorf("paragraphs not separated by exactly one blank line:\n%q", a.Text)
	}
}

func TestNewsPageMetadata(t *testing.T) {
	a := extractFixture(t, "news.html", "", DefaultOptions())
	want := map[string]string{
		model.FieldTitle:     "Harbour cranes fall silent as Marlow Bay dockers strike",
		model.FieldAuthor:    "Petra Lindqvist",
		model.FieldOutlet:    "The Marlow Bay Courier",
		model.FieldPublished: "2024-03-14",
		model.FieldLanguage:  "en",
		model.FieldURL:       "https://courier.example.org/news/2024/03/harbour-strike",
	}
	got := map[string]string{
		model.FieldTitle: a.Title, model.FieldAuthor: a.Author, model.FieldOutlet: a.Outlet,
		model.FieldPublished: a.Published, model.FieldLanguage: a.Language, model.FieldURL: a.URL,
	}
	for f, w := range want {
		if got[f] != w {
			t.Errorf("%s = %q, want %q", f, got[f], w)
		}
		p, ok := a.Provenance[f]
		if !ok || p.From == "" {
			t.Errorf("%s has no provenance", f)
		}
	}
	if p := a.Provenance[model.FieldOutlet]; p.From != "html:meta:og:site_name" || p.Evidence != "The Marlow Bay Courier" {
		t.Errorf("outlet provenance = %+v", p)
	}
	if p := a.Provenance[model.FieldURL]; p.From != "html:link:canonical" {
		t.Errorf("url provenance = %+v", p)
	}
	if p := a.Provenance[model.FieldText]; !strings.HasPrefix(p.From, "html:") {
		t.Errorf("text provenance = %+v", p)
	}
}

func TestJSONLDMetadataAndHostOutlet(t *testing.T) {
	a := extractFixture(t, "jsonld_only.html", "https://www.gazette.example.net/local/library", DefaultOptions())
	if a.Title != "Library reopens with longer hours" {
		t.Errorf("title = %q", a.Title)
	}
	if a.Author != "Ines Okafor, Tom Reyes" {
		t.Errorf("author = %q", a.Author)
	}
	if a.Provenance[model.FieldAuthor].From != "html:json-ld:author" {
		t.Errorf("author provenance = %+v", a.Provenance[model.FieldAuthor])
	}
	if a.Published != "2023-11-02" {
		t.Errorf("published = %q", a.Published)
	}
	if a.Outlet != "Fernhill Gazette" {
		t.Errorf("outlet = %q", a.Outlet)
	}
	if a.URL != "https://www.gazette.example.net/local/library" {
		t.Errorf("url = %q", a.URL)
	}
	if a.Language != "en" || a.Provenance[model.FieldLanguage].From != "text:whatlanggo" {
		t.Errorf("language = %q from %+v", a.Language, a.Provenance[model.FieldLanguage])
	}
	if !strings.Contains(a.Text, "children's reading room") || strings.Contains(a.Text, "Events") {
		t.Errorf("text:\n%s", a.Text)
	}
}

func TestOutletFallsBackToHost(t *testing.T) {
	page := []byte(`<html><head><title>Water main bursts on Elm Street</title></head><body><article>
<p>A water main burst under Elm Street early on Friday, flooding three basements and closing the road to traffic for most of the morning rush hour.</p>
<p>Crews from the water company said the pipe was more than eighty years old and had been due for replacement next year under the town's renewal plan.</p>
</article></body></html>`)
	var a model.Article
	if err := Extract(&a, page, "https://www.elmtown-news.example/local/water", DefaultOptions()); err != nil {
		t.Fatal(err)
	}
	if a.Outlet != "elmtown-news.example" || a.Provenance[model.FieldOutlet].From != "html:url-host" {
		t.Errorf("outlet = %q from %+v", a.Outlet, a.Provenance[model.FieldOutlet])
	}
}

func TestTimeElementGivesDate(t *testing.T) {
	page := []byte(`<html><head><title>Market hall gets a new roof</title></head><body><article>
<h1>Market hall gets a new roof</h1><p class="meta"><time datetime="2022-06-30T08:00:00+02:00">30 June</time></p>
<p>The covered market hall will close for four weeks in July while roofers replace the leaking glass panels that have troubled stallholders for a decade.</p>
<p>Traders will move to a temporary site in the car park behind the town hall, and the Saturday flower market will continue as usual on the square.</p>
</article></body></html>`)
	var a model.Article
	if err := Extract(&a, page, "", DefaultOptions()); err != nil {
		t.Fatal(err)
	}
	if a.Published != "2022-06-30" {
		t.Errorf("published = %q", a.Published)
	}
	if a.Title != "Market hall gets a new roof" {
		t.Errorf("title = %q", a.Title)
	}
}

func TestExistingFieldsAreKept(t *testing.T) {
	a := model.Article{Title: "Given title", Outlet: "Given outlet", URL: "https://given.example/a"}
	if err := Extract(&a, readFixture(t, "news.html"), "", DefaultOptions()); err != nil {
		t.Fatal(err)
	}
	if a.Title != "Given title" || a.Outlet != "Given outlet" || a.URL != "https://given.example/a" {
		t.Errorf("overwrote given fields: %q %q %q", a.Title, a.Outlet, a.URL)
	}
	if a.Author != "Petra Lindqvist" {
		t.Errorf("author = %q", a.Author)
	}
}

func TestCharsets(t *testing.T) {
	const want = "Owners of the Café Müller on the market square say a rent rise of €400 a month – announced without warning"
	cases := []struct {
		name, file, contentType string
	}{
		{"meta windows-1252", "windows1252.html", ""},
		{"http header only", "latin1_undeclared.html", "text/html; charset=ISO-8859-1"},
		{"undeclared, guessed", "latin1_undeclared.html", ""},
		{"utf-8 labelled iso-8859-1", "mislabelled_utf8.html", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			opt := DefaultOptions()
			opt.ContentType = c.contentType
			a := extractFixture(t, c.file, "", opt)
			if !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) {
				t.Fatalf("invalid UTF-8 in output")
			}
			if !strings.Contains(a.Text, want) {
				t.Errorf("text lacks %q:\n%s", want, a.Text)
			}
			if a.Title != "Café owners fight “unfair” rent rise" {
				t.Errorf("title = %q", a.Title)
			}
		})
	}
}

func TestUnclosedTitleKeepsBody(t *testing.T) {
	a := extractFixture(t, "unclosed_title.html", "", DefaultOptions())
	if !strings.Contains(a.Text, "keep the night bus running for another year") {
		t.Errorf("body lost:\n%s", a.Text)
	}
	if a.Title != "Council votes to keep the night bus" {
		t.Errorf("title = %q", a.Title)
	}
}

func TestBrokenInputs(t *testing.T) {
	cases := map[string][]byte{
		"empty":     nil,
		"spaces":    []byte("   \n\t "),
		"binary":    {0x00, 0xff, 0xfe, 0x01, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0x00},
		"truncated": []byte(`<html><head><title>Half a page</title></head><body><div><p>The sentence stops in the mid`),
		"only tags": []byte(`<html><body><div><div><span></span></div></div></body></html>`),
		"not html":  []byte(`{"json": "document", "with": ["no", "markup"]}`),
		"bad utf-8": []byte("<p>\xff\xfe broken \xc3 bytes \xe2\x82 everywhere</p>"),
	}
	for name, body := range cases {
		t.Run(name, func(t *testing.T) {
			var a model.Article
			err := Extract(&a, body, "", DefaultOptions())
			if err != nil && !errors.Is(err, ErrNoText) {
				t.Errorf("unexpected error kind: %v", err)
			}
			for _, s := range []string{a.Text, a.Title, a.Author, a.Outlet} {
				if !utf8.ValidString(s) {
					t.Errorf("invalid UTF-8: %q", s)
				}
			}
			if _, err := Raw(body, ""); err != nil && strings.Contains(err.Error(), "panicked") {
				t.Errorf("Raw: %v", err)
			}
		})
	}
}

func TestTruncatedArticleKeepsWhatThereIs(t *testing.T) {
	page := readFixture(t, "news.html")
	cut := page[:strings.Index(string(page), "By midday eleven vessels")]
	var a model.Article
	if err := Extract(&a, cut, "", DefaultOptions()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "Container traffic at the port of Marlow Bay") {
		t.Errorf("text:\n%s", a.Text)
	}
}

func TestHugePageRefused(t *testing.T) {
	body := make([]byte, MaxBytes+1)
	var a model.Article
	if err := Extract(&a, body, "", DefaultOptions()); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Extract err = %v, want ErrTooLarge", err)
	}
	if _, err := Raw(body, ""); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Raw err = %v, want ErrTooLarge", err)
	}
}

func TestRawIsPlainTrafilatura(t *testing.T) {
	txt, err := Raw(readFixture(t, "news.html"), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(txt, "Container traffic at the port") {
		t.Errorf("raw text:\n%s", txt)
	}
	if strings.Contains(txt, "\n") {
		t.Errorf("raw text should be trafilatura's single-line text")
	}
}

func TestWithoutFallback(t *testing.T) {
	opt := DefaultOptions()
	opt.Fallback = false
	opt.FastDates = true
	a := extractFixture(t, "news.html", "", opt)
	if !strings.Contains(a.Text, "Container traffic at the port of Marlow Bay") {
		t.Errorf("text:\n%s", a.Text)
	}
}

// The pipeline runs Extract from many goroutines at once.
func TestConcurrentExtract(t *testing.T) {
	pages := [][]byte{readFixture(t, "news.html"), readFixture(t, "jsonld_only.html"), readFixture(t, "windows1252.html")}
	done := make(chan string)
	for i := range 6 {
		go func() {
			var a model.Article
			_ = Extract(&a, pages[i%len(pages)], "", DefaultOptions())
			done <- a.Title
		}()
	}
	for range 6 {
		if title := <-done; title == "" {
			t.Error("empty title")
		}
	}
}

func explode() { panic("boom") }

func nilDeref() int {
	var p *parsed
	return len(p.encoding)
}

func TestPanicSite(t *testing.T) {
	var site string
	func() {
		defer func() {
			if recover() != nil {
				site = panicSite(debug.Stack())
			}
		}()
		explode()
	}()
	if !strings.Contains(site, "explode") || !strings.Contains(site, "htmlpage_test.go:") {
		t.Errorf("panicSite = %q", site)
	}
	func() {
		defer func() {
			if recover() != nil {
				site = panicSite(debug.Stack())
			}
		}()
		nilDeref()
	}()
	if !strings.Contains(site, "nilDeref") {
		t.Errorf("panicSite = %q", site)
	}
}

func TestWarnsOnlyOnRepairedBytes(t *testing.T) {
	// A page in a declared legacy encoding is decoded, not repaired.
	a := extractFixture(t, "windows1252.html", "", DefaultOptions())
	if len(a.Warnings) != 0 {
		t.Errorf("warnings on a declared windows-1252 page: %q", a.Warnings)
	}
	b := extractFixture(t, "news.html", "", DefaultOptions())
	if len(b.Warnings) != 0 {
		t.Errorf("warnings on a UTF-8 page: %q", b.Warnings)
	}
	page := []byte("<html><head><meta charset=\"utf-8\"><title>Mill fire</title></head><body><article>" +
		"<p>Fire crews from three towns fought a blaze at the old textile mill through the night, and the last flames were out by dawn, the fire service said.</p>" +
		"<p>Nobody was hurt, but the roof of the main hall collapsed and the owners say the building cannot be saved \xff\xfe after the damage.</p>" +
		"<p>Investigators will examine the site on Monday to find out how the fire started in a building that had stood empty since the spring.</p>" +
		"</article></body></html>")
	var c model.Article
	if err := Extract(&c, page, "", DefaultOptions()); err != nil {
		t.Fatal(err)
	}
	if len(c.Warnings) != 1 || !strings.HasPrefix(c.Warnings[0], "html: ") {
		t.Errorf("invalid UTF-8 in a UTF-8 page: warnings = %q", c.Warnings)
	}
}
