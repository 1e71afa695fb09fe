package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/sitrep/sitrep/internal/gen"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/store/sqlite"
)

func (a *app) benchCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Measure throughput and memory of a stage",
	}
	cmd.AddCommand(a.benchIngestCmd(), a.benchDedupCmd(), a.benchAnalyzeCmd(), a.benchStoriesCmd())
	return cmd
}

func (a *app) benchIngestCmd() *cobra.Command {
	var n, workers int
	var seed uint64
	cmd := &cobra.Command{
		Use:   "ingest [DIR...]",
		Short: "Ingest throughput (articles/s) and peak memory",
		Long: `Ingest into a fresh temporary store and report articles per second, MB
per second and peak memory. Without DIR, two generated corpora of N
articles are measured: scraped plain text and HTML pages.`,
		RunE: func(cmd *cobra.Command, dirs []string) error {
			tmp, err := os.MkdirTemp("", "sitrep-bench-")
			if err != nil {
				return fmt.Errorf("bench: %w", err)
			}
			defer os.RemoveAll(tmp)
			type job struct {
				name  string
				paths []string
			}
			var jobs []job
			if len(dirs) > 0 {
				jobs = append(jobs, job{"given", dirs})
			} else {
				for _, k := range []struct {
					name string
					html float64
				}{{"text", 0}, {"html", 1}} {
					dir := filepath.Join(tmp, k.name)
					opt := gen.DefaultOptions
					opt.HTMLShare = k.html
					if err := gen.WriteCorpus(dir, seed, n, opt); err != nil {
						return fmt.Errorf("bench: generate: %w", err)
					}
					jobs = append(jobs, job{k.name, []string{dir}})
				}
			}
			fmt.Fprintf(a.stdout, "GOMAXPROCS %d, %s/%s\n", runtime.GOMAXPROCS(0), runtime.GOOS, runtime.GOARCH)
			for i, j := range jobs {
				opt := pipeline.DefaultOptions()
				opt.Workers = workers
				db, err := sqlite.Open(filepath.Join(tmp, fmt.Sprintf("bench-%d.db", i)))
				if err != nil {
					return err
				}
				runtime.GC()
				peak := watchPeak()
				in, err := pipeline.New(db, opt)
				if err != nil {
					db.Close()
					return err
				}
				sum, err := in.Ingest(cmd.Context(), j.paths)
				heap := peak()
				db.Close()
				if err != nil {
					return err
				}
				secs := sum.Elapsed.Seconds()
				fmt.Fprintf(a.stdout, "ingest %-5s %6d articles  %6.1fs  %7.1f articles/s  %6.1f MB/s  peak Go memory %s  failed %d\n",
					j.name, sum.Read, secs, float64(sum.Read)/secs, float64(sum.Bytes)/secs/1e6, humanBytes(int64(heap)), sum.Failed)
			}
			fmt.Fprintf(a.stdout, "peak RSS of the process %s\n", humanBytes(maxRSS()))
			return nil
		},
	}
	cmd.Flags().IntVar(&n, "n", 2000, "articles per generated corpus")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "generator seed")
	cmd.Flags().IntVar(&workers, "workers", 0, "concurrent cleaners (0: one per CPU)")
	return cmd
}

// watchPeak samples the Go runtime's total mapped memory until the returned
// function is called, which returns the highest value seen. Sampling rather
// than the process's peak RSS lets each measured run have its own figure.
func watchPeak() func() uint64 {
	ctx, cancel := context.WithCancel(context.Background())
	sample := []metrics.Sample{{Name: "/memory/classes/total:bytes"}}
	var peak uint64
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		cancel()
		wg.Wait()
		return peak
	}
}
