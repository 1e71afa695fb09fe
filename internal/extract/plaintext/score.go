package plaintext

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/extract/dates"
)

// params are the scorer's weights. They are fields rather than constants
// so that the tuning test can vary them; Extract always uses defaultParams.
type params struct {
	// Length prior by words: below short a line is chrome-like, above long
	// it is prose-like.
	short, long float64
	lenWeight   float64
	sentence    float64 // bonus for ending like a sentence
	noEnd       float64 // penalty for no closing punctuation (headline-like)
	credit      float64 // penalty for a photo or content credit (©)
	bullet      float64 // penalty for a short list item without punctuation
	stopHigh    float64 // stop-word ratio typical of prose
	stopWeight  float64
	titleCase   float64 // penalty for mostly capitalised words
	menu        float64 // penalty for separators, glued words, placeholders
	teaser      float64 // penalty for a cut-off "..." ending
	teaserHead  float64 // penalty for a headline just above a teaser
	footer      float64 // penalty for legal text next to a copyright line
	chrome      float64 // penalty per share of interface words
	legal       float64
	copyright   float64
	url         float64
	repeat      float64 // penalty for lines repeated across documents
	dup         float64 // penalty for lines repeated inside the document
	wordCap     float64 // cap on a line's weight in the region sum
	shortWeight float64 // weight floor so that one-word lines still count
	negWeight   float64 // weight floor for lines that count against a region
	anchor      float64 // score the first line of an article must reach
	listing     float64 // entries that make a comment thread (0: off)
	thread      float64 // penalty for lines of a comment thread
	listLift    float64 // score given to items of a list inside the article
	headRun     float64 // penalty for each line of a run of headlines
	pairs       float64 // penalty for lines of a headline-and-teaser list
}

var defaultParams = params{
	short:       6,
	long:        20,
	lenWeight:   0.5,
	sentence:    0.7,
	noEnd:       0.7,
	credit:      0.8,
	bullet:      0.2,
	stopHigh:    0.375,
	stopWeight:  1,
	titleCase:   0.675,
	menu:        0.25,
	teaser:      0.9,
	teaserHead:  1.6,
	footer:      1,
	chrome:      3,
	legal:       2,
	copyright:   3,
	url:         0.6,
	repeat:      3.75,
	dup:         0.1125,
	wordCap:     80,
	shortWeight: 3,
	negWeight:   4.5,
	anchor:      0.45,
	listing:     6,
	thread:      1.5,
	listLift:    0.15,
	headRun:     0.25,
	pairs:       1.25,
}

// scoreLine rates how much a line, on its own, looks like article text:
// positive for prose, negative for chrome.
func (d *doc) scoreLine(l *line) float64 {
	p := d.p
	w := float64(l.words)
	if l.words == 0 {
		return -1
	}
	// A smooth length prior: log-scaled between short and long words.
	s := p.lenWeight * (math.Log(w+1) - math.Log(p.short+1)) / (math.Log(p.long+1) - math.Log(p.short+1))
	s = clamp(s, -1, 1)
	switch {
	case l.ending == endSentence && l.words >= 3:
		s += p.sentence
	case l.ending == endNone && l.words >= 2:
		s -= p.noEnd
	}
	if l.bullet && l.ending != endSentence && l.words <= 12 {
		s -= p.bullet
	}
	if l.creditMark {
		s -= p.credit
	}
	sr := l.stopRatio(d.lang)
	if l.words >= 4 {
		s += p.stopWeight * clamp((sr-p.stopHigh*0.5)/(p.stopHigh), -0.6, 0.4)
	}
	if l.alphaWord >= 3 && l.titleRatio() > 0.7 {
		s -= p.titleCase
	}
	if l.seps >= 2 || l.humps >= 2 || l.codeWords > 0 || l.longWords > 0 {
		s -= p.menu
	}
	if l.ending == endTeaser {
		s -= p.teaser
	}
	if l.words <= 20 {
		s -= p.chrome * float64(l.chrome) / w
	}
	if l.legal >= 3 && float64(l.legal)/w > 0.08 {
		s -= p.legal
	}
	if l.copyright || l.reserved {
		s -= p.copyright
	}
	if l.url {
		s -= p.url
	}
	s -= p.repeat * repeatLevel(l)
	if l.dup > 0 && l.words < 15 {
		// Once is a headline shown twice; more is a repeated label.
		s -= p.dup * math.Min(float64(l.dup), 3)
	}
	return s
}

