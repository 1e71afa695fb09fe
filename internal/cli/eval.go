package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sitrep/sitrep/internal/eval"
	"github.com/sitrep/sitrep/internal/extract"
	"github.com/sitrep/sitrep/internal/extract/htmlpage"
	"github.com/sitrep/sitrep/internal/extract/plaintext"
	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/source"
	"github.com/sitrep/sitrep/internal/store"
)

func newIngester(st store.Store) (*pipeline.Ingester, error) {
	return pipeline.New(st, pipeline.DefaultOptions())
}

func (a *app) evalCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Score a stage against reference sets",
	}
	cmd.AddCommand(a.evalExtractCmd(), a.evalMetaCmd(), a.evalDedupCmd(), a.evalNERCmd(), a.evalTimexCmd(), a.evalGeoCmd(), a.evalEntitiesCmd(), a.evalStoriesCmd())
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
				raw := func(d eval.ExtractDoc) model.RawDoc {
					return model.RawDoc{Source: d.Path, Path: d.Path, Format: set.Format, Container: set.Format, Body: d.Body, Raw: d.Body}
				}
				stats := plaintext.NewStats()
				for _, d := range set.Docs {
					extract.CountLines(stats, raw(d))
				}
				res := eval.ScoreExtract(set, "sitrep", func(d eval.ExtractDoc) (eval.Prediction, error) {
					art, err := ex.Article(raw(d), stats)
					return predictionOf(art), err
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

func (a *app) evalMetaCmd() *cobra.Command {
	var goldPath string
	var showErrors bool
	cmd := &cobra.Command{
		Use:   "meta --gold GOLD.json DIR",
		Short: "Score metadata of a corpus in any input format against a gold.json",
		Long: `Read DIR as ingest does (every format, containers included), clean each
document without storing it, and compare title, outlet, published, author,
language and credited source with GOLD.json, whose documents are keyed by
path relative to DIR ("#N" for the N-th record of a container).`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			gold, err := eval.LoadMetaGold(goldPath)
			if err != nil {
				return err
			}
			root := filepath.Clean(args[0])
			var docs []model.RawDoc
			err = source.Walk(cmd.Context(), []string{root}, source.DefaultOptions(), func(it source.Item) error {
				if it.Doc != nil {
					docs = append(docs, *it.Doc)
				}
				return nil
			})
			if err != nil {
				return err
			}
			stats := plaintext.NewStats()
			for _, d := range docs {
				extract.CountLines(stats, d)
			}
			ex := extract.New(extract.DefaultOptions())
			preds := map[string]eval.Prediction{}
			for _, d := range docs {
				art, err := ex.Article(d, stats)
				if err != nil {
					continue
				}
				key := filepath.ToSlash(strings.TrimPrefix(d.Source, root+string(filepath.Separator)))
				preds[key] = predictionOf(art)
			}
			res := eval.ScoreMeta(gold, preds)
			fmt.Fprintf(a.stdout, "%-28s %s\n", filepath.Base(root)+" metadata", res)
			if showErrors {
				for _, e := range res.Errors {
					fmt.Fprintln(a.stdout, "   ", e)
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&goldPath, "gold", "", "gold.json with a documents object (required)")
	cmd.Flags().BoolVar(&showErrors, "errors", false, "list every wrong value")
	_ = cmd.MarkFlagRequired("gold")
	return cmd
}

// predictionOf is what the scorers compare of an article.
func predictionOf(art model.Article) eval.Prediction {
	return eval.Prediction{Text: art.Text, Title: art.Title, Author: art.Author, Published: art.Published,
		Outlet: art.Outlet, CreditedSource: art.CreditedSource, Lang: art.Language}
}
