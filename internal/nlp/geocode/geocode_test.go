package geocode

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/nlp/gazetteer"
	"github.com/sitrep/sitrep/internal/nlp/text"
)

// cands marks every occurrence of each name in s as a candidate, the way
// a tagger would hand them over.
func cands(s string, names ...string) []Candidate {
	var out []Candidate
	for _, n := range names {
		from := 0
		for {
			i := strings.Index(s[from:], n)
			if i < 0 {
				break
			}
			b := from + i
			start := utf8.RuneCountInString(s[:b])
			out = append(out, Candidate{Span: model.Span{Start: start, End: start + utf8.RuneCountInString(n)}, Text: n})
			from = b + len(n)
		}
	}
	return out
}

func within(p gazetteer.Place, lat, lon, maxKm float64) bool {
	return km(p.Lat, p.Lon, lat, lon) <= maxKm
}

type want struct {
	text     string
	lat, lon float64
	kind     string
	reason   string // substring, "" for any
	metonymy bool
}

func check(t *testing.T, s string, names []string, wants []want) {
	t.Helper()
	doc := text.Analyze(s, "en")
	got := Resolve(doc, cands(s, names...))
	for i := 1; i < len(got); i++ {
		if got[i-1].Span.Start > got[i].Span.Start {
			t.Errorf("results not in text order: %v", got)
		}
	}
	for _, w := range wants {
		found := false
		for _, r := range got {
			if r.Text != w.text {
				continue
			}
			found = true
			if !within(r.Place, w.lat, w.lon, 30) {
				t.Errorf("%q -> %s (%s, %s) at %.2f,%.2f, want within 30 km of %.2f,%.2f", w.text, r.Place.Name, r.Place.Admin1Name, r.Place.Country, r.Place.Lat, r.Place.Lon, w.lat, w.lon)
			}
			if w.kind != "" && r.Place.Kind != w.kind {
				t.Errorf("%q -> kind %s, want %s", w.text, r.Place.Kind, w.kind)
			}
			if !strings.Contains(r.Reason, w.reason) {
				t.Errorf("%q -> reason %q, want it to contain %q", w.text, r.Reason, w.reason)
			}
			if r.Metonymy != w.metonymy {
				t.Errorf("%q -> metonymy %v, want %v", w.text, r.Metonymy, w.metonymy)
			}
			if r.Score <= 0 || r.Score > 1 {
				t.Errorf("%q -> score %v out of (0,1]", w.text, r.Score)
			}
			break
		}
		if !found {
			t.Errorf("%q not resolved", w.text)
		}
	}
}

// The places of the border-area reports the project started from, in
// sentences of our own.
func TestBorderSample(t *testing.T) {
	check(t,
		"Drones struck Grayvoron and the village of Kozinka in the Belgorod region overnight, the governor said. "+
			"Shelling was also reported in Tyotkino, Kursk region. Moscow said the attacks came from Kharkiv, while Kyiv denied it. "+
			"Fighting continued near Bakhmut.",
		[]string{"Grayvoron", "Kozinka", "Belgorod region", "Tyotkino", "Kursk region", "Moscow", "Kharkiv", "Kyiv", "Bakhmut"},
		[]want{
			{text: "Grayvoron", lat: 50.48, lon: 35.67, kind: gazetteer.KindPlace},
			{text: "Kozinka", lat: 50.44, lon: 35.56, kind: gazetteer.KindPlace},
			{text: "Belgorod region", lat: 50.7, lon: 37.0, kind: gazetteer.KindAdmin1},
			{text: "Tyotkino", lat: 51.27, lon: 34.26, kind: gazetteer.KindPlace},
			{text: "Kursk region", lat: 51.5, lon: 36.1, kind: gazetteer.KindAdmin1},
			{text: "Moscow", lat: 55.75, lon: 37.62, metonymy: true},
			{text: "Kyiv", lat: 50.45, lon: 30.52, metonymy: true},
			{text: "Bakhmut", lat: 48.59, lon: 38.0},
		})
}

