package pipeline

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"sort"
	"time"

	"github.com/sitrep/sitrep/internal/dedup"
	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/store"
)

// CopySummary reports what linking copies did.
type CopySummary struct {
	// Indexed counts articles given near-duplicate keys outside an ingest
	// batch (older stores, after a reset); Linked those compared with their
	// candidates.
	Indexed, Linked int
	// Compared counts candidate pairs checked on their texts, Screened
	// those passed over on their sketches alone, Links the copies found.
	Compared, Screened, Links int
	// Groups counts groups written (new or changed).
	Groups int
	// Rebuilt is set when the store's index was built with other dedup
	// options and was rebuilt with the current ones.
	Rebuilt bool
	Elapsed time.Duration
}

func (s *CopySummary) add(o CopySummary) {
	s.Indexed += o.Indexed
	s.Linked += o.Linked
	s.Compared += o.Compared
	s.Screened += o.Screened
	s.Links += o.Links
	s.Groups += o.Groups
	s.Rebuilt = s.Rebuilt || o.Rebuilt
}

// settingDedup names the store setting that records the options the copy
// index and links were made with.
const settingDedup = "dedup.options"

// optionsKey describes everything that shapes keys and verdicts; "v1"
// changes if the fingerprint itself ever does.
func optionsKey(o dedup.Options) string {
	return fmt.Sprintf("v1 shingle=%d hashes=%d bands=%d jaccard=%g containment=%g min-shingles=%d",
		o.Shingle, o.Hashes, o.Bands, o.MinJaccard, o.MinContainment, o.MinShingles)
}

// checkOptions resets the copy relations when they were made with other
// options, so that the store never mixes two sets of rules.
func (in *Ingester) checkOptions(ctx context.Context) (rebuilt bool, err error) {
	want := optionsKey(in.opt.Dedup)
	got, ok, err := in.st.Setting(ctx, settingDedup)
	if err != nil {
		return false, err
	}
	if got == want {
		return false, nil
	}
	if ok {
		if err := in.st.ResetCopies(ctx); err != nil {
			return false, err
		}
		rebuilt = true
	}
	return rebuilt, in.st.PutSetting(ctx, settingDedup, want)
}

// copyChunk bounds how many articles one linking transaction covers, so a
// catch-up over a large store holds little memory and commits often.
const copyChunk = 512

// fingerprint is an article's fingerprint, computed once per run.
type fingerprinted struct {
	art model.Article
	fp  dedup.Fingerprint
}

// CatchUpCopies indexes and links every article the dedup stage has not
// finished with: articles from a store older than the stage, after
// ResetCopies, or left pending by a run that was killed between storing a
// batch and linking it.
func (in *Ingester) CatchUpCopies(ctx context.Context) (CopySummary, error) {
	start := time.Now()
	var sum CopySummary
	rebuilt, err := in.checkOptions(ctx)
	if err != nil {
		return sum, fmt.Errorf("copies: %w", err)
	}
	sum.Rebuilt = rebuilt
	for {
		fps, err := in.pending(ctx, store.CopyUnindexed)
		if err != nil {
			return sum, err
		}
		if len(fps) == 0 {
			break
		}
		index := make(map[string]store.CopyIndex, len(fps))
		for _, f := range fps {
			index[f.art.ID] = store.CopyIndex{Keys: f.fp.Keys, Sketch: sketchBytes(f.fp)}
		}
		if err := in.st.PutCopyKeys(ctx, index); err != nil {
			return sum, fmt.Errorf("copies: %w", err)
		}
		sum.Indexed += len(fps)
	}
	for {
		fps, err := in.pending(ctx, store.CopyPending)
		if err != nil {
			return sum, err
		}
		if len(fps) == 0 {
			break
		}
		s, err := in.linkCopies(ctx, fps)
		sum.add(s)
		if err != nil {
			return sum, err
		}
	}
	sum.Elapsed = time.Since(start)
	return sum, nil
}

// pending reads and fingerprints the next chunk of articles in a state.
func (in *Ingester) pending(ctx context.Context, state store.CopyState) ([]fingerprinted, error) {
	ids, err := in.st.PendingCopies(ctx, state, copyChunk)
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	arts, err := in.st.Articles(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("copies: %w", err)
	}
	return in.fingerprintAll(ctx, arts), nil
}

// RebuildCopies forgets every copy relation and finds them all again, for
// after a change of the dedup options or of the cleaned texts.
func (in *Ingester) RebuildCopies(ctx context.Context) (CopySummary, error) {
	if err := in.st.ResetCopies(ctx); err != nil {
		return CopySummary{}, fmt.Errorf("copies: %w", err)
	}
	return in.CatchUpCopies(ctx)
}

