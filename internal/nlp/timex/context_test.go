package timex

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/nlp/text"
)

// friday is the dct of the examples: Friday 15 March 2024.
var friday = time.Date(2024, 3, 15, 8, 0, 0, 0, time.UTC)

// expect is one expression with the fields these tests check; an empty
// role or anchor is not checked, "-" checks for "".
type expect struct{ text, typ, value, role, anchor string }

func checkFull(t *testing.T, s string, at time.Time, wants []expect) {
	t.Helper()
	got := Find(text.Analyze(s, "en"), at)
	if len(got) != len(wants) {
		var g []string
		for _, e := range got {
			g = append(g, e.Text+"|"+e.Value)
		}
		t.Errorf("%q: found %v, want %d expressions", s, g, len(wants))
		return
	}
	for i, w := range wants {
		e := got[i]
		if e.Text != w.text || e.Type != w.typ || e.Value != w.value {
			t.Errorf("%q: found %q %s %s, want %q %s %s", s, e.Text, e.Type, e.Value, w.text, w.typ, w.value)
		}
		if w.role != "" && e.Role != w.role {
			t.Errorf("%q: %q role %q, want %q", s, e.Text, e.Role, w.role)
		}
		if a := strings.TrimPrefix(w.anchor, "-"); w.anchor != "" && e.Anchor != a {
			t.Errorf("%q: %q anchor %q, want %q", s, e.Text, e.Anchor, a)
		}
	}
}

func TestRelativeToFriday(t *testing.T) {
	cases := []struct {
		s     string
		wants []expect
	}{
		// Weekdays take the clause's tense.
		{"The minister resigned on Tuesday.", []expect{{"Tuesday", Date, "2024-03-12", "", AnchorDCT}}},
		{"The minister resigned last Tuesday.", []expect{{"last Tuesday", Date, "2024-03-12", "", AnchorDCT}}},
		{"The minister resigns next Tuesday.", []expect{{"next Tuesday", Date, "2024-03-19", "", AnchorDCT}}},
		{"Shelling resumed earlier Monday.", []expect{{"earlier Monday", Date, "2024-03-11", "", AnchorDCT}}},
		{"Talks collapsed on Monday and will resume on Thursday.", []expect{
			{"Monday", Date, "2024-03-11", "", ""}, {"Thursday", Date, "2024-03-21", "", ""}}},
		{"The envoy is scheduled to arrive on Monday.", []expect{{"Monday", Date, "2024-03-18", "", ""}}},
		{"On Wednesday, the rebels planned a march.", []expect{{"Wednesday", Date, "2024-03-13", "", ""}}},
		{"On Wednesday, the league plans to hold a vote.", []expect{{"Wednesday", Date, "2024-03-20", "", ""}}},
		{"The two sides were planning to meet on Monday.", []expect{{"Monday", Date, "2024-03-18", "", ""}}},
		{"The ministers will be told on Monday.", []expect{{"Monday", Date, "2024-03-18", "", ""}}},
		{"The blast hit a hotel next to the embassy on Tuesday.", []expect{{"Tuesday", Date, "2024-03-12", "", ""}}},
		// Weeks, months and years.
		{"Prices jumped this week.", []expect{{"this week", Date, "2024-W11", "", AnchorDCT}}},
		{"The port reopened last year.", []expect{{"last year", Date, "2023", "", AnchorDCT}}},
		{"The mine flooded in August of last year.", []expect{{"August of last year", Date, "2023-08", "", AnchorDCT}}},
		{"The mine flooded a year ago.", []expect{{"a year ago", Date, "2023", "", AnchorDCT}}},
		{"The mine flooded two weeks earlier.", []expect{{"two weeks earlier", Date, "2024-W09", "", AnchorDCT}}},
		{"Output fell over the past year.", []expect{{"the past year", Date, "2023", "", AnchorDCT}}},
		// A month without a year: the nearest past one, unless the
		// clause speaks of the future.
		{"The talks collapsed in December.", []expect{{"December", Date, "2023-12", "", AnchorDCT}}},
		{"Elections will be held in December.", []expect{{"December", Date, "2024-12", "", AnchorDCT}}},
		{"Its fiscal year ended Jan. 31.", []expect{{"Jan. 31", Date, "2024-01-31", "", AnchorDCT}}},
		{"The offer was extended to March 29.", []expect{{"March 29", Date, "2024-03-29", "", AnchorDCT}}},
		{"The dividend is payable Dec. 15.", []expect{{"Dec. 15", Date, "2023-12-15", "", AnchorDCT}}},
		{"Troops have been deployed since the summer.", []expect{{"the summer", Date, "2023-SU", "", AnchorDCT}}},
		{"The plan was signed in 2019, and the army will withdraw on June 1.", []expect{
			{"2019", Date, "2019", "", "-"}, {"June 1", Date, "2024-06-01", "", AnchorDCT}}},
		// Stretches of time and the present.
		{"Hundreds fled in the past few days.", []expect{{"the past few days", Duration, "PXD", "", "-"}}},
		{"Aid convoys were stopped in recent weeks.", []expect{{"recent weeks", Duration, "PXW", "", "-"}}},
		{"The town is now quiet, and shops are currently shut.", []expect{
			{"now", Date, "PRESENT_REF", "", AnchorDCT}, {"currently", Date, "PRESENT_REF", "", AnchorDCT}}},
		{"Its current chief took over in 2020.", []expect{{"current", Date, "PRESENT_REF", "", AnchorDCT}, {"2020", Date, "2020", "", ""}}},
		{"The current account deficit widened.", nil},
		{"Rates will stay high by the year two thousand and five.", []expect{{"the year two thousand and five", Date, "2005", "", "-"}}},
	}
	for _, c := range cases {
		checkFull(t, c.s, friday, c.wants)
	}
}

