package analyze

import (
	"testing"
	"time"
)

func TestTextSpansAndStages(t *testing.T) {
	txt := "Émigré fighters of the Northern Shield Brigade (NSB) reached Kharkiv on Monday, said Ilya Voronin.\n\nVoronin added that the NSB would stay."
	r := Text(txt, Options{Published: time.Date(2024, 3, 15, 0, 0, 0, 0, time.UTC)})
	runes := []rune(txt)
	if r.Version != Version || len(r.Sentences) != 2 {
		t.Fatalf("version %q, %d sentences", r.Version, len(r.Sentences))
	}
	canon := map[string]string{}
	for _, e := range r.Entities {
		if got := string(runes[e.Start:e.End]); got != e.Text {
			t.Errorf("entity %+v spans %q: offsets must be code points", e, got)
		}
		canon[e.Text] = e.Canonical
	}
	if canon["Voronin"] != "Ilya Voronin" || canon["NSB"] != "Northern Shield Brigade" {
		t.Errorf("in-article resolution: %v", canon)
	}
	var kharkiv bool
	for _, p := range r.Places {
		kharkiv = kharkiv || (p.Text == "Kharkiv" && p.Country == "UA")
	}
	if !kharkiv {
		t.Errorf("Kharkiv not geocoded: %+v", r.Places)
	}
	var monday bool
	for _, d := range r.Dates {
		monday = monday || d.Value == "2024-03-11"
	}
	if !monday {
		t.Errorf("Monday before Friday 2024-03-15 not resolved to 2024-03-11: %+v", r.Dates)
	}
}

func TestOtherLanguagesGetSentencesOnly(t *testing.T) {
	r := Text("Die Brigade erreichte Charkiw am Montag. Das sagte Ilja Woronin.", Options{Language: "de"})
	if len(r.Sentences) != 2 {
		t.Errorf("%d sentences", len(r.Sentences))
	}
	if len(r.Entities)+len(r.Places)+len(r.Dates) != 0 {
		t.Errorf("an English model ran on German text: %+v", r.Analysis)
	}
}

func TestEmptyText(t *testing.T) {
	r := Text("", Options{})
	if r.Version != Version || len(r.Entities) != 0 {
		t.Errorf("%+v", r)
	}
}

func TestOutletsAreOrganisations(t *testing.T) {
	txt := "The statement was read out at a briefing hosted by Vestnik Kraya, where Ilya Voronin spoke."
	for _, outlets := range [][]string{nil, {"", "Vestnik Kraya"}} {
		r := Text(txt, Options{Outlets: outlets})
		for _, e := range r.Entities {
			if e.Text != "Vestnik Kraya" {
				continue
			}
			if outlets != nil && e.Type != "ORG" {
				t.Errorf("the article's own outlet was typed %s: %+v", e.Type, e)
			}
		}
		if outlets != nil {
			for _, e := range r.Local {
				if e.Canonical == "Vestnik Kraya" && e.Type != "ORG" {
					t.Errorf("local entity not retyped: %+v", e)
				}
			}
		}
	}
}
