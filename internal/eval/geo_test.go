package eval

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/nlp/text"
)

func ll(lat, lon float64) (*float64, *float64) { return &lat, &lon }

func topo(start, end int, text string, coords ...float64) GeoToponym {
	t := GeoToponym{Start: start, End: end, Text: text}
	if len(coords) == 2 {
		t.Lat, t.Lon = ll(coords[0], coords[1])
	}
	return t
}

func near(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol {
		t.Errorf("%s = %.6f, want %.6f", what, got, want)
	}
}

func writeGeoSet(t *testing.T, gold string, docs map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "tiny")
	if err := os.MkdirAll(filepath.Join(dir, "docs"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "gold.jsonl"), []byte(gold), 0o644); err != nil {
		t.Fatal(err)
	}
	for id, body := range docs {
		if err := os.WriteFile(filepath.Join(dir, "docs", id+".txt"), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadGeoSet(t *testing.T) {
	dir := writeGeoSet(t, `{"id": "a", "toponyms": [{"start": 0, "end": 5, "text": "Paris", "lat": 48.85, "lon": 2.35, "type": "Literal", "geonameid": "2988507"}]}

{"id": "b", "toponyms": []}
`, map[string]string{"a": "Paris is big.", "b": "Nothing here."})
	set, err := LoadGeoSet(dir)
	if err != nil {
		t.Fatal(err)
	}
	if set.Name != "tiny" || len(set.Docs) != 2 {
		t.Fatalf("set %q with %d docs", set.Name, len(set.Docs))
	}
	g := set.Docs[0].Gold
	if set.Docs[0].Text != "Paris is big." || len(g) != 1 || g[0].Text != "Paris" || !g[0].HasCoords() ||
		*g[0].Lat != 48.85 || *g[0].Lon != 2.35 || g[0].Type != "Literal" || g[0].GeonameID != "2988507" {
		t.Errorf("doc a: %+v", set.Docs[0])
	}

	bad := writeGeoSet(t, `{"id": "../x", "toponyms": []}`, nil)
	if _, err := LoadGeoSet(bad); err == nil || !strings.Contains(err.Error(), "gold.jsonl:1") {
		t.Errorf("bad id: %v", err)
	}
	missing := writeGeoSet(t, `{"id": "a", "toponyms": []}`, nil)
	if _, err := LoadGeoSet(missing); err == nil {
		t.Error("missing document accepted")
	}
	if _, err := LoadGeoSet(writeGeoSet(t, "\n", nil)); err == nil {
		t.Error("empty set accepted")
	}
}

func TestGreatCircleKm(t *testing.T) {
	// One degree of latitude and a quarter of a great circle on the mean
	// radius 6371.0088 km: R*pi/180 and R*pi/2.
	near(t, "1 degree", GreatCircleKm(10, 20, 11, 20), 111.195080, 1e-5)
	near(t, "quarter", GreatCircleKm(0, 0, 0, 90), 10007.557221, 1e-5)
	// The antipode on the mean radius, R*pi, is under the 20039 km cap.
	near(t, "antipode", GreatCircleKm(0, 0, 0, 180), 20015.114442, 1e-5)
	near(t, "same point", GreatCircleKm(48.85, 2.35, 48.85, 2.35), 0, 1e-9)
}

func TestErrorAUC(t *testing.T) {
	near(t, "none", ErrorAUC(nil), 0, 0)
	near(t, "one", ErrorAUC([]float64{0}), 0, 0)
	// ln(1+e^9.905 - 1)/ln(20039): a single error is its own scaled value.
	near(t, "single", ErrorAUC([]float64{math.Expm1(math.Log(20039) / 2)}), 0.5, 1e-12)
	// Two points 0 and 20039: one trapezoid (0 + ln(20040)/ln(20039)) / 2.
	near(t, "two", ErrorAUC([]float64{20039, 0}), math.Log(20040)/math.Log(20039)/2, 1e-12)
	// Errors above the maximum are capped.
	near(t, "capped", ErrorAUC([]float64{1e9}), math.Log(20040)/math.Log(20039), 1e-12)
}

func TestScoreGeo(t *testing.T) {
	//           0         1         2         3
	//           0123456789012345678901234567890
	textA := "Paris and London met in Berlin."
	set := &GeoSet{Name: "tiny", Docs: []GeoDoc{
		{ID: "a", Text: textA, Gold: []GeoToponym{
			topo(0, 5, "Paris", 48.85, 2.35),
			topo(10, 16, "London", 51.5, -0.12),
			topo(24, 30, "Berlin", 52.52, 13.4),
		}},
		{ID: "b", Text: "Null Island.", Gold: []GeoToponym{
			topo(0, 11, "Null Island", 0, 0),
		}},
		// A gold toponym without coordinates is matched but not in the
		// error figures.
		{ID: "c", Text: "Atlantis.", Gold: []GeoToponym{topo(0, 8, "Atlantis")}},
	}}
	pred := map[string][]GeoToponym{
		"a": {
			topo(0, 5, "Paris", 48.85, 2.35),        // exact, 0 km
			topo(10, 20, "London met", 52.5, -0.12), // overlap, 1 degree north: 111.195 km
			topo(21, 23, "in", 0, 0),                // false positive
			topo(24, 30, "Berlin"),                  // exact, no coordinates: 20039 km
		},
		"b": {topo(0, 11, "Null Island", 0, 90)}, // exact, quarter circle: 10007.557 km
		"c": {topo(0, 8, "Atlantis", 1, 1)},      // exact, gold has no coordinates
	}
	res := ScoreGeo(set, "test", func(d GeoDoc) []GeoToponym { return pred[d.ID] })

	if res.Docs != 3 || res.Gold != 5 || res.Pred != 6 || res.ExactTP != 4 || res.OverlapTP != 5 {
		t.Fatalf("counts %+v", res)
	}
	// Exact: P 4/6, R 4/5, F1 2*(2/3)(4/5)/(2/3+4/5) = 8/11.
	near(t, "exact P", res.Exact.P, 4.0/6, 1e-12)
	near(t, "exact R", res.Exact.R, 4.0/5, 1e-12)
	near(t, "exact F1", res.Exact.F, 8.0/11, 1e-12)
	// Overlap: P 5/6, R 5/5, F1 10/11.
	near(t, "overlap P", res.Overlap.P, 5.0/6, 1e-12)
	near(t, "overlap R", res.Overlap.R, 1, 1e-12)
	near(t, "overlap F1", res.Overlap.F, 10.0/11, 1e-12)

	// Errors 0, 111.195080, 10007.557221, 20039.
	if res.Resolved != 4 || res.NoCoords != 1 {
		t.Errorf("resolved %d, no coords %d; want 4, 1", res.Resolved, res.NoCoords)
	}
	near(t, "mean km", res.MeanKm, (0+111.195080+10007.557221+20039)/4, 1e-4)
	near(t, "median km", res.MedianKm, (111.195080+10007.557221)/2, 1e-4)
	near(t, "acc@161", res.Acc161, 0.5, 1e-12)
	// Scaled: 0, ln(112.195)/ln(20039) = 0.476530, ln(10008.557)/ln(20039)
	// = 0.929913, ln(20040)/ln(20039) = 1.000005; trapezoids over 3
	// unit steps: (s1 + s2 + (s0+s3)/2) / 3 = 0.635482.
	near(t, "AUC", res.AUC, 0.635482, 1e-6)

	line := res.String()
	for _, want := range []string{"geo/tiny test", "docs 3  gold 5 found 6", "exact P 0.667 R 0.800 F1 0.727",
		"overlap P 0.833 R 1.000 F1 0.909", "resolved 4 (no coords 1)", "mean 7539 median 5059", "acc@161 0.500", "AUC 0.635"} {
		if !strings.Contains(line, want) {
			t.Errorf("String lacks %q:\n%s", want, line)
		}
	}
}

func TestScoreGeoMatchingOneToOne(t *testing.T) {
	// The partial prediction comes first in text order, but the exact one
	// takes the gold span; the partial one is then left without a partner.
	set := &GeoSet{Name: "m", Docs: []GeoDoc{{ID: "x", Gold: []GeoToponym{topo(0, 10, "New Mexico", 34, -106)}}}}
	pred := []GeoToponym{topo(0, 3, "New", 40, -74), topo(0, 10, "New Mexico", 34, -106)}
	res := ScoreGeo(set, "s", func(GeoDoc) []GeoToponym { return pred })
	if res.ExactTP != 1 || res.OverlapTP != 1 || res.Resolved != 1 {
		t.Fatalf("exact %d overlap %d resolved %d, want 1 1 1", res.ExactTP, res.OverlapTP, res.Resolved)
	}
	near(t, "error of the exact pair", res.MeanKm, 0, 1e-9)
	near(t, "AUC", res.AUC, 0, 1e-12)

	// Two gold toponyms, one prediction overlapping both: one match.
	set.Docs[0].Gold = []GeoToponym{topo(0, 3, "New", 40, -74), topo(4, 10, "Mexico", 23, -102)}
	pred = []GeoToponym{topo(0, 10, "New Mexico", 40, -74)}
	res = ScoreGeo(set, "s", func(GeoDoc) []GeoToponym { return pred })
	if res.ExactTP != 0 || res.OverlapTP != 1 || res.Overlap.R != 0.5 || res.MeanKm != 0 {
		t.Errorf("one prediction over two gold: %+v", res)
	}

	// Nothing predicted: zero scores and no error figures.
	res = ScoreGeo(set, "s", func(GeoDoc) []GeoToponym { return nil })
	if res.Pred != 0 || res.Overlap.F != 0 || res.Resolved != 0 || res.AUC != 0 {
		t.Errorf("empty prediction: %+v", res)
	}
}

func TestGeocodeSpans(t *testing.T) {
	const s = "Drones hit Grayvoron in the Belgorod region, and Xqzzyville too."
	doc := text.Analyze(s, "en")
	in := []GeoToponym{
		topo(11, 20, "Grayvoron"),
		topo(28, 43, "Belgorod region"),
		topo(49, 59, "Xqzzyville"),
	}
	in[0].Type = "Literal" // gold extras are not carried over
	got := GeocodeSpans(doc, in)
	if len(got) != len(in) {
		t.Fatalf("got %d toponyms, want %d", len(got), len(in))
	}
	cases := []struct {
		i        int
		lat, lon float64 // NaN: no coordinates
	}{
		{0, 50.48, 35.67},
		{1, 50.7, 37.0},
		// Unknown to the gazetteer: placed at the article's main town.
		{2, 50.48, 35.67},
	}
	for _, c := range cases {
		g := got[c.i]
		if g.Start != in[c.i].Start || g.End != in[c.i].End || g.Text != in[c.i].Text {
			t.Errorf("%d: span changed: %+v", c.i, g)
		}
		if math.IsNaN(c.lat) {
			if g.HasCoords() {
				t.Errorf("%s: got coordinates, want none", g.Text)
			}
			continue
		}
		if !g.HasCoords() || GreatCircleKm(*g.Lat, *g.Lon, c.lat, c.lon) > 30 {
			t.Errorf("%s: got %+v, want within 30 km of %.2f,%.2f", g.Text, g, c.lat, c.lon)
		}
		if g.Type == "Literal" || g.Type == "" {
			t.Errorf("%s: type %q, want the geocoder's reason", g.Text, g.Type)
		}
	}
}

func TestGeocodeSpansUnknown(t *testing.T) {
	// With no town resolved in the text, an unknown name gets no
	// coordinates.
	doc := text.Analyze("Talks at Xqzzyville ended.", "en")
	got := GeocodeSpans(doc, []GeoToponym{topo(9, 19, "Xqzzyville")})
	if len(got) != 1 || got[0].HasCoords() {
		t.Fatalf("got %+v, want one toponym without coordinates", got)
	}
}

func TestGeoErrors(t *testing.T) {
	set := &GeoSet{Name: "tiny", Docs: []GeoDoc{{ID: "a", Text: "Paris and Lyon.", Gold: []GeoToponym{
		topo(0, 5, "Paris", 48.85, 2.35),
		topo(10, 14, "Lyon", 45.76, 4.83),
	}}}}
	errs := GeoErrors(set, func(d GeoDoc) []GeoToponym {
		return []GeoToponym{topo(0, 5, "Paris", 48.86, 2.35), topo(10, 14, "Lyon", 40.0, -90.0)}
	})
	if len(errs) != 1 || errs[0].Gold.Text != "Lyon" || errs[0].Km < 1000 {
		t.Fatalf("got %+v, want Lyon only", errs)
	}
	if line := errs[0].String(); !strings.Contains(line, `"Lyon"`) || !strings.Contains(line, "km") {
		t.Errorf("line %q", line)
	}
}