// scoreContext adjusts scores with what the neighbouring lines show: a
// headline followed by a cut-off teaser is an entry in a list of links, and
// a notice about the site's material next to its copyright line is part of
// the footer.
func (d *doc) scoreContext() {
	d.markThreads()
	lifted := d.structureLists()
	d.headlineRuns(lifted)
	d.teaserPairs(lifted)
	for i := range d.lines {
		l := &d.lines[i]
		if i+1 < len(d.lines) {
			next := &d.lines[i+1]
			if next.ending == endTeaser && l.ending == endNone {
				l.score -= d.p.teaserHead
			}
			if (next.copyright || next.reserved) && l.legal >= 2 {
				l.score -= d.p.footer
			}
		}
	}
}

// teaserPairs marks lists of links with summaries: a short unpunctuated
// line (a headline, or a commenter's name) followed by a single paragraph,
// three or more times in a row. An article's subheadings are followed by
// varying numbers of paragraphs; a list of other stories, or a comment
// thread, keeps the one-to-one rhythm.
func (d *doc) teaserPairs(lifted []bool) {
	isHead := func(i int) bool {
		l := &d.lines[i]
		return !lifted[i] && l.words >= 1 && l.words <= 15 && l.ending != endSentence && l.ending != endColon
	}
	isBody := func(i int) bool {
		l := &d.lines[i]
		return l.words >= 8 && (l.ending == endSentence || l.ending == endTeaser)
	}
	for i := 0; i+1 < len(d.lines); {
		j := i
		for j+1 < len(d.lines) && isHead(j) && isBody(j+1) {
			j += 2
		}
		if (j-i)/2 >= 3 {
			for k := i; k < j; k++ {
				d.lines[k].score -= d.p.pairs
			}
			i = j
			continue
		}
		i++
	}
}

// structureLists lifts the lines that an article's own structure explains:
// the short items of a list introduced by a colon ("You can build:"), and
// numbered subheadings that count up ("1. Scale", ..., "2. Cost"). Both are
// short and unpunctuated like menu items, but sit inside the prose.
func (d *doc) structureLists() []bool {
	lift := d.p.listLift
	lifted := make([]bool, len(d.lines))
	for i := range d.lines {
		l := &d.lines[i]
		if l.ending != endColon || l.words < 3 || l.words > 40 || chromeShare(l) >= 0.5 {
			continue
		}
		for j := i + 1; j < len(d.lines) && j <= i+40; j++ {
			m := &d.lines[j]
			if m.words > 20 || m.ending == endColon || m.words == 0 || chromeShare(m) >= 0.5 || repeatLevel(m) >= 0.5 {
				break
			}
			m.score = math.Max(m.score, lift)
			lifted[j] = true
		}
	}
	// Numbered lines: lift "n." when "n+1." follows within a few screens.
	last := map[int]int{} // number -> most recent line starting with it
	for i := range d.lines {
		n, ok := leadingNumber(d.lines[i].text)
		if !ok {
			continue
		}
		if j, seen := last[n-1]; seen && i-j <= 60 {
			for _, k := range []int{j, i} {
				d.lines[k].score = math.Max(d.lines[k].score, lift)
				lifted[k] = true
			}
		}
		last[n] = i
	}
	return lifted
}

// headlineRuns marks runs of three or more headline-shaped lines: an
// article's subheadings stand alone between paragraphs, while lists of
// links to other stories come in runs.
func (d *doc) headlineRuns(lifted []bool) {
	isHead := func(i int) bool {
		l := &d.lines[i]
		return !lifted[i] && l.words >= 3 && l.words <= 20 && l.ending != endSentence && l.ending != endColon
	}
	for i := 0; i < len(d.lines); {
		if !isHead(i) {
			i++
			continue
		}
		j := i
		for j < len(d.lines) && isHead(j) {
			j++
		}
		if j-i >= 3 {
			for k := i; k < j; k++ {
				d.lines[k].score -= d.p.headRun
			}
		}
		i = j
	}
}

// leadingNumber reads "12." or "12)" at the start of a line.
func leadingNumber(s string) (int, bool) {
	n, i := 0, 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		n = n*10 + int(s[i]-'0')
		i++
	}
	if i == 0 || i >= len(s)-1 || s[i] != '.' && s[i] != ')' || s[i+1] != ' ' {
		return 0, false
	}
	return n, true
}

