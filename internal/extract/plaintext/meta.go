package plaintext

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/extract/dates"
	"github.com/sitrep/sitrep/internal/model"
)

// How far from the article region metadata is looked for, in lines. Page
// headers put title, byline and date just above the article; footers put
// the author's sign-off and the copyright just below it.
const (
	headerReach = 30
	footerReach = 12
	// Bylines may sit above a long table of contents or summary box.
	bylineReach = 80
)

// findMeta locates the title, credit, byline and date lines. It runs after
// pickRegion and adjusts keep so none of them ends up in the text.
func (d *doc) findMeta() {
	if d.first >= d.last {
		return
	}
	d.skipHeader()
	d.title = d.findTitle()
	d.refineRegion()
	if d.first >= d.last {
		return
	}
	if d.title >= 0 {
		d.dropTitleCopies()
	}
	d.findCredit()
	d.byline, d.author, d.authorAt = d.findByline()
	if d.byline >= d.first && d.byline < d.last {
		d.keep[d.byline] = false
	}
	d.date, d.dateLine, _ = d.findDate()
	d.outlet, d.outletLine, d.outletAt = d.findOutlet()
}

// photoCredit reports "Name/Agency" credits: a slash glued between two
// capitalised words, as photo credits are written.
func photoCredit(t string) bool {
	for i := strings.IndexByte(t, '/'); i > 0 && i+1 < len(t); {
		a, _ := utf8.DecodeLastRuneInString(t[:i])
		b, _ := utf8.DecodeRuneInString(t[i+1:])
		if unicode.IsLetter(a) && unicode.IsUpper(b) {
			return true
		}
		j := strings.IndexByte(t[i+1:], '/')
		if j < 0 {
			break
		}
		i += j + 1
	}
	return false
}

// titleShaped reports whether a line could be a headline.
func (d *doc) titleShaped(l *line) bool {
	switch {
	case l.words < 2 || l.words > 30:
		return false
	case l.ending == endTeaser, l.ending == endColon:
		return false
	case l.ending == endSentence && strings.HasSuffix(strings.TrimRight(l.text, "\"'”’)"), "."):
		// Headlines carry no full stop; a line ending in one is a sentence.
		return false
	case l.copyright, l.reserved, l.creditMark, l.url:
		return false
	case l.seps >= 2, l.humps >= 2, l.codeWords > 0, l.longWords > 0:
		return false
	case float64(l.chrome) > 0.5*float64(l.words):
		return false
	case repeatLevel(l) > 0.5:
		return false
	case l.numWords*2 > l.words:
		return false
	case l.wrapped, strings.HasSuffix(l.text, "]"):
		// A wrapped paragraph is prose; a trailing "[Section]" marks a
		// link to another story.
		return false
	}
	if len(l.dateMatches()) > 0 {
		return false
	}
	return !creditLike(l)
}

// creditLike reports the short lines that sit between a headline and its
// text and are not the headline: bylines ("By THE ASSOCIATED PRESS", "Jane
// Doe, Staff Writer"), labelled values ("Courtesy: ...", "Tags: ..."),
// and tool bars ("Print | Email").
func creditLike(l *line) bool {
	if l.words > 12 {
		return false
	}
	if _, _, ok := l.byline(); ok {
		return true
	}
	lw := strings.ToLower(l.first)
	switch {
	case lw == "by" || lw == "from" && l.words <= 6:
		return true
	case l.colonAt >= 1 && l.colonAt <= 2 && l.words-l.colonAt <= 5:
		return true
	case l.seps > 0:
		return true
	case l.words <= 8 && float64(l.chrome) >= 0.3*float64(l.words):
		return true
	case l.words <= 8 && l.job > 0 && (l.titleRatio() == 1 || strings.ContainsAny(l.text, ",|")):
		return true
	case l.words <= 8 && photoCredit(l.text):
		return true
	}
	// "Jane Doe, The Daily Planet": a name, then the outlet.
	if i := strings.IndexAny(l.text, ",|"); i > 0 {
		if name, n := personName(strings.Fields(l.text[:i+1])); name != "" && n == len(strings.Fields(l.text[:i+1])) && l.words <= 8 {
			return true
		}
	}
	return false
}

