package resolve

import (
	"fmt"
	"sort"
	"strings"

	"github.com/sitrep/sitrep/internal/nlp/text"
)

// Link kinds say how a group of same-key mentions joined its entity; the
// reason text is written once the entity's canonical name is known.
const (
	linkNone = iota
	linkSurname
	linkShortOrg
	linkAcronym
)

type linker struct {
	*resolver
	parent []int
	// types and words hold each group's type counts and key words while
	// descriptions are resolved, when the groups no longer change.
	types map[int]map[string]int
	words map[int]map[string]bool
	// keyLink records how a name key joined another group.
	keyLink map[string]int
	// acrDef is the text that defined an abbreviation key.
	acrDef map[string]string
}

func (l *linker) find(i int) int {
	for l.parent[i] != i {
		l.parent[i] = l.parent[l.parent[i]]
		i = l.parent[i]
	}
	return i
}

func (l *linker) union(a, b int) {
	a, b = l.find(a), l.find(b)
	if a == b {
		return
	}
	// The earlier mention stays the root, so roots are in text order.
	if b < a {
		a, b = b, a
	}
	l.parent[b] = a
}

func (r *resolver) resolve() Doc {
	l := &linker{resolver: r, parent: make([]int, len(r.cands)), keyLink: map[string]int{}, acrDef: map[string]string{}}
	for i := range l.parent {
		l.parent[i] = i
	}
	// The same name is the same entity everywhere in a document.
	byKey := map[string]int{}
	for i, c := range r.cands {
		if c.key == "" {
			continue
		}
		if j, ok := byKey[c.key]; ok {
			l.union(i, j)
		} else {
			byKey[c.key] = i
		}
	}
	for i, c := range r.cands {
		if c.acrOf != nil && !c.acrOf.gone {
			l.union(i, c.acrOf.idx)
			if c.key != c.acrOf.key {
				l.keyLink[c.key] = linkAcronym
				l.acrDef[c.key] = c.acrOf.form + " (" + c.form + ")"
			}
		}
	}
	l.surnames()
	l.shortOrgs()
	l.descriptions()
	return l.build()
}

// groupTypes counts the types of each group's name mentions; rule-found
// mentions count twice, since a rule saw the head word or the parentheses
// that the tagger's guess did not weigh.
func (l *linker) groupTypes() map[int]map[string]int {
	out := map[int]map[string]int{}
	for i, c := range l.cands {
		if c.source == SourceDescription {
			continue
		}
		g := l.find(i)
		if out[g] == nil {
			out[g] = map[string]int{}
		}
		w := 1
		if c.source != SourceNER {
			w = 2
		}
		out[g][c.typ] += w
	}
	return out
}

func majority(counts map[string]int) string {
	best, n := "", -1
	for _, t := range []string{"PER", "ORG", "LOC", "NORP", "MISC"} {
		if counts[t] > n {
			best, n = t, counts[t]
		}
	}
	for t, c := range counts {
		if c > n {
			best, n = t, c
		}
	}
	return best
}

// surnames links a one-word personal name (after titles) to the full name
// that ends in it, before or after it in the text. Two full names sharing
// the surname make it ambiguous, and then nothing is linked.
func (l *linker) surnames() {
	types := l.groupTypes()
	full := map[string]map[int]bool{}
	for i, c := range l.cands {
		// "Ruthie Owen of Jackson" ends in a place, not a surname.
		if len(c.toks) >= 2 && majority(types[l.find(i)]) == "PER" && !strings.Contains(" "+strings.ToLower(c.form)+" ", " of ") {
			last := c.toks[len(c.toks)-1]
			if full[last] == nil {
				full[last] = map[int]bool{}
			}
			full[last][l.find(i)] = true
		}
	}
	for i, c := range l.cands {
		if len(c.toks) != 1 || c.source == SourceAcronym || c.source == SourceDescription {
			continue
		}
		person := majority(types[l.find(i)]) == "PER" || c.title != ""
		if !person && c.source != SourceNER {
			continue
		}
		roots := full[c.toks[0]]
		if len(roots) != 1 {
			continue
		}
		for g := range roots {
			// The tagger often calls a lone surname a place or an
			// organisation ("free Russia from Putin"); after the full name
			// has been written, the surname is still the person.
			if !person && g > i {
				continue
			}
			if l.find(g) != l.find(i) {
				l.union(g, i)
				l.keyLink[c.key] = linkSurname
			}
		}
	}
}

