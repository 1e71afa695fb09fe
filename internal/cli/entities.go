package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/store"
)

func (a *app) entitiesCmd() *cobra.Command {
	var opt store.EntityOptions
	var asJSON, update, rebuild bool
	cmd := &cobra.Command{
		Use:   "entities",
		Short: "List people, organisations and places, most mentioned first",
		Long: `List the entities resolved across articles: people (PER), organisations
and armed groups (ORG) and places (LOC), most mentioned first, with the
number of articles and mentions and their other names.

--update analyses articles a killed ingest left unanalysed; --rebuild
forgets every analysis and entity and analyses everything again (after an
upgrade, or to apply alias rules: see sitrep alias).`,
		Args: cobra.NoArgs,
		RunE: a.storeRun(func(cmd *cobra.Command, _ []string, st store.Store) error {
			ctx := cmd.Context()
			if err := catchUp(ctx, st, update, rebuild, (*pipeline.Ingester).CatchUpAnalyses, (*pipeline.Ingester).RebuildAnalyses,
				func(s pipeline.AnalysisSummary) { printAnalysisSummary(a.stderr, s) }); err != nil {
				return err
			}
			ents, err := st.Entities(ctx, opt)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSONLines(a.stdout, ents)
			}
			tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tTYPE\tARTICLES\tMENTIONS\tNAME\tALSO")
			for _, e := range ents {
				fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%s\n", e.ID, e.Type, e.Articles, e.Mentions,
					cell(e.Canonical, 60), cell(aliasNames(e.Aliases), 80))
			}
			return tw.Flush()
		}),
	}
	f := cmd.Flags()
	f.IntVar(&opt.Limit, "limit", 50, "at most this many entities (0: all)")
	f.IntVar(&opt.Offset, "offset", 0, "skip this many")
	f.StringVar(&opt.Type, "type", "", "only this type: PER, ORG or LOC")
	f.StringVar(&opt.Article, "article", "", "only the entities of this article ID")
	f.BoolVar(&asJSON, "json", false, "JSON Lines instead of a table")
	f.BoolVar(&update, "update", false, "first analyse the articles not analysed yet")
	f.BoolVar(&rebuild, "rebuild", false, "first forget all analyses and entities and analyse everything again")
	return cmd
}

// catchUp runs a stage's catch-up (update) or rebuild before a listing,
// and reports what it did.
func catchUp[S any](ctx context.Context, st store.Store, update, rebuild bool,
	catch, redo func(*pipeline.Ingester, context.Context) (S, error), report func(S)) error {
	if !update && !rebuild {
		return nil
	}
	in, err := pipeline.New(st, pipeline.DefaultOptions())
	if err != nil {
		return err
	}
	run := catch
	if rebuild {
		run = redo
	}
	sum, err := run(in, ctx)
	if err != nil {
		return err
	}
	report(sum)
	return nil
}

// writeJSONLines writes one JSON object per line, HTML unescaped.
func writeJSONLines[T any](w io.Writer, xs []T) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, x := range xs {
		if err := enc.Encode(x); err != nil {
			return err
		}
	}
	return nil
}

func printAnalysisSummary(w io.Writer, s pipeline.AnalysisSummary) {
	if s.Analysed == 0 {
		return
	}
	fmt.Fprintf(w, "analysed %d articles: %d names, %d places; %d new entities, %d joined known ones", s.Analysed, s.Mentions, s.Places, s.NewEntities, s.Merged)
	if s.Failed > 0 {
		fmt.Fprintf(w, "; %d failed (see the log)", s.Failed)
	}
	fmt.Fprintf(w, " (%.1fs)\n", s.Elapsed.Seconds())
}

func aliasNames(as []model.EntityAlias) string {
	names := make([]string, len(as))
	for i, al := range as {
		names[i] = al.Name
	}
	return strings.Join(names, "; ")
}

// cell flattens hostile or long text for a table cell.
func cell(s string, max int) string { return clipRunes(oneLine(s), max) }

