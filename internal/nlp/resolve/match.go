package resolve

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/adrg/strutil/metrics"
)

// Profile is what is known about one entity for cross-document matching.
type Profile struct {
	Canonical, Type string
	Aliases         []string
	// Context holds canonical keys (or names) of co-occurring entities.
	Context []string
}

// Decision is Match's verdict.
type Decision struct {
	Same   bool
	Score  float64
	Reason string
}

// MatchThreshold is the score from which Match calls two profiles the same.
// It was chosen on the labelled pairs in match_test.go, where it is the
// lowest threshold that keeps precision at 1 (see the test log).
const MatchThreshold = 0.9

// Scores of the rules that do not come from a string metric. An acronym is
// near-certain when both sides spell it out; an acronym computed from one
// side's words is a little weaker; a bare surname is a guess that context
// must confirm.
const (
	scoreSameKey     = 1.0
	scoreTypeNoise   = 0.92 // same key, ORG vs LOC: taggers confuse them ("Kremlin")
	scoreAcronymBoth = 0.97
	// Initials alone are weak across articles ("BBC" are the initials of
	// many names): two shared context entities are needed.
	scoreAcronymComputed = 0.80
	scoreAcronymKnown    = 0.95
	scoreSurname         = 0.8
	scoreAcronymClash    = 0.8
	contextStep          = 0.05
	contextCap           = 0.15
	// Fuzzy name similarity gets only a small share of the context
	// bonus: look-alike names of different organisations ("National
	// Guard" and "National Guard of Ukraine") share their context too.
	fuzzyContextCap = 0.04
	// minTokenSim is the least Jaro-Winkler similarity every word of one
	// name must reach against some word of the other, so that one typo or
	// spelling difference passes and a different word does not.
	minTokenSim = 0.88
	// surnameSim is the same for the last word of two personal names.
	surnameSim = 0.93
	// givenSim is for given names, which vary more between languages
	// (Volodymyr/Vladimir) than surnames do.
	givenSim = 0.8
)

var jw = metrics.NewJaroWinkler()

