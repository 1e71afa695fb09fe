// Package model holds the plain types that every sitrep stage takes and
// returns. It imports only the standard library so that any stage, store or
// front end can depend on it without cycles.
package model

import "time"

// Format names the kind of input a raw document was read from.
type Format string

// Input formats recognised by the source stage.
const (
	FormatText  Format = "text"
	FormatHTML  Format = "html"
	FormatJSONL Format = "jsonl"
	FormatWARC  Format = "warc"
	FormatFeed  Format = "feed"
)

// Span is a half-open range of Unicode code points [Start, End) in a text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Provenance says where a metadata value came from, so a user can ask "why?".
type Provenance struct {
	// From names the rule or input that produced the value, e.g.
	// "jsonl:published", "html:trafilatura", "text:dateline", "text:copyright".
	From string `json:"from"`
	// Evidence is the literal input the value was read from, when short.
	Evidence string `json:"evidence,omitempty"`
	// Span locates Evidence in the raw text when it is known (code points).
	Span *Span `json:"span,omitempty"`
	// InferredFrom is the ID of the article the value was taken from when
	// it is not printed in this one (a copy's date given to its original).
	InferredFrom string `json:"inferred_from,omitempty"`
}

// Hints are metadata that arrive with a document from its container (a JSON
// Lines record, a feed item, a WARC header) rather than from its text.
type Hints struct {
	URL       string
	Title     string
	Published string // as given; normalised by the extract stage
	Outlet    string
	Author    string
	Language  string
	// Extra keeps fields that sitrep does not interpret, so nothing is lost.
	Extra map[string]any
}

// RawDoc is one document as read from its input, before any cleaning.
type RawDoc struct {
	// Source names where it came from: a path, with "#N" appended for the
	// N-th record (1-based line, WARC record or feed item) of a container.
	Source string
	// Path is the file the document was read from.
	Path string
	// Record is the 1-based record number inside a container, 0 otherwise.
	Record int
	// Container is the format of the file (jsonl, warc, feed, text, html).
	Container Format
	// Format is the format of Body: FormatText or FormatHTML.
	Format Format
	// Body is the document itself: the page HTML or the scraped text.
	Body []byte
	// Raw is the exact input bytes that hold this document (the whole file,
	// the JSON line, the WARC record), kept so it can be reprocessed.
	Raw []byte
	// RawRecord indexes the document inside Raw when Raw holds several
	// (feed files); 0 when Raw holds just this one.
	RawRecord int
	Hints     Hints
}

// Article is a cleaned document with its metadata.
type Article struct {
	// ID is stable: derived from the content hash of the raw input.
	ID             string
	ContentHash    string
	Source         string
	Path           string
	Record         int
	Container      Format
	Format         Format
	URL            string
	Title          string
	Outlet         string
	CreditedSource string
	Author         string
	Published      string // YYYY-MM-DD, or "" when unknown
	Language       string // ISO 639-1, or "" when unknown
	Text           string
	// Provenance maps a field name ("title", "outlet", "credited_source",
	// "author", "published", "language", "text", "url") to where it came from.
	Provenance map[string]Provenance
	Extra      map[string]any
	Warnings   []string
	IngestedAt time.Time
	// DupGroup is the ID of the copy group the article belongs to, "" when
	// it has no known copies. DuplicateOf is the group's original, "" for
	// the original itself; CopyEvidence says why.
	DupGroup     string
	DuplicateOf  string
	CopyEvidence *CopyEvidence
}

// Field names used as keys of Article.Provenance.
const (
	FieldTitle          = "title"
	FieldOutlet         = "outlet"
	FieldCreditedSource = "credited_source"
	FieldAuthor         = "author"
	FieldPublished      = "published"
	FieldLanguage       = "language"
	FieldText           = "text"
	FieldURL            = "url"
	// FieldPublishedYear keys the provenance of a publication year known
	// without its day (a copyright notice); its Evidence is the year.
	FieldPublishedYear = "published_year"
)

// PublishedYear returns the year the article was published: Published's,
// else the year a copyright notice gives; 0 when unknown.
func (a *Article) PublishedYear() int {
	s := a.Published
	if s == "" {
		s = a.Provenance[FieldPublishedYear].Evidence
	}
	if len(s) < 4 {
		return 0
	}
	y := 0
	for _, r := range s[:4] {
		if r < '0' || r > '9' {
			return 0
		}
		y = y*10 + int(r-'0')
	}
	return y
}

// SetField records a metadata value with its provenance. Empty values are
// ignored so callers can chain fallbacks without checks.
func (a *Article) SetField(field, value string, p Provenance) {
	if value == "" {
		return
	}
	switch field {
	case FieldTitle:
		a.Title = value
	case FieldOutlet:
		a.Outlet = value
	case FieldCreditedSource:
		a.CreditedSource = value
	case FieldAuthor:
		a.Author = value
	case FieldPublished:
		a.Published = value
	case FieldLanguage:
		a.Language = value
	case FieldText:
		a.Text = value
	case FieldURL:
		a.URL = value
	default:
		return
	}
	if a.Provenance == nil {
		a.Provenance = map[string]Provenance{}
	}
	a.Provenance[field] = p
}

// Field returns the value of a metadata field by the names SetField takes;
// "" for an unknown name.
func (a *Article) Field(field string) string {
	switch field {
	case FieldTitle:
		return a.Title
	case FieldOutlet:
		return a.Outlet
	case FieldCreditedSource:
		return a.CreditedSource
	case FieldAuthor:
		return a.Author
	case FieldPublished:
		return a.Published
	case FieldLanguage:
		return a.Language
	case FieldText:
		return a.Text
	case FieldURL:
		return a.URL
	}
	return ""
}

// Failure is an input that could not be read or cleaned. Failures are counted
// and reported; they never stop a batch.
type Failure struct {
	Source string // file, with "#N" when a record of a container is at fault
	Path   string // the file alone; may be empty when Source is a plain path
	Err    error
}

func (f Failure) Error() string { return f.Source + ": " + f.Err.Error() }
