package timex

import (
	"regexp"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/nlp/text"
)

// The tense of a bare weekday or month is read in its own clause, not the
// sentence: "Talks collapsed on Friday and will resume on Monday" places
// the two days on both sides of the dct. A scan looks left of the
// expression to the clause's start for the nearest tense cue, then right
// when there is none.

// scanLeft and scanRight bound the scans: tense cues further off belong to
// another clause more often than not.
const (
	scanLeft  = 12
	scanRight = 10
)

// stop reports a piece that ends a clause; a comma ends one only for scans
// to the left, since "On Tuesday, the two sides met" puts its verb after it.
func (c *ctx) stop(k int, comma bool) bool {
	p := c.p[k]
	if p.kind == text.OpenQuote || p.kind == text.CloseQuote {
		return true
	}
	if p.kind != text.Punct {
		return false
	}
	if p.low == "," {
		return comma
	}
	return p.low != "'" && p.low != "’" && p.low != "-"
}

// Results of cue besides a tense: present stops a scan with no tense,
// and report marks a verb of saying.
const (
	present = 2
	report  = 3
)

// cue is the tense a word at k marks: +1 future, -1 past, 0 none, or
// present or report.
func (c *ctx) cue(k int) int {
	p := c.p[k]
	// A capital inside a sentence is a name: "United States", "Will".
	if p.kind != text.Word || p.title && k > 0 {
		return 0
	}
	w := p.low
	switch {
	case c.lx.reporting[w] && c.is(k-1, "be", "been", "being", "a", "an", "the"):
		// "will be told on Monday": the auxiliary decides; "an
		// estimated 200,000" is no verb at all.
		return 0
	case c.lx.reporting[w]:
		return report
	case c.lx.willCues[w]:
		if !c.lx.modals[w] && c.is(k-1, "had", "been") {
			return -1 // "it had been due to expire"
		}
		return 1
	case (w == "set" || w == "going") && c.w(k+1) == "to" && c.w(k-1) != "was" && c.w(k-1) != "were":
		return 1
	case (w == "is" || w == "are") && c.w(k+1) == "to":
		return 1
	case w == "is" || w == "are" || w == "am":
		return present
	case c.lx.pastCues[w]:
		return c.participle(k)
	case c.lx.pastSuffix != "" && len(w) > 4 && strings.HasSuffix(w, c.lx.pastSuffix) && !c.lx.notPast[w] &&
		(c.lx.notPastSuffix == "" || !strings.HasSuffix(w, c.lx.notPastSuffix)):
		return c.participle(k)
	}
	return 0
}

// participle discounts a past form that is no finite verb: after a form
// of "be" it is a passive, whose tense is the auxiliary's ("will be held
// on January 20"), and after an article or an adverb an adjective ("on a
// still unspecified date").
func (c *ctx) participle(k int) int {
	if c.is(k-1, "be", "been", "being", "a", "an", "the", "its", "their", "his", "her", "our", "this", "that",
		"these", "those", "still", "very", "so", "newly", "recently", "previously", "long") {
		return 0
	}
	return -1
}

// tense reads the clause around pieces [i, j): +1 when it speaks of the
// future, -1 of the past, 0 when it gives no cue. A verb of saying dates
// the expression only beside it ("said Friday"); further off it stands
// outside the reported clause, whose verb may follow the expression.
func (c *ctx) tense(i, j int) int {
	for k := i - 1; k >= 0 && k >= i-scanLeft; k-- {
		if c.stop(k, true) || c.is(k, "that") {
			break
		}
		if c.is(k, "until", "till") && (k == 0 || c.stop(k-1, true)) {
			break // "Until Thursday, they had not": the main clause decides
		}
		switch t := c.cue(k); t {
		case 0:
			continue
		case present:
			return 0
		case report:
			if k >= i-5 {
				return -1
			}
		default:
			return t
		}
		break
	}
	for k := j; k < len(c.p) && k < j+scanRight; k++ {
		if c.stop(k, false) {
			break
		}
		switch t := c.cue(k); {
		case t == report:
			return -1
		case t == present:
			return 0
		case t == 1 && !c.lx.modals[c.w(k)] && !c.is(k, "is", "are", "set", "going"):
			// "On Friday, they planned", but "On Tuesday, the league
			// plans to hold"; "vacation plans" is no verb.
			if c.lx.pastSuffix != "" && strings.HasSuffix(c.w(k), c.lx.pastSuffix) {
				return -1
			}
			if c.is(k+1, "to") {
				return 1
			}
		case t != 0:
			return t
		}
	}
	return 0
}

