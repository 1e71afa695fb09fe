package geocode

import (
	"slices"
	"testing"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/nlp/text"
)

func TestSpot(t *testing.T) {
	s := "March brought shelling to Kharkiv. Ships left the Black Sea for the Isle of Man while Paris Hilton stayed in Lyon. Tass reported it, citing Ukrainian officials."
	doc := text.Analyze(s, "en")
	// "Lyon" is taken by the tagger already.
	taken := cands(s, "Lyon")
	var got []string
	for _, c := range Spot(doc, []model.Span{taken[0].Span}) {
		got = append(got, c.Text)
	}
	want := []string{"Kharkiv", "Black Sea", "Isle of Man", "Ukrainian"}
	if !slices.Equal(got, want) {
		t.Errorf("Spot = %q, want %q", got, want)
	}
}
