// Package gen generates realistic synthetic news documents for benchmarks
// and for evaluating deduplication and story clustering: invented countries
// in border conflicts, events (raids, shelling, drone strikes, protests,
// prisoner exchanges) reported by several outlets, and copies of earlier
// articles with the edits syndication brings (another site's boilerplate,
// credit lines, dropped or added paragraphs, new or missing titles, typos,
// other spellings of names). Originals about one event share its facts and
// the statements quoted in them but not their prose, as independent outlets
// do: each section of an article has many templates full of alternatives,
// outlets introduce people and order material their own way, and each
// writer paraphrases, so that only copies look like copies.
//
// Generation is deterministic: document i of a seed is a pure function of
// (seed, i, Options), built with math/rand/v2's PCG, so the same seed always
// yields identical bytes and any document can be rebuilt without the others.
package gen

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Doc is one generated document.
type Doc struct {
	// Name is the path to write the document to, relative to the corpus
	// folder: a shard folder of 1000 documents, then the index and outlet,
	// e.g. "0001/0001234-northline.html".
	Name   string
	Format string // "text" (a scraped page as plain text) or "html"
	Body   []byte
	// Event numbers the event the document reports; documents with the same
	// Event belong to one story. Twin events (see Options.TwinShare) have
	// different numbers.
	Event int
	// CopyOf is the index of the original this document copies, -1 when the
	// document is an original. Originals never copy anything.
	CopyOf int
	// Title, Outlet and Published ("YYYY-MM-DD") are what the document shows;
	// Title or Published is "" when the document has none.
	Title, Outlet, Published string
	// Text is the article's main text, without boilerplate, as an extractor
	// should return it: paragraphs separated by blank lines.
	Text string
	// Edits lists what a copy changed: "boilerplate", "credit", "bare",
	// "drop-paragraph", "add-paragraph", "retitle", "no-title", "typos",
	// "respelled", "no-date", "html", "text".
	Edits []string
}

// Options shape a generated corpus. The zero value gives originals only,
// all as plain text; DefaultOptions is a realistic mix.
type Options struct {
	// Events is the number of distinct events; 0 means one per six documents.
	Events int
	// CopyShare is the share of documents that copy an earlier original.
	CopyShare float64
	// HTMLShare is the share of documents written as HTML pages.
	HTMLShare float64
	// TwinShare is the share of event pairs that are twins: the second event
	// repeats the first one's armed group and district about a year later,
	// in another village and with other figures, so story clustering must
	// keep them apart.
	TwinShare float64
	// Manifest, when set, receives one JSON line per document written by
	// WriteCorpus: name, format, event, copy_of, title, outlet, published,
	// edits.
	Manifest io.Writer
}

// DefaultOptions is a mix close to what a news crawl holds.
var DefaultOptions = Options{CopyShare: 0.3, HTMLShare: 0.35, TwinShare: 0.25}

// Size bounds of the documents, in bytes.
const (
	MinText = 3000
	MaxText = 8000
	MinHTML = 20000
	MaxHTML = 60000
)

// copyWindow bounds how far back a copy looks for its original, as
// syndication follows publication closely.
const copyWindow = 400

// Salts separate the random streams drawn for one index.
const (
	saltKind    = 0x6b696e64 // "kind": copy or original
	saltArticle = 0x61727469 // "arti"
	saltCopy    = 0x636f7079 // "copy"
	saltFormat  = 0x666f726d // "form"
)

// generator holds what all documents of a seed share.
type generator struct {
	seed   uint64
	opt    Options
	events int
	world  *world
	cache  map[int]*event
}

func newGenerator(seed uint64, n int, opt Options) *generator {
	opt.CopyShare = clamp01(opt.CopyShare)
	opt.HTMLShare = clamp01(opt.HTMLShare)
	opt.TwinShare = clamp01(opt.TwinShare)
	events := opt.Events
	if events <= 0 {
		events = n/6 + 1
	}
	return &generator{seed: seed, opt: opt, events: events, world: newWorld(seed), cache: map[int]*event{}}
}

func clamp01(x float64) float64 { return min(max(x, 0), 1) }

// Articles yields n documents of the given seed in index order.
func Articles(seed uint64, n int, opt Options) iter.Seq[Doc] {
	return func(yield func(Doc) bool) {
		g := newGenerator(seed, n, opt)
		for i := range n {
			if !yield(g.doc(i)) {
				return
			}
		}
	}
}