func TestSpellingsAndForms(t *testing.T) {
	cases := []struct {
		s     string
		names []string
		wants []want
	}{
		{"Residents of Grajvoron left for Belgorod Oblast.", []string{"Grajvoron", "Belgorod Oblast"},
			[]want{{text: "Grajvoron", lat: 50.48, lon: 35.67}, {text: "Belgorod Oblast", lat: 50.7, lon: 37.0, kind: gazetteer.KindAdmin1}}},
		{"Power was cut in Tetkino and Tjotkino, both spellings of one town.", []string{"Tetkino", "Tjotkino"},
			[]want{{text: "Tetkino", lat: 51.27, lon: 34.26}, {text: "Tjotkino", lat: 51.27, lon: 34.26}}},
		// A mention cut before its generic word is the region.
		{"Air raid alerts sounded across the Belgorod region.", []string{"Belgorod"},
			[]want{{text: "Belgorod", lat: 50.7, lon: 37.0, kind: gazetteer.KindAdmin1}}},
		{"Kiev's mayor spoke to reporters.", []string{"Kiev"},
			[]want{{text: "Kiev", lat: 50.45, lon: 30.52}}},
		{"The governor of the Kharkiv region visited the front.", []string{"the Kharkiv region"},
			[]want{{text: "the Kharkiv region", lat: 49.6, lon: 36.5, kind: gazetteer.KindAdmin1}}},
	}
	for _, c := range cases {
		check(t, c.s, c.names, c.wants)
	}
}

// A village name that several countries share goes to the one whose region
// the sentence names.
func TestRegionNamedNearby(t *testing.T) {
	doc := text.Analyze("A fire broke out in Kozinka, Belgorod region, on Sunday.", "en")
	g := gazetteer.Default()
	if n := len(g.Lookup("Kozinka")); n < 1 {
		t.Fatalf("Kozinka: %d candidates", n)
	}
	rs := Resolve(doc, cands(doc.Text, "Kozinka", "Belgorod region"))
	if len(rs) != 2 || rs[0].Place.Admin1Name != "Belgorod Oblast" {
		t.Fatalf("got %+v", rs)
	}
}

