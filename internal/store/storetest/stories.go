package storetest

import (
	"errors"
	"reflect"
	"testing"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/store"
)

// storyQuad stores four articles, dates c < a < b and d undated, analyses
// a, b and d (not c), and makes a and b copies of each other.
func storyQuad(t *testing.T, s store.Store) (a, b, c, d string) {
	t.Helper()
	ra, rb, rc, rd := simple(1, "Raid on Lviv", "x"), simple(2, "Lviv raid", "y"), simple(3, "Older", "z"), simple(4, "Undated", "w")
	ra.Article.Published, rb.Article.Published, rc.Article.Published = "2024-05-02", "2024-05-03", "2024-05-01"
	put(t, s, ra, rb, rc, rd)
	a, b, c, d = ra.Article.ID, rb.Article.ID, rc.Article.ID, rd.Article.ID
	err := s.ApplyAnalyses(ctx(), store.AnalysisUpdate{Analyses: map[string]model.Analysis{
		a: {Version: "v1"}, b: {Version: "v1"}, d: {Version: "v1"},
	}})
	if err != nil {
		t.Fatalf("ApplyAnalyses: %v", err)
	}
	x, y := a, b
	if x > y {
		x, y = y, x
	}
	link := model.CopyLink{A: x, B: y, Jaccard: 1, Containment: 1, Exact: true}
	g := model.CopyGroup{ID: "g" + x, Original: a, Reason: "earliest", Members: []string{x, y}, Links: []model.CopyLink{link}}
	if err := s.ApplyCopies(ctx(), store.CopyUpdate{Links: g.Links, Groups: []model.CopyGroup{g},
		Evidence: map[string]model.CopyEvidence{b: {Of: a, Method: "exact", Jaccard: 1, Containment: 1}},
		Linked:   []string{a, b}}); err != nil {
		t.Fatalf("ApplyCopies: %v", err)
	}
	return a, b, c, d
}

func pendingStories(t *testing.T, s store.Store, limit int) []string {
	t.Helper()
	ids, err := s.PendingStories(ctx(), limit)
	if err != nil {
		t.Fatalf("PendingStories: %v", err)
	}
	return ids
}

func testStories(t *testing.T, s store.Store) {
	a, b, _, d := storyQuad(t, s)
	// Unknown dates first, then by date: what clustering takes.
	if got, want := pendingStories(t, s, 0), []string{d, a, b}; !reflect.DeepEqual(got, want) {
		t.Fatalf("PendingStories = %v, want %v", got, want)
	}
	if got := pendingStories(t, s, 2); len(got) != 2 {
		t.Errorf("PendingStories limit 2 = %v", got)
	}
	if got, err := s.StoryInputs(ctx()); err != nil || !reflect.DeepEqual(got, []string{d, a, b}) {
		t.Errorf("StoryInputs = %v, %v", got, err)
	}
	s1 := model.Story{ID: 1, Label: "Raid on Lviv", First: "2024-05-02", Last: "2024-05-03", Size: 2, Sources: 1,
		Entities: []model.NameCount{{Name: "Lviv", N: 2}}, Places: []model.NameCount{{Name: "Lviv (UA)", N: 2}}, Lat: 49.8, Lon: 24}
	s2 := model.Story{ID: 2, Label: "Undated", Size: 1, Sources: 1}
	ma := model.StoryMember{Article: a, Story: 1, New: true, Score: model.StoryScore{Text: 0.1, Time: 1, Total: 0.05},
		RunnerUp: 2, RunnerUpTotal: 0.05}
	mb := model.StoryMember{Article: b, Story: 1, Copy: true, Score: model.StoryScore{Text: 0.9, Entities: 0.8, Places: 0.7, Time: 1, Total: 0.85}}
	md := model.StoryMember{Article: d, Story: 2, New: true, Rule: store.StorySplit}
	if err := s.PutStories(ctx(), store.StoryUpdate{Replace: true, Stories: []model.Story{s1, s2}, Members: []model.StoryMember{ma, mb, md}}); err != nil {
		t.Fatalf("PutStories: %v", err)
	}
	if got := pendingStories(t, s, 0); len(got) != 0 {
		t.Errorf("PendingStories after = %v", got)
	}
	list, err := s.StoryList(ctx(), store.StoryListOptions{})
	if err != nil || len(list) != 2 || list[0].ID != 1 || list[1].ID != 2 {
		t.Fatalf("StoryList = %+v, %v; want 1 (dated) then 2", list, err)
	}
	if got := list[0]; got.Label != s1.Label || got.First != s1.First || got.Last != s1.Last || got.Size != 2 || got.Sources != 1 ||
		!reflect.DeepEqual(got.Entities, s1.Entities) || !reflect.DeepEqual(got.Places, s1.Places) || got.Lat != s1.Lat ||
		got.Updated.IsZero() || got.Members != nil {
		t.Errorf("StoryList[0] = %+v, want %+v", got, s1)
	}
	if page, err := s.StoryList(ctx(), store.StoryListOptions{Limit: 1, Offset: 1}); err != nil || len(page) != 1 || page[0].ID != 2 {
		t.Errorf("StoryList page 2 = %+v, %v", page, err)
	}
	st, err := s.Story(ctx(), 1)
	if err != nil {
		t.Fatalf("Story: %v", err)
	}
	if len(st.Members) != 2 || st.Members[0].Article != a || st.Members[1].Article != b {
		t.Fatalf("Story members = %+v", st.Members)
	}
	if m := st.Members[1]; m.Score != mb.Score || !m.Copy || m.New || m.CopyGroup == "" || m.AssignedAt.IsZero() {
		t.Errorf("member b = %+v", m)
	}
	if m := st.Members[0]; m.RunnerUp != 2 || m.RunnerUpTotal != 0.05 || !m.New || m.CopyGroup != st.Members[1].CopyGroup {
		t.Errorf("member a = %+v", m)
	}
	if _, err := s.Story(ctx(), 99); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Story(99) err = %v, want ErrNotFound", err)
	}
	of, err := s.StoriesOf(ctx(), []string{a, d, "ffffffffffffffff"})
	if err != nil || len(of) != 2 || of[a].Story != 1 || of[d].Story != 2 || of[d].Rule != store.StorySplit || of[d].CopyGroup != "" {
		t.Errorf("StoriesOf = %+v, %v", of, err)
	}

	// A member of an unknown story fails the whole update.
	bad := store.StoryUpdate{Replace: true, Stories: []model.Story{{ID: 5, Label: "x", Size: 1}},
		Members: []model.StoryMember{{Article: a, Story: 5}, {Article: b, Story: 6}}}
	if err := s.PutStories(ctx(), bad); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("PutStories with an unknown story: %v, want ErrNotFound", err)
	}
	if list, _ := s.StoryList(ctx(), store.StoryListOptions{}); len(list) != 2 {
		t.Errorf("a failed update changed the stories: %+v", list)
	}
	if err := s.PutStories(ctx(), store.StoryUpdate{Stories: []model.Story{{ID: 0}}}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("PutStories with ID 0: %v, want ErrInvalid", err)
	}
	if err := s.PutStories(ctx(), store.StoryUpdate{Stories: []model.Story{{ID: 3, First: "May 1"}}}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("PutStories with a bad date: %v, want ErrInvalid", err)
	}

	// Without Replace, stories and members are upserted.
	if err := s.PutStories(ctx(), store.StoryUpdate{Stories: []model.Story{{ID: 3, Label: "moved", Size: 1}},
		Members: []model.StoryMember{{Article: b, Story: 3, Rule: store.StorySplit}}}); err != nil {
		t.Fatal(err)
	}
	if of, _ := s.StoriesOf(ctx(), []string{b}); of[b].Story != 3 || of[b].Copy {
		t.Errorf("after upsert b = %+v", of[b])
	}

	if err := s.ResetStories(ctx()); err != nil {
		t.Fatal(err)
	}
	if got := pendingStories(t, s, 0); len(got) != 3 {
		t.Errorf("PendingStories after reset = %v", got)
	}
	if list, _ := s.StoryList(ctx(), store.StoryListOptions{}); len(list) != 0 {
		t.Errorf("stories after reset: %+v", list)
	}
}