// WriteCorpus writes n documents under dir, 1000 to a shard folder, and the
// manifest to opt.Manifest when it is set.
func WriteCorpus(dir string, seed uint64, n int, opt Options) error {
	var enc *json.Encoder
	if opt.Manifest != nil {
		enc = json.NewEncoder(opt.Manifest)
	}
	i := 0
	for d := range Articles(seed, n, opt) {
		if i%1000 == 0 {
			if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(d.Name)), 0o755); err != nil {
				return fmt.Errorf("gen: %w", err)
			}
		}
		if err := os.WriteFile(filepath.Join(dir, d.Name), d.Body, 0o644); err != nil {
			return fmt.Errorf("gen: %w", err)
		}
		if enc != nil {
			if err := enc.Encode(manifestLine{d.Name, d.Format, d.Event, d.CopyOf, d.Title, d.Outlet, d.Published, d.Edits}); err != nil {
				return fmt.Errorf("gen: manifest: %w", err)
			}
		}
		i++
	}
	return nil
}

type manifestLine struct {
	Name      string   `json:"name"`
	Format    string   `json:"format"`
	Event     int      `json:"event"`
	CopyOf    int      `json:"copy_of"`
	Title     string   `json:"title"`
	Outlet    string   `json:"outlet"`
	Published string   `json:"published"`
	Edits     []string `json:"edits,omitempty"`
}

// isCopy says whether document i copies an earlier original.
func (g *generator) isCopy(i int) bool {
	if i == 0 || g.opt.CopyShare == 0 {
		return false
	}
	return rand.New(rand.NewPCG(g.seed^saltKind, uint64(i))).Float64() < g.opt.CopyShare
}

// originalOf picks the original that copy i reprints, or -1 when none of
// the tries found one.
func (g *generator) originalOf(i int) int {
	r := rand.New(rand.NewPCG(g.seed^saltKind, uint64(i)<<1|1))
	lo := max(0, i-copyWindow)
	for range 8 {
		if j := lo + r.IntN(i-lo); !g.isCopy(j) {
			return j
		}
	}
	return -1
}

func (g *generator) event(id int) *event {
	if e, ok := g.cache[id]; ok {
		return e
	}
	e := g.world.eventAt(g.seed, id, g.opt.TwinShare)
	g.cache[id] = &e
	return &e
}

// eventOf is the event original i reports.
func (g *generator) eventOf(i int) int {
	return rand.New(rand.NewPCG(g.seed^saltArticle, uint64(i)<<1|1)).IntN(g.events)
}

// doc builds document i.
func (g *generator) doc(i int) Doc {
	var a *article
	copyOf := -1
	if g.isCopy(i) {
		copyOf = g.originalOf(i)
	}
	if copyOf >= 0 {
		a = g.copyArticle(i, copyOf)
	} else {
		a = g.original(i)
	}
	r := rand.New(rand.NewPCG(g.seed^saltFormat, uint64(i)))
	html := r.Float64() < g.opt.HTMLShare
	d := Doc{Event: a.ev.ID, CopyOf: copyOf, Title: a.title, Outlet: a.out.Name}
	if a.showsDate(html) {
		d.Published = a.date.Format(time.DateOnly)
	}
	if html {
		d.Format, d.Body = "html", a.renderHTML(r)
	} else {
		d.Format, d.Body = "text", a.renderText(r)
	}
	d.Text = a.text()
	if copyOf >= 0 {
		d.Edits = append(a.edits, d.Format)
	}
	ext := "txt"
	if html {
		ext = "html"
	}
	d.Name = fmt.Sprintf("%04d/%07d-%s.%s", i/1000, i, a.out.Slug, ext)
	return d
}

// article is a document before rendering.
type article struct {
	ev          *event
	out         *outlet
	vars        map[string]string
	title       string
	stand       string
	author      string
	date        time.Time
	dated       bool
	paras       []string
	creditFirst string // prefix of the first paragraph
	creditLast  string // a closing credit paragraph
	bare        bool   // minimal boilerplate
	edits       []string
}

// showsDate says whether the rendered document carries its full date: in
// the page's meta tags, the outlet's date line or an aggregator dateline.
func (a *article) showsDate(html bool) bool {
	return a.dated && (html || a.out.DateFmt != "" || a.out.Credit == creditWire && a.creditFirst != "")
}

// text is the main text as an extractor should return it.
func (a *article) text() string {
	var b strings.Builder
	for k, p := range a.paras {
		if k > 0 {
			b.WriteString("\n\n")
		}
		if k == 0 {
			b.WriteString(strings.TrimSpace(a.creditFirst + p))
		} else {
			b.WriteString(p)
		}
	}
	if a.creditLast != "" {
		b.WriteString("\n\n" + a.creditLast)
	}
	return b.String()
}

