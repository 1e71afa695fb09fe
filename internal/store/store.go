// Package store defines how sitrep keeps articles and the raw inputs they
// were read from. It holds the Store interface and the types it speaks, and
// imports no database driver: each backend (internal/store/sqlite, later
// PostgreSQL) lives in its own package and must pass the shared suite in
// internal/store/storetest.
package store

import (
	"context"
	"errors"
	"time"

	"github.com/sitrep/sitrep/internal/model"
)

// Errors a Store returns. Backends wrap them with detail, so test with
// errors.Is.
var (
	// ErrNotFound means no article matched an ID, prefix or content hash.
	ErrNotFound = errors.New("not found")
	// ErrAmbiguous means an ID prefix matched more than one article.
	ErrAmbiguous = errors.New("ambiguous id prefix")
	// ErrEmptyQuery means a search query held nothing to search for.
	ErrEmptyQuery = errors.New("search query has no words to search for")
	// ErrInvalid means the caller passed a malformed record or option; the
	// wrapping error says which and why.
	ErrInvalid = errors.New("invalid input")
	// ErrSchemaTooNew means the store was written by a newer sitrep whose
	// schema this binary does not know; opening it could corrupt it.
	ErrSchemaTooNew = errors.New("store schema is newer than this sitrep")
)

// MinPrefix is the shortest ID prefix Get resolves; shorter ones would match
// too much to be useful as a handle a person types.
const MinPrefix = 4

// DefaultSearchLimit applies when Search is given a limit of zero or less.
const DefaultSearchLimit = 20

// Record is one article to store with the raw input it came from.
type Record struct {
	// Article.ID and Article.ContentHash are set by the caller: ContentHash
	// is the hex sha256 over the raw bytes and the record index, ID its first
	// 16 hex characters. A zero IngestedAt is set to the time of the batch.
	Article model.Article
	// Raw is the exact input bytes (RawDoc.Raw). Each distinct content is
	// stored once however many records share it, so a feed file with many
	// items costs one copy.
	Raw []byte
	// RawRecord is RawDoc.RawRecord: which document inside Raw this is.
	RawRecord int
	// CopyKeys are the article's keys in the near-duplicate index (from the
	// dedup stage). They are written in the same transaction as the article,
	// so the index is never behind the articles; the article then waits for
	// linking (see PendingCopies). Nil leaves the article unindexed.
	CopyKeys []uint64
	// CopySketch is the dedup stage's encoded sketch of the text, returned
	// with candidates so that unlikely ones are passed over unread.
	CopySketch []byte
}

// BatchResult counts what PutBatch did.
type BatchResult struct {
	// Stored counts articles that were new.
	Stored int
	// AlreadyPresent counts records whose ContentHash was stored before,
	// including repeats inside the same batch.
	AlreadyPresent int
	// NewSightings counts already-present records that were seen at a Source
	// not recorded before (the same file under another path). Re-putting the
	// very same records leaves it zero.
	NewSightings int
	// StoredIDs lists the IDs of the new articles in input order.
	StoredIDs []string
}

// ListOptions filters and pages List.
type ListOptions struct {
	// Limit caps the number of articles; zero or less means no cap.
	Limit int
	// Offset skips that many articles of the ordered result.
	Offset int
	// Outlet matches exactly, ignoring ASCII case.
	Outlet string
	// Language matches the ISO 639-1 code exactly, ignoring ASCII case.
	Language string
	// Since and Until bound the published date, both inclusive, as
	// YYYY-MM-DD. Articles with no known date are left out when either is
	// set.
	Since, Until string
	// WithText loads Article.Text too; listings usually do not need it and
	// it is by far the largest field.
	WithText bool
}

// SearchHit is one article matching a search.
type SearchHit struct {
	// Article is the full article except Text, which is left empty.
	Article model.Article
	// Snippet is a short excerpt of the title or text with the matched
	// words between [ and ].
	Snippet string
	// Rank orders hits: higher is a better match. Values are only
	// comparable within one search.
	Rank float64
}

