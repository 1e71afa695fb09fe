package htmlpage

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/sitrep/sitrep/internal/extract/lang"
	"github.com/sitrep/sitrep/internal/model"
)

// meta is what this package reads from the page itself, beside
// trafilatura's metadata, to choose between candidates and to say where a
// value came from.
type meta struct {
	htmlLang   string // <html lang>
	metaLang   string // <meta http-equiv=content-language> or name=language
	ogLocale   string
	canonical  string // <link rel=canonical>
	ogURL      string
	ogSiteName string
	appName    string // <meta name=application-name>
	ogTitle    string
	titleTag   string
	h1         []string

	metaAuthor []string // <meta name=author> and its many synonyms
	metaDate   string   // article:published_time and synonyms
	itemDate   string   // itemprop=datePublished
	timeDate   string   // the first <time datetime>
	bylines    []string // rel=author, itemprop=author, byline-classed text
	ldBlocks   []string
	ld         ldInfo
}

// maxBylines bounds the byline candidates kept per page.
const maxBylines = 6

// maxH1 bounds the headings kept; pages with dozens of <h1> are lists, not
// articles, and only the first few can be the headline.
const maxH1 = 8

func pageMeta(doc *html.Node) meta {
	var m meta
	var walk func(*html.Node, bool)
	walk = func(n *html.Node, inBody bool) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "html":
				m.htmlLang = attr(n, "lang")
				if m.htmlLang == "" {
					m.htmlLang = attr(n, "xml:lang")
				}
			case "body":
				inBody = true
			case "script":
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
					m.ldBlocks = append(m.ldBlocks, n.FirstChild.Data)
				}
				return
			case "style", "noscript", "template", "svg":
				return
			case "time":
				if m.timeDate == "" {
					m.timeDate = strings.TrimSpace(attr(n, "datetime"))
				}
			case "title":
				if m.titleTag == "" && !inBody {
					m.titleTag = squash(textOf(n))
				}
				return
			case "h1":
				if len(m.h1) < maxH1 {
					if t := squash(textOf(n)); t != "" {
						m.h1 = append(m.h1, t)
					}
				}
				return
			case "link":
				if strings.EqualFold(attr(n, "rel"), "canonical") && m.canonical == "" {
					m.canonical = strings.TrimSpace(attr(n, "href"))
				}
			case "meta":
				m.readMeta(n)
			}
			if p := strings.ToLower(attr(n, "itemprop")); p == "datepublished" && m.itemDate == "" {
				m.itemDate = strings.TrimSpace(attr(n, "content") + attr(n, "datetime"))
				if m.itemDate == "" {
					m.itemDate = squash(textOf(n))
				}
			}
			if isByline(n) && len(m.bylines) < maxBylines {
				if t := squash(textOf(n)); t != "" && len(t) < 200 {
					m.bylines = append(m.bylines, t)
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inBody)
		}
	}
	walk(doc, false)
	m.ld = parseLD(m.ldBlocks)
	m.ldBlocks = nil
	return m
}

// isByline tells elements that name the article's author by markup.
func isByline(n *html.Node) bool {
	if n.Data == "meta" || n.Data == "link" {
		return false
	}
	if strings.EqualFold(attr(n, "rel"), "author") || strings.EqualFold(attr(n, "itemprop"), "author") {
		return true
	}
	c := strings.ToLower(attr(n, "class"))
	return strings.Contains(c, "byline") || strings.Contains(c, "author-name") ||
		c == "author" || strings.HasPrefix(c, "author ") || strings.Contains(c, " author ")
}

