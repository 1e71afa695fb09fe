package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/sitrep/sitrep/internal/eval"
	"github.com/sitrep/sitrep/internal/extract"
	"github.com/sitrep/sitrep/internal/extract/htmlpage"
	"github.com/sitrep/sitrep/internal/extract/plaintext"
	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/store"
)

func newIngester(st store.Store) *pipeline.Ingester {
	return pipeline.New(st, pipeline.DefaultOptions())
}

func (a *app) evalCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Score a stage against reference sets",
	}
	cmd.AddCommand(a.evalExtractCmd())
	return cmd
}

func (a *app) evalExtractCmd() *cobra.Command {
	var baseline bool
	var worst int
	cmd := &cobra.Command{
		Use:   "extract DIR...",
		Short: "Score main-text and metadata extraction",
		Long: `Score main-text and metadata extraction on reference sets. DIR is a set
folder holding gold.jsonl and docs/<id>.html|.txt (the shared/data layout),
or a folder holding gold.json, articles/ and clean/ (the seeds layout).

Text is scored by word and 4-gram shingle precision, recall and F1 (\w+
tokens, lower-cased, averaged per document); snippet sets by pooled snippet
precision and recall; metadata by exact match where the reference has it.
For HTML sets, go-trafilatura alone is scored beside sitrep.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, dirs []string) error {
			ex := extract.New(extract.DefaultOptions())
			for _, dir := range dirs {
				set, err := eval.LoadExtractSet(dir)
				if err != nil {
					return err
				}
				stats := plaintext.NewStats()
				if set.Format == model.FormatText {
					for _, d := range set.Docs {
						body, _ := extract.TextBody(d.Body)
						stats.Add(body, "")
					}
				}
				res := eval.ScoreExtract(set, "sitrep", func(d eval.ExtractDoc) (eval.Prediction, error) {
					art, err := ex.Article(model.RawDoc{Source: d.Path, Path: d.Path, Format: set.Format, Container: set.Format, Body: d.Body, Raw: d.Body}, stats)
					return eval.Prediction{Text: art.Text, Title: art.Title, Author: art.Author, Published: art.Published,
						Outlet: art.Outlet, CreditedSource: art.CreditedSource, Lang: art.Language}, err
				})
				if baseline && set.Format == model.FormatHTML {
					base := eval.ScoreExtract(set, "trafilatura", func(d eval.ExtractDoc) (eval.Prediction, error) {
						text, err := htmlpage.Raw(d.Body, "")
						return eval.Prediction{Text: text}, err
					})
					base.Fields = nil // go-trafilatura's text alone carries no metadata to score
					fmt.Fprintln(a.stdout, base)
				}
				fmt.Fprintln(a.stdout, res)
				for i, w := range res.Worst {
					if i >= worst {
						break
					}
					fmt.Fprintf(a.stdout, "    worst %s F1 %.3f\n", w.ID, w.F)
				}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&baseline, "baseline", true, "also score go-trafilatura alone on HTML sets")
	cmd.Flags().IntVar(&worst, "worst", 0, "list this many lowest-scoring documents per set")
	return cmd
}
