package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/store"
)

func (a *app) storiesCmd() *cobra.Command {
	var opt store.StoryListOptions
	var asJSON, update, rebuild bool
	cmd := &cobra.Command{
		Use:   "stories",
		Short: "List stories (articles grouped by event), newest first",
		Long: `List the stories: groups of articles covering one event, newest first
(by the last date of the story), with their time span, number of
articles, number of independent sources (copies of one text and outlets
of one media group count once) and a representative headline.

Stories are made at the end of each ingest; --update first puts in
stories the analysed articles that are in none yet (after sitrep entities
--update, or an ingest without analysis). --rebuild clusters every
analysed article again (after an upgrade or a change of the options);
the user's merge and split rules (see sitrep story) are applied again.`,
		Args: cobra.NoArgs,
		RunE: a.storeRun(func(cmd *cobra.Command, _ []string, st store.Store) error {
			ctx := cmd.Context()
			if err := catchUp(ctx, st, update, rebuild, (*pipeline.Ingester).CatchUpStories, (*pipeline.Ingester).RebuildStories,
				func(s pipeline.StorySummary) { printStorySummary(a.stderr, s) }); err != nil {
				return err
			}
			list, err := st.StoryList(ctx, opt)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSONLines(a.stdout, list)
			}
			tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tSPAN\tARTICLES\tSOURCES\tLABEL")
			for _, s := range list {
				fmt.Fprintf(tw, "%d\t%s\t%d\t%d\t%s\n", s.ID, storySpan(s), s.Size, s.Sources, cell(s.Label, 80))
			}
			return tw.Flush()
		}),
	}
	f := cmd.Flags()
	f.IntVar(&opt.Limit, "limit", 50, "at most this many stories (0: all)")
	f.IntVar(&opt.Offset, "offset", 0, "skip this many")
	f.BoolVar(&asJSON, "json", false, "JSON Lines instead of a table")
	f.BoolVar(&update, "update", false, "first put in stories the analysed articles in none yet")
	f.BoolVar(&rebuild, "rebuild", false, "first cluster every article again")
	return cmd
}

func printStorySummary(w io.Writer, s pipeline.StorySummary) {
	if s.Clustered == 0 {
		return
	}
	fmt.Fprintf(w, "clustered %d articles into %d stories", s.Clustered, s.Stories)
	if s.Rules > 0 {
		fmt.Fprintf(w, "; %d user rules applied", s.Rules)
	}
	fmt.Fprintf(w, " (%.1fs)\n", s.Elapsed.Seconds())
}

func storySpan(s model.Story) string {
	switch {
	case s.First == "" && s.Last == "":
		return "—"
	case s.First == s.Last || s.Last == "":
		return s.First
	case s.First == "":
		return s.Last
	}
	return s.First + " – " + s.Last
}