func TestQuarters(t *testing.T) {
	cases := []struct {
		s     string
		wants []expect
	}{
		{"Net income rose in the fourth quarter. A year earlier, the company lost money.", []expect{
			{"the fourth quarter", Date, "2023-Q4", "", AnchorDCT}, {"A year earlier", Date, "2022-Q4", "", AnchorText}}},
		{"Quarterly sales fell to $3 million from $4 million a year ago.", []expect{
			{"a year ago", Date, "2022-Q4", "", AnchorDCT}}},
		{"Sales rose in the quarter, to $3 million from $2 million a year ago.", []expect{
			{"the quarter", Date, "2023-Q4", "", AnchorDCT}, {"a year ago", Date, "2022-Q4", "", AnchorText}}},
		{"Third-quarter profit doubled, while year-earlier profit was flat.", []expect{
			{"Third-quarter", Date, "2023-Q3", "", ""}, {"year-earlier", Date, "2022-Q3", "", AnchorText}}},
		{"The firm had revenue of $7 million for the year ended June 30.", []expect{
			{"the year", Duration, "P1Y", "", "-"}, {"June 30", Date, "2023-06-30", "", ""}}},
		{"The shares hit a high for the year, then fell.", []expect{{"the year", Date, "2024", "", AnchorDCT}}},
		{"The fiscal year ended Jan. 31.", []expect{
			{"The fiscal year", Duration, "P1Y", "", "-"}, {"Jan. 31", Date, "2024-01-31", "", AnchorDCT}}},
		{"The full year will be weaker, but the near term looks fine.", []expect{
			{"The full year", Date, "2024", "", AnchorDCT}, {"the near term", Date, "FUTURE_REF", "", AnchorDCT}}},
		{"Profit fell in the latest period.", []expect{{"the latest period", Date, "2023-Q4", "", AnchorDCT}}},
		{"Flights leave on Mondays and Tuesday nights.", []expect{
			{"Mondays", Set, "XXXX-WXX-1", "", "-"}, {"Tuesday nights", Set, "XXXX-WXX-2TNI", "", "-"}}},
		{"The bank reports every quarter.", []expect{{"every quarter", Set, "P1Q", "", ""}}},
		{"Margins shrank over the past two quarters.", []expect{{"the past two quarters", Duration, "P2Q", "", ""}}},
		{"Profit rose in the first half.", []expect{{"the first half", Date, "2024-H1", "", ""}}},
	}
	for _, c := range cases {
		checkFull(t, c.s, friday, c.wants)
	}
}

