// Package export writes stored articles in exchange formats. The JSON Lines
// record is sitrep's public contract: later versions add fields, none are
// renamed or removed.
package export

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/sitrep/sitrep/internal/model"
)

// Record is one exported article. Unknown values are null, never "".
type Record struct {
	ID             string  `json:"id"`
	Source         string  `json:"source"`
	URL            *string `json:"url"`
	Title          *string `json:"title"`
	Outlet         *string `json:"outlet"`
	CreditedSource *string `json:"credited_source"`
	Author         *string `json:"author"`
	Published      *string `json:"published"`
	PublishedFrom  *string `json:"published_from"`
	// PublishedYear is the year of publication, also when only the year is
	// known (a copyright notice); null when unknown.
	PublishedYear *int                        `json:"published_year"`
	Language      *string                     `json:"language"`
	Text          string                      `json:"text"`
	Format        string                      `json:"format"`
	Container     string                      `json:"container"`
	ContentHash   string                      `json:"content_hash"`
	Provenance    map[string]model.Provenance `json:"provenance"`
	Extra         map[string]any              `json:"extra,omitempty"`
	Warnings      []string                    `json:"warnings,omitempty"`
	// DupGroup is the copy group (null when the article has no known
	// copies), DuplicateOf the group's original (null for the original and
	// for articles in no group), CopyEvidence why it is taken for a copy.
	DupGroup     *string             `json:"dup_group"`
	DuplicateOf  *string             `json:"duplicate_of"`
	CopyEvidence *model.CopyEvidence `json:"copy_evidence"`
	// Sentences, Entities, Places and Dates are the language analysis,
	// offsets in code points into Text; null when the article has not
	// been analysed, empty lists when nothing was found.
	AnalysisVersion *string               `json:"analysis_version"`
	Sentences       []model.Span          `json:"sentences"`
	Entities        []model.EntityMention `json:"entities"`
	Places          []model.PlaceMention  `json:"places"`
	Dates           []model.DateMention   `json:"dates"`
	// Story is the ID of the story the article is in (see sitrep story),
	// null when it is in none.
	Story *int64 `json:"story"`
}

// WithStory sets the story an article is in.
func (r *Record) WithStory(id int64) {
	if id > 0 {
		r.Story = &id
	}
}

// WithAnalysis adds an article's analysis to its record.
func (r *Record) WithAnalysis(an model.Analysis) {
	r.AnalysisVersion = orNull(an.Version)
	r.Sentences = nonNil(an.Sentences)
	r.Entities = nonNil(an.Entities)
	r.Places = nonNil(an.Places)
	r.Dates = nonNil(an.Dates)
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

func orNull(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// FromArticle maps an article to its export record.
func FromArticle(a model.Article) Record {
	r := Record{
		ID:             a.ID,
		Source:         a.Source,
		URL:            orNull(a.URL),
		Title:          orNull(a.Title),
		Outlet:         orNull(a.Outlet),
		CreditedSource: orNull(a.CreditedSource),
		Author:         orNull(a.Author),
		Published:      orNull(a.Published),
		Language:       orNull(a.Language),
		Text:           a.Text,
		Format:         string(a.Format),
		Container:      string(a.Container),
		ContentHash:    a.ContentHash,
		Provenance:     a.Provenance,
		Extra:          a.Extra,
		Warnings:       a.Warnings,
		DupGroup:       orNull(a.DupGroup),
		DuplicateOf:    orNull(a.DuplicateOf),
		CopyEvidence:   a.CopyEvidence,
	}
	if a.Published != "" {
		r.PublishedFrom = orNull(a.Provenance[model.FieldPublished].From)
	}
	if y := a.PublishedYear(); y != 0 {
		r.PublishedYear = &y
	}
	if r.Provenance == nil {
		r.Provenance = map[string]model.Provenance{}
	}
	return r
}

// JSONLWriter writes one JSON object per line.
type JSONLWriter struct {
	enc *json.Encoder
	n   int
}

// NewJSONLWriter returns a writer over w. HTML escaping is off: the output is
// data, not markup, and escaped quotes would only hinder downstream tools.
func NewJSONLWriter(w io.Writer) *JSONLWriter {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &JSONLWriter{enc: enc}
}

// Write writes one article.
func (w *JSONLWriter) Write(a model.Article) error {
	return w.WriteRecord(FromArticle(a))
}

// WriteRecord writes a record built by the caller (with its analysis).
func (w *JSONLWriter) WriteRecord(r Record) error {
	if err := w.enc.Encode(r); err != nil {
		return fmt.Errorf("export %s: %w", r.ID, err)
	}
	w.n++
	return nil
}

// Count is the number of records written.
func (w *JSONLWriter) Count() int { return w.n }
