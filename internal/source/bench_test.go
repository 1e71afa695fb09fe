package source

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

func benchWalk(b *testing.B, name string, data []byte, wantDocs int) {
	path := filepath.Join(b.TempDir(), name)
	writeFile(b, path, data)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		err := Walk(context.Background(), []string{path}, Options{}, func(it Item) error {
			if it.Doc != nil {
				n++
			}
			return nil
		})
		if err != nil || n != wantDocs {
			b.Fatalf("Walk: %v, %d documents", err, n)
		}
	}
}

func BenchmarkWalkJSONL(b *testing.B) {
	var sb strings.Builder
	const n = 5000
	for i := range n {
		fmt.Fprintf(&sb, `{"url":"https://courier.example/%d","title":"Story %d","published":"2024-03-%02d","authors":["A. Writer"],"outlet":"Courier","text":"%s"}`+"\n",
			i, i, i%28+1, strings.Repeat("The tide came in over the harbour wall. ", 40))
	}
	benchWalk(b, "bench.jsonl", []byte(sb.String()), n)
}

func BenchmarkWalkWARCGzip(b *testing.B) {
	var parts [][]byte
	const n = 1000
	page := "<html><body>" + strings.Repeat("<p>The tide came in over the harbour wall.</p>", 40) + "</body></html>"
	for i := range n {
		parts = append(parts, []byte(warcRecord("response", httpMsg("200 OK", page, "Content-Type: text/html"),
			fmt.Sprintf("WARC-Target-URI: https://courier.example/%d", i), "Content-Type: application/http; msgtype=response")))
	}
	benchWalk(b, "bench.warc.gz", gz(parts...), n)
}
