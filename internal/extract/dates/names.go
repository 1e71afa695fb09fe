package dates

// monthNames maps lower-cased month names and their usual abbreviations to
// month numbers. Languages are kept in separate tables so that adding one
// is a local change; they are merged at start-up.
var monthNames = merge(map[string][]string{
	"en": {"january jan", "february feb", "march mar", "april apr", "may", "june jun",
		"july jul", "august aug", "september sep sept", "october oct", "november nov", "december dec"},
	"de": {"januar jänner jan", "februar feb", "märz maerz mrz", "april apr", "mai", "juni jun",
		"juli jul", "august aug", "september sep", "oktober okt", "november nov", "dezember dez"},
	"fr": {"janvier janv", "février fevrier févr fevr", "mars", "avril avr", "mai", "juin",
		"juillet juil", "août aout", "septembre sept", "octobre oct", "novembre nov", "décembre decembre déc dec"},
	"es": {"enero ene", "febrero feb", "marzo mar", "abril abr", "mayo may", "junio jun",
		"julio jul", "agosto ago", "septiembre setiembre sep sept", "octubre oct", "noviembre nov", "diciembre dic"},
	"it": {"gennaio gen", "febbraio feb", "marzo mar", "aprile apr", "maggio mag", "giugno giu",
		"luglio lug", "agosto ago", "settembre set", "ottobre ott", "novembre nov", "dicembre dic"},
	"pt": {"janeiro jan", "fevereiro fev", "março marco mar", "abril abr", "maio mai", "junho jun",
		"julho jul", "agosto ago", "setembro set", "outubro out", "novembro nov", "dezembro dez"},
	"nl": {"januari jan", "februari feb", "maart mrt", "april apr", "mei", "juni jun",
		"juli jul", "augustus aug", "september sep sept", "oktober okt", "november nov", "december dec"},
})

// wordClasses marks weekday names (only read as a prefix of a date),
// ordinal suffixes, connectors and the East Asian date characters.
var wordClasses = func() map[string]wordClass {
	m := map[string]wordClass{}
	for _, w := range []string{
		"monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "thursday", "thu", "thur", "thurs",
		"friday", "fri", "saturday", "sat", "sunday", "sun",
		"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
		"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
		"lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
	} {
		m[w] = wWeekday
	}
	for _, w := range []string{"st", "nd", "rd", "th", "er", "e"} {
		m[w] = wOrdinal
	}
	for _, w := range []string{"of", "de", "del"} {
		m[w] = wConnector
	}
	m["年"], m["년"] = wCJKYear, wCJKYear
	m["月"], m["월"] = wCJKMonth, wCJKMonth
	m["日"], m["일"] = wCJKDay, wCJKDay
	return m
}()

func merge(langs map[string][]string) map[string]int {
	out := map[string]int{}
	for _, months := range langs {
		for i, names := range months {
			start := 0
			for j := 0; j <= len(names); j++ {
				if j == len(names) || names[j] == ' ' {
					if j > start {
						out[names[start:j]] = i + 1
					}
					start = j + 1
				}
			}
		}
	}
	return out
}

// Month returns the month (1-12) that word names in one of the known
// languages, or 0. Case is ignored for ASCII letters.
func Month(word string) int {
	if len(word) > 12 {
		return 0
	}
	var buf [12]byte
	return monthNames[string(lowerASCII(buf[:0], word))]
}

// IsWeekday reports whether word names a day of the week.
func IsWeekday(word string) bool {
	if len(word) > 12 {
		return false
	}
	var buf [12]byte
	return wordClasses[string(lowerASCII(buf[:0], word))] == wWeekday
}
