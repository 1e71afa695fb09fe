package main

import (
	"math"

	"github.com/sitrep/sitrep/internal/nlp/gazetteer/internal/placefile"
)

// featureList names seas, oceans, gulfs, straits, rivers, mountain ranges
// and regions that news names like places but that no source package
// carries. Points are approximate middles of each feature (for a river,
// of its course; for a region, of the area commonly meant), written by
// hand from general atlas knowledge and rounded to a tenth of a degree or
// so; they are good to a few hundred km, which is all a region's point
// can mean. Country is set for a feature inside one country, so it counts
// as context for that country.
var featureList = []struct {
	name     string
	alt      []string
	country  string
	lat, lon float64
}{
	// Oceans and seas.
	{"Atlantic Ocean", []string{"Atlantic"}, "", 0, -25},
	{"North Atlantic", nil, "", 35, -40},
	{"Pacific Ocean", []string{"Pacific"}, "", 10, -160},
	{"Indian Ocean", nil, "", -15, 75},
	{"Arctic Ocean", []string{"Arctic"}, "", 85, 0},
	{"Southern Ocean", nil, "", -62, 90},
	{"Mediterranean Sea", []string{"Mediterranean"}, "", 35, 18},
	{"Black Sea", nil, "", 43.4, 34.3},
	{"Sea of Azov", []string{"Azov Sea"}, "", 46, 36.5},
	{"Caspian Sea", nil, "", 41.5, 50.5},
	{"Red Sea", nil, "", 20, 38.5},
	{"Baltic Sea", []string{"Baltic"}, "", 57, 19},
	{"North Sea", nil, "", 56, 3},
	{"Norwegian Sea", nil, "", 69, 5},
	{"Barents Sea", nil, "", 74, 40},
	{"Irish Sea", nil, "", 53.7, -5},
	{"Aegean Sea", []string{"Aegean"}, "", 38.5, 25},
	{"Adriatic Sea", []string{"Adriatic"}, "", 43, 15},
	{"Ionian Sea", nil, "", 38, 19},
	{"Arabian Sea", nil, "", 15, 64},
	{"South China Sea", nil, "", 12, 114},
	{"East China Sea", nil, "", 29, 125},
	{"Yellow Sea", nil, "", 35.5, 123},
	{"Sea of Japan", []string{"East Sea"}, "", 40, 135},
	{"Sea of Okhotsk", nil, "", 55, 150},
	{"Bering Sea", nil, "", 58, -178},
	{"Caribbean Sea", []string{"Caribbean"}, "", 15, -75},
	{"Coral Sea", nil, "", -18, 155},
	{"Tasman Sea", nil, "", -40, 160},
	{"Gulf of Mexico", nil, "", 25, -90},
	{"Persian Gulf", []string{"Arabian Gulf", "Gulf"}, "", 26.5, 52},
	{"Gulf of Aden", nil, "", 12.5, 48},
	{"Gulf of Oman", nil, "", 24.5, 58.5},
	{"Gulf of Finland", nil, "", 59.8, 26},
	{"Bay of Bengal", nil, "", 15, 88},
	{"Bay of Biscay", nil, "", 45, -4},
	{"Hudson Bay", nil, "", 60, -86},
	{"English Channel", nil, "", 50.2, -2},
	{"Strait of Hormuz", []string{"Hormuz"}, "", 26.6, 56.4},
	{"Bosphorus", []string{"Bosporus"}, "TR", 41.1, 29.05},
	{"Kerch Strait", nil, "", 45.3, 36.5},
	{"Strait of Gibraltar", nil, "", 35.95, -5.6},
	{"Taiwan Strait", nil, "", 24.5, 119.5},
	{"Suez Canal", nil, "EG", 30.5, 32.35},
	{"Panama Canal", nil, "PA", 9.1, -79.7},
	// Rivers.
	{"Mississippi River", nil, "US", 35, -90},
	{"Missouri River", nil, "US", 41.5, -96},
	{"Ohio River", nil, "US", 38.7, -84.5},
	{"Colorado River", nil, "US", 36, -113},
	{"Rio Grande", nil, "", 29.8, -104.5},
	{"Hudson River", nil, "US", 41.7, -73.95},
	{"Potomac River", []string{"Potomac"}, "US", 38.9, -77.1},
	{"St. Lawrence River", []string{"Saint Lawrence River"}, "CA", 46.8, -71.2},
	{"Amazon River", nil, "BR", -3.2, -60},
	{"Nile", []string{"Nile River", "River Nile"}, "", 26, 32.5},
	{"Thames", []string{"River Thames", "Thames River"}, "GB", 51.5, -0.5},
	{"Danube", []string{"Danube River", "River Danube"}, "", 45, 25},
	{"Rhine", []string{"Rhine River", "River Rhine"}, "", 50, 7.6},
	{"Dnipro", []string{"Dnieper", "Dnipro River", "Dnieper River", "Dniepr"}, "UA", 47.5, 34},
	{"Volga", []string{"Volga River"}, "RU", 50, 46},
	{"Euphrates", []string{"Euphrates River"}, "", 34.5, 40.8},
	{"Tigris", []string{"Tigris River"}, "", 35, 43.4},
	{"Jordan River", nil, "", 32.3, 35.55},
	{"Yangtze", []string{"Yangtze River"}, "CN", 30.5, 111},
	{"Yellow River", nil, "CN", 35, 110},
	{"Ganges", []string{"Ganges River", "Ganga"}, "IN", 25.3, 83},
	{"Indus", []string{"Indus River"}, "PK", 27, 68.5},
	{"Mekong", []string{"Mekong River"}, "", 16, 105},
	{"Kaveri", []string{"Cauvery", "Kaveri River", "Cauvery River"}, "IN", 11.5, 78},
	{"Congo River", nil, "", -1, 18},
	{"Niger River", nil, "", 13, 1},
	// Mountains, peninsulas and islands no admin record covers.
	{"Alps", nil, "", 46.5, 10},
	{"Himalayas", []string{"Himalaya"}, "", 28.5, 84},
	{"Andes", nil, "", -20, -68},
	{"Rocky Mountains", []string{"Rockies"}, "US", 44, -109},
	{"Appalachian Mountains", []string{"Appalachians", "Appalachia"}, "US", 38.5, -80.5},
	{"Ural Mountains", []string{"Urals"}, "RU", 60, 60},
	{"Pyrenees", nil, "", 42.7, 0.7},
	{"Korean Peninsula", nil, "", 37.5, 127.5},
	{"Arabian Peninsula", nil, "", 23, 46},
	{"Iberian Peninsula", []string{"Iberia"}, "", 40, -4},
	{"Balkan Peninsula", []string{"Balkans"}, "", 43, 21},
	{"Sinai Peninsula", []string{"Sinai"}, "EG", 29.5, 33.8},
	{"Crimean Peninsula", nil, "UA", 45.3, 34.4},
	{"Golan Heights", []string{"Golan"}, "", 33, 35.75},
	{"Oahu", []string{"O'ahu"}, "US", 21.47, -157.98},
	// Landmarks news names as places.
	{"White House", nil, "US", 38.8977, -77.0365},
	{"Capitol Hill", []string{"US Capitol", "U.S. Capitol"}, "US", 38.8899, -77.0091},
	{"Pentagon", nil, "US", 38.8719, -77.0563},
	{"Wall Street", nil, "US", 40.7060, -74.0088},
	{"Kremlin", nil, "RU", 55.7520, 37.6175},
	{"Downing Street", nil, "GB", 51.5034, -0.1276},
	{"Heathrow", []string{"Heathrow Airport", "London Heathrow"}, "GB", 51.4700, -0.4543},
	{"Gatwick", []string{"Gatwick Airport"}, "GB", 51.1537, -0.1821},
	// Regions.
	{"Middle East", []string{"Mideast", "Near East"}, "", 29, 42},
	{"North Africa", []string{"Northern Africa"}, "", 27, 10},
	{"West Africa", []string{"Western Africa"}, "", 12, -3},
	{"East Africa", []string{"Eastern Africa"}, "", 0, 36},
	{"Southern Africa", nil, "", -25, 25},
	{"Sub-Saharan Africa", nil, "", 0, 20},
	{"Horn of Africa", nil, "", 8, 45},
	{"Sahel", nil, "", 15, 5},
	{"Sahara", []string{"Sahara Desert"}, "", 23, 13},
	{"Central America", nil, "", 13.5, -86},
	{"Latin America", nil, "", -5, -65},
	{"Southeast Asia", []string{"South-East Asia", "South East Asia"}, "", 10, 110},
	{"South Asia", nil, "", 22, 78},
	{"Central Asia", nil, "", 43, 65},
	{"East Asia", nil, "", 35, 115},
	{"Asia-Pacific", []string{"Asia Pacific"}, "", 10, 120},
	{"Western Europe", nil, "", 48, 5},
	{"Eastern Europe", nil, "", 50, 28},
	{"Central Europe", nil, "", 49, 16},
	{"Northern Europe", nil, "", 60, 15},
	{"Southern Europe", nil, "", 41, 15},
	{"Scandinavia", nil, "", 63, 15},
	{"Caucasus", []string{"Caucasus Mountains", "North Caucasus", "South Caucasus"}, "", 42.5, 44.5},
	{"Siberia", nil, "RU", 60, 100},
	{"Donbas", []string{"Donbass", "Donbas region"}, "UA", 48.2, 38.5},
	{"Kashmir", []string{"Jammu and Kashmir"}, "", 34.5, 76},
	{"Kurdistan", nil, "", 36.5, 44},
	{"Patagonia", nil, "", -45, -69},
	{"Ghouta", []string{"Eastern Ghouta", "East Ghouta"}, "SY", 33.55, 36.4},
	{"Midwest", []string{"Midwestern United States"}, "US", 41.5, -90},
	{"New England", nil, "US", 43.7, -71.5},
	{"Pacific Northwest", nil, "US", 46, -121},
	{"Great Lakes", nil, "", 45.5, -84.5},
	{"West Coast", nil, "US", 40, -121},
	{"East Coast", []string{"Eastern Seaboard"}, "US", 39, -76},
	{"Silicon Valley", nil, "US", 37.4, -122},
	{"Bay Area", []string{"San Francisco Bay Area"}, "US", 37.8, -122.3},
}

// featureDemonyms are adjectives news uses like a demonym for a feature
// ("Kurdish" towns, "Korean" tensions).
var featureDemonyms = map[string][]string{
	"Kurdistan":        {"Kurdish"},
	"Korean Peninsula": {"Korean"},
	"Central America":  {"Central American"},
	"Latin America":    {"Latin American"},
	"Middle East":      {"Middle Eastern"},
	"Balkan Peninsula": {"Balkan"},
	"Caucasus":         {"Caucasian"},
	"Scandinavia":      {"Scandinavian"},
	"Siberia":          {"Siberian"},
}

// featureIDBase starts the synthetic IDs of features.
const featureIDBase = -2_000

func features() []placefile.Record {
	out := make([]placefile.Record, len(featureList))
	for i, f := range featureList {
		out[i] = placefile.Record{
			ID: featureIDBase - i, Kind: placefile.KindFeature, Name: f.name,
			Country: f.country, FeatureCode: "FEAT",
			Lat: int32(math.Round(f.lat * 1e5)), Lon: int32(math.Round(f.lon * 1e5)),
			Alt: f.alt, Demonyms: featureDemonyms[f.name],
		}
	}
	return out
}
