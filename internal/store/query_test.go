package store

import (
	"errors"
	"reflect"
	"testing"
)

func TestParseQuery(t *testing.T) {
	cases := []struct {
		in   string
		want []Term
	}{
		{"climate", []Term{{Text: "climate"}}},
		{"  climate   change ", []Term{{Text: "climate"}, {Text: "change"}}},
		{`"climate  change" talks`, []Term{{Text: "climate change", Phrase: true}, {Text: "talks"}}},
		{`talks"climate change"`, []Term{{Text: "talks"}, {Text: "climate change", Phrase: true}}},
		{`“Klima wandel” „Zürich“`, []Term{{Text: "Klima wandel", Phrase: true}, {Text: "Zürich", Phrase: true}}},
		{`"unclosed phrase`, []Term{{Text: "unclosed phrase", Phrase: true}}},
		{`clim* "x"*`, []Term{{Text: "clim", Prefix: true}, {Text: "x", Phrase: true}}},
		{"a AND b and", []Term{{Text: "a"}, {Text: "b"}, {Text: "and"}}},
		{`'; DROP TABLE x; --`, []Term{{Text: "DROP"}, {Text: "TABLE"}, {Text: "x;"}}},
		{"NEAR(a b)", []Term{{Text: "NEAR(a"}, {Text: "b)"}}},
		{"a\x00b \xff c", []Term{{Text: "a"}, {Text: "b"}, {Text: "c"}}},
		{"東京 🙂", []Term{{Text: "東京"}}},
		{`say "it's"`, []Term{{Text: "say"}, {Text: "it's", Phrase: true}}},
	}
	for _, c := range cases {
		got, err := ParseQuery(c.in)
		if err != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("ParseQuery(%q) = %+v, %v; want %+v", c.in, got, err, c.want)
		}
	}
	for _, in := range []string{"", " ", `""`, `" "`, "*", "AND", "( ) - ^", "\x00", "🙂"} {
		if got, err := ParseQuery(in); !errors.Is(err, ErrEmptyQuery) {
			t.Errorf("ParseQuery(%q) = %+v, %v; want ErrEmptyQuery", in, got, err)
		}
	}
}

func TestValidDate(t *testing.T) {
	for s, want := range map[string]bool{
		"2024-03-05": true, "1999-12-31": true, "2024-02-29": true,
		"2023-02-29": false, "2024-3-5": false, "2024-03-05T00:00:00Z": false, "": false, "yesterday": false,
	} {
		if got := ValidDate(s); got != want {
			t.Errorf("ValidDate(%q) = %v", s, got)
		}
	}
}
