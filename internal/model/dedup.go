package model

// CopyLink is one verified near-duplicate pair found by the dedup stage. It
// is undirected: who copied whom is decided for the whole group at once, so
// A is always the smaller ID.
type CopyLink struct {
	A, B string
	// Exact is set when the normalised texts are identical.
	Exact bool `json:"exact,omitempty"`
	// Jaccard is |A∩B| / |A∪B| and Containment |A∩B| / min(|A|,|B|), both
	// over the word shingles of the clean texts.
	Jaccard     float64 `json:"jaccard"`
	Containment float64 `json:"containment"`
}

// CopyEvidence says why an article is taken for a copy of its group's
// original.
type CopyEvidence struct {
	// Of is the original's article ID.
	Of string `json:"of"`
	// Method is "exact" (same normalised text) or "near" (shingle overlap).
	Method string `json:"method"`
	// Jaccard and Containment compare this article with the original.
	Jaccard     float64 `json:"jaccard"`
	Containment float64 `json:"containment"`
	// Credit is the credit line of this article when it names the
	// original's outlet, e.g. "UkrinForm".
	Credit string `json:"credit,omitempty"`
	// Via is the member through which this article joined the group when it
	// is not similar enough to the original itself (a copy of a copy).
	Via string `json:"via,omitempty"`
}

// CopyGroup is a set of articles that are copies of one another.
type CopyGroup struct {
	// ID is stable for a given membership: "g" followed by the smallest
	// member ID.
	ID string `json:"id"`
	// Original is the member the others copy.
	Original string `json:"original"`
	// Reason says how Original was chosen: "credited" (the others credit its
	// outlet), "earliest" (first published), "uncredited" (when dates do
	// not decide, the one member that credits no other source) or
	// "most-complete" (the longest text among those left).
	Reason string `json:"reason"`
	// Members lists every member, the original included, sorted by ID.
	Members []string `json:"members"`
	// Credited lists the sources named by members' credit lines, as
	// written, whether or not their articles are in the corpus.
	Credited []string `json:"credited,omitempty"`
	// Origin names where the story comes from for counting independent
	// sources: the credited agency when there is one, else the original's
	// outlet.
	Origin string `json:"origin"`
	// Links are the verified pairs that hold the group together.
	Links []CopyLink `json:"links"`
}

// Provenance.From values set by the dedup stage on metadata it fills in
// from another member of a copy group.
const FromCopy = "dedup:copy"
