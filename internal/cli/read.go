package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/sitrep/sitrep/internal/export"
	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/store"
)

func (a *app) lsCmd() *cobra.Command {
	var opt store.ListOptions
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "ls",
		Short: "List stored articles, newest first",
		Args:  cobra.NoArgs,
		RunE: a.storeRun(func(cmd *cobra.Command, _ []string, st store.Store) error {
			arts, err := st.List(cmd.Context(), opt)
			if err != nil {
				return err
			}
			if asJSON {
				w := export.NewJSONLWriter(a.stdout)
				for _, art := range arts {
					if err := w.Write(art); err != nil {
						return err
					}
				}
				return nil
			}
			tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tPUBLISHED\tLANG\tCOPY\tOUTLET\tTITLE")
			for _, art := range arts {
				// "copy" marks an article reprinting another, "orig" the
				// original of a copy group; sitrep dups ID shows the group.
				role := "—"
				switch {
				case art.DuplicateOf != "":
					role = "copy"
				case art.DupGroup != "":
					role = "orig"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", art.ID, dash(art.Published), dash(art.Language), role,
					dash(clipRunes(art.Outlet, 24)), dash(clipRunes(oneLine(art.Title), 70)))
			}
			return tw.Flush()
		}),
	}
	f := cmd.Flags()
	f.IntVar(&opt.Limit, "limit", 50, "at most this many articles (0: all)")
	f.IntVar(&opt.Offset, "offset", 0, "skip this many")
	f.StringVar(&opt.Outlet, "outlet", "", "only this outlet")
	f.StringVar(&opt.Language, "lang", "", "only this language (ISO 639-1)")
	f.StringVar(&opt.Since, "since", "", "published on or after YYYY-MM-DD")
	f.StringVar(&opt.Until, "until", "", "published on or before YYYY-MM-DD")
	f.BoolVar(&asJSON, "json", false, "JSON Lines instead of a table")
	return cmd
}

func (a *app) showCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Show one article: clean text and metadata with their origins",
		Args:  cobra.ExactArgs(1),
		RunE: a.storeRun(func(cmd *cobra.Command, args []string, st store.Store) error {
			art, err := st.Get(cmd.Context(), args[0])
			if err != nil {
				return fmt.Errorf("show %s: %w", args[0], err)
			}
			ans, err := st.Analyses(cmd.Context(), []string{art.ID})
			if err != nil {
				return fmt.Errorf("show %s: %w", args[0], err)
			}
			an, analysed := ans[art.ID]
			if asJSON {
				enc := json.NewEncoder(a.stdout)
				enc.SetEscapeHTML(false)
				enc.SetIndent("", "  ")
				rec := export.FromArticle(art)
				if analysed {
					rec.WithAnalysis(an)
				}
				of, err := st.StoriesOf(cmd.Context(), []string{art.ID})
				if err != nil {
					return fmt.Errorf("show %s: %w", args[0], err)
				}
				rec.WithStory(of[art.ID].Story)
				return enc.Encode(rec)
			}
			var shown *model.Analysis
			if analysed {
				shown = &an
			}
			printArticle(a.stdout, art, shown)
			return nil
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the export record as JSON")
	return cmd
}

func printArticle(w io.Writer, art model.Article, an *model.Analysis) {
	fields := []struct{ name, key string }{
		{"title", model.FieldTitle},
		{"outlet", model.FieldOutlet},
		{"credited source", model.FieldCreditedSource},
		{"author", model.FieldAuthor},
		{"published", model.FieldPublished},
		{"language", model.FieldLanguage},
		{"url", model.FieldURL},
	}
	fmt.Fprintf(w, "id         %s\nsource     %s (%s in %s)\n", art.ID, art.Source, art.Format, art.Container)
	for _, f := range fields {
		val := art.Field(f.key)
		if val == "" {
			fmt.Fprintf(w, "%-10s —\n", f.name)
			continue
		}
		p := art.Provenance[f.key]
		why := p.From
		if p.InferredFrom != "" {
			why += ", inferred from " + p.InferredFrom
		}
		if p.Evidence != "" && p.Evidence != val {
			why += fmt.Sprintf(": %q", clipRunes(p.Evidence, 80))
		}
		fmt.Fprintf(w, "%-10s %s   [%s]\n", f.name, oneLine(val), why)
	}
	switch {
	case art.DuplicateOf != "":
		fmt.Fprintf(w, "%-10s %s   [%s]\n", "copy of", art.DuplicateOf, evidenceLine(art.CopyEvidence))
	case art.DupGroup != "":
		fmt.Fprintf(w, "%-10s of copy group %s   [sitrep dups %s]\n", "original", art.DupGroup, art.ID)
	}
	for _, warn := range art.Warnings {
		fmt.Fprintf(w, "warning    %s\n", warn)
	}
	if an != nil {
		printAnalysisLines(w, *an)
	}
	fmt.Fprintf(w, "\n%s\n", art.Text)
}

// printAnalysisLines lists an article's names, places and dates once each,
// in order of first appearance.
func printAnalysisLines(w io.Writer, an model.Analysis) {
	var names, places, dates []string
	seen := map[string]bool{}
	add := func(list *[]string, s string) {
		if !seen[s] {
			seen[s] = true
			*list = append(*list, s)
		}
	}
	for _, e := range an.Entities {
		if e.Type != "LOC" {
			add(&names, fmt.Sprintf("%s (%s)", oneLine(e.Canonical), e.Type))
		}
	}
	for _, p := range an.Places {
		s := fmt.Sprintf("%s %.2f,%.2f", oneLine(p.Name), p.Lat, p.Lon)
		if p.Metonymy {
			s += " (as actor)"
		}
		add(&places, s)
	}
	for _, d := range an.Dates {
		if d.Value != "" {
			add(&dates, fmt.Sprintf("%s = %s", oneLine(d.Text), d.Value))
		}
	}
	for _, l := range []struct {
		name string
		vals []string
	}{{"names", names}, {"places", places}, {"dates", dates}} {
		if len(l.vals) > 0 {
			fmt.Fprintf(w, "%-10s %s\n", l.name, clipRunes(strings.Join(l.vals, "; "), 600))
		}
	}
}

func (a *app) searchCmd() *cobra.Command {
	var limit int
	cmd := &cobra.Command{
		Use:   "search QUERY...",
		Short: `Full-text search over titles and text ("quoted phrases" allowed)`,
		Args:  cobra.MinimumNArgs(1),
		RunE: a.storeRun(func(cmd *cobra.Command, args []string, st store.Store) error {
			hits, err := st.Search(cmd.Context(), strings.Join(args, " "), limit)
			if err != nil {
				return err
			}
			arts := make([]model.Article, len(hits))
			var groupIDs []string
			for i, h := range hits {
				copyNote := ""
				if h.Article.DuplicateOf != "" {
					copyNote = "  (copy of " + h.Article.DuplicateOf + ")"
				}
				fmt.Fprintf(a.stdout, "%s  %s  %s%s\n    %s\n", h.Article.ID, dash(h.Article.Published),
					dash(oneLine(h.Article.Title)), copyNote, oneLine(h.Snippet))
				arts[i] = h.Article
				if h.Article.DupGroup != "" {
					groupIDs = append(groupIDs, h.Article.DupGroup)
				}
			}
			if len(hits) == 0 {
				fmt.Fprintln(a.stderr, "no match")
				return nil
			}
			groups, err := st.CopyGroupsOf(cmd.Context(), groupIDs)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "%d articles shown, from %d independent sources\n", len(hits), independentOf(arts, groups))
			return nil
		}),
	}
	cmd.Flags().IntVar(&limit, "limit", 20, "at most this many hits")
	return cmd
}

