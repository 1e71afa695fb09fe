package dedup

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
)

// This file builds invented news corpora for measuring and testing
// deduplication: events with their own people, places and figures, several
// independent articles on each (hard negatives for one another), and
// copies of those articles with the edits syndication brings. Every name
// and sentence here is made up.

var (
	synFirst = []string{
		"Oleksa", "Marta", "Taras", "Ilona", "Bohdan", "Yarina", "Denys", "Olena",
		"Mykola", "Sofia", "Petro", "Halyna", "Artem", "Lesia", "Roman", "Vira",
		"Andriy", "Nadiya", "Yurii", "Oksana", "Stepan", "Zoryana", "Kyrylo", "Inna",
	}
	synLast = []string{
		"Hrytsenko", "Kovalchuk", "Dorovets", "Sablin", "Varkuta", "Lisovyk",
		"Tarnavsky", "Orlenko", "Zhabrov", "Kulynych", "Moroziuk", "Petrash",
		"Hlushko", "Bereza", "Savchyn", "Kharchenko", "Yavorsky", "Dziuba",
		"Rudenko", "Khomiak", "Verbytsky", "Ostapchuk", "Levada", "Panasiuk",
	}
	synRole = []string{
		"the regional governor", "the mayor", "the head of the district council",
		"a police spokesman", "the deputy interior minister", "a local prosecutor",
		"the head of the emergency service", "an army spokeswoman", "the health minister",
		"a spokesperson for the border guard", "the energy minister", "a regional lawmaker",
	}
	synCity = []string{
		"Velykodolynsk", "Zarichne", "Kostopil", "Berezhany", "Novoselytsia",
		"Krasnobrid", "Lozova Balka", "Horodyshche", "Pryluky Nova", "Svitlovodsk",
		"Tereshky", "Ozerne", "Staryi Brid", "Kamianka Hora", "Hlyboka Dolyna",
		"Rivnopillia", "Yasenove", "Dubrovytsia", "Maryanivka", "Zolotonosha Mala",
	}
	synRegion = []string{
		"Poltava region", "Sumy region", "Kherson region", "Zhytomyr region",
		"Chernihiv region", "Mykolaiv region", "Volyn region", "Odesa region",
	}
	synOrg = []string{
		"the State Emergency Service", "the regional military administration",
		"the Defence Ministry", "the Interior Ministry", "the national police",
		"the Red Cross mission", "the energy operator", "the prosecutor's office",
		"the railway company", "the monitoring mission", "the district hospital",
	}
	synKind = []string{
		"drone attack", "artillery shelling", "missile strike", "flood",
		"fire at a fuel depot", "protest", "power outage", "prisoner exchange",
		"bridge collapse", "train derailment", "chemical leak", "cyber attack",
	}
	synDay   = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	synMonth = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

	synAdj = []string{
		"serious", "heavy", "unexpected", "coordinated", "sustained", "limited",
		"significant", "temporary", "urgent", "fresh", "renewed", "careful",
		"initial", "preliminary", "widespread", "local", "official", "detailed",
		"difficult", "rapid", "independent", "separate", "major", "minor",
		"thorough", "public", "emergency", "joint", "repeated", "sudden",
	}
	synNoun = []string{
		"damage", "residents", "officials", "buildings", "roads", "schools",
		"families", "volunteers", "rescuers", "engineers", "investigators",
		"witnesses", "shelters", "supplies", "repairs", "reports", "questions",
		"concerns", "measures", "services", "workers", "villages", "neighbours",
		"patients", "vehicles", "crews", "inspectors", "experts", "donors", "trucks",
	}
	synPlace = []string{
		"a school", "the railway station", "a grain warehouse", "a residential block",
		"the central market", "a hospital wing", "the water treatment plant",
		"a kindergarten", "the bus depot", "an electricity substation",
		"a petrol station", "the town hall", "a private house", "a shopping centre",
		"the old bridge", "a farm", "the sports hall", "a church",
	}
	synVerb = []string{
		"confirmed", "reported", "described", "criticised", "welcomed", "questioned",
		"inspected", "documented", "estimated", "promised", "announced", "denied",
		"recorded", "assessed", "reviewed", "organised", "requested", "supported",
	}
	synTime = []string{
		"early in the morning", "overnight", "shortly before midnight", "at dawn",
		"in the afternoon", "late in the evening", "around noon", "just after sunrise",
	}
	synAdv = []string{
		"quickly", "later", "again", "repeatedly", "officially", "publicly",
		"immediately", "eventually", "briefly", "separately", "formally", "openly",
	}
)

