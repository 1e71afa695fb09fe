// Package htmlpage turns one HTML page into an article: main text without
// boilerplate, title, author, outlet, publication date, language and URL.
//
// go-trafilatura does the heavy lifting; this package adds what the
// reference sets showed it lacks: charset repair, paragraph structure in the
// text, removal of leftover non-article lines and of the repeated headline,
// and more careful title, outlet and language choices.
package htmlpage

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"runtime/debug"
	"strings"
	"unicode/utf8"

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
	// DOM Distiller's and keep the better one.
	Fallback bool
	// ContentType is the HTTP Content-Type header when the page was fetched;
	// its charset parameter outranks the page's own declaration.
	ContentType string

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
			err = fmt.Errorf("htmlpage: extractor panicked: %v\n%s", r, firstFrames(debug.Stack()))
		}
	}()
	if pageURL == "" {
		pageURL = a.URL
	}
	page, err := parse(body, opt.ContentType)
	if err != nil {
		return err
	}
	res, terr := trafilatura.ExtractDocument(page.doc, trafOptions(opt, pageURL))
	meta := pageMeta(page.doc)
	if res != nil {
		fillMeta(a, res.Metadata, meta, pageURL, opt)
	} else {
		fillMeta(a, trafilatura.Metadata{}, meta, pageURL, opt)
	}
	text := ""
	if res != nil {
		text = render(res.ContentNode)
		if !opt.knobs.noClean {
			text = clean(text)
		}
		if !opt.knobs.noTitleStrip {
			text = stripTitle(text, a.Title, meta)
		}
	}
	if a.Text == "" {
		a.SetField(model.FieldText, text, model.Provenance{From: "html:trafilatura"})
	}
	if a.Language == "" {
		setLanguage(a, meta, text)
	}
	if text == "" {
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
}

func parse(body []byte, contentType string) (parsed, error) {
	utf, enc := toUTF8(body, contentType)
	doc, err := html.Parse(bytes.NewReader(utf))
	if err != nil {
		return parsed{}, fmt.Errorf("htmlpage: parse: %w", err)
	}
	return parsed{doc: doc, encoding: enc}, nil
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
	if u, err := url.Parse(pageURL); err == nil && u.IsAbs() {
		o.OriginalURL = u
	}
	return o
}

// firstFrames keeps a panic report short enough for a failure list.
func firstFrames(stack []byte) string {
	const limit = 2000
	if len(stack) > limit {
		stack = stack[:limit]
		for len(stack) > 0 && !utf8.Valid(stack) {
			stack = stack[:len(stack)-1]
		}
	}
	return strings.TrimSpace(string(stack))
}
