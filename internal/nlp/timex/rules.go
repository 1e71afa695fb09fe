package timex

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/sitrep/sitrep/internal/nlp/text"
)

// rules is filled in init: the modifier rule matches the others at its
// head, which a package-level initialiser could not refer to.
var rules []rule

func init() {
	rules = []rule{
		{"iso", ruleISO},
		{"calendar", ruleCalendar},
		{"year", ruleYear},
		{"decade", ruleDecade},
		{"century", ruleCentury},
		{"deictic", ruleDeictic},
		{"weekday", ruleWeekday},
		{"relative", ruleRelative},
		// Before duration, which reads "the following year" as a length
		// of time when there is no date in the text to count from.
		{"anchored", ruleAnchored},
		{"quarter", ruleQuarter},
		{"duration", ruleDuration},
		{"clock", ruleClock},
		{"set", ruleSet},
		{"holiday", ruleHoliday},
		{"dayclock", ruleDayClock},
		{"modifier", ruleModifier},
	}
}

var (
	isoRe     = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)
	slashRe   = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{4})$`)
	dayRe     = regexp.MustCompile(`^(\d{1,2})(st|nd|rd|th)?$`)
	decadeRe  = regexp.MustCompile(`^(\d{3})0s$`)
	shortDec  = regexp.MustCompile(`^(\d)0s$`)
	centuryRe = regexp.MustCompile(`^(\d{1,2})(st|nd|rd|th)$`)
	clockRe   = regexp.MustCompile(`^(\d{1,2})(?::(\d{2}))?(a\.?m|p\.?m)?$`)
)

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// digitFirst gates the regular expressions, which cost more than the
// rest of a rule, to words that could match them.
func digitFirst(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

func ruleISO(c *ctx, i int) (int, val) {
	p := c.p[i]
	if p.kind != text.Number {
		return 0, val{}
	}
	if m := isoRe.FindStringSubmatch(p.low); m != nil {
		y, mo, d := atoi(m[1]), atoi(m[2]), atoi(m[3])
		if validDay(y, mo, d) {
			return i + 1, val{Date, day(date(y, mo, d)), "day"}
		}
	}
	// Slashed dates are month first in English news, day first elsewhere.
	if m := slashRe.FindStringSubmatch(p.low); m != nil {
		a, b, y := atoi(m[1]), atoi(m[2]), atoi(m[3])
		if c.lx != english {
			a, b = b, a
		}
		if validDay(y, a, b) {
			return i + 1, val{Date, day(date(y, a, b)), "day"}
		}
	}
	return 0, val{}
}

// monthAt reads a month name; alone (no day or year beside it) a name
// that is also a common word ("May", "march") needs a preposition or
// modifier before it, and an abbreviation its period.
func (c *ctx) monthAt(i int, alone bool) (int, bool) {
	if i >= len(c.p) {
		return 0, false
	}
	p := c.p[i]
	m, ok := c.lx.months[p.low]
	if !ok || !p.title {
		return 0, false
	}
	if alone {
		if len(p.low) <= 4 && p.low != "may" && p.low != "june" && p.low != "july" && !p.abbr {
			return 0, false
		}
		if c.lx.ambiguous[p.low] && !c.lx.monthPreps[c.w(i-1)] {
			return 0, false
		}
	}
	return m, true
}

func (c *ctx) dayAt(i int) (int, bool) {
	if i >= len(c.p) {
		return 0, false
	}
	if !digitFirst(c.p[i].low) {
		return 0, false
	}
	m := dayRe.FindStringSubmatch(c.p[i].low)
	if m == nil {
		return 0, false
	}
	d := atoi(m[1])
	return d, d >= 1 && d <= 31
}

func (c *ctx) yearAt(i int) (int, bool) {
	if i >= len(c.p) {
		return 0, false
	}
	return yearNumber(c.p[i].low)
}

func (c *ctx) weekdayAt(i int) (time.Weekday, bool) {
	if i >= len(c.p) {
		return 0, false
	}
	p := c.p[i]
	wd, ok := c.lx.weekdays[p.low]
	if !ok || !p.title || (len(p.low) < 6 && !p.abbr) {
		return 0, false
	}
	return wd, true
}

// ruleCalendar reads month-name dates: "March 12", "March 12, 2024",
// "12 March 2024", "the 12th of March", "March 2024", "in May", each
// optionally after a weekday ("Tuesday, March 12").
func ruleCalendar(c *ctx, i int) (int, val) {
	k := i
	if _, ok := c.weekdayAt(k); ok {
		k++
		if c.is(k, ",") {
			k++
		}
	}
	y, m, d, j := 0, 0, 0, 0
	if mo, ok := c.monthAt(k, false); ok {
		m = mo
		if dd, ok := c.dayAt(k + 1); ok && !c.p[k+1].hyph {
			d, j = dd, k+2
			e := j
			if c.is(e, ",") {
				e++
			}
			if yy, ok := c.yearAt(e); ok {
				y, j = yy, e+1
			}
		} else {
			e := k + 1
			if c.is(e, "of") {
				e++
			}
			if yy, ok := c.yearAt(e); ok {
				y, j = yy, e+1
			} else if yy, f, ok := c.wordYear(e); ok {
				y, j = yy, f
			} else if c.is(e, "this", "last", "next") && c.is(e+1, "year") && c.has {
				y, j = c.today().Year()+map[string]int{"this": 0, "last": -1, "next": 1}[c.w(e)], e+2
			} else {
				m = 0 // perhaps a month alone, checked below
			}
		}
	} else {
		e := k
		if c.is(e, "the") {
			e++
		}
		if dd, ok := c.dayAt(e); ok {
			f := e + 1
			if c.is(f, "of") {
				f++
			}
			if mo, ok := c.monthAt(f, false); ok && (f > e+1 || e == k) {
				m, d, j = mo, dd, f+1
				g := j
				if c.is(g, ",") {
					g++
				}
				if yy, ok := c.yearAt(g); ok {
					y, j = yy, g+1
				}
			}
		}
	}
	if m == 0 && k == i {
		if mo, ok := c.monthAt(k, true); ok {
			m, j = mo, k+1
		}
	}
	if m == 0 || (d != 0 && y != 0 && !validDay(y, m, d)) {
		return 0, val{}
	}
	if y == 0 {
		if yy, ok := c.nearestYear(m, d, i, j); ok {
			y = yy
		}
	}
	switch {
	case d != 0 && y == 0:
		return j, val{Date, fmt.Sprintf("XXXX-%02d-%02d", m, d), "day"}
	case d != 0:
		if !validDay(y, m, d) {
			return 0, val{}
		}
		return j, val{Date, day(date(y, m, d)), "day"}
	case y == 0:
		return j, val{Date, fmt.Sprintf("XXXX-%02d", m), "month"}
	}
	return j, val{Date, month(y, m), "month"}
}

var yearPreps = map[string]bool{"in": true, "since": true, "of": true, "by": true, "until": true, "till": true,
	"from": true, "to": true, "during": true, "before": true, "after": true, "early": true, "late": true,
	"mid": true, "between": true, "and": true, "through": true, "around": true, "end": true, "for": true}

var yearDets = map[string]bool{"the": true, "a": true, "an": true, "its": true, "his": true, "her": true,
	"their": true, "our": true, "'s": true, "’s": true, "this": true, "that": true}

var yearFollowers = map[string]bool{"and": true, "to": true, "or": true, "when": true, "as": true, "after": true,
	"before": true, "until": true, "with": true, "the": true, "that": true, "because": true, "but": true,
	"while": true, "in": true, "on": true, "at": true, "through": true}

// ruleYear reads "2023", "fiscal 1989", "the year 2000", "nineteen
// ninety-six". A bare four-digit number is a year only where a count of
// things is unlikely: after a preposition, or not before a lower-case word.
func ruleYear(c *ctx, i int) (int, val) {
	k, prefixed := i, false
	if c.is(k, "fiscal") {
		k, prefixed = k+1, true
		if c.is(k, "year") {
			k++
		}
	} else if c.is(k, "the") && c.is(k+1, "year") {
		k, prefixed = k+2, true
	}
	if y, ok := c.yearAt(k); ok && (c.p[k].kind == text.Number || c.p[k].hyph || !c.p[k].last || prefixed) {
		if !prefixed && (y < 1900 || y > 2100) && !yearPreps[c.w(i-1)] {
			return 0, val{}
		}
		// "the 1987 crash", "a 1996 law": a year before its noun, where a
		// round count ("the 2000 troops") is more likely a number.
		det := yearDets[c.w(i-1)] && y%50 != 0
		if !prefixed && !yearPreps[c.w(i-1)] && !det && k+1 < len(c.p) {
			n := c.p[k+1]
			if n.kind == text.Word && !n.title && !yearFollowers[n.low] {
				return 0, val{}
			}
		}
		return k + 1, val{Date, year(y), "year"}
	}
	if y, j, ok := c.wordYear(k); ok {
		return j, val{Date, year(y), "year"}
	}
	// "the year two thousand": only after "the year", where it is no
	// count of things.
	if prefixed && c.is(k, "two") && c.is(k+1, "thousand") {
		y, j := 2000, k+2
		e := j
		if c.is(e, "and") {
			e++
		}
		if n, ok := c.lx.numbers[c.w(e)]; ok && n < 20 && c.w(e) != "dozen" {
			y, j = y+n, e+1
		}
		return j, val{Date, year(y), "year"}
	}
	return 0, val{}
}

// wordYear reads a year in words, as transcripts write them: "nineteen
// ninety-six".
func (c *ctx) wordYear(k int) (int, int, bool) {
	if hi := c.w(k); (hi == "nineteen" || hi == "eighteen" || hi == "twenty") && k+1 < len(c.p) {
		lo, j, ok := c.tensAt(k + 1)
		if ok && lo >= 10 {
			base := map[string]int{"nineteen": 1900, "eighteen": 1800, "twenty": 2000}[hi]
			return base + lo, j, true
		}
	}
	return 0, 0, false
}

// tensAt reads a number in words from twenty to ninety-nine, or ten to
// nineteen.
func (c *ctx) tensAt(i int) (int, int, bool) {
	if t, ok := c.lx.tens[c.w(i)]; ok {
		if u, ok := c.lx.numbers[c.w(i+1)]; ok && u < 10 && c.p[i+1].hyph {
			return t + u, i + 2, true
		}
		return t, i + 1, true
	}
	if n, ok := c.lx.numbers[c.w(i)]; ok && n >= 10 && c.w(i) != "dozen" {
		return n, i + 1, true
	}
	return 0, 0, false
}

// ruleDecade reads "the 1990s", "the late 1970s", "the nineties", "'90s".
func ruleDecade(c *ctx, i int) (int, val) {
	k, the := i, false
	if c.is(k, "the") {
		k, the = k+1, true
		if c.is(k, "early", "late", "mid") {
			k++
		}
	}
	w := c.w(k)
	if !digitFirst(w) {
		if n, ok := c.lx.decades[w]; ok && the {
			return k + 1, val{Date, fmt.Sprintf("19%d", n), "decade"}
		}
		return 0, val{}
	}
	if m := decadeRe.FindStringSubmatch(w); m != nil {
		return k + 1, val{Date, m[1], "decade"}
	}
	if m := shortDec.FindStringSubmatch(w); m != nil && (the || c.is(k-1, "'", "’", "mid")) {
		return k + 1, val{Date, "19" + m[1], "decade"}
	}
	if n, ok := c.lx.decades[w]; ok && the {
		return k + 1, val{Date, fmt.Sprintf("19%d", n), "decade"}
	}
	return 0, val{}
}

func ruleCentury(c *ctx, i int) (int, val) {
	k := i
	if c.is(k, "the") {
		k++
		if c.is(k, "early", "late", "mid") {
			k++
		}
	}
	if !c.is(k+1, "century") {
		return 0, val{}
	}
	m := centuryRe.FindStringSubmatch(c.w(k))
	if m == nil {
		return 0, val{}
	}
	return k + 2, val{Date, fmt.Sprintf("%02d", atoi(m[1])-1), "century"}
}

// partAt reads a part of the day after a day ("Tuesday night").
func (c *ctx) partAt(i int) (string, bool) {
	p, ok := c.lx.parts[c.w(i)]
	return p, ok
}

// withPart attaches a following part of the day to a day value.
func (c *ctx) withPart(j int, v val) (int, val) {
	if p, ok := c.partAt(j); ok {
		if v.value != "" {
			v.value += "T" + p
		}
		return j + 1, val{Time, v.value, "part"}
	}
	return j, v
}

func ruleDeictic(c *ctx, i int) (int, val) {
	w := c.w(i)
	if ref, ok := c.lx.refs[w]; ok {
		return i + 1, val{Date, ref, ""}
	}
	dayOff := func(n int) string { return c.rel(func(t time.Time) string { return day(t.AddDate(0, 0, n)) }) }
	switch w {
	case "today":
		return c.withPart(i+1, val{Date, dayOff(0), "day"})
	case "yesterday":
		return c.withPart(i+1, val{Date, dayOff(-1), "day"})
	case "tomorrow":
		return c.withPart(i+1, val{Date, dayOff(1), "day"})
	case "tonight":
		return i + 1, val{Time, c.rel(func(t time.Time) string { return day(t) + "TNI" }), "part"}
	case "overnight":
		return i + 1, val{Time, c.rel(func(t time.Time) string { return day(t.AddDate(0, 0, -1)) + "TNI" }), "part"}
	case "at":
		if c.is(i+1, "present") {
			return i + 2, val{Date, "PRESENT_REF", ""}
		}
	case "these":
		if c.is(i+1, "days") {
			return i + 2, val{Date, "PRESENT_REF", ""}
		}
	case "recent":
		// TimeBank reads "recent weeks" as a stretch of unknown length.
		if u, ok := c.lx.units[c.w(i+1)]; ok && c.lx.plural[c.w(i+1)] && !u.time {
			return i + 2, val{Duration, period(u, -1), ""}
		}
	case "the":
		switch {
		case c.is(i+1, "past") && !c.countAhead(i+2):
			return i + 2, val{Date, "PAST_REF", ""}
		case c.is(i+1, "future"):
			return i + 2, val{Date, "FUTURE_REF", ""}
		case c.is(i+1, "day") && c.is(i+2, "before") && c.is(i+3, "yesterday"):
			return i + 4, val{Date, dayOff(-2), "day"}
		case c.is(i+1, "day") && c.is(i+2, "after") && c.is(i+3, "tomorrow"):
			return i + 4, val{Date, dayOff(2), "day"}
		case c.is(i+1, "near", "short") && c.is(i+2, "term", "future"):
			return i + 3, val{Date, "FUTURE_REF", ""}
		}
		// "the year", "the fiscal year", "the full year".
		k := i + 1
		if c.is(k, "fiscal", "full") {
			k++
		}
		switch {
		case !c.is(k, "year") || c.p[k].hyph || !c.p[k].last:
		case c.is(k+1, "ended", "ending", "ends"):
			// "the year ended March 31" is a fiscal year: TimeBank marks
			// "the year" as its length.
			return k + 1, val{Duration, "P1Y", ""}
		case (c.is(i-1, "for", "of") || c.is(i+1, "full")) && !c.is(k+1, "before", "after", "earlier", "ago",
			"'s", "’s", "when", "in", "that", "of", "to"):
			// "For the year, volume was flat", "a high for the year",
			// "the full year": the year of the report.
			return k + 1, val{Date, c.rel(func(t time.Time) string { return year(t.Year()) }), "year"}
		}
	case "current":
		// The adjective alone ("its current position") is the present;
		// "current quarter" and the like are read by their own rules.
		if !c.is(i+1, "account", "accounts", "affairs", "events", "account's") && !c.p[i].title {
			return i + 1, val{Date, "PRESENT_REF", ""}
		}
	case "year":
		// "year-earlier", "year-ago": the same period a year before.
		if c.is(i+1, "earlier", "ago") && c.p[i+1].hyph {
			if c.has && c.quarterContext() {
				if v := c.quarterBack(1); v != "" {
					return i + 2, val{Date, v, "quarter"}
				}
			}
			return i + 2, val{Date, c.rel(func(t time.Time) string { return year(t.Year() - 1) }), "year"}
		}
	}
	return 0, val{}
}

// countAhead reports a count or unit at i, where "the past" begins a
// duration rather than meaning the past.
func (c *ctx) countAhead(i int) bool {
	if _, _, ok := c.num(i, false); ok {
		return true
	}
	_, ok := c.lx.units[c.w(i)]
	return ok
}

func ruleWeekday(c *ctx, i int) (int, val) {
	k, dir := i, 0
	switch c.w(i) {
	case "last", "past", "previous":
		k, dir = k+1, -2
	case "next":
		k, dir = k+1, 2
	case "this", "coming":
		k, dir = k+1, 1
	}
	wd, ok := c.weekdayAt(k)
	if !ok {
		return 0, val{}
	}
	if dir == 0 {
		dir = -1
		if c.future(i, k+1) {
			dir = 1
		}
	}
	v := val{Date, c.rel(func(time.Time) string { return day(c.weekdayDate(wd, dir)) }), "day"}
	return c.withPart(k+1, v)
}

// seasonMid is a month inside each season, for placing it in a year.
var seasonMid = map[string]int{"SP": 4, "SU": 7, "FA": 10, "WI": 12}

// seasonAt reads a season after a preposition: "in the summer", "since
// the early spring", "during winter"; without the preposition "summer"
// is as often a word of other things ("summer camp").
func (c *ctx) seasonAt(i int) (val, int, bool) {
	if !c.is(i-1, "in", "during", "since", "until", "by", "through", "over", "throughout") {
		return val{}, 0, false
	}
	k := i
	if c.is(k, "the") {
		k++
	}
	if c.is(k, "early", "late", "mid") {
		k++
	}
	code, ok := c.lx.seasons[c.w(k)]
	if !ok || c.is(k+1, "of") {
		return val{}, 0, false
	}
	y, ok := c.nearestYear(seasonMid[code], 0, i, k+1)
	if !ok {
		return val{Date, "XXXX-" + code, "season"}, k + 1, true
	}
	return val{Date, fmt.Sprintf("%04d-%s", y, code), "season"}, k + 1, true
}

// ruleRelative reads "this week", "last month", "next year", "this
// weekend", "last spring", "next May", "this morning", "last night",
// "this past summer", and "the weekend".
func ruleRelative(c *ctx, i int) (int, val) {
	k, dir := i, 0
	switch c.w(i) {
	case "this", "current":
		k++
		if c.is(k, "past") {
			k, dir = k+1, -1
		}
		if c.is(k, "fiscal") && c.is(k+1, "year") {
			k++ // "the current fiscal year" is the year of the dct
		}
	case "last", "previous":
		k, dir = k+1, -1
	case "next", "coming":
		k, dir = k+1, 1
	case "early", "late", "mid", "spring", "summer", "fall", "autumn", "winter":
		if v, j, ok := c.seasonAt(i); ok {
			return j, v
		}
		return 0, val{}
	case "the":
		if v, j, ok := c.seasonAt(i); ok {
			return j, v
		}
		if c.is(i+1, "weekend") {
			return i + 2, val{Date, c.rel(func(t time.Time) string {
				back := (int(t.Weekday()) + 6) % 7 // days since Monday
				if c.fut || t.Weekday() == time.Saturday || t.Weekday() == time.Sunday {
					back = 0
				} else {
					back += 7
				}
				return week(t.AddDate(0, 0, -back)) + "-WE"
			}), "week"}
		}
		return 0, val{}
	default:
		return 0, val{}
	}
	w := c.w(k)
	if k >= len(c.p) {
		return 0, val{}
	}
	if m, ok := c.lx.months[w]; ok && c.p[k].title {
		return k + 1, val{Date, c.rel(func(time.Time) string { return month(c.monthYear(m, dir), m) }), "month"}
	}
	if s, ok := c.lx.seasons[w]; ok {
		return k + 1, val{Date, c.rel(func(time.Time) string { return fmt.Sprintf("%04d-%s", c.seasonYear(s, dir), s) }), "season"}
	}
	if p, ok := c.lx.parts[w]; ok && c.w(i) != "current" {
		if dir > 0 {
			return 0, val{}
		}
		// "last night" is the night before the dct; "this morning" the dct's.
		return k + 1, val{Time, c.rel(func(t time.Time) string {
			return day(t.AddDate(0, 0, min(dir, 0))) + "T" + p
		}), "part"}
	}
	switch w {
	case "week":
		return k + 1, val{Date, c.rel(func(t time.Time) string { return week(t.AddDate(0, 0, 7*dir)) }), "week"}
	case "weekend":
		return k + 1, val{Date, c.rel(func(t time.Time) string { return week(t.AddDate(0, 0, 7*dir)) + "-WE" }), "week"}
	case "month":
		return k + 1, val{Date, c.rel(func(t time.Time) string {
			s := t.AddDate(0, dir, 1-t.Day())
			return month(s.Year(), int(s.Month()))
		}), "month"}
	case "year":
		if c.is(k+1, "'s", "’s") {
			return 0, val{}
		}
		return k + 1, val{Date, c.rel(func(t time.Time) string { return year(t.Year() + dir) }), "year"}
	case "decade":
		return k + 1, val{Date, c.rel(func(t time.Time) string { return fmt.Sprintf("%03d", t.Year()/10+dir) }), "decade"}
	}
	return 0, val{}
}

// num reads a count: digits, words ("twenty four", "twenty-four"), "a
// couple of", or an unknown count ("several", "a few") as -1. allowA lets
// "a"/"an" count as one.
func (c *ctx) num(i int, allowA bool) (int, int, bool) {
	if i >= len(c.p) {
		return 0, 0, false
	}
	w := c.w(i)
	if w != "" && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsDigit(r) && r != ',' }) < 0 && w[0] != ',' {
		n, err := strconv.Atoi(strings.ReplaceAll(w, ",", ""))
		if err != nil || n > 100000 {
			return 0, 0, false
		}
		return n, i + 1, true
	}
	switch w {
	case "a", "an":
		switch {
		case c.is(i+1, "couple") && c.is(i+2, "of"):
			return 2, i + 3, true
		case c.is(i+1, "few"):
			return -1, i + 2, true
		case c.is(i+1, "dozen"):
			return 12, i + 2, true
		case allowA:
			return 1, i + 1, true
		}
		return 0, 0, false
	case "several", "few", "many":
		return -1, i + 1, true
	case "some":
		if n, j, ok := c.num(i+1, false); ok {
			return n, j, true
		}
		return -1, i + 1, true
	}
	if n, j, ok := c.tensAt(i); ok {
		if c.is(j, "hundred") {
			return n * 100, j + 1, true
		}
		if t, ok := c.lx.tens[w]; ok && j == i+1 {
			if u, ok := c.lx.numbers[c.w(j)]; ok && u < 10 {
				return t + u, j + 1, true
			}
		}
		return n, j, true
	}
	if n, ok := c.lx.numbers[w]; ok && w != "dozen" {
		if c.is(i+1, "hundred") {
			return n * 100, i + 2, true
		}
		return n, i + 1, true
	}
	return 0, 0, false
}

// approx are the hedges kept in a duration's extent; TimeBank leaves most
// others ("about", "over", "just") outside it.
var approx = map[string]bool{"nearly": true, "roughly": true, "approximately": true}

// approxAt reads hedges that TimeML keeps in a duration's extent ("nearly",
// "more than", "up to", "at least").
func (c *ctx) approxAt(i int) int {
	for {
		switch {
		case approx[c.w(i)]:
			i++
		case c.is(i, "more", "less", "fewer") && c.is(i+1, "than"):
			i += 2
		case c.is(i, "up") && c.is(i+1, "to"), c.is(i, "at") && c.is(i+1, "least", "most"):
			i += 2
		default:
			return i
		}
	}
}

// ruleDuration reads counts of units ("three days", "the past two
// years", "nearly forty years", "a two-year", "24-hour") and, with "ago",
// "earlier", "later" or "from now", the date they lead to.
func ruleDuration(c *ctx, i int) (int, val) {
	k, span := i, false
	if c.is(k, "the") {
		k++
		if c.is(k, "past", "last", "next", "first", "coming", "previous", "following", "final", "latest") {
			k, span = k+1, true
		} else if _, _, ok := c.num(k, false); !ok {
			return 0, val{}
		}
	}
	k = c.approxAt(k)
	n, j, ok := c.num(k, true)
	if !ok {
		// "the past year", "for years", "months ago".
		u, isUnit := c.lx.units[c.w(k)]
		switch {
		case !isUnit:
			return 0, val{}
		case span && !c.lx.plural[c.w(k)] && c.is(i+1, "past", "last") && u.code == "Y" && u.mult == 1:
			// TimeBank reads "the past year" as the calendar year before.
			return k + 1, val{Date, c.rel(func(t time.Time) string { return year(t.Year() - 1) }), "year"}
		case span && !c.lx.plural[c.w(k)]:
			return k + 1, val{Duration, period(u, 1), ""}
		case span:
			return k + 1, val{Duration, period(u, -1), ""}
		case c.lx.plural[c.w(k)] && c.is(k+1, "ago"):
			return k + 2, val{Date, "PAST_REF", ""}
		case c.lx.plural[c.w(k)] && c.is(i-1, "for") && k == i:
			return k + 1, val{Duration, period(u, -1), ""}
		}
		return 0, val{}
	}
	isA := c.is(k, "a", "an") && j == k+1
	uw := c.w(j)
	u, isUnit := c.lx.units[uw]
	if !isUnit || (isA && (c.lx.plural[uw] || uw == "second" || uw == "sec")) {
		return 0, val{}
	}
	if uw == "quarters" && c.p[j].hyph {
		return 0, val{} // "three-quarters" is a fraction
	}
	if uw == "second" && !c.p[j].hyph && n == 2 {
		return 0, val{} // "second quarter" and the like are ordinals
	}
	j++
	if !span {
		switch {
		case c.is(j, "ago", "earlier", "later") && !c.p[j].hyph:
			later := c.is(j, "later")
			// Earnings reports compare a quarter with the same quarter
			// a year before: "a year earlier" is that quarter.
			if n > 0 && u.code == "Y" && !later && c.quarterContext() {
				if v := c.quarterBack(n * u.mult); v != "" {
					return j + 1, val{Date, v, "quarter"}
				}
			}
			// "Earlier" and "later" count from the story's last date,
			// "ago" from the dct; "earlier" only from a date close by.
			// With no date to count from, "N days later" stays a
			// duration: it counts from an event of the story.
			if n >= 0 && !c.is(j, "ago") && (later || c.d.anchorS >= c.d.sent-1) {
				sign := -1
				if later {
					sign = 1
				}
				if v, ok := c.fromAnchor(u, sign*n, false); ok {
					return j + 1, v
				}
			}
			if later {
				break
			}
			if n < 0 {
				return j + 1, val{Date, "PAST_REF", ""}
			}
			v, g := c.shift(u, -n)
			return j + 1, val{Date, v, g}
		case c.is(j, "from") && c.is(j+1, "now"), c.is(j, "hence"):
			e := j + 1
			if c.is(j, "from") {
				e++
			}
			if n < 0 {
				return e, val{Date, "FUTURE_REF", ""}
			}
			v, g := c.shift(u, n)
			return e, val{Date, v, g}
		}
	}
	// "twice a day", "$5 a year": a rate, not a length of time.
	if isA && k == i && (c.is(i-1, "times", "once", "twice", "per") || (i > 0 && c.p[i-1].kind == text.Number)) {
		return j, val{Set, period(u, 1), ""}
	}
	return j, val{Duration, period(u, n), ""}
}

// ruleQuarter reads fiscal quarters and halves: "the third quarter",
// "third-quarter", "Q3 2024", "the first quarter of 2024", "the year-ago
// quarter", "this year's second quarter", "the latest quarter", "the
// first half".
func ruleQuarter(c *ctx, i int) (int, val) {
	k, det, shift, yr := i, false, 0, 0
	if c.is(k, "this", "last", "next") && c.is(k+1, "year") && c.is(k+2, "'s", "’s") {
		shift = map[string]int{"this": 0, "last": -1, "next": 1}[c.w(k)]
		k, det = k+3, true
	} else if c.is(k, "the", "this", "that") {
		k, det = k+1, true
	}
	latest := false
	for {
		switch {
		case c.is(k, "year") && c.is(k+1, "ago", "earlier") && c.p[k+1].hyph:
			shift, latest, k = -1, true, k+2
			continue
		case c.is(k, "latest", "recent", "current", "comparable", "same", "fiscal", "just", "ended", "completed"):
			latest = latest || !c.is(k, "fiscal")
			k++
			continue
		case c.is(k, "most") && c.is(k+1, "recent"):
			latest, k = true, k+2
			continue
		}
		if y, ok := c.yearAt(k); ok && det && yr == 0 {
			yr, k = y, k+1
			continue
		}
		break
	}
	ord, half := 0, false
	if o, ok := c.lx.ordinals[c.w(k)]; ok {
		ord, k = o, k+1
	} else if c.is(k, "last") && c.is(k+1, "half") && det {
		ord, k = 2, k+1
	} else if w := c.w(k); len(w) == 2 && w[0] == 'q' && w[1] >= '1' && w[1] <= '4' {
		// "Q3", "Q3 2024": only capitalised, a q alone is no quarter.
		if !c.p[k].title {
			return 0, val{}
		}
		ord, k = int(w[1]-'0'), k+1
		if y, ok := c.yearAt(k); ok {
			yr, k = y, k+1
		}
		return c.quarterVal(k, ord, yr, shift, false)
	}
	switch {
	case c.is(k, "quarter"):
		// "the third-quarter results": the article goes with the noun,
		// not with the compound adjective.
		if c.p[k].hyph && det && i < k-1 && shift == 0 && yr == 0 && !latest {
			return 0, val{}
		}
	case c.is(k, "half") && ord > 0 && ord <= 2:
		half = true
	case c.is(k, "period") && ord == 0 && det && (yr != 0 || shift != 0 || latest):
		// "the 1988 period", "the year-ago period", "the latest period":
		// an earnings report's quarters.
	default:
		return 0, val{}
	}
	k++
	if ord == 0 && !det && !latest {
		return 0, val{}
	}
	if c.is(k, "of") {
		if y, ok := c.yearAt(k + 1); ok {
			yr, k = y, k+2
		} else if c.is(k+1, "this", "last", "next") && c.is(k+2, "year") {
			shift, k = map[string]int{"this": 0, "last": -1, "next": 1}[c.w(k+1)], k+3
		}
	}
	// A quarter moved back from the story's ("the year-ago quarter")
	// must not become the one later comparisons count from.
	c.shifted = c.shifted || shift != 0
	if ord == 0 {
		v := c.latestQuarter(shift)
		if yr != 0 && v != "" {
			v = year(yr) + v[4:]
		}
		return k, val{Date, v, "quarter"}
	}
	return c.quarterVal(k, ord, yr, shift, half)
}

func (c *ctx) quarterVal(j, ord, yr, shift int, half bool) (int, val) {
	// A half year has no precision of its own: like a quarter it is a
	// fiscal period, and is reported as one.
	letter, prec := "Q", "quarter"
	if half {
		letter = "H"
	}
	switch {
	case yr != 0:
		return j, val{Date, fmt.Sprintf("%04d-%s%d", yr, letter, ord), prec}
	case c.has:
		y := c.today().Year() + shift
		cur := quarterOf(c.today())
		if half {
			cur = (cur + 1) / 2
		}
		// Early in a year, "the fourth quarter" is last year's: results
		// are reported after a quarter ends.
		if shift == 0 && ord > cur && !c.fut {
			y--
		}
		return j, val{Date, fmt.Sprintf("%04d-%s%d", y, letter, ord), prec}
	}
	return j, val{Date, fmt.Sprintf("XXXX-%s%d", letter, ord), prec}
}

var clockPreps = map[string]bool{"at": true, "by": true, "until": true, "till": true, "from": true,
	"before": true, "after": true, "around": true, "about": true, "to": true, "since": true}

// ruleClock reads clock times: "3 p.m.", "10:30am", "noon", "around 7:15
// p.m. EST", "5 p.m. Wednesday", "midnight Friday".
func ruleClock(c *ctx, i int) (int, val) {
	k := i
	if c.is(k, "around", "about", "approximately") {
		k++
	}
	hh, mm, j := -1, -1, 0
	switch c.w(k) {
	case "noon", "midday":
		hh, mm, j = 12, 0, k+1
	case "midnight":
		hh, j = 24, k+1
	default:
		if !digitFirst(c.w(k)) {
			return 0, val{}
		}
		m := clockRe.FindStringSubmatch(c.w(k))
		if m == nil {
			return 0, val{}
		}
		h, mi := atoi(m[1]), atoi(m[2])
		suffix := m[3]
		j = k + 1
		if suffix == "" && c.is(j, "a.m", "p.m", "am", "pm") {
			suffix, j = c.w(j), j+1
		}
		switch {
		case suffix != "":
			if h < 1 || h > 12 || mi > 59 {
				return 0, val{}
			}
			if strings.HasPrefix(suffix, "p") && h != 12 {
				h += 12
			} else if strings.HasPrefix(suffix, "a") && h == 12 {
				h = 0
			}
		case m[2] != "" && h <= 23 && mi <= 59 && (clockPreps[c.w(k-1)] || c.zoneAt(j) > j):
		default:
			return 0, val{}
		}
		hh = h
		if m[2] != "" {
			mm = mi
		}
	}
	j = c.zoneAt(j)
	dayVal := ""
	e := j
	if c.is(e, ",") {
		e++
	}
	if c.dep < 2 {
		c.dep++
		for _, f := range []func(*ctx, int) (int, val){ruleWeekday, ruleDeictic, ruleCalendar} {
			if e >= len(c.p) {
				break
			}
			if end, v := f(c, e); end > e && v.prec == "day" && v.typ == Date {
				dayVal, j = v.value, end
				break
			}
		}
		c.dep--
	}
	if dayVal == "" {
		dayVal = c.rel(day)
	}
	if dayVal == "" {
		dayVal = "XXXX-XX-XX"
	}
	// TimeBank writes the minutes of a whole hour ("5 p.m." is T17:00),
	// but midnight as T24.
	clock := fmt.Sprintf("T%02d", hh)
	if mm >= 0 {
		clock += fmt.Sprintf(":%02d", mm)
	} else if hh != 24 {
		clock += ":00"
	}
	return j, val{Time, dayVal + clock, "time"}
}

// zoneAt skips a time zone ("GMT", "local time") at i.
func (c *ctx) zoneAt(i int) int {
	if i < len(c.p) && c.lx.zones[c.p[i].raw] {
		return i + 1
	}
	if c.is(i, "local") && c.is(i+1, "time") {
		return i + 2
	}
	return i
}

// ruleSet reads frequencies: "daily", "every week", "each Tuesday",
// "every other month".
func ruleSet(c *ctx, i int) (int, val) {
	if v, ok := c.lx.sets[c.w(i)]; ok {
		return i + 1, val{Set, v, ""}
	}
	// "on Tuesdays", "Tuesday nights": a weekday in the plural recurs.
	if w := c.w(i); strings.HasSuffix(w, "s") && c.p[i].title {
		if wd, ok := c.lx.weekdays[strings.TrimSuffix(w, "s")]; ok && len(w) > 6 {
			return i + 1, val{Set, fmt.Sprintf("XXXX-WXX-%d", (int(wd)+6)%7+1), ""}
		}
	}
	if wd, ok := c.weekdayAt(i); ok && strings.HasSuffix(c.w(i+1), "s") {
		if p, ok := c.lx.parts[strings.TrimSuffix(c.w(i+1), "s")]; ok {
			return i + 2, val{Set, fmt.Sprintf("XXXX-WXX-%dT%s", (int(wd)+6)%7+1, p), ""}
		}
	}
	if !c.is(i, "every", "each") {
		return 0, val{}
	}
	k, n := i+1, 1
	if c.is(k, "other") {
		k, n = k+1, 2
	}
	w := c.w(k)
	if u, ok := c.lx.units[w]; ok && !c.lx.plural[w] {
		return k + 1, val{Set, period(u, n), ""}
	}
	if wd, ok := c.weekdayAt(k); ok {
		return k + 1, val{Set, fmt.Sprintf("XXXX-WXX-%d", (int(wd)+6)%7+1), ""}
	}
	if p, ok := c.lx.parts[w]; ok {
		return k + 1, val{Set, "XXXX-XX-XXT" + p, ""}
	}
	if m, ok := c.lx.months[w]; ok && c.p[k].title {
		return k + 1, val{Set, fmt.Sprintf("XXXX-%02d", m), ""}
	}
	return 0, val{}
}

// ruleModifier reads a date after a modifier that narrows it without
// moving it: "early March", "mid-July", "late 2023", "earlier this year",
// "the end of May". TIMEX3 keeps such a date's value and marks the part
// in an attribute this package does not report.
func ruleModifier(c *ctx, i int) (int, val) {
	k := i
	switch {
	case c.is(k, "early", "late", "mid"):
		k++
	case c.is(k, "earlier", "later"):
		// "earlier this year", "later today", "earlier Monday": a
		// weekday keeps its own reading ("earlier Monday" in a Friday
		// report is this week's).
		_, wd := c.weekdayAt(k + 1)
		if !wd && !c.is(k+1, "this", "today", "tonight", "next", "last", "yesterday", "tomorrow") {
			return 0, val{}
		}
		k++
	case c.is(k, "the") && c.is(k+1, "end", "beginning", "start", "middle", "turn", "close") && c.is(k+2, "of"):
		k += 3
	default:
		return 0, val{}
	}
	if k >= len(c.p) || c.dep >= 2 {
		return 0, val{}
	}
	c.dep++
	defer func() { c.dep-- }()
	dct, txt, sh := c.usedDCT, c.usedText, c.shifted
	var b match
	for _, r := range rules {
		j, v := r.fn(c, k)
		if j > b.end && c.p[j-1].last && (v.typ == Date || v.typ == Time) {
			b = match{end: j, v: v, fn: r.fn}
		}
	}
	if b.end <= k {
		return 0, val{}
	}
	// Only the winner's anchoring counts, not the rules it beat.
	c.usedDCT, c.usedText, c.shifted = false, false, false
	b.fn(c, k)
	c.usedDCT, c.usedText, c.shifted = dct || c.usedDCT, txt || c.usedText, sh || c.shifted
	return b.end, b.v
}

// ruleDayClock reads a day and the time on it: "yesterday at 3 p.m.",
// "Tuesday at noon".
func ruleDayClock(c *ctx, i int) (int, val) {
	at := false
	for k := i + 1; k < min(i+8, len(c.p)); k++ {
		at = at || c.p[k].low == "at"
	}
	if !at || c.dep >= 2 {
		return 0, val{}
	}
	c.dep++
	defer func() { c.dep-- }()
	for _, f := range []func(*ctx, int) (int, val){ruleWeekday, ruleDeictic, ruleCalendar} {
		j, v := f(c, i)
		if j <= i || v.typ != Date || v.prec != "day" || !c.is(j, "at") {
			continue
		}
		e, t := ruleClock(c, j+1)
		if e <= j+1 {
			continue
		}
		day := v.value
		if day == "" {
			day = "XXXX-XX-XX"
		}
		return e, val{Time, day + t.value[strings.Index(t.value, "T"):], "time"}
	}
	return 0, val{}
}

// ruleHoliday reads fixed and movable feasts that news dates by.
func ruleHoliday(c *ctx, i int) (int, val) {
	if i >= len(c.p) || !c.p[i].title {
		return 0, val{}
	}
	name, k := c.w(i), i+1
	if name == "new" && c.is(k, "year") {
		name, k = "new year", k+1
	}
	if c.is(k, "'s", "’s") {
		name, k = name+"'s", k+1
	}
	if c.is(k, "day", "eve") {
		name, k = name+" "+c.w(k), k+1
	}
	h, ok := c.lx.holidays[name]
	if !ok {
		return 0, val{}
	}
	y, ok := c.nearestYear(h.month, max(h.day, 1), i, k)
	if !ok {
		if h.day == 0 {
			return k, val{Date, "", "day"}
		}
		return k, val{Date, fmt.Sprintf("XXXX-%02d-%02d", h.month, h.day), "day"}
	}
	return k, val{Date, day(h.on(y)), "day"}
}
