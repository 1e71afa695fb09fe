package gen

import (
	"math/rand/v2"
	"slices"
	"strings"
)

// Templates: {key} is replaced by a value of the article, {^key} by the
// value with a capital; [a|b|c] picks one alternative at random, and
// alternatives may nest and hold keys. A value that is itself a template
// (see phrases) is expanded where it is used, each time anew.
// In a paragraph, " ^ " separates sentences that stand on their own, which
// each article puts in its own order: outlets that build a paragraph from
// the same material rarely do so in the same sequence.

// section is one slot of an article: one of its templates is used, or none
// when the dice say the section is skipped (Prob is the chance to use it).
type section struct {
	Prob  float64
	Texts []string
}

// kindTemplates are the titles, standfirsts and sections of a kind, in the
// order a typical article follows; articles move sections after the first
// a little (see sectionDrift).
type kindTemplates struct {
	Titles, Stands []string
	Sections       []section
	// Sites name the place an event of the kind centres on (a depot that
	// burns, a school that is hit); an event keeps one for every article.
	Sites []string
	// Quotes are, per key, the sentences a speaker may have said; an event
	// picks one of each, and every outlet that quotes the speaker quotes
	// that sentence, as outlets do with a statement they all received.
	Quotes []quotes
}

type quotes struct {
	Key  string
	Pool []string
}

var templates = [numKinds]kindTemplates{
	kindRaid:     raidTemplates,
	kindShelling: shellingTemplates,
	kindDrone:    droneTemplates,
	kindProtest:  protestTemplates,
	kindExchange: exchangeTemplates,
}

// sectionDrift is how far, in sections, a section may move from its place:
// outlets order the same material differently.
const sectionDrift = 2.5

// minWords is the length below which an article takes sections the dice
// skipped, so that main texts stay long enough to compare.
const minWords = 190

// maxFillers bounds the generic paragraphs of one article, so that articles
// about different events share little text.
const maxFillers = 3

// style is the phrasing of one article: for each wording entry, the form
// it uses, 0 being the templates' own.
type style []uint8

// wordingFor draws the phrasing of one article: half of the choices follow
// the outlet's house style, the rest are the writer's.
func wordingFor(r *rand.Rand, out *outlet) style {
	house := uint64(14695981039346656037)
	for i := 0; i < len(out.Slug); i++ {
		house = (house ^ uint64(out.Slug[i])) * 1099511628211
	}
	s := make(style, len(wording))
	for k, w := range wording {
		if r.IntN(2) == 0 {
			s[k] = uint8(mix(house+uint64(k)) % uint64(len(w)))
		} else {
			s[k] = uint8(r.IntN(len(w)))
		}
	}
	return s
}

// mix is SplitMix64's finaliser, spreading nearby inputs over all outputs.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// wordingIndex maps the first word of each entry's template form to the
// entries, longest form first so that "at least" wins over a shorter one.
var wordingIndex = func() map[string][]int {
	m := map[string][]int{}
	for k, w := range wording {
		first, _, _ := strings.Cut(w[0], " ")
		m[first] = append(m[first], k)
	}
	for _, ks := range m {
		slices.SortStableFunc(ks, func(a, b int) int { return len(wording[b][0]) - len(wording[a][0]) })
	}
	return m
}()

// Replace rewrites p in the article's phrasing. Only whole words match,
// and text inside quotation marks is left alone: outlets paraphrase each
// other's prose, not what people said.
func (s style) Replace(p string) string {
	var b strings.Builder
	last, quoted := 0, false
	for i := 0; i < len(p); {
		c := p[i]
		if c == '"' {
			quoted = !quoted
		}
		if !wordByte(c) {
			i++
			continue
		}
		j := i + 1
		for j < len(p) && wordByte(p[j]) {
			j++
		}
		if !quoted {
			for _, e := range wordingIndex[p[i:j]] {
				f := wording[e][0]
				end := i + len(f)
				if s[e] == 0 || !strings.HasPrefix(p[i:], f) || end < len(p) && wordByte(p[end]) || negated(p[:i]) {
					continue
				}
				if b.Len() == 0 {
					b.Grow(len(p) + 32)
				}
				w := wording[e][s[e]]
				b.WriteString(fixArticle(p[last:i], last == 0 || !wordByte(p[last-1]), w))
				b.WriteString(w)
				last, j = end, end
				break
			}
		}
		i = j
	}
	if last == 0 {
		return p
	}
	b.WriteString(p[last:])
	return b.String()
}

