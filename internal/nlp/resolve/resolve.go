// Package resolve groups the names found in a document into entities and
// decides whether entities of different documents are the same.
//
// Within a document (InDoc) it links short forms to full names, abbreviations
// defined in parentheses to what they abbreviate, quoted names ("Legion
// “Freedom for Russia”") to their plain spelling and definite descriptions
// ("the Legion", "the group") to their antecedent, and adds the names the
// tagger misses that these rules can find. Across documents (Keys, Match) it
// compares profiles by transliteration-folded name keys, acronyms and
// shared context. Every link carries a reason a reader can check.
package resolve

import (
	"sort"
	"strings"
	"unicode"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/nlp/ner"
	"github.com/sitrep/sitrep/internal/nlp/text"
)

// Mention is a name in one document.
type Mention struct {
	// Span is in code points of the document text, end exclusive.
	Span model.Span
	Text string
	// Type is PER, ORG or LOC (NORP and MISC are allowed).
	Type string
	// Entity indexes Doc.Entities.
	Entity int
	// Source is "ner", or the rule that found the mention: "acronym",
	// "description", "quoted-name" or "pattern".
	Source string
	// Reason says why the mention belongs to its entity.
	Reason string
}

// Entity is one thing a document names, possibly in several ways.
type Entity struct {
	// Canonical is the fullest name form in the document.
	Canonical string
	Type      string
	// Aliases are the other surface forms, sorted and deduplicated.
	Aliases []string
	// Mentions index Doc.Mentions, in text order.
	Mentions []int
}

// Doc is a document's mentions grouped into entities.
type Doc struct {
	Mentions []Mention
	Entities []Entity
}

// Sources of mentions.
const (
	SourceNER         = "ner"
	SourceAcronym     = "acronym"
	SourceDescription = "description"
	SourceQuoted      = "quoted-name"
	SourcePattern     = "pattern"
)

// cand is a mention while the rules work on it.
type cand struct {
	span   model.Span
	t0, t1 int // tokens [t0, t1)
	typ    string
	source string
	text   string
	form   string   // the name it spells, for canonical forms and keys
	title  string   // a title removed from form ("Mr")
	toks   []string // key tokens of form
	key    string
	reason string // set by the rule that found it
	// acrOf is the full-name candidate an abbreviation was defined for.
	acrOf *cand
	// antecedent is what a description refers to.
	antecedent *cand
	gone       bool
	sent       int
	idx        int
}

type resolver struct {
	doc   text.Doc
	runes []rune
	cands []*cand
	// byStart maps a code point offset to the token starting there.
	byStart map[int]int
	byEnd   map[int]int
}

// InDoc groups a document's NER mentions into entities and adds the mentions
// the tagger misses that rules can find.
func InDoc(doc text.Doc, ms []ner.Mention) Doc {
	r := &resolver{doc: doc, runes: []rune(doc.Text), byStart: map[int]int{}, byEnd: map[int]int{}}
	for i, t := range doc.Tokens {
		r.byStart[t.Span.Start] = i
		r.byEnd[t.Span.End] = i + 1
	}
	for _, m := range ms {
		t0, t1, ok := r.tokenRange(m.Span)
		if !ok {
			continue
		}
		// "Mr Baranovsky" is one mention even when the tagger saw only
		// the surname.
		for m.Type == "PER" && t0 > 0 && honorifics[strings.TrimSuffix(lower(doc.Tokens[t0-1]), ".")] && isCapWord(doc.Tokens[t0-1]) {
			t0--
		}
		// Offices are not part of the name, though some training text
		// puts them in the span ("U.S. Secretary of State Antony
		// Blinken"): the mention starts at the name, so that it reads as
		// the name wherever it is shown.
		for m.Type == "PER" && t1-t0 > 1 && isOfficeWord(doc.Tokens[t0]) {
			t0++
		}
		for _, p := range r.lines(t0, t1) {
			r.add(&cand{t0: p[0], t1: p[1], typ: m.Type, source: SourceNER}, false)
		}
	}
	r.extendConjoined()
	r.quotedNames()
	r.orgPatterns()
	r.callsigns()
	r.appositions()
	r.roles()
	r.institutionNames()
	r.acronyms()
	r.finish()
	return r.resolve()
}

