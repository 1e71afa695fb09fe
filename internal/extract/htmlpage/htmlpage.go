// Package htmlpage turns one HTML page into an article: main text without
// boilerplate, title, author, outlet, publication date, language and URL.
//
// go-trafilatura does the heavy lifting; this package adds what the
// reference sets showed it lacks: charset repair, recovery of pages whose
// <title> swallows the body, paragraph structure in the text, a choice of
// readability's text when it is a cleaner subset of trafilatura's, removal
// of leftover furniture lines, date stamps, reader comments and trailing
// link lists, and more careful title, author, outlet and language choices.
package htmlpage

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"runtime/debug"
	"strings"

	"github.com/go-shiori/go-readability"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/sitrep/sitrep/internal/model"
)

// MaxBytes bounds the page size Extract and Raw accept. Real article pages
// stay well under it; bigger inputs are archives or generated dumps that
// would cost seconds and hundreds of megabytes of DOM.
const MaxBytes = 32 << 20

// ErrTooLarge is returned for pages over MaxBytes.
var ErrTooLarge = errors.New("htmlpage: page larger than 32 MiB")

// ErrNoText is returned when no main text could be found; metadata may still
// have been filled.
var ErrNoText = errors.New("htmlpage: no main text found")

// Mode trades precision against recall in the main-text search.
type Mode int

// Extraction modes, passed through to trafilatura's focus setting.
const (
	Balanced Mode = iota
	Precision
	Recall
)

func (m Mode) String() string {
	switch m {
	case Precision:
		return "precision"
	case Recall:
		return "recall"
	}
	return "balanced"
}

// Options tune Extract. Use DefaultOptions and change fields.
type Options struct {
	Mode Mode
	// Fallback lets trafilatura compare its result with readability's and
	// DOM Distiller's and keep the better one, and lets Extract take
	// readability's text when it is a cleaner subset of trafilatura's.
	// Without it Extract is about twice as fast and loses 10 points of word
	// F1 on L3S-GN1.
	Fallback bool
	// ContentType is the HTTP Content-Type header when the page was fetched;
	// its charset parameter outranks the page's own declaration.
	ContentType string
	// FastDates skips htmldate's free-text date search, which parses dates
	// written out in prose in many languages. It makes Extract about a third
	// faster and cost 2.4 points of date accuracy on WCXB (0.831 to 0.807).
	FastDates bool

	// knobs holds the switches the tuning harness turns; the zero value means
	// the measured defaults.
	knobs knobs
}

// knobs are measured choices, kept switchable so the harness can show what
// each one adds.
type knobs struct {
	noClean      bool // skip the line filter
	noTitleStrip bool // keep a headline repeated at the start of the text
	rawTitle     bool // use trafilatura's title as is
	noReadChoice bool // keep trafilatura's text even when readability's is cleaner
}

// DefaultOptions returns the settings that scored best on the reference sets.
func DefaultOptions() Options {
	return Options{Mode: Balanced, Fallback: true}
}