func (m *meta) readMeta(n *html.Node) {
	content := squash(attr(n, "content"))
	if content == "" {
		return
	}
	key := strings.ToLower(attr(n, "property"))
	if key == "" {
		key = strings.ToLower(attr(n, "name"))
	}
	set := func(dst *string) {
		if *dst == "" {
			*dst = content
		}
	}
	switch key {
	case "og:site_name":
		set(&m.ogSiteName)
	case "application-name":
		set(&m.appName)
	case "og:title":
		set(&m.ogTitle)
	case "og:url":
		set(&m.ogURL)
	case "og:locale":
		set(&m.ogLocale)
	case "language", "dc.language", "content-language":
		set(&m.metaLang)
	case "author", "article:author", "parsely-author", "dc.creator", "dc:creator",
		"dcterms.creator", "sailthru.author", "byl", "citation_author", "cxenseparse:author":
		if !strings.Contains(content, "://") && len(m.metaAuthor) < maxBylines {
			m.metaAuthor = append(m.metaAuthor, content)
		}
	case "article:published_time", "og:article:published_time", "datepublished",
		"publish-date", "publish_date", "pubdate", "parsely-pub-date", "sailthru.date",
		"dc.date", "dc.date.issued", "dcterms.date", "dcterms.created", "date",
		"article.published", "published-date", "release_date", "citation_publication_date":
		set(&m.metaDate)
	}
	if strings.EqualFold(attr(n, "http-equiv"), "content-language") {
		set(&m.metaLang)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
			return
		}
		if n.Type == html.ElementNode && skipTags[n.Data] {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// squash collapses whitespace runs to single spaces.
func squash(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// fillMeta sets the metadata fields of a that are still empty.
func fillMeta(a *model.Article, tm trafilatura.Metadata, m meta, pageURL string, opt Options) {
	if a.URL == "" {
		setURL(a, tm, m, pageURL)
	}
	host := hostOf(a.URL)
	if host == "" {
		host = hostOf(pageURL)
	}
	outlet, outletFrom := chooseOutlet(tm, m, host)
	if a.Outlet == "" {
		a.SetField(model.FieldOutlet, outlet, model.Provenance{From: outletFrom, Evidence: outlet})
	}
	if a.Title == "" {
		title, from := chooseTitle(tm, m, outlet, host, opt)
		a.SetField(model.FieldTitle, title, model.Provenance{From: from, Evidence: title})
	}
	if a.Author == "" {
		author, from, evidence := chooseAuthor(tm, m)
		a.SetField(model.FieldAuthor, author, model.Provenance{From: from, Evidence: evidence})
	}
	if a.Published == "" && !tm.Date.IsZero() {
		d := tm.Date.Format("2006-01-02")
		from, evidence := dateSource(d, m)
		a.SetField(model.FieldPublished, d, model.Provenance{From: from, Evidence: evidence})
	}
}

// dateSource names the markup a date came from. htmldate does not say, so
// the declared dates are checked for the one it chose; a date it found
// elsewhere (URL, visible text) is credited to htmldate itself.
func dateSource(d string, m meta) (string, string) {
	for _, c := range []struct{ v, from string }{
		{m.ld.published, "html:json-ld:datePublished"},
		{m.metaDate, "html:meta:published_time"},
		{m.itemDate, "html:itemprop:datePublished"},
		{m.timeDate, "html:time"},
	} {
		if strings.HasPrefix(c.v, d) {
			return c.from, c.v
		}
	}
	return "html:htmldate", d
}

func setURL(a *model.Article, tm trafilatura.Metadata, m meta, pageURL string) {
	base, _ := url.Parse(pageURL)
	for _, c := range []struct{ v, from string }{
		{m.canonical, "html:link:canonical"},
		{m.ogURL, "html:meta:og:url"},
		{tm.URL, "html:trafilatura"},
		{pageURL, "html:page-url"},
	} {
		u, err := url.Parse(c.v)
		if err != nil || c.v == "" {
			continue
		}
		if !u.IsAbs() && base != nil && base.IsAbs() {
			u = base.ResolveReference(u)
		}
		if !u.IsAbs() || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			continue
		}
		a.SetField(model.FieldURL, u.String(), model.Provenance{From: c.from, Evidence: c.v})
		return
	}
}

func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// chooseOutlet prefers the page's og:site_name, then the JSON-LD
// publisher and trafilatura's site name, then application-name, then the
// host name. A "site name" equal to the headline is a known trafilatura
// slip and is skipped.
func chooseOutlet(tm trafilatura.Metadata, m meta, host string) (string, string) {
	heads := map[string]bool{fold(tm.Title): true, fold(m.ogTitle): true, fold(m.titleTag): true, fold(m.ld.headline): true}
	for _, h := range m.h1 {
		heads[fold(h)] = true
	}
	ok := func(s string) bool {
		f := fold(s)
		return f != "" && !heads[f] && utf8.RuneCountInString(s) <= maxOutletRunes
	}
	// trafilatura joins repeated declarations with "; ".
	site := strings.TrimSpace(strings.Split(tm.Sitename, ";")[0])
	for _, c := range []struct{ v, from string }{
		{m.ogSiteName, "html:meta:og:site_name"},
		{m.ld.publisher, "html:json-ld:publisher"},
		{site, "html:trafilatura"},
		{m.appName, "html:meta:application-name"},
	} {
		if ok(c.v) && !strings.EqualFold(strings.TrimPrefix(c.v, "www."), host) {
			return c.v, c.from
		}
	}
	if host != "" {
		return host, "html:url-host"
	}
	return "", ""
}

// maxOutletRunes rejects site names that are really sentences.
const maxOutletRunes = 80

// titleSeps split a <title> into headline, section and site name parts;
// the first one found in the title is used.
var titleSeps = []string{" | ", " - ", " – ", " — ", " :: ", " : ", " · ", " • ", " » ", " « ", " > ", " / ", " -- ", "_"}

type titleCand struct{ text, from string }

// chooseTitle picks the headline. Declared titles (og:title, <title>,
// JSON-LD and the other metadata trafilatura reads) often carry a site name
// or an SEO rewording; the page's <h1> is what readers see but is just as
// often the site logo or a section name. So an <h1> is taken when a declared
// title confirms it, the declared wording when both say the same words (it
// keeps the page's typography without markup artefacts), and otherwise the
// declared title with its site-name part removed.
func chooseTitle(tm trafilatura.Metadata, m meta, outlet, host string, opt Options) (string, string) {
	if opt.knobs.rawTitle {
		return tm.Title, "html:trafilatura"
	}
	tt := cleanTitleText(m.titleTag)
	traf := cleanTitleText(tm.Title)
	h1 := m.h1
	for _, h := range h1 {
		// trafilatura falls back to a lone <h1>; that is no second opinion.
		if fold(h) == fold(traf) {
			traf = ""
			break
		}
	}
	sites := siteNames(outlet, host, m, tm, h1)
	var decl []titleCand
	for _, c := range []titleCand{
		{m.ogTitle, "html:meta:og:title"},
		{m.ld.headline, "html:json-ld:headline"},
		{tt, "html:title"},
		{traf, "html:trafilatura"},
	} {
		if c.text = cleanTitleText(c.text); c.text != "" {
			c.text = stripSiteName(c.text, sites)
			decl = append(decl, c)
		}
	}
	for _, d := range decl {
		fd := fold(d.text)
		for _, h := range h1 {
			fh := fold(h)
			switch {
			case fh == "" || fd == "":
			case fh == fd:
				return d.text, d.from
			case strings.HasPrefix(fd, fh) && 2*len(fh) >= len(fd):
				// The <h1> is a shortened form of the declared title.
				return d.text, d.from
			case strings.HasPrefix(fh, fd) && 2*len(fd) >= len(fh):
				return h, "html:h1"
			}
		}
	}
	for _, d := range decl {
		for _, h := range h1 {
			if similarTitle(h, d.text) {
				return h, "html:h1"
			}
		}
	}
	if len(h1) == 1 && len(strings.Fields(fold(h1[0]))) >= 3 && !isSitePart(h1[0], tt, m.ogTitle, sites) {
		return h1[0], "html:h1"
	}
	if len(decl) > 0 {
		return decl[0].text, decl[0].from
	}
	best := ""
	for _, h := range h1 {
		if len(strings.Fields(fold(h))) > len(strings.Fields(fold(best))) {
			best = h
		}
	}
	if len(strings.Fields(fold(best))) >= 3 {
		return best, "html:h1"
	}
	return "", ""
}

// maxTitleRunes rejects "titles" that are really a page swallowed by an
// unclosed <title>.
const maxTitleRunes = 300

// cleanTitleText cuts a title at leftover markup (broken pages leave tags
// inside <title>) and rejects overlong ones.
func cleanTitleText(s string) string {
	if i := strings.IndexByte(s, '<'); i >= 0 && i+1 < len(s) {
		if c := s[i+1]; c == '/' || c == '!' || (c|0x20 >= 'a' && c|0x20 <= 'z') {
			s = s[:i]
		}
	}
	s = squash(s)
	if utf8.RuneCountInString(s) > maxTitleRunes {
		return ""
	}
	return s
}

// siteNames lists the names a title may carry as a suffix or prefix. A
// site name equal to a headline candidate is dropped: trafilatura sometimes
// reports the headline as the site name.
func siteNames(outlet, host string, m meta, tm trafilatura.Metadata, h1 []string) []string {
	var out []string
	heads := map[string]bool{fold(tm.Title): true, fold(m.ogTitle): true}
	for _, h := range h1 {
		heads[fold(h)] = true
	}
	for _, s := range []string{outlet, m.ogSiteName, m.ld.publisher, strings.Split(tm.Sitename, ";")[0], m.appName, host} {
		if f := fold(s); f != "" && !heads[f] {
			out = append(out, f)
		}
	}
	if host != "" {
		// "example-news.com" also names "Example News".
		label := strings.Split(host, ".")[0]
		out = append(out, fold(label), strings.ReplaceAll(fold(label), " ", ""))
	}
	return out
}

func segments(title string) []string {
	for _, sep := range titleSeps {
		if strings.Contains(title, sep) {
			var out []string
			for _, p := range strings.Split(title, sep) {
				if p = strings.TrimSpace(p); p != "" {
					out = append(out, p)
				}
			}
			return out
		}
	}
	return []string{title}
}

// stripSiteName keeps the headline part of "Headline | Section | Site":
// parts naming the site go, and of the rest the one with most words stays.
func stripSiteName(title string, sites []string) string {
	parts := segments(title)
	if len(parts) < 2 {
		return title
	}
	var rest []string
	for _, p := range parts {
		if !matchesSite(p, sites) {
			rest = append(rest, p)
		}
	}
	if len(rest) == 0 {
		rest = parts
	}
	best := rest[0]
	for _, p := range rest[1:] {
		if len(strings.Fields(fold(p))) > len(strings.Fields(fold(best))) {
			best = p
		}
	}
	return best
}

func matchesSite(part string, sites []string) bool {
	p := fold(part)
	if p == "" {
		return true
	}
	for _, s := range sites {
		if s != "" && (p == s || strings.HasPrefix(s, p) || strings.HasPrefix(p, s)) {
			return true
		}
	}
	return false
}

// isSitePart reports whether an <h1> is the site or section part of the
// declared titles rather than their headline.
func isSitePart(h string, tt, og string, sites []string) bool {
	fh := fold(h)
	for _, t := range []string{tt, og} {
		for i, p := range segments(t) {
			if i > 0 && fold(p) == fh {
				return true
			}
		}
	}
	for _, s := range sites {
		if s == fh {
			return true
		}
	}
	return false
}

// similarTitle reports whether two titles share most of their words: at
// least 80% of the shorter one's and 40% of the longer one's.
func similarTitle(a, b string) bool {
	wa, wb := wordSet(a), wordSet(b)
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	common := 0
	for w := range wa {
		if wb[w] {
			common++
		}
	}
	lo, hi := min(len(wa), len(wb)), max(len(wa), len(wb))
	return common*10 >= lo*8 && common*10 >= hi*4
}

func wordSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(fold(s)) {
		out[w] = true
	}
	return out
}

// fold lower-cases s and keeps letters, digits and single spaces, so titles
// compare equal across quote styles and punctuation.
func fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
			space = false
		default:
			space = true
		}
	}
	return b.String()
}

