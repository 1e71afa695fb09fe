package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/sitrep/sitrep/internal/eval"
	"github.com/sitrep/sitrep/internal/nlp/text"
	"github.com/sitrep/sitrep/internal/nlp/timex"
)

func (a *app) evalTimexCmd() *cobra.Command {
	var showErrors int
	var kinds []string
	cmd := &cobra.Command{
		Use:   "timex DIR...",
		Short: "Score temporal expressions: extraction and ISO normalisation",
		Long: `Find temporal expressions in each document of a reference set and
resolve them against the document creation time the gold gives.

DIR is a set in the shared layout: gold.jsonl of {"id", "dct",
"timexes": [{"start", "end", "text", "type", "value"}]} and docs/<id>.txt.
Scores follow TempEval-3: strict (same span) and relaxed (overlapping)
precision, recall and F1; type and value accuracy over the relaxed
matches; type and value F1 (relaxed F1 times the accuracy).`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, dirs []string) error {
			show := map[string]bool{}
			for _, k := range kinds {
				show[k] = true
			}
			for _, dir := range dirs {
				set, err := eval.LoadTimexSet(dir)
				if err != nil {
					return err
				}
				res := eval.ScoreTimex(set, func(d eval.TimexDoc) []eval.TimexSpan {
					found := timex.Find(text.Analyze(d.Text, "en"), d.DCT)
					out := make([]eval.TimexSpan, len(found))
					for i, e := range found {
						out[i] = eval.TimexSpan{Start: e.Span.Start, End: e.Span.End, Text: e.Text, Type: e.Type, Value: e.Value}
					}
					return out
				})
				fmt.Fprintln(a.stdout, res)
				n := 0
				for _, e := range res.Errors {
					if n >= showErrors {
						break
					}
					if len(show) > 0 && !show[e.Kind] {
						continue
					}
					fmt.Fprintf(a.stdout, "    %s\n", e)
					n++
				}
			}
			return nil
		},
	}
	cmd.Flags().IntVar(&showErrors, "errors", 0, "list this many disagreements per set")
	cmd.Flags().StringSliceVar(&kinds, "kind", nil, "list only these kinds of disagreement: missed, spurious, type, value")
	return cmd
}
