package resolve

import (
	"fmt"
	"strings"
	"testing"
)

// war is the context most pairs share, so that negatives are hard: look-
// alike names of different entities appear in the same stories.
var war = []string{"Ukraine", "Kremlin", "Belgorod region", "Kursk region"}

func per(name string, aliases ...string) Profile {
	return Profile{Canonical: name, Type: "PER", Aliases: aliases, Context: war}
}
func org(name string, aliases ...string) Profile {
	return Profile{Canonical: name, Type: "ORG", Aliases: aliases, Context: war}
}
func loc(name string, aliases ...string) Profile {
	return Profile{Canonical: name, Type: "LOC", Aliases: aliases, Context: war}
}
func noCtx(p Profile) Profile { p.Context = nil; return p }

type pair struct {
	a, b Profile
	same bool
}

// pairs are labelled by hand. Real public names are used; the labels are
// what a reader of Ukrainian-war news would say.
var pairs = []pair{
	// Same entity.
	{per("Aleksey Baranovsky"), per("Alexei Baranovsky"), true},
	{per("Alexey Navalny"), per("Alexei Navalny"), true},
	{per("Volodymyr Zelensky"), per("Volodymyr Zelenskyy"), true},
	{per("Zelenskiy"), per("Zelensky"), true},
	{per("Volodymyr Zelensky"), per("Vladimir Zelensky"), true},
	{per("Vladimir Putin"), per("Vladimir Vladimirovich Putin"), true},
	{per("Vladimir Putin", "Putin"), per("President Vladimir Putin"), true},
	{per("Putin"), per("Vladimir Putin"), true},
	{per("Sergey Shoigu"), per("Sergei Shoigu"), true},
	{per("Yevgeny Prigozhin"), per("Evgeny Prigozhin"), true},
	{per("Dmitry Peskov"), per("Dmitri Peskov"), true},
	{per("Yulia Navalnaya"), per("Yuliya Navalnaya"), true},
	{per("Vyacheslav Gladkov"), per("Viacheslav Gladkov"), true},
	{per("Gladkov"), per("Vyacheslav Gladkov", "Gladkov"), true},
	{per("Blinken"), per("Antony Blinken"), true},
	{per("Navalny"), per("Alexei Navalny"), true},
	{per("Kirill Budanov"), per("Kyrylo Budanov"), true},
	{per("Oleksandr Syrskyi"), per("Aleksandr Syrsky"), true},
	{per("Mykhailo Podolyak"), per("Mikhail Podolyak"), true},
	{per("Sergei Lavrov"), per("Sergey Lavrov"), true},
	{per("Kholod"), per("Kholod"), true},
	{per("V. Putin"), per("Vladimir Putin"), true},
	{per("Ramzan Kadyrov"), per("Ramzan Akhmatovich Kadyrov"), true},
	{per("Alexander Lukashenko"), per("Aleksandr Lukashenka"), true},
	{org("Freedom of Russia Legion"), org("Freedom for Russia Legion"), true},
	{org("Freedom of Russia Legion"), org("Legion “Freedom of Russia”"), true},
	{org("Freedom of Russia Legion", "LSR"), org("LSR"), true},
	{org("Freedom of Russia Legion", "LSR"), org("Freedom for Russia Legion", "LSR"), true},
	{org("Russian Volunteer Corps", "RDK"), org("RDK"), true},
	{org("Russian Volunteer Corps"), org("Russian Volunteers Corps"), true},
	{org("Federal Security Service", "FSB"), org("FSB"), true},
	{org("Central Intelligence Agency"), org("CIA"), true},
	{org("Main Intelligence Directorate", "GUR"), org("GUR"), true},
	{org("Wagner Group"), org("Group Wagner"), true},
	{org("Ministry of Defence"), org("Defence Ministry"), true},
	{org("Ministry of Defence"), org("Defense Ministry"), true},
	{org("TASS"), org("Tass"), true},
	{org("Ukrinform"), org("UkrinForm"), true},
	{org("Siberian Battalion"), org("“Siberian Battalion”"), true},
	{org("Islamic State", "ISIS"), org("ISIS"), true},
	{org("Hezbollah"), org("Hizbollah"), true},
	{org("Kremlin"), loc("Kremlin"), true},
	{loc("Tyotkino"), loc("Tetkino"), true},
	{loc("Grayvoron"), loc("Graivoron"), true},
	{loc("Grajvoron"), loc("Grayvoron"), true},
	{loc("Kharkiv"), loc("Kharkov"), true},
	{loc("Kyiv"), loc("Kiev"), true},
	{loc("Zaporizhzhia"), loc("Zaporizhia"), true},
	{loc("Luhansk"), loc("Lugansk"), true},
	{loc("Tjotkino"), loc("Tëtkino"), true},

	// Different entities.
	{org("Russian Volunteer Corps"), org("Russian Volunteer Army"), false},
	{loc("Donetsk"), loc("Donetsk People's Republic"), false},
	{loc("Donetsk"), loc("Donetsk Oblast"), false},
	{per("Alexei Navalny"), per("Alexei Baranovsky"), false},
	{per("Sergei Shoigu"), per("Sergei Lavrov"), false},
	{per("Sergei Shoigu"), per("Sergei Surovikin"), false},
	{org("Federal Security Service"), org("Federal Protective Service"), false},
	{org("Federal Security Service", "FSB"), org("Foreign Intelligence Service", "SVR"), false},
	{org("Federal Security Service", "FSB"), org("Security Service of Ukraine", "SBU"), false},
	{org("National Guard"), org("National Guard of Ukraine"), false},
	{org("Freedom of Russia Legion"), org("Russian Volunteer Corps"), false},
	{org("Freedom of Russia Legion"), org("Georgian Legion"), false},
	{org("Siberian Battalion"), org("Chechen Battalion"), false},
	{noCtx(per("Putin")), noCtx(per("Vladimir Putin")), false},
	{per("Vladimir Putin"), per("Vladimir Zelensky"), false},
	{per("Yulia Navalnaya"), per("Alexei Navalny"), false},
	{per("Oleg Navalny"), per("Alexei Navalny"), false},
	{org("Ministry of Defence"), org("Ministry of Foreign Affairs"), false},
	{org("Ministry of Defence of Ukraine"), org("Ministry of Defence of Russia"), false},
	{per("Dmitry Medvedev"), per("Dmitry Peskov"), false},
	{per("Dmitry Peskov"), per("Dmitry Pevtsov"), false},
	{loc("Kharkiv"), loc("Kherson"), false},
	{loc("Belgorod"), loc("Bilhorod-Dnistrovskyi"), false},
	{org("CIA"), org("FBI"), false},
	{org("Russian Volunteer Corps", "RDK"), noCtx(org("Russian Democratic Congress", "RDK")), false},
	{per("Vladimir Putin"), loc("Putin"), false},
	{org("Wagner Group"), per("Richard Wagner"), false},
	{loc("Kyiv"), org("Kyivstar"), false},
	{org("Azov Brigade"), org("Aidar Battalion"), false},
	{per("Mikhail Mishustin"), per("Mikhail Mizintsev"), false},
	{org("Kremlin"), loc("Kremenchuk"), false},
	{per("Vitali Klitschko"), per("Wladimir Klitschko"), false},
	{per("Andriy Yermak"), per("Andriy Sybiha"), false},
	{org("Russian Armed Forces"), org("Ukrainian Armed Forces"), false},
	{org("Security Service of Ukraine"), org("Foreign Intelligence Service of Ukraine"), false},
	{loc("Kursk"), loc("Kupiansk"), false},
	{per("Baranovsky"), per("Alexei Navalny"), false},
	{per("Navalny"), per("Navalnaya"), false},
	{per("Yulia Navalnaya"), per("Navalny"), false},
	{org("Russian Volunteer Corps"), org("Russian Volunteer Corps of Belgorod"), false},
}

