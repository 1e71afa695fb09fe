package htmlpage

import (
	"testing"

	"github.com/sitrep/sitrep/internal/model"
)

// BenchmarkExtract runs Extract on a 49 KB news page with a full head, menu,
// related links and footer; docs/s is the figure to compare.
func BenchmarkExtract(b *testing.B) {
	page := readFixture(b, "bench_page.html")
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		var a model.Article
		if err := Extract(&a, page, "", DefaultOptions()); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

func BenchmarkExtractFast(b *testing.B) {
	page := readFixture(b, "bench_page.html")
	opt := DefaultOptions()
	opt.FastDates = true
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		var a model.Article
		if err := Extract(&a, page, "", opt); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

func BenchmarkRaw(b *testing.B) {
	page := readFixture(b, "bench_page.html")
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := Raw(page, ""); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
