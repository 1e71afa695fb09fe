package text

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/*.golden from the current output")

// TestGolden splits the invented articles in testdata/golden (named
// <name>.<lang>.txt) and compares with <name>.<lang>.golden: the dateline on
// the first line, then one sentence per line with a blank line between
// paragraphs. Review the diff after running with -update.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "golden", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			text := string(raw)
			lang := strings.TrimPrefix(filepath.Ext(strings.TrimSuffix(f, ".txt")), ".")
			d := Analyze(text, lang)
			check(t, text, d)
			got := render(d)
			gf := strings.TrimSuffix(f, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(gf, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(gf)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("%s differs:\n%s", gf, lineDiff(string(want), got))
			}
		})
	}
}

func render(d Doc) string {
	var b strings.Builder
	r := []rune(d.Text)
	b.WriteString("dateline: ")
	if d.DatelineEnd > 0 {
		b.WriteString(string(r[d.Dateline.Start:d.Dateline.End]))
	}
	b.WriteString("\n")
	for i, s := range d.Sentences {
		if i == 0 || s.Para != d.Sentences[i-1].Para {
			b.WriteString("\n")
		}
		b.WriteString(strings.ReplaceAll(s.Text, "\n", "⏎"))
		b.WriteString("\n")
	}
	return b.String()
}

func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("- " + wl + "\n+ " + gl + "\n")
		}
	}
	return b.String()
}