// original builds the article of original document i.
func (g *generator) original(i int) *article {
	r := rand.New(rand.NewPCG(g.seed^saltArticle, uint64(i)))
	ev := g.event(g.eventOf(i))
	a := &article{ev: ev, out: &outlets[r.IntN(len(outlets))]}
	a.vars = g.vars(ev, a.out, r)
	kt := &templates[ev.Kind]
	a.title = expand(r, pick(r, kt.Titles), a.vars)
	if r.IntN(2) == 0 {
		a.stand = expand(r, pick(r, kt.Stands), a.vars)
	}
	if a.out.Byline != "" {
		a.author = westernName(r)
	}
	a.date = ev.Date.AddDate(0, 0, r.IntN(2)).Add(time.Duration(6+r.IntN(16))*time.Hour + time.Duration(r.IntN(60))*time.Minute)
	a.dated = r.IntN(20) > 0
	style := wordingFor(r, a.out)
	type part struct {
		rank float64
		text string
	}
	parts := make([]part, 0, len(kt.Sections)+maxFillers)
	words := 0
	add := func(k int) {
		p := style.Replace(paragraph(r, pick(r, kt.Sections[k].Texts), a.vars))
		rank := float64(k)
		if k > 0 {
			rank += sectionDrift * r.Float64()
		}
		parts = append(parts, part{rank, p})
		words += strings.Count(p, " ") + 1
	}
	var skipped []int
	for k, s := range kt.Sections {
		if s.Prob >= 1 || r.Float64() < s.Prob*a.out.Depth {
			add(k)
		} else {
			skipped = append(skipped, k)
		}
	}
	for _, k := range skipped {
		if words >= minWords {
			break
		}
		add(k)
	}
	slices.SortStableFunc(parts, func(x, y part) int { return cmp.Compare(x.rank, y.rank) })
	a.paras = make([]string, len(parts), len(parts)+maxFillers)
	for k, p := range parts {
		a.paras[k] = p.text
	}
	for _, k := range r.Perm(len(fillers))[:r.IntN(maxFillers+1)] {
		at := 2 + r.IntN(max(len(a.paras)-1, 1))
		a.paras = slices.Insert(a.paras, min(at, len(a.paras)), style.Replace(paragraph(r, fillers[k], a.vars)))
	}
	return a
}