// Keys returns blocking keys: an index over these finds candidate matches.
// They are the name keys of the canonical name and of every alias of two
// or more words (or an abbreviation), the same keys with their words
// sorted, abbreviations (given and computed from the canonical name), and a
// person's surname.
func Keys(p Profile) []string {
	seen := map[string]bool{}
	add := func(k string) {
		if k != "" && !strings.HasSuffix(k, ":") {
			seen[k] = true
		}
	}
	for _, n := range strongNames(p) {
		toks := keyTokens(n)
		add("n:" + strings.Join(toks, " "))
		s := append([]string(nil), toks...)
		sort.Strings(s)
		add("w:" + strings.Join(s, " "))
	}
	for a := range explicitAcronyms(p) {
		add("a:" + a)
	}
	for a := range knownAcronyms(p) {
		add("a:" + a)
	}
	if a := computedAcronym(p.Canonical); a != "" {
		add("a:" + a)
	}
	if toks := keyTokens(p.Canonical); len(toks) > 0 && p.Type == "PER" {
		add("s:" + toks[len(toks)-1])
	}
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// strongNames are the names that identify an entity on their own: the
// canonical name and aliases of two or more words. One-word aliases are
// surnames, descriptions ("the Legion") or abbreviations, which need more
// evidence.
func strongNames(p Profile) []string {
	out := []string{p.Canonical}
	for _, a := range p.Aliases {
		if len(keyTokens(a)) >= 2 {
			out = append(out, a)
		}
	}
	return out
}

// explicitAcronyms are the profile's names written as abbreviations.
func explicitAcronyms(p Profile) map[string]bool {
	out := map[string]bool{}
	for _, n := range append([]string{p.Canonical}, p.Aliases...) {
		if a := asAcronym(n); a != "" {
			out[a] = true
		}
	}
	return out
}

// asAcronym returns a name written as 2 to 6 capitals ("FSB", "U.S."), in
// lower case, or "".
func asAcronym(n string) string {
	n = strings.ReplaceAll(strings.TrimSpace(n), ".", "")
	if len(n) < 2 || len(n) > 6 {
		return ""
	}
	for _, r := range n {
		if r > unicode.MaxASCII || !unicode.IsUpper(r) {
			return ""
		}
	}
	return strings.ToLower(n)
}

// computedAcronym is the initials of a name of several content words.
func computedAcronym(name string) string {
	words := foldWords(name)
	var b strings.Builder
	n := 0
	for _, w := range words {
		if functionWords[w] {
			continue
		}
		b.WriteByte(w[0])
		n++
	}
	if n < 2 {
		return ""
	}
	return b.String()
}

// Match decides whether two profiles are the same entity.
func Match(a, b Profile) Decision {
	ta, tb := coarseType(a.Type), coarseType(b.Type)
	if ta != "" && tb != "" && ta != tb && (ta == "PER" || tb == "PER") {
		return Decision{Reason: fmt.Sprintf("different types: %s and %s", a.Type, b.Type)}
	}
	typeNoise := ta != "" && tb != "" && ta != tb
	shared := sharedContext(a, b)
	bonus := minf(contextStep*float64(len(shared)), contextCap)
	ctx := ""
	if len(shared) > 0 {
		ctx = fmt.Sprintf("; %d shared context entities (%s)", len(shared), strings.Join(shared[:min(3, len(shared))], ", "))
	}
	best := Decision{Reason: "no name evidence"}
	consider := func(score float64, reason string) {
		if score > best.Score {
			best = Decision{Score: score, Reason: reason}
		}
	}

	// Same key: spelling, quotes, word order of a head word and function
	// words folded away.
	for _, x := range strongNames(a) {
		for _, y := range strongNames(b) {
			kx, ky := NameKey(x), NameKey(y)
			if kx == "" || kx != ky {
				continue
			}
			s, why := scoreSameKey, "same name"
			if x != y {
				why = "same name up to spelling, quotes and function words"
			}
			if typeNoise {
				s, why = scoreTypeNoise, why+" (types "+a.Type+"/"+b.Type+" differ)"
			}
			consider(s, fmt.Sprintf("%s: %q = %q", why, x, y))
		}
	}
	if typeNoise {
		return finish(best)
	}

	// Abbreviations.
	ea, eb := explicitAcronyms(a), explicitAcronyms(b)
	ca, cb := computedAcronym(a.Canonical), computedAcronym(b.Canonical)
	clash := false
	if x, y := keyTokens(a.Canonical), keyTokens(b.Canonical); len(x) >= 2 && len(y) >= 2 {
		_, veto := fuzzy(x, y, false)
		clash = veto != ""
	}
	for x := range ea {
		switch {
		case eb[x] && clash:
			// Two spelled-out names that share nothing but an
			// abbreviation are often two organisations.
			consider(scoreAcronymClash+bonus, fmt.Sprintf("both abbreviated %s, though %q and %q differ%s", strings.ToUpper(x), a.Canonical, b.Canonical, ctx))
		case eb[x]:
			consider(scoreAcronymBoth, fmt.Sprintf("both known by the abbreviation %s: %q and %q", strings.ToUpper(x), a.Canonical, b.Canonical))
		case x == cb && !clash:
			consider(scoreAcronymComputed+bonus, fmt.Sprintf("%s is the abbreviation of %q%s", strings.ToUpper(x), b.Canonical, orNoContext(ctx)))
		}
	}
	for x := range eb {
		if x == ca && !ea[x] && !clash {
			consider(scoreAcronymComputed+bonus, fmt.Sprintf("%s is the abbreviation of %q%s", strings.ToUpper(x), a.Canonical, orNoContext(ctx)))
		}
	}

	// Abbreviations everyone uses without defining them.
	if ka := knownAcronyms(a); len(ka) > 0 {
		kb := knownAcronyms(b)
		acrs := make([]string, 0, len(ka))
		for x := range ka {
			acrs = append(acrs, x)
		}
		sort.Strings(acrs)
		for _, x := range acrs {
			if _, ok := kb[x]; ok {
				consider(scoreAcronymKnown, fmt.Sprintf("well-known abbreviation: %s stands for %s (%q and %q)", strings.ToUpper(x), ka[x], a.Canonical, b.Canonical))
			}
		}
	}

	ka, kb := keyTokens(a.Canonical), keyTokens(b.Canonical)
	person := ta == "PER" || tb == "PER"

	// A bare surname against a full name: only with context.
	if person && (len(ka) == 1) != (len(kb) == 1) && len(ka) > 0 && len(kb) > 0 {
		short, long, sp, lp := ka, kb, a, b
		if len(kb) == 1 {
			short, long, sp, lp = kb, ka, b, a
		}
		if short[0] == long[len(long)-1] {
			consider(scoreSurname+bonus, fmt.Sprintf("surname %q of %q%s", sp.Canonical, lp.Canonical, orNoContext(ctx)))
		}
	}

	// Similar names, word by word.
	for _, x := range strongNames(a) {
		for _, y := range strongNames(b) {
			tx, ty := keyTokens(x), keyTokens(y)
			if len(tx) == 0 || len(ty) == 0 {
				continue
			}
			if person && (len(tx) == 1 || len(ty) == 1) {
				// One word against a full name is the surname rule's case;
				// two lone surnames that are merely alike are often
				// relatives ("Navalny", "Navalnaya"), so only the same key
				// joins them.
				continue
			}
			s, veto := fuzzy(tx, ty, person)
			if veto != "" {
				if best.Score == 0 {
					best.Reason = fmt.Sprintf("%q and %q: %s", x, y, veto)
				}
				continue
			}
			// Below a same-key match, however much context agrees.
			s = minf(s+minf(bonus, fuzzyContextCap), scoreSameKey-0.01)
			consider(s, fmt.Sprintf("similar names %q ~ %q (%.2f)%s", x, y, s, ctx))
		}
	}
	return finish(best)
}

func finish(d Decision) Decision {
	d.Same = d.Score >= MatchThreshold
	return d
}

func orNoContext(ctx string) string {
	if ctx == "" {
		return "; no shared context"
	}
	return ctx
}

// fuzzy scores two names' key words: for each word its best Jaro-Winkler
// match in the other name, averaged, taking the weaker direction so that a
// name with extra words ("Donetsk People's Republic" against "Donetsk")
// scores low. It vetoes a pair where some word has no counterpart, or where
// two persons' surnames or given names differ.
func fuzzy(x, y []string, person bool) (float64, string) {
	if person && len(x) >= 2 && len(y) >= 2 {
		if s := jw.Compare(x[len(x)-1], y[len(y)-1]); s < surnameSim {
			return 0, "different surnames"
		}
		if !givenCompatible(x[0], y[0]) {
			return 0, "different given names"
		}
	}
	if person {
		x, y = expandInitial(x, y), expandInitial(y, x)
		if len(x) >= 2 && len(y) >= 2 && sameGivenName(x[0], y[0]) {
			// Yevhen and Yevgeny: one name; compare the rest.
			y = append([]string{x[0]}, y[1:]...)
		}
	}
	sx, wx := directed(x, y)
	sy, wy := directed(y, x)
	if minf(wx, wy) < minTokenSim {
		if !person {
			return 0, "a word of one name has no counterpart in the other"
		}
		// A person's middle name or patronymic may be missing on one
		// side; the surname and given name were checked above.
		if len(x) == len(y) {
			return 0, "a word of one name has no counterpart in the other"
		}
	}
	if !person && len(x) >= 2 && len(y) >= 2 {
		hx, hy := x[len(x)-1], y[len(y)-1]
		if (headSkeletons[hx] || headSkeletons[hy]) && jw.Compare(hx, hy) < surnameSim {
			return 0, "different organisation words"
		}
	}
	return minf(sx, sy), ""
}

// directed averages each word of x's best similarity in y, and returns the
// weakest word's too.
func directed(x, y []string) (avg, weakest float64) {
	weakest = 1
	for _, w := range x {
		b := 0.0
		for _, v := range y {
			b = maxf(b, jw.Compare(w, v))
		}
		avg += b
		weakest = minf(weakest, b)
	}
	return avg / float64(len(x)), weakest
}

// expandInitial writes out x's initial given name ("V. Putin") from y,
// once givenCompatible has accepted it.
func expandInitial(x, y []string) []string {
	if len(x) >= 2 && len(y) >= 2 && len(x[0]) == 1 && len(y[0]) > 1 && x[0][0] == y[0][0] {
		x = append([]string{y[0]}, x[1:]...)
	}
	return x
}

// givenCompatible accepts an initial for a given name, and spellings of one
// name in different languages.
func givenCompatible(a, b string) bool {
	if len(a) == 1 || len(b) == 1 {
		return a[0] == b[0]
	}
	return sameGivenName(a, b) || jw.Compare(a, b) >= givenSim
}

func coarseType(t string) string {
	switch t {
	case "PER", "ORG", "LOC":
		return t
	}
	return ""
}

// sharedContext lists the context entities both profiles have, leaving
// out the profiles' own names. Context entries are meant to be NameKeys,
// but plain names work too: an entry matches by its folded text or by its
// own key, which also makes the comparison indifferent to a caller keying
// the entries twice.
func sharedContext(a, b Profile) []string {
	own := map[string]bool{}
	for _, p := range []Profile{a, b} {
		for _, n := range append([]string{p.Canonical}, p.Aliases...) {
			k := NameKey(n)
			own[k], own[NameKey(k)], own[plain(n)] = true, true, true
		}
	}
	in := map[string]bool{}
	for _, c := range a.Context {
		in[plain(c)], in["\x00"+NameKey(c)] = true, true
	}
	seen := map[string]bool{}
	var out []string
	for _, c := range b.Context {
		p, k := plain(c), NameKey(c)
		if p == "" || own[p] || own[k] || seen[k] || !in[p] && !in["\x00"+k] {
			continue
		}
		seen[k] = true
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

func plain(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

func minf(a, b float64) float64 {
	if a < b {
		return a
	}
	return b
}

func maxf(a, b float64) float64 {
	if a > b {
		return a
	}
	return b
}
