package timex

import (
	"fmt"
	"strconv"
	"time"
)

func day(t time.Time) string { return t.Format("2006-01-02") }

func week(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

func month(y, m int) string { return fmt.Sprintf("%04d-%02d", y, m) }

func year(y int) string { return fmt.Sprintf("%04d", y) }

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// validDay reports a day that exists (no 31 April, 29 February only in
// leap years).
func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	return date(y, m, d).Day() == d
}

// today is the dct's calendar day at midnight UTC, so that day arithmetic
// never crosses a daylight-saving change.
func (c *ctx) today() time.Time {
	c.usedDCT = true
	y, m, d := c.dct.Date()
	return date(y, int(m), d)
}

// rel formats f(dct) when there is a dct, "" otherwise.
func (c *ctx) rel(f func(t time.Time) string) string {
	c.usedDCT = true
	if !c.has {
		return ""
	}
	return f(c.today())
}

// nearestYear picks the year that puts month m (day d, or mid-month for
// 0) nearest the dct for pieces [i, j), counting distance on the side the
// clause's tense turns away from four times ("fiscal year ended Jan. 31"
// in an October article is this January, "expected to join in April" in
// a December one next April, while "extended to Nov. 20" in a November
// one stays this year), and without a cue distance ahead twice in a
// report of the past and distance back twice in one of the future:
// "December 30" in a January article is last year's. A year written
// earlier in the sentence wins unless the clause's tense contradicts it.
func (c *ctx) nearestYear(m, d, i, j int) (int, bool) {
	t := 0
	if c.has {
		t = c.tense(i, j)
	}
	if c.year != 0 {
		dy := c.dct.Year()
		if !c.has || !(t > 0 && c.year < dy || t < 0 && c.year > dy) {
			c.usedText = true
			return c.year, true
		}
	}
	if !c.has {
		return 0, false
	}
	now := c.today()
	ahead, back := time.Duration(2), time.Duration(1)
	switch {
	case t > 0:
		ahead, back = 1, 4
	case t < 0:
		ahead, back = 4, 1
	case c.fut:
		ahead, back = 1, 2
	}
	if d == 0 {
		d = 15
	}
	best, bestDiff := 0, time.Duration(1<<62)
	for y := now.Year() - 1; y <= now.Year()+1; y++ {
		dd := d
		if !validDay(y, m, dd) {
			dd = 28
		}
		diff := date(y, m, dd).Sub(now)
		if diff < 0 {
			diff = -diff * back
		} else {
			diff *= ahead
		}
		if diff < bestDiff {
			best, bestDiff = y, diff
		}
	}
	return best, true
}

// weekdayDate finds the weekday relative to the dct: dir -1 the most
// recent on or before it, +1 the first on or after it; -2 and +2 the same,
// excluding the dct itself ("last Friday", "next Friday").
func (c *ctx) weekdayDate(wd time.Weekday, dir int) time.Time {
	t := c.today()
	diff := int(wd) - int(t.Weekday())
	switch dir {
	case -1, -2:
		if diff > 0 {
			diff -= 7
		}
		if diff == 0 && dir == -2 {
			diff = -7
		}
	default:
		if diff < 0 {
			diff += 7
		}
		if diff == 0 && dir == 2 {
			diff = 7
		}
	}
	return t.AddDate(0, 0, diff)
}

// shift moves the dct by n of a unit and formats it at the unit's
// granularity ("two weeks ago" is a week, "three months ago" a month).
func (c *ctx) shift(u unit, n int) (string, string) {
	c.usedDCT = true
	if !c.has {
		return "", u.gran
	}
	t := c.today()
	n *= u.mult
	switch u.code {
	case "D":
		if !u.time {
			return day(t.AddDate(0, 0, n)), "day"
		}
	case "W":
		return week(t.AddDate(0, 0, 7*n)), "week"
	case "M":
		if !u.time {
			s := t.AddDate(0, n, 1-t.Day())
			return month(s.Year(), int(s.Month())), "month"
		}
	case "Q":
		s := t.AddDate(0, 3*n, 0)
		return c.quarterName(s), "quarter"
	case "Y":
		return year(t.Year() + n), "year"
	}
	// Hours and minutes ago are today, or yesterday for many hours.
	d := 0
	if u.code == "H" && n <= -24 {
		d = n / 24
	}
	return day(t.AddDate(0, 0, d)), "day"
}

// period formats a duration of n units; n < 0 is an unknown count (X).
func period(u unit, n int) string {
	count := "X"
	if n >= 0 {
		count = strconv.Itoa(n * u.mult)
	}
	if u.time {
		return "PT" + count + u.code
	}
	return "P" + count + u.code
}

func quarterOf(t time.Time) int { return (int(t.Month())-1)/3 + 1 }

// latestQuarter is the last complete quarter before the dct: what "the
// quarter" of an earnings report means.
func (c *ctx) latestQuarter(yearShift int) string {
	if !c.has {
		return ""
	}
	t := c.today()
	y, q := t.Year(), quarterOf(t)-1
	if q == 0 {
		y, q = y-1, 4
	}
	return fmt.Sprintf("%04d-Q%d", y+yearShift, q)
}

// seasonYear places a season before (dir -1), at (0) or after (+1) the
// dct; seasons start in March, June, September and December.
func (c *ctx) seasonYear(code string, dir int) int {
	t := c.today()
	start := map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
	y, m := t.Year(), int(t.Month())
	switch {
	case dir < 0 && start >= m:
		return y - 1
	case dir > 0 && start <= m:
		return y + 1
	}
	return y
}

// monthYear places a month before (dir -1), in (0) or after (+1) the
// dct's year, as "last May", "this May" and "next May" mean.
func (c *ctx) monthYear(m, dir int) int {
	t := c.today()
	y, cur := t.Year(), int(t.Month())
	switch {
	case dir < 0 && m >= cur:
		return y - 1
	case dir > 0 && m <= cur:
		return y + 1
	}
	return y
}

func yearNumber(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < 1000 || y > 2199 {
		return 0, false
	}
	return y, true
}
