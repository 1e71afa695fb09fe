package sqlite

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/storetest"
)

// benchWords gives generated text the skewed word frequencies of prose, so
// that compression and indexing cost about what they cost on news.
var benchWords = strings.Fields(`the of and to in a is that for on was with said he it as at by
	from his an have has are but not be they were this who been their had which will would
	government minister police president election climate market court report officials
	people city country week year percent million company police statement spokesman
	Reuters Geneva Berlin Nairobi Jakarta Lima ceasefire inflation drought protest vaccine`)

func benchRecords(rng *rand.Rand, batch, n, size int) []store.Record {
	recs := make([]store.Record, n)
	for i := range recs {
		var b strings.Builder
		for b.Len() < size {
			// Zipf-like: early words far more often.
			w := benchWords[int(float64(len(benchWords))*rng.Float64()*rng.Float64())]
			b.WriteString(w)
			b.WriteByte(' ')
		}
		text := b.String()
		title := text[:60]
		raw := fmt.Appendf(nil, `{"id":%d,"title":%q,"text":%q}`, batch*n+i, title, text)
		recs[i] = storetest.Record(raw, 0, model.Article{
			Source: fmt.Sprintf("bench.jsonl#%d", batch*n+i+1), Path: "bench.jsonl", Record: batch*n + i + 1,
			Container: model.FormatJSONL, Format: model.FormatText,
			Title: title, Text: text, Outlet: "Bench", Language: "en",
			Published:  fmt.Sprintf("2024-%02d-%02d", 1+i%12, 1+i%28),
			Provenance: map[string]model.Provenance{model.FieldTitle: {From: "jsonl:title"}},
		})
	}
	return recs
}

// BenchmarkPutBatch stores batches of 1000 new 5 KB articles into a growing
// store, the shape of an ingest run.
func BenchmarkPutBatch(b *testing.B) {
	const n, size = 1000, 5000
	db, err := Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	rng := rand.New(rand.NewPCG(1, 1))
	ctx := context.Background()
	batch := 0
	var cpu time.Duration
	cpuOK := true
	for b.Loop() {
		b.StopTimer()
		recs := benchRecords(rng, batch, n, size)
		batch++
		c0, ok0 := cpuTime()
		b.StartTimer()
		res, err := db.PutBatch(ctx, recs)
		if err != nil || res.Stored != n {
			b.Fatalf("PutBatch = %+v, %v", res, err)
		}
		c1, ok1 := cpuTime()
		cpu += c1 - c0
		cpuOK = cpuOK && ok0 && ok1
	}
	b.ReportMetric(float64(batch*n)/b.Elapsed().Seconds(), "articles/s")
	if cpuOK {
		// CPU of all threads, compression and GC included, per article.
		b.ReportMetric(float64(cpu.Microseconds())/float64(batch*n), "cpu-µs/article")
	}
}

// BenchmarkPutBatchRepeat re-puts a stored batch: the cost of re-ingesting
// a file that is already in the store.
func BenchmarkPutBatchRepeat(b *testing.B) {
	const n, size = 1000, 5000
	db, err := Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	recs := benchRecords(rand.New(rand.NewPCG(1, 1)), 0, n, size)
	ctx := context.Background()
	if _, err := db.PutBatch(ctx, recs); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if res, err := db.PutBatch(ctx, recs); err != nil || res.AlreadyPresent != n {
			b.Fatalf("PutBatch = %+v, %v", res, err)
		}
	}
	b.ReportMetric(float64(b.N*n)/b.Elapsed().Seconds(), "articles/s")
}

func BenchmarkSearch(b *testing.B) {
	db, err := Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	rng := rand.New(rand.NewPCG(1, 1))
	ctx := context.Background()
	for batch := range 10 {
		if _, err := db.PutBatch(ctx, benchRecords(rng, batch, 1000, 5000)); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		if _, err := db.Search(ctx, `drought "police said"`, 20); err != nil {
			b.Fatal(err)
		}
	}
}
