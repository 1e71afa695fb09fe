package eval

import (
	"strings"
	"testing"
)

func TestScoreEntities(t *testing.T) {
	ref := &EntityRef{TolKm: 30,
		Entities: []RefEntity{
			{"Northern Shield Brigade", "ORG", []string{"NSB", "the Brigade"}, []string{"a", "b"}},
			{"Ilya Orlov", "PER", []string{"Orlov"}, []string{"a"}},
		},
		Places: []RefPlace{{"Lviv", []string{"Lvov"}, 49.84, 24.03, []string{"a", "b"}}},
	}

	sys := map[string]SysDoc{
		"a": {
			Mentions: []SysMention{
				{Text: "Northern Shield Brigade", Type: "ORG", Entity: "E1"},
				{Text: "NSB", Type: "ORG", Entity: "E1"},
				{Text: "Orlov", Type: "LOC", Entity: "E2"},
			},
			Places: []SysPlace{{Text: "Lvov", Name: "Lviv", Lat: 49.8, Lon: 24.0}},
		},
		"b": {
			Mentions: []SysMention{{Text: "the Brigade", Type: "ORG", Entity: "E9"}},
			Places:   []SysPlace{{Text: "Lviv", Name: "Lviv", Lat: 50.45, Lon: 30.52}},
		},
	}
	rep := ScoreEntities(ref, sys)
	if rep.Pairs != 3 || rep.Found != 3 || rep.Typed != 2 {
		t.Errorf("found/typed/pairs = %d/%d/%d, want 3/2/3", rep.Found, rep.Typed, rep.Pairs)
	}
	// The brigade's names landed on E1 and E9: not merged. Orlov has one
	// name found, so there is nothing to merge.
	if rep.MergeTotal != 1 || rep.Merged != 0 {
		t.Errorf("merged %d/%d, want 0/1", rep.Merged, rep.MergeTotal)
	}
	if rep.PlacePairs != 2 || rep.PlacesFound != 2 || rep.PlacesNear != 1 {
		t.Errorf("places near/found/pairs = %d/%d/%d, want 1/2/2", rep.PlacesNear, rep.PlacesFound, rep.PlacePairs)
	}
	joined := strings.Join(rep.Errors, "\n")
	for _, want := range []string{"wrong type for PER \"Ilya Orlov\"", "split over 2 entities", "km off"} {
		if !strings.Contains(joined, want) {
			t.Errorf("errors lack %q:\n%s", want, joined)
		}
	}
}