// findTitle picks the headline among the lines above the article, or the
// article's first line. A headline repeated near the top (page title and
// heading, or a breadcrumb ending in the cut-off headline) is the strongest
// sign; otherwise nearness to the article wins, unless the line sits in a
// list of headlines with teasers, which is a related-stories box.
func (d *doc) findTitle() int {
	lo := max(0, d.first-headerReach)
	best, bestScore := -1, 0.0
	for i := lo; i <= d.first && i < len(d.lines); i++ {
		l := &d.lines[i]
		if !d.titleShaped(l) {
			continue
		}
		if i == d.first && l.words > 20 {
			continue
		}
		s := 1.0
		if l.words < 4 {
			s -= 0.6
		}
		if d.repeatedNearTop(i, lo) {
			s += 1.5
		}
		// Distance counts only lines that are not metadata-like, so a
		// byline and a date between headline and text cost nothing.
		dist := 0
		for j := i + 1; j < d.first; j++ {
			if !d.metaLike(&d.lines[j]) && !(j == i+1 && d.standfirst(j)) {
				dist++
			}
		}
		s -= 0.12 * float64(dist)
		if i+1 < len(d.lines) && d.lines[i+1].ending == endTeaser {
			s -= 1.2
		}
		if i > 0 && d.lines[i-1].ending == endTeaser {
			s -= 0.5
		}
		if s > bestScore || s == bestScore && best >= 0 && d.lines[best].text == l.text {
			best, bestScore = i, s
		}
	}
	if bestScore < 0.5 {
		return -1
	}
	return best
}

// standfirst reports whether line j could be the summary line that many
// outlets print between headline and byline: headline-shaped, but longer
// than a menu item and not part of a headline-and-teaser list. A headline
// directly above one is not pushed away from the text by it.
func (d *doc) standfirst(j int) bool {
	l := &d.lines[j]
	if l.words < 6 || !d.titleShaped(l) {
		return false
	}
	return j+1 >= len(d.lines) || d.lines[j+1].ending != endTeaser
}

// metaLike reports lines that commonly sit between a headline and its text:
// bylines, dates, short labels, photo credits.
func (d *doc) metaLike(l *line) bool {
	if l.words <= 3 || l.creditMark || l.numWords*2 >= l.words || creditLike(l) {
		return true
	}
	return len(l.dateMatches()) > 0 && l.words <= 12
}

// repeatedNearTop reports whether the text of line i occurs again among
// the lines from lo to the article start, whole or as the cut-off end of a
// breadcrumb ("Home › News › Big headline th...").
func (d *doc) repeatedNearTop(i, lo int) bool {
	t := d.lines[i].text
	hi := min(len(d.lines), d.first+2)
	for j := lo; j < hi; j++ {
		if j == i {
			continue
		}
		o := d.lines[j].text
		if o == t {
			// Twice is a headline; more often, a menu item.
			return d.lines[i].dup == 1
		}
		o = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(o), ".…"))
		if len(o) < 20 || len(t) < 20 {
			continue
		}
		if strings.HasSuffix(o, t) {
			return true
		}
		// o ends with a cut-off copy of t.
		if k := strings.Index(o, t[:20]); k >= 0 && strings.HasPrefix(t, o[k:]) && len(o)-k >= 20 {
			return true
		}
	}
	return false
}

// dropTitleCopies keeps the headline and its repeats out of the text.
func (d *doc) dropTitleCopies() {
	t := d.lines[d.title].text
	for i := d.first; i < d.last && i < d.first+3; i++ {
		if d.lines[i].text == t {
			d.keep[i] = false
		}
	}
}