// shortOrgs links an organisation name to a longer one it is a head-final
// part of ("Volunteer Corps" → "Russian Volunteer Corps"), when only one
// longer name fits.
func (l *linker) shortOrgs() {
	types := l.groupTypes()
	for i, c := range l.cands {
		if len(c.toks) == 0 || c.source == SourceDescription || c.source == SourceAcronym {
			continue
		}
		if majority(types[l.find(i)]) != "ORG" {
			continue
		}
		if len(c.toks) == 1 && !headSkeletons[c.toks[0]] {
			continue
		}
		var match []int
		seen := map[int]bool{}
		for j, d := range l.cands {
			g := l.find(j)
			if len(d.toks) <= len(c.toks) || seen[g] || majority(types[g]) != "ORG" {
				continue
			}
			if headFinalSubsequence(c.toks, d.toks) {
				seen[g] = true
				match = append(match, g)
			}
		}
		if len(match) == 1 && l.find(match[0]) != l.find(i) {
			l.union(match[0], i)
			l.keyLink[c.key] = linkShortOrg
		}
	}
}

// Key tokens are skeletons ("legion" is "legen"), so word lists are
// compared in that form.
var (
	armedSkeletons = skeletons(armedHeads)
	headSkeletons  = skeletons(orgHeads, patternHeads)
)

func skeletons(sets ...map[string]bool) map[string]bool {
	out := map[string]bool{}
	for _, m := range sets {
		for w := range m {
			out[skeleton(w)] = true
		}
	}
	return out
}

// headFinalSubsequence reports whether short ends with long's last word
// and its other words appear in long in order.
func headFinalSubsequence(short, long []string) bool {
	if short[len(short)-1] != long[len(long)-1] {
		return false
	}
	j := 0
	for _, w := range long[:len(long)-1] {
		if j < len(short)-1 && short[j] == w {
			j++
		}
	}
	return j == len(short)-1
}

// descriptionNouns are the nouns a definite description may have, and
// whether they are generic (any armed organisation) or repeat a head word.
var genericNouns = set("group", "militia", "unit", "formation")
var titleNouns = set("governor", "mayor")

// headNouns repeat the head of one organisation's name. "The service", "the
// army" and "the guard" are left out: news uses them for services, armies
// and guards the text never names ("the funeral service", "the army" of a
// country).
var headNouns = set("legion", "battalion", "brigade", "corps", "regiment", "division", "ministry",
	"agency", "council", "militia", "directorate", "committee")

// descriptionWindow is how many sentences back a generic description looks
// for its antecedent; further back, a reader would not resolve it either.
const descriptionWindow = 3

// descriptions finds "the Legion", "the group", "the governor" and links
// each to an entity, or adds nothing when no antecedent fits.
func (l *linker) descriptions() {
	toks := l.doc.Tokens
	l.types = l.groupTypes()
	l.words = map[int]map[string]bool{}
	for i, c := range l.cands {
		g := l.find(i)
		if l.words[g] == nil {
			l.words[g] = map[string]bool{}
		}
		for _, t := range c.toks {
			l.words[g][t] = true
		}
	}
	var added []*cand
	for i := 0; i+1 < len(toks); i++ {
		if lower(toks[i]) != "the" || toks[i+1].Kind != text.Word {
			continue
		}
		noun := lower(toks[i+1])
		generic, head, title := genericNouns[noun], headNouns[noun], titleNouns[noun]
		if !generic && !head && !title {
			continue
		}
		if i+2 < len(toks) {
			next := toks[i+2]
			// "the group of fighters", "the Legion “Freedom…”", "the
			// agency's": the phrase goes on and is no description.
			if (lower(next) == "of" && !title) || next.IsQuote() || isCapWord(next) && next.SpaceBefore {
				continue
			}
		}
		if l.covered(i) || l.covered(i+1) {
			continue
		}
		sent := l.doc.SentenceAt(toks[i].Span.Start)
		c := &cand{t0: i, t1: i + 2, source: SourceDescription, sent: sent}
		var ante *cand
		var why string
		switch {
		case generic:
			ante = l.recent(c, added, func(g int) bool { return l.armed(g) })
			why = "the most recent armed group named before it"
		case head:
			ante, why = l.headAntecedent(c, added, skeleton(noun))
		case title:
			ante, why = l.titled(c, added, noun)
		}
		if ante == nil {
			continue
		}
		c.antecedent = ante
		c.typ = majority(l.types[l.groupOf(ante)])
		c.reason = fmt.Sprintf("definite description: the %s → %%s (%s)", toks[i+1].Text, why)
		l.spell(c)
		added = append(added, c)
	}
	if len(added) == 0 {
		return
	}
	// Re-index with the descriptions in text order.
	old := l.cands
	all := append(append([]*cand{}, old...), added...)
	sort.SliceStable(all, func(i, j int) bool { return all[i].t0 < all[j].t0 })
	roots := make([]int, len(old))
	for i := range old {
		roots[i] = l.find(i)
	}
	pos := map[*cand]int{}
	for i, c := range all {
		pos[c] = i
	}
	parent := make([]int, len(all))
	for i, c := range all {
		parent[i] = i
		if c.source != SourceDescription {
			parent[i] = pos[old[roots[c.idx]]]
		}
	}
	l.cands, l.parent = all, parent
	for i, c := range all {
		c.idx = i
	}
	for _, c := range added {
		a := c.antecedent
		for a.antecedent != nil {
			a = a.antecedent
		}
		l.union(pos[c], pos[a])
	}
}

