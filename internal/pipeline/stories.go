package pipeline

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/sitrep/sitrep/internal/dedup"
	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/stories"
)

// StorySummary reports what the stories stage did.
type StorySummary struct {
	// Clustered counts the articles clustered (all of them: see
	// CatchUpStories), Pending those that were in no story before.
	Clustered int `json:"clustered"`
	Pending   int `json:"pending"`
	// Stories counts the stories written; Rules the user rules applied.
	Stories int           `json:"stories"`
	Rules   int           `json:"rules"`
	Elapsed time.Duration `json:"elapsed_ns"`
}

// storyChunk bounds how many articles are read from the store at once.
const storyChunk = 256

// maxStoryNames caps the entities and places kept per story.
const maxStoryNames = 10

// CatchUpStories puts every analysed article that is in no story yet into
// one. The clustering index lives in memory, so when any article is
// pending everything is clustered again from the start, in the order of
// (published, ID), and the whole result replaces the stored one in one
// transaction; the user's rules are applied on top. Since clustering is
// deterministic, articles already stored keep their stories unless a new
// one changes them (an article dated earlier than the rest can renumber
// stories, which are numbered in order of their first member).
//
// Cost: one pass over every analysed article (text and analysis read in
// chunks, one Clusterer.Add each), which at 100,000 articles is some tens
// of seconds per ingest that adds anything. Replaying stored members into
// the clusterer would cost about the same; keeping the index on disk is
// what would make an ingest cost only its new articles.
func (in *Ingester) CatchUpStories(ctx context.Context) (StorySummary, error) {
	pending, err := in.st.PendingStories(ctx, 0)
	if err != nil {
		return StorySummary{}, fmt.Errorf("stories: %w", err)
	}
	if len(pending) == 0 {
		return StorySummary{}, nil
	}
	sum, err := in.clusterStories(ctx)
	sum.Pending = len(pending)
	return sum, err
}

// RebuildStories clusters every analysed article again and replaces the
// stored stories: after a change of the options or of the rules. The same
// articles and rules give the same stories and IDs.
func (in *Ingester) RebuildStories(ctx context.Context) (StorySummary, error) {
	return in.clusterStories(ctx)
}

// storyArticle is what the stories stage keeps of an article after it
// was clustered.
type storyArticle struct {
	id, title, published, origin string
	as                           stories.Assignment
}

func (in *Ingester) clusterStories(ctx context.Context) (StorySummary, error) {
	start := time.Now()
	var sum StorySummary
	ids, err := in.st.StoryInputs(ctx)
	if err != nil {
		return sum, fmt.Errorf("stories: %w", err)
	}
	rules, err := in.st.StoryRules(ctx)
	if err != nil {
		return sum, fmt.Errorf("stories: %w", err)
	}
	c := stories.New(in.opt.Stories)
	arts := make([]storyArticle, 0, len(ids))
	type yearDoc struct {
		a storyArticle
		d stories.Doc
	}
	var yearOnly []yearDoc
	origins := map[string]string{} // copy group -> its origin
	for lo := 0; lo < len(ids); lo += storyChunk {
		if err := ctx.Err(); err != nil {
			return sum, err
		}
		chunk := ids[lo:min(lo+storyChunk, len(ids))]
		got, err := in.st.Articles(ctx, chunk)
		if err != nil {
			return sum, fmt.Errorf("stories: %w", err)
		}
		ans, err := in.st.Analyses(ctx, chunk)
		if err != nil {
			return sum, fmt.Errorf("stories: %w", err)
		}
		var groups []string
		for _, a := range got {
			if _, ok := origins[a.DupGroup]; a.DupGroup != "" && !ok {
				groups = append(groups, a.DupGroup)
			}
		}
		if len(groups) > 0 {
			gs, err := in.st.CopyGroupsOf(ctx, groups)
			if err != nil {
				return sum, fmt.Errorf("stories: %w", err)
			}
			for _, g := range groups {
				origins[g] = gs[g].Origin
			}
		}
		for _, a := range got {
			d := stories.Doc{ID: a.ID, Title: a.Title, Text: a.Text, Analysis: ans[a.ID], CopyGroup: a.DupGroup}
			if t, err := time.Parse(time.DateOnly, a.Published); err == nil {
				d.Published = t
			} else {
				d.Year = a.PublishedYear()
			}
			sa := storyArticle{id: a.ID, title: a.Title, published: a.Published,
				origin: dedup.OriginKey(origins[a.DupGroup], a.CreditedSource, a.Outlet, a.URL, a.ID)}
			if d.Published.IsZero() && d.Year != 0 {
				// Known only to its year: clustered after the dated
				// articles, in the order stories.Less gives.
				yearOnly = append(yearOnly, yearDoc{sa, d})
				continue
			}
			sa.as = c.Add(d)
			arts = append(arts, sa)
		}
	}
	sort.SliceStable(yearOnly, func(i, j int) bool { return stories.Less(yearOnly[i].d, yearOnly[j].d) })
	for _, y := range yearOnly {
		y.a.as = c.Add(y.d)
		arts = append(arts, y.a)
	}
	u, applied := storyUpdate(arts, c.Stories(), rules, time.Now())
	if err := in.st.PutStories(ctx, u); err != nil {
		return sum, fmt.Errorf("stories: %w", err)
	}
	sum.Clustered, sum.Stories, sum.Rules = len(arts), len(u.Stories), applied
	sum.Elapsed = time.Since(start)
	return sum, nil
}