// credit is a wire or syndication credit at the start of the article:
// "(Reuters) -", "KYIV (AP) —", "WASHINGTON, March 3 (Reuters) -",
// "(WIREHUB- NordPress)".
type credit struct {
	source      string // credited agency, as written
	distributor string // the syndicator in "(Distributor- Source)"
	evidence    string
	from, to    int // byte range of the parenthesis in the line text
	cut         int // bytes of the line text before the article starts
}

// findCredit looks for a credit at the start of the first kept line.
func (d *doc) findCredit() {
	for i := d.first; i < d.last; i++ {
		if !d.keep[i] {
			continue
		}
		if c, ok := parseCredit(d.lines[i].text); ok {
			d.credit, d.creditLine = c, i
		}
		return
	}
}

// parseCredit reads a credit prefix. What comes before the parenthesis must
// look like a dateline (an optional date label and date, a capitalised
// place, a short date) and what follows it a dash or, for the syndication
// form, the text itself.
func parseCredit(t string) (credit, bool) {
	open := strings.IndexByte(t, '(')
	if open < 0 || open > 80 {
		return credit{}, false
	}
	cls := strings.IndexByte(t[open:], ')')
	if cls < 0 || cls > 60 {
		return credit{}, false
	}
	cls += open
	inner := strings.TrimSpace(t[open+1 : cls])
	if !datelinePrefix(t[:open]) {
		return credit{}, false
	}
	c := credit{from: open, to: cls + 1, evidence: t[:cls+1]}
	rest := t[cls+1:]
	trimmed := strings.TrimLeft(rest, " \u00a0")
	dash := ""
	for _, p := range []string{"--", "—", "–", "-", "―"} {
		if strings.HasPrefix(trimmed, p) {
			dash = p
			break
		}
	}
	if k := strings.IndexAny(inner, "-–—"); k > 0 {
		// Syndication: "(WIREHUB- NordPress)".
		dist := strings.TrimSpace(inner[:k])
		_, size := utf8.DecodeRuneInString(inner[k:])
		src := strings.TrimSpace(inner[k+size:])
		if !agencyName(dist) || !agencyName(src) {
			return credit{}, false
		}
		c.distributor, c.source = dist, src
	} else {
		if dash == "" || !agencyName(inner) {
			return credit{}, false
		}
		c.source = inner
	}
	cut := len(t) - len(trimmed) + len(dash)
	c.cut = len(t) - len(strings.TrimLeft(t[cut:], " \u00a0"))
	if c.cut >= len(t) {
		c.cut = len(t)
	}
	return c, true
}

// datelinePrefix accepts what may precede a credit: nothing, a date with an
// optional label ("date 2024-03-21"), a place in capitals or title case,
// and a short date ("March 3", "Nov. 24").
func datelinePrefix(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return true
	}
	if len(s) > 80 {
		return false
	}
	if m := dates.Find(s); len(m) > 0 {
		// Drop the date and an optional one-word label before it.
		rs := []rune(s)
		before := strings.TrimSpace(string(rs[:m[0].Span.Start]))
		after := strings.TrimSpace(string(rs[m[0].Span.End:]))
		if strings.Count(before, " ") > 0 {
			return false
		}
		s = strings.Trim(after, " ,")
		if s == "" {
			return true
		}
	}
	words := strings.Fields(s)
	if len(words) > 7 {
		return false
	}
	for _, w := range words {
		w = strings.Trim(w, ",.")
		if w == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// agencyName accepts one to four capitalised words without sentence
// punctuation: "Reuters", "AP", "NordPress", "Agence France-Presse".
func agencyName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 4 || len(s) > 50 {
		return false
	}
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if i == 0 && !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
		if strings.ContainsAny(w, ".,;:!?\"") && !strings.HasSuffix(w, ".") {
			return false
		}
	}
	return true
}

