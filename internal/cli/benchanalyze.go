package cli

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/spf13/cobra"

	"github.com/sitrep/sitrep/internal/analyze"
	"github.com/sitrep/sitrep/internal/gen"
)

func (a *app) benchAnalyzeCmd() *cobra.Command {
	var n, workers int
	var seed uint64
	cmd := &cobra.Command{
		Use:   "analyze",
		Short: "Analysis throughput (articles/s) and memory: names, entities, places, dates",
		Long: `Analyse N generated article texts (English, about 3,000 characters each)
with the whole language pipeline (sentences, tagger, in-article resolution,
geocoding, dates), first on one goroutine, then on W, and report articles
per second, characters per second, the time to load the models and the
memory they hold.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var texts []string
			var chars int
			for d := range gen.Articles(seed, n, gen.DefaultOptions) {
				texts = append(texts, d.Text)
				chars += len([]rune(d.Text))
			}
			if len(texts) == 0 {
				return fmt.Errorf("bench analyze: no texts")
			}
			var before runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			start := time.Now()
			analyze.Text("Warm-up in Kyiv on Monday, said Ivan Petrov.", analyze.Options{Published: time.Date(2024, 3, 15, 0, 0, 0, 0, time.UTC)})
			load := time.Since(start)
			var after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&after)
			fmt.Fprintf(a.stdout, "GOMAXPROCS %d, %s/%s; %d texts, %.0f characters each on average\n",
				runtime.GOMAXPROCS(0), runtime.GOOS, runtime.GOARCH, len(texts), float64(chars)/float64(len(texts)))
			fmt.Fprintf(a.stdout, "models loaded in %.2fs, holding %s of heap\n", load.Seconds(), humanBytes(int64(after.HeapAlloc)-int64(before.HeapAlloc)))
			if workers <= 0 {
				workers = runtime.GOMAXPROCS(0)
			}
			pub := time.Date(2024, 3, 15, 0, 0, 0, 0, time.UTC)
			for _, w := range []int{1, workers} {
				var next atomic.Int64
				var found atomic.Int64
				var wg sync.WaitGroup
				peak := watchPeak()
				start := time.Now()
				for range w {
					wg.Add(1)
					go func() {
						defer wg.Done()
						for {
							i := int(next.Add(1)) - 1
							if i >= len(texts) {
								return
							}
							r := analyze.Text(texts[i], analyze.Options{Published: pub, Language: "en"})
							found.Add(int64(len(r.Entities) + len(r.Places) + len(r.Dates)))
						}
					}()
				}
				wg.Wait()
				secs := time.Since(start).Seconds()
				fmt.Fprintf(a.stdout, "analyze on %2d goroutines: %7.1f articles/s  %6.2f M characters/s  %5.1f values per article  peak Go memory %s\n",
					w, float64(len(texts))/secs, float64(chars)/secs/1e6, float64(found.Load())/float64(len(texts)), humanBytes(int64(peak())))
				if workers == 1 {
					break
				}
			}
			return nil
		},
	}
	cmd.Flags().IntVar(&n, "n", 1000, "articles to analyse")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "generator seed")
	cmd.Flags().IntVar(&workers, "workers", 0, "goroutines of the parallel run (0: one per CPU)")
	return cmd
}
