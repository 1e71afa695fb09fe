package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"
)

// StorySet is a reference for story clustering: documents with the story
// each belongs to and, where the set has one, a coarser topic grouping
// similar stories.
type StorySet struct {
	Name string
	Docs []StoryDoc
	// HasTopics is true when topics group stories (ECB+); otherwise each
	// document's Topic is its Story.
	HasTopics bool
}

// StoryDoc is one document of a story set.
type StoryDoc struct {
	ID   string
	Text string
	// Published is the publication date the reference gives, zero when it
	// gives none (the shared layout never does: the text may print it).
	Published time.Time
	// Year is the publication year where the reference knows only that
	// ("published_year").
	Year int
	// CopyGroup names the reference's group of copies, "" when alone.
	CopyGroup string
	Story     string
	Topic     string
}

// LoadStorySet reads a story reference from dir: the shared layout
// (gold.jsonl of {"id", "story", "topic"} with docs/<id>.txt) or the seeds
// layout (gold.json with "documents", "duplicate_groups" and "stories"
// whose members are file names, the texts in clean/).
func LoadStorySet(dir string) (*StorySet, error) {
	set := &StorySet{Name: filepath.Base(filepath.Clean(dir))}
	if exists(filepath.Join(dir, "gold.jsonl")) {
		type gold struct {
			ID    string `json:"id"`
			Story string `json:"story"`
			Topic string `json:"topic"`
		}
		err := eachTextDoc(dir, func(g *gold) string { return g.ID }, func(g *gold, text string) error {
			if g.Story == "" {
				return fmt.Errorf("%s: no story", g.ID)
			}
			topic := g.Topic
			if topic == "" {
				topic = g.Story
			} else if topic != g.Story {
				set.HasTopics = true
			}
			set.Docs = append(set.Docs, StoryDoc{ID: g.ID, Text: text, Story: g.Story, Topic: topic})
			return nil
		})
		return set, err
	}
	path := filepath.Join(dir, "gold.json")
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("story reference %s: no gold.jsonl or gold.json", dir)
	}
	var g struct {
		Documents map[string]struct {
			Published        string `json:"published"`
			PublishedViaCopy string `json:"published_via_copy"`
			PublishedYear    int    `json:"published_year"`
		} `json:"documents"`
		DuplicateGroups []struct {
			Members []string `json:"members"`
		} `json:"duplicate_groups"`
		Stories []struct {
			Members []string `json:"members"`
		} `json:"stories"`
	}
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("story reference %s: %w", path, err)
	}
	if len(g.Stories) == 0 {
		return nil, fmt.Errorf("story reference %s: no stories", path)
	}
	story := map[string]string{}
	for i, s := range g.Stories {
		for _, m := range s.Members {
			if _, ok := story[m]; ok {
				return nil, fmt.Errorf("story reference %s: %q is in two stories", path, m)
			}
			story[m] = fmt.Sprintf("story-%d", i+1)
		}
	}
	copyGroup := map[string]string{}
	for i, dg := range g.DuplicateGroups {
		for _, m := range dg.Members {
			copyGroup[m] = fmt.Sprintf("copies-%d", i+1)
		}
	}
	names := make([]string, 0, len(story))
	for m := range story {
		names = append(names, m)
	}
	sort.Strings(names)
	for _, m := range names {
		if err := checkID(m); err != nil {
			return nil, fmt.Errorf("story reference %s: %w", path, err)
		}
		body, err := os.ReadFile(filepath.Join(dir, "clean", m))
		if err != nil {
			return nil, fmt.Errorf("story reference: %w", err)
		}
		d := StoryDoc{ID: m, Text: string(body), Story: story[m], Topic: story[m], CopyGroup: copyGroup[m]}
		meta := g.Documents[m]
		d.Year = meta.PublishedYear
		for _, s := range []string{meta.Published, meta.PublishedViaCopy} {
			if t, err := time.Parse("2006-01-02", s); err == nil {
				d.Published = t
				break
			}
		}
		set.Docs = append(set.Docs, d)
	}
	return set, nil
}

// ClusterScore compares a predicted clustering with a reference one.
type ClusterScore struct {
	// BCubed averages, over documents, the share of a document's predicted
	// cluster that is in its reference cluster (P) and the share of its
	// reference cluster that is in its predicted cluster (R).
	BCubed PRF
	// Predicted and Gold count clusters.
	Predicted, Gold int
	Docs            int
}

func (s ClusterScore) String() string {
	return fmt.Sprintf("B-cubed P %.3f R %.3f F1 %.3f, clusters %d (reference %d), %d docs",
		s.BCubed.P, s.BCubed.R, s.BCubed.F, s.Predicted, s.Gold, s.Docs)
}

// BCubed scores pred against gold, both mapping document → cluster label,
// over the documents gold labels (a document pred lacks is alone).
func BCubed(pred, gold map[string]string) ClusterScore {
	type pair struct{ p, g string }
	predSize, goldSize, both := map[string]int{}, map[string]int{}, map[pair]int{}
	label := func(id string) string {
		if l, ok := pred[id]; ok {
			return "p:" + l
		}
		return "alone:" + id
	}
	for id, g := range gold {
		p := label(id)
		predSize[p]++
		goldSize[g]++
		both[pair{p, g}]++
	}
	var sc ClusterScore
	sc.Docs, sc.Predicted, sc.Gold = len(gold), len(predSize), len(goldSize)
	if len(gold) == 0 {
		return sc
	}
	var p, r float64
	for id, g := range gold {
		pl := label(id)
		n := float64(both[pair{pl, g}])
		p += n / float64(predSize[pl])
		r += n / float64(goldSize[g])
	}
	sc.BCubed.P, sc.BCubed.R = p/float64(len(gold)), r/float64(len(gold))
	if sc.BCubed.P+sc.BCubed.R > 0 {
		sc.BCubed.F = 2 * sc.BCubed.P * sc.BCubed.R / (sc.BCubed.P + sc.BCubed.R)
	}
	return sc
}

// TopicConfusion counts the pairs of documents of one topic but different
// stories (the similar events to keep apart) and how many of them pred
// puts together.
func TopicConfusion(pred, story, topic map[string]string) (merged, pairs int) {
	byTopic, byStory := map[string]int{}, map[string]int{}
	inTopic, inStory := map[[2]string]int{}, map[[2]string]int{}
	for id, s := range story {
		t := topic[id]
		byTopic[t]++
		byStory[s]++
		if p, ok := pred[id]; ok {
			inTopic[[2]string{p, t}]++
			inStory[[2]string{p, s}]++
		}
	}
	pairs = groupPairs(byTopic) - groupPairs(byStory)
	merged = groupPairs(inTopic) - groupPairs(inStory)
	return merged, pairs
}

// groupPairs is the number of pairs within the groups counts sizes.
func groupPairs[K comparable](counts map[K]int) int {
	n := 0
	for _, c := range counts {
		n += c * (c - 1) / 2
	}
	return n
}