// parseByline reads an author from a byline-shaped line: "By Jane Doe",
// "By JANE DOE, Reuters", "From: Jane Doe", "Author: Jane Doe", "Read more
// from Jane Doe here." It returns the name and its byte offset in t.
func parseByline(t string) (name string, at int, ok bool) {
	words := strings.Fields(t)
	if len(words) < 2 || len(words) > 14 {
		return "", 0, false
	}
	lw := strings.ToLower(strings.TrimRight(words[0], ":"))
	start := -1
	switch {
	case lw == "by" || lw == "author" || lw == "authors" || lw == "reporter" || lw == "words" && strings.EqualFold(words[1], "by"):
		start = 1
		if lw == "words" {
			start = 2
		}
	case (lw == "from" || lw == "text") && strings.HasSuffix(words[0], ":"):
		start = 1
	case (lw == "written" || lw == "posted" || lw == "reported" || lw == "story") && strings.EqualFold(words[1], "by"):
		start = 2
	default:
		// "... more from Jane Doe here": a sign-off pointing at the
		// author's other work.
		for i := 0; i+1 < len(words) && i < 4; i++ {
			if strings.EqualFold(words[i], "more") && i+2 < len(words) && (strings.EqualFold(words[i+1], "from") || strings.EqualFold(words[i+1], "by")) {
				start = i + 2
				break
			}
		}
	}
	if start < 0 || start >= len(words) {
		return "", 0, false
	}
	n, end := personName(words[start:])
	if n == "" {
		return "", 0, false
	}
	// Anything after the name must be a separator, an affiliation or a
	// short tail ("here.", "| Reuters", "and ..."), not a sentence.
	if rest := len(words) - start - end; rest > 6 {
		return "", 0, false
	}
	return n, strings.Index(t, strings.Fields(n)[0]), true
}

// nameParticles may appear in lower case inside a personal name.
var nameParticles = map[string]bool{
	"de": true, "da": true, "del": true, "della": true, "di": true, "du": true, "van": true, "von": true,
	"der": true, "den": true, "bin": true, "al": true, "la": true, "le": true, "ter": true, "dos": true,
}

// personName reads two to four capitalised words from the start of words
// and returns them, trimmed of trailing punctuation, and how many words it
// used.
func personName(words []string) (string, int) {
	var parts []string
	n := 0
	for _, w := range words {
		if strings.HasSuffix(w, ":") {
			break // a label such as "Image:"
		}
		stop := strings.HasSuffix(w, ",") || strings.HasSuffix(w, "|") || strings.HasSuffix(w, ";")
		w = strings.TrimRight(w, ",.;|")
		if w == "" {
			break
		}
		r, _ := utf8.DecodeRuneInString(w)
		if nameParticles[w] && len(parts) > 0 {
			parts = append(parts, w)
			n++
			continue
		}
		if !unicode.IsUpper(r) || strings.ContainsAny(w, "0123456789@/()") {
			break
		}
		lw := strings.ToLower(w)
		if f := wordFlags[lw]; f&0xff != 0 || f&(flagChrome|flagJob) != 0 {
			break
		}
		if dates.Month(lw) > 0 {
			break
		}
		parts = append(parts, w)
		n++
		if stop || len(parts) == 4 {
			break
		}
	}
	for len(parts) > 0 && nameParticles[parts[len(parts)-1]] {
		parts = parts[:len(parts)-1]
		n--
	}
	if len(parts) < 2 {
		return "", 0
	}
	return strings.Join(parts, " "), n
}