func TestContext(t *testing.T) {
	cases := []struct {
		name  string
		s     string
		names []string
		wants []want
	}{
		{"country by default", "Talks in Jordan and Georgia stalled.", []string{"Jordan", "Georgia"},
			[]want{{text: "Jordan", lat: 31.1, lon: 36.4, kind: gazetteer.KindCountry}, {text: "Georgia", lat: 42, lon: 43.5, kind: gazetteer.KindCountry}}},
		{"US state in US context", "Storms hit Atlanta, Savannah and Macon in Georgia, Florida and Alabama.",
			[]string{"Atlanta", "Savannah", "Macon", "Georgia", "Florida", "Alabama"},
			[]want{{text: "Georgia", lat: 32.7, lon: -83.4, kind: gazetteer.KindAdmin1, reason: ""}}},
		{"country named nearby", "Protesters gathered in Paris, Texas, and then in Paris, France.", []string{"Paris", "Texas", "France"},
			[]want{{text: "Paris", lat: 33.66, lon: -95.56, reason: "region named nearby"}}},
		{"demonym as candidate", "Russian troops crossed the border.", []string{"Russian"},
			[]want{{text: "Russian", lat: 60.8, lon: 99.5, kind: gazetteer.KindCountry, reason: "demonym"}}},
		{"organisation named after a country", "The European Commission and the US Federal Reserve met.",
			[]string{"European Commission", "US Federal Reserve"},
			[]want{{text: "European Commission", lat: 48.69, lon: 9.14, kind: gazetteer.KindContinent},
				{text: "US Federal Reserve", lat: 38.8, lon: -98.1, kind: gazetteer.KindCountry}}},
		{"city named like its state", "Rents rose in New York last year.", []string{"New York"},
			[]want{{text: "New York", lat: 40.71, lon: -74.01, kind: gazetteer.KindPlace}}},
		{"state written", "Farmers in upstate New York state lost crops.", []string{"New York"},
			[]want{{text: "New York", lat: 42.8, lon: -75.8, kind: gazetteer.KindAdmin1}}},
		{"capital over its namesake state", "Officials in Washington and Moscow disagreed.", []string{"Washington", "Moscow"},
			[]want{{text: "Washington", lat: 38.9, lon: -77.04, kind: gazetteer.KindPlace}}},
		{"state when the article's places are elsewhere in it", "Fires spread in Washington, near Spokane and Yakima.",
			[]string{"Washington", "Spokane", "Yakima"},
			[]want{{text: "Washington", kind: gazetteer.KindAdmin1, lat: 47.29, lon: -120.83}}},
		{"sea over a namesake town", "Ships crossed the Atlantic near Lisbon.", []string{"Atlantic", "Lisbon"},
			[]want{{text: "Atlantic", lat: 0, lon: -25, kind: gazetteer.KindFeature}}},
		{"county", "Flooding closed roads in Cuyahoga County, Ohio.", []string{"Cuyahoga County", "Ohio"},
			[]want{{text: "Cuyahoga County", lat: 41.4, lon: -81.6, kind: gazetteer.KindAdmin2}}},
		{"street placed at the main town", "Crowds filled Vulytsia Shevchenka Street in Lviv; Lviv officials counted them.",
			[]string{"Vulytsia Shevchenka Street", "Lviv"},
			[]want{{text: "Vulytsia Shevchenka Street", lat: 49.84, lon: 24.03, reason: "not in the gazetteer"}}},
		{"small place abroad read as the article's town", "Shoppers queued outside Sears in Lviv; Lviv police kept order.",
			[]string{"Sears", "Lviv"},
			[]want{{text: "Sears", lat: 49.84, lon: 24.03, reason: "only a small place elsewhere"}}},
		{"dateline", "KYIV, March 3 (Reuters) - Officials in Kyiv said power was restored.", []string{"KYIV", "Kyiv"},
			[]want{{text: "KYIV", lat: 50.45, lon: 30.52, reason: "dateline"}, {text: "Kyiv", lat: 50.45, lon: 30.52, metonymy: true}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { check(t, c.s, c.names, c.wants) })
	}
}

func TestMetonymy(t *testing.T) {
	cases := []struct {
		s, name string
		want    bool
	}{
		{"Moscow has denied the report.", "Moscow", true},
		{"Moscow's decision angered allies.", "Moscow", true},
		{"Washington warned of sanctions.", "Washington", true},
		{"Russia accused Ukraine of the attack.", "Russia", true},
		{"Snow fell in Moscow on Monday.", "Moscow", false},
		{"Moscow's parks were crowded.", "Moscow", false},
		{"Grayvoron said nothing.", "Grayvoron", false}, // a village is no government
	}
	for _, c := range cases {
		doc := text.Analyze(c.s, "en")
		rs := Resolve(doc, cands(c.s, c.name))
		if len(rs) != 1 || rs[0].Metonymy != c.want {
			t.Errorf("%q: %+v, want metonymy %v", c.s, rs, c.want)
		}
	}
}

func TestUnknownAndEmpty(t *testing.T) {
	doc := text.Analyze("Nothing happened in Xqzzyville or at the Acme Widget Works.", "en")
	if rs := Resolve(doc, cands(doc.Text, "Xqzzyville", "Acme Widget Works")); len(rs) != 0 {
		t.Errorf("got %+v, want none", rs)
	}
	if rs := Resolve(doc, nil); rs != nil {
		t.Errorf("no candidates: got %+v", rs)
	}
}

func TestConfidenceIsProbability(t *testing.T) {
	m := &mention{opts: []option{{score: 3}, {score: 3}}}
	if c := confidence(m); math.Abs(c-0.5) > 1e-9 {
		t.Errorf("tie: confidence %v, want 0.5", c)
	}
}

func TestCleanName(t *testing.T) {
	for in, want := range map[string]string{
		"the Donbas": "Donbas", "Moscow's": "Moscow", " (Kyiv) ": "Kyiv", "U.S.": "U.S.", "The Hague": "Hague",
	} {
		if got := cleanName(in); got != want {
			t.Errorf("cleanName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTrimDescriptor(t *testing.T) {
	for in, want := range map[string]string{
		"Orange County":             "Orange",
		"Colorado State University": "Colorado",
		"University of California":  "California",
		"Port of Odesa":             "Odesa",
		"Heathrow Airport":          "Heathrow",
		"Kursk":                     "",
		"County":                    "",
	} {
		if got := trimDescriptor(in); got != want {
			t.Errorf("trimDescriptor(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCoordinatedRegions(t *testing.T) {
	txt := "Shelling hit the Belgorod and Kursk regions overnight, while Sumy and Kharkiv region saw drones."
	doc := text.Analyze(txt, "en")
	var cands []Candidate
	for _, name := range []string{"Belgorod", "Kursk", "Sumy", "Kharkiv"} {
		start := len([]rune(txt[:strings.Index(txt, name)]))
		cands = append(cands, Candidate{Span: model.Span{Start: start, End: start + len([]rune(name))}, Text: name})
	}
	got := map[string]string{}
	for _, r := range Resolve(doc, cands) {
		got[r.Text] = r.Place.Kind
	}
	want := map[string]string{"Belgorod": gazetteer.KindAdmin1, "Kursk": gazetteer.KindAdmin1, "Kharkiv": gazetteer.KindAdmin1}
	for name, kind := range want {
		if got[name] != kind {
			t.Errorf("%s resolved to kind %q, want %q (all: %v)", name, got[name], kind, got)
		}
	}
	// "Sumy and Kharkiv region": the singular names one region; Sumy
	// stays the city.
	if got["Sumy"] == gazetteer.KindAdmin1 {
		t.Errorf("Sumy read as a region from a singular generic word after a coordination")
	}
}
