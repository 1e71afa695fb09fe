package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/sitrep/sitrep/internal/eval"
	"github.com/sitrep/sitrep/internal/nlp/gazetteer"
	"github.com/sitrep/sitrep/internal/nlp/ner"
	"github.com/sitrep/sitrep/internal/nlp/text"
)

func (a *app) evalGeoCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "geo DIR...",
		Short: "Score toponym recognition and geocoding",
		Long: `Score sitrep's geoparsing on reference sets. DIR is a set folder holding
gold.jsonl ({"id", "toponyms": [{"start", "end", "text", "lat", "lon"}]})
and docs/<id>.txt; offsets are Unicode code points.

The system is the tagger's LOC mentions, each geocoded with the gazetteer's
first candidate. Toponyms are scored by exact and by overlapping span (micro
P/R/F1, one-to-one); matched ones by great-circle error in km (mean, median),
Accuracy@161km and the AUC of the log error curve (Gritta et al. 2018, lower
is better), a mention the gazetteer cannot resolve counting as 20039 km.
A second line, gold-spans, geocodes the gold toponyms' own texts, which
measures the gazetteer apart from recognition.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, dirs []string) error {
			tg := ner.Default()
			gz := gazetteer.Default()
			geocode := func(t eval.GeoToponym) eval.GeoToponym {
				t.Lat, t.Lon, t.Type, t.GeonameID = nil, nil, "", ""
				if ps := gz.Lookup(t.Text); len(ps) > 0 {
					lat, lon := ps[0].Lat, ps[0].Lon
					t.Lat, t.Lon = &lat, &lon
				}
				return t
			}
			for _, dir := range dirs {
				set, err := eval.LoadGeoSet(dir)
				if err != nil {
					return err
				}
				fmt.Fprintln(a.stdout, eval.ScoreGeo(set, "sitrep", func(d eval.GeoDoc) []eval.GeoToponym {
					var out []eval.GeoToponym
					for _, m := range tg.Tag(text.Analyze(d.Text, "en")) {
						if m.Type == "LOC" {
							out = append(out, geocode(eval.GeoToponym{Start: m.Span.Start, End: m.Span.End, Text: m.Text}))
						}
					}
					return out
				}))
				fmt.Fprintln(a.stdout, eval.ScoreGeo(set, "gold-spans", func(d eval.GeoDoc) []eval.GeoToponym {
					out := make([]eval.GeoToponym, len(d.Gold))
					for i, g := range d.Gold {
						out[i] = geocode(g)
					}
					return out
				}))
			}
			return nil
		},
	}
	return cmd
}