// findByline returns the author line, the name and its byte offset in the
// line. It looks upwards from the article start, so the byline nearest the
// text wins over names in the page header, then at the sign-off lines just
// below the article.
func (d *doc) findByline() (int, string, int) {
	try := func(i int, bare bool) (int, string, int) {
		l := &d.lines[i]
		if l.words > 16 {
			return -1, "", 0
		}
		// A bare name beside the date is the byline of a header that
		// lays out author and date as separate lines.
		if bare {
			if name := nameLine(l); name != "" && i != d.title && d.nearDate(i) && !d.commonNoun(name) {
				return i, name, 0
			}
			return -1, "", 0
		}
		if name, at, ok := l.byline(); ok {
			return i, name, at
		}
		// "Written by" alone, with the name on the next line.
		if bylineLabel(l.text) && i+1 < len(d.lines) {
			if name := nameLine(&d.lines[i+1]); name != "" {
				return i + 1, name, 0
			}
		}
		return -1, "", 0
	}
	// Explicit bylines first; a bare name beside a date only when there is
	// none.
	for _, bare := range []bool{false, true} {
		for i := min(len(d.lines)-1, d.first+2); i >= max(0, d.first-bylineReach); i-- {
			if j, name, at := try(i, bare); j >= 0 {
				return j, name, at
			}
		}
	}
	for i := max(d.first, d.last-2); i < min(len(d.lines), d.last+footerReach); i++ {
		if j, name, at := try(i, false); j >= 0 {
			return j, name, at
		}
	}
	return -1, "", 0
}

// bylineLabel reports a line that only announces the author's name.
func bylineLabel(t string) bool {
	switch strings.ToLower(strings.TrimRight(t, ": ")) {
	case "by", "author", "authors", "written by", "posted by", "words by", "reported by", "story by", "text by":
		return true
	}
	return false
}

// nameLine returns the line's text when it is nothing but a personal name.
func nameLine(l *line) string {
	if l.words < 2 || l.words > 5 || l.ending == endSentence {
		return ""
	}
	f := strings.Fields(l.text)
	if name, n := personName(f); name != "" && n == len(f) {
		return name
	}
	return ""
}

// commonNoun reports whether the last word of a capitalised phrase is
// written in lower case in the article ("Social Media" against "social
// media"), which makes the phrase a label rather than a personal name.
func (d *doc) commonNoun(phrase string) bool {
	f := strings.Fields(phrase)
	w := f[len(f)-1]
	r, size := utf8.DecodeRuneInString(w)
	lw := string(unicode.ToLower(r)) + w[size:]
	for i := d.first; i < d.last; i++ {
		t := d.lines[i].text
		for k := 0; ; {
			j := strings.Index(t[k:], lw)
			if j < 0 {
				break
			}
			j += k
			end := j + len(lw)
			if (j == 0 || !isWordByte(t[j-1])) && (end == len(t) || !isWordByte(t[end])) {
				return true
			}
			k = end
		}
	}
	return false
}

// nearDate reports whether a short line with a date is within two lines of
// line i.
func (d *doc) nearDate(i int) bool {
	for j := max(0, i-2); j <= min(len(d.lines)-1, i+2); j++ {
		if j != i && d.lines[j].words <= 10 && len(d.lines[j].dateMatches()) > 0 {
			return true
		}
	}
	return false
}

// dateCues are words that, just before a date, say it is the page's date.
var dateCues = map[string]float64{
	"date": 1, "published": 1.2, "posted": 1, "on": 0.3, "updated": 0.6, "created": 0.8, "issued": 0.8,
}