// fingerprintAll fingerprints stored articles. One that makes the
// fingerprint fail gets an empty one, which matches nothing, so it is
// marked done without copies rather than stopping the run.
func (in *Ingester) fingerprintAll(ctx context.Context, arts []model.Article) []fingerprinted {
	out := make([]fingerprinted, len(arts))
	in.parallel(ctx, len(arts), func(i int) {
		fp, err := in.fingerprint(arts[i].Text)
		if err != nil {
			slog.Warn("dedup: article left without copies", "id", arts[i].ID, "err", err)
		}
		out[i] = fingerprinted{art: arts[i], fp: fp}
	})
	return out
}

// linkCopies compares each article with the stored articles sharing one of
// its keys, writes the verified links, and re-resolves every group they
// touch: which member is the original, each copy's evidence, and the
// metadata members lend each other. The articles must be indexed already.
func (in *Ingester) linkCopies(ctx context.Context, batch []fingerprinted) (CopySummary, error) {
	var sum CopySummary
	known := make(map[string]*fingerprinted, len(batch))
	ids := make([]string, len(batch))
	for i := range batch {
		known[batch[i].art.ID] = &batch[i]
		ids[i] = batch[i].art.ID
	}
	sort.Strings(ids)

	// A candidate already in a group stands for the whole group: once the
	// article is linked to one member, the others need no comparison. So a
	// wire story carried by a thousand sites costs each new copy one or two
	// comparisons, not a thousand, and the stored links stay about one per
	// member. Group membership is the same as comparing every pair would
	// give; only which pairs are recorded as links depends on order.
	var joined dedup.Sets
	node := func(c store.CopyCandidate) string {
		if c.Group != "" {
			return "group " + c.Group
		}
		return c.ID
	}
	var links []model.CopyLink
	for _, id := range ids {
		cands, err := in.st.CopyCandidates(ctx, known[id].fp.Keys)
		if err != nil {
			return sum, fmt.Errorf("copies: %w", err)
		}
		for _, c := range cands {
			// A pair inside the batch is compared once, from its smaller ID.
			if c.ID == id {
				continue
			}
			if _, inBatch := slices.BinarySearch(ids, c.ID); inBatch && c.ID < id {
				continue
			}
			if joined.Find(node(c)) == joined.Find(id) {
				continue
			}
			if _, ok := known[c.ID]; !ok && !in.plausible(known[id].fp, c.Sketch) {
				sum.Screened++
				continue
			}
			if _, ok := known[c.ID]; !ok {
				if err := in.loadFingerprints(ctx, []string{c.ID}, known); err != nil {
					return sum, err
				}
			}
			sum.Compared++
			m := in.hasher.Compare(known[id].fp, known[c.ID].fp)
			if !m.Copy {
				continue
			}
			joined.Union(id, node(c))
			a, b := min(id, c.ID), max(id, c.ID)
			links = append(links, model.CopyLink{A: a, B: b, Exact: m.Exact, Jaccard: round(m.Jaccard), Containment: round(m.Containment)})
		}
	}
	sum.Links = len(links)
	sum.Linked = len(ids)
	u := store.CopyUpdate{Links: links, Linked: ids}
	if len(links) > 0 {
		groups, err := in.regroup(ctx, links, known)
		if err != nil {
			return sum, err
		}
		u.Groups, u.Evidence, u.Articles = groups.groups, groups.evidence, groups.changed
		sum.Groups = len(u.Groups)
	}
	if err := in.st.ApplyCopies(ctx, u); err != nil {
		return sum, fmt.Errorf("copies: %w", err)
	}
	return sum, nil
}

// sketchBytes encodes a fingerprint's sketch for the store.
func sketchBytes(fp dedup.Fingerprint) []byte {
	b, _ := fp.Sketch.MarshalBinary() // cannot fail
	return b
}

// plausible screens a stored candidate by its sketch, so that its text is
// read only when it could be a copy. A missing or unreadable sketch says
// nothing, and the text is read.
func (in *Ingester) plausible(fp dedup.Fingerprint, stored []byte) bool {
	var sk dedup.Sketch
	if len(stored) == 0 || sk.UnmarshalBinary(stored) != nil {
		return true
	}
	return in.hasher.Plausible(fp.Sketch, sk)
}

// round keeps similarity figures to three decimals: more is noise to a
// reader, and stable figures keep exports comparable between runs.
func round(x float64) float64 {
	return float64(int(x*1000+0.5)) / 1000
}

func (in *Ingester) loadFingerprints(ctx context.Context, ids []string, known map[string]*fingerprinted) error {
	for len(ids) > 0 {
		n := min(len(ids), copyChunk)
		arts, err := in.st.Articles(ctx, ids[:n])
		if err != nil {
			return fmt.Errorf("copies: %w", err)
		}
		for _, f := range in.fingerprintAll(ctx, arts) {
			known[f.art.ID] = &f
		}
		ids = ids[n:]
	}
	return nil
}

