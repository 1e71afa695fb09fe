package eval

import (
	"fmt"
	"math"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/nlp/geocode"
	"github.com/sitrep/sitrep/internal/nlp/text"
)

// GeoToponym is a place mention in code points of its document, end
// exclusive, with its coordinates in decimal degrees (WGS84). Lat and Lon
// are nil when the toponym has no coordinates (a prediction the geocoder
// could not resolve).
type GeoToponym struct {
	Start     int      `json:"start"`
	End       int      `json:"end"`
	Text      string   `json:"text"`
	Lat       *float64 `json:"lat"`
	Lon       *float64 `json:"lon"`
	Type      string   `json:"type,omitempty"`
	GeonameID string   `json:"geonameid,omitempty"`
}

// HasCoords says whether the toponym carries both coordinates.
func (t GeoToponym) HasCoords() bool { return t.Lat != nil && t.Lon != nil }

// GeoDoc is one document of a geoparsing set with its gold toponyms.
type GeoDoc struct {
	ID   string
	Text string
	Gold []GeoToponym
}

// GeoSet is a geoparsing reference set in the shared layout: gold.jsonl
// with {"id", "toponyms"} and docs/<id>.txt.
type GeoSet struct {
	Name string
	Docs []GeoDoc
}

// LoadGeoSet reads a set folder.
func LoadGeoSet(dir string) (*GeoSet, error) {
	type gold struct {
		ID       string       `json:"id"`
		Toponyms []GeoToponym `json:"toponyms"`
	}
	set := &GeoSet{Name: filepath.Base(filepath.Clean(dir))}
	err := eachTextDoc(dir, func(g *gold) string { return g.ID }, func(g *gold, text string) error {
		set.Docs = append(set.Docs, GeoDoc{ID: g.ID, Text: text, Gold: g.Toponyms})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return set, nil
}

// MaxErrorKm is the largest great-circle error on Earth (half the
// equatorial circumference, as in Gritta et al. 2018). It caps every error
// and is what a matched prediction without coordinates counts as.
const MaxErrorKm = 20039.0

// Acc161Km is the Accuracy@161km threshold (100 miles).
const Acc161Km = 161.0

const earthRadiusKm = 6371.0088 // mean radius (IUGG)

// GreatCircleKm is the haversine distance between two points in degrees.
func GreatCircleKm(lat1, lon1, lat2, lon2 float64) float64 {
	rad := math.Pi / 180
	dlat := (lat2 - lat1) * rad
	dlon := (lon2 - lon1) * rad
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	d := 2 * earthRadiusKm * math.Asin(math.Sqrt(math.Min(1, h)))
	return math.Min(d, MaxErrorKm)
}

// GeoResult scores one system on one set. Span counts are pooled over the
// documents (micro averages), as the set's README prescribes.
type GeoResult struct {
	Set, System      string
	Docs, Gold, Pred int
	// ExactTP counts predictions with a gold toponym's start and end;
	// OverlapTP counts predictions sharing a code point with a gold
	// toponym. Both matchings are one-to-one; the overlap one takes the
	// exact pairs first, so OverlapTP >= ExactTP.
	ExactTP, OverlapTP int
	Exact, Overlap     PRF
	// The error figures are over the overlap-matched pairs whose gold
	// toponym has coordinates (Resolved of them); NoCoords of those
	// predictions had none and count as MaxErrorKm.
	Resolved, NoCoords int
	MeanKm, MedianKm   float64
	// Acc161 is the share of errors of at most Acc161Km.
	Acc161 float64
	// AUC is the area under the curve of the sorted log errors (lower is
	// better, in [0, 1]); see ErrorAUC.
	AUC float64
}

// ScoreGeo runs predict over every document and scores its toponyms.
func ScoreGeo(set *GeoSet, system string, predict func(GeoDoc) []GeoToponym) GeoResult {
	res := GeoResult{Set: set.Name, System: system}
	var errs []float64
	for _, d := range set.Docs {
		pred := predict(d)
		res.Docs++
		res.Gold += len(d.Gold)
		res.Pred += len(pred)
		for _, m := range matchGeo(d.Gold, pred) {
			g, p := d.Gold[m.g], pred[m.p]
			if m.exact {
				res.ExactTP++
			}
			res.OverlapTP++
			if !g.HasCoords() {
				continue
			}
			e := MaxErrorKm
			if p.HasCoords() {
				e = GreatCircleKm(*g.Lat, *g.Lon, *p.Lat, *p.Lon)
			} else {
				res.NoCoords++
			}
			errs = append(errs, e)
		}
	}
	res.Exact = prf(float64(res.ExactTP), float64(res.Pred), float64(res.Gold))
	res.Overlap = prf(float64(res.OverlapTP), float64(res.Pred), float64(res.Gold))
	res.Resolved = len(errs)
	if len(errs) > 0 {
		sort.Float64s(errs)
		sum, within := 0.0, 0
		for _, e := range errs {
			sum += e
			if e <= Acc161Km {
				within++
			}
		}
		n := len(errs)
		res.MeanKm = sum / float64(n)
		if n%2 == 1 {
			res.MedianKm = errs[n/2]
		} else {
			res.MedianKm = (errs[n/2-1] + errs[n/2]) / 2
		}
		res.Acc161 = float64(within) / float64(n)
		res.AUC = ErrorAUC(errs)
	}
	return res
}

// ErrorAUC is the AUC of Gritta et al. 2018 ("What's missing in
// geographical parsing?", and their evaluation code): the errors are sorted
// ascending, each is scaled to ln(1+km)/ln(MaxErrorKm), and the curve
// through them at unit spacing is integrated with the trapezoidal rule and
// divided by its width, n-1, so that 0 is perfect and every error maximal
// gives ln(20040)/ln(20039), about 1.000005 (the literature's scaling, kept
// as is). A single error is its own scaled value; no errors give 0.
func ErrorAUC(errs []float64) float64 {
	s := append([]float64(nil), errs...)
	sort.Float64s(s)
	scaled := func(e float64) float64 { return math.Log1p(math.Min(e, MaxErrorKm)) / math.Log(MaxErrorKm) }
	switch len(s) {
	case 0:
		return 0
	case 1:
		return scaled(s[0])
	}
	area := 0.0
	for i := 1; i < len(s); i++ {
		area += (scaled(s[i-1]) + scaled(s[i])) / 2
	}
	return area / float64(len(s)-1)
}

type geoMatch struct {
	g, p  int
	exact bool
}

// matchGeo pairs predictions with gold toponyms one-to-one: identical
// spans first, then, greedily in text order, predictions with a remaining
// gold toponym they overlap.
func matchGeo(gold, pred []GeoToponym) []geoMatch {
	order := func(ts []GeoToponym) []int {
		idx := make([]int, len(ts))
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(a, b int) bool { return ts[idx[a]].Start < ts[idx[b]].Start })
		return idx
	}
	gi, pi := order(gold), order(pred)
	gUsed := make([]bool, len(gold))
	pUsed := make([]bool, len(pred))
	var out []geoMatch
	for _, p := range pi {
		for _, g := range gi {
			if !gUsed[g] && gold[g].Start == pred[p].Start && gold[g].End == pred[p].End {
				gUsed[g], pUsed[p] = true, true
				out = append(out, geoMatch{g, p, true})
				break
			}
		}
	}
	for _, p := range pi {
		if pUsed[p] {
			continue
		}
		for _, g := range gi {
			if !gUsed[g] && pred[p].Start < gold[g].End && gold[g].Start < pred[p].End {
				gUsed[g], pUsed[p] = true, true
				out = append(out, geoMatch{g, p, false})
				break
			}
		}
	}
	return out
}

// String formats the result as one line of the eval table.
func (r GeoResult) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "geo/%s %-10s docs %d  gold %d found %d", r.Set, r.System, r.Docs, r.Gold, r.Pred)
	fmt.Fprintf(&b, "  exact P %.3f R %.3f F1 %.3f", r.Exact.P, r.Exact.R, r.Exact.F)
	fmt.Fprintf(&b, "  overlap P %.3f R %.3f F1 %.3f", r.Overlap.P, r.Overlap.R, r.Overlap.F)
	fmt.Fprintf(&b, "  resolved %d (no coords %d)  error km mean %.0f median %.0f  acc@161 %.3f  AUC %.3f",
		r.Resolved, r.NoCoords, r.MeanKm, r.MedianKm, r.Acc161, r.AUC)
	return b.String()
}