// findDate returns the publication date: an explicit date in the page
// header near the title or at the start of the article, preferring one
// labelled as such. Dates further down are about events, not the page.
func (d *doc) findDate() (dates.Match, int, bool) {
	anchor := d.first
	if d.title >= 0 {
		anchor = d.title
	}
	lo := max(0, min(anchor, d.first)-headerReach)
	hi := min(len(d.lines), d.first+2)
	var best dates.Match
	bestLine, bestScore := -1, -1e9
	for i := lo; i < hi; i++ {
		l := &d.lines[i]
		for _, m := range l.dateMatches() {
			// Inside prose a date is only the page's date at the very
			// start, as a dateline.
			if l.words > 20 && m.Span.Start > 40 {
				continue
			}
			s := 1.0
			before := strings.ToLower(string([]rune(l.text)[:m.Span.Start]))
			fs := strings.FieldsFunc(before, func(r rune) bool { return !unicode.IsLetter(r) })
			if len(fs) > 0 {
				s += dateCues[fs[len(fs)-1]]
			}
			dist := i - anchor
			if dist < 0 {
				dist = -dist
			}
			s -= 0.08 * float64(dist)
			if i >= d.title && d.title >= 0 {
				s += 0.3 // after the headline: the article's own date
			}
			if s > bestScore {
				best, bestLine, bestScore = m, i, s
			}
		}
	}
	return best, bestLine, bestLine >= 0
}

// copyrightName reads the owner from a copyright notice: "© 2015-2024
// Name. All rights reserved.", "Copyright 2023 Name Inc.", "(c) Name".
func copyrightName(t string) (string, int) {
	words := strings.Fields(t)
	i := 0
	for i < len(words) {
		w := strings.ToLower(strings.Trim(words[i], ",.:"))
		if w == "©" || w == "copyright" || w == "(c)" || w == "" || strings.IndexFunc(w, func(r rune) bool {
			return !unicode.IsDigit(r) && r != '-' && r != '–' && r != '©'
		}) < 0 {
			i++
			continue
		}
		if strings.HasPrefix(w, "©") {
			words[i] = strings.TrimPrefix(words[i], "©")
		}
		break
	}
	var parts []string
	for ; i < len(words) && len(parts) < 7; i++ {
		w := words[i]
		if w == "All" || w == "|" || w == "-" || w == "–" {
			break
		}
		end := strings.HasSuffix(w, ".") && !legalSuffix(strings.TrimRight(w, ".")) || strings.HasSuffix(w, ",") || strings.HasSuffix(w, ";") || strings.HasSuffix(w, "|")
		w = strings.TrimRight(w, ",;|")
		if strings.HasSuffix(w, ".") && !legalSuffix(strings.TrimRight(w, ".")) {
			w = strings.TrimRight(w, ".")
		}
		if w != "" {
			parts = append(parts, w)
		}
		if end {
			break
		}
	}
	// Drop what trails the name: years and company forms, in any order
	// ("Name Limited 2007", "Name Inc.").
	for len(parts) > 0 {
		last := strings.TrimRight(parts[len(parts)-1], ".")
		if !legalSuffix(last) && strings.Trim(last, "0123456789-–") != "" {
			break
		}
		parts = parts[:len(parts)-1]
	}
	if len(parts) == 0 || len(parts) > 6 {
		return "", 0
	}
	name := strings.Join(parts, " ")
	r, _ := utf8.DecodeRuneInString(name)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return "", 0
	}
	if f := wordFlags[strings.ToLower(parts[0])]; f&flagLegal != 0 || f&flagChrome != 0 && len(parts) == 1 {
		return "", 0
	}
	return name, strings.Index(t, parts[0])
}

// copyrightYear returns the one year of a copyright notice and its byte
// offset, or "" when the notice gives none or a range.
func copyrightYear(t string) (string, int) {
	m := copyrightYearRe.FindStringSubmatchIndex(t)
	if m == nil {
		return "", 0
	}
	rest := strings.TrimLeft(t[m[3]:], " ")
	if strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, ",") {
		return "", 0
	}
	y := t[m[2]:m[3]]
	if y < "1990" || y > strconv.Itoa(time.Now().Year()+1) {
		return "", 0
	}
	return y, m[2]
}

var copyrightYearRe = regexp.MustCompile(`(?i)(?:©|\(c\)|copyright)\s*(?:©\s*)?((?:19|20)\d\d)\b`)

