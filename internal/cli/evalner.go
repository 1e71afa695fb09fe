package cli

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
	"github.com/spf13/cobra"

	"github.com/sitrep/sitrep/internal/eval"
	"github.com/sitrep/sitrep/internal/nlp/ner"
	"github.com/sitrep/sitrep/internal/nlp/text"
)

func (a *app) evalNERCmd() *cobra.Command {
	var baseline bool
	cmd := &cobra.Command{
		Use:   "ner DIR...",
		Short: "Score the named-entity tagger",
		Long: `Score sitrep's PER/ORG/LOC tagger on reference sets. DIR is a set folder
holding gold.jsonl ({"id", "entities": [{"start", "end", "type", "text"}]})
and docs/<id>.txt; offsets are Unicode code points.

Entities are scored by exact span and type (micro P/R/F1 per type and
overall), by exact span whatever the type, and by same-type overlap. As a
baseline, prose's built-in English NER is scored beside sitrep, its
PERSON, ORGANIZATION and GPE mapped to PER, ORG and LOC.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, dirs []string) error {
			tg := ner.Default()
			for _, dir := range dirs {
				set, err := eval.LoadNERSet(dir)
				if err != nil {
					return err
				}
				if baseline {
					fmt.Fprintln(a.stdout, eval.ScoreNER(set, "prose", proseEntities))
				}
				fmt.Fprintln(a.stdout, eval.ScoreNER(set, "sitrep", func(d eval.NERDoc) ([]eval.NEREntity, error) {
					var out []eval.NEREntity
					for _, m := range tg.Tag(text.Analyze(d.Text, "en")) {
						out = append(out, eval.NEREntity{Start: m.Span.Start, End: m.Span.End, Type: m.Type, Text: m.Text})
					}
					return out, nil
				}))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&baseline, "baseline", true, "also score prose's built-in NER")
	return cmd
}

var proseTypes = map[string]string{"PERSON": "PER", "ORGANIZATION": "ORG", "GPE": "LOC"}

// proseEntities runs prose's NER. prose gives entity strings without
// offsets, so each is found in the text after the previous one; its tokens
// may be re-joined with other spacing than the text's, hence the pattern.
func proseEntities(d eval.NERDoc) ([]eval.NEREntity, error) {
	doc, err := prose.NewDocument(d.Text)
	if err != nil {
		return nil, err
	}
	var out []eval.NEREntity
	cursor := 0 // bytes
	for _, e := range doc.Entities() {
		ty, ok := proseTypes[e.Label]
		if !ok {
			continue
		}
		parts := strings.Fields(e.Text)
		if len(parts) == 0 {
			continue
		}
		for i, p := range parts {
			parts[i] = regexp.QuoteMeta(p)
		}
		re, err := regexp.Compile(strings.Join(parts, `\s*`))
		if err != nil {
			continue
		}
		loc := re.FindStringIndex(d.Text[cursor:])
		if loc == nil {
			continue
		}
		a, b := cursor+loc[0], cursor+loc[1]
		cursor = b
		start := utf8.RuneCountInString(d.Text[:a])
		out = append(out, eval.NEREntity{Start: start, End: start + utf8.RuneCountInString(d.Text[a:b]), Type: ty, Text: d.Text[a:b]})
	}
	return out, nil
}
