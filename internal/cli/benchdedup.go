package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/spf13/cobra"

	"github.com/sitrep/sitrep/internal/dedup"
	"github.com/sitrep/sitrep/internal/gen"
	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/sqlite"
)

func (a *app) benchDedupCmd() *cobra.Command {
	var n, pool, workers, storeN int
	var seed uint64
	cmd := &cobra.Command{
		Use:   "dedup",
		Short: "Fingerprinting throughput and index cost as it grows",
		Long: `Measure the dedup stage on generated articles:

  1. fingerprints per second (normalising, shingling, MinHash and LSH
     keys) on all cores;
  2. the in-memory LSH index: query-then-insert latency at each tenth of
     N, candidates per query, and bytes per article;
  3. with --store-n, the same for the SQLite store's persistent index
     (articles stored with their keys in batches, then queried).

Texts come from a pool of --pool generated articles; past the pool, each
round reuses the texts with its keys re-salted, so every article is
distinct for the index while copies inside a round still collide as real
copies do.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if workers <= 0 {
				workers = runtime.GOMAXPROCS(0)
			}
			h, err := dedup.New(dedup.DefaultOptions())
			if err != nil {
				return err
			}
			pool = max(1, min(pool, n))
			start := time.Now()
			texts := make([]string, pool)
			var words int64
			gen.Texts(seed, pool, gen.DefaultOptions, workers, func(i, _ int, text string) {
				texts[i] = text
				atomic.AddInt64(&words, int64(dedup.CountWords(text)))
			})
			fmt.Fprintf(a.stdout, "GOMAXPROCS %d, %s/%s; pool of %d generated texts (%.0f words on average) in %.1fs\n",
				runtime.GOMAXPROCS(0), runtime.GOOS, runtime.GOARCH, pool, float64(words)/float64(pool), time.Since(start).Seconds())

			keys, sketches, err := benchFingerprints(a.stdout, h, texts, n, workers)
			if err != nil {
				return err
			}
			benchIndex(a.stdout, keys, pool, n)
			if storeN > 0 {
				return benchStoreIndex(cmd.Context(), a.stdout, h, keys, sketches, min(storeN, n))
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.IntVar(&n, "n", 1_000_000, "articles to fingerprint and index")
	f.IntVar(&pool, "pool", 20_000, "distinct generated texts")
	f.Uint64Var(&seed, "seed", 1, "generator seed")
	f.IntVar(&workers, "workers", 0, "fingerprinting goroutines (0: one per CPU)")
	f.IntVar(&storeN, "store-n", 0, "also measure the SQLite index over this many articles (0: skip)")
	return cmd
}

// benchFingerprints fingerprints n articles cycling over texts and returns
// the keys and sketches of the pool.
func benchFingerprints(w io.Writer, h *dedup.Hasher, texts []string, n, workers int) ([][]uint64, []dedup.Sketch, error) {
	keys := make([][]uint64, len(texts))
	sketches := make([]dedup.Sketch, len(texts))
	var bytes int64
	for _, t := range texts {
		bytes += int64(len(t))
	}
	runtime.GC()
	var next atomic.Int64
	start := time.Now()
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				fp := h.Fingerprint(texts[i%len(texts)])
				if i < len(texts) {
					keys[i], sketches[i] = fp.Keys, fp.Sketch
				}
			}
		})
	}
	wg.Wait()
	secs := time.Since(start).Seconds()
	mb := float64(bytes) / float64(len(texts)) * float64(n) / 1e6
	fmt.Fprintf(w, "fingerprint  %d articles  %.1fs  %.0f articles/s  %.1f MB/s  (%d workers, %d keys per article)\n",
		n, secs, float64(n)/secs, mb/secs, workers, len(keys[0]))
	return keys, sketches, nil
}

// saltedKeys returns the keys of article i: the pool's keys, re-salted per
// round so rounds do not collide, with the band tag in the top bits kept.
func saltedKeys(keys [][]uint64, i int, dst []uint64) []uint64 {
	base := keys[i%len(keys)]
	round := uint64(i / len(keys))
	dst = dst[:0]
	for _, k := range base {
		if round == 0 {
			dst = append(dst, k)
			continue
		}
		const tag = uint64(0x3f) << 58
		z := (k ^ round*0x9e3779b97f4a7c15) * 0xbf58476d1ce4e5b9
		z ^= z >> 31
		dst = append(dst, k&tag|z&^tag)
	}
	return dst
}

func benchIndex(w io.Writer, keys [][]uint64, pool, n int) {
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	x := dedup.NewIndex()
	var buf []uint64
	var cands []uint32
	step := max(1, n/10)
	var stepStart = time.Now()
	var stepCands int
	start := time.Now()
	fmt.Fprintf(w, "memory index (query, then insert):\n")
	for i := range n {
		buf = saltedKeys(keys, i, buf)
		cands = x.Candidates(buf, cands)
		stepCands += len(cands)
		x.Add(uint32(i), buf)
		if (i+1)%step == 0 || i == n-1 {
			done := i%step + 1
			el := time.Since(stepStart)
			fmt.Fprintf(w, "  at %8d articles  %6.0f ns per article  %.2f candidates per query  index %.0f bytes per article\n",
				i+1, float64(el.Nanoseconds())/float64(done), float64(stepCands)/float64(done), float64(x.Bytes())/float64(x.Len()))
			stepStart, stepCands = time.Now(), 0
		}
	}
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	heap := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	fmt.Fprintf(w, "memory index %d articles in %.1fs; Go heap grew %s (%.0f bytes per article)\n",
		n, time.Since(start).Seconds(), humanBytes(heap), float64(heap)/float64(n))
	runtime.KeepAlive(x)
}

// benchStoreIndex measures the persistent index: articles go in with their
// keys in batches of a thousand, and each is queried first, as ingest does.
func benchStoreIndex(ctx context.Context, w io.Writer, h *dedup.Hasher, keys [][]uint64, sketches []dedup.Sketch, n int) error {
	tmp, err := os.MkdirTemp("", "sitrep-bench-dedup-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	db, err := sqlite.Open(filepath.Join(tmp, "bench.db"))
	if err != nil {
		return err
	}
	defer db.Close()
	const batch = 1000
	step := max(batch, n/10/batch*batch)
	fmt.Fprintf(w, "store index (query each article, then store the batch with its keys):\n")
	var queryTime, putTime time.Duration
	var cands, reads, done int
	start := time.Now()
	for lo := 0; lo < n; lo += batch {
		hi := min(n, lo+batch)
		recs := make([]store.Record, 0, hi-lo)
		t0 := time.Now()
		for i := lo; i < hi; i++ {
			k := saltedKeys(keys, i, nil)
			c, err := db.CopyCandidates(ctx, k)
			if err != nil {
				return err
			}
			cands += len(c)
			own := sketches[i%len(sketches)]
			for _, cand := range c {
				var sk dedup.Sketch
				if sk.UnmarshalBinary(cand.Sketch) != nil || h.Plausible(own, sk) {
					reads++
				}
			}
			sketch, err := own.MarshalBinary()
			if err != nil {
				return err
			}
			id := fmt.Sprintf("%016x", uint64(i)*0x9e3779b97f4a7c15)
			recs = append(recs, store.Record{
				Article: model.Article{ID: id, ContentHash: id + "0000", Source: id, Path: id,
					Container: model.FormatText, Format: model.FormatText, Text: "x"},
				Raw: []byte(id), CopyKeys: k, CopySketch: sketch,
			})
		}
		t1 := time.Now()
		if _, err := db.PutBatch(ctx, recs); err != nil {
			return err
		}
		queryTime += t1.Sub(t0)
		putTime += time.Since(t1)
		done += hi - lo
		if hi%step == 0 || hi == n {
			fmt.Fprintf(w, "  at %8d articles  query %6.0f µs  store %6.0f µs per article  %.2f candidates per query, %.2f left to read after screening\n",
				hi, float64(queryTime.Microseconds())/float64(done), float64(putTime.Microseconds())/float64(done),
				float64(cands)/float64(done), float64(reads)/float64(done))
			queryTime, putTime, cands, reads, done = 0, 0, 0, 0, 0
		}
	}
	info, err := os.Stat(db.Path())
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "store index %d articles in %.1fs; store file %s\n", n, time.Since(start).Seconds(), humanBytes(info.Size()))
	return nil
}