func (a *app) entityCmd() *cobra.Command {
	var asJSON bool
	var limit int
	cmd := &cobra.Command{
		Use:   "entity NAME|ID",
		Short: "Show one entity: its names, why each was merged, and its articles",
		Args:  cobra.ExactArgs(1),
		RunE: a.storeRun(func(cmd *cobra.Command, args []string, st store.Store) error {
			ctx := cmd.Context()
			ents, err := st.FindEntities(ctx, args[0])
			if err != nil {
				return err
			}
			if len(ents) == 0 {
				return fmt.Errorf("entity %q: %w (try sitrep entities)", args[0], store.ErrNotFound)
			}
			type shown struct {
				model.Entity
				ArticleIDs []string `json:"article_ids"`
			}
			var out []shown
			for _, e := range ents {
				ids, err := st.EntityArticles(ctx, e.ID, limit)
				if err != nil {
					return err
				}
				out = append(out, shown{e, ids})
			}
			if asJSON {
				enc := json.NewEncoder(a.stdout)
				enc.SetEscapeHTML(false)
				enc.SetIndent("", "  ")
				return enc.Encode(out)
			}
			for i, e := range out {
				if i > 0 {
					fmt.Fprintln(a.stdout)
				}
				fmt.Fprintf(a.stdout, "%s  %s  (%s; %d articles, %d mentions)\n", e.ID, cell(e.Canonical, 100), e.Type, e.Articles, e.Mentions)
				for _, al := range e.Aliases {
					src := ""
					if al.Article != "" {
						src = " [" + al.Article + "]"
					}
					fmt.Fprintf(a.stdout, "  also %s — %s%s\n", cell(al.Name, 80), cell(al.Reason, 160), src)
				}
				if len(e.ArticleIDs) > 0 {
					arts, err := st.Articles(ctx, e.ArticleIDs)
					if err != nil {
						return err
					}
					fmt.Fprintln(a.stdout, "  articles:")
					for _, art := range arts {
						fmt.Fprintf(a.stdout, "    %s  %-10s  %s\n", art.ID, dash(art.Published), cell(dash(art.Title), 90))
					}
				}
			}
			if len(out) > 1 {
				fmt.Fprintf(a.stderr, "%d entities go by %q; use an ID for one\n", len(out), args[0])
			}
			return nil
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().IntVar(&limit, "articles", 20, "list at most this many articles (0: all)")
	return cmd
}

func (a *app) aliasCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "alias",
		Short: "Correct entity resolution: make a name an alias, or keep it apart",
		Long: `Alias rules are the user's word on entity resolution. They name entities
by name, so they survive rebuilds, and apply from the next analysis on:
run sitrep entities --rebuild to apply them to stored articles.

  sitrep alias add LSR "Freedom of Russia Legion" --type ORG
  sitrep alias separate "Alexei" "Alexei Navalny" --type PER
  sitrep alias ls
  sitrep alias rm add LSR "Freedom of Russia Legion" --type ORG`,
	}
	var typ string
	rule := func(action string) *cobra.Command {
		c := &cobra.Command{
			Use:   action + " NAME TARGET",
			Short: map[string]string{store.RuleAlias: "make NAME another name of the entity called TARGET", store.RuleSeparate: "never merge NAME into the entity called TARGET"}[action],
			Args:  cobra.ExactArgs(2),
			RunE: a.storeRun(func(cmd *cobra.Command, args []string, st store.Store) error {
				r := store.AliasRule{Name: args[0], Target: args[1], Type: strings.ToUpper(typ), Action: action}
				if err := st.PutAliasRule(cmd.Context(), r); err != nil {
					return err
				}
				fmt.Fprintln(a.stderr, "rule kept; run sitrep entities --rebuild to apply it to stored articles")
				return nil
			}),
		}
		c.Flags().StringVar(&typ, "type", "", "entity type the rule is for (PER, ORG, LOC; default any)")
		return c
	}
	add := rule(store.RuleAlias)
	add.Use = "add NAME TARGET"
	rm := &cobra.Command{
		Use:   "rm add|separate NAME TARGET",
		Short: "remove a rule",
		Args:  cobra.ExactArgs(3),
		RunE: a.storeRun(func(cmd *cobra.Command, args []string, st store.Store) error {
			action := args[0]
			if action == "add" {
				action = store.RuleAlias
			}
			ok, err := st.DeleteAliasRule(cmd.Context(), store.AliasRule{Action: action, Name: args[1], Target: args[2], Type: strings.ToUpper(typ)})
			if err != nil {
				return err
			}
			if !ok {
				return fmt.Errorf("alias rm: no such rule: %w", store.ErrNotFound)
			}
			return nil
		}),
	}
	rm.Flags().StringVar(&typ, "type", "", "entity type of the rule")
	ls := &cobra.Command{
		Use:   "ls",
		Short: "list the rules",
		Args:  cobra.NoArgs,
		RunE: a.storeRun(func(cmd *cobra.Command, _ []string, st store.Store) error {
			rules, err := st.AliasRules(cmd.Context())
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ACTION\tTYPE\tNAME\tTARGET\tSINCE")
			for _, r := range rules {
				action := r.Action
				if action == store.RuleAlias {
					action = "add"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", action, dash(r.Type), cell(r.Name, 60), cell(r.Target, 60), r.Created.Format("2006-01-02"))
			}
			return tw.Flush()
		}),
	}
	cmd.AddCommand(add, rule(store.RuleSeparate), rm, ls)
	return cmd
}