func (a *app) storyCmd() *cobra.Command {
	var asJSON, why bool
	cmd := &cobra.Command{
		Use:   "story ID",
		Short: "Show one story: its articles, and with --why why each is there",
		Long: `Show one story with its articles (title, outlet, date, copy group).

--why prints each article's score against the story, with its components
(text, entities, places, time; total = weighted sum times time) and the
runner-up story with its total, or the user rule that put it there.

sitrep story merge and sitrep story split correct the stories; the rules
are kept and applied again after every rebuild.`,
		Args: cobra.ExactArgs(1),
		RunE: a.storeRun(func(cmd *cobra.Command, args []string, st store.Store) error {
			ctx := cmd.Context()
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil {
				return &exitError{code: ExitUsage, err: fmt.Errorf("story %q: want a story number (see sitrep stories)", args[0])}
			}
			s, err := st.Story(ctx, id)
			if err != nil {
				return err
			}
			ids := make([]string, len(s.Members))
			for i, m := range s.Members {
				ids[i] = m.Article
			}
			arts, err := st.Articles(ctx, ids)
			if err != nil {
				return err
			}
			if asJSON {
				type member struct {
					model.StoryMember
					Title     string `json:"title"`
					Outlet    string `json:"outlet"`
					Published string `json:"published"`
				}
				out := struct {
					model.Story
					Members []member `json:"members"`
				}{Story: s}
				for i, m := range s.Members {
					out.Members = append(out.Members, member{m, arts[i].Title, arts[i].Outlet, arts[i].Published})
				}
				out.Story.Members = nil
				enc := json.NewEncoder(a.stdout)
				enc.SetEscapeHTML(false)
				enc.SetIndent("", "  ")
				return enc.Encode(out)
			}
			fmt.Fprintf(a.stdout, "story %d  %s\n", s.ID, cell(s.Label, 100))
			fmt.Fprintf(a.stdout, "  %s; %s, %s\n", storySpan(s), count(s.Size, "article", "articles"),
				count(s.Sources, "independent source", "independent sources"))
			if len(s.Entities) > 0 {
				fmt.Fprintf(a.stdout, "  names: %s\n", cell(nameCounts(s.Entities), 160))
			}
			if len(s.Places) > 0 {
				fmt.Fprintf(a.stdout, "  places: %s", cell(nameCounts(s.Places), 160))
				if s.Lat != 0 || s.Lon != 0 {
					fmt.Fprintf(a.stdout, " (centre %.2f, %.2f)", s.Lat, s.Lon)
				}
				fmt.Fprintln(a.stdout)
			}
			fmt.Fprintln(a.stdout)
			tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ARTICLE\tPUBLISHED\tCOPY GROUP\tOUTLET\tTITLE")
			for i, m := range s.Members {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", m.Article, dash(arts[i].Published), dash(m.CopyGroup),
					dash(cell(arts[i].Outlet, 24)), dash(cell(arts[i].Title, 70)))
				if why {
					fmt.Fprintf(tw, "\t\t\t\t%s\n", whyLine(m))
				}
			}
			return tw.Flush()
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the story and its members as JSON")
	cmd.Flags().BoolVar(&why, "why", false, "show why each article is in the story")
	cmd.AddCommand(a.storyRuleCmd(store.StoryMerge), a.storyRuleCmd(store.StorySplit))
	return cmd
}

func nameCounts(cs []model.NameCount) string {
	out := ""
	for i, c := range cs {
		if i > 0 {
			out += "; "
		}
		out += fmt.Sprintf("%s (%d)", c.Name, c.N)
	}
	return out
}

// whyLine explains one assignment.
func whyLine(m model.StoryMember) string {
	sc := m.Score
	comp := fmt.Sprintf("text %.2f, entities %.2f, places %.2f, time %.2f = %.3f", sc.Text, sc.Entities, sc.Places, sc.Time, sc.Total)
	var s string
	switch {
	case m.Rule == store.StorySplit:
		s = "put in a story of its own by the user's split rule"
	case m.Rule == store.StoryMerge:
		s = "joined by the user's merge rule; clustering scored " + comp
	case m.Copy:
		s = "a copy of a member (copies share a story)"
	case m.New && m.RunnerUp == 0:
		s = "started the story: no earlier story shared its words or names"
	case m.New:
		s = "started the story: the best earlier story scored " + comp
	default:
		s = "joined: " + comp
	}
	if m.RunnerUp != 0 && m.RunnerUp != m.Story {
		s += fmt.Sprintf("; runner-up story %d at %.3f", m.RunnerUp, m.RunnerUpTotal)
	}
	return s
}

func (a *app) storyRuleCmd(action string) *cobra.Command {
	use, short, nargs := "merge ARTICLE1 ARTICLE2", "Put the stories of two articles together, kept across rebuilds", 2
	if action == store.StorySplit {
		use, short, nargs = "split ARTICLE", "Take an article out of its story into one of its own, kept across rebuilds", 1
	}
	return &cobra.Command{
		Use:   use,
		Short: short,
		Long: short + `.

Articles are named by ID or ID prefix (see sitrep story ID); a rule names
articles, not story numbers, so it holds after stories are renumbered.
The stories are clustered again at once with every rule applied.`,
		Args: cobra.ExactArgs(nargs),
		RunE: a.storeRun(func(cmd *cobra.Command, args []string, st store.Store) error {
			ctx := cmd.Context()
			r := store.StoryRule{Action: action}
			for i, arg := range args {
				art, err := st.Get(ctx, arg)
				if err != nil {
					return fmt.Errorf("story %s: %w", action, err)
				}
				if i == 0 {
					r.Article = art.ID
				} else {
					r.Other = art.ID
				}
			}
			if err := st.PutStoryRule(ctx, r); err != nil {
				return &exitError{code: ExitUsage, err: err}
			}
			in, err := pipeline.New(st, pipeline.DefaultOptions())
			if err != nil {
				return err
			}
			sum, err := in.RebuildStories(ctx)
			if err != nil {
				return err
			}
			printStorySummary(a.stderr, sum)
			of, err := st.StoriesOf(ctx, append([]string{r.Article}, r.Other))
			if err != nil {
				return err
			}
			if m, ok := of[r.Article]; ok {
				fmt.Fprintf(a.stdout, "%s is now in story %d\n", r.Article, m.Story)
			} else {
				fmt.Fprintf(a.stdout, "%s is in no story yet (not analysed); the rule will apply when it is\n", r.Article)
			}
			return nil
		}),
	}
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
