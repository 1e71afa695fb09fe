package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/source"
	"github.com/sitrep/sitrep/internal/store"
)

func (a *app) ingestCmd() *cobra.Command {
	opt := pipeline.DefaultOptions()
	var noProgress, noAnalyze bool
	var maxFileMB, maxGzMB int64
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Read files and folders of news into the store",
		Long: `Read files and folders (recursively) of news: scraped plain text, HTML,
JSON Lines, WARC, RSS/Atom; .gz is read transparently. Each article is
cleaned and stored once: re-ingesting the same input adds nothing.

Exit status: 0 when every input was read, 3 when some failed (the
summary lists them), 1 when the run itself failed.`,
		Args: cobra.MinimumNArgs(1),
		RunE: a.storeRun(func(cmd *cobra.Command, paths []string, st store.Store) error {
			opt.Source.MaxFileBytes = maxFileMB << 20
			opt.Source.MaxDecompressed = maxGzMB << 20
			opt.Analyze = !noAnalyze

			var bar *progressbar.ProgressBar
			if !noProgress && isTerminal(a.stderr) {
				bar = newBar(a.stderr, source.CountFiles(paths), "ingest")
				opt.OnFile = func(string) { _ = bar.Add(1) }
			}
			in, err := pipeline.New(st, opt)
			if err != nil {
				return err
			}
			sum, err := in.Ingest(cmd.Context(), paths)
			if bar != nil {
				_ = bar.Finish()
				fmt.Fprintln(a.stderr)
			}
			printSummary(a.stdout, sum)
			if err != nil {
				return err
			}
			if sum.Failed > 0 {
				return &exitError{code: ExitPartial, err: errors.New("some inputs failed")}
			}
			return nil
		}),
	}
	f := cmd.Flags()
	f.BoolVar(&noAnalyze, "no-analyze", false, "store without finding names, places and dates (sitrep entities --update does it later)")
	f.IntVar(&opt.Workers, "workers", 0, "concurrent cleaners (0: one per CPU)")
	f.IntVar(&opt.BatchSize, "batch", opt.BatchSize, "articles per store transaction")
	f.BoolVar(&noProgress, "no-progress", false, "no progress bar even on a terminal")
	f.StringSliceVar(&opt.Extract.Languages, "languages", nil, "detect only these languages (ISO 639-1, comma-separated; default: 33 common news languages)")
	f.Int64Var(&maxFileMB, "max-file-mb", opt.Source.MaxFileBytes>>20, "largest input file read, in MiB")
	f.Int64Var(&maxGzMB, "max-gunzip-mb", opt.Source.MaxDecompressed>>20, "largest size a .gz may expand to, in MiB")
	addDedupFlags(f, &opt.Dedup)
	return cmd
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func newBar(w io.Writer, total int, what string) *progressbar.ProgressBar {
	return progressbar.NewOptions(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(what),
		progressbar.OptionShowCount(),
		progressbar.OptionSetItsString("files"),
		progressbar.OptionShowIts(),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
}

// printSummary prints counts, then failures grouped by reason so that a
// thousand identical errors read as one line with a count.
func printSummary(w io.Writer, s pipeline.Summary) {
	rate := 0.0
	if s.Elapsed > 0 {
		rate = float64(s.Read) / s.Elapsed.Seconds()
	}
	fmt.Fprintf(w, "files %d  read %d  stored %d  already present %d  failed %d  (%.1fs, %.0f articles/s)\n",
		s.Files, s.Read, s.Stored, s.AlreadyPresent, s.Failed, s.Elapsed.Seconds(), rate)
	if s.Copies.Rebuilt {
		fmt.Fprintln(w, "copies: the store's copy groups were made with other dedup options; rebuilt with these")
	}
	if c := s.Copies; c.Links > 0 || c.Indexed > 0 {
		fmt.Fprintf(w, "copies: %d new links, %d groups written", c.Links, c.Groups)
		if c.Indexed > 0 {
			fmt.Fprintf(w, ", %d earlier articles indexed", c.Indexed)
		}
		fmt.Fprintln(w, " (sitrep dups lists them)")
	}
	printAnalysisSummary(w, s.Analysis)
	printStorySummary(w, s.Stories)
	if s.Warned > 0 {
		fmt.Fprintf(w, "stored with warnings: %d\n", s.Warned)
		for _, f := range s.Warnings {
			fmt.Fprintf(w, "  %s: %v\n", f.Source, f.Err)
		}
	}
	if s.Failed == 0 {
		return
	}
	fmt.Fprintln(w, "failures:")
	for _, f := range s.Failures {
		fmt.Fprintf(w, "  %s: %v\n", f.Source, f.Err)
	}
	if n := s.Failed - len(s.Failures); n > 0 {
		fmt.Fprintf(w, "  … and %d more\n", n)
	}
	reasons := map[string]int{}
	for _, f := range s.Failures {
		reasons[reasonOf(f.Err)]++
	}
	if len(reasons) > 1 {
		keys := make([]string, 0, len(reasons))
		for k := range reasons {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			return reasons[keys[i]] > reasons[keys[j]] || (reasons[keys[i]] == reasons[keys[j]] && keys[i] < keys[j])
		})
		fmt.Fprintln(w, "by reason:")
		for _, k := range keys {
			fmt.Fprintf(w, "  %5d  %s\n", reasons[k], k)
		}
	}
}

// reasonOf names the cause of a failure without what is particular to one
// file: numbers (lines, offsets, sizes) become N, so that a thousand
// failures of one kind read as one line with a count.
func reasonOf(err error) string {
	return digits.ReplaceAllString(err.Error(), "N")
}

var digits = regexp.MustCompile(`[0-9]+`)
