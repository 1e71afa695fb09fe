package htmlpage

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/model"
)

func FuzzExtract(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.html"))
	for _, name := range files {
		// The benchmark page is too large to mutate usefully.
		if strings.Contains(name, "bench") {
			continue
		}
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b, "")
		}
	}
	f.Add([]byte(`<title>t`), "https://example.com/a")
	f.Add([]byte(`<meta charset="x-unknown"><p>\xff</p>`), "")
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","author":[[[{"name":{}}]]]}]}</script>`), "::")
	f.Fuzz(func(t *testing.T, body []byte, pageURL string) {
		var a model.Article
		err := Extract(&a, body, pageURL, DefaultOptions())
		if err != nil && strings.Contains(err.Error(), "panicked") {
			// Extract recovers, but a panic inside the libraries is still
			// worth knowing about.
			t.Fatalf("recovered panic: %v", err)
		}
		for f, v := range map[string]string{"text": a.Text, "title": a.Title, "author": a.Author, "outlet": a.Outlet, "url": a.URL} {
			if !utf8.ValidString(v) {
				t.Fatalf("%s is not valid UTF-8: %q", f, v)
			}
		}
		if strings.Contains(a.Text, "\n\n\n") {
			t.Fatalf("text has an empty paragraph: %q", a.Text)
		}
		if a.Published != "" && len(a.Published) != len("2006-01-02") {
			t.Fatalf("published = %q", a.Published)
		}
	})
}