// GeocodeSpans geocodes toponym spans of doc in context with
// geocode.Resolve: the spans are the candidates, so each is resolved with
// the others as its context. A span the gazetteer has no entry for keeps
// nil coordinates. The result is in the order of ts.
func GeocodeSpans(doc text.Doc, ts []GeoToponym) []GeoToponym {
	cands := make([]geocode.Candidate, len(ts))
	for i, t := range ts {
		cands[i] = geocode.Candidate{Span: model.Span{Start: t.Start, End: t.End}, Text: t.Text}
	}
	type key struct{ s, e int }
	got := make(map[key]geocode.Result)
	for _, r := range geocode.Resolve(doc, cands) {
		got[key{r.Span.Start, r.Span.End}] = r
	}
	out := make([]GeoToponym, len(ts))
	for i, t := range ts {
		t.Lat, t.Lon, t.Type, t.GeonameID = nil, nil, "", ""
		if r, ok := got[key{t.Start, t.End}]; ok {
			lat, lon := r.Place.Lat, r.Place.Lon
			t.Lat, t.Lon = &lat, &lon
			t.Type = r.Reason
			if r.Place.ID > 0 {
				t.GeonameID = strconv.Itoa(r.Place.ID)
			}
		}
		out[i] = t
	}
	return out
}

// GeoError is a matched toponym whose prediction is more than Acc161Km off.
type GeoError struct {
	Doc        string
	Gold, Pred GeoToponym
	Km         float64
}

// GeoErrors lists the matched toponyms of set that predict places more
// than Acc161Km from gold (or not at all), in document and text order.
func GeoErrors(set *GeoSet, predict func(GeoDoc) []GeoToponym) []GeoError {
	var out []GeoError
	for _, d := range set.Docs {
		pred := predict(d)
		ms := matchGeo(d.Gold, pred)
		sort.Slice(ms, func(a, b int) bool { return d.Gold[ms[a].g].Start < d.Gold[ms[b].g].Start })
		for _, m := range ms {
			g, p := d.Gold[m.g], pred[m.p]
			if !g.HasCoords() {
				continue
			}
			e := MaxErrorKm
			if p.HasCoords() {
				e = GreatCircleKm(*g.Lat, *g.Lon, *p.Lat, *p.Lon)
			}
			if e > Acc161Km {
				out = append(out, GeoError{Doc: d.ID, Gold: g, Pred: p, Km: e})
			}
		}
	}
	return out
}

// String formats the error as one line: document, gold text and
// coordinates, predicted coordinates and why, error.
func (e GeoError) String() string {
	c := func(t GeoToponym) string {
		if !t.HasCoords() {
			return "none"
		}
		return fmt.Sprintf("%.2f,%.2f", *t.Lat, *t.Lon)
	}
	return fmt.Sprintf("%s\t%q\tgold %s (%s)\tpred %q %s (%s)\t%.0f km",
		e.Doc, e.Gold.Text, c(e.Gold), e.Gold.Type, e.Pred.Text, c(e.Pred), e.Pred.Type, e.Km)
}