func TestMatchPrecisionRecall(t *testing.T) {
	if len(pairs) < 60 {
		t.Fatalf("only %d labelled pairs", len(pairs))
	}
	// Match must be symmetric in its verdict, or the store's result would
	// depend on which document came first.
	type scored struct {
		score float64
		same  bool
	}
	var all []scored
	for _, p := range pairs {
		d1, d2 := Match(p.a, p.b), Match(p.b, p.a)
		if d1.Same != d2.Same {
			t.Errorf("asymmetric: %q/%q: %v vs %v", p.a.Canonical, p.b.Canonical, d1, d2)
		}
		if d1.Reason == "" {
			t.Errorf("%q/%q: no reason", p.a.Canonical, p.b.Canonical)
		}
		if d1.Same != p.same {
			t.Logf("miss: %q / %q want %v: %.3f %s", p.a.Canonical, p.b.Canonical, p.same, d1.Score, d1.Reason)
		}
		all = append(all, scored{d1.Score, p.same})
	}
	prf := func(th float64) (p, r float64) {
		tp, fp, fn := 0, 0, 0
		for _, s := range all {
			switch {
			case s.score >= th && s.same:
				tp++
			case s.score >= th:
				fp++
			case s.same:
				fn++
			}
		}
		p, r = 1, 0
		if tp+fp > 0 {
			p = float64(tp) / float64(tp+fp)
		}
		if tp+fn > 0 {
			r = float64(tp) / float64(tp+fn)
		}
		return p, r
	}
	var sweep []string
	for th := 0.80; th < 1.0001; th += 0.02 {
		p, r := prf(th)
		sweep = append(sweep, fmt.Sprintf("%.2f:P=%.2f/R=%.2f", th, p, r))
	}
	t.Logf("threshold sweep: %s", strings.Join(sweep, " "))
	p, r := prf(MatchThreshold)
	t.Logf("Match at threshold %.2f on %d pairs: precision %.3f recall %.3f", MatchThreshold, len(pairs), p, r)
	if p < 0.95 {
		t.Errorf("precision %.3f < 0.95", p)
	}
	if r < 0.85 {
		t.Errorf("recall %.3f < 0.85", r)
	}
}

