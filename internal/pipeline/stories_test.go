package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/stories"
)

// storyLines are invented reports: two on one raid, a day apart, from two
// outlets, and one on a like raid by the same group into the same region a
// year later.
func storyLines(t *testing.T) string {
	t.Helper()
	lines := []string{
		jsonLine(t, map[string]string{"title": "Northern Shield Brigade raids Velmar border villages",
			"outlet": "Dravna Post", "published": "2023-03-14",
			"text": "Fighters of the Northern Shield Brigade crossed into the Velmar region on Tuesday, March 14, 2023, and attacked the villages of Osk and Lenivka, the regional governor Pavel Marek said. " +
				"Marek said two border guards were killed in Osk and that the Northern Shield Brigade had shelled the Lenivka crossing before dawn. " +
				"The Velmar regional council called an emergency meeting in Dravna."}),
		jsonLine(t, map[string]string{"title": "Velmar governor says raiders pulled back from Osk",
			"outlet": "Velmar Herald", "published": "2023-03-15",
			"text": "The Northern Shield Brigade withdrew from Osk on Wednesday, March 15, 2023, a day after its raid into the Velmar region, governor Pavel Marek said. " +
				"Marek said the fighters had left Lenivka too, and that the border guards killed in Osk on Tuesday would be buried in Dravna. " +
				"The Velmar regional council met in Dravna to count the damage of the raid."}),
		jsonLine(t, map[string]string{"title": "Northern Shield Brigade raids Velmar again",
			"outlet": "Dravna Post", "published": "2024-04-02",
			"text": "Fighters of the Northern Shield Brigade crossed into the Velmar region on Tuesday, April 2, 2024, and attacked the village of Osk, governor Pavel Marek said. " +
				"Marek said one border guard was wounded near Lenivka and that the Brigade had shelled the crossing at night. " +
				"The Velmar regional council met in Dravna."}),
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "raids.jsonl"), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// storyOfTitle maps each stored article's title to its story.
func storyOfTitle(t *testing.T, st store.Store) map[string]int64 {
	t.Helper()
	ctx := context.Background()
	arts, err := st.List(ctx, store.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, len(arts))
	for i, a := range arts {
		ids[i] = a.ID
	}
	of, err := st.StoriesOf(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	for _, a := range arts {
		out[a.Title] = of[a.ID].Story
	}
	return out
}

const (
	raid1 = "Northern Shield Brigade raids Velmar border villages"
	raid2 = "Velmar governor says raiders pulled back from Osk"
	raid3 = "Northern Shield Brigade raids Velmar again"
)

func TestStoriesGroupAndKeepApart(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	in := mustNew(t, st, DefaultOptions())
	sum, err := in.Ingest(ctx, []string{storyLines(t)})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Stories.Clustered != 3 || sum.Stories.Pending != 3 || sum.Stories.Stories != 2 {
		t.Errorf("stories summary %+v, want 3 clustered into 2", sum.Stories)
	}
	got := storyOfTitle(t, st)
	if want := map[string]int64{raid1: 1, raid2: 1, raid3: 2}; !reflect.DeepEqual(got, want) {
		t.Fatalf("stories = %v, want %v", got, want)
	}
	s1, err := st.Story(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if s1.Size != 2 || s1.Sources != 2 || s1.First != "2023-03-14" || s1.Last != "2023-03-15" || s1.Label == "" || len(s1.Members) != 2 {
		t.Errorf("story 1 = %+v", s1)
	}
	joined := s1.Members[1]
	if joined.New || joined.Score.Total <= 0 || joined.Score.Time != 1 {
		t.Errorf("second member = %+v, want joined with a score and Time 1", joined)
	}
	s2, err := st.Story(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	if m := s2.Members[0]; !m.New || m.RunnerUp != 1 || m.Score.Time >= 1 {
		t.Errorf("a year later = %+v, want a new story with story 1 the runner-up, time decayed", m)
	}
	list, err := st.StoryList(ctx, store.StoryListOptions{})
	if err != nil || len(list) != 2 || list[0].ID != 2 {
		t.Errorf("StoryList = %+v, %v; want the 2024 story first", list, err)
	}

	// Ingesting again adds nothing and leaves the stories alone.
	if sum, err := in.Ingest(ctx, []string{storyLines(t)}); err != nil || sum.Stories.Clustered != 0 {
		t.Errorf("re-ingest clustered %+v (err %v)", sum.Stories, err)
	}
	// A rebuild gives the same stories.
	if _, err := in.RebuildStories(ctx); err != nil {
		t.Fatal(err)
	}
	if again := storyOfTitle(t, st); !reflect.DeepEqual(again, got) {
		t.Errorf("rebuild = %v, want %v", again, got)
	}
}

func TestStoryRulesSurviveRebuild(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	in := mustNew(t, st, DefaultOptions())
	if _, err := in.Ingest(ctx, []string{storyLines(t)}); err != nil {
		t.Fatal(err)
	}
	arts, err := st.List(ctx, store.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	id := map[string]string{}
	for _, a := range arts {
		id[a.Title] = a.ID
	}
	if err := st.PutStoryRule(ctx, store.StoryRule{Action: store.StoryMerge, Article: id[raid3], Other: id[raid1]}); err != nil {
		t.Fatal(err)
	}
	sum, err := in.RebuildStories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Rules != 1 || sum.Stories != 1 {
		t.Errorf("summary %+v, want one rule applied, one story", sum)
	}
	if got, want := storyOfTitle(t, st), map[string]int64{raid1: 1, raid2: 1, raid3: 1}; !reflect.DeepEqual(got, want) {
		t.Fatalf("after merge = %v, want %v", got, want)
	}
	s, err := st.Story(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if s.First != "2023-03-14" || s.Last < "2024-04-02" || s.Size != 3 {
		t.Errorf("merged story = %+v", s)
	}
	of, _ := st.StoriesOf(ctx, []string{id[raid3]})
	if of[id[raid3]].Rule != store.StoryMerge {
		t.Errorf("merged member = %+v, want its rule named", of[id[raid3]])
	}

	// A split takes the second report out; both rules hold on rebuild,
	// and after the analyses are rebuilt.
	if err := st.PutStoryRule(ctx, store.StoryRule{Action: store.StorySplit, Article: id[raid2]}); err != nil {
		t.Fatal(err)
	}
	if _, err := in.RebuildAnalyses(ctx); err != nil {
		t.Fatal(err)
	}
	want := map[string]int64{raid1: 1, raid2: 2, raid3: 1}
	if got := storyOfTitle(t, st); !reflect.DeepEqual(got, want) {
		t.Fatalf("after split = %v, want %v", got, want)
	}
	if _, err := in.RebuildStories(ctx); err != nil {
		t.Fatal(err)
	}
	if got := storyOfTitle(t, st); !reflect.DeepEqual(got, want) {
		t.Errorf("rebuilt again = %v, want %v", got, want)
	}
}

func TestStoryUpdateRules(t *testing.T) {
	day := func(d string) time.Time { tm, _ := time.Parse(time.DateOnly, d); return tm }
	as := func(story int, isNew bool, runner int) stories.Assignment {
		return stories.Assignment{Story: story, New: isNew, RunnerUp: runner, Score: stories.Score{Total: 0.5, Time: 1},
			RunnerUpScore: stories.Score{Total: 0.1}}
	}
	arts := []storyArticle{
		{id: "a", title: "A", published: "2024-01-01", origin: "x", as: as(1, true, 0)},
		{id: "b", title: "B", published: "2024-01-02", origin: "y", as: as(2, true, 1)},
		{id: "c", title: "C", published: "2024-01-03", origin: "x", as: as(1, false, 2)},
		{id: "d", title: "D", published: "2024-01-04", origin: "z", as: as(3, true, 2)},
	}
	clustered := []stories.Story{
		{ID: 1, Label: "A", Members: []string{"a", "c"}, First: day("2024-01-01"), Last: day("2024-01-03"),
			Entities: []stories.Count{{Name: "Marek", N: 2}}},
		{ID: 2, Label: "B", Members: []string{"b"}, First: day("2024-01-02"), Last: day("2024-01-02"),
			Entities: []stories.Count{{Name: "Marek", N: 1}, {Name: "Osk", N: 1}}},
		{ID: 3, Label: "D", Members: []string{"d"}, First: day("2024-01-04"), Last: day("2024-01-04")},
	}
	rules := []store.StoryRule{
		{Action: store.StoryMerge, Article: "d", Other: "b"}, // 3 joins 2
		{Action: store.StorySplit, Article: "a"},             // a leaves 1
		{Action: store.StoryMerge, Article: "x", Other: "b"}, // unknown article: ignored
	}
	u, applied := storyUpdate(arts, clustered, rules, time.Now())
	if applied != 2 || !u.Replace {
		t.Errorf("applied %d rules (replace %v), want 2", applied, u.Replace)
	}
	got := map[string]int64{}
	rule := map[string]string{}
	runner := map[string]int64{}
	for _, m := range u.Members {
		got[m.Article], rule[m.Article], runner[m.Article] = m.Story, m.Rule, m.RunnerUp
	}
	// Numbered by first member: a (split) 1, b+d 2, c 3.
	if want := map[string]int64{"a": 1, "b": 2, "c": 3, "d": 2}; !reflect.DeepEqual(got, want) {
		t.Fatalf("stories %v, want %v", got, want)
	}
	if rule["a"] != store.StorySplit || rule["d"] != store.StoryMerge || rule["b"] != "" || rule["c"] != "" {
		t.Errorf("rules %v", rule)
	}
	// Runner-ups follow the first member of the clustered story: story 1
	// began with a, now alone in 1; story 2 with b, now in 2.
	if runner["b"] != 1 || runner["c"] != 2 || runner["a"] != 0 {
		t.Errorf("runner-ups %v", runner)
	}
	if len(u.Stories) != 3 {
		t.Fatalf("stories %+v", u.Stories)
	}
	s1, s2, s3 := u.Stories[0], u.Stories[1], u.Stories[2]
	if s1.Label != "A" || s1.First != "2024-01-01" || s1.Last != "2024-01-01" || s1.Size != 1 {
		t.Errorf("split story %+v", s1)
	}
	if s2.Label != "B" || s2.First != "2024-01-02" || s2.Last != "2024-01-04" || s2.Size != 2 || s2.Sources != 2 ||
		len(s2.Entities) != 2 || s2.Entities[0].Name != "Marek" {
		t.Errorf("merged story %+v", s2)
	}
	if s3.Label != "C" || s3.Size != 1 || s3.First != "2024-01-01" {
		t.Errorf("story left by the split %+v (labelled by a member still in it)", s3)
	}
}