// negated says whether text ends in "no " or "not ", after which a
// phrase may not be swapped: "no more than" is not "no over".
func negated(text string) bool {
	text = strings.TrimRight(text, " ")
	w := strings.ToLower(text[strings.LastIndexByte(text, ' ')+1:])
	return w == "no" || w == "not"
}

// fixArticle makes the "a" or "an" that ends text agree with next, the
// word that follows; open says whether text starts at a word boundary.
func fixArticle(text string, open bool, next string) string {
	n := 0
	switch {
	case strings.HasSuffix(text, "an ") || strings.HasSuffix(text, "An "):
		n = 3
	case strings.HasSuffix(text, "a ") || strings.HasSuffix(text, "A "):
		n = 2
	default:
		return text
	}
	at := len(text) - n
	if at > 0 && wordByte(text[at-1]) || at == 0 && !open {
		return text
	}
	art := text[at : at+1]
	if strings.IndexByte("aeiouAEIOU", next[0]) >= 0 {
		art += "n"
	}
	return text[:at] + art + " "
}

// wordByte says whether c belongs to a word; bytes of multi-byte UTF-8
// characters do, so no word is cut inside a character.
func wordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// expand fills template t with vars, choosing alternatives with r.
func expand(r *rand.Rand, t string, vars map[string]string) string {
	var b strings.Builder
	b.Grow(len(t) + 64)
	expandInto(&b, r, t, vars, 0)
	return b.String()
}

// paragraph expands template t, putting the sentences that " ^ " separates
// in a random order. A sentence that ends on an abbreviation ("at 4 a.m.")
// takes no second full stop.
func paragraph(r *rand.Rand, t string, vars map[string]string) string {
	if !strings.Contains(t, " ^ ") {
		return strings.ReplaceAll(expand(r, t, vars), "a.m..", "a.m.")
	}
	parts := strings.Split(t, " ^ ")
	r.Shuffle(len(parts), func(i, j int) { parts[i], parts[j] = parts[j], parts[i] })
	var b strings.Builder
	b.Grow(len(t) + 128)
	for k, p := range parts {
		if k > 0 {
			b.WriteByte(' ')
		}
		expandInto(&b, r, p, vars, 0)
	}
	return strings.ReplaceAll(b.String(), "a.m..", "a.m.")
}

// maxDepth bounds how deep template values expand, so a value that names
// itself cannot loop.
const maxDepth = 4

func expandInto(b *strings.Builder, r *rand.Rand, t string, vars map[string]string, depth int) {
	for i := 0; i < len(t); {
		switch t[i] {
		case '[':
			end, n := alternatives(t[i:])
			if end < 0 {
				b.WriteString(t[i:])
				return
			}
			lo, hi := nthAlternative(t[i:i+end], r.IntN(n))
			expandInto(b, r, t[i+lo:i+hi], vars, depth)
			i += end + 1
		case '{':
			j := strings.IndexByte(t[i:], '}')
			if j < 0 {
				b.WriteByte('{')
				i++
				continue
			}
			key := t[i+1 : i+j]
			upper := strings.HasPrefix(key, "^")
			v, ok := vars[strings.TrimPrefix(key, "^")]
			if !ok {
				b.WriteByte('{')
				i++
				continue
			}
			switch {
			case depth >= maxDepth || !strings.ContainsAny(v, "[{"):
			case upper:
				var c strings.Builder
				expandInto(&c, r, v, vars, depth+1)
				v = c.String()
			default:
				expandInto(b, r, v, vars, depth+1)
				v = ""
			}
			if upper {
				v = capitalize(v)
			}
			b.WriteString(v)
			i += j + 1
		default:
			j := strings.IndexAny(t[i:], "[{")
			if j < 0 {
				b.WriteString(t[i:])
				return
			}
			b.WriteString(t[i : i+j])
			i += j
		}
	}
}

// alternatives finds, for t starting with '[', the index of its matching
// ']' (-1 when there is none) and the number of alternatives inside.
func alternatives(t string) (end, n int) {
	depth := 0
	n = 1
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				return i, n
			}
		case '|':
			if depth == 1 {
				n++
			}
		}
	}
	return -1, 0
}

// nthAlternative gives the bounds in t, which starts with '[' and stops
// before its matching ']', of alternative k.
func nthAlternative(t string, k int) (lo, hi int) {
	depth := 0
	lo = 1
	for i := 1; i < len(t); i++ {
		switch t[i] {
		case '[':
			depth++
		case ']':
			depth--
		case '|':
			if depth > 0 {
				continue
			}
			if k == 0 {
				return lo, i
			}
			k--
			lo = i + 1
		}
	}
	return lo, len(t)
}
