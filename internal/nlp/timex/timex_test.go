package timex

import (
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/nlp/text"
)

// dct is a Thursday.
var dct = time.Date(2024, 3, 14, 9, 30, 0, 0, time.UTC)

type want struct{ text, typ, value string }

func found(s string, at time.Time) []Expr {
	return Find(text.Analyze(s, "en"), at)
}

func check(t *testing.T, s string, at time.Time, wants []want) {
	t.Helper()
	got := found(s, at)
	var g []string
	for _, e := range got {
		g = append(g, e.Text+"|"+e.Type+"|"+e.Value)
	}
	var w []string
	for _, x := range wants {
		w = append(w, x.text+"|"+x.typ+"|"+x.value)
	}
	if strings.Join(g, "  ") != strings.Join(w, "  ") {
		t.Errorf("%q\n got: %v\nwant: %v", s, g, w)
	}
}

func TestFind(t *testing.T) {
	cases := []struct {
		s     string
		wants []want
	}{
		// Weekdays: a report's weekday is the most recent on or before the dct.
		{"The minister resigned on Tuesday.", []want{{"Tuesday", Date, "2024-03-12"}}},
		{"Rebels shelled the town on Thursday.", []want{{"Thursday", Date, "2024-03-14"}}},
		{"Talks collapsed on Friday.", []want{{"Friday", Date, "2024-03-08"}}},
		{"The envoy will arrive on Friday.", []want{{"Friday", Date, "2024-03-15"}}},
		{"Voting ended last Thursday.", []want{{"last Thursday", Date, "2024-03-07"}}},
		{"They meet again next Monday.", []want{{"next Monday", Date, "2024-03-18"}}},
		{"Blasts were heard Tuesday night.", []want{{"Tuesday night", Time, "2024-03-12TNI"}}},
		// Deictic days and parts of days.
		{"Troops withdrew yesterday.", []want{{"yesterday", Date, "2024-03-13"}}},
		{"The vote is today, the count tomorrow.", []want{{"today", Date, "2024-03-14"}, {"tomorrow", Date, "2024-03-15"}}},
		{"Sirens sounded this morning.", []want{{"this morning", Time, "2024-03-14TMO"}}},
		{"Drones struck overnight.", []want{{"overnight", Time, "2024-03-13TNI"}}},
		{"Fires burned last night.", []want{{"last night", Time, "2024-03-13TNI"}}},
		{"Prices are now higher.", []want{{"now", Date, "PRESENT_REF"}}},
		// Relative weeks, months, years.
		{"The border closed last week.", []want{{"last week", Date, "2024-W10"}}},
		{"Aid arrives this week.", []want{{"this week", Date, "2024-W11"}}},
		{"Exports fell last month.", []want{{"last month", Date, "2024-02"}}},
		{"Elections are due next year.", []want{{"next year", Date, "2025"}}},
		{"The port reopened last year.", []want{{"last year", Date, "2023"}}},
		{"Fighting eased this weekend.", []want{{"this weekend", Date, "2024-W11-WE"}}},
		{"Crops failed last summer.", []want{{"last summer", Date, "2023-SU"}}},
		// Counts before "ago" and "earlier".
		{"The strike happened two days ago.", []want{{"two days ago", Date, "2024-03-12"}}},
		{"He left three weeks ago.", []want{{"three weeks ago", Date, "2024-W08"}}},
		{"A year earlier, output was lower.", []want{{"A year earlier", Date, "2023"}}},
		{"It fell six months ago.", []want{{"six months ago", Date, "2023-09"}}},
		// Calendar dates.
		{"The accord was signed March 12.", []want{{"March 12", Date, "2024-03-12"}}},
		{"Polls open on 12 March 2024.", []want{{"12 March 2024", Date, "2024-03-12"}}},
		{"By Sept. 30, 2023, stocks had fallen.", []want{{"Sept. 30, 2023", Date, "2023-09-30"}}},
		{"Talks resumed on the 5th of March.", []want{{"the 5th of March", Date, "2024-03-05"}}},
		{"The report, dated 2024-02-29, was leaked.", []want{{"2024-02-29", Date, "2024-02-29"}}},
		{"The case began in July 2021.", []want{{"July 2021", Date, "2021-07"}}},
		{"It was signed on Tuesday, March 12.", []want{{"Tuesday, March 12", Date, "2024-03-12"}}},
		{"The law passed in October.", []want{{"October", Date, "2023-10"}}},
		{"The law takes effect in May.", []want{{"May", Date, "2024-05"}}},
		{"Parliament will vote in May.", []want{{"May", Date, "2024-05"}}},
		{"In 2019 the plant opened and in May it closed.", []want{{"2019", Date, "2019"}, {"May", Date, "2019-05"}}},
		{"You may leave.", nil},
		{"March organisers said nothing.", nil},
		{"It happened in January this year.", []want{{"January this year", Date, "2024-01"}}},
		// Years, decades, centuries.
		{"Trade collapsed in 2023.", []want{{"2023", Date, "2023"}}},
		{"Some 2000 people fled.", nil},
		{"The war of the 1990s left scars.", []want{{"the 1990s", Date, "199"}}},
		{"Growth slowed in fiscal 2022.", []want{{"fiscal 2022", Date, "2022"}}},
		{"A 20th century treaty still applies.", []want{{"20th century", Date, "19"}}},
		// Modifiers keep the value they narrow.
		{"Talks resume in early April.", []want{{"early April", Date, "2024-04"}}},
		{"Talks began in mid-August.", []want{{"mid-August", Date, "2023-08"}}},
		{"Sales rose earlier this year.", []want{{"earlier this year", Date, "2024"}}},
		{"Debts are due by the end of 2025.", []want{{"the end of 2025", Date, "2025"}}},
		// Durations.
		{"The siege lasted three days.", []want{{"three days", Duration, "P3D"}}},
		{"Fighting raged for nearly forty years.", []want{{"nearly forty years", Duration, "P40Y"}}},
		{"Output rose over the past two years.", []want{{"the past two years", Duration, "P2Y"}}},
		{"It was a two-year truce.", []want{{"two-year", Duration, "P2Y"}}},
		{"A 24-hour curfew began.", []want{{"24-hour", Duration, "PT24H"}}},
		{"Shelling went on for hours.", []want{{"hours", Duration, "PTXH"}}},
		{"The talks took twenty-four hours.", []want{{"twenty-four hours", Duration, "PT24H"}}},
		{"They waited a few days.", []want{{"a few days", Duration, "PXD"}}},
		{"A five-year-old boy was hurt.", nil},
		// Quarters and clock times.
		{"Profit rose in the third quarter.", []want{{"the third quarter", Date, "2023-Q3"}}},
		{"Profit rose in the first quarter of 2022.", []want{{"the first quarter of 2022", Date, "2022-Q1"}}},
		{"Third-quarter sales fell.", []want{{"Third-quarter", Date, "2023-Q3"}}},
		{"Sales fell in the quarter.", []want{{"the quarter", Date, "2023-Q4"}}},
		{"The curfew starts at 10:30 p.m. local time.", []want{{"10:30 p.m. local time", Time, "2024-03-14T22:30"}}},
		{"The offer expires at 5 p.m. EST Friday.", []want{{"5 p.m. EST Friday", Time, "2024-03-08T17:00"}}},
		{"They met at noon.", []want{{"noon", Time, "2024-03-14T12:00"}}},
		{"Revenue rose in Q3 2022.", []want{{"Q3 2022", Date, "2022-Q3"}}},
		{"Profit doubled from the year-ago quarter.", []want{{"the year-ago quarter", Date, "2022-Q4"}}},
		{"Shops shut three-quarters of their stores.", nil},
		{"The blast came yesterday at 3 p.m.", []want{{"yesterday at 3 p.m.", Time, "2024-03-13T15:00"}}},
		// Holidays.
		{"Markets close on Christmas Day.", []want{{"Christmas Day", Date, "2023-12-25"}}},
		{"Pilgrims gather for Easter.", []want{{"Easter", Date, "2024-03-31"}}},
		{"Flights resumed after Thanksgiving.", []want{{"Thanksgiving", Date, "2023-11-23"}}},
		// Sets.
		{"Flights leave daily.", []want{{"daily", Set, "P1D"}}},
		{"The market opens every Tuesday.", []want{{"every Tuesday", Set, "XXXX-WXX-2"}}},
		{"Patrols run every week.", []want{{"every week", Set, "P1W"}}},
	}
	for _, c := range cases {
		check(t, c.s, dct, c.wants)
	}
}

