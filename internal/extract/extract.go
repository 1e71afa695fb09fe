// Package extract turns a raw document into an article: main text without
// boilerplate and metadata, each value with where it came from. It picks the
// cleaner by format (plain text or HTML) and lets container metadata (JSON
// Lines fields, feed items, WARC headers) take precedence over inference.
package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/sitrep/sitrep/internal/extract/dates"
	"github.com/sitrep/sitrep/internal/extract/htmlpage"
	"github.com/sitrep/sitrep/internal/extract/lang"
	"github.com/sitrep/sitrep/internal/extract/plaintext"
	"github.com/sitrep/sitrep/internal/model"
)

// ErrNoText is returned when a document yields no main text at all.
var ErrNoText = errors.New("no main text found")

// Options configure extraction.
type Options struct {
	HTML htmlpage.Options
	// MinLanguageConfidence is how sure detection must be before it replaces
	// a language the page declares about itself.
	MinLanguageConfidence float64
	// Languages limits detection to these ISO 639-1 codes (lang.DefaultAllow
	// when empty): a collection known to hold only a few languages is
	// detected more reliably among those alone.
	Languages []string
}

// DefaultOptions are the settings sitrep ships with.
func DefaultOptions() Options {
	return Options{HTML: htmlpage.DefaultOptions(), MinLanguageConfidence: 0.8}
}

// Extractor cleans raw documents. It holds no mutable state, so one value
// can serve many goroutines.
type Extractor struct {
	opt  Options
	lang *lang.Detector
}

// New returns an Extractor.
func New(opt Options) *Extractor { return &Extractor{opt: opt, lang: lang.New(opt.Languages...)} }

// ContentHash identifies a raw input: the bytes it came in plus which record
// inside them, so re-ingesting the same file maps to the same article.
func ContentHash(doc model.RawDoc) string {
	h := sha256.New()
	h.Write(doc.Raw)
	h.Write([]byte("#" + strconv.Itoa(doc.RawRecord)))
	return hex.EncodeToString(h.Sum(nil))
}

// IDFromHash derives the short, stable article id from a content hash.
func IDFromHash(hash string) string {
	if len(hash) < 16 {
		return hash
	}
	return hash[:16]
}

// Group is the key under which a document's lines are counted for
// cross-document repetition: its outlet when known, else its URL host.
func Group(doc model.RawDoc) string {
	if doc.Hints.Outlet != "" {
		return strings.ToLower(doc.Hints.Outlet)
	}
	return host(doc.Hints.URL)
}

func host(raw string) string {
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// CountLines adds the lines of a scraped page to stats, which the
// plain-text cleaner reads to tell a site's repeated furniture from its
// articles. Other documents are left out: their text is not scored.
func CountLines(stats *plaintext.Stats, doc model.RawDoc) {
	if doc.Format != model.FormatText || producerText(doc) {
		return
	}
	body, _ := TextBody(doc.Body)
	stats.Add(body, Group(doc))
}

// TextBody returns the document body as valid UTF-8 text. Scraped text that
// is not UTF-8 is most often Windows-1252, so it is decoded as such with a
// warning rather than rejected: the raw bytes stay in the store either way.
func TextBody(body []byte) (string, []string) {
	body = trimBOM(body)
	if utf8.Valid(body) {
		return string(body), nil
	}
	dec, err := charmap.Windows1252.NewDecoder().Bytes(body)
	if err != nil {
		return strings.ToValidUTF8(string(body), "\uFFFD"), []string{"text is not valid UTF-8; invalid bytes replaced"}
	}
	return string(dec), []string{"text is not valid UTF-8; decoded as Windows-1252"}
}

func trimBOM(b []byte) []byte {
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		return b[3:]
	}
	return b
}

// Article cleans one raw document. stats carries line counts across the
// batch for plain-text boilerplate detection; it may be nil.
func (e *Extractor) Article(doc model.RawDoc, stats *plaintext.Stats) (model.Article, error) {
	hash := ContentHash(doc)
	a := model.Article{
		ID:          IDFromHash(hash),
		ContentHash: hash,
		Source:      doc.Source,
		Path:        doc.Path,
		Record:      doc.Record,
		Container:   doc.Container,
		Format:      doc.Format,
		Extra:       doc.Hints.Extra,
	}
	applyHints(&a, doc)

	switch doc.Format {
	case model.FormatHTML:
		if err := htmlpage.Extract(&a, doc.Body, a.URL, e.opt.HTML); errors.Is(err, htmlpage.ErrNoText) {
			return a, ErrNoText
		} else if err != nil {
			return a, fmt.Errorf("extract html: %w", err)
		}
		creditFromDateline(&a)
		creditFromHTML(&a, doc.Body)
	case model.FormatText:
		body, warns := TextBody(doc.Body)
		a.Warnings = append(a.Warnings, warns...)
		if producerText(doc) {
			containerText(&a, body, stats, Group(doc))
			creditFromDateline(&a)
		} else {
			plaintext.Extract(&a, body, stats, Group(doc))
		}
		creditFromLines(&a, body)
	default:
		return a, fmt.Errorf("extract: unknown format %q", doc.Format)
	}
	tidyAttribution(&a)
	if strings.TrimSpace(a.Text) == "" {
		return a, ErrNoText
	}
	if a.Provenance[model.FieldText].From == "" {
		a.SetField(model.FieldText, a.Text, model.Provenance{From: string(doc.Format)})
	}
	e.detectLanguage(&a)
	return a, nil
}

