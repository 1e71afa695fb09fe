package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/sitrep/sitrep/internal/nlp/gazetteer/internal/placefile"
)

// untarShapes returns world-countries' data/<cca3>.geo.json files by
// lower-case cca3.
func untarShapes(tgz []byte) (map[string][]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(tgz))
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(zr)
	out := make(map[string][]byte)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		name, ok := strings.CutPrefix(h.Name, "package/data/")
		if !ok || !strings.HasSuffix(name, ".geo.json") {
			continue
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			return nil, err
		}
		out[strings.TrimSuffix(name, ".geo.json")] = b
	}
}

// mainlandCentroid is the area centroid (in plain longitude/latitude
// coordinates) of the largest polygon of a GeoJSON outline: the middle of
// a country's main landmass, which is where gazetteers put a country
// (GeoNames' United States point is the middle of the contiguous states,
// not a point pulled towards Alaska and Hawaii). world-countries' latlng
// is a rounded Factbook point, up to a few hundred km from that for large
// countries.
func mainlandCentroid(geo []byte) (lat, lon float64, ok bool) {
	if len(geo) == 0 {
		return 0, 0, false
	}
	var fc struct {
		Features []struct {
			Geometry struct {
				Type        string          `json:"type"`
				Coordinates json.RawMessage `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}
	if json.Unmarshal(geo, &fc) != nil {
		return 0, 0, false
	}
	bestA := 0.0
	for _, f := range fc.Features {
		var polys [][][][2]float64
		switch f.Geometry.Type {
		case "Polygon":
			var p [][][2]float64
			if json.Unmarshal(f.Geometry.Coordinates, &p) != nil {
				continue
			}
			polys = append(polys, p)
		case "MultiPolygon":
			if json.Unmarshal(f.Geometry.Coordinates, &polys) != nil {
				continue
			}
		}
		for _, p := range polys {
			if len(p) == 0 {
				continue
			}
			a, x, y := ringCentroid(p[0])
			if a > bestA {
				bestA, lon, lat, ok = a, x, y, true
			}
		}
	}
	return lat, lon, ok
}

// ringCentroid returns the absolute area and centroid of a closed ring of
// [lon, lat] points.
func ringCentroid(r [][2]float64) (area, x, y float64) {
	var a, cx, cy float64
	for i := 0; i+1 < len(r); i++ {
		c := r[i][0]*r[i+1][1] - r[i+1][0]*r[i][1]
		a += c
		cx += (r[i][0] + r[i+1][0]) * c
		cy += (r[i][1] + r[i+1][1]) * c
	}
	a /= 2
	if a == 0 {
		return 0, 0, 0
	}
	return math.Abs(a), cx / (6 * a), cy / (6 * a)
}

// admin2IDBase starts the synthetic IDs of admin2 areas.
const admin2IDBase = -1_000_000

// admin2Generic are the generic words admin2 names carry, which text
// often leaves out ("Cuyahoga County" is also "Cuyahoga").
var admin2Generic = []string{" County", " Parish", " Borough", " Census Area", " Municipality", " District", " Rayon", " Raion"}

// buildAdmin2 makes one record per admin2 code of admin2.json with member
// places, at the trimmed midpoint of their ranges like admin1 areas. An
// area named exactly like one of its places (Brazilian and Mexican
// municipalities, most raions named after their seat) is left out: the
// place already answers to the name, at nearly the same point. A name
// with a generic word gets the bare name as an alternate.
func buildAdmin2(places []placefile.Record, admin2Of map[int]string, names map[string]string) []placefile.Record {
	members := make(areaMembers)
	for _, p := range places {
		code, ok := admin2Of[p.ID]
		if !ok {
			continue
		}
		name, ok := names[code]
		if !ok {
			continue
		}
		a := members.add(code, p)
		if strings.EqualFold(p.Name, name) {
			a.same = true
		}
	}
	codes := make([]string, 0, len(members))
	for c, a := range members {
		if !a.same {
			codes = append(codes, c)
		}
	}
	sort.Strings(codes)
	out := make([]placefile.Record, 0, len(codes))
	for i, code := range codes {
		a := members[code]
		parts := strings.SplitN(code, ".", 3)
		name := names[code]
		var alt []string
		for _, g := range admin2Generic {
			if b, ok := strings.CutSuffix(name, g); ok && b != "" {
				alt = append(alt, b)
				break
			}
		}
		if b, ok := strings.CutPrefix(name, "County "); ok && b != "" {
			alt = append(alt, b)
		}
		out = append(out, placefile.Record{
			ID: admin2IDBase - i, Kind: placefile.KindAdmin2, Name: name,
			Country: parts[0], Admin1: parts[1], FeatureCode: "ADM2",
			Population: a.pop, Alt: alt,
		})
		out[len(out)-1].Lat, out[len(out)-1].Lon = areaPoint(a.lats, a.lons)
	}
	return out
}
