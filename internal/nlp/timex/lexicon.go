package timex

import (
	"strings"
	"time"
)

// unit is a calendar or clock unit as a duration counts it.
type unit struct {
	code string // TIMEX3 designator: Y M W D H M S
	mult int    // how many code units one of it is (decade = 10 Y)
	time bool   // clock unit: written after T in a duration
	gran string // granularity of "N of it ago": day, week, month, year
}

// lexicon holds one language's words. Rules read only these tables, so a
// language is added by filling a lexicon, not by touching the rules.
type lexicon struct {
	months     map[string]int
	ambiguous  map[string]bool // month names that are also common words
	weekdays   map[string]time.Weekday
	numbers    map[string]int
	tens       map[string]int
	ordinals   map[string]int // first..fourth: quarters and halves
	units      map[string]unit
	plural     map[string]bool // unit words in the plural
	seasons    map[string]string
	parts      map[string]string // parts of the day
	decades    map[string]int    // "nineties" → 9
	monthPreps map[string]bool   // words that make a lone month name a date
	future     map[string]bool   // cues that a sentence speaks of the future
	// willCues and pastCues are the words that set the tense of a clause:
	// modals and words of planning, past forms and "since". Past forms
	// ending in -ed are read by their ending where pastSuffix is set.
	willCues, pastCues map[string]bool
	// modals are the future cues that hold on either side of an
	// expression; words of planning ("planned", "due") only set the tense
	// of what follows them: "planned to leave on Thursday", but "On
	// Friday, they planned a march".
	modals        map[string]bool
	pastSuffix    string
	notPast       map[string]bool // words with the suffix that are no past forms
	notPastSuffix string          // nor are these: "succeed", "proceed"
	// reporting are the verbs of saying that date a report rather than
	// what it reports.
	reporting map[string]bool
	refs      map[string]string // deictic words with a fixed TIMEX3 value
	sets      map[string]string // adverbs of frequency
	zones     map[string]bool
	holidays  map[string]holiday
}

// holiday is a feast on a fixed day, or (day 0) one that on computes.
type holiday struct {
	month, day int
	on         func(y int) time.Time
}

func fixed(m, d int) holiday {
	return holiday{m, d, func(y int) time.Time { return date(y, m, d) }}
}

// nthWeekday is the n-th given weekday of a month (Thanksgiving).
func nthWeekday(m int, wd time.Weekday, n int) holiday {
	return holiday{m, 0, func(y int) time.Time {
		t := date(y, m, 1)
		return t.AddDate(0, 0, (int(wd)-int(t.Weekday())+7)%7+7*(n-1))
	}}
}

// easter is Western Easter Sunday (the anonymous Gregorian computus).
func easter(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	g := (8*b + 13) / 25
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 19*l) / 433
	month := (h + l - 7*m + 90) / 25
	return date(y, month, (h+l-7*m+33*month+19)%32)
}

func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func numbered(groups ...string) map[string]int {
	m := map[string]int{}
	for i, g := range groups {
		for _, w := range strings.Fields(g) {
			m[w] = i + 1
		}
	}
	return m
}

var english = func() *lexicon {
	lx := &lexicon{
		months: numbered("january jan", "february feb", "march mar", "april apr", "may", "june jun",
			"july jul", "august aug", "september sep sept", "october oct", "november nov", "december dec"),
		ambiguous: words("may march august jan mar apr jun jul aug sep oct nov dec"),
		weekdays: map[string]time.Weekday{
			"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
			"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday, "sunday": time.Sunday,
			"mon": time.Monday, "tue": time.Tuesday, "tues": time.Tuesday, "wed": time.Wednesday,
			"thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday, "fri": time.Friday,
			"sat": time.Saturday, "sun": time.Sunday,
		},
		numbers: numbered("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
			"eleven", "twelve dozen", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"),
		ordinals: numbered("first", "second", "third", "fourth"),
		seasons:  map[string]string{"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"},
		parts:    map[string]string{"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"},
		monthPreps: words("in of since until till by last next this early late mid from to through " +
			"during before after between and or around throughout"),
		future: words("will 'll shall next tomorrow scheduled upcoming"),
		willCues: words("will 'll shall would might plan plans planned planning scheduled schedule expected expect " +
			"expects due intend intends intended soon until till tomorrow upcoming forthcoming"),
		modals: words("will 'll shall would might"),
		pastCues: words("was were had did said told since ago yesterday began went came took made held left got " +
			"gave saw fell rose won lost sent spent led fled struck shot ran wrote spoke knew thought brought bought " +
			"sold paid found became broke fought drove flew grew heard kept meant stood met overthrew " +
			"agreed freed guaranteed decreed"),
		pastSuffix:    "ed",
		notPastSuffix: "eed",
		notPast:       words("hundred kindred sacred naked wicked rugged ragged crooked"),
		reporting: words("say said says saying tell told tells announced announce announces reported " +
			"wrote writes stated added adds declared confirmed confirms denied denies claimed " +
			"insisted warned warns predicted predicts noted explained acknowledged testified disclosed revealed " +
			"estimated argued commented replied responded urged conceded complained alleged contended asserted " +
			"indicated informed quoted"),
		refs: map[string]string{
			"now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF", "presently": "PRESENT_REF",
			"recently": "PAST_REF", "lately": "PAST_REF",
		},
		sets: map[string]string{"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
			"yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D"},
		holidays: map[string]holiday{
			"christmas": fixed(12, 25), "christmas day": fixed(12, 25), "christmas eve": fixed(12, 24),
			"new year's day": fixed(1, 1), "new year's eve": fixed(12, 31), "halloween": fixed(10, 31),
			"valentine's day": fixed(2, 14), "independence day": fixed(7, 4),
			"thanksgiving": nthWeekday(11, time.Thursday, 4), "thanksgiving day": nthWeekday(11, time.Thursday, 4),
			"easter": {4, 0, easter},
		},
		zones: words("GMT UTC EST EDT CST CDT MST MDT PST PDT BST CET CEST EET EEST MSK IST JST"),
	}
	lx.tens = map[string]int{"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
		"seventy": 70, "eighty": 80, "ninety": 90}
	lx.decades = map[string]int{"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
		"seventies": 7, "eighties": 8, "nineties": 9}
	lx.units = map[string]unit{}
	lx.plural = map[string]bool{}
	add := func(one, many string, u unit) {
		for _, w := range strings.Fields(one) {
			lx.units[w] = u
		}
		for _, w := range strings.Fields(many) {
			lx.units[w] = u
			lx.plural[w] = true
		}
	}
	add("second sec", "seconds secs", unit{"S", 1, true, "day"})
	add("minute min", "minutes mins", unit{"M", 1, true, "day"})
	add("hour hr", "hours hrs", unit{"H", 1, true, "day"})
	add("day", "days", unit{"D", 1, false, "day"})
	add("week", "weeks", unit{"W", 1, false, "week"})
	add("fortnight", "fortnights", unit{"W", 2, false, "week"})
	add("month", "months", unit{"M", 1, false, "month"})
	add("quarter", "quarters", unit{"Q", 1, false, "quarter"})
	add("year yr", "years yrs", unit{"Y", 1, false, "year"})
	add("decade", "decades", unit{"Y", 10, false, "year"})
	add("century", "centuries", unit{"Y", 100, false, "year"})
	return lx
}()

// neutral serves languages without a lexicon: only numeric dates are read.
var neutral = &lexicon{}

var lexicons = map[string]*lexicon{"en": english}

func lexiconFor(lang string) *lexicon {
	if lx, ok := lexicons[lang]; ok {
		return lx
	}
	return neutral
}
