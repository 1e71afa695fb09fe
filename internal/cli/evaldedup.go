package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/sitrep/sitrep/internal/dedup"
	"github.com/sitrep/sitrep/internal/eval"
	"github.com/sitrep/sitrep/internal/gen"
	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/store/sqlite"
)

func (a *app) evalDedupCmd() *cobra.Command {
	var goldPath string
	var generate, workers, showErrors int
	var seed uint64
	var copiesOf []string
	cmd := &cobra.Command{
		Use:   "dedup [DIR...]",
		Short: "Score copy detection: pairwise and B-cubed precision, recall, F1",
		Long: `Ingest each reference set into a fresh temporary store, exactly as
sitrep ingest does, and compare the copy groups found with the reference.

DIR is a set in the shared layout (gold.jsonl of {"id","group"} and
docs/<id>.txt|.html), in the seeds layout (gold.json with
duplicate_groups, beside articles/), or any folder with --gold naming a
gold.json whose documents are keyed by path relative to DIR.
--generate N writes a generated set of N articles with known copies and
hard negatives (same event, similar event) to a temporary folder and
scores that. --copies-of FILE takes the texts of a JSON Lines file of
{"id","text"} objects (a real news set such as shared/data/extract-text/
*/gold.jsonl) as originals, reposts a third of them one to three times as
scraped pages (menus, trimmed or cut paragraphs, credits, typos) and
scores that: copy detection on real language, where every other article
is a negative.

Besides pairwise and B-cubed figures it reports how many groups got the
right original and how many dates were lent from a copy as the reference
expects.`,
		RunE: func(cmd *cobra.Command, dirs []string) error {
			if len(dirs) == 0 && generate <= 0 && len(copiesOf) == 0 {
				return &exitError{code: ExitUsage, err: fmt.Errorf("eval dedup: give a DIR, --generate N or --copies-of FILE")}
			}
			if goldPath != "" && len(dirs) != 1 {
				return &exitError{code: ExitUsage, err: fmt.Errorf("eval dedup: --gold takes exactly one DIR")}
			}
			tmp, err := os.MkdirTemp("", "sitrep-eval-dedup-")
			if err != nil {
				return err
			}
			defer os.RemoveAll(tmp)
			var refs []eval.DedupRef
			if generate > 0 {
				dir := filepath.Join(tmp, fmt.Sprintf("generated-%d", generate))
				info, err := gen.WriteEvalSet(dir, seed, generate, gen.DefaultOptions)
				if err != nil {
					return fmt.Errorf("eval dedup: generate: %w", err)
				}
				fmt.Fprintf(a.stderr, "generated %d documents (seed %d): %+v\n", generate, seed, info)
				ref, err := eval.LoadDedupRef(dir, "")
				if err != nil {
					return err
				}
				refs = append(refs, ref)
			}
			for i, file := range copiesOf {
				originals, dropped, err := loadOriginals(file)
				if err != nil {
					return err
				}
				dir := filepath.Join(tmp, fmt.Sprintf("copies-of-%d", i), "copies-of-"+filepath.Base(filepath.Dir(file)))
				info, err := gen.WriteCopySet(dir, seed, originals, 1.0/3)
				if err != nil {
					return fmt.Errorf("eval dedup: %w", err)
				}
				fmt.Fprintf(a.stderr, "%s: %d originals (%d exact repeats left out), %d copies of %d of them\n",
					file, info.Originals, dropped, info.Copies, info.Groups)
				ref, err := eval.LoadDedupRef(dir, "")
				if err != nil {
					return err
				}
				refs = append(refs, ref)
			}
			for _, dir := range dirs {
				ref, err := eval.LoadDedupRef(dir, goldPath)
				if err != nil {
					return err
				}
				refs = append(refs, ref)
			}
			for i, ref := range refs {
				res, pred, elapsed, err := a.runDedupEval(cmd, ref, filepath.Join(tmp, fmt.Sprintf("eval-%d.db", i)), workers)
				if err != nil {
					return err
				}
				fmt.Fprintf(a.stdout, "%s  (%.0f articles/s ingest and dedup)\n", res, float64(res.Docs)/elapsed.Seconds())
				if showErrors > 0 {
					for _, e := range eval.DedupErrors(ref.Group, pred, showErrors) {
						fmt.Fprintln(a.stdout, "   ", e)
					}
					for _, m := range res.Missing {
						fmt.Fprintln(a.stdout, "    no article from", m)
					}
					for i, m := range res.WrongOriginals {
						if i == showErrors {
							break
						}
						fmt.Fprintln(a.stdout, "    not taken for the original:", m)
					}
				}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&goldPath, "gold", "", "gold.json keyed by path relative to DIR (the example corpus layout)")
	f.IntVar(&generate, "generate", 0, "also score a generated set of this many articles")
	f.Uint64Var(&seed, "seed", 1, "seed of the generated set")
	f.IntVar(&workers, "workers", 0, "concurrent cleaners (0: one per CPU)")
	f.IntVar(&showErrors, "errors", 0, "list up to this many false merges and misses")
	f.StringSliceVar(&copiesOf, "copies-of", nil, `JSON Lines of {"id","text"} whose texts are reposted to make a set`)
	return cmd
}

// runDedupEval ingests a reference set and scores it; pred is the predicted
// group of each document, keyed like the reference.
func (a *app) runDedupEval(cmd *cobra.Command, ref eval.DedupRef, dbPath string, workers int) (res eval.DedupResult, pred map[string]string, elapsed time.Duration, err error) {
	db, err := sqlite.Open(dbPath)
	if err != nil {
		return res, nil, 0, err
	}
	defer db.Close()
	opt := pipeline.DefaultOptions()
	opt.Workers = workers
	opt.Analyze = false // copies are scored; analysis would only cost time
	in, err := pipeline.New(db, opt)
	if err != nil {
		return res, nil, 0, err
	}
	start := time.Now()
	if _, err := in.Ingest(cmd.Context(), []string{ref.Root}); err != nil {
		return res, nil, 0, fmt.Errorf("eval dedup %s: %w", ref.Name, err)
	}
	elapsed = time.Since(start)
	got := map[string]eval.DedupOutcome{}
	pred = map[string]string{}
	err = db.Each(cmd.Context(), func(art model.Article) error {
		k := ref.DocKey(art.Source)
		got[k] = eval.DedupOutcome{Group: art.DupGroup, Original: art.DupGroup != "" && art.DuplicateOf == "", Published: art.Published}
		pred[k] = art.DupGroup
		return nil
	})
	if err != nil {
		return res, nil, 0, err
	}
	return eval.ScoreDedupRef(ref, got), pred, elapsed, nil
}

// loadOriginals reads {"id","text"} objects. Texts whose normalised form
// repeats an earlier one are left out: the set's gold would call them
// distinct while they are copies.
func loadOriginals(path string) ([]gen.Original, int, error) {
	seen := map[string]bool{}
	var out []gen.Original
	dropped := 0
	err := eval.EachLine(path, func(_ int, b []byte) error {
		var o struct{ ID, Text string }
		if err := json.Unmarshal(b, &o); err != nil {
			return err
		}
		key := dedup.Normalize(o.Text)
		if key == "" || seen[key] {
			dropped++
			return nil
		}
		seen[key] = true
		out = append(out, gen.Original{ID: o.ID, Text: o.Text})
		return nil
	})
	return out, dropped, err
}
