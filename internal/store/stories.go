package store

import (
	"time"

	"github.com/sitrep/sitrep/internal/model"
)

// StoryUpdate is what clustering produced. It is written in one
// transaction.
type StoryUpdate struct {
	// Replace forgets every stored story and member first (not the
	// rules): the stories stage re-clusters everything and writes the
	// whole result.
	Replace bool
	// Stories are created or replaced by ID.
	Stories []model.Story
	// Members are created or replaced by article; each must name a story
	// of Stories or one stored.
	Members []model.StoryMember
}

// StoryListOptions pages StoryList.
type StoryListOptions struct {
	Limit, Offset int
}

// Story rule actions.
const (
	// StoryMerge puts the stories of Article and Other together.
	StoryMerge = "merge"
	// StorySplit takes Article out of its story into one of its own.
	StorySplit = "split"
)

// StoryRule is a user's correction of the stories. It names articles, not
// stories, so it outlives a rebuild.
type StoryRule struct {
	Action  string
	Article string
	// Other is the second article of a merge, "" for a split.
	Other   string
	Created time.Time
}