func TestYearRollover(t *testing.T) {
	jan := time.Date(2024, 1, 4, 0, 0, 0, 0, time.UTC)
	check(t, "Protests began on December 30.", jan, []want{{"December 30", Date, "2023-12-30"}})
	check(t, "Protests began in December.", jan, []want{{"December", Date, "2023-12"}})
	check(t, "The summit will be held January 20.", jan, []want{{"January 20", Date, "2024-01-20"}})
	check(t, "The strike began last Friday.", jan, []want{{"last Friday", Date, "2023-12-29"}})
	check(t, "Profits fell in the fourth quarter.", jan, []want{{"the fourth quarter", Date, "2023-Q4"}})
	check(t, "Exports rose last month.", jan, []want{{"last month", Date, "2023-12"}})
	dec := time.Date(2023, 12, 28, 0, 0, 0, 0, time.UTC)
	check(t, "The ceasefire will start on January 2.", dec, []want{{"January 2", Date, "2024-01-02"}})
	check(t, "Talks start next week.", dec, []want{{"next week", Date, "2024-W01"}})
}

func TestNoDCT(t *testing.T) {
	check(t, "On Tuesday, three days after March 12, 2024, and a week after May 3, fighting stopped.", time.Time{}, []want{
		{"Tuesday", Date, ""},
		{"three days", Duration, "P3D"},
		{"March 12, 2024", Date, "2024-03-12"},
		{"a week", Duration, "P1W"},
		{"May 3", Date, "2024-05-03"}, // the year written earlier in the sentence
	})
	check(t, "Fighting stopped after May 3.", time.Time{}, []want{{"May 3", Date, "XXXX-05-03"}})
	check(t, "It ended yesterday, two weeks ago and last year.", time.Time{}, []want{
		{"yesterday", Date, ""}, {"two weeks ago", Date, ""}, {"last year", Date, ""},
	})
}