func testStoriesResetWithAnalyses(t *testing.T, s store.Store) {
	a, b, _, d := storyQuad(t, s)
	if err := s.PutStoryRule(ctx(), store.StoryRule{Action: store.StorySplit, Article: a}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutStories(ctx(), store.StoryUpdate{Stories: []model.Story{{ID: 1, Label: "x", Size: 3}},
		Members: []model.StoryMember{{Article: a, Story: 1}, {Article: b, Story: 1}, {Article: d, Story: 1}}}); err != nil {
		t.Fatal(err)
	}
	if err := s.ResetAnalyses(ctx()); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.StoryList(ctx(), store.StoryListOptions{}); len(list) != 0 {
		t.Errorf("stories outlived their analyses: %+v", list)
	}
	if rules, err := s.StoryRules(ctx()); err != nil || len(rules) != 1 {
		t.Errorf("story rules after ResetAnalyses = %v, %v; want kept", rules, err)
	}
}

func testStoryRules(t *testing.T, s store.Store) {
	merge := store.StoryRule{Action: store.StoryMerge, Article: "aaaa", Other: "bbbb"}
	split := store.StoryRule{Action: store.StorySplit, Article: "cccc"}
	for _, r := range []store.StoryRule{merge, split, merge} {
		if err := s.PutStoryRule(ctx(), r); err != nil {
			t.Fatalf("PutStoryRule(%+v): %v", r, err)
		}
	}
	rules, err := s.StoryRules(ctx())
	if err != nil || len(rules) != 2 {
		t.Fatalf("StoryRules = %+v, %v; want 2", rules, err)
	}
	if rules[0].Action != store.StoryMerge || rules[0].Article != "aaaa" || rules[0].Other != "bbbb" || rules[0].Created.IsZero() ||
		rules[1].Action != store.StorySplit || rules[1].Article != "cccc" || rules[1].Other != "" {
		t.Errorf("StoryRules = %+v", rules)
	}
	for _, bad := range []store.StoryRule{
		{Action: "join", Article: "a", Other: "b"},
		{Action: store.StoryMerge, Article: "a"},
		{Action: store.StoryMerge, Article: "a", Other: "a"},
		{Action: store.StorySplit, Article: ""},
		{Action: store.StorySplit, Article: "a", Other: "b"},
	} {
		if err := s.PutStoryRule(ctx(), bad); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("PutStoryRule(%+v) = %v, want ErrInvalid", bad, err)
		}
	}
}