// future says whether pieces [i, j) are placed after the dct: by their
// clause's tense, or by the sentence so far when the clause has no cue.
func (c *ctx) future(i, j int) bool {
	switch c.tense(i, j) {
	case 1:
		return true
	case -1:
		return false
	}
	return c.fut
}

// role decides Expr.Role for pieces [i, j): a report time stands in the
// dateline, or beside a reporting verb with nothing between them that
// opens the reported content (a verb of its own, "that", a clause break):
// "said on Thursday", "told reporters Friday", "On Thursday, officials
// said", "Officials now say".
func (c *ctx) role(i, j int) string {
	if c.dateline.End > 0 && c.p[i].span.Start >= c.dateline.Start && c.p[j-1].span.End <= c.dateline.End {
		return RoleReport
	}
	if c.is(j, "'s", "’s") {
		return RoleEvent // "said Tuesday's attack": the date of a thing
	}
	for k, n := i-1, 0; k >= 0 && n <= 4; k, n = k-1, n+1 {
		// A subject pronoun opens the reported clause: "said he now
		// believed".
		if c.stop(k, true) || c.is(k, "that", "he", "she", "they", "it", "we", "i", "you") {
			break
		}
		if t := c.cue(k); t == report {
			return RoleReport
		} else if t != 0 {
			break
		}
	}
	// After the expression, the reporting verb must follow at once or
	// after a comma and a short subject, with the expression opening its
	// clause.
	opens := true
	for k := i - 1; k >= 0; k-- {
		if c.stop(k, true) {
			break
		}
		if !c.is(k, "on", "in", "at", "early", "late", "earlier", "later", "and", "but", "so") {
			opens = false
			break
		}
	}
	for k, n := j, 0; k < len(c.p) && n <= 6; k, n = k+1, n+1 {
		w := c.w(k)
		if c.cue(k) == report {
			if n == 0 || opens {
				return RoleReport
			}
			break
		}
		if w == "," && n == 0 && opens {
			continue
		}
		if c.stop(k, true) || w == "that" || c.cue(k) != 0 {
			break
		}
	}
	return RoleEvent
}

// anchorOf decides Expr.Anchor from what the winning rule read.
func (c *ctx) anchorOf(v val) string {
	switch {
	case c.usedText:
		return AnchorText
	case c.usedDCT:
		return AnchorDCT
	case strings.HasSuffix(v.value, "_REF"):
		return AnchorDCT
	}
	return ""
}

var calendarRe = regexp.MustCompile(`^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T|$)`)

// remember keeps what later expressions anchor to: the last calendar
// date and the last quarter of the dct's year or the one before.
func (c *ctx) remember(e Expr) {
	if e.Type != Date && e.Type != Time {
		return
	}
	if e.Precision == "quarter" && strings.Contains(e.Value, "-Q") && !c.shifted && c.has {
		latest, _ := yearNumber(c.latestQuarter(0)[:4])
		if y, ok := yearNumber(e.Value[:4]); ok && (y == latest || y == c.dct.Year()) {
			c.d.quarter = e.Value
		}
	}
	m := calendarRe.FindStringSubmatch(e.Value)
	if m == nil {
		return
	}
	y, mo, dd := atoi(m[1]), atoi(m[2]), atoi(m[3])
	prec := "year"
	switch {
	case m[3] != "":
		prec = "day"
	case m[2] != "":
		prec, dd = "month", 1
	default:
		mo, dd = 1, 1
	}
	if !validDay(y, mo, dd) {
		return
	}
	c.d.anchor, c.d.anchorAt, c.d.anchorS = date(y, mo, dd), prec, c.d.sent
}