// RawInput is what reprocessing needs to rebuild one article from its input.
type RawInput struct {
	ArticleID string
	Container model.Format
	// Raw is the exact input bytes, verified against their hash. It may be
	// shared with other RawInputs of the same input (feed items), so it must
	// be treated as read-only; it stays valid after the callback returns.
	Raw       []byte
	RawRecord int
	Source    string
	Path      string
	Record    int
}

// Sighting is one place an article's input was seen at.
type Sighting struct {
	Source string
	Path   string
	Record int
	// SeenAt is when that source was first ingested.
	SeenAt time.Time
}

// CopyState says how far the dedup stage has got with an article.
type CopyState int

const (
	// CopyUnindexed articles have no keys in the near-duplicate index yet
	// (stored by an older sitrep, or after ResetCopies).
	CopyUnindexed CopyState = iota
	// CopyPending articles are indexed but not yet compared with their
	// candidates.
	CopyPending
	// CopyLinked articles have been compared and their group written.
	CopyLinked
)

// CopyCandidate is a stored article that shares a near-duplicate key.
type CopyCandidate struct {
	ID string
	// Group is the article's copy group, "" when it has none.
	Group string
	// Sketch is what was stored as the article's CopySketch.
	Sketch []byte
}

// CopyIndex is an article's entry in the near-duplicate index.
type CopyIndex struct {
	Keys   []uint64
	Sketch []byte
}

// CopyUpdate is what the dedup stage learned from linking some articles. It
// is written in one transaction.
type CopyUpdate struct {
	// Links are verified pairs to add; a pair already stored is kept as is.
	Links []model.CopyLink
	// Groups are complete groups: every member gets the group's ID, and any
	// stored group a member belonged to before is replaced (groups merge).
	Groups []model.CopyGroup
	// Evidence is the copy evidence of each non-original member of Groups.
	Evidence map[string]model.CopyEvidence
	// Articles are members whose derived fields changed (metadata inherited
	// from a copy), written as Update writes them.
	Articles []model.Article
	// Linked are articles now done (CopyLinked), with or without a group.
	Linked []string
}

// CopyGroupOptions pages CopyGroups.
type CopyGroupOptions struct {
	Limit, Offset int
	// MinSize leaves out smaller groups; groups always have two members at
	// least.
	MinSize int
}

// Stats summarises a store.
type Stats struct {
	Articles int
	// Raws counts distinct raw inputs.
	Raws int
	// RawBytes is the size of the raw inputs as read; StoredRawBytes what
	// they take compressed.
	RawBytes       int64
	StoredRawBytes int64
	// ByFormat counts articles by the format of their body (text, html).
	ByFormat map[string]int
	// ByContainer counts articles by the kind of file they came from
	// (jsonl, warc, feed, text, html).
	ByContainer map[string]int
	// ByLanguage counts articles by language; the key "" counts those whose
	// language is unknown.
	ByLanguage map[string]int
	// CopyGroups counts groups of copies, Copies the articles in them that
	// are not the original, CopyPending the articles the dedup stage has
	// not finished with.
	CopyGroups, Copies, CopyPending int
	// Analysed counts analysed articles; Entities the entities mentioned
	// in them, Mentions their mentions, Places the place mentions.
	Analysed, Entities, Mentions, Places int
}