// synStyles are disjoint families of sentence templates. Articles in the
// same corpus that report the same event are written in different styles,
// as different newsrooms would; slots in braces are filled per use, and the
// random vocabulary slots make two sentences from one template differ too.
var synStyles = [][]string{
	{
		"{p1} , {p1role} , said the {kind} in {city} had caused {adj} {noun} and that {n1} people were being treated .",
		"According to {org} , the {kind} began {time} on {day} and affected {place} in the centre of {city} .",
		"{n2} {noun} were evacuated from {place} while {noun2} {verb} the {adj} situation .",
		"Local authorities in {region} {verb} {adv} that the number of victims could still rise .",
		"{p2} told reporters that {org} had sent {n3} {noun} to help with the {adj} work .",
		"The {kind} is the {adj} incident of its kind in {region} this year , officials said .",
		"Photographs shared by residents showed {adj} {noun} near {place} and long queues of {noun2} .",
		"{p1s} urged people in {city} to stay away from {place} until {noun} had been {verb} .",
		"An investigation has been opened , and {p2s} said {noun} would be {verb} {adv} .",
		"By the evening , {n1} people remained in hospital , {n2} of them in a {adj} condition .",
		"Residents of {city} described hearing a loud noise {time} before {noun} arrived .",
		"{org} said it had {verb} {adj} {noun} and would publish its findings {adv} .",
		"The mayor of {city} declared a day of mourning and {verb} the work of {noun} .",
		"Power and water supplies to {place} were cut and {adj} repairs were under way .",
		"{p2} , {p2role} , said the region needed {adj} {noun} and more {noun2} .",
		"Speaking on national television , {p1s} said {adj} {noun} would arrive in {city} by {day} .",
		"{n3} {noun} from neighbouring districts joined the effort , {org} said in an update .",
		"Residents who lost their homes will receive {adj} payments , {p2s} said .",
		"The last comparable {kind} in {region} happened {n2} days ago and was {adv} forgotten .",
		"Teachers at {place} moved lessons online while {noun} {verb} the building .",
		"{org} asked people not to share {adj} rumours about the {kind} on social networks .",
		"Two {noun} who were at {place} when it happened said the sound was deafening .",
		"Police cordoned off the area around {place} and {verb} {noun} at checkpoints .",
		"The {adj} assessment will take at least {n1} days , according to {p1s} .",
	},
	{
		"Emergency crews worked through the night in {city} after the {kind} , which left {n1} injured .",
		"\" We have never seen anything like this , \" {p2s} said , standing outside {place} .",
		"In a statement on {day} , {org} said {n2} {noun} had been {verb} in the area .",
		"{p1s} , who arrived in {city} {time} , promised {adj} help for the {noun} affected .",
		"The {kind} hit {place} and a nearby street , where {noun} and {noun2} were caught .",
		"Across {region} , schools were closed and {adj} {noun} were put in place .",
		"Video from the scene , which could not be independently verified , showed {adj} {noun} .",
		"Officials put the cost of the damage at {n3} million hryvnias , a figure {noun} {verb} .",
		"{p2} , {p2role} , said {org} had {adv} {verb} the {adj} response .",
		"Hospitals in {city} asked for blood donors as {n1} patients were brought in .",
		"Some {noun} complained that warnings came too late , a claim {org} {verb} .",
		"It was the {adj} such event in {city} since the spring , local media reported .",
		"Volunteers handed out food and blankets to {noun} outside {place} .",
		"{p1} said a commission would examine what happened and report within {n2} days .",
		"The road between {city} and the regional centre stayed closed on {day} .",
		"Tearful {noun} gathered outside {place} on {day} waiting for news of relatives .",
		"{org} later published a list of {n3} addresses where {noun} could get help .",
		"The {kind} also damaged {place} , which had only recently been {verb} .",
		"\" Everyone here knows someone who was affected , \" a resident of {city} said .",
		"{p1} , {p1role} , chaired an {adj} meeting with {noun} late on {day} .",
		"Heating was restored to most of {city} within hours , but {noun} remained without water .",
		"The regional council set aside {n2} million hryvnias for {adj} {noun} .",
		"Footage aired by local channels showed {noun} carrying belongings out of {place} .",
		"Several {noun} said they would not return until {org} had {verb} the damage .",
	},
	{
		"At least {n1} people were hurt when a {kind} struck {city} in {region} {time} , {org} said .",
		"{p1} , {p1role} , wrote on social media that {noun} were {verb} at {place} .",
		"Rescuers pulled {n2} people from the rubble of {place} , the agency added .",
		"The authorities have {verb} {adj} {noun} for the families of the victims .",
		"{p2s} said the {adj} response had been slowed by {noun} and bad weather .",
		"Neighbours said they had {verb} {noun} at the site {adv} in recent weeks .",
		"The {kind} forced the closure of {place} and disrupted traffic across {city} .",
		"Officials in {region} said {n3} homes had been damaged , most of them {adv} .",
		"{org} has deployed {adj} {noun} and {noun2} to the affected districts .",
		"Asked about the timing , {p2} , {p2role} , declined to give details .",
		"Earlier this year , a {adj} incident in {region} left {noun} without heat for days .",
		"The government said it would cover the cost of {adj} repairs to {place} .",
		"{p1s} thanked the {noun} who had worked {time} to reach the injured .",
		"Traffic police diverted {noun} away from {place} for most of {day} .",
		"A spokesman for {org} said {n1} of the injured had been discharged .",
		"Police said they were treating the {kind} as {adj} and had {verb} several {noun} .",
		"{n2} people spent the night at {place} , which was turned into a temporary shelter .",
		"The {adj} figures are expected to be updated on {day} , {org} said .",
		"{p2s} told the agency that {noun} had {adv} warned about the risk .",
		"Power engineers {verb} damaged lines near {place} , restoring supply to {n3} homes .",
		"A mobile hospital was set up in {city} to deal with {adj} injuries .",
		"In neighbouring towns , {noun} reported cracked windows and {adj} damage to roofs .",
		"Prosecutors said the case would be handled by investigators from {region} .",
		"{p1} , {p1role} , said the region would ask the government for {adj} aid .",
	},
	{
		"{city} woke up on {day} to the aftermath of a {kind} that officials called {adj} .",
		"Shops near {place} stayed shut as {noun} cleared {adj} debris from the street .",
		"{p2} , {p2role} , visited the site and {verb} the {noun} on duty .",
		"The regional prosecutor {verb} a criminal case into the {kind} , {p1s} said .",
		"Figures released by {org} put the toll at {n1} injured and {n2} displaced .",
		"Many {noun} in {city} spent the night with relatives or in {adj} shelters .",
		"The {kind} comes weeks after {noun} in {region} {verb} {adj} {noun2} .",
		"\" The situation is under control , \" {p1} , {p1role} , told a briefing .",
		"Teams from {org} {verb} {place} and found {adj} damage to its roof .",
		"{n3} volunteers signed up within hours to help {noun} in the worst-hit areas .",
		"Opposition lawmakers {verb} the handling of the {kind} and demanded answers .",
		"{p2s} said funds for {noun} would be released {adv} from the regional budget .",
		"The {adj} weather made the work of {noun} harder , crews said {time} .",
		"Insurers were {adv} assessing claims from owners of {place} and nearby homes .",
		"Schools in {city} will reopen on {day} if inspectors find the buildings safe .",
		"For many {noun} in {city} , the {kind} revived memories of {adj} earlier events .",
		"A local priest opened {place} to families who had nowhere else to go .",
		"Lists of the injured were posted on the doors of {place} by {noun} .",
		"{p1s} said on {day} that the {adj} phase of the work was almost complete .",
		"Hours after the {kind} , {noun} were still queuing for water in the centre of {city} .",
		"Experts from {org} warned that {noun} near {place} could take months to repair .",
		"The district of {city} most affected is home to about {n3} thousand {noun} .",
		"{p2} , {p2role} , said compensation claims could be filed from {day} .",
		"Local businesses {verb} {adj} support , offering {noun} free meals and phone charging .",
	},
}

