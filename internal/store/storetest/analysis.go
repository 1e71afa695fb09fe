package storetest

import (
	"errors"
	"reflect"
	"testing"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/store"
)

// analysisPair stores two articles and an update that mentions one entity
// in both and a place in the first.
func analysisPair(t *testing.T, s store.Store) (a, b string, u store.AnalysisUpdate) {
	t.Helper()
	ra, rb := simple(1, "a", "General Ivanov spoke in Lvov."), simple(2, "b", "Ivanov again.")
	put(t, s, ra, rb)
	a, b = ra.Article.ID, rb.Article.ID
	ent := store.EntityRecord{
		ID: "E1", Canonical: "Pavel Ivanov", Type: "PER",
		Aliases: []model.EntityAlias{{Name: "Ivanov", Reason: "short form of Pavel Ivanov", Article: a}},
		Keys:    []string{"ivanov", "pavel ivanov"},
		Context: []string{"lvov"},
	}
	u = store.AnalysisUpdate{
		Entities: []store.EntityRecord{ent},
		Analyses: map[string]model.Analysis{
			a: {Version: "v1", Sentences: []model.Span{{Start: 0, End: 29}},
				Entities: []model.EntityMention{{Span: model.Span{Start: 8, End: 14}, Text: "Ivanov", Type: "PER", Canonical: "Pavel Ivanov", Entity: "E1", Source: "ner"}},
				Places: []model.PlaceMention{{Span: model.Span{Start: 24, End: 28}, Text: "Lvov", Name: "Lviv", Lat: 49.84, Lon: 24.03,
					Country: "UA", Admin1: "Lviv Oblast", Kind: "place", GeonameID: 702550}},
				Dates: []model.DateMention{{Span: model.Span{Start: 0, End: 3}, Text: "now", Type: "DATE", Value: "PRESENT_REF"}},
			},
			b: {Version: "v1", Entities: []model.EntityMention{{Span: model.Span{Start: 0, End: 6}, Text: "Ivanov", Type: "PER", Canonical: "Pavel Ivanov", Entity: "E1", Source: "ner"}}},
		},
	}
	return a, b, u
}