func TestTextAnchor(t *testing.T) {
	cases := []struct {
		s     string
		wants []expect
	}{
		{"The ceasefire began on March 2, 2023. The next day, shelling resumed.", []expect{
			{"March 2, 2023", Date, "2023-03-02", "", "-"}, {"The next day", Date, "2023-03-03", "", AnchorText}}},
		{"The ceasefire began on March 2, 2023. Two days later it collapsed.", []expect{
			{"March 2, 2023", Date, "2023-03-02", "", "-"}, {"Two days later", Date, "2023-03-04", "", AnchorText}}},
		{"The ceasefire began on March 2, 2023. A week earlier, talks had stalled.", []expect{
			{"March 2, 2023", Date, "2023-03-02", "", "-"}, {"A week earlier", Date, "2023-02-23", "", AnchorText}}},
		{"The ceasefire began on March 2, 2023. That Thursday was quiet.", []expect{
			{"March 2, 2023", Date, "2023-03-02", "", "-"}, {"That Thursday", Date, "2023-03-02", "", AnchorText}}},
		{"The ceasefire began on Tuesday, Feb. 28, 2023, and a delegation came that Friday.", []expect{
			{"Tuesday, Feb. 28, 2023", Date, "2023-02-28", "", "-"}, {"that Friday", Date, "2023-03-03", "", AnchorText}}},
		{"Imports totalled $5 billion in 1988, a fifth of all trade that year.", []expect{
			{"1988", Date, "1988", "", "-"}, {"that year", Date, "1988", "", AnchorText}}},
		{"The army withdrew in March 2023. The following month, talks began.", []expect{
			{"March 2023", Date, "2023-03", "", "-"}, {"The following month", Date, "2023-04", "", AnchorText}}},
		// A week is finer than the month it would count from.
		{"The army withdrew in March 2023. The previous week was calm.", []expect{
			{"March 2023", Date, "2023-03", "", "-"}, {"The previous week", Duration, "P1W", "", "-"}}},
		{"The strike began on May 3, 2022. The talks failed the day before.", []expect{
			{"May 3, 2022", Date, "2022-05-03", "", "-"}, {"the day before", Date, "2022-05-02", "", AnchorText}}},
		{"Riots broke out on May 3, 2022. The next morning, troops moved in, and that same day the curfew began.", []expect{
			{"May 3, 2022", Date, "2022-05-03", "", "-"}, {"The next morning", Time, "2022-05-04TMO", "", AnchorText},
			{"that same day", Date, "2022-05-04", "", AnchorText}}},
		// Without a date in the text they are what they were.
		{"Two days later the talks collapsed.", []expect{{"Two days", Duration, "P2D", "", "-"}}},
		{"The next day was calm.", []expect{{"The next day", Duration, "P1D", "", "-"}}},
	}
	for _, c := range cases {
		checkFull(t, c.s, friday, c.wants)
	}
}