// Extract runs trafilatura on one page and fills the fields of a that are
// still empty: Text, Title, Author, Outlet, Published, Language and URL, each
// with its provenance. pageURL may be empty (a.URL is used when set). A page
// without main text returns ErrNoText after filling what metadata it has.
func Extract(a *model.Article, body []byte, pageURL string, opt Options) (err error) {
	if len(body) > MaxBytes {
		return ErrTooLarge
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("htmlpage: extractor panicked at %s: %v", panicSite(debug.Stack()), r)
		}
	}()
	if pageURL == "" {
		pageURL = a.URL
	}
	page, err := parse(body, opt.ContentType)
	if err != nil {
		return err
	}
	// A page in a declared legacy encoding is normal and needs no warning;
	// replaced bytes and guessed encodings do.
	if page.note != "" {
		a.Warnings = append(a.Warnings, "html: "+page.note)
	}
	topts := trafOptions(opt, pageURL)
	var readText string
	if opt.Fallback {
		// Run readability here rather than inside trafilatura so its result
		// is available for the choice below; trafilatura reuses it.
		if r, rerr := readability.FromDocument(page.doc, topts.OriginalURL); rerr == nil && r.Node != nil {
			readText = render(r.Node, false)
			topts.FallbackCandidates = &trafilatura.FallbackCandidates{Readability: r.Node}
		}
	}
	res, terr := trafilatura.ExtractDocument(page.doc, topts)
	meta := pageMeta(page.doc)
	var tm trafilatura.Metadata
	text, from := "", "html:trafilatura"
	if res != nil {
		tm = res.Metadata
		text = render(res.ContentNode, true)
	}
	if !opt.knobs.noReadChoice && preferReadability(text, readText) {
		text, from = withLead(text, readText), "html:readability"
	}
	fillMeta(a, tm, meta, pageURL, opt)
	if !opt.knobs.noClean {
		text = clean(text)
	}
	if !opt.knobs.noTitleStrip {
		text = stripTitle(text, a.Title, meta)
	}
	if a.Text == "" {
		a.SetField(model.FieldText, text, model.Provenance{From: from})
	}
	if a.Language == "" {
		setLanguage(a, meta, text)
	}
	if text == "" && a.Text == "" {
		if terr != nil {
			return fmt.Errorf("%w: %v", ErrNoText, terr)
		}
		return ErrNoText
	}
	return nil
}

// Raw returns go-trafilatura's own text for the page, with its default
// settings and none of this package's cleaning, as the baseline the
// evaluation compares Extract against.
func Raw(body []byte, pageURL string) (text string, err error) {
	if len(body) > MaxBytes {
		return "", ErrTooLarge
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("htmlpage: trafilatura panicked: %v", r)
		}
	}()
	opts := trafilatura.Options{EnableFallback: true}
	if u, perr := url.Parse(pageURL); perr == nil && u.IsAbs() {
		opts.OriginalURL = u
	}
	res, err := trafilatura.Extract(bytes.NewReader(body), opts)
	if err != nil {
		return "", err
	}
	return res.ContentText, nil
}

type parsed struct {
	doc      *html.Node
	encoding string
	note     string // how the bytes were repaired, if they were
}

func parse(body []byte, contentType string) (parsed, error) {
	utf, enc, note := toUTF8(body, contentType)
	utf = closeTitle(utf)
	doc, err := html.Parse(bytes.NewReader(utf))
	if err != nil {
		return parsed{}, fmt.Errorf("htmlpage: parse: %w", err)
	}
	return parsed{doc: doc, encoding: enc, note: note}, nil
}

// The tokenizer ends a title only at "</title" followed by a space, "/" or
// ">"; "</titlevalue" does not count, so neither may it here.
var (
	titleOpenRe  = regexp.MustCompile(`(?i)<title[\s>]`)
	titleCloseRe = regexp.MustCompile(`(?i)</title[\s/>]`)
)

// titleScan bounds the search for <title>; it belongs in the head.
const titleScan = 64 << 10

// closeTitle repairs a <title> that is never closed. HTML parsers read
// everything after such a tag as title text, so a page truncated or mangled
// inside its head (common in crawled archives) would lose its whole body.
// The title is closed at the end of its first line or at the next tag.
func closeTitle(b []byte) []byte {
	loc := titleOpenRe.FindIndex(b[:min(len(b), titleScan)])
	if loc == nil || titleCloseRe.Match(b[loc[0]:]) {
		return b
	}
	i := loc[0]
	gt := bytes.IndexByte(b[i:], '>')
	if gt < 0 {
		return b
	}
	start := i + gt + 1
	end := len(b)
	if lt := bytes.IndexByte(b[start:], '<'); lt >= 0 {
		end = start + lt
	}
	rest := b[start:end]
	lead := len(rest) - len(bytes.TrimLeft(rest, " \t\r\n"))
	if nl := bytes.IndexByte(rest[lead:], '\n'); nl >= 0 {
		end = start + lead + nl
	}
	out := make([]byte, 0, len(b)+8)
	out = append(out, b[:end]...)
	out = append(out, "</title>"...)
	return append(out, b[end:]...)
}