// Store keeps articles and their raw inputs. Implementations are safe for
// concurrent use. Every backend keeps IngestedAt and SeenAt to the
// microsecond, in UTC.
//
// Empty Provenance, Extra and Warnings come back nil. Extra round-trips
// through JSON, decoded so that no number loses precision: numbers come
// back as json.Number, objects as map[string]any, arrays as []any.
type Store interface {
	// PutBatch stores the records in one transaction: all or nothing. A
	// record whose ContentHash is already stored counts as AlreadyPresent
	// and changes nothing of the article; if its Source is new, that
	// sighting is recorded. Putting the same records again changes nothing
	// at all. Records are checked before anything is written; a malformed
	// one fails the batch with ErrInvalid.
	PutBatch(ctx context.Context, recs []Record) (BatchResult, error)
	// Has reports which of the given content hashes are stored: a stored
	// hash maps to true, others are absent.
	Has(ctx context.Context, contentHashes []string) (map[string]bool, error)
	// Get returns the article with that ID, else the one whose ID starts
	// with it (at least MinPrefix characters), else the one with that full
	// content hash. It fails with ErrNotFound or ErrAmbiguous.
	Get(ctx context.Context, id string) (model.Article, error)
	// List returns articles ordered by published date, newest first and
	// unknown dates last, then by ID.
	List(ctx context.Context, opt ListOptions) ([]model.Article, error)
	// Search ranks articles by relevance of title and text to query. The
	// query is words, all of which must match; "double quotes" make a
	// phrase, a trailing * a prefix, and everything else is taken as
	// literal text, so no query can cause a syntax error. A query with no
	// words fails with ErrEmptyQuery.
	Search(ctx context.Context, query string, limit int) ([]SearchHit, error)
	// Each calls fn for every article, with Text, ordered by ID. It holds
	// no transaction across calls, so fn may write to the store; articles
	// added meanwhile may or may not be visited. An error from fn stops the
	// walk and is returned as is.
	Each(ctx context.Context, fn func(model.Article) error) error
	// EachRaw calls fn with the raw input of every article, ordered by
	// article ID, under the same rules as Each.
	EachRaw(ctx context.Context, fn func(RawInput) error) error
	// Update rewrites the derived fields of existing articles (Format, URL,
	// Title, Outlet, CreditedSource, Author, Published, Language, Text,
	// Provenance, Extra, Warnings) and their search index, in one
	// transaction. Identity fields (ContentHash, Source, Path, Record,
	// Container, IngestedAt) are kept. An unknown ID fails the whole update
	// with ErrNotFound.
	Update(ctx context.Context, arts []model.Article) error
	// Sightings lists every source the article with exactly this ID was
	// seen at, first seen first.
	Sightings(ctx context.Context, id string) ([]Sighting, error)
	// Stats summarises the store.
	Stats(ctx context.Context) (Stats, error)

	// Articles returns the articles with exactly these IDs, with Text, in
	// the order given. A missing ID fails with ErrNotFound.
	Articles(ctx context.Context, ids []string) ([]model.Article, error)
	// CopyCandidates returns the stored articles holding any of the given
	// near-duplicate keys, with the group each is in, sorted by ID and
	// without repeats.
	CopyCandidates(ctx context.Context, keys []uint64) ([]CopyCandidate, error)
	// PutCopyKeys indexes existing articles (after ResetCopies or for
	// articles from an older store) and marks them CopyPending. An unknown
	// ID fails with ErrNotFound and nothing is written.
	PutCopyKeys(ctx context.Context, index map[string]CopyIndex) error
	// PendingCopies lists up to limit IDs of articles in the given state,
	// ordered by ID; limit <= 0 means all.
	PendingCopies(ctx context.Context, state CopyState, limit int) ([]string, error)
	// CopyGroupsOf returns the stored groups of the given groups or member
	// articles (IDs of either kind), with members and links, keyed by group
	// ID.
	CopyGroupsOf(ctx context.Context, ids []string) (map[string]model.CopyGroup, error)
	// CopyGroups lists groups, largest first, then by ID.
	CopyGroups(ctx context.Context, opt CopyGroupOptions) ([]model.CopyGroup, error)
	// ApplyCopies writes what linking learned, in one transaction.
	ApplyCopies(ctx context.Context, u CopyUpdate) error
	// Setting returns a named value kept with the store; ok is false when
	// it was never set.
	Setting(ctx context.Context, name string) (value string, ok bool, err error)
	// PutSetting sets a named value.
	PutSetting(ctx context.Context, name, value string) error
	// ResetCopies forgets every key, link and group, and every value
	// inherited from a copy (whose provenance is model.FromCopy), leaving all
	// articles CopyUnindexed, so that dedup can start over after a change
	// of its options.
	ResetCopies(ctx context.Context) error
	// PendingAnalyses lists up to limit IDs of articles whose analysis is
	// missing or of another version than version, ordered by ID; limit <= 0
	// means all.
	PendingAnalyses(ctx context.Context, version string, limit int) ([]string, error)
	// Analyses returns the stored analyses of the given articles; an
	// article without one is absent from the map.
	Analyses(ctx context.Context, ids []string) (map[string]model.Analysis, error)
	// EntityIDs returns the IDs of the entities holding any of the given
	// blocking keys, sorted.
	EntityIDs(ctx context.Context, keys []string) ([]string, error)
	// EntityRecords returns entities with aliases, keys and context, in
	// the order asked; an unknown ID fails with ErrNotFound.
	EntityRecords(ctx context.Context, ids []string) ([]EntityRecord, error)
	// ApplyAnalyses writes analyses and entities in one transaction.
	ApplyAnalyses(ctx context.Context, u AnalysisUpdate) error
	// Entities lists entities mentioned in at least one article, most
	// mentioned first (by articles, then mentions), then by canonical name.
	Entities(ctx context.Context, opt EntityOptions) ([]model.Entity, error)
	// FindEntities returns the entities whose ID, canonical name or alias
	// is name (ignoring case), most mentioned first.
	FindEntities(ctx context.Context, name string) ([]model.Entity, error)
	// EntityArticles lists the IDs of up to limit articles mentioning the
	// entity, newest first; limit <= 0 means all.
	EntityArticles(ctx context.Context, id string, limit int) ([]string, error)
	// AliasRules lists the user's alias rules, oldest first.
	AliasRules(ctx context.Context) ([]AliasRule, error)
	// PutAliasRule adds a rule; adding it again changes nothing.
	PutAliasRule(ctx context.Context, r AliasRule) error
	// DeleteAliasRule removes a rule and reports whether it existed.
	DeleteAliasRule(ctx context.Context, r AliasRule) (bool, error)
	// ResetAnalyses forgets every analysis, entity and mention (not the
	// alias rules), and the stories made from them (not the story rules),
	// so that analysis can start over.
	ResetAnalyses(ctx context.Context) error
	// PendingStories lists up to limit IDs of analysed articles that are
	// in no story yet, ordered by published date (unknown first), then ID;
	// limit <= 0 means all.
	PendingStories(ctx context.Context, limit int) ([]string, error)
	// StoryInputs lists the IDs of every analysed article in the same
	// order: what clustering takes.
	StoryInputs(ctx context.Context) ([]string, error)
	// PutStories writes stories and members in one transaction. A member
	// naming an unknown article or story fails with ErrNotFound and
	// nothing is written.
	PutStories(ctx context.Context, u StoryUpdate) error
	// StoryList lists stories without members, newest first (by last
	// date, undated last, then by ID, higher first).
	StoryList(ctx context.Context, opt StoryListOptions) ([]model.Story, error)
	// Story returns one story with its members (copy groups included),
	// ordered by published date, unknown first, then article ID. It fails
	// with ErrNotFound.
	Story(ctx context.Context, id int64) (model.Story, error)
	// StoriesOf returns the memberships of the given articles; an article
	// in no story is absent from the map.
	StoriesOf(ctx context.Context, ids []string) (map[string]model.StoryMember, error)
	// ResetStories forgets every story and member (not the rules), so
	// that every analysed article is pending again.
	ResetStories(ctx context.Context) error
	// StoryRules lists the user's story rules, oldest first.
	StoryRules(ctx context.Context) ([]StoryRule, error)
	// PutStoryRule adds a rule; adding it again changes nothing. A
	// malformed rule fails with ErrInvalid.
	PutStoryRule(ctx context.Context, r StoryRule) error
	// Close releases the store; it must not be used afterwards.
	Close() error
}
