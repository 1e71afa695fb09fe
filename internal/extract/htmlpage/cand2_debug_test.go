package htmlpage

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/go-shiori/dom"
	"github.com/go-shiori/go-readability"
	distiller "github.com/markusmobius/go-domdistiller"
	"github.com/markusmobius/go-trafilatura"
)

func TestDumpExtractors(t *testing.T) {
	shared := os.Getenv("SITREP_CAND")
	if shared == "" {
		t.Skip()
	}
	out, _ := os.Create("/tmp/htmlpage-work/extractors.jsonl")
	defer out.Close()
	enc := json.NewEncoder(out)
	for _, set := range []string{"l3s-gn1", "wcxb", "trafilatura-eval"} {
		dir := filepath.Join(shared, "data", "extract-html", set)
		for _, g := range loadGold(t, dir) {
			b, _ := os.ReadFile(filepath.Join(dir, "docs", g.ID+".html"))
			p, _ := parse(b, "")
			rec := map[string]any{"set": set, "id": g.ID}
			o := trafOptions(DefaultOptions(), "")
			o.EnableFallback = false
			if res, err := trafilatura.ExtractDocument(p.doc, o); err == nil {
				rec["T"] = render(res.ContentNode)
			}
			if res, err := trafilatura.ExtractDocument(p.doc, trafOptions(DefaultOptions(), "")); err == nil {
				rec["F"] = render(res.ContentNode)
			}
			if r, err := readability.FromDocument(dom.Clone(p.doc, true), nil); err == nil && r.Node != nil {
				rec["R"] = render(r.Node)
			}
			if r, err := distiller.Apply(dom.Clone(p.doc, true), &distiller.Options{SkipPagination: true}); err == nil && r != nil && r.Node != nil {
				rec["D"] = render(r.Node)
			}
			enc.Encode(rec)
		}
	}
}
