package htmlpage

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/markusmobius/go-trafilatura"
)

func TestDumpCandidates(t *testing.T) {
	shared := os.Getenv("SITREP_CAND")
	if shared == "" {
		t.Skip()
	}
	out, _ := os.Create("/tmp/htmlpage-work/cand.jsonl")
	defer out.Close()
	enc := json.NewEncoder(out)
	for _, set := range []string{"l3s-gn1", "wcxb"} {
		dir := filepath.Join(shared, "data", "extract-html", set)
		for _, g := range loadGold(t, dir) {
			b, _ := os.ReadFile(filepath.Join(dir, "docs", g.ID+".html"))
			p, _ := parse(b, "")
			m := pageMeta(p.doc)
			res, _ := trafilatura.ExtractDocument(p.doc, trafOptions(DefaultOptions(), ""))
			var tm trafilatura.Metadata
			if res != nil {
				tm = res.Metadata
			}
			enc.Encode(map[string]any{"set": set, "id": g.ID, "gold": g.Title, "h1": m.h1, "og": m.ogTitle, "tt": m.titleTag, "traf": tm.Title, "site": tm.Sitename, "ogsite": m.ogSiteName, "author": tm.Author, "gauthor": g.Author, "date": tm.Date.Format("2006-01-02"), "gdate": g.Published, "ldh": m.ld.headline, "ldd": m.ld.published, "lda": m.ld.authors, "ldp": m.ld.publisher, "ma": m.metaAuthor, "md": m.metaDate, "id2": m.itemDate, "td": m.timeDate, "by": m.bylines, "tw": m.twitterTitle})
		}
	}
}