func chromeShare(l *line) float64 {
	if l.words == 0 {
		return 1
	}
	return float64(l.chrome) / float64(l.words)
}

// repeatLevel turns cross-document counts into a penalty in [0, 1]. Lines
// of one site repeated on several of its pages are its template. Across
// sites only short lines count: a long line shared by pages of different
// sites is a syndicated paragraph, which is article text.
func repeatLevel(l *line) float64 {
	r := l.rep
	lvl := 0.0
	if r.groupDocs >= 3 && r.group >= 3 {
		lvl = math.Min(1, float64(r.group)/float64(r.groupDocs)*3)
	}
	if r.docs >= 10 && r.overall >= 3 && l.words <= 12 {
		f := float64(r.overall) / float64(r.docs)
		lvl = math.Max(lvl, math.Min(1, float64(r.overall-2)/8+f*20))
	}
	return lvl
}

func clamp(x, lo, hi float64) float64 {
	return math.Max(lo, math.Min(hi, x))
}

// pickRegion chooses the article: the contiguous run of lines whose summed
// weighted scores is largest (the maximum-subarray form of body text
// extraction). Weighting by words lets a long paragraph outvote a few short
// lines, so subheadings and one-line quotes between paragraphs stay in.
func (d *doc) pickRegion() {
	n := len(d.lines)
	d.keep = make([]bool, n)
	best, bestA, bestB := 0.0, 0, 0
	cur, curA := 0.0, 0
	for i := range d.lines {
		v := d.value(i)
		if cur <= 0 {
			cur, curA = 0, i
		}
		cur += v
		if cur > best {
			best, bestA, bestB = cur, curA, i+1
		}
	}
	d.first, d.last = bestA, bestB
	for i := d.first; i < d.last; i++ {
		d.keep[i] = !d.hardBoilerplate(&d.lines[i])
	}
}

// refineRegion narrows the region once the headline is known: the article
// starts after its headline with a line that reads like prose, and ends
// before a comment thread or a listing of posts.
func (d *doc) refineRegion() {
	if d.title >= d.first && d.title < d.last {
		d.first = d.title + 1
	}
	for d.first < d.last && d.lines[d.first].score < d.p.anchor {
		d.first++
	}
	if k := d.listingStart(); k > d.first {
		d.last = k
	}
	d.dropCoda()
	for d.last > d.first && d.lines[d.last-1].score < 0 {
		d.last--
	}
}

// dropCoda cuts a short tail that hangs off the article behind a line of
// site chrome, as a newsletter pitch does ("Subscribe to our newsletter",
// then one sentence selling it). The tail is kept only when it outweighs
// a few sentences, which a closing paragraph after an advertisement does.
func (d *doc) dropCoda() {
	words := 0
	for i := d.last - 1; i > d.first; i-- {
		l := &d.lines[i]
		if l.score < 0 && chromeEvident(l) && l.words <= 8 {
			if words < 25 {
				d.last = i
			}
			return
		}
		words += l.words
		if words >= 25 {
			return
		}
	}
}

// listingStart finds, inside the region, the first of two or more entries
// of a listing after the article (see markThreads), and returns it, or -1.
func (d *doc) listingStart() int {
	words := 0
	type entry struct{ first, n, last int }
	var bySig map[string]*entry
	best := -1
	for i := d.first; i < d.last; i++ {
		l := &d.lines[i]
		if words >= 40 && l.words <= 15 && l.ending != endSentence && (l.clock || len(l.dateMatches()) > 0) {
			if sig := entrySignature(l); sig != "" {
				if bySig == nil {
					bySig = map[string]*entry{}
				}
				e := bySig[sig]
				switch {
				case e == nil:
					bySig[sig] = &entry{first: i, n: 1, last: i}
				case i > e.last+1:
					e.n++
					e.last = i
					if e.n >= 2 && (best < 0 || e.first < best) {
						best = e.first
					}
				}
			}
		}
		words += l.words
	}
	return best
}

// skipHeader moves the region start past a byline or date block in its
// opening lines. Pages often put promotions or a standfirst above the
// article's own header; the header, not the first prose, is where the
// article begins.
func (d *doc) skipHeader() {
	total := 0
	for i := d.first; i < d.last; i++ {
		total += d.lines[i].words
	}
	words, at := 0, -1
	for i := d.first; i < d.last && words*4 < total; i++ {
		l := &d.lines[i]
		if d.headerLine(l) {
			at = i
		}
		words += l.words
	}
	if at >= 0 {
		d.first = at + 1
	}
}