// chooseAuthor prefers the article's JSON-LD author, then the author meta
// tags, then trafilatura's byline search, then the first element marked as
// a byline. On WCXB that order matches 0.76 of the authors against 0.64 for
// trafilatura's choice alone, whose DOM search often lands on a date or a
// label next to the byline.
func chooseAuthor(tm trafilatura.Metadata, m meta) (string, string, string) {
	if v := joinNames(m.ld.authors); v != "" {
		return v, "html:json-ld:author", strings.Join(m.ld.authors, "; ")
	}
	if len(m.metaAuthor) > 0 {
		if v := cleanAuthor(m.metaAuthor[0]); v != "" {
			return v, "html:meta:author", m.metaAuthor[0]
		}
	}
	if v := joinNames(strings.Split(tm.Author, ";")); v != "" {
		return v, "html:trafilatura", tm.Author
	}
	if len(m.bylines) > 0 {
		if v := cleanAuthor(m.bylines[0]); v != "" {
			return v, "html:byline", m.bylines[0]
		}
	}
	return "", "", ""
}

// maxAuthors bounds an author list; longer ones are citation blocks.
const maxAuthors = 4

func joinNames(names []string) string {
	var kept []string
	seen := map[string]bool{}
	for _, n := range names {
		n = cleanAuthor(n)
		if n == "" || seen[strings.ToLower(n)] {
			continue
		}
		seen[strings.ToLower(n)] = true
		kept = append(kept, n)
	}
	if len(kept) > maxAuthors {
		kept = kept[:maxAuthors]
	}
	return strings.Join(kept, ", ")
}