// spell fills in the span and text of a description, which is found after
// the names have been placed and so bypasses add.
func (l *linker) spell(c *cand) {
	toks := l.doc.Tokens
	c.span.Start, c.span.End = toks[c.t0].Span.Start, toks[c.t1-1].Span.End
	c.text = string(l.runes[c.span.Start:c.span.End])
	c.form = c.text
}

// groupOf is the group a candidate (or a description's antecedent) is in.
func (l *linker) groupOf(c *cand) int {
	for c.antecedent != nil {
		c = c.antecedent
	}
	return l.find(c.idx)
}

// recent walks back from c through names and earlier descriptions within
// the window and returns the first whose group ok accepts.
func (l *linker) recent(c *cand, added []*cand, ok func(g int) bool) *cand {
	var best *cand
	consider := func(o *cand) {
		if o.t1 > c.t0 || o.sent < c.sent-descriptionWindow {
			return
		}
		if best != nil && o.t0 <= best.t0 {
			return
		}
		if ok(l.groupOf(o)) {
			best = o
		}
	}
	for _, o := range l.cands {
		consider(o)
	}
	for _, o := range added {
		consider(o)
	}
	return best
}

// armed reports a group with an armed organisation's name.
func (l *linker) armed(g int) bool {
	if majority(l.types[g]) != "ORG" {
		return false
	}
	for t := range l.words[g] {
		if armedSkeletons[t] {
			return true
		}
	}
	return false
}

// headAntecedent resolves "the Legion" to the organisation whose name has
// that word: the most recent one, or the only one in the document.
func (l *linker) headAntecedent(c *cand, added []*cand, head string) (*cand, string) {
	has := func(g int) bool {
		return majority(l.types[g]) == "ORG" && l.words[g][head]
	}
	groups := map[int]*cand{}
	for i, d := range l.cands {
		if g := l.find(i); has(g) && groups[g] == nil {
			groups[g] = d
		}
	}
	if len(groups) == 1 {
		for _, d := range groups {
			return d, "the only organisation named with that word"
		}
	}
	save := c.sent
	c.sent = 1 << 30 // any distance: the head word itself identifies it
	defer func() { c.sent = save }()
	best := l.recentAny(c, added, has)
	if best == nil {
		return nil, ""
	}
	return best, "the most recent organisation named with that word"
}

// recentAny is recent without the sentence window.
func (l *linker) recentAny(c *cand, added []*cand, ok func(g int) bool) *cand {
	var best *cand
	for _, list := range [][]*cand{l.cands, added} {
		for _, o := range list {
			if o.t1 > c.t0 || best != nil && o.t0 <= best.t0 {
				continue
			}
			if ok(l.groupOf(o)) {
				best = o
			}
		}
	}
	return best
}

// titled resolves "the governor" to a person the text gives that title:
// written before the name ("Governor Gladkov") or within the few words
// before it in one sentence ("the governor of the region, Vyacheslav
// Gladkov"). The most recent such person wins, or the only one.
func (l *linker) titled(c *cand, added []*cand, noun string) (*cand, string) {
	types := l.types
	toks := l.doc.Tokens
	holders := map[int]*cand{}
	var order []int
	for i, d := range l.cands {
		g := l.find(i)
		if majority(types[g]) != "PER" {
			continue
		}
		ok := strings.Contains(strings.ToLower(d.title), noun) || d.t0 > 0 && lower(toks[d.t0-1]) == noun
		// Apposition: "the governor of the region, Oleg Sokolov": a comma
		// right before the name and the title a few words before it, with
		// no other name in between.
		if !ok && d.t0 > 1 && toks[d.t0-1].Text == "," {
			for k := d.t0 - 2; k >= 0 && k >= d.t0-8; k-- {
				if lower(toks[k]) == noun {
					ok = true
					break
				}
				if l.covered(k) && !l.candIn(k) || toks[k].Kind == text.Punct {
					break
				}
			}
		}
		if ok && holders[g] == nil {
			holders[g] = d
			order = append(order, g)
		}
	}
	if len(holders) == 1 {
		return holders[order[0]], "the only person called " + noun
	}
	best := l.recentAny(c, added, func(g int) bool { return holders[g] != nil })
	if best == nil {
		return nil, ""
	}
	return best, "the most recent person called " + noun
}