func (a *app) exportCmd() *cobra.Command {
	var format, out string
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write every article as JSON Lines (the public record format)",
		Args:  cobra.NoArgs,
		PreRunE: func(*cobra.Command, []string) error {
			if format != "jsonl" {
				return &exitError{code: ExitUsage, err: fmt.Errorf("export: unknown format %q (supported: jsonl)", format)}
			}
			return nil
		},
		RunE: a.storeRun(func(cmd *cobra.Command, _ []string, st store.Store) error {
			var err error
			var w io.Writer = a.stdout
			var file *os.File
			if out != "" && out != "-" {
				// Write beside the target and rename, so a failed export
				// never leaves a truncated file where a good one was.
				file, err = os.CreateTemp(dirOf(out), ".sitrep-export-*")
				if err != nil {
					return fmt.Errorf("export: %w", err)
				}
				defer os.Remove(file.Name())
				w = file
			}
			bw := bufio.NewWriterSize(w, 1<<16)
			jw := export.NewJSONLWriter(bw)
			ex := newAnalysedExport(st, jw)
			if err := st.Each(cmd.Context(), func(art model.Article) error { return ex.add(cmd.Context(), art) }); err != nil {
				return fmt.Errorf("export: %w", err)
			}
			if err := ex.flush(cmd.Context()); err != nil {
				return fmt.Errorf("export: %w", err)
			}
			if err := bw.Flush(); err != nil {
				return fmt.Errorf("export: %w", err)
			}
			if file != nil {
				if err := file.Close(); err != nil {
					return fmt.Errorf("export: %w", err)
				}
				if err := os.Rename(file.Name(), out); err != nil {
					return fmt.Errorf("export: %w", err)
				}
				fmt.Fprintf(a.stderr, "exported %d articles to %s\n", jw.Count(), out)
			}
			return nil
		}),
	}
	cmd.Flags().StringVar(&format, "format", "jsonl", "output format: jsonl")
	cmd.Flags().StringVarP(&out, "out", "o", "", "output file (default: standard output)")
	return cmd
}

