package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/nlp/resolve"
	"github.com/sitrep/sitrep/internal/store"
)

// Invented reports on an invented armed group, written so that the names
// need each resolution step: an abbreviation defined in parentheses, a
// surname standing for a full name, and the same names in another article.
var entityDocs = map[string]string{
	"one.txt": `Fighters of the Northern Shield Brigade (NSB) crossed into the Kharkiv region on Tuesday, the group said.

Brigade commander Ilya Voronin told reporters in Kyiv that the NSB would hold its positions. Voronin said the Brigade had lost two men.`,
	"two.txt": `The NSB said on Wednesday it had withdrawn from two villages near Kharkiv.

Ilya Voronin, who leads the unit, spoke from Kyiv. Voronin blamed shelling for the retreat.`,
}

func writeDocs(t *testing.T, docs map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range docs {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func entityOf(t *testing.T, st store.Store, name string) model.Entity {
	t.Helper()
	ents, err := st.FindEntities(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 1 {
		all, _ := st.Entities(context.Background(), store.EntityOptions{})
		t.Fatalf("%q names %d entities, want 1; all: %+v", name, len(ents), all)
	}
	return ents[0]
}

func TestEntitiesResolvedAcrossArticles(t *testing.T) {
	st := openStore(t)
	dir := writeDocs(t, entityDocs)
	sum, err := mustNew(t, st, DefaultOptions()).Ingest(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Analysis.Analysed != 2 || sum.Analysis.Failed != 0 {
		t.Fatalf("analysis summary %+v", sum.Analysis)
	}
	nsb := entityOf(t, st, "NSB")
	if nsb.Type != "ORG" || nsb.Canonical != "Northern Shield Brigade" || nsb.Articles != 2 {
		t.Errorf("NSB entity = %+v, want the ORG Northern Shield Brigade in both articles", nsb)
	}
	voronin := entityOf(t, st, "Voronin")
	if voronin.Type != "PER" || voronin.Canonical != "Ilya Voronin" || voronin.Articles != 2 {
		t.Errorf("Voronin entity = %+v, want the PER Ilya Voronin in both articles", voronin)
	}
	for _, al := range append(nsb.Aliases, voronin.Aliases...) {
		if al.Reason == "" {
			t.Errorf("alias %q has no reason", al.Name)
		}
	}
	if kyiv := entityOf(t, st, "Kyiv"); kyiv.Type != "LOC" || kyiv.Articles != 2 {
		t.Errorf("Kyiv entity = %+v", kyiv)
	}

	// Every stored mention points at its words, and places are on the map.
	var ids []string
	_ = st.Each(context.Background(), func(a model.Article) error { ids = append(ids, a.ID); return nil })
	arts, _ := st.Articles(context.Background(), ids)
	ans, err := st.Analyses(context.Background(), ids)
	if err != nil {
		t.Fatal(err)
	}
	places := 0
	for _, a := range arts {
		an := ans[a.ID]
		runes := []rune(a.Text)
		for _, m := range an.Entities {
			if got := string(runes[m.Start:m.End]); got != m.Text || m.Entity == "" {
				t.Errorf("%s: mention %+v spans %q", a.Source, m, got)
			}
		}
		for _, p := range an.Places {
			places++
			if got := string(runes[p.Start:p.End]); got != p.Text {
				t.Errorf("%s: place %+v spans %q", a.Source, p, got)
			}
			if p.Text == "Kyiv" && (p.Country != "UA" || p.Lat < 50 || p.Lat > 51) {
				t.Errorf("Kyiv geocoded to %+v", p)
			}
		}
		if len(an.Dates) == 0 {
			t.Errorf("%s: no dates found", a.Source)
		}
	}
	if places == 0 {
		t.Error("no places found")
	}

	// Ingesting again changes nothing; a rebuild gives the same entities.
	before, _ := st.Entities(context.Background(), store.EntityOptions{})
	sum, err = mustNew(t, st, DefaultOptions()).Ingest(context.Background(), []string{dir})
	if err != nil || sum.Analysis.Analysed != 0 {
		t.Fatalf("re-ingest analysed %d articles (err %v)", sum.Analysis.Analysed, err)
	}
	if _, err := mustNew(t, st, DefaultOptions()).RebuildAnalyses(context.Background()); err != nil {
		t.Fatal(err)
	}
	after, _ := st.Entities(context.Background(), store.EntityOptions{})
	if !reflect.DeepEqual(before, after) {
		t.Errorf("rebuild changed the entities:\nbefore %+v\n after %+v", before, after)
	}
}

func TestAliasRulesApplyOnRebuild(t *testing.T) {
	st := openStore(t)
	dir := writeDocs(t, entityDocs)
	in := mustNew(t, st, DefaultOptions())
	if _, err := in.Ingest(context.Background(), []string{dir}); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	// The user says Voronin is someone else in these reports, and that
	// "the unit" names nobody: the surname is kept apart.
	if err := st.PutAliasRule(ctx, store.AliasRule{Name: "Voronin", Type: "PER", Action: store.RuleSeparate, Target: "Ilya Voronin"}); err != nil {
		t.Fatal(err)
	}
	if err := st.PutAliasRule(ctx, store.AliasRule{Name: "Kyiv", Type: "LOC", Action: store.RuleAlias, Target: "Kiev"}); err != nil {
		t.Fatal(err)
	}
	if _, err := in.RebuildAnalyses(ctx); err != nil {
		t.Fatal(err)
	}
	kiev := entityOf(t, st, "Kiev")
	if kiev.Type != "LOC" {
		t.Errorf("Kiev = %+v", kiev)
	}
	found := false
	for _, al := range kiev.Aliases {
		if al.Name == "Kyiv" && al.Reason != "" {
			found = true
		}
	}
	if !found {
		t.Errorf("Kyiv is not an alias of Kiev by the user's rule: %+v", kiev.Aliases)
	}
	full := entityOf(t, st, "Ilya Voronin")
	for _, al := range full.Aliases {
		if al.Name == "Voronin" {
			t.Errorf("Voronin stayed an alias of %s despite the rule", full.Canonical)
		}
	}
}

func TestRetypeBareSurname(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	known := store.EntityRecord{ID: "E1", Canonical: "Pavel Sokolov", Type: "PER",
		Aliases: []model.EntityAlias{{Name: "Sokolov", Reason: "short form"}},
		Keys:    resolve.Keys(resolve.Profile{Canonical: "Pavel Sokolov", Type: "PER"}),
		Context: []string{resolve.NameKey("Northern Shield Brigade"), resolve.NameKey("Kharkiv"), resolve.NameKey("Kyiv")}}
	if err := st.ApplyAnalyses(ctx, store.AnalysisUpdate{Entities: []store.EntityRecord{known}}); err != nil {
		t.Fatal(err)
	}
	g := newGlobalResolver(st, nil)
	shared := known.Context
	tests := []struct {
		name    string
		e       resolve.Entity
		geo     []string
		context []string
		want    string
	}{
		{"bare surname, shared context", resolve.Entity{Canonical: "Sokolov", Type: "LOC"}, nil, shared, "PER"},
		{"on the map: a place after all", resolve.Entity{Canonical: "Sokolov", Type: "LOC"}, []string{"geo:1"}, shared, ""},
		{"no shared context", resolve.Entity{Canonical: "Sokolov", Type: "ORG"}, nil, nil, ""},
		{"not a name the person goes by", resolve.Entity{Canonical: "Pavel", Type: "LOC"}, nil, shared, ""},
	}
	for _, tt := range tests {
		got, why, err := g.retype(ctx, tt.e, tt.geo, tt.context)
		if err != nil {
			t.Fatal(err)
		}
		if got != tt.want || (got != "" && why == "") {
			t.Errorf("%s: retype = %q (%q), want %q", tt.name, got, why, tt.want)
		}
	}
}