var (
	authorPrefixRe = regexp.MustCompile(`(?i)^(?:(?:written|posted|recipe|words|reported|story|photos?|text) by|by|author|von|par|por|di|door|автор)\b[:\s]*`)
	// authorTailRe cuts dates and update notes glued to a byline.
	authorTailRe = regexp.MustCompile(`(?i)\s*(?:[|·•]|\b(?:last )?updated\b|\bpublished\b|\bposted on\b|\bon (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\b(?:19|20)\d\d\b).*$`)
	monthRe      = regexp.MustCompile(`(?i)^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|updated|admin|administrator|author|staff|editor|guest)$`)
)

// cleanAuthor strips "By", trailing dates and update notes from a name and
// rejects what is not a name: user handles with dots, numbers, URLs, a
// lone month.
func cleanAuthor(s string) string {
	s = squash(s)
	s = authorPrefixRe.ReplaceAllString(s, "")
	s = authorTailRe.ReplaceAllString(s, "")
	s = strings.Trim(s, " ,;:-–—")
	if s == "" || utf8.RuneCountInString(s) > 100 || monthRe.MatchString(s) {
		return ""
	}
	if strings.Contains(s, "://") || strings.Contains(s, "@") {
		return ""
	}
	if !strings.Contains(s, " ") && strings.Contains(s, ".") {
		return ""
	}
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < 2 {
		return ""
	}
	return s
}