func (a *app) statsCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "stats",
		Short: "Counts of what the store holds",
		Args:  cobra.NoArgs,
		RunE: a.storeRun(func(cmd *cobra.Command, _ []string, st store.Store) error {
			s, err := st.Stats(cmd.Context())
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "articles      %d\nraw inputs    %d (%s, %s compressed)\n", s.Articles, s.Raws,
				humanBytes(s.RawBytes), humanBytes(s.StoredRawBytes))
			printCounts(a.stdout, "by format", s.ByFormat)
			printCounts(a.stdout, "by language", s.ByLanguage)
			fmt.Fprintf(a.stdout, "copy groups   %d (%d copies)\n", s.CopyGroups, s.Copies)
			if s.CopyPending > 0 {
				fmt.Fprintf(a.stdout, "not yet linked %d (sitrep dups --update)\n", s.CopyPending)
			}
			fmt.Fprintf(a.stdout, "analysed      %d (%d entities, %d mentions, %d place mentions)\n", s.Analysed, s.Entities, s.Mentions, s.Places)
			if n := s.Articles - s.Analysed; n > 0 {
				fmt.Fprintf(a.stdout, "not yet analysed %d (sitrep entities --update)\n", n)
			}
			return nil
		}),
	}
}

func (a *app) reprocessCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "reprocess",
		Short: "Re-run cleaning over the raw inputs kept in the store",
		Long: `Re-run cleaning over every raw input kept in the store, for after an
upgrade. Line repetition is counted over the whole store first, so articles
ingested in small batches benefit from everything ingested since.`,
		Args: cobra.NoArgs,
		RunE: a.storeRun(func(cmd *cobra.Command, _ []string, st store.Store) error {
			in, err := newIngester(st)
			if err != nil {
				return err
			}
			sum, err := in.Reprocess(cmd.Context())
			fmt.Fprintf(a.stdout, "articles %d  updated %d  failed %d  copy groups rebuilt %d  (%.1fs)\n",
				sum.Articles, sum.Updated, sum.Failed, sum.Copies.Groups, sum.Elapsed.Seconds())
			printAnalysisSummary(a.stdout, sum.Analysis)
			for _, f := range sum.Failures {
				fmt.Fprintf(a.stdout, "  %s: %v\n", f.Source, f.Err)
			}
			if err != nil {
				return err
			}
			if sum.Failed > 0 {
				return &exitError{code: ExitPartial}
			}
			return nil
		}),
	}
}

func printCounts(w io.Writer, title string, m map[string]int) {
	if len(m) == 0 {
		return
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return m[keys[i]] > m[keys[j]] || (m[keys[i]] == m[keys[j]] && keys[i] < keys[j]) })
	fmt.Fprintln(w, title)
	for _, k := range keys {
		fmt.Fprintf(w, "  %-10s %d\n", dash(k), m[k])
	}
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func clipRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

func dirOf(path string) string {
	if i := strings.LastIndexByte(path, os.PathSeparator); i >= 0 {
		return path[:i+1]
	}
	return "."
}

// analysedExport writes articles with their analyses and stories, reading
// them a page at a time, and names each mention's entity by its current
// canonical name (an entity may have found a fuller name since the
// article was analysed).
type analysedExport struct {
	st    store.Store
	w     *export.JSONLWriter
	page  []model.Article
	names map[string]string
}

func newAnalysedExport(st store.Store, w *export.JSONLWriter) *analysedExport {
	return &analysedExport{st: st, w: w, names: map[string]string{}}
}

func (e *analysedExport) add(ctx context.Context, a model.Article) error {
	e.page = append(e.page, a)
	if len(e.page) >= 256 {
		return e.flush(ctx)
	}
	return nil
}

func (e *analysedExport) flush(ctx context.Context) error {
	if len(e.page) == 0 {
		return nil
	}
	ids := make([]string, len(e.page))
	for i, a := range e.page {
		ids[i] = a.ID
	}
	ans, err := e.st.Analyses(ctx, ids)
	if err != nil {
		return err
	}
	of, err := e.st.StoriesOf(ctx, ids)
	if err != nil {
		return err
	}
	if err := e.learnNames(ctx, ans); err != nil {
		return err
	}
	for _, a := range e.page {
		r := export.FromArticle(a)
		r.WithStory(of[a.ID].Story)
		if an, ok := ans[a.ID]; ok {
			for i, m := range an.Entities {
				if name := e.names[m.Entity]; name != "" {
					an.Entities[i].Canonical = name
				}
			}
			r.WithAnalysis(an)
		}
		if err := e.w.WriteRecord(r); err != nil {
			return err
		}
	}
	e.page = e.page[:0]
	return nil
}

// learnNames reads, in one call per page, the current names of the
// entities the page mentions that no earlier page did.
func (e *analysedExport) learnNames(ctx context.Context, ans map[string]model.Analysis) error {
	var missing []string
	seen := map[string]bool{}
	for _, an := range ans {
		for _, m := range an.Entities {
			if _, ok := e.names[m.Entity]; !ok && m.Entity != "" && !seen[m.Entity] {
				seen[m.Entity] = true
				missing = append(missing, m.Entity)
			}
		}
	}
	if len(missing) == 0 {
		return nil
	}
	sort.Strings(missing)
	recs, err := e.st.EntityRecords(ctx, missing)
	if err != nil {
		return err
	}
	for _, r := range recs {
		e.names[r.ID] = r.Canonical
	}
	return nil
}