func TestRole(t *testing.T) {
	cases := []struct {
		s     string
		wants []expect
	}{
		{"Officials said on Thursday that the bridge had collapsed.", []expect{{"Thursday", Date, "2024-03-14", RoleReport, ""}}},
		{"On Thursday, officials said the bridge had collapsed.", []expect{{"Thursday", Date, "2024-03-14", RoleReport, ""}}},
		{"The bridge collapsed on Tuesday, officials said on Thursday.", []expect{
			{"Tuesday", Date, "2024-03-12", RoleEvent, ""}, {"Thursday", Date, "2024-03-14", RoleReport, ""}}},
		{"Officials said the bridge collapsed on Tuesday.", []expect{{"Tuesday", Date, "2024-03-12", RoleEvent, ""}}},
		{"Officials said Tuesday's blast killed five.", []expect{{"Tuesday", Date, "2024-03-12", RoleEvent, ""}}},
		{"The ministry told reporters on Wednesday that talks would go on.", []expect{
			{"Wednesday", Date, "2024-03-13", RoleReport, ""}}},
		{"The army said today it had pulled back.", []expect{{"today", Date, "2024-03-15", RoleReport, AnchorDCT}}},
		{"The minister said he now backed the plan.", []expect{{"now", Date, "PRESENT_REF", RoleEvent, ""}}},
		{"An estimated 2,000 troops are now in the city.", []expect{{"now", Date, "PRESENT_REF", RoleEvent, ""}}},
		{"Officials now say the dam is safe.", []expect{{"now", Date, "PRESENT_REF", RoleReport, ""}}},
		{"Officials said the dam was safe now.", []expect{{"now", Date, "PRESENT_REF", RoleEvent, ""}}},
		{"The United States Thursday sent aid.", []expect{{"Thursday", Date, "2024-03-14", RoleEvent, ""}}},
		{"KYIV, March 14 (Reuters) - Drones struck the port on Tuesday.", []expect{
			{"March 14", Date, "2024-03-14", RoleReport, AnchorDCT}, {"Tuesday", Date, "2024-03-12", RoleEvent, ""}}},
	}
	for _, c := range cases {
		checkFull(t, c.s, friday, c.wants)
	}
}

// precisionOf is the precision a TIMEX3 value is written at.
var precisionOf = []struct {
	re   *regexp.Regexp
	prec string
}{
	{regexp.MustCompile(`^[\dX]{4}-[\dX]{2}-[\dX]{2}T\d{2}(:\d{2})?$`), "time"},
	{regexp.MustCompile(`^[\dX]{4}-[\dX]{2}-[\dX]{2}T(MO|AF|EV|NI)$`), "part"},
	{regexp.MustCompile(`^[\dX]{4}-[\dX]{2}-[\dX]{2}$`), "day"},
	{regexp.MustCompile(`^\d{4}-W\d{2}(-WE)?$`), "week"},
	{regexp.MustCompile(`^[\dX]{4}-\d{2}$`), "month"},
	{regexp.MustCompile(`^[\dX]{4}-[QH][\dX]$`), "quarter"},
	{regexp.MustCompile(`^[\dX]{4}-(SP|SU|FA|WI)$`), "season"},
	{regexp.MustCompile(`^\d{4}$`), "year"},
	{regexp.MustCompile(`^\d{3}$`), "decade"},
	{regexp.MustCompile(`^\d{2}$`), "century"},
	{regexp.MustCompile(`^(PRESENT|PAST|FUTURE)_REF$`), ""},
}

// TestPrecisionMatchesValue checks every date and time found in a mixed
// text against the precision its value is written at.
func TestPrecisionMatchesValue(t *testing.T) {
	s := "On Tuesday, March 12, 2024, at 3 p.m., the 1990s ended; last week, this morning, in 2021, " +
		"the third quarter, the first half, last summer, in the 20th century, the weekend, yesterday night, " +
		"two weeks ago, six months ago, a year earlier, the next day, that week, the following month, " +
		"midnight Friday, noon, early April, Christmas Day, now, recently, in the future, the past year, " +
		"the quarter, the year-ago quarter, mid-July, that year, 10:30 p.m. local time, tonight."
	for _, at := range []time.Time{friday, {}} {
		for _, e := range Find(text.Analyze(s, "en"), at) {
			if e.Type != Date && e.Type != Time {
				if e.Precision != "" {
					t.Errorf("%q: %s with precision %q", e.Text, e.Type, e.Precision)
				}
				continue
			}
			if e.Value == "" {
				continue
			}
			want, ok := "", false
			for _, p := range precisionOf {
				if p.re.MatchString(e.Value) {
					want, ok = p.prec, true
					break
				}
			}
			if !ok || e.Precision != want {
				t.Errorf("%q: value %s precision %q, want %q", e.Text, e.Value, e.Precision, want)
			}
		}
	}
}