// storyUpdate applies the user's rules to the clustering and numbers the
// stories in order of their first member. It returns the update and the
// number of rules that applied.
func storyUpdate(arts []storyArticle, clustered []stories.Story, rules []store.StoryRule, now time.Time) (store.StoryUpdate, int) {
	byID := make(map[int]stories.Story, len(clustered))
	for _, s := range clustered {
		byID[s.ID] = s
	}
	pos := make(map[string]int, len(arts))
	group := make([]int, len(arts)) // working story of each article
	why := make([]string, len(arts))
	for i, a := range arts {
		pos[a.id] = i
		group[i] = a.as.Story
	}
	next := len(clustered) + 1
	applied := 0
	for _, r := range rules {
		i, ok := pos[r.Article]
		if !ok {
			continue // an article not (yet) analysed
		}
		switch r.Action {
		case store.StorySplit:
			group[i] = next
			next++
			why[i] = store.StorySplit
			applied++
		case store.StoryMerge:
			j, ok := pos[r.Other]
			if !ok {
				continue
			}
			applied++
			keep, drop := group[i], group[j]
			if keep == drop {
				continue
			}
			// The story that began first keeps the others.
			if first(group, drop) < first(group, keep) {
				keep, drop = drop, keep
			}
			for k := range group {
				if group[k] == drop {
					group[k] = keep
					why[k] = store.StoryMerge
				}
			}
		}
	}

	// Final IDs in order of each story's first member.
	final := map[int]int64{}
	var order []int
	for _, g := range group {
		if _, ok := final[g]; !ok {
			final[g] = int64(len(order) + 1)
			order = append(order, g)
		}
	}
	// A runner-up is named by where its first member went.
	runner := func(k int) int64 {
		if s, ok := byID[k]; ok && len(s.Members) > 0 {
			if i, ok := pos[s.Members[0]]; ok {
				return final[group[i]]
			}
		}
		return 0
	}
	members := make(map[int][]int, len(order))
	for i, g := range group {
		members[g] = append(members[g], i)
	}
	// Titles that left a clustered story by a split: its label must not
	// name an article no longer in it.
	gone := map[int]map[string]bool{}
	for i, a := range arts {
		if why[i] == store.StorySplit {
			if gone[a.as.Story] == nil {
				gone[a.as.Story] = map[string]bool{}
			}
			gone[a.as.Story][a.title] = true
		}
	}
	u := store.StoryUpdate{Replace: true}
	for _, g := range order {
		u.Stories = append(u.Stories, storyRecord(final[g], members[g], arts, why, byID, gone, now))
	}
	for i, a := range arts {
		sc := a.as.Score
		m := model.StoryMember{Article: a.id, Story: final[group[i]],
			Score:    model.StoryScore{Text: sc.Text, Entities: sc.Entities, Places: sc.Places, Time: sc.Time, Total: sc.Total},
			RunnerUp: runner(a.as.RunnerUp), RunnerUpTotal: a.as.RunnerUpScore.Total,
			New: a.as.New || why[i] == store.StorySplit, Copy: a.as.Copy, Rule: why[i], AssignedAt: now}
		if a.as.RunnerUp == 0 {
			m.RunnerUp, m.RunnerUpTotal = 0, 0
		}
		u.Members = append(u.Members, m)
	}
	return u, applied
}

