package cli

import (
	"fmt"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/sitrep/sitrep/internal/analyze"
	"github.com/sitrep/sitrep/internal/eval"
	"github.com/sitrep/sitrep/internal/stories"
)

func (a *app) evalStoriesCmd() *cobra.Command {
	var grid, show bool
	cmd := &cobra.Command{
		Use:   "stories DIR...",
		Short: "Score story clustering: B-cubed against reference stories",
		Long: `Analyse every document of a reference set, cluster the documents into
stories with the default options, and compare with the reference.

DIR is a set in the shared layout (gold.jsonl of {"id", "story", "topic"}
with docs/<id>.txt; texts that open with a URL, a headline and a date line
give their title and publication date from those lines) or a seeds folder
(gold.json with "documents", "duplicate_groups" and "stories", texts in
clean/; publication dates and copies come from the reference).

One line per level: stories, and topics where the set groups similar
stories into topics. B-cubed precision, recall and F1 are averaged per
document; "confused" counts the pairs of one topic but different stories
(similar events that must stay apart) that were put together. Timing
covers clustering alone; analysis is timed apart.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, dirs []string) error {
			for _, dir := range dirs {
				set, err := eval.LoadStorySet(dir)
				if err != nil {
					return err
				}
				start := time.Now()
				docs := storyDocs(set)
				analysed := time.Since(start)
				story, topic := map[string]string{}, map[string]string{}
				for _, d := range set.Docs {
					story[d.ID], topic[d.ID] = d.Story, d.Topic
				}
				if grid {
					storiesGrid(a, set.Name, docs, story, topic)
					continue
				}
				start = time.Now()
				as := stories.Cluster(docs, stories.DefaultOptions())
				clustered := time.Since(start)
				pred := map[string]string{}
				for _, x := range as {
					pred[x.Doc] = fmt.Sprint(x.Story)
				}
				sc := eval.BCubed(pred, story)
				merged, pairs := eval.TopicConfusion(pred, story, topic)
				rate := 0.0
				if pairs > 0 {
					rate = float64(merged) / float64(pairs)
				}
				fmt.Fprintf(a.stdout, "%s stories: %s; confused %d of %d same-topic pairs (%.3f) [analysis %.1fs, clustering %.0f articles/s]\n",
					set.Name, sc, merged, pairs, rate, analysed.Seconds(), float64(len(docs))/clustered.Seconds())
				if set.HasTopics {
					fmt.Fprintf(a.stdout, "%s topics: %s\n", set.Name, eval.BCubed(pred, topic))
				}
				if show {
					showStories(a, as, story)
				}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&show, "stories", false, "list the stories found with the reference stories of their members")
	cmd.Flags().BoolVar(&grid, "grid", false, "score a grid of thresholds and weights instead (for choosing the defaults)")
	return cmd
}

// storyDocs analyses a set's documents, in parallel, in set order.
func storyDocs(set *eval.StorySet) []stories.Doc {
	docs := make([]stories.Doc, len(set.Docs))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				sd := set.Docs[i]
				title, body, published := storyHeader(sd.Text)
				if !sd.Published.IsZero() {
					published = sd.Published
				}
				res := analyze.Text(body, analyze.Options{Published: published, Language: "en"})
				docs[i] = stories.Doc{ID: sd.ID, Published: published, Title: title, Text: body, Analysis: res.Analysis, CopyGroup: sd.CopyGroup, Year: sd.Year}
			}
		}()
	}
	for i := range set.Docs {
		next <- i
	}
	close(next)
	wg.Wait()
	return docs
}

// storyHeader reads what a text's first lines say about it: a first line
// that is a URL is dropped and the next line taken as the title; a short
// line among the first few that holds a calendar date gives the
// publication date (and is not the title).
func storyHeader(txt string) (title, body string, published time.Time) {
	body = txt
	lines := strings.SplitN(txt, "\n", 8)
	if len(lines) < 2 {
		return "", body, published
	}
	first := strings.TrimSpace(lines[0])
	if !strings.HasPrefix(first, "http://") && !strings.HasPrefix(first, "https://") && !strings.HasPrefix(first, "www.") {
		return "", body, published
	}
	body = strings.Join(lines[1:], "\n")
	lines = lines[1:]
	for i, l := range lines {
		if i > 4 {
			break
		}
		l = strings.TrimSpace(l)
		if published.IsZero() && len(l) <= 100 {
			if t, ok := headerDate(l); ok {
				published = t
				continue
			}
		}
		if title == "" && l != "" {
			title = l
		}
	}
	return title, body, published
}

var (
	monthPat   = `(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`
	mdyRe      = regexp.MustCompile(`(?i)\b` + monthPat + `\s+(\d{1,2})(?:st|nd|rd|th)?[,\s-]+(\d{4})\b`)
	dmyRe      = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+` + monthPat + `[,\s]+(\d{4})\b`)
	slashRe    = regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b`)
	isoRe      = regexp.MustCompile(`\b((?:19|20)\d\d)[-.]\s?(\d{1,2})[-.]\s?(\d{1,2})\b`)
	monthIndex = map[string]time.Month{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}
)

// headerDate finds a calendar date in a dateline ("Posted: Nov 27, 2005
// 8:20 AM", "23 July 2013", "2/3/2009 5:59 PM" read month first,
// "2012. 08. 08").
func headerDate(l string) (time.Time, bool) {
	date := func(y, m, d int) (time.Time, bool) {
		if y < 100 {
			y += 2000
		}
		if m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2100 {
			return time.Time{}, false
		}
		return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), true
	}
	num := func(s string) int {
		n, _ := strconv.Atoi(s)
		return n
	}
	if m := mdyRe.FindStringSubmatch(l); m != nil {
		return date(num(m[3]), int(monthIndex[strings.ToLower(m[1])]), num(m[2]))
	}
	if m := dmyRe.FindStringSubmatch(l); m != nil {
		return date(num(m[3]), int(monthIndex[strings.ToLower(m[2])]), num(m[1]))
	}
	if m := isoRe.FindStringSubmatch(l); m != nil {
		return date(num(m[1]), num(m[2]), num(m[3]))
	}
	if m := slashRe.FindStringSubmatch(l); m != nil {
		return date(num(m[3]), num(m[1]), num(m[2]))
	}
	return time.Time{}, false
}

// storiesGrid scores a small grid of options around the defaults.
func storiesGrid(a *app, name string, docs []stories.Doc, story, topic map[string]string) {
	type weights struct{ t, e, p float64 }
	for _, w := range []weights{{0.6, 0.25, 0.15}, {0.5, 0.3, 0.2}} {
		for _, tau := range []float64{60, 90, 180} {
			for _, unknown := range []float64{0.7, 0.9} {
				for _, boost := range [][2]float64{{1, 1}, {2, 1}, {1, 2}, {0, 0}} {
					for _, th := range []float64{0.14, 0.18, 0.22} {
						opt := stories.DefaultOptions()
						opt.WText, opt.WEntities, opt.WPlaces, opt.TauDays, opt.UnknownTime, opt.Threshold = w.t, w.e, w.p, tau, unknown, th
						opt.TitleBoost, opt.NameBoost = boost[0], boost[1]
						pred := map[string]string{}
						for _, x := range stories.Cluster(docs, opt) {
							pred[x.Doc] = fmt.Sprint(x.Story)
						}
						sc := eval.BCubed(pred, story)
						tc := eval.BCubed(pred, topic)
						merged, pairs := eval.TopicConfusion(pred, story, topic)
						fmt.Fprintf(a.stdout, "%s grid w=%.2f/%.2f/%.2f tau=%g unknown=%.2f boost=%g/%g th=%.2f: story F1 %.3f (P %.3f R %.3f, %d clusters) topic F1 %.3f confused %d/%d\n",
							name, w.t, w.e, w.p, tau, unknown, boost[0], boost[1], th, sc.BCubed.F, sc.BCubed.P, sc.BCubed.R, sc.Predicted, tc.BCubed.F, merged, pairs)
					}
				}
			}
		}
	}
}

// showStories lists each predicted story that is not exactly one reference
// story, with its members' reference stories and scores.
func showStories(a *app, as []stories.Assignment, story map[string]string) {
	members := map[int][]stories.Assignment{}
	var ids []int
	for _, x := range as {
		if len(members[x.Story]) == 0 {
			ids = append(ids, x.Story)
		}
		members[x.Story] = append(members[x.Story], x)
	}
	size := map[string]int{}
	for _, s := range story {
		size[s]++
	}
	for _, id := range ids {
		ms := members[id]
		n := map[string]int{}
		for _, x := range ms {
			n[story[x.Doc]]++
		}
		if len(n) == 1 && n[story[ms[0].Doc]] == size[story[ms[0].Doc]] {
			continue
		}
		var parts []string
		for s, k := range n {
			parts = append(parts, fmt.Sprintf("%s %d/%d", s, k, size[s]))
		}
		sort.Strings(parts)
		fmt.Fprintf(a.stdout, "  story %d: %d members: %s\n", id, len(ms), strings.Join(parts, ", "))
		for _, x := range ms {
			fmt.Fprintf(a.stdout, "    %s %-12s new=%v copy=%v text %.2f entities %.2f places %.2f time %.2f total %.3f | runner-up %d %.3f\n",
				x.Doc, story[x.Doc], x.New, x.Copy, x.Score.Text, x.Score.Entities, x.Score.Places, x.Score.Time, x.Score.Total, x.RunnerUp, x.RunnerUpScore.Total)
		}
	}
}