// lines splits tokens [t0, t1) at line breaks: a name never runs from a
// title or credit line into the body ("Ukrinform\nRussian volunteer units"),
// while the tagger, which sees no lines, sometimes joins them. A piece that
// is a lone nationality word is dropped.
func (r *resolver) lines(t0, t1 int) [][2]int {
	toks := r.doc.Tokens
	var out [][2]int
	a := t0
	for k := t0 + 1; k <= t1; k++ {
		if k < t1 && !strings.ContainsRune(string(r.runes[toks[k-1].Span.End:toks[k].Span.Start]), '\n') {
			continue
		}
		if !(k-a == 1 && demonyms[lower(toks[a])]) {
			out = append(out, [2]int{a, k})
		}
		a = k
	}
	return out
}

// extendConjoined completes organisation names with "and" inside them
// ("Centre for Strategic Communication and Information Security"), which
// the tagger tends to cut at the conjunction. Only capitalised words that
// no other mention claims are taken, so "the Kremlin and Putin" stays two.
func (r *resolver) extendConjoined() {
	toks := r.doc.Tokens
	for _, c := range r.cands {
		if c.typ != "ORG" || c.t1-c.t0 < 2 || c.t1+1 >= len(toks) || lower(toks[c.t1]) != "and" {
			continue
		}
		k := c.t1 + 1
		for k < len(toks) && isCapWord(toks[k]) && !r.covered(k) && !toks[k].IsAllCaps() {
			k++
		}
		if k == c.t1+1 || r.doc.SentenceAt(toks[k-1].Span.Start) != r.doc.SentenceAt(toks[c.t0].Span.Start) {
			continue
		}
		c.t1 = k
		c.span.End = toks[k-1].Span.End
		c.text = string(r.runes[c.span.Start:c.span.End])
	}
}

// tokenRange finds the tokens a code point span covers.
// isOfficeWord reports a word of an office written before a name: a title
// other than an honorific ("Mr" stays with the name), "of", "State",
// nationality abbreviations ("U.S."), and offices' modifiers.
func isOfficeWord(t text.Token) bool {
	w := strings.TrimSuffix(lower(t), ".")
	switch {
	case honorifics[w]:
		return false
	case titleWords[w] || titleModifiers[w] || w == "of" || w == "state" || w == "the":
		return true
	case t.Kind == text.Word && strings.Count(t.Text, ".") >= 2 && t.IsAllCaps():
		return true // U.S., U.K.
	}
	return false
}

func (r *resolver) tokenRange(s model.Span) (int, int, bool) {
	t0, ok0 := r.byStart[s.Start]
	t1, ok1 := r.byEnd[s.End]
	if ok0 && ok1 && t0 < t1 {
		return t0, t1, true
	}
	// A tagger span that does not fall on token edges still names the
	// tokens it overlaps.
	toks := r.doc.Tokens
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Span.End > s.Start })
	j := i
	for j < len(toks) && toks[j].Span.Start < s.End {
		j++
	}
	return i, j, i < j
}

// add inserts c unless it overlaps a candidate; with replace, candidates
// lying wholly inside c give way to it instead, since the rule that found c
// saw more of the name than the tagger did.
func (r *resolver) add(c *cand, replace bool) bool {
	var over []*cand
	for _, o := range r.cands {
		if !o.gone && o.t0 < c.t1 && c.t0 < o.t1 {
			over = append(over, o)
		}
	}
	if len(over) > 0 {
		if !replace {
			return false
		}
		for _, o := range over {
			if o.t0 < c.t0 || o.t1 > c.t1 {
				return false
			}
			if o.t0 == c.t0 && o.t1 == c.t1 && o.typ == c.typ {
				// The tagger already has it; its evidence stands.
				return false
			}
		}
		for _, o := range over {
			o.gone = true
		}
	}
	toks := r.doc.Tokens
	c.span = model.Span{Start: toks[c.t0].Span.Start, End: toks[c.t1-1].Span.End}
	c.text = string(r.runes[c.span.Start:c.span.End])
	r.cands = append(r.cands, c)
	return true
}

// covered reports whether token i is inside a candidate.
func (r *resolver) covered(i int) bool {
	for _, o := range r.cands {
		if !o.gone && o.t0 <= i && i < o.t1 {
			return true
		}
	}
	return false
}

// candAt returns the candidate spanning exactly tokens [t0, t1).
func (r *resolver) candAt(t0, t1 int) *cand {
	for _, o := range r.cands {
		if !o.gone && o.t0 == t0 && o.t1 == t1 {
			return o
		}
	}
	return nil
}

