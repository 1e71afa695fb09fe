package cli

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/sitrep/sitrep/internal/dedup"
	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/store"
)

// addDedupFlags exposes the copy verdict's thresholds. Changing them makes
// the next ingest or dups --update rebuild every group with the new ones.
func addDedupFlags(f *pflag.FlagSet, o *dedup.Options) {
	f.Float64Var(&o.MinJaccard, "dup-jaccard", o.MinJaccard, "a pair whose word-shingle Jaccard reaches this is a copy")
	f.Float64Var(&o.MinContainment, "dup-containment", o.MinContainment, "a pair whose shingle containment reaches this is a copy (a trimmed or extended repost)")
	f.IntVar(&o.MinShingles, "dup-min-shingles", o.MinShingles, "containment alone counts only when both texts have this many shingles")
}

func (a *app) dupsCmd() *cobra.Command {
	var limit, minSize int
	var asJSON, rebuild, update bool
	opt := pipeline.DefaultOptions()
	cmd := &cobra.Command{
		Use:   "dups [ID...]",
		Short: "List copy groups: the original, its copies and the evidence",
		Long: `List groups of copies (the same story reposted, trimmed, credited or
wrapped in another site's menus), largest first, with the original of
each and why every other member is taken for a copy of it. Given IDs
(articles or groups), show just their groups.

--update links articles a killed ingest left pending (and rebuilds every
group when the --dup-* thresholds differ from those the store was built
with); --rebuild forgets every copy relation and finds them again.`,
		RunE: a.storeRun(func(cmd *cobra.Command, args []string, st store.Store) error {
			ctx := cmd.Context()
			if rebuild || update {
				in, err := pipeline.New(st, opt)
				if err != nil {
					return err
				}
				run := in.CatchUpCopies
				if rebuild {
					run = in.RebuildCopies
				}
				sum, err := run(ctx)
				if err != nil {
					return err
				}
				fmt.Fprintf(a.stderr, "indexed %d, linked %d, compared %d pairs (%d more passed over on their sketches), %d links, %d groups written (%.1fs)\n",
					sum.Indexed, sum.Linked, sum.Compared, sum.Screened, sum.Links, sum.Groups, sum.Elapsed.Seconds())
			}
			var groups []model.CopyGroup
			if len(args) > 0 {
				byID, err := st.CopyGroupsOf(ctx, args)
				if err != nil {
					return err
				}
				for _, id := range args {
					found := false
					for _, g := range byID {
						if g.ID == id || slices.Contains(g.Members, id) {
							found = true
						}
					}
					if !found {
						fmt.Fprintf(a.stderr, "%s: in no copy group\n", id)
					}
				}
				groups = append(groups, sortedGroups(byID)...)
			} else {
				var err error
				if groups, err = st.CopyGroups(ctx, store.CopyGroupOptions{Limit: limit, MinSize: minSize}); err != nil {
					return err
				}
			}
			if err := a.printGroups(cmd, st, groups, asJSON); err != nil {
				return err
			}
			s, err := st.Stats(ctx)
			if err != nil {
				return err
			}
			if !asJSON && len(args) == 0 {
				fmt.Fprintf(a.stdout, "%d groups, %d copies among %d articles\n", s.CopyGroups, s.Copies, s.Articles)
			}
			if s.CopyPending > 0 {
				fmt.Fprintf(a.stderr, "note: %d articles are not linked yet; run sitrep dups --update\n", s.CopyPending)
			}
			return nil
		}),
	}
	f := cmd.Flags()
	f.IntVar(&limit, "limit", 50, "groups to list (0: all)")
	f.IntVar(&minSize, "min-size", 2, "leave out groups smaller than this")
	f.BoolVar(&asJSON, "json", false, "print one JSON object per group, its members' metadata included")
	f.BoolVar(&update, "update", false, "link articles left pending first")
	f.BoolVar(&rebuild, "rebuild", false, "forget all copy relations and find them again first")
	addDedupFlags(f, &opt.Dedup)
	return cmd
}

