package gen

import (
	"math/rand/v2"
	"strings"
	"time"
)

// The generated world: invented countries, each with provinces, districts
// and villages, and invented people. Everything is built from the seed, so
// one seed always describes the same world.

type country struct {
	Name, Adj, Capital string
	Provinces          []province
}

type province struct {
	Name, Capital string
	Districts     []district
}

type district struct {
	Name     string
	Villages []string
}

// world holds the countries, grouped in pairs of neighbours that fight.
type world struct {
	Countries []country // even index attacks, odd index is the neighbour
	Mediators []country // neutral states that broker exchanges
}

// Counts of the generated world; bounded so a world stays small.
const (
	worldPairs      = 4
	provincesPer    = 3
	districtsPer    = 3
	villagesPer     = 6
	worldMediators  = 2
	maxNameAttempts = 64
)

var (
	countryHeads = []string{"Kor", "Tar", "Val", "Dras", "Mer", "Sol", "Bel", "Ruv", "Zem", "Ald", "Vey", "Orn", "Kest", "Lum", "Sar", "Pell"}
	countryTails = []string{"ania", "esia", "avia", "oria", "enia", "ovia", "aria", "itia"}
	townHeads    = []string{"Dubro", "Krasno", "Staro", "Novo", "Belo", "Cherno", "Zeleno", "Kameno", "Lipo", "Yaseno", "Gorno", "Rechno", "Polo", "Vysoko", "Zhelno", "Bereza", "Olkho", "Sosno", "Mirno", "Ozerno"}
	townTails    = []string{"gorsk", "grad", "selsk", "bor", "pol", "dar", "vets", "ovo", "sk", "mir", "brod", "lesk"}
	villageHeads = []string{"Verkh", "Nizh", "Sukh", "Kamen", "Lip", "Dub", "Olsh", "Yasen", "Gor", "Bor", "Rech", "Zelen", "Krut", "Ber", "Tol", "Mal", "Vel", "Svet", "Pol", "Glin", "Khut", "Zhuk", "Vyaz", "Topol"}
	villageTails = []string{"ovka", "ivka", "ino", "evo", "ki", "ishche", "ovo", "ets", "any", "ichi", "noye", "ovtsy", "ukha", "yany"}
	firstNames   = []string{"Yevgeny", "Grigory", "Ilya", "Anton", "Bohdan", "Radim", "Oleh", "Mykola", "Andriy", "Serhiy", "Dmitry", "Pavel", "Yuriy", "Vasily", "Fyodor", "Kirill", "Oksana", "Lidiya", "Nadezhda", "Iryna", "Yulia", "Tatyana", "Olena", "Vera", "Zhanna", "Yaroslav", "Maksym", "Arkady", "Timofey", "Khrystyna"}
	surnameHeads = []string{"Stolyar", "Tolmach", "Zatsep", "Brezh", "March", "Ostrov", "Vashch", "Hryts", "Bondar", "Lys", "Koval", "Savch", "Kostyuk", "Hnat", "Sered", "Ryb", "Zhur", "Kozlov", "Yevtush", "Shevch", "Polyak", "Kravts", "Melnych", "Dorosh", "Khomenk", "Tkach"}
	surnameTails = []string{"ov", "enko", "uk", "in", "ich", "sky", "ets", "an", "yov"}
	westFirst    = []string{"Clara", "Jonas", "Ruth", "Mikael", "Annelie", "Ines", "Nils", "Katrin", "Tobias", "Hanna", "Marek", "Lotte", "Pieter", "Sanna", "Elias", "Marta"}
	westLast     = []string{"Weststrand", "Feld", "Abernathy", "Holt", "Brunner", "Amar", "Garbe", "Lindqvist", "Hartmann", "Osei", "Varga", "Moreau", "Castell", "Berglund", "Dahl", "Kessler"}
)

// newWorld builds the world of a seed.
func newWorld(seed uint64) *world {
	r := rand.New(rand.NewPCG(seed, 0x776f726c64)) // "world"
	used := map[string]bool{}
	w := &world{}
	for range 2*worldPairs + worldMediators {
		name := uniqueName(r, used, countryHeads, countryTails)
		c := country{Name: name, Adj: adjective(name), Capital: uniqueName(r, used, townHeads, townTails)}
		for range provincesPer {
			p := province{Name: uniqueName(r, used, townHeads, []string{"aya", "ensk", "ovo", "ina"}), Capital: uniqueName(r, used, townHeads, townTails)}
			for range districtsPer {
				d := district{Name: uniqueName(r, used, townHeads, townTails)}
				for range villagesPer {
					d.Villages = append(d.Villages, villageName(r, used))
				}
				p.Districts = append(p.Districts, d)
			}
			c.Provinces = append(c.Provinces, p)
		}
		if len(w.Countries) < 2*worldPairs {
			w.Countries = append(w.Countries, c)
		} else {
			w.Mediators = append(w.Mediators, c)
		}
	}
	return w
}

