package store

import (
	"time"

	"github.com/sitrep/sitrep/internal/model"
)

// EntityRecord is an entity as the cross-article resolver reads and writes
// it.
type EntityRecord struct {
	ID        string
	Canonical string
	Type      string
	// Aliases are the entity's names besides Canonical, with reasons. On
	// write they are added to those stored; a name already stored keeps
	// its first reason.
	Aliases []model.EntityAlias
	// Keys are the resolver's blocking keys; on write they are added.
	Keys []string
	// Context are name keys of entities seen with this one; on write they
	// replace the stored list.
	Context []string
}

// AnalysisUpdate is what analysing some articles produced. It is written
// in one transaction.
type AnalysisUpdate struct {
	// Analyses replace the stored analysis of each article, its mention
	// and place rows and its analysis version. Every entity mention must
	// name its Entity, which must be stored or in Entities.
	Analyses map[string]model.Analysis
	// Entities are created or updated (see EntityRecord).
	Entities []EntityRecord
}

// Alias rule actions.
const (
	// RuleAlias makes Name an alias of the entity called Target.
	RuleAlias = "alias"
	// RuleSeparate keeps Name out of the entity called Target.
	RuleSeparate = "separate"
)

// AliasRule is a user's correction of entity resolution. It names entities
// by name, not ID, so it outlives a rebuild.
type AliasRule struct {
	Name    string
	Type    string
	Action  string
	Target  string
	Created time.Time
}

// EntityOptions filters and pages Entities.
type EntityOptions struct {
	Limit, Offset int
	// Type keeps one entity type (PER, ORG, LOC).
	Type string
	// Article keeps the entities mentioned in that article.
	Article string
}