// granRank orders granularities from fine to coarse.
var granRank = map[string]int{"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}

// fromAnchor moves the text's anchor by n of a unit and formats it at
// the anchor's precision: "two days later" after "March 12, 2024" is
// 2024-03-14, "a year earlier" after "Sept. 30, 1989" 1988-09-30. A unit
// finer than the anchor ("a week after" a month) has no such value. With
// atUnit the value is the unit's own ("the following month" is a month).
func (c *ctx) fromAnchor(u unit, n int, atUnit bool) (val, bool) {
	a := c.d.anchorAt
	ur, ok := granRank[u.gran]
	if a == "" || u.time || !ok || ur < granRank[a] {
		return val{}, false
	}
	t := c.d.anchor
	switch u.code {
	case "D":
		t = t.AddDate(0, 0, n*u.mult)
	case "W":
		t = t.AddDate(0, 0, 7*n*u.mult)
	case "M":
		t = t.AddDate(0, n*u.mult, 0)
	case "Q":
		t = t.AddDate(0, 3*n*u.mult, 0)
	case "Y":
		t = t.AddDate(n*u.mult, 0, 0)
	default:
		return val{}, false
	}
	c.usedText = true
	if atUnit {
		a = u.gran
	}
	switch a {
	case "week":
		return val{Date, week(t), "week"}, true
	case "quarter":
		return val{Date, c.quarterName(t), "quarter"}, true
	case "day":
		return val{Date, day(t), "day"}, true
	case "month":
		return val{Date, month(t.Year(), int(t.Month())), "month"}, true
	}
	return val{Date, year(t.Year()), "year"}, true
}

// quarterContext reports whether the sentence or the two before it speak
// of a quarter, where "a year earlier" compares quarter with quarter.
func (c *ctx) quarterContext() bool {
	if c.d.quarterS >= c.d.sent-2 {
		return true
	}
	for _, p := range c.p {
		if p.low == "quarter" || p.low == "quarters" || p.low == "quarterly" {
			return true
		}
	}
	return false
}

// quarterBack is the quarter n years before the one the text is about:
// the last quarter it named, or else the last complete one.
func (c *ctx) quarterBack(n int) string {
	q := c.d.quarter
	if q != "" {
		c.usedText = true
	} else {
		q = c.latestQuarter(0)
		c.usedDCT = true
	}
	if q == "" {
		return ""
	}
	y, _ := yearNumber(q[:4])
	c.shifted = true
	return year(y-n) + q[4:]
}

// weekdayNear is the given weekday within three days of t.
func weekdayNear(t time.Time, wd time.Weekday) time.Time {
	diff := int(wd) - int(t.Weekday())
	if diff > 3 {
		diff -= 7
	} else if diff < -3 {
		diff += 7
	}
	return t.AddDate(0, 0, diff)
}

// ruleAnchored reads expressions that count from a date of the text:
// "the next day", "the following month", "the previous week", "the day
// after", "that day", "that Tuesday", "the same day". Without a date in
// the text they are left to the other rules.
func ruleAnchored(c *ctx, i int) (int, val) {
	if c.d == nil || c.d.anchorAt == "" {
		return 0, val{}
	}
	k, n, same := i, 0, false
	switch {
	case c.is(k, "the") && c.is(k+1, "next", "following", "ensuing", "subsequent"):
		k, n = k+2, 1
	case c.is(k, "the") && c.is(k+1, "previous", "preceding", "prior"):
		k, n = k+2, -1
	case c.is(k, "the") && c.is(k+1, "day") && c.is(k+2, "after", "before") && c.endsClause(k+3):
		n = 1
		if c.is(k+2, "before") {
			n = -1
		}
		if v, ok := c.fromAnchor(c.lx.units["day"], n, false); ok {
			return k + 3, v
		}
		return 0, val{}
	case c.is(k, "that"):
		k, same = k+1, true
		if c.is(k, "same") {
			k++
		}
	case c.is(k, "the") && c.is(k+1, "same"):
		k, same = k+2, true
	default:
		return 0, val{}
	}
	if same {
		if wd, ok := c.weekdayAt(k); ok && c.is(i, "that") {
			if c.d.anchorAt != "day" {
				return 0, val{}
			}
			c.usedText = true
			return c.withPart(k+1, val{Date, day(weekdayNear(c.d.anchor, wd)), "day"})
		}
		if p, ok := c.lx.parts[c.w(k)]; ok && c.is(i, "that") && c.d.anchorAt == "day" {
			c.usedText = true
			return k + 1, val{Time, day(c.d.anchor) + "T" + p, "part"}
		}
	}
	if p, ok := c.lx.parts[c.w(k)]; ok && !same && c.d.anchorAt == "day" {
		// "the next morning" after "March 2": the morning of March 3.
		v, _ := c.fromAnchor(c.lx.units["day"], n, false)
		return k + 1, val{Time, v.value + "T" + p, "part"}
	}
	u, ok := c.lx.units[c.w(k)]
	if !ok || c.lx.plural[c.w(k)] || u.time {
		return 0, val{}
	}
	// "that year" after "March 12, 1988" is 1988, and "the next day" a
	// day: each names its unit.
	v, ok := c.fromAnchor(u, n, true)
	if !ok {
		return 0, val{}
	}
	return k + 1, v
}

// endsClause reports that nothing of the phrase continues at k: "the day
// after" alone, not "the day after the vote".
func (c *ctx) endsClause(k int) bool {
	return k >= len(c.p) || c.stop(k, true) || c.cue(k) != 0
}

func (c *ctx) quarterName(t time.Time) string {
	return year(t.Year()) + "-Q" + string(rune('0'+quarterOf(t)))
}