// synSites are the pages a scraper copied text from: their menus and
// footers are the same on every article of the site, which is what makes
// them dangerous for similarity.
var synSites = []struct{ name, menu, footer string }{
	{"Daily Courier", "Home News World Politics Economy Sport Culture Opinion Video Podcasts Newsletters Subscribe Log in Search",
		"© 2024 Daily Courier Media Group. All rights reserved. Reproduction in whole or in part without written permission is prohibited. Share this article Facebook X Telegram WhatsApp Email Print"},
	{"Northline", "Menu Latest Ukraine Europe World Business Tech Science Health Lifestyle Travel Weather About us Contact Advertise",
		"Northline uses cookies to improve your experience. By continuing to browse you agree to our privacy policy and terms of use. Copyright Northline 2024"},
	{"Vista Press", "Top stories Local Regional National International Analysis Interviews Photo galleries Live blog Archive Donate",
		"Follow Vista Press on social media for the latest updates. Support independent journalism: become a member today. All content © Vista Press, unless stated otherwise."},
}

// synEvent is one thing that happened, with everything its reports share.
type synEvent struct {
	kind, city, region, org                  string
	p1, p1role, p2, p2role                   string
	n1, n2, n3                               int
	day, dateline                            string
	twinOf                                   int // -1, or the event this one echoes
	p1last, p2last, p1respelled, p2respelled string
}

