package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/sitrep/sitrep/internal/analyze"
	"github.com/sitrep/sitrep/internal/model"
)

// maxAnalyzeBytes bounds what analyze reads: a news article is tens of
// kilobytes, and the tagger's cost grows with the text.
const maxAnalyzeBytes = 8 << 20

// analysisJSON is the analysis of one text as analyze prints it and the
// export embeds it.
type analysisJSON struct {
	Text string `json:"text,omitempty"`
	model.Analysis
}

func (a *app) analyzeCmd() *cobra.Command {
	var published, lang string
	cmd := &cobra.Command{
		Use:   "analyze [--published YYYY-MM-DD] FILE|-",
		Short: "Print the sentences, entities, places and dates of one text as JSON",
		Long: `Analyse one plain text (a file, or - for standard input) without touching
the store, and print JSON:

  {"text", "sentences": [{"start","end"}],
   "entities": [{"start","end","text","type","canonical","source","reason"}],
   "places": [{"start","end","text","name","lat","lon","country","admin1","kind",...}],
   "dates": [{"start","end","text","type","value","precision","role","anchor"}]}

Offsets are Unicode code points into "text", end exclusive. --published
anchors relative dates ("on Tuesday", "last year"); without it their value
is empty. Entities are resolved within the text only: "canonical" is the
fullest form the text gives.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var opt analyze.Options
			if published != "" {
				t, err := time.Parse("2006-01-02", published)
				if err != nil {
					return &exitError{ExitUsage, fmt.Errorf("--published %q: want YYYY-MM-DD", published)}
				}
				opt.Published = t
			}
			opt.Language = strings.ToLower(lang)
			txt, err := a.readAnalyzeInput(args[0])
			if err != nil {
				return err
			}
			r := analyze.Text(txt, opt)
			enc := json.NewEncoder(a.stdout)
			enc.SetIndent("", "  ")
			return enc.Encode(analysisJSON{Text: txt, Analysis: orEmpty(r.Analysis)})
		},
	}
	cmd.Flags().StringVar(&published, "published", "", "publication date YYYY-MM-DD, for relative dates")
	cmd.Flags().StringVar(&lang, "lang", "en", "language of the text (ISO 639-1); names and dates are found in English only")
	return cmd
}

func (a *app) readAnalyzeInput(name string) (string, error) {
	var r io.Reader
	if name == "-" {
		r = a.stdin
	} else {
		f, err := os.Open(name)
		if err != nil {
			return "", fmt.Errorf("analyze: %w", err)
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, maxAnalyzeBytes+1))
	if err != nil {
		return "", fmt.Errorf("analyze %s: %w", name, err)
	}
	if len(b) > maxAnalyzeBytes {
		return "", fmt.Errorf("analyze %s: larger than %d MiB", name, maxAnalyzeBytes>>20)
	}
	if !utf8.Valid(b) {
		return "", fmt.Errorf("analyze %s: not valid UTF-8 text", name)
	}
	return string(b), nil
}

// orEmpty turns nil lists into empty ones, so that consumers always find
// arrays.
func orEmpty(an model.Analysis) model.Analysis {
	if an.Sentences == nil {
		an.Sentences = []model.Span{}
	}
	if an.Entities == nil {
		an.Entities = []model.EntityMention{}
	}
	if an.Places == nil {
		an.Places = []model.PlaceMention{}
	}
	if an.Dates == nil {
		an.Dates = []model.DateMention{}
	}
	return an
}