func lower(t text.Token) string { return strings.ToLower(t.Text) }

func isCapWord(t text.Token) bool { return t.Kind == text.Word && t.IsTitle() }

// patternHeads end an organisation name the tagger may miss.
var patternHeads = set("legion", "battalion", "brigade", "corps", "regiment", "division", "guard",
	"service", "ministry", "agency", "council", "army", "militia", "fleet", "directorate",
	"committee", "forces")

// armedHeads mark organisations that "the group" or "the militia" can
// refer back to.
var armedHeads = set("legion", "battalion", "brigade", "corps", "regiment", "division", "army",
	"militia", "group", "guard", "front", "forces", "force", "detachment", "squadron", "unit",
	"movement", "company")

// quotedNames finds Legion “Freedom for Russia” and the “Freedom of Russia”
// legion: a capitalised quotation with an organisation head word just
// outside it. The tagger tends to see only the country inside the quotes.
func (r *resolver) quotedNames() {
	toks := r.doc.Tokens
	for _, s := range r.doc.Sentences {
		end := s.First + len(s.Tokens)
		for i := s.First; i < end; i++ {
			if toks[i].Kind != text.OpenQuote {
				continue
			}
			k := i + 1
			for k < end && k-i <= 7 && toks[k].Kind == text.Word {
				k++
			}
			if k >= end || toks[k].Kind != text.CloseQuote || k == i+1 || !isCapWord(toks[i+1]) {
				continue
			}
			var words []string
			ok := true
			for _, t := range toks[i+1 : k] {
				if !isCapWord(t) && !functionWords[lower(t)] {
					ok = false
				}
				words = append(words, t.Text)
			}
			if !ok || patternHeads[lower(toks[k-1])] {
				continue
			}
			var t0, t1 int
			var head string
			switch {
			case i > s.First && isCapWord(toks[i-1]) && patternHeads[lower(toks[i-1])]:
				t0, t1, head = i-1, k+1, toks[i-1].Text
			case k+1 < end && toks[k+1].Kind == text.Word && patternHeads[lower(toks[k+1])]:
				t0, t1, head = i, k+2, toks[k+1].Text
			default:
				continue
			}
			head = titleCase(head)
			c := &cand{t0: t0, t1: t1, typ: "ORG", source: SourceQuoted,
				form:   strings.Join(words, " ") + " " + head,
				reason: "quoted name with head word " + head}
			r.add(c, true)
		}
	}
}

func titleCase(w string) string {
	rs := []rune(strings.ToLower(w))
	if len(rs) > 0 {
		rs[0] = unicode.ToUpper(rs[0])
	}
	return string(rs)
}

// runStops are capitalised words that open a sentence or a phrase rather
// than a name.
var runStops = set("the", "a", "an", "in", "on", "at", "like", "and", "but", "with", "from", "by",
	"as", "after", "before", "when", "while", "this", "that", "these", "those", "its", "their",
	"his", "her", "our", "meanwhile", "according", "also", "both", "neither", "unlike", "said")

// orgPatterns finds capitalised names that end in an organisation word
// ("Siberian Battalion", "Defense Ministry") or begin with one followed by
// "of" ("Ministry of Defence").
func (r *resolver) orgPatterns() {
	toks := r.doc.Tokens
	for _, s := range r.doc.Sentences {
		if headline(s.Tokens) {
			continue
		}
		end := s.First + len(s.Tokens)
		for i := s.First; i < end; {
			if !isCapWord(toks[i]) {
				i++
				continue
			}
			j := i + 1
			for j < end {
				if isCapWord(toks[j]) {
					j++
					continue
				}
				// Connectors join capitalised words: "Freedom of Russia",
				// "Centre for Strategic Communication".
				c := lower(toks[j])
				if (c == "of" || c == "for" || c == "de") && j+1 < end {
					if isCapWord(toks[j+1]) {
						j += 2
						continue
					}
					if lower(toks[j+1]) == "the" && j+2 < end && isCapWord(toks[j+2]) {
						j += 3
						continue
					}
				}
				break
			}
			r.orgRun(i, j)
			i = j
		}
	}
}

// headline reports a sentence in title case ("Russian Army Says It Took
// Town"), where capitals mark no names and the pattern would run across
// several of them.
func headline(ts []text.Token) bool {
	words, caps := 0, 0
	for _, t := range ts {
		if t.Kind != text.Word || functionWords[lower(t)] {
			continue
		}
		words++
		if t.IsTitle() {
			caps++
		}
	}
	return words >= 4 && caps*10 >= words*8
}