// legalSuffix reports company-form suffixes that are not part of an
// outlet's name as readers know it.
func legalSuffix(w string) bool {
	switch strings.ToLower(w) {
	case "inc", "ltd", "llc", "l.l.c", "corp", "co", "plc", "gmbh", "ag", "s.a", "sa", "limited", "llp", "lp", "pty", "bv", "nv", "srl", "sas":
		return true
	}
	return false
}

// findOutlet returns the site's name from its copyright notice, preferring
// the last one on the page (the footer's).
func (d *doc) findOutlet() (string, int, int) {
	for i := len(d.lines) - 1; i >= 0; i-- {
		l := &d.lines[i]
		if !l.copyright && !(l.reserved && l.words <= 25) {
			continue
		}
		if l.words > 40 {
			continue
		}
		t := l.text
		if !l.copyright {
			// "Name © 2024. All rights reserved." or "2024 Name. All
			// rights reserved.": read from the mark, or the start.
			if k := strings.Index(t, "©"); k >= 0 {
				t = t[k:]
			}
		}
		if name, at := copyrightName(t); name != "" {
			return name, i, at + len(l.text) - len(t)
		}
	}
	return "", -1, 0
}

// normaliseCase returns the spelling of word that the rest of the page uses
// most when it differs only in case ("NordPress" in a credit, "Nordpress" in
// the text): a name is written by its owner the way running text has it.
func (d *doc) normaliseCase(word string) string {
	if strings.ContainsRune(word, ' ') {
		return word
	}
	counts := map[string]int{}
	for i := range d.lines {
		t := d.lines[i].text
		for k := 0; ; {
			j := indexFold(t[k:], word)
			if j < 0 {
				break
			}
			j += k
			v := t[j : j+len(word)]
			if (j == 0 || !isWordByte(t[j-1])) && (j+len(word) == len(t) || !isWordByte(t[j+len(word)])) {
				counts[v]++
			}
			k = j + len(word)
		}
	}
	// The credit itself is one occurrence of the literal; only other
	// occurrences can vouch for its spelling.
	counts[word]--
	best, bestN := word, counts[word]
	for v, n := range counts {
		if v != word && (n > bestN || n == bestN && best != word && v < best) {
			best, bestN = v, n
		}
	}
	return best
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= utf8.RuneSelf
}

// indexFold is strings.Index ignoring ASCII case; it returns -1 when s has
// no such substring of the same byte length.
func indexFold(s, sub string) int {
	n := len(sub)
	for i := 0; i+n <= len(s); i++ {
		if strings.EqualFold(s[i:i+n], sub) {
			return i
		}
	}
	return -1
}

// siteNameLine finds a short line above the article that spells the site's
// host name ("The Daily Planet" for dailyplanet.example or
// thedailyplanet.example): the site's own display name, which is a better
// outlet than its legal owner in the copyright line. It returns -1 when
// there is none or no host is known.
func (d *doc) siteNameLine(host string) int {
	if host == "" {
		return -1
	}
	label, _, _ := strings.Cut(host, ".")
	label = strings.ReplaceAll(label, "-", "")
	if len(label) < 3 {
		return -1
	}
	for i := 0; i < d.first && i < len(d.lines); i++ {
		l := &d.lines[i]
		if l.words == 0 || l.words > 5 {
			continue
		}
		var b strings.Builder
		for _, r := range strings.ToLower(l.text) {
			if r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
				b.WriteRune(r)
			}
		}
		k := b.String()
		if k == label || "the"+k == label || k == "the"+label {
			return i
		}
	}
	return -1
}

// hostName returns the host of a page URL without "www.".
func hostName(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	h := strings.ToLower(u.Hostname())
	return strings.TrimPrefix(h, "www.")
}

// spanOf returns the code-point span of the byte range [from, to) of line i,
// clipped to the line.
func (d *doc) spanOf(i, from, to int) *model.Span {
	l := &d.lines[i]
	to = min(max(to, 0), len(l.text))
	from = min(max(from, 0), to)
	s := l.start + runeCount(l.text[:from])
	return &model.Span{Start: s, End: s + runeCount(l.text[from:to])}
}