// candIn reports whether the candidate at token k is a place or an
// organisation, which an apposition may contain ("the governor of the
// Belgorod region, …"), rather than a person, which it may not.
func (l *linker) candIn(k int) bool {
	for _, c := range l.cands {
		if c.t0 <= k && k < c.t1 {
			return c.typ != "PER"
		}
	}
	return true
}

// build turns the groups into entities with canonical names, aliases and
// reasons.
func (l *linker) build() Doc {
	var out Doc
	types := l.groupTypes()
	ent := map[int]int{}
	members := map[int][]int{}
	var roots []int
	for i := range l.cands {
		g := l.find(i)
		if _, ok := members[g]; !ok {
			roots = append(roots, g)
		}
		members[g] = append(members[g], i)
	}
	sort.Slice(roots, func(i, j int) bool { return members[roots[i]][0] < members[roots[j]][0] })
	for _, g := range roots {
		ent[g] = len(out.Entities)
		ms := members[g]
		canon := l.canonical(ms)
		e := Entity{Canonical: canon.form, Type: majority(types[g])}
		if types[g] == nil {
			e.Type = canon.typ
		}
		aliases := map[string]bool{}
		for _, i := range ms {
			c := l.cands[i]
			a := aliasText(c)
			if a != e.Canonical {
				aliases[a] = true
			}
			e.Mentions = append(e.Mentions, i)
		}
		for a := range aliases {
			e.Aliases = append(e.Aliases, a)
		}
		sort.Strings(e.Aliases)
		out.Entities = append(out.Entities, e)
	}
	for i, c := range l.cands {
		e := &out.Entities[ent[l.find(i)]]
		out.Mentions = append(out.Mentions, Mention{
			Span:   c.span,
			Text:   c.text,
			Type:   c.typ,
			Entity: ent[l.find(i)],
			Source: c.source,
			Reason: l.reason(c, e, i == e.Mentions[0]),
		})
	}
	return out
}

// aliasText is a mention's surface form as an alias: one line, and a
// sentence-initial "The" of a description in lower case.
func aliasText(c *cand) string {
	a := strings.Join(strings.Fields(c.text), " ")
	if c.source == SourceDescription && strings.HasPrefix(a, "The ") {
		a = "the " + a[4:]
	}
	return a
}

// canonical picks the fullest name: most key words, then a form written
// plainly rather than rebuilt from quotes, then the most frequent, then the
// earliest.
func (l *linker) canonical(ms []int) *cand {
	count := map[string]int{}
	for _, i := range ms {
		count[l.cands[i].form]++
	}
	var best *cand
	better := func(c, b *cand) bool {
		if (c.source == SourceDescription) != (b.source == SourceDescription) {
			return b.source == SourceDescription
		}
		if len(c.toks) != len(b.toks) {
			return len(c.toks) > len(b.toks)
		}
		if (c.source == SourceQuoted) != (b.source == SourceQuoted) {
			return b.source == SourceQuoted
		}
		if count[c.form] != count[b.form] {
			return count[c.form] > count[b.form]
		}
		return false
	}
	for _, i := range ms {
		if c := l.cands[i]; best == nil || better(c, best) {
			best = c
		}
	}
	return best
}

func (l *linker) reason(c *cand, e *Entity, first bool) string {
	canon := e.Canonical
	if c.source == SourceDescription {
		return fmt.Sprintf(c.reason, canon)
	}
	var rule string
	if c.source != SourceNER && c.reason != "" {
		rule = c.reason + "; "
	}
	switch l.keyLink[c.key] {
	case linkSurname:
		s := "short form of " + canon
		if c.title != "" {
			s += " (title " + c.title + " removed)"
		}
		return rule + s
	case linkShortOrg:
		return rule + "short form of " + canon + " (head-final part of the name)"
	case linkAcronym:
		return rule + "abbreviation defined in parentheses: " + l.acrDef[c.key]
	}
	switch {
	case c.form == canon && first:
		return rule + "canonical name"
	case c.form == canon:
		return rule + "same name"
	case c.key == NameKey(canon):
		if c.title != "" {
			return rule + "same name as " + canon + " (title " + c.title + " removed)"
		}
		return rule + "same name as " + canon + " (variant spelling, quotes or function words)"
	}
	return rule + "linked to " + canon
}