// synDoc is one generated article.
type synDoc struct {
	text   string
	paras  []string
	event  int
	family int // index of the original this is (a copy of)
	parent int // the document it was made from; -1 for originals
	style  int // template style of the original
	edits  []string
	short  bool   // a brief of a few paragraphs
	agency string // the original's outlet, for credit lines
}

type synCorpus struct {
	events []synEvent
	docs   []synDoc
}

// synOptions size a corpus.
type synOptions struct {
	Events         int     // events; every second one is a twin of the one before
	CopiesPerOrig  int     // copies made of each original
	ChainShare     float64 // share of copies made from an earlier copy
	ShortShare     float64 // share of originals that are briefs
	MaxEditsPerDoc int
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func newSynEvent(r *rand.Rand, i int, prev *synEvent) synEvent {
	e := synEvent{
		kind: pick(r, synKind), city: pick(r, synCity), region: pick(r, synRegion), org: pick(r, synOrg),
		p1role: pick(r, synRole), p2role: pick(r, synRole),
		n1: 2 + r.IntN(60), n2: 3 + r.IntN(200), n3: 5 + r.IntN(90),
		day: pick(r, synDay), twinOf: -1,
	}
	e.p1last, e.p2last = pick(r, synLast), pick(r, synLast)
	for e.p2last == e.p1last {
		e.p2last = pick(r, synLast)
	}
	e.p1 = pick(r, synFirst) + " " + e.p1last
	e.p2 = pick(r, synFirst) + " " + e.p2last
	if prev != nil && i%2 == 1 {
		// A twin: same kind of event in the same region with the same
		// officials speaking, in another town with other figures. Reports
		// of it share most names with the first event's.
		e.kind, e.region, e.org = prev.kind, prev.region, prev.org
		e.p1, e.p1role, e.p1last = prev.p1, prev.p1role, prev.p1last
		e.p2, e.p2role, e.p2last = prev.p2, prev.p2role, prev.p2last
		for e.city == prev.city {
			e.city = pick(r, synCity)
		}
		e.twinOf = i - 1
	}
	e.dateline = fmt.Sprintf("%s, %s %d", strings.ToUpper(e.city), pick(r, synMonth), 1+r.IntN(28))
	e.p1respelled = respell(e.p1last)
	e.p2respelled = respell(e.p2last)
	return e
}

// respell gives another transliteration of a surname, the way one outlet
// writes Hrytsenko and another Gritsenko.
func respell(s string) string {
	for _, rule := range [][2]string{{"kh", "h"}, {"H", "G"}, {"y", "i"}, {"ts", "c"}, {"ch", "tch"}, {"v", "w"}, {"iu", "yu"}, {"k", "c"}} {
		if t := strings.Replace(s, rule[0], rule[1], 1); t != s {
			return t
		}
	}
	return s + "e"
}

func (e *synEvent) fill(r *rand.Rand, tmpl string) string {
	var b strings.Builder
	for w := range strings.FieldsSeq(tmpl) {
		var s string
		switch w {
		case "{p1}":
			s = e.p1
		case "{p1s}":
			s = e.p1last
		case "{p1role}":
			s = e.p1role
		case "{p2}":
			s = e.p2
		case "{p2s}":
			s = e.p2last
		case "{p2role}":
			s = e.p2role
		case "{city}":
			s = e.city
		case "{region}":
			s = e.region
		case "{org}":
			s = e.org
		case "{kind}":
			s = e.kind
		case "{day}":
			s = e.day
		case "{n1}":
			s = fmt.Sprint(e.n1)
		case "{n2}":
			s = fmt.Sprint(e.n2)
		case "{n3}":
			s = fmt.Sprint(e.n3)
		case "{adj}":
			s = pick(r, synAdj)
		case "{noun}", "{noun2}":
			s = pick(r, synNoun)
		case "{place}":
			s = pick(r, synPlace)
		case "{verb}":
			s = pick(r, synVerb)
		case "{time}":
			s = pick(r, synTime)
		case "{adv}":
			s = pick(r, synAdv)
		default:
			s = w
		}
		if b.Len() > 0 && s != "," && s != "." {
			b.WriteByte(' ')
		}
		b.WriteString(s)
	}
	out := b.String()
	return strings.ToUpper(out[:1]) + out[1:]
}

// writer hands out the templates of one style in shuffled order, so an
// article repeats a sentence frame only after using all the others, as a
// reporter does not write the same sentence twice.
type writer struct {
	r     *rand.Rand
	style int
	queue []string
}

func (w *writer) next() string {
	if len(w.queue) == 0 {
		w.queue = slices.Clone(synStyles[w.style])
		w.r.Shuffle(len(w.queue), func(i, j int) { w.queue[i], w.queue[j] = w.queue[j], w.queue[i] })
	}
	t := w.queue[0]
	w.queue = w.queue[1:]
	return t
}

// paragraph writes 3-4 sentences.
func (e *synEvent) paragraph(w *writer) string {
	n := 3 + w.r.IntN(2)
	sents := make([]string, n)
	for i := range sents {
		sents[i] = e.fill(w.r, w.next())
	}
	return strings.Join(sents, " ")
}

func joinParas(ps []string) string { return strings.Join(ps, "\n\n") }

// headline makes a random "related stories" line.
func headline(r *rand.Rand) string {
	return fmt.Sprintf("%s %s %s in %s as %s %s", pick(r, synFirst), pick(r, synLast), pick(r, synVerb),
		pick(r, synCity), pick(r, synNoun), pick(r, synVerb))
}

// typo damages one word the way fast typing does.
func typo(r *rand.Rand, w string) string {
	rs := []rune(w)
	if len(rs) < 4 {
		return w
	}
	i := 1 + r.IntN(len(rs)-2)
	switch r.IntN(4) {
	case 0:
		rs[i], rs[i+1] = rs[i+1], rs[i]
	case 1:
		rs = slices.Delete(rs, i, i+1)
	case 2:
		rs = slices.Insert(rs, i, rs[i])
	default:
		rs[i] = 'a' + rune(r.IntN(26))
	}
	return string(rs)
}

var synEdits = []string{"boilerplate", "drop-first", "drop-last", "add-paragraph", "credit", "typos", "respell"}

// makeCopy applies 1..max edits to a document's paragraphs.
func (c *synCorpus) makeCopy(r *rand.Rand, from int, maxEdits int) synDoc {
	src := c.docs[from]
	e := &c.events[src.event]
	paras := slices.Clone(src.paras)
	edits := slices.Clone(synEdits)
	r.Shuffle(len(edits), func(i, j int) { edits[i], edits[j] = edits[j], edits[i] })
	edits = edits[:1+r.IntN(maxEdits)]
	// A copy both trimmed at the top and at the bottom is unusual; keep one.
	if slices.Contains(edits, "drop-first") && slices.Contains(edits, "drop-last") {
		edits = slices.DeleteFunc(edits, func(s string) bool { return s == "drop-last" })
	}
	slices.Sort(edits)
	var menu, footer string
	for _, ed := range edits {
		switch ed {
		case "boilerplate":
			site := pick(r, synSites)
			menu = site.menu
			footer = "Related stories\n" + headline(r) + "\n" + headline(r) + "\n" + headline(r) + "\n\n" + site.footer
		case "drop-first", "drop-last":
			maxDrop := min(3, len(paras)-2)
			if src.short {
				maxDrop = min(1, len(paras)-2)
			}
			if maxDrop < 1 {
				continue
			}
			d := 1 + r.IntN(maxDrop)
			if ed == "drop-first" {
				paras = paras[d:]
			} else {
				paras = paras[:len(paras)-d]
			}
		case "add-paragraph":
			at := r.IntN(len(paras) + 1)
			paras = slices.Insert(paras, at, e.paragraph(&writer{r: r, style: r.IntN(len(synStyles))}))
		case "credit":
			paras[0] = fmt.Sprintf("%s (%s) - %s", e.dateline, src.agency, paras[0])
		case "typos":
			for i, p := range paras {
				ws := strings.Fields(p)
				for j := range ws {
					if r.Float64() < 0.01 {
						ws[j] = typo(r, ws[j])
					}
				}
				paras[i] = strings.Join(ws, " ")
			}
		case "respell":
			old, nu := e.p1last, e.p1respelled
			if r.IntN(2) == 0 {
				old, nu = e.p2last, e.p2respelled
			}
			for i := range paras {
				paras[i] = strings.ReplaceAll(paras[i], old, nu)
			}
		}
	}
	all := paras
	if menu != "" {
		all = append(append([]string{menu}, paras...), footer)
	}
	return synDoc{
		text: joinParas(all), paras: paras, event: src.event, family: src.family,
		parent: from, style: src.style, edits: edits, short: src.short, agency: src.agency,
	}
}

var synAgencies = []string{"Ukrinform", "Interfax-Ukraine", "UNIAN", "Suspilne", "RBC-Ukraine", "Hromadske"}

// newSynCorpus builds a corpus: per event one original in each style, then
// copies, deterministically from seed.
func newSynCorpus(seed uint64, o synOptions) *synCorpus {
	r := rand.New(rand.NewPCG(seed, seed^0x5eed))
	c := &synCorpus{}
	for i := range o.Events {
		var prev *synEvent
		if i > 0 {
			prev = &c.events[i-1]
		}
		c.events = append(c.events, newSynEvent(r, i, prev))
	}
	var origs []int
	for ev := range c.events {
		for style := range synStyles {
			e := &c.events[ev]
			short := r.Float64() < o.ShortShare
			np := 11 + r.IntN(5)
			if short {
				np = 3 + r.IntN(2)
			}
			paras := make([]string, np)
			w := &writer{r: r, style: style}
			for i := range paras {
				paras[i] = e.paragraph(w)
			}
			id := len(c.docs)
			c.docs = append(c.docs, synDoc{
				text: joinParas(paras), paras: paras, event: ev, family: id, parent: -1,
				style: style, short: short, agency: pick(r, synAgencies),
			})
			origs = append(origs, id)
		}
	}
	for _, orig := range origs {
		fam := []int{orig}
		for range o.CopiesPerOrig {
			from := orig
			if len(fam) > 1 && r.Float64() < o.ChainShare {
				from = fam[1+r.IntN(len(fam)-1)]
			}
			c.docs = append(c.docs, c.makeCopy(r, from, o.MaxEditsPerDoc))
			fam = append(fam, len(c.docs)-1)
		}
	}
	return c
}