// uniqueName joins a random head and tail, avoiding names already used.
func uniqueName(r *rand.Rand, used map[string]bool, heads, tails []string) string {
	var s string
	for range maxNameAttempts {
		s = pick(r, heads) + pick(r, tails)
		if !used[s] {
			break
		}
	}
	used[s] = true
	return s
}

func villageName(r *rand.Rand, used map[string]bool) string {
	s := uniqueName(r, used, villageHeads, villageTails)
	switch r.IntN(5) {
	case 0:
		return pick(r, []string{"Verkhnyaya ", "Nizhnyaya ", "Staraya ", "Novaya "}) + s
	case 1:
		return s + " " + pick(r, []string{"Brod", "Gora", "Pole", "Log"})
	}
	return s
}

// adjective makes "Korvanian" of "Korvania".
func adjective(name string) string {
	if strings.HasSuffix(name, "a") {
		return name + "n"
	}
	return name + "i"
}

func personName(r *rand.Rand) string {
	return pick(r, firstNames) + " " + pick(r, surnameHeads) + pick(r, surnameTails)
}

func westernName(r *rand.Rand) string {
	return pick(r, westFirst) + " " + pick(r, westLast)
}

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

// Event kinds, with their ACLED type and sub-type.
type kind int

const (
	kindRaid kind = iota
	kindShelling
	kindDrone
	kindProtest
	kindExchange
	numKinds
)

// ACLED returns the event type and sub-type of a kind.
func (k kind) ACLED() (string, string) {
	switch k {
	case kindRaid:
		return "Battles", "Armed clash"
	case kindShelling:
		return "Explosions/Remote violence", "Shelling/artillery/missile attack"
	case kindDrone:
		return "Explosions/Remote violence", "Air/drone strike"
	case kindProtest:
		return "Protests", "Peaceful protest"
	default:
		return "Strategic developments", "Agreement"
	}
}

// event is what every article about one event agrees on.
type event struct {
	ID   int
	Kind kind
	Date time.Time
	// Twin is the earlier event this one resembles (same group, same
	// district, another village, about a year earlier), or -1.
	Twin int
	// Atk is the country the fighters come from or that fires; Tgt the
	// country that is hit. For protests Tgt is where people protest.
	Atk, Tgt                      *country
	Mediator                      *country
	Province                      *province
	District                      *district
	Village, Town                 string
	Group, GroupAlt, Abbr         string
	Commander, Callsign           string
	Spokesman, Governor, Official string
	Mayor, Organiser, President   string
	Analyst, Institute, Resident  string
	Minister                      string // of the mediating country
	Killed, Wounded, Claimed      int
	Prisoners, Vehicles, Drones   int
	Crowd, Exchanged              int
	// Details every outlet reports alike, so that they vary between events
	// rather than between the articles about one event.
	Hour, BorderKm, Houses, Minutes      int
	Site, Area, Firefighters, Nth        int
	Families, LastSwap, Held, Population int
	Regions, Fighters, Serious, Age      int
	// Quotes picks, for each speaker of the kind, the one sentence every
	// outlet quotes.
	Quotes [numSpeakers]int
}

// numSpeakers bounds the quoted speakers of one kind of event.
const numSpeakers = 4

var (
	groupForms = [][2]string{ // "%s" is the country name
		{"Legion of Free %s", "Free %s Legion"},
		{"%s Volunteer Corps", "Volunteer Corps of %s"},
		{"Free %s Battalion", "Battalion of Free %s"},
		{"%s Liberation Army", "Army for the Liberation of %s"},
		{"Sons of %s Brigade", "Brigade of the Sons of %s"},
	}
	callsigns  = []string{"Kedr", "Graf", "Volk", "Sever", "Shtorm", "Lis", "Grom", "Ural", "Bars", "Tayga"}
	institutes = []string{"Institute for Border Studies", "Centre for Security Analysis", "Eastern Policy Forum", "Conflict Research Institute"}
)