// setLanguage prefers the page's declared language and lets the text
// overrule it only when the detector is sure: templates often carry a stale
// lang="en" on pages in other languages.
func setLanguage(a *model.Article, m meta, text string) {
	declared, evidence, from := "", "", ""
	for _, c := range []struct{ v, from string }{
		{m.htmlLang, "html:lang"},
		{m.metaLang, "html:meta:content-language"},
		{m.ogLocale, "html:meta:og:locale"},
	} {
		if code := iso1(c.v); code != "" {
			declared, evidence, from = code, c.v, c.from
			break
		}
	}
	detected, conf := lang.Detect(text)
	switch {
	case detected != "" && detected != declared && (declared == "" || conf >= 0.9):
		a.SetField(model.FieldLanguage, detected, model.Provenance{From: "text:whatlanggo"})
	case declared != "":
		a.SetField(model.FieldLanguage, declared, model.Provenance{From: from, Evidence: evidence})
	}
}

// iso1 reduces a language tag such as "en-GB", "de_DE" or "eng" to its ISO
// 639-1 code; "" when it is not one.
func iso1(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_ ,;"); i >= 0 {
		tag = tag[:i]
	}
	switch len(tag) {
	case 2:
		for _, r := range tag {
			if r < 'a' || r > 'z' {
				return ""
			}
		}
		return tag
	case 3:
		return lang.ISO1(tag)
	}
	return ""
}