func trafOptions(opt Options, pageURL string) trafilatura.Options {
	o := trafilatura.Options{
		EnableFallback: opt.Fallback,
		// Extracting comments first is what removes them from the page, so
		// they cannot leak into the main text; the comment text itself is
		// dropped.
		ExcludeComments: false,
	}
	switch opt.Mode {
	case Precision:
		o.Focus = trafilatura.FavorPrecision
	case Recall:
		o.Focus = trafilatura.FavorRecall
	}
	if opt.FastDates {
		o.HtmlDateMode = trafilatura.Fast
	}
	if u, err := url.Parse(pageURL); err == nil && u.IsAbs() {
		o.OriginalURL = u
	}
	return o
}

// Readability's text replaces trafilatura's when it is a shorter, mostly
// contained version of it: trafilatura then kept comments, teasers or link
// lists around the article that readability's single-container choice left
// out. Measured on the reference sets, this lifts word F1 by 3 points on
// L3S-GN1 and about half a point on WCXB.
const (
	minReadabilityWords = 50
	minReadabilityShare = 0.1 // of trafilatura's words
	minContainment      = 0.7
)

func preferReadability(traf, read string) bool {
	rw := words(read)
	if len(rw) < minReadabilityWords {
		return false
	}
	tw := words(traf)
	if len(tw) == 0 {
		return true
	}
	share := float64(len(rw)) / float64(len(tw))
	return share >= minReadabilityShare && share < 1 && containment(rw, tw) >= minContainment
}

// minLeadWords is the least a trafilatura paragraph needs to count as
// prose when it is put back in front of readability's text.
const minLeadWords = 8

// leadEndRe requires a lead paragraph to end like a sentence, which rules
// out breadcrumbs, bylines and date stamps.
var leadEndRe = regexp.MustCompile(`[.!?:"”»]\s*$`)

// withLead puts back the prose paragraphs that trafilatura found before the
// point where readability's text starts. Readability keeps a single
// container and so often drops a standfirst or lead paragraph set apart
// from the body; trafilatura keeps it.
func withLead(traf, read string) string {
	rp := strings.SplitN(read, "\n\n", 2)
	first := fold(rp[0])
	if first == "" {
		return read
	}
	tp := strings.Split(traf, "\n\n")
	at := -1
	for i, p := range tp {
		f := fold(p)
		if f != "" && (f == first || (len(f) > 20 && (strings.Contains(first, f) || strings.Contains(f, first)))) {
			at = i
			break
		}
	}
	if at <= 0 {
		return read
	}
	var lead []string
	for _, p := range tp[:at] {
		if len(words(p)) >= minLeadWords && leadEndRe.MatchString(p) {
			lead = append(lead, p)
		}
	}
	if len(lead) == 0 {
		return read
	}
	return strings.Join(lead, "\n\n") + "\n\n" + read
}

// panicSite names the function and line that panicked, read from the stack
// below the runtime's panic frame, so a failure report says where a library
// broke without carrying the whole stack.
func panicSite(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, "panic(") {
			continue
		}
		// Frames come in pairs, function then file line; the runtime's own
		// (panicmem, sigpanic) sit between the panic and its cause.
		for j := i + 2; j+1 < len(lines); j += 2 {
			fn := lines[j]
			if strings.HasPrefix(fn, "runtime.") {
				continue
			}
			if k := strings.LastIndexByte(fn, '('); k > 0 {
				fn = fn[:k]
			}
			loc := strings.TrimSpace(lines[j+1])
			if k := strings.LastIndexByte(loc, ' '); k > 0 {
				loc = loc[:k]
			}
			return fn + " (" + loc + ")"
		}
	}
	return "unknown site"
}