// eventAt builds event id of world w. Events come in twins when twin is set:
// the odd event repeats the even one's group and district a year later.
func (w *world) eventAt(seed uint64, id int, twinShare float64) event {
	r := rand.New(rand.NewPCG(seed^0x6576656e74, uint64(id))) // "event"
	e := event{ID: id, Twin: -1}
	base := id
	if id%2 == 1 && twinned(seed, id/2, twinShare) {
		e.Twin = id - 1
		base = id - 1
	}
	// The group, countries and district come from the base event so twins share them.
	br := rand.New(rand.NewPCG(seed^0x62617365, uint64(base))) // "base"
	pair := br.IntN(worldPairs)
	e.Atk, e.Tgt = &w.Countries[2*pair], &w.Countries[2*pair+1]
	e.Mediator = &w.Mediators[br.IntN(len(w.Mediators))]
	e.Province = &e.Tgt.Provinces[br.IntN(provincesPer)]
	e.District = &e.Province.Districts[br.IntN(districtsPer)]
	form := pick(br, groupForms)
	e.Group = strings.ReplaceAll(form[0], "%s", e.Atk.Name)
	e.GroupAlt = strings.ReplaceAll(form[1], "%s", e.Atk.Name)
	e.Abbr = initials(e.Group)
	e.Commander = personName(br)
	e.Callsign = pick(br, callsigns)
	e.Kind = kind(br.IntN(int(numKinds)))
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	e.Date = start.AddDate(0, 0, br.IntN(330))
	vi := br.IntN(villagesPer)
	if e.Twin >= 0 {
		e.Kind = kindRaid
		e.Date = e.Date.AddDate(0, 0, 350+r.IntN(30))
		vi = (vi + 1 + r.IntN(villagesPer-1)) % villagesPer
	} else if base%2 == 0 && twinned(seed, base/2, twinShare) {
		e.Kind = kindRaid
	}
	e.Village = e.District.Villages[vi]
	e.Town = e.District.Name
	e.Spokesman = personName(r)
	e.Governor = personName(r)
	e.Official = personName(r)
	e.Mayor = personName(r)
	e.Organiser = personName(r)
	e.President = personName(r)
	e.Analyst = westernName(r)
	e.Institute = pick(r, institutes)
	e.Minister = westernName(r)
	e.Resident = pick(r, firstNames)
	e.Killed = r.IntN(6)
	e.Wounded = e.Killed + 1 + r.IntN(14)
	e.Claimed = 20 + r.IntN(90)
	e.Prisoners = 2 + r.IntN(15)
	e.Vehicles = 1 + r.IntN(9)
	e.Drones = 5 + r.IntN(40)
	e.Crowd = 200 + 50*r.IntN(80)
	e.Exchanged = 10 + 2*r.IntN(60)
	e.Hour = 2 + r.IntN(5)
	e.BorderKm = 2 + r.IntN(11)
	e.Houses = 6 + r.IntN(70)
	e.Minutes = 15 + 5*r.IntN(14)
	e.Site = r.IntN(1 << 16)
	e.Area = 300 + 100*r.IntN(45)
	e.Firefighters = 20 + r.IntN(110)
	e.Nth = 2 + r.IntN(5)
	e.Families = 120 + 10*r.IntN(80)
	e.LastSwap = 30 + 2*r.IntN(45)
	e.Held = 500 + 50*r.IntN(25)
	e.Population = 1200 + 100*r.IntN(80)
	e.Regions = 1 + r.IntN(4)
	e.Fighters = 300 + 50*r.IntN(24)
	e.Serious = 1 + r.IntN(e.Wounded)
	e.Age = 19 + r.IntN(50)
	for k := range e.Quotes {
		e.Quotes[k] = r.IntN(1 << 16)
	}
	return e
}

// twinned says whether event pair p (events 2p and 2p+1) are twins.
func twinned(seed uint64, p int, share float64) bool {
	r := rand.New(rand.NewPCG(seed^0x7477696e, uint64(p))) // "twin"
	return r.Float64() < share
}

// initials makes "LFT" of "Legion of Free Tarvesia".
func initials(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		if w == "of" || w == "the" || w == "for" {
			continue
		}
		b.WriteByte(w[0])
	}
	return b.String()
}

// Transliteration styles: outlets spell names the way their language does.
var translit = []*strings.Replacer{
	nil, // as generated
	strings.NewReplacer("iy", "ii", "ya", "ia", "yu", "iu", "yo", "io", "Yev", "Yev", "Ye", "Ye"),
	strings.NewReplacer("Zh", "Sch", "zh", "sch", "Kh", "Ch", "kh", "ch", "Ts", "Z", "ts", "z", "Y", "J", "y", "j", "V", "W", "v", "w", "sh", "sch"),
	strings.NewReplacer("kh", "h", "Kh", "H", "iy", "i", "yy", "y", "ya", "ja"),
}

// spell writes name in transliteration style t.
func spell(name string, t int) string {
	if t <= 0 || t >= len(translit) {
		return name
	}
	return translit[t].Replace(name)
}