func TestMatchReasons(t *testing.T) {
	tests := []struct {
		a, b Profile
		want string
	}{
		{org("Freedom of Russia Legion", "LSR"), org("LSR"), "abbreviation LSR"},
		{per("Putin"), per("Vladimir Putin"), "surname"},
		{org("Freedom of Russia Legion"), org("Freedom for Russia Legion"), "function words"},
		{per("Sergei Shoigu"), per("Sergei Lavrov"), "different surnames"},
		{org("Russian Volunteer Corps"), org("Russian Volunteer Army"), "counterpart"},
		{per("Vladimir Putin"), org("Kremlin"), "different types"},
	}
	for _, tt := range tests {
		d := Match(tt.a, tt.b)
		if !strings.Contains(d.Reason, tt.want) {
			t.Errorf("Match(%q, %q).Reason = %q, want it to mention %q", tt.a.Canonical, tt.b.Canonical, d.Reason, tt.want)
		}
	}
}

func TestKeys(t *testing.T) {
	tests := []struct {
		a, b Profile
	}{
		{org("Freedom of Russia Legion", "LSR"), org("LSR")},
		{org("Legion “Freedom for Russia”"), org("Freedom of Russia Legion")},
		{per("Alexei Navalny"), per("Navalny")},
		{per("Aleksey Baranovsky"), per("Alexei Baranovsky")},
		{org("Central Intelligence Agency"), org("CIA")},
	}
	for _, tt := range tests {
		ka, kb := Keys(tt.a), Keys(tt.b)
		shared := false
		for _, x := range ka {
			for _, y := range kb {
				shared = shared || x == y
			}
		}
		if !shared {
			t.Errorf("Keys(%q) = %q and Keys(%q) = %q share no key", tt.a.Canonical, ka, tt.b.Canonical, kb)
		}
	}
}

