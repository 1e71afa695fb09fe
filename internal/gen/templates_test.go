package gen

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// TestTemplatesExpand expands every template many times with the values of
// an event of its kind and checks that what comes out reads as prose:
// no markup left, quotes closed, no doubled spaces or stops.
func TestTemplatesExpand(t *testing.T) {
	g := newGenerator(21, 600, Options{TwinShare: 0.5})
	vars := map[kind]map[string]string{}
	var twinVars map[string]string
	r := rand.New(rand.NewPCG(1, 2))
	for id := 0; id < g.events && (len(vars) < int(numKinds) || twinVars == nil); id++ {
		ev := g.event(id)
		v := g.vars(ev, &outlets[id%len(outlets)], r)
		if _, ok := vars[ev.Kind]; !ok {
			vars[ev.Kind] = v
		}
		if ev.Twin >= 0 && twinVars == nil {
			twinVars = v
		}
	}
	if len(vars) < int(numKinds) || twinVars == nil {
		t.Fatalf("found %d kinds of event, twin %v", len(vars), twinVars != nil)
	}
	bad := regexp.MustCompile(`[{}\[\]|^]|  | [,.;:]|,[,.:;]|\.\.|(^|[^m])\.,|^[a-z]`)
	check := func(where, tmpl string, v map[string]string, para bool) {
		t.Helper()
		for range 20 {
			var s string
			if para {
				s = paragraph(r, tmpl, v)
			} else {
				s = expand(r, tmpl, v)
			}
			if bad.MatchString(s) || strings.Count(s, "\"")%2 != 0 {
				t.Errorf("%s: %q\n  gives %q", where, tmpl, s)
				return
			}
		}
	}
	for k := range numKinds {
		kt, v := &templates[k], vars[k]
		if len(kt.Quotes) > numSpeakers {
			t.Errorf("kind %d has %d quoted speakers, at most %d", k, len(kt.Quotes), numSpeakers)
		}
		for _, s := range append(kt.Titles, kt.Stands...) {
			check("title", s, v, false)
		}
		for i, sec := range kt.Sections {
			for _, s := range sec.Texts {
				check("section "+string(rune('0'+i)), s, v, true)
			}
		}
		for _, q := range kt.Quotes {
			for _, s := range q.Pool {
				if strings.ContainsAny(s, "[.\"") {
					t.Errorf("quote %q: one sentence of plain words and keys", s)
				}
				check(q.Key, s, v, false)
			}
		}
		for _, s := range fillers {
			check("filler", s, v, true)
		}
	}
	for _, s := range plainBackgrounds {
		check("background", s, vars[kindRaid], true)
	}
	for _, s := range twinBackgrounds {
		check("twin background", s, twinVars, true)
	}
}

func TestWordingReplace(t *testing.T) {
	index := func(form string) int {
		for k, w := range wording {
			if w[0] == form {
				return k
			}
		}
		t.Fatalf("no wording entry %q", form)
		return -1
	}
	s := make(style, len(wording))
	s[index("village")] = 1
	s[index("more than")] = 1
	s[index("exchange")] = 1
	for _, c := range []struct{ in, want string }{
		{"the village of X", "the settlement of X"},
		{"villages and villagers", "villages and villagers"},
		{"\"our village is ours,\" said the village head", "\"our village is ours,\" said the settlement head"},
		{"more than 40", "over 40"},
		{"no more than 40", "no more than 40"},
		{"after an exchange", "after a swap"},
		{"An exchange", "A swap"},
		{"nothing to change", "nothing to change"},
	} {
		if got := s.Replace(c.in); got != c.want {
			t.Errorf("Replace(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := make(style, len(wording)).Replace("the village"); got != "the village" {
		t.Errorf("the templates' own wording changed %q", got)
	}
}

func TestExpandNested(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	vars := map[string]string{"a": "x", "phrase": "[{a}|{a}]y", "self": "{self}"}
	seen := map[string]bool{}
	for range 200 {
		seen[expand(r, "[p[q|r]|s]", vars)] = true
	}
	if len(seen) != 3 || !seen["pq"] || !seen["pr"] || !seen["s"] {
		t.Errorf("nested alternatives gave %v", seen)
	}
	if got := expand(r, "{phrase} {^phrase}.", vars); got != "xy Xy." {
		t.Errorf("template value: %q", got)
	}
	if got := expand(r, "{self}", vars); got != "{self}" {
		t.Errorf("a value naming itself: %q", got)
	}
}

// Headlines write counts in figures; a headline that spells one count and
// writes another in figures ("kills four, injures 5") reads as a mistake.
func TestTitleNumbers(t *testing.T) {
	word := regexp.MustCompile(`(?i)\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b`)
	digit := regexp.MustCompile(`\b[0-9]+\b`)
	for d := range Articles(8, 3000, DefaultOptions) {
		if word.MatchString(d.Title) && digit.MatchString(d.Title) {
			t.Errorf("%s: %q mixes words and figures", d.Name, d.Title)
		}
	}
}