// vars are the values the templates of one article use, with local names
// spelled the outlet's way.
func (g *generator) vars(ev *event, out *outlet, r *rand.Rand) map[string]string {
	t := out.Translit
	killed := ev.Killed
	if ev.Kind == kindShelling {
		killed = max(killed, 1)
	}
	kt := &templates[ev.Kind]
	v := map[string]string{
		"group": ev.Group, "groupAlt": ev.GroupAlt, "abbr": ev.Abbr,
		"cmdr": spell(ev.Commander, t), "cmdrLast": lastName(spell(ev.Commander, t)), "callsign": ev.Callsign,
		"atk": ev.Atk.Name, "atkAdj": ev.Atk.Adj, "atkCap": ev.Atk.Capital,
		"tgt": ev.Tgt.Name, "tgtAdj": ev.Tgt.Adj, "tgtCap": ev.Tgt.Capital,
		"province": spell(ev.Province.Name, t) + " province", "prov": spell(ev.Province.Name, t), "provCap": spell(ev.Province.Capital, t),
		"district": spell(ev.District.Name, t), "town": spell(ev.Town, t), "village": spell(ev.Village, t),
		"on":        pick(r, []string{"on " + ev.Date.Format("Monday"), "on " + ev.Date.Format("2 January"), "on " + ev.Date.Format("Monday, 2 January")}),
		"killedCap": capitalize(words(killed)), "civKilled": civilians(killed),
		"wounded": number(ev.Wounded),
		"killedD": fmt.Sprint(killed), "woundedD": fmt.Sprint(ev.Wounded),
		"killedP": people(killed), "woundedP": people(ev.Wounded), "woundedCiv": civilians(ev.Wounded),
		"claimed": fmt.Sprint(ev.Claimed), "prisoners": number(ev.Prisoners),
		"vehicles": number(ev.Vehicles), "drones": fmt.Sprint(ev.Drones), "crowd": thousands(ev.Crowd), "crowdSmall": fmt.Sprint(ev.Crowd / 10),
		"exchanged": fmt.Sprint(ev.Exchanged), "exchangedCap": capitalize(words(ev.Exchanged)),
		"spokesman": spell(ev.Spokesman, t), "spokesLast": lastName(spell(ev.Spokesman, t)),
		"gov": spell(ev.Governor, t), "govLast": lastName(spell(ev.Governor, t)),
		"official": spell(ev.Official, t), "offLast": lastName(spell(ev.Official, t)),
		"mayor": spell(ev.Mayor, t), "mayorLast": lastName(spell(ev.Mayor, t)),
		"organiser": spell(ev.Organiser, t), "orgLast": lastName(spell(ev.Organiser, t)),
		"president": spell(ev.President, t), "presLast": lastName(spell(ev.President, t)),
		"analyst": ev.Analyst, "analystLast": lastName(ev.Analyst), "institute": ev.Institute, "resident": spell(ev.Resident, t),
		"mediator": ev.Mediator.Name, "medAdj": ev.Mediator.Adj, "minister": ev.Minister, "ministerLast": lastName(ev.Minister),
		"hour": number(ev.Hour), "hourD": fmt.Sprint(ev.Hour) + " a.m.", "km": number(ev.BorderKm),
		"houses": number(ev.Houses), "minutes": fmt.Sprint(ev.Minutes), "area": thousands(ev.Area),
		"firefighters": number(ev.Firefighters), "nth": ordinals[ev.Nth], "families": thousands(ev.Families),
		"lastSwap": fmt.Sprint(ev.LastSwap), "held": thousands(ev.Held), "population": thousands(ev.Population),
		"regions": number(ev.Regions), "otherRegions": others(ev.Regions, "neighbouring region"), "fighters": thousands(ev.Fighters), "serious": number(ev.Serious),
		"age": fmt.Sprint(ev.Age), "kin": kin(ev.Age), "month": ev.Date.Month().String(),
	}
	for k, p := range phrases {
		v[k] = p
	}
	if len(kt.Sites) > 0 {
		site := kt.Sites[ev.Site%len(kt.Sites)]
		v["site"], v["aSite"] = site, withArticle(site)
	}
	for k, q := range kt.Quotes {
		v[q.Key] = q.Pool[ev.Quotes[k]%len(q.Pool)]
	}
	bg := plainBackgrounds
	if ev.Twin >= 0 {
		tw := g.event(ev.Twin)
		v["twinVillage"] = spell(tw.Village, t)
		v["twinMonth"] = tw.Date.Month().String()
		v["twinYear"] = fmt.Sprint(tw.Date.Year())
		v["twinClaimed"] = fmt.Sprint(tw.Claimed)
		bg = twinBackgrounds
	}
	v["background"] = paragraph(r, pick(r, bg), v)
	return v
}

// copyArticle builds copy i of original j: the original's article moved to
// another outlet with the edits reprinting brings.
func (g *generator) copyArticle(i, j int) *article {
	a := g.original(j)
	r := rand.New(rand.NewPCG(g.seed^saltCopy, uint64(i)))
	from := a.out
	for a.out == from {
		a.out = &outlets[r.IntN(len(outlets))]
	}
	a.edits = []string{"boilerplate"}
	if a.out.Byline == "" || r.IntN(3) == 0 {
		a.author = ""
	}
	if r.IntN(10) > 0 {
		a.credit(r, from.Name)
		a.edits = append(a.edits, "credit")
	}
	if r.Float64() < 0.3 {
		a.bare = true
		a.edits = append(a.edits, "bare")
	}
	if len(a.paras) > 4 && r.Float64() < 0.35 {
		for range 1 + len(a.paras)/9 {
			k := 1 + r.IntN(len(a.paras)-1)
			a.paras = slices.Delete(a.paras, k, k+1)
		}
		a.edits = append(a.edits, "drop-paragraph")
	}
	if r.Float64() < 0.2 {
		p := paragraph(r, pick(r, fillers), a.vars)
		a.paras = slices.Insert(a.paras, 1+r.IntN(len(a.paras)), p)
		a.edits = append(a.edits, "add-paragraph")
	}
	switch x := r.Float64(); {
	case x < 0.15:
		a.title, a.stand = "", ""
		a.edits = append(a.edits, "no-title")
	case x < 0.4:
		a.title = expand(r, pick(r, templates[a.ev.Kind].Titles), a.vars)
		a.edits = append(a.edits, "retitle")
	}
	if r.Float64() < 0.3 {
		for range 1 + r.IntN(3) {
			k := r.IntN(len(a.paras))
			a.paras[k] = typo(r, a.paras[k])
		}
		a.edits = append(a.edits, "typos")
	}
	if r.Float64() < 0.08 {
		a.respell(from.Translit, (from.Translit+1+r.IntN(len(translit)-1))%len(translit))
		a.edits = append(a.edits, "respelled")
	}
	a.date = a.date.Add(time.Duration(r.IntN(30)) * time.Hour)
	if r.Float64() < 0.1 {
		a.dated = false
		a.edits = append(a.edits, "no-date")
	}
	return a
}