func sortedGroups(m map[string]model.CopyGroup) []model.CopyGroup {
	out := make([]model.CopyGroup, 0, len(m))
	for _, g := range m {
		out = append(out, g)
	}
	// Largest first, as the listing is.
	slices.SortFunc(out, func(a, b model.CopyGroup) int {
		return cmp.Or(cmp.Compare(len(b.Members), len(a.Members)), strings.Compare(a.ID, b.ID))
	})
	return out
}

// groupJSON is the --json form of a group: the stored group and a summary
// of each member, so that it reads without a second lookup.
type groupJSON struct {
	model.CopyGroup
	Articles []memberJSON `json:"articles"`
}

type memberJSON struct {
	ID             string              `json:"id"`
	Outlet         string              `json:"outlet,omitempty"`
	CreditedSource string              `json:"credited_source,omitempty"`
	Published      string              `json:"published,omitempty"`
	Title          string              `json:"title,omitempty"`
	URL            string              `json:"url,omitempty"`
	Source         string              `json:"source"`
	Evidence       *model.CopyEvidence `json:"copy_evidence,omitempty"`
}

func (a *app) printGroups(cmd *cobra.Command, st store.Store, groups []model.CopyGroup, asJSON bool) error {
	enc := json.NewEncoder(a.stdout)
	enc.SetEscapeHTML(false)
	for _, g := range groups {
		arts, err := st.Articles(cmd.Context(), g.Members)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return err
		}
		if asJSON {
			out := groupJSON{CopyGroup: g}
			for _, m := range arts {
				out.Articles = append(out.Articles, memberJSON{ID: m.ID, Outlet: m.Outlet, CreditedSource: m.CreditedSource,
					Published: m.Published, Title: m.Title, URL: m.URL, Source: m.Source, Evidence: m.CopyEvidence})
			}
			if err := enc.Encode(out); err != nil {
				return err
			}
			continue
		}
		printGroup(a.stdout, g, arts)
	}
	return nil
}

func printGroup(w io.Writer, g model.CopyGroup, arts []model.Article) {
	fmt.Fprintf(w, "group %s  %d articles  original %s (%s)  origin %s\n", g.ID, len(g.Members), g.Original, g.Reason, dash(g.Origin))
	if len(g.Credited) > 0 {
		fmt.Fprintf(w, "  credited: %s\n", strings.Join(g.Credited, ", "))
	}
	for _, m := range arts {
		role, why := "copy", evidenceLine(m.CopyEvidence)
		if m.ID == g.Original {
			role, why = "original", ""
		}
		fmt.Fprintf(w, "  %-16s %-8s %-20s %-10s %s\n", m.ID, role, clipRunes(dash(m.Outlet), 20), dash(m.Published), clipRunes(oneLine(dash(m.Title)), 60))
		if why != "" {
			fmt.Fprintf(w, "  %16s %s\n", "", why)
		}
	}
	fmt.Fprintln(w)
}

// evidenceLine puts a copy's evidence in a few words.
func evidenceLine(ev *model.CopyEvidence) string {
	if ev == nil {
		return ""
	}
	s := fmt.Sprintf("%s copy: Jaccard %.2f, containment %.2f", ev.Method, ev.Jaccard, ev.Containment)
	if ev.Credit != "" {
		s += fmt.Sprintf(", credits %q", ev.Credit)
	}
	if ev.Via != "" {
		s += ", through " + ev.Via
	}
	return s
}

// independentOf counts the distinct origins of a set of articles: copies
// of one group count once, as do outlets of one media group.
func independentOf(arts []model.Article, groups map[string]model.CopyGroup) int {
	keys := make([]string, len(arts))
	for i, a := range arts {
		keys[i] = dedup.OriginKey(groups[a.DupGroup].Origin, a.CreditedSource, a.Outlet, a.URL, a.ID)
	}
	return dedup.Independent(keys)
}