// headerLine reports a byline or a line that is little more than a date.
func (d *doc) headerLine(l *line) bool {
	if l.words > 12 || l.ending == endSentence {
		return false
	}
	if _, _, ok := l.byline(); ok {
		return true
	}
	if ms := l.dateMatches(); len(ms) > 0 {
		return l.words <= 8
	}
	return false
}

// markThreads finds comment threads and similar listings: three or more
// entries, each headed by a short line with a date or time and the same
// label ("Posted by: ... | 10:15", "BY NAME AT 01/08/08 05:30 PM"), with
// text between them. Everything from the first entry to the text after the
// last is marked down, so the article never runs into its comments.
func (d *doc) markThreads() {
	type entries struct{ first, last, n int }
	bySig := map[string]*entries{}
	total := 0
	for i := range d.lines {
		l := &d.lines[i]
		total += l.words
		if l.words > 15 || l.ending == endSentence || !(l.clock || len(l.dateMatches()) > 0) {
			continue
		}
		sig := entrySignature(l)
		if sig == "" {
			continue
		}
		e := bySig[sig]
		switch {
		case e == nil:
			bySig[sig] = &entries{first: i, last: i, n: 1}
		case i > e.last+1: // text between entries
			e.last = i
			e.n++
		}
	}
	for _, e := range bySig {
		if d.p.listing <= 0 || e.n < int(d.p.listing) {
			continue
		}
		end := e.last + 1
		for end < len(d.lines) && end <= e.last+3 && d.lines[end].score > 0 && !chromeEvident(&d.lines[end]) {
			end++
		}
		words := 0
		for i := e.first; i < end; i++ {
			words += d.lines[i].words
		}
		// A page that is all thread is a forum or a live blog: its
		// entries are the content.
		if words*10 > total*7 {
			continue
		}
		for i := e.first; i < end; i++ {
			d.lines[i].score -= d.p.thread
		}
	}
}

// entrySignature is the label that entries of one listing share: the
// first word, or for lines that start with the date, the last word.
func entrySignature(l *line) string {
	for _, w := range []string{l.first, l.last} {
		lw := strings.ToLower(w)
		r, _ := utf8.DecodeRuneInString(lw)
		if unicode.IsLetter(r) && dates.Month(lw) == 0 && lw != "am" && lw != "pm" && !dates.IsWeekday(lw) {
			return lw
		}
	}
	return ""
}

// value is a line's contribution to a region: its score weighted by its
// words. Lines that count against a region weigh at least negWeight words,
// so a run of one-word menu items costs as much as a sentence.
func (d *doc) value(i int) float64 {
	l := &d.lines[i]
	s := l.score
	w := math.Min(float64(l.words), d.p.wordCap)
	if s < 0 {
		w = math.Max(w, d.p.negWeight)
	} else {
		w = math.Max(w, d.p.shortWeight)
	}
	return s * w
}

// chromeEvident reports a line whose shape, not only its shortness, says
// it belongs to the site rather than the article: interface words, menu
// separators, glued menu items, addresses, or repetition across pages.
func chromeEvident(l *line) bool {
	return l.chrome > 0 || l.seps > 0 || l.humps > 0 || l.url || l.copyright || l.reserved || repeatLevel(l) > 0 || l.dup > 0
}

// hardBoilerplate is chrome that is dropped even inside the article run.
func (d *doc) hardBoilerplate(l *line) bool {
	switch {
	case l.copyright, l.reserved:
		return true
	case l.firstCue && l.colonAt >= 1 && l.colonAt <= 3 && l.ending != endSentence:
		return true // "Read also: <headline>"
	case repeatLevel(l) >= 0.99 && l.words <= 12:
		return true
	case siteTemplate(l):
		return true
	}
	return false
}

// siteTemplate reports a line that most pages of the same site carry
// word for word: an "about us" blurb, a legal notice, a standing appeal.
// Unlike a short label it may read as prose, but no article repeats
// itself on half of a site's pages.
func siteTemplate(l *line) bool {
	r := l.rep
	return r.groupDocs >= 4 && r.group >= 3 && 2*r.group >= r.groupDocs
}
