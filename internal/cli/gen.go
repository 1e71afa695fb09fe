package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/sitrep/sitrep/internal/gen"
)

func (a *app) genCmd() *cobra.Command {
	var n int
	var seed uint64
	opt := gen.DefaultOptions
	cmd := &cobra.Command{
		Use:   "gen DIR",
		Short: "Write a generated corpus with known copies and stories, for evals and benchmarks",
		Long: `Write N invented articles (scraped text and HTML pages about invented
border conflicts) to DIR/docs, with DIR/gold.jsonl giving each one's copy
group, original, story and edits, in the layout sitrep eval reads. The
same seed always gives the same bytes.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			info, err := gen.WriteEvalSet(args[0], seed, n, opt)
			if err != nil {
				return fmt.Errorf("gen: %w", err)
			}
			fmt.Fprintf(a.stdout, "wrote %d documents to %s: %d originals, %d copies in %d groups, %d events (%d twin)\n",
				info.Docs, args[0], info.Originals, info.Copies, info.Groups, info.Events, info.TwinEvents)
			return nil
		},
	}
	f := cmd.Flags()
	f.IntVar(&n, "n", 1000, "documents")
	f.Uint64Var(&seed, "seed", 1, "generator seed")
	f.Float64Var(&opt.CopyShare, "copies", opt.CopyShare, "share of documents that copy an earlier one")
	f.Float64Var(&opt.HTMLShare, "html", opt.HTMLShare, "share of documents written as HTML pages")
	f.Float64Var(&opt.TwinShare, "twins", opt.TwinShare, "share of events with a similar twin a year apart")
	return cmd
}
