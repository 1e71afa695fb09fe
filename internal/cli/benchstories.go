package cli

import (
	"fmt"
	"runtime"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/sitrep/sitrep/internal/eval"
	"github.com/sitrep/sitrep/internal/gen"
	"github.com/sitrep/sitrep/internal/stories"
)

func (a *app) benchStoriesCmd() *cobra.Command {
	var n int
	var seed uint64
	cmd := &cobra.Command{
		Use:   "stories",
		Short: "Story clustering: time per article as the number of stories grows",
		Long: `Cluster N generated articles (an event covered by several outlets over
days, twin events a year apart, copies) online, in order of publication,
and report the time per article in each tenth of the run, the heap held,
and B-cubed against the generator's events. The articles are not
analysed (that is sitrep bench analyze's measure): names count only
through the text, so the figures are the clustering index's own cost.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opt := gen.DefaultOptions
			c := stories.New(stories.DefaultOptions())
			gold, pred := map[string]string{}, map[string]string{}
			step := max(n/10, 1)
			var before runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			fmt.Fprintf(a.stdout, "GOMAXPROCS %d, %s/%s; %d generated articles\n", runtime.GOMAXPROCS(0), runtime.GOOS, runtime.GOARCH, n)
			i := 0
			var spent time.Duration
			for d := range gen.Articles(seed, n, opt) {
				id := strconv.Itoa(i)
				doc := stories.Doc{ID: id, Title: d.Title, Text: d.Text}
				if t, err := time.Parse(time.DateOnly, d.Published); err == nil {
					doc.Published = t
				}
				if d.CopyOf >= 0 {
					doc.CopyGroup = strconv.Itoa(d.CopyOf)
				} else {
					doc.CopyGroup = id
				}
				start := time.Now()
				as := c.Add(doc)
				spent += time.Since(start)
				gold[id], pred[id] = strconv.Itoa(d.Event), strconv.Itoa(as.Story)
				i++
				if i%step == 0 || i == n {
					fmt.Fprintf(a.stdout, "  %7d articles  %7.1f µs/article in this tenth  %6d stories\n",
						i, float64(spent.Microseconds())/float64(step), len(c.Stories()))
					spent = 0
				}
			}
			var after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&after)
			fmt.Fprintf(a.stdout, "heap held by the clusterer: %s (%.0f bytes per article)\n",
				humanBytes(int64(after.HeapAlloc)-int64(before.HeapAlloc)), float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/float64(max(i, 1)))
			s := eval.BCubed(pred, gold)
			fmt.Fprintf(a.stdout, "B-cubed against the generator's events: %v\n", s)
			runtime.KeepAlive(c)
			return nil
		},
	}
	cmd.Flags().IntVar(&n, "n", 100000, "articles")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "generator seed")
	return cmd
}