func testApplyAnalyses(t *testing.T, s store.Store) {
	a, b, u := analysisPair(t, s)
	if ids, err := s.PendingAnalyses(ctx(), "v1", 0); err != nil || !reflect.DeepEqual(ids, sorted(a, b)) {
		t.Fatalf("PendingAnalyses before = %v, %v; want both", ids, err)
	}
	if err := s.ApplyAnalyses(ctx(), u); err != nil {
		t.Fatal(err)
	}
	if ids, err := s.PendingAnalyses(ctx(), "v1", 0); err != nil || len(ids) != 0 {
		t.Errorf("PendingAnalyses after = %v, %v; want none", ids, err)
	}
	if st := stats(t, s); st.Analysed != 2 || st.Entities != 1 || st.Mentions != 2 || st.Places != 1 {
		t.Errorf("Stats analysed/entities/mentions/places = %d/%d/%d/%d, want 2/1/2/1", st.Analysed, st.Entities, st.Mentions, st.Places)
	}
	if ids, err := s.PendingAnalyses(ctx(), "v2", 1); err != nil || len(ids) != 1 {
		t.Errorf("PendingAnalyses of a new version, limit 1 = %v, %v", ids, err)
	}
	got, err := s.Analyses(ctx(), []string{a, b, "ffffffffffffffff"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || !reflect.DeepEqual(got[a], u.Analyses[a]) {
		t.Errorf("Analyses did not round-trip:\n got %+v\nwant %+v", got[a], u.Analyses[a])
	}
	ents, err := s.Entities(ctx(), store.EntityOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 1 || ents[0].ID != "E1" || ents[0].Articles != 2 || ents[0].Mentions != 2 ||
		len(ents[0].Aliases) != 1 || ents[0].Aliases[0].Reason != "short form of Pavel Ivanov" || ents[0].Aliases[0].Article != a {
		t.Errorf("Entities = %+v", ents)
	}
	for _, name := range []string{"E1", "pavel ivanov", "IVANOV"} {
		found, err := s.FindEntities(ctx(), name)
		if err != nil || len(found) != 1 || found[0].ID != "E1" {
			t.Errorf("FindEntities(%q) = %+v, %v", name, found, err)
		}
	}
	if found, err := s.FindEntities(ctx(), "Petrov"); err != nil || len(found) != 0 {
		t.Errorf("FindEntities(unknown) = %+v, %v", found, err)
	}
	if arts, err := s.EntityArticles(ctx(), "E1", 0); err != nil || !reflect.DeepEqual(sorted(arts...), sorted(a, b)) {
		t.Errorf("EntityArticles = %v, %v", arts, err)
	}
	if ents, err := s.Entities(ctx(), store.EntityOptions{Article: b, Type: "org"}); err != nil || len(ents) != 0 {
		t.Errorf("Entities filtered by type ORG = %+v, %v", ents, err)
	}
	ids, err := s.EntityIDs(ctx(), []string{"ivanov", "nothing"})
	if err != nil || !reflect.DeepEqual(ids, []string{"E1"}) {
		t.Errorf("EntityIDs = %v, %v", ids, err)
	}
	cands, err := s.EntityRecords(ctx(), ids)
	if err != nil || len(cands) != 1 || cands[0].Canonical != "Pavel Ivanov" ||
		!reflect.DeepEqual(cands[0].Keys, []string{"ivanov", "pavel ivanov"}) || !reflect.DeepEqual(cands[0].Context, []string{"lvov"}) {
		t.Errorf("EntityRecords = %+v, %v", cands, err)
	}
	if _, err := s.EntityRecords(ctx(), []string{"E1", "E404"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("EntityRecords of an unknown ID: err = %v, want ErrNotFound", err)
	}

	// Analysing again replaces the mentions instead of adding to them, and
	// a later alias joins the first without replacing its reason.
	u2 := store.AnalysisUpdate{
		Entities: []store.EntityRecord{{ID: "E1", Canonical: "Pavel Ivanov", Type: "PER",
			Aliases: []model.EntityAlias{{Name: "Ivanov", Reason: "other"}, {Name: "P. Ivanov", Reason: "initial"}}}},
		Analyses: map[string]model.Analysis{a: u.Analyses[a]},
	}
	if err := s.ApplyAnalyses(ctx(), u2); err != nil {
		t.Fatal(err)
	}
	ents, _ = s.Entities(ctx(), store.EntityOptions{})
	if len(ents) != 1 || ents[0].Mentions != 2 || len(ents[0].Aliases) != 2 || ents[0].Aliases[0].Reason != "short form of Pavel Ivanov" {
		t.Errorf("after re-analysis: %+v", ents)
	}
}

func testApplyAnalysesInvalid(t *testing.T, s store.Store) {
	a, _, u := analysisPair(t, s)
	bad := u
	bad.Entities = nil // mentions name E1, which is neither stored nor given
	if err := s.ApplyAnalyses(ctx(), bad); err == nil {
		t.Error("mention of an unknown entity was accepted")
	}
	noEntity := store.AnalysisUpdate{Analyses: map[string]model.Analysis{a: {Version: "v1",
		Entities: []model.EntityMention{{Span: model.Span{Start: 0, End: 1}, Text: "x"}}}}}
	if err := s.ApplyAnalyses(ctx(), noEntity); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("mention without entity: err = %v, want ErrInvalid", err)
	}
	unknown := store.AnalysisUpdate{Analyses: map[string]model.Analysis{"ffffffffffffffff": {Version: "v1"}}}
	if err := s.ApplyAnalyses(ctx(), unknown); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown article: err = %v, want ErrNotFound", err)
	}
	// Nothing of the failed updates is left behind.
	if ents, err := s.Entities(ctx(), store.EntityOptions{}); err != nil || len(ents) != 0 {
		t.Errorf("entities after failed updates: %+v, %v", ents, err)
	}
	if ids, _ := s.PendingAnalyses(ctx(), "v1", 0); len(ids) != 2 {
		t.Errorf("pending after failed updates = %v, want both articles", ids)
	}
}

func testResetAnalyses(t *testing.T, s store.Store) {
	_, _, u := analysisPair(t, s)
	if err := s.ApplyAnalyses(ctx(), u); err != nil {
		t.Fatal(err)
	}
	rule := store.AliasRule{Name: "Ivanov", Type: "PER", Action: store.RuleSeparate, Target: "Pavel Ivanov"}
	if err := s.PutAliasRule(ctx(), rule); err != nil {
		t.Fatal(err)
	}
	if err := s.ResetAnalyses(ctx()); err != nil {
		t.Fatal(err)
	}
	if ents, _ := s.Entities(ctx(), store.EntityOptions{}); len(ents) != 0 {
		t.Errorf("entities after reset: %+v", ents)
	}
	if ids, _ := s.PendingAnalyses(ctx(), "v1", 0); len(ids) != 2 {
		t.Errorf("pending after reset = %v", ids)
	}
	if rules, err := s.AliasRules(ctx()); err != nil || len(rules) != 1 {
		t.Errorf("alias rules must outlive a reset: %+v, %v", rules, err)
	}
}

func testAliasRules(t *testing.T, s store.Store) {
	r := store.AliasRule{Name: "LSR", Type: "org", Action: store.RuleAlias, Target: "Freedom of Russia Legion"}
	for range 2 {
		if err := s.PutAliasRule(ctx(), r); err != nil {
			t.Fatal(err)
		}
	}
	rules, err := s.AliasRules(ctx())
	if err != nil || len(rules) != 1 || rules[0].Type != "ORG" || rules[0].Created.IsZero() {
		t.Fatalf("AliasRules = %+v, %v", rules, err)
	}
	if err := s.PutAliasRule(ctx(), store.AliasRule{Name: "x", Target: "y", Action: "merge"}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("bad action: err = %v", err)
	}
	if ok, err := s.DeleteAliasRule(ctx(), r); err != nil || !ok {
		t.Errorf("DeleteAliasRule = %v, %v", ok, err)
	}
	if ok, err := s.DeleteAliasRule(ctx(), r); err != nil || ok {
		t.Errorf("DeleteAliasRule again = %v, %v", ok, err)
	}
}
