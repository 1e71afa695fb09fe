package dates

import (
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"2024-03-21", "2024-03-21", true},
		{"2024-03-21T10:15:00Z", "2024-03-21", true},
		{"2024-03-21T23:30:00-05:00", "2024-03-21", true},
		{"Thu, 21 Mar 2024 10:15:00 GMT", "2024-03-21", true},
		{"Thu, 21 Mar 2024 10:15:00 +0000", "2024-03-21", true},
		{"21 March 2024", "2024-03-21", true},
		{"21st of March, 2024", "2024-03-21", true},
		{"March 21, 2024", "2024-03-21", true},
		{"march 21 2024", "2024-03-21", true},
		{"Mar. 21, 2024", "2024-03-21", true},
		{"Sept. 3, 2023", "2023-09-03", true},
		{"March 21st, 2024", "2024-03-21", true},
		{"21.03.2024", "2024-03-21", true},
		{"21. März 2024", "2024-03-21", true},
		{"21 de marzo de 2024", "2024-03-21", true},
		{"21 mars 2024", "2024-03-21", true},
		{"1er mai 2024", "2024-05-01", true},
		{"2024/03/21", "2024-03-21", true},
		{"2024.03.21", "2024-03-21", true},
		{"03/21/2024", "2024-03-21", true},
		{"21/03/2024", "2024-03-21", true},
		{"04/05/2024", "2024-04-05", true},
		{"04.05.2024", "2024-05-04", true},
		{"21-Mar-2024", "2024-03-21", true},
		{"Thursday, March 21, 2024 10:15", "2024-03-21", true},
		{"Published: Thursday 21 March 2024, 10:15 GMT", "2024-03-21", true},
		{"Updated 10:15 AM EDT, Thu March 21, 2024", "2024-03-21", true},
		{"2024年3月21日", "2024-03-21", true},
		{"2024년 3월 21일", "2024-03-21", true},
		{"2024-02-29", "2024-02-29", true},
		{"2023-02-29", "", false},
		{"2024-13-01", "", false},
		{"2024-04-31", "", false},
		{"1899-12-31", "", false},
		{"2101-01-01", "", false},
		{"March 2024", "", false},
		{"2024", "", false},
		{"21 March", "", false},
		{"", "", false},
		{"call 555-12-2024 now", "", false},
		{"version 1.21.03.2024", "", false},
		{"2024-03-21-7", "", false},
		{"you may 21, 2024", "2024-05-21", true},
	}
	for _, tc := range tests {
		got, ok := Normalize(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Normalize(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestFind(t *testing.T) {
	text := "Posted Thu, 21 Mar 2024 — updated 2024-03-22T08:00Z. Seen on 1 May and on März 3, 2024? No: 3. März 2024."
	got := Find(text)
	want := []struct{ value, text string }{
		{"2024-03-21", "Thu, 21 Mar 2024"},
		{"2024-03-22", "2024-03-22"},
		{"2024-03-03", "März 3, 2024"},
		{"2024-03-03", "3. März 2024"},
	}
	if len(got) != len(want) {
		t.Fatalf("Find = %+v; want %d matches", got, len(want))
	}
	runes := []rune(text)
	for i, w := range want {
		m := got[i]
		if m.Value != w.value || m.Text != w.text {
			t.Errorf("match %d = %+v; want %q %q", i, m, w.value, w.text)
		}
		if s := string(runes[m.Span.Start:m.Span.End]); s != m.Text {
			t.Errorf("match %d span gives %q; want %q", i, s, m.Text)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"2024-03-21", "Thu, 21 Mar 2024", "March 21st, 2024", "21.03.2024", "2024年3月21日", "\xff21 März 2024", "99/99/9999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := Normalize(s)
		if ok != (v != "") {
			t.Fatalf("Normalize(%q) = %q, %v", s, v, ok)
		}
		if ok {
			if len(v) != 10 || v[4] != '-' || v[7] != '-' {
				t.Fatalf("Normalize(%q) = %q: not YYYY-MM-DD", s, v)
			}
		}
		n := utf8.RuneCountInString(s)
		runes := []rune(s)
		prev := 0
		for _, m := range Find(s) {
			if m.Span.Start < prev || m.Span.End > n || m.Span.Start >= m.Span.End {
				t.Fatalf("Find(%q): bad span %+v", s, m.Span)
			}
			if string(runes[m.Span.Start:m.Span.End]) != m.Text && utf8.ValidString(s) {
				t.Fatalf("Find(%q): span %+v gives %q, text %q", s, m.Span, string(runes[m.Span.Start:m.Span.End]), m.Text)
			}
			prev = m.Span.End
		}
	})
}

func TestMonthAndWeekday(t *testing.T) {
	months := map[string]int{"March": 3, "mar": 3, "SEPT": 9, "märz": 3, "Décembre": 12, "mayo": 5, "foo": 0, "": 0, "septemberseptember": 0}
	for w, want := range months {
		if got := Month(w); got != want {
			t.Errorf("Month(%q) = %d; want %d", w, got, want)
		}
	}
	for w, want := range map[string]bool{"Thursday": true, "thu": true, "Sonntag": true, "by": false, "": false} {
		if got := IsWeekday(w); got != want {
			t.Errorf("IsWeekday(%q) = %v; want %v", w, got, want)
		}
	}
}