func (r *resolver) orgRun(i, j int) {
	toks := r.doc.Tokens
	for i < j && runStops[lower(toks[i])] {
		i++
	}
	// "Fighters of the Crimean Tatar Battalion": before "of the", only an
	// organisation word ("Army of the Republic") belongs to the name.
	for k := i; k+2 < j; k++ {
		if patternHeads[lower(toks[k])] {
			break
		}
		if lower(toks[k+1]) == "of" && lower(toks[k+2]) == "the" {
			i = k + 3
			break
		}
	}
	if j-i < 2 {
		return
	}
	last := -1
	for k := j - 1; k > i; k-- {
		if patternHeads[lower(toks[k])] {
			last = k
			break
		}
	}
	t1 := last + 1
	if last < 0 {
		// Head first: "Ministry of Defence".
		if !patternHeads[lower(toks[i])] || toks[i+1].Kind != text.Word || isCapWord(toks[i+1]) {
			return
		}
		t1 = j
	}
	head := toks[t1-1].Text
	if last < 0 {
		head = toks[i].Text
	}
	r.add(&cand{t0: i, t1: t1, typ: "ORG", source: SourcePattern,
		reason: "capitalised name with organisation word " + head}, true)
}

// callsigns finds the names fighters go by: "callsign Kholod", "call sign
// “Kholod”", "nicknamed Ryzhy". The tagger rarely knows them.
func (r *resolver) callsigns() {
	toks := r.doc.Tokens
	for i := 0; i < len(toks); i++ {
		w := lower(toks[i])
		j := i + 1
		switch w {
		case "callsign", "call-sign", "nicknamed", "codenamed", "code-named":
		case "call", "code":
			if j < len(toks) && lower(toks[j]) == "sign" || w == "code" && j < len(toks) && lower(toks[j]) == "name" {
				j++
			} else {
				continue
			}
		default:
			continue
		}
		for j < len(toks) && (toks[j].Kind == text.OpenQuote || toks[j].Text == ",") {
			j++
		}
		if j >= len(toks) || !isCapWord(toks[j]) {
			continue
		}
		k := j + 1
		if k < len(toks) && isCapWord(toks[k]) && !toks[k].IsAllCaps() {
			k++
		}
		if o := r.candAt(j, k); o != nil && o.typ == "PER" {
			continue
		}
		r.add(&cand{t0: j, t1: k, typ: "PER", source: SourcePattern,
			reason: "name given after \"" + strings.Join(tokTexts(toks[i:j]), " ") + "\""}, true)
	}
}

func tokTexts(ts []text.Token) []string {
	var out []string
	for _, t := range ts {
		if t.Kind == text.Word {
			out = append(out, t.Text)
		}
	}
	return out
}

// appositionNouns precede the name of an outlet or service in apposition:
// "the news agency Tass", "the domestic intelligence service FSB".
var appositionNouns = set("agency", "service", "magazine", "newspaper", "outlet", "broadcaster",
	"channel", "daily", "weekly", "tabloid")

// notNames are capitalised words that follow "the newspaper" without
// naming it ("the newspaper Wednesday reported").
var notNames = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "the", "it", "he", "she", "they", "on", "in", "and")

func (r *resolver) appositions() {
	toks := r.doc.Tokens
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Kind != text.Word || !appositionNouns[toks[i].Text] {
			continue
		}
		j := i + 1
		if !isCapWord(toks[j]) || r.covered(j) || !toks[j].SpaceBefore || notNames[lower(toks[j])] {
			continue
		}
		if !r.followsName(j + 1) {
			// "agency Reuters Kyiv" is too ambiguous to split by rule.
			continue
		}
		r.add(&cand{t0: j, t1: j + 1, typ: "ORG", source: SourcePattern,
			reason: "name in apposition to \"" + toks[i].Text + "\""}, false)
	}
}

// isAcronym reports a token that can be an abbreviation: 2 to 6 capital
// letters.
func isAcronym(t text.Token) bool {
	n := 0
	for _, c := range t.Text {
		if !unicode.IsUpper(c) {
			return false
		}
		n++
	}
	return t.Kind == text.Word && n >= 2 && n <= 6
}