// first returns the index of the first article in story g.
func first(group []int, g int) int {
	for i, x := range group {
		if x == g {
			return i
		}
	}
	return len(group)
}

// storyRecord describes a final story. One that is a clustered story
// untouched by rules takes its record; one the rules made is composed
// from the clustered stories its members came from (a split leaves the
// names and span of the story it left as they were; only a label naming
// the article that left is replaced by the first remaining title).
func storyRecord(id int64, idx []int, arts []storyArticle, why []string, byID map[int]stories.Story, gone map[int]map[string]bool, now time.Time) model.Story {
	s := model.Story{ID: id, Size: len(idx), Updated: now}
	keys := make([]string, len(idx))
	from := map[int]bool{}
	var fromOrder []int
	var split []int
	for k, i := range idx {
		keys[k] = arts[i].origin
		if why[i] == store.StorySplit {
			split = append(split, i)
			continue
		}
		if c := arts[i].as.Story; !from[c] {
			from[c] = true
			fromOrder = append(fromOrder, c)
		}
	}
	s.Sources = dedup.Independent(keys)
	var firstT, lastT time.Time
	span := func(a, b time.Time) {
		if !a.IsZero() && (firstT.IsZero() || a.Before(firstT)) {
			firstT = a
		}
		if !b.IsZero() && b.After(lastT) {
			lastT = b
		}
	}
	ents, places := map[string]int{}, map[string]int{}
	var lat, lon float64
	var located int
	for _, c := range fromOrder {
		cs := byID[c]
		span(cs.First, cs.Last)
		for _, e := range cs.Entities {
			ents[e.Name] += e.N
		}
		for _, p := range cs.Places {
			places[p.Name] += p.N
		}
		if cs.Lat != 0 || cs.Lon != 0 {
			lat, lon, located = lat+cs.Lat, lon+cs.Lon, located+1
		}
	}
	for _, i := range split {
		if t, err := time.Parse(time.DateOnly, arts[i].published); err == nil {
			span(t, t)
		}
	}
	if i := idx[0]; why[i] == store.StorySplit || len(fromOrder) == 0 {
		s.Label = arts[i].title
	} else if c := arts[i].as.Story; gone[c][byID[c].Label] {
		s.Label = arts[i].title
	} else {
		s.Label = byID[c].Label
	}
	if !firstT.IsZero() {
		s.First = firstT.Format(time.DateOnly)
	}
	if !lastT.IsZero() {
		s.Last = lastT.Format(time.DateOnly)
	}
	s.Entities, s.Places = topNames(ents), topNames(places)
	if located > 0 {
		s.Lat, s.Lon = lat/float64(located), lon/float64(located)
	}
	return s
}

func topNames(m map[string]int) []model.NameCount {
	out := make([]model.NameCount, 0, len(m))
	for n, c := range m {
		out = append(out, model.NameCount{Name: n, N: c})
	}
	slices.SortFunc(out, func(a, b model.NameCount) int {
		return cmp.Or(cmp.Compare(b.N, a.N), cmp.Compare(a.Name, b.Name))
	})
	if len(out) > maxStoryNames {
		out = out[:maxStoryNames]
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