type regrouped struct {
	groups   []model.CopyGroup
	evidence map[string]model.CopyEvidence
	changed  []model.Article
}

// regroup merges the new links with the stored groups they touch and
// resolves each resulting group from scratch, so the outcome depends on
// the membership alone, not on the order articles arrived in.
func (in *Ingester) regroup(ctx context.Context, links []model.CopyLink, known map[string]*fingerprinted) (regrouped, error) {
	out := regrouped{evidence: map[string]model.CopyEvidence{}}
	var touched []string
	for _, l := range links {
		touched = append(touched, l.A, l.B)
	}
	old, err := in.st.CopyGroupsOf(ctx, touched)
	if err != nil {
		return out, fmt.Errorf("copies: %w", err)
	}

	// The stored groups stay whole; the new links join them.
	var sets dedup.Sets
	allLinks := slices.Clone(links)
	for _, g := range old {
		for _, m := range g.Members {
			sets.Union(g.Members[0], m)
		}
		allLinks = append(allLinks, g.Links...)
	}
	for _, l := range allLinks {
		sets.Union(l.A, l.B)
	}
	names := sets.Labels()
	components := map[string][]string{}
	for _, id := range names {
		r := sets.Find(id)
		components[r] = append(components[r], id)
	}

	var missing []string
	for _, id := range names {
		if _, ok := known[id]; !ok {
			missing = append(missing, id)
		}
	}
	if err := in.loadFingerprints(ctx, missing, known); err != nil {
		return out, err
	}

	roots := make([]string, 0, len(components))
	for r := range components {
		roots = append(roots, r)
	}
	sort.Strings(roots)
	for _, r := range roots {
		members := components[r]
		sort.Strings(members)
		var groupLinks []model.CopyLink
		seen := map[[2]string]bool{}
		for _, l := range allLinks {
			if _, ok := slices.BinarySearch(members, l.A); ok && !seen[[2]string{l.A, l.B}] {
				seen[[2]string{l.A, l.B}] = true
				groupLinks = append(groupLinks, l)
			}
		}
		ms := make([]dedup.Member, len(members))
		own := make([]model.Article, len(members))
		for i, id := range members {
			own[i] = withoutInherited(known[id].art)
			a := own[i]
			ms[i] = dedup.Member{ID: a.ID, Outlet: a.Outlet, CreditedSource: a.CreditedSource,
				Published: a.Published, Title: a.Title, URL: a.URL, Text: a.Text}
		}
		res := in.hasher.Resolve(ms, groupLinks)
		out.groups = append(out.groups, res.Group)
		for id, ev := range res.Evidence {
			ev.Jaccard, ev.Containment = round(ev.Jaccard), round(ev.Containment)
			out.evidence[id] = ev
		}
		byID := map[string]int{}
		for i, a := range own {
			byID[a.ID] = i
		}
		for _, inh := range res.Inherit {
			i, ok := byID[inh.ID]
			if !ok {
				continue
			}
			from := known[inh.From].art
			evidence := "printed in " + from.ID
			if from.Outlet != "" {
				evidence = "printed by " + from.Outlet + " in " + from.ID
			}
			own[i].SetField(inh.Field, inh.Value, model.Provenance{From: model.FromCopy, Evidence: evidence, InferredFrom: inh.From})
		}
		for _, a := range own {
			if inheritedChanged(known[a.ID].art, a) {
				out.changed = append(out.changed, a)
				known[a.ID].art = a
			}
		}
	}
	return out, nil
}

// inheritableFields are the fields a group's members lend each other.
var inheritableFields = []string{model.FieldPublished, model.FieldTitle}

// withoutInherited returns the article with the values lent by copies taken
// out, so that a group is resolved from what its members print themselves.
// The provenance map is always a copy, so the caller may change it.
func withoutInherited(a model.Article) model.Article {
	prov := make(map[string]model.Provenance, len(a.Provenance))
	for k, v := range a.Provenance {
		prov[k] = v
	}
	for _, f := range inheritableFields {
		if prov[f].From != model.FromCopy {
			continue
		}
		delete(prov, f)
		switch f {
		case model.FieldPublished:
			a.Published = ""
		case model.FieldTitle:
			a.Title = ""
		}
	}
	a.Provenance = prov
	if len(prov) == 0 {
		a.Provenance = nil
	}
	return a
}

func inheritedChanged(before, after model.Article) bool {
	for _, f := range inheritableFields {
		if before.Field(f) != after.Field(f) || before.Provenance[f] != after.Provenance[f] {
			return true
		}
	}
	return false
}