// initials returns the first letters of a name's words, with and without
// its function words.
func initials(words []string) (all, content string) {
	var a, c strings.Builder
	for _, w := range words {
		rs := []rune(w)
		if len(rs) == 0 || !unicode.IsLetter(rs[0]) {
			continue
		}
		f := unicode.ToUpper(rs[0])
		a.WriteRune(f)
		if !functionWords[strings.ToLower(w)] {
			c.WriteRune(f)
		}
	}
	return a.String(), c.String()
}

// acceptDefinition decides whether an abbreviation may stand for a name
// written next to it in parentheses. Matching initials suffice; an
// organisation of several words is trusted even without them, because
// abbreviations of transliterated names (LSR, RDK) follow the original
// language. A place or a lone word with foreign initials is more often a
// credit ("Kyiv (AFP)").
func acceptDefinition(acr string, full *cand, words []string) bool {
	all, content := initials(words)
	if acr == all || acr == content {
		return true // "Associated Press (AP)"
	}
	if newsAgencies[strings.ToLower(acr)] {
		// "DUBAI, United Arab Emirates (AFP)": a credit, not a definition.
		return false
	}
	return full.typ == "ORG" && len(words) >= 2
}

// newsAgencies are wire services whose abbreviation follows a dateline in
// parentheses; it never defines the name before it.
var newsAgencies = set("afp", "ap", "upi", "dpa", "ansa", "efe", "pti", "ians", "apa", "anp", "ctk",
	"pap", "mti", "bta", "aa", "kna", "wam", "spa", "ina", "irna", "isna", "bernama", "yonhap", "kyodo",
	"xinhua", "tass", "ria", "unian", "ukrinform", "reuters", "bloomberg", "cnn", "bbc", "nyt", "wsj")

// acronyms finds abbreviations defined in parentheses, either way round,
// and then every bare use of them.
func (r *resolver) acronyms() {
	toks := r.doc.Tokens
	defined := map[string]*cand{}
	var order []string
	for i := 1; i+2 < len(toks); i++ {
		if toks[i].Text != "(" {
			continue
		}
		// Name (ACR)
		if isAcronym(toks[i+1]) && toks[i+2].Text == ")" {
			acr := toks[i+1].Text
			full := r.candEndingAt(i)
			if full == nil {
				full = r.runBefore(i, acr)
			}
			if full == nil || full.typ == "PER" || defined[acr] != nil {
				continue
			}
			if !acceptDefinition(acr, full, r.words(full)) {
				continue
			}
			defined[acr] = full
			order = append(order, acr)
			continue
		}
		// ACR (Full Name)
		if !isAcronym(toks[i-1]) {
			continue
		}
		acr := toks[i-1].Text
		k := i + 1
		for k < len(toks) && k-i <= 10 && toks[k].Text != ")" {
			k++
		}
		if k >= len(toks) || toks[k].Text != ")" || k == i+1 || defined[acr] != nil {
			continue
		}
		full := r.candAt(i+1, k)
		if full == nil {
			if !allNameWords(toks[i+1 : k]) {
				continue
			}
			full = &cand{t0: i + 1, t1: k, typ: "ORG", source: SourcePattern,
				reason: "full name given in parentheses after " + acr}
			if !r.add(full, true) {
				continue
			}
		}
		if full.typ == "PER" || !acceptDefinition(acr, full, r.words(full)) {
			continue
		}
		defined[acr] = full
		order = append(order, acr)
	}
	for _, acr := range order {
		full := defined[acr]
		for i, t := range toks {
			if t.Text != acr || t.Kind != text.Word {
				continue
			}
			if o := r.candAt(i, i+1); o != nil {
				o.acrOf = full
				continue
			}
			if r.covered(i) {
				continue
			}
			r.add(&cand{t0: i, t1: i + 1, typ: full.typ, source: SourceAcronym, acrOf: full}, false)
		}
	}
}

func allNameWords(ts []text.Token) bool {
	caps := 0
	for _, t := range ts {
		switch {
		case isCapWord(t):
			caps++
		case t.Kind == text.Word && functionWords[lower(t)]:
		default:
			return false
		}
	}
	return caps >= 2
}

// candEndingAt returns the candidate that ends just before token i.
func (r *resolver) candEndingAt(i int) *cand {
	for _, o := range r.cands {
		if !o.gone && o.t1 == i {
			return o
		}
	}
	return nil
}

