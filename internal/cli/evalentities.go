package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/sitrep/sitrep/internal/eval"
	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/store/sqlite"
)

func (a *app) evalEntitiesCmd() *cobra.Command {
	var goldPath string
	var showErrors bool
	cmd := &cobra.Command{
		Use:   "entities --gold GOLD.json DIR",
		Short: "Score entities, alias merges and places against a hand-made reference",
		Long: `Ingest DIR into a temporary store (the whole pipeline: cleaning, copies,
names, entities resolved across articles, places) and compare with the
"entities" and "places" of a gold.json in the seeds layout: for each
reference entity and each document that mentions it, whether one of its
names was found (and with the right type); whether all of its names found
were resolved to one shared entity; for each place and document, whether
it was put within tolerance_km of the reference coordinates. Documents
are named in the reference by the start of their file names ("000").
The reference lists the names that matter rather than every name, so
this measures recall only.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if goldPath == "" {
				goldPath = filepath.Join(filepath.Dir(filepath.Clean(args[0])), "gold.json")
			}
			ref, err := eval.LoadEntityRef(goldPath)
			if err != nil {
				return err
			}
			tmp, err := os.MkdirTemp("", "sitrep-eval-entities-")
			if err != nil {
				return err
			}
			defer os.RemoveAll(tmp)
			db, err := sqlite.Open(filepath.Join(tmp, "eval.db"))
			if err != nil {
				return err
			}
			defer db.Close()
			in, err := pipeline.New(db, pipeline.DefaultOptions())
			if err != nil {
				return err
			}
			start := time.Now()
			sum, err := in.Ingest(cmd.Context(), []string{args[0]})
			if err != nil {
				return fmt.Errorf("eval entities: %w", err)
			}
			elapsed := time.Since(start)
			var arts []model.Article
			if err := db.Each(cmd.Context(), func(art model.Article) error {
				arts = append(arts, art)
				return nil
			}); err != nil {
				return err
			}
			ids := make([]string, len(arts))
			for i, art := range arts {
				ids[i] = art.ID
			}
			ans, err := db.Analyses(cmd.Context(), ids)
			if err != nil {
				return err
			}
			sys := map[string]eval.SysDoc{}
			for _, art := range arts {
				an := ans[art.ID]
				var d eval.SysDoc
				for _, m := range an.Entities {
					d.Mentions = append(d.Mentions, eval.SysMention{Text: m.Text, Type: m.Type, Entity: m.Entity, Canonical: m.Canonical})
				}
				for _, p := range an.Places {
					d.Places = append(d.Places, eval.SysPlace{Text: p.Text, Name: p.Name, Lat: p.Lat, Lon: p.Lon})
				}
				base := strings.TrimSuffix(filepath.Base(art.Path), filepath.Ext(art.Path))
				sys[base] = d
				if i := strings.IndexByte(base, '_'); i > 0 {
					sys[base[:i]] = d
				}
			}
			rep := eval.ScoreEntities(ref, sys)
			fmt.Fprintf(a.stdout, "%s: %s [%d articles analysed in %.1fs]\n", filepath.Base(filepath.Dir(filepath.Clean(args[0]))), rep, sum.Analysis.Analysed, elapsed.Seconds())
			if showErrors {
				for _, e := range rep.Errors {
					fmt.Fprintln(a.stdout, "  "+e)
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&goldPath, "gold", "", "reference gold.json (default: gold.json beside DIR)")
	cmd.Flags().BoolVar(&showErrors, "errors", false, "list every miss")
	return cmd
}