func TestSpansInCodePoints(t *testing.T) {
	s := "КИЇВ — «Обстріл» 🚀 тривав, officials said on Tuesday, and résumé talks begin in early April."
	runes := []rune(s)
	got := found(s, dct)
	if len(got) != 2 {
		t.Fatalf("found %+v", got)
	}
	for _, e := range got {
		if string(runes[e.Span.Start:e.Span.End]) != e.Text {
			t.Errorf("span %v reads %q, text %q", e.Span, string(runes[e.Span.Start:e.Span.End]), e.Text)
		}
	}
	if got[0].Text != "Tuesday" || got[1].Text != "early April" || got[1].Rule != "modifier" {
		t.Errorf("found %+v", got)
	}
}

func TestPrecisionAndRule(t *testing.T) {
	got := found("The 1990s ended; last week, on March 3, in 2021 and this morning.", dct)
	wantPrec := []string{"decade", "week", "day", "year", "part"}
	if len(got) != len(wantPrec) {
		t.Fatalf("found %+v", got)
	}
	for i, e := range got {
		if e.Precision != wantPrec[i] || e.Rule == "" {
			t.Errorf("%q: precision %q rule %q, want precision %q", e.Text, e.Precision, e.Rule, wantPrec[i])
		}
	}
}

func TestOtherLanguage(t *testing.T) {
	// Without a lexicon only numeric dates are read.
	got := Find(text.Analyze("Am Dienstag, dem 12.03.2024, und am 2024-03-12 in Mai.", "de"), dct)
	if len(got) != 1 || got[0].Value != "2024-03-12" {
		t.Errorf("found %+v", got)
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"On Tuesday, March 12, 2024, at 3 p.m. local time, the 1990s ended.",
		"the past twenty-four hours; mid-July; every other week; Q3 2024",
		"a-b-c -- - mid- -July 12th-13th ‐ Sept. 5,",
		"\u00a0Київ 10:30 a.m. 31 February 2023 nineteen ninety-six",
		"the end of the end of the beginning of early late mid",
	} {
		f.Add(s, int64(1710400000))
	}
	f.Fuzz(func(t *testing.T, s string, sec int64) {
		at := time.Unix(sec%(1<<35), 0).UTC()
		d := text.Analyze(s, "en")
		runes := []rune(s)
		prev := 0
		for _, e := range Find(d, at) {
			if e.Span.Start < prev || e.Span.End <= e.Span.Start || e.Span.End > len(runes) {
				t.Fatalf("span %v after %d in %d code points", e.Span, prev, len(runes))
			}
			if string(runes[e.Span.Start:e.Span.End]) != e.Text {
				t.Fatalf("span %v reads %q, text %q", e.Span, string(runes[e.Span.Start:e.Span.End]), e.Text)
			}
			prev = e.Span.End
		}
	})
}

func BenchmarkFind(b *testing.B) {
	s := strings.Repeat("Officials said on Tuesday that talks held March 12 would resume in May, two days after the 24-hour truce. ", 40)
	d := text.Analyze(s, "en")
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Find(d, dct)
	}
}