// runBefore makes a candidate of the capitalised words before token i
// whose initials spell acr, for a name the tagger missed.
func (r *resolver) runBefore(i int, acr string) *cand {
	toks := r.doc.Tokens
	j := i
	for j > 0 && i-j < 10 && (isCapWord(toks[j-1]) || toks[j-1].Kind == text.Word && functionWords[lower(toks[j-1])]) {
		j--
	}
	for ; j < i-1; j++ {
		if !isCapWord(toks[j]) || runStops[lower(toks[j])] {
			continue
		}
		all, content := initials(tokTexts(toks[j:i]))
		if all == acr || content == acr {
			c := &cand{t0: j, t1: i, typ: "ORG", source: SourcePattern,
				reason: "capitalised name abbreviated " + acr}
			if r.add(c, true) {
				return c
			}
			return nil
		}
	}
	return nil
}

// words returns the words of a candidate's form.
func (r *resolver) words(c *cand) []string {
	if c.form == "" {
		r.setForm(c)
	}
	return strings.Fields(c.form)
}

// setForm writes the name a candidate spells: quote marks, a leading
// article and trailing possessives dropped, and a person's title removed.
func (r *resolver) setForm(c *cand) {
	if c.form == "" {
		ts := r.doc.Tokens[c.t0:c.t1]
		for len(ts) > 1 && (ts[0].IsQuote() || lower(ts[0]) == "the") {
			ts = ts[1:]
		}
		for len(ts) > 1 && (ts[len(ts)-1].IsQuote() || lower(ts[len(ts)-1]) == "'s" || lower(ts[len(ts)-1]) == "’s") {
			ts = ts[:len(ts)-1]
		}
		if c.typ == "PER" || len(ts) > 1 && honorifics[strings.TrimSuffix(lower(ts[0]), ".")] {
			if k := titleLength(ts); k > 0 {
				c.title = strings.Join(tokTexts(ts[:k]), " ")
				ts = ts[k:]
			}
		}
		var b strings.Builder
		for k, t := range ts {
			if k > 0 && t.SpaceBefore {
				b.WriteByte(' ')
			}
			b.WriteString(t.Text)
		}
		c.form = b.String()
	}
	c.toks = keyTokens(c.form)
	c.key = strings.Join(c.toks, " ")
}

// honorifics mark a personal name whatever the tagger called it.
var honorifics = set("mr", "mrs", "ms", "dr", "sir", "dame", "prof")

// titleLength returns how many tokens at the start of a personal name are
// its holder's title, "U.S. Secretary of State" or "Russian President"
// included; at least one token is always left.
func titleLength(ts []text.Token) int {
	k := 0
	for j := 0; j < len(ts)-1; j++ {
		w := strings.TrimSuffix(lower(ts[j]), ".")
		switch {
		case titleWords[w]:
			k = j + 1
			if j+3 < len(ts) && lower(ts[j+1]) == "of" && officeObjects[lower(ts[j+2])] {
				j += 2
				k = j + 1
			}
		case titleModifiers[w], w == "the", demonyms[w], ts[j].IsAllCaps() && ts[j].IsAbbrev():
		default:
			return nameAfterTitle(ts, k)
		}
	}
	return nameAfterTitle(ts, k)
}

// nameAfterTitle keeps a title that no name follows: "Governor of
// Alaska" is an office, not Alaska.
func nameAfterTitle(ts []text.Token, k int) int {
	if k > 0 && !isCapWord(ts[k]) {
		return 0
	}
	return k
}

// officeObjects complete titles such as "Secretary of State".
var officeObjects = set("state", "defence", "defense", "staff", "interior", "justice", "finance",
	"health", "foreign", "war")

// demonyms qualify a title ("Russian President") and go with it.
var demonyms = set("russian", "ukrainian", "american", "british", "german", "french", "belarusian",
	"polish", "chinese", "israeli", "iranian", "turkish", "us", "u.s", "uk", "eu", "former", "then")

// finish drops replaced candidates, orders the rest and fills in forms and
// sentences.
func (r *resolver) finish() {
	var keep []*cand
	for _, c := range r.cands {
		if !c.gone {
			keep = append(keep, c)
		}
	}
	sort.Slice(keep, func(i, j int) bool { return keep[i].t0 < keep[j].t0 })
	for i, c := range keep {
		c.idx = i
		r.setForm(c)
		c.sent = r.doc.SentenceAt(c.span.Start)
	}
	r.cands = keep
}
