package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/sitrep/sitrep/internal/analyze"
	"github.com/sitrep/sitrep/internal/eval"
	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/nlp/geocode"
	"github.com/sitrep/sitrep/internal/nlp/ner"
	"github.com/sitrep/sitrep/internal/nlp/text"
)

func (a *app) evalGeoCmd() *cobra.Command {
	var showErrors, spot bool
	cmd := &cobra.Command{
		Use:   "geo DIR...",
		Short: "Score toponym recognition and geocoding",
		Long: `Score sitrep's geoparsing on reference sets. DIR is a set folder holding
gold.jsonl ({"id", "toponyms": [{"start", "end", "text", "lat", "lon"}]})
and docs/<id>.txt; offsets are Unicode code points.

The system is the tagger's LOC mentions plus the names geocode.Spot finds
that the tagger missed (--spot=false leaves those out), geocoded together
in context by the geocode package (named regions and countries, the
article's other places, dateline, population). Toponyms are scored by exact and by
overlapping span (micro P/R/F1, one-to-one); matched ones by great-circle
error in km (mean, median), Accuracy@161km and the AUC of the log error
curve (Gritta et al. 2018, lower is better), a mention the gazetteer cannot
resolve counting as 20039 km. A second line, gold-spans, geocodes the gold
toponyms themselves as the candidates, which measures geocoding apart from
recognition. A third line, analysis, scores the places of sitrep's whole
analysis (what ingest stores), which leaves out the placements of names
the gazetteer lacks. --errors lists the gold-span toponyms resolved more than
161 km off, one a line.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, dirs []string) error {
			tg := ner.Default()
			for _, dir := range dirs {
				set, err := eval.LoadGeoSet(dir)
				if err != nil {
					return fmt.Errorf("eval geo: %w", err)
				}
				fmt.Fprintln(a.stdout, eval.ScoreGeo(set, "sitrep", func(d eval.GeoDoc) []eval.GeoToponym {
					doc := text.Analyze(d.Text, "en")
					var spans []eval.GeoToponym
					var taken []model.Span
					for _, m := range tg.Tag(doc) {
						taken = append(taken, m.Span)
						if m.Type == "LOC" {
							spans = append(spans, eval.GeoToponym{Start: m.Span.Start, End: m.Span.End, Text: m.Text})
						}
					}
					if spot {
						for _, c := range geocode.Spot(doc, taken) {
							spans = append(spans, eval.GeoToponym{Start: c.Span.Start, End: c.Span.End, Text: c.Text})
						}
					}
					return eval.GeocodeSpans(doc, spans)
				}))
				// What ships: the places of the whole analysis (resolved
				// entities, guesses for names the gazetteer lacks left out).
				fmt.Fprintln(a.stdout, eval.ScoreGeo(set, "analysis", func(d eval.GeoDoc) []eval.GeoToponym {
					var out []eval.GeoToponym
					for _, p := range analyze.Text(d.Text, analyze.Options{Language: "en"}).Places {
						lat, lon := p.Lat, p.Lon
						out = append(out, eval.GeoToponym{Start: p.Start, End: p.End, Text: p.Text, Lat: &lat, Lon: &lon})
					}
					return out
				}))
				goldSpans := func(d eval.GeoDoc) []eval.GeoToponym {
					return eval.GeocodeSpans(text.Analyze(d.Text, "en"), d.Gold)
				}
				fmt.Fprintln(a.stdout, eval.ScoreGeo(set, "gold-spans", goldSpans))
				if showErrors {
					for _, e := range eval.GeoErrors(set, goldSpans) {
						fmt.Fprintln(a.stdout, e)
					}
				}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&spot, "spot", true, "add geocode.Spot's candidates (gazetteer names the tagger missed) to the tagger's LOC mentions")
	cmd.Flags().BoolVar(&showErrors, "errors", false, "list gold-span toponyms resolved more than 161 km off")
	return cmd
}