// TestMatchKeyedContext: callers pass context as NameKeys; the surname rule
// must see them agree, and a single shared entity must not be enough.
func TestMatchKeyedContext(t *testing.T) {
	keys := func(names ...string) []string {
		var out []string
		for _, n := range names {
			out = append(out, NameKey(n))
		}
		return out
	}
	full := Profile{Canonical: "Alexei Navalny", Type: "PER", Context: keys("Yulia Navalnaya", "Kremlin", "Russia")}
	tests := []struct {
		ctx  []string
		same bool
	}{
		{keys("Yulia Navalnaya", "Kremlin"), true},
		{keys("Russia"), false},
		{keys("Kyiv", "Kharkiv"), false},
		{keys("Alexei Navalny", "Russia"), false}, // its own name is no context
	}
	for _, tt := range tests {
		d := Match(Profile{Canonical: "Navalny", Type: "PER", Context: tt.ctx}, full)
		if d.Same != tt.same {
			t.Errorf("context %q: %+v, want same=%v", tt.ctx, d, tt.same)
		}
	}
}

func TestKnownAbbreviations(t *testing.T) {
	tests := []struct {
		a, b Profile
		same bool
	}{
		{Profile{Canonical: "FSB", Type: "ORG"}, Profile{Canonical: "Federal Security Service", Type: "ORG"}, true},
		{Profile{Canonical: "Security Service of Ukraine", Type: "ORG", Aliases: []string{"SBU"}}, Profile{Canonical: "SBU", Type: "ORG"}, true},
		{Profile{Canonical: "North Atlantic Treaty Organisation", Type: "ORG"}, Profile{Canonical: "NATO", Type: "ORG"}, true},
		// Two different listed agencies, and a person, never join.
		{Profile{Canonical: "FSB", Type: "ORG"}, Profile{Canonical: "Security Service of Ukraine", Type: "ORG"}, false},
		{Profile{Canonical: "CIA", Type: "ORG"}, Profile{Canonical: "Central Intelligence", Type: "PER"}, false},
	}
	for _, tt := range tests {
		d := Match(tt.a, tt.b)
		if d.Same != tt.same {
			t.Errorf("Match(%q, %q) = %+v, want same=%v", tt.a.Canonical, tt.b.Canonical, d, tt.same)
		}
		if tt.same && !sharesKey(Keys(tt.a), Keys(tt.b)) {
			t.Errorf("%q and %q share no blocking key, so the store would never compare them", tt.a.Canonical, tt.b.Canonical)
		}
	}
}

func sharesKey(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

func TestGivenNameForms(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"Yevhen Stoliarov", "Yevgeny Stolyarov", true},
		{"Volodymyr Zelensky", "Vladimir Zelenskiy", true},
		{"Oleksandr Syrskyi", "Aleksandr Syrsky", true},
		{"Mykola Azarov", "Nikolai Azarov", true},
		// One surname, two different given names: two people.
		{"Yevhen Stoliarov", "Mykola Stoliarov", false},
		{"Vladimir Putin", "Volodymyr Zelensky", false},
	}
	for _, tt := range tests {
		d := Match(Profile{Canonical: tt.a, Type: "PER"}, Profile{Canonical: tt.b, Type: "PER"})
		if d.Same != tt.same {
			t.Errorf("Match(%q, %q) = %+v, want same=%v", tt.a, tt.b, d, tt.same)
		}
		if tt.same && !sharesKey(Keys(Profile{Canonical: tt.a, Type: "PER"}), Keys(Profile{Canonical: tt.b, Type: "PER"})) {
			t.Errorf("%q and %q share no blocking key", tt.a, tt.b)
		}
	}
}

func TestComputedAcronymNeedsContext(t *testing.T) {
	a := Profile{Canonical: "BBC", Type: "ORG"}
	b := Profile{Canonical: "Blue Bulls Company", Type: "ORG"}
	if d := Match(a, b); d.Same {
		t.Errorf("initials alone merged %q and %q: %+v", a.Canonical, b.Canonical, d)
	}
	a.Context = []string{"pretoria", "rugby union", "loftus"}
	b.Context = []string{"pretoria", "rugby union", "sharks"}
	if d := Match(a, b); !d.Same {
		t.Errorf("initials with two shared neighbours not merged: %+v", d)
	}
}