// credit names the agency the way the new outlet does.
func (a *article) credit(r *rand.Rand, agency string) {
	city := strings.ToUpper(pick(r, []string{a.ev.Atk.Capital, a.ev.Tgt.Capital}))
	switch a.out.Credit {
	case creditCity:
		a.creditFirst = city + " (" + agency + ") — "
	case creditCityDate:
		a.creditFirst = city + ", " + a.date.Format("January 2") + " (" + agency + ") - "
	case creditWire:
		a.creditFirst = " date " + a.date.Format(time.DateOnly) + " (" + a.out.Wire + "- " + agency + ") "
	case creditParen:
		a.creditFirst = "(" + agency + ") - "
	default:
		a.creditLast = "Source: " + agency
	}
}

// respell changes the transliteration of every local name, as a
// translation would.
func (a *article) respell(from, to int) {
	ev := a.ev
	names := []string{ev.Commander, ev.Spokesman, ev.Governor, ev.Official, ev.Mayor, ev.Organiser,
		ev.President, ev.Resident, ev.Village, ev.Town, ev.Province.Name, ev.Province.Capital}
	var pairs []string
	for _, n := range names {
		if f, t := spell(n, from), spell(n, to); f != t {
			pairs = append(pairs, f, t)
		}
	}
	rep := strings.NewReplacer(pairs...)
	a.title = rep.Replace(a.title)
	for k := range a.paras {
		a.paras[k] = rep.Replace(a.paras[k])
	}
}

// typo swaps two letters inside one word of p that is at least six letters
// long; p is returned unchanged when it has no such word.
func typo(r *rand.Rand, p string) string {
	words := strings.Fields(p)
	for range 8 {
		w := words[r.IntN(len(words))]
		if len(w) < 6 || !isLetters(w) {
			continue
		}
		k := 1 + r.IntN(len(w)-3)
		b := []byte(w)
		b[k], b[k+1] = b[k+1], b[k]
		return strings.Replace(p, w, string(b), 1)
	}
	return p
}

func isLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

func lastName(full string) string { return full[strings.LastIndexByte(full, ' ')+1:] }

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

var smallNumbers = []string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}

// number writes small counts in words, as news style does.
func number(n int) string {
	if n >= 0 && n < len(smallNumbers) {
		return smallNumbers[n]
	}
	return fmt.Sprint(n)
}

var tens = []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}

// words writes 0-999 in words, for sentence starts.
func words(n int) string {
	switch {
	case n < 13:
		return number(n)
	case n < 20:
		return []string{"thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}[n-13]
	case n < 100 && n%10 == 0:
		return tens[n/10]
	case n < 100:
		return tens[n/10] + "-" + number(n%10)
	default:
		s := number(n/100) + " hundred"
		if n%100 != 0 {
			s += " and " + words(n%100)
		}
		return s
	}
}

// thousands writes n with comma separators, as English news style does.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

var ordinals = []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh"}

// withArticle puts "a" or "an" before a noun phrase.
func withArticle(s string) string {
	if s != "" && strings.IndexByte("aeiou", s[0]) >= 0 {
		return "an " + s
	}
	return "a " + s
}

// others counts more of a thing: "one neighbouring region", "three
// neighbouring regions".
func others(n int, thing string) string {
	if n == 1 {
		return "one " + thing
	}
	return number(n) + " " + thing + "s"
}

// kin is whom a relative of age misses: a parent's son or a sibling.
func kin(age int) string {
	if age >= 40 {
		return "son"
	}
	return "brother"
}

// people counts persons: "no one", "one person", "three people".
func people(n int) string {
	switch n {
	case 0:
		return "no one"
	case 1:
		return "one person"
	}
	return number(n) + " people"
}

func civilians(n int) string {
	switch n {
	case 0:
		return "no civilians"
	case 1:
		return "one civilian"
	}
	return number(n) + " civilians"
}