// fillMeta writes metadata into a's empty fields.
func (d *doc) fillMeta(a *model.Article) {
	if a.Title == "" && d.title >= 0 {
		l := &d.lines[d.title]
		a.SetField(model.FieldTitle, l.text, model.Provenance{From: "text:title", Evidence: l.text, Span: d.spanOf(d.title, 0, len(l.text))})
	}
	if d.creditLine >= 0 {
		c := d.credit
		if a.CreditedSource == "" {
			a.SetField(model.FieldCreditedSource, d.normaliseCase(c.source), model.Provenance{From: "text:credit", Evidence: c.evidence, Span: d.spanOf(d.creditLine, 0, c.to)})
		}
		if a.Outlet == "" && c.distributor != "" {
			a.SetField(model.FieldOutlet, c.distributor, model.Provenance{From: "text:syndication", Evidence: c.evidence, Span: d.spanOf(d.creditLine, 0, c.to)})
		}
	}
	if a.Author == "" && d.byline >= 0 {
		a.SetField(model.FieldAuthor, d.author, model.Provenance{From: "text:byline", Evidence: d.lines[d.byline].text, Span: d.spanOf(d.byline, d.authorAt, d.authorAt+len(d.author))})
	}
	if a.Published == "" && d.dateLine >= 0 {
		s := d.lines[d.dateLine].start + d.date.Span.Start
		a.SetField(model.FieldPublished, d.date.Value, model.Provenance{From: "text:date", Evidence: d.date.Text, Span: &model.Span{Start: s, End: s + d.date.Span.End - d.date.Span.Start}})
	}
	if a.Published == "" && d.outletLine >= 0 {
		// A page whose own date is gone still says its year in a
		// copyright notice of one year ("Copyright 2023 Name"); a range
		// ("2015-2024") is the site's, not the article's.
		l := d.lines[d.outletLine].text
		if y, at := copyrightYear(l); y != "" {
			if a.Provenance == nil {
				a.Provenance = map[string]model.Provenance{}
			}
			a.Provenance[model.FieldPublishedYear] = model.Provenance{From: "text:copyright", Evidence: y, Span: d.spanOf(d.outletLine, at, at+4)}
		}
	}
	if a.Outlet == "" {
		if i := d.siteNameLine(hostName(a.URL)); i >= 0 {
			l := &d.lines[i]
			a.SetField(model.FieldOutlet, l.text, model.Provenance{From: "text:site-name", Evidence: l.text, Span: d.spanOf(i, 0, len(l.text))})
		} else if d.outletLine >= 0 {
			a.SetField(model.FieldOutlet, d.outlet, model.Provenance{From: "text:copyright", Evidence: d.lines[d.outletLine].text, Span: d.spanOf(d.outletLine, d.outletAt, d.outletAt+len(d.outlet))})
		} else if h := hostName(a.URL); h != "" {
			a.SetField(model.FieldOutlet, h, model.Provenance{From: "text:url-host", Evidence: a.URL})
		}
	}
}

// Credit is a wire or syndication credit found at the start of a text.
type Credit struct {
	Source      string // the credited agency, as written
	Distributor string // the syndicator in "(Distributor- Source)", if any
	Evidence    string // the dateline up to the closing parenthesis
	Cut         int    // bytes of the paragraph before the article starts
}

// FindCredit reads a credit prefix ("LESK (Agency) —", "(Agency) -",
// "(Distributor- Agency)") at the start of a paragraph. Cleaners of other
// formats use it so that credits are read the same way everywhere.
func FindCredit(paragraph string) (Credit, bool) {
	c, ok := parseCredit(paragraph)
	if !ok {
		return Credit{}, false
	}
	return Credit{Source: c.source, Distributor: c.distributor, Evidence: c.evidence, Cut: c.cut}, true
}