// applyHints copies container metadata into the article first, so that the
// cleaners, which only fill empty fields, never override what a feed or a
// JSON Lines record states explicitly.
func applyHints(a *model.Article, doc model.RawDoc) {
	from := string(doc.Container)
	h := doc.Hints
	set := func(field, value, key string) {
		value = strings.TrimSpace(value)
		a.SetField(field, value, model.Provenance{From: from + ":" + key, Evidence: clip(value, 200)})
	}
	set(model.FieldURL, h.URL, "url")
	set(model.FieldTitle, h.Title, "title")
	set(model.FieldOutlet, h.Outlet, "outlet")
	set(model.FieldAuthor, h.Author, "author")
	if h.Language != "" {
		set(model.FieldLanguage, normaliseLanguage(h.Language), "language")
	}
	if h.Published != "" {
		if d, ok := dates.Normalize(h.Published); ok {
			a.SetField(model.FieldPublished, d, model.Provenance{From: from + ":published", Evidence: clip(h.Published, 100)})
		} else {
			a.Warnings = append(a.Warnings, fmt.Sprintf("unreadable date %q", clip(h.Published, 100)))
		}
	}
}

// normaliseLanguage reduces tags such as "en-GB" or "EN_us" to "en".
func normaliseLanguage(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i > 0 {
		s = s[:i]
	}
	return s
}

// detectLanguage fills or corrects the language. Pages often declare their
// template's language rather than the article's, so a confident detection
// wins over an HTML declaration, but never over container metadata.
func (e *Extractor) detectLanguage(a *model.Article) {
	code, conf := e.lang.Detect(a.Text)
	if code == "" {
		return
	}
	cur := a.Provenance[model.FieldLanguage].From
	explicit := cur != "" && !strings.HasPrefix(cur, "html") && !strings.HasPrefix(cur, "text") && !strings.HasPrefix(cur, "detect")
	switch {
	case a.Language == "":
	case explicit, a.Language == code, conf < e.opt.MinLanguageConfidence:
		return
	}
	a.SetField(model.FieldLanguage, code, model.Provenance{From: "detect:whatlanggo", Evidence: strconv.FormatFloat(conf, 'f', 2, 64)})
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// creditFromDateline reads a wire credit at the start of the text ("LESK
// (Agency) —") and removes it from the text, as the text cleaner does.
func creditFromDateline(a *model.Article) {
	first, rest, _ := strings.Cut(a.Text, "\n")
	c, ok := plaintext.FindCredit(first)
	if !ok {
		return
	}
	if a.CreditedSource == "" {
		a.SetField(model.FieldCreditedSource, c.Source, model.Provenance{From: string(a.Format) + ":credit", Evidence: c.Evidence})
	}
	first = strings.TrimSpace(first[c.Cut:])
	if rest != "" {
		first += "\n" + rest
	}
	a.Text = first
}

// tidyAttribution keeps the roles of author and credited source apart: an
// agency named as the author is the credited source (its dateline says so),
// and an outlet's own dateline credits nobody else. Bylines naming a desk
// or the outlet itself stay, as printed: reference sets count them.
func tidyAttribution(a *model.Article) {
	if sameName(a.Author, a.CreditedSource) {
		a.Author = ""
		delete(a.Provenance, model.FieldAuthor)
	}
	if sameName(a.CreditedSource, a.Outlet) {
		a.CreditedSource = ""
		delete(a.Provenance, model.FieldCreditedSource)
	}
}

func sameName(x, y string) bool {
	if x == "" || y == "" {
		return false
	}
	n := func(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }
	return n(x) == n(y)
}

// producerText reports text that a JSON Lines record or a feed item gives
// as the article's text, as opposed to a scraped page (a text file, or a
// text/plain WARC response).
func producerText(doc model.RawDoc) bool {
	return doc.Format == model.FormatText && (doc.Container == model.FormatJSONL || doc.Container == model.FormatFeed)
}

// containerText handles text that a JSON Lines record or a feed item gives
// as the article's text. The producer has already chosen it, so it is kept
// whole rather than cut by the boilerplate scorer, which could drop a short
// item entirely; the scorer still reads byline, date and outlet from it.
// Paragraph breaks are normalised, and a leading dateline credit is read
// and cut by the caller as for HTML.
func containerText(a *model.Article, body string, stats *plaintext.Stats, group string) {
	scratch := model.Article{URL: a.URL}
	plaintext.Extract(&scratch, body, stats, group)
	for _, f := range []string{model.FieldOutlet, model.FieldAuthor, model.FieldPublished} {
		if _, set := a.Provenance[f]; set {
			continue
		}
		if p, ok := scratch.Provenance[f]; ok {
			a.SetField(f, scratch.Field(f), p)
		}
	}
	a.SetField(model.FieldText, paragraphs(body), model.Provenance{From: string(a.Container) + ":text"})
}

// paragraphs joins the non-blank lines of s with blank lines between them,
// the paragraph form every cleaner returns.
func paragraphs(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n\n")
}
