package pipeline

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/zeebo/xxh3"

	"github.com/sitrep/sitrep/internal/analyze"
	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/nlp/resolve"
	"github.com/sitrep/sitrep/internal/store"
)

// AnalysisSummary reports what the language stages did.
type AnalysisSummary struct {
	// Analysed counts articles analysed; Failed those whose analysis broke
	// (they are stored with an empty analysis and a log line, so a bad
	// text cannot stall every later ingest).
	Analysed int `json:"analysed"`
	Failed   int `json:"failed"`
	// Mentions counts the names found, Places the places put on the map.
	Mentions int `json:"mentions"`
	Places   int `json:"places"`
	// NewEntities counts entities created; Merged the article entities
	// that joined one already known (from another article).
	NewEntities int           `json:"new_entities"`
	Merged      int           `json:"merged"`
	Elapsed     time.Duration `json:"elapsed_ns"`
}

// analysisChunk bounds how many articles one analysis transaction covers.
const analysisChunk = 256

// maxContext caps the co-occurring names an article lends each entity.
const maxContext = 32

// CatchUpAnalyses analyses every article whose analysis is missing or was
// made by another version of the analyser, and resolves its entities
// against those of the articles before it.
func (in *Ingester) CatchUpAnalyses(ctx context.Context) (AnalysisSummary, error) {
	start := time.Now()
	var sum AnalysisSummary
	rules, err := in.st.AliasRules(ctx)
	if err != nil {
		return sum, fmt.Errorf("analysis: %w", err)
	}
	// The pending list is read once: chunks are analysed ahead while the
	// previous one is resolved and written, which is sequential, so both
	// cores stay busy; asking the store again would hand back the chunk in
	// flight.
	pending, err := in.st.PendingAnalyses(ctx, analyze.Version, 0)
	if err != nil {
		return sum, fmt.Errorf("analysis: %w", err)
	}
	type analysed struct {
		arts    []model.Article
		results []analyze.Result
		failed  []bool
		err     error
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	chunks := make(chan analysed, 1)
	go func() {
		defer close(chunks)
		for lo := 0; lo < len(pending); lo += analysisChunk {
			ids := pending[lo:min(lo+analysisChunk, len(pending))]
			arts, err := in.st.Articles(ctx, ids)
			c := analysed{arts: arts, err: err}
			if err == nil {
				c.results = make([]analyze.Result, len(arts))
				c.failed = make([]bool, len(arts))
				in.parallel(ctx, len(arts), func(k int) {
					c.results[k], c.failed[k] = analyseSafely(arts[k])
				})
				c.err = ctx.Err()
			}
			select {
			case chunks <- c:
			case <-ctx.Done():
				return
			}
			if c.err != nil {
				return
			}
		}
	}()
	for c := range chunks {
		if c.err != nil {
			return sum, fmt.Errorf("analysis: %w", c.err)
		}
		g := newGlobalResolver(in.st, rules)
		u, err := g.resolveChunk(ctx, c.arts, c.results)
		if err != nil {
			return sum, fmt.Errorf("analysis: %w", err)
		}
		if err := in.st.ApplyAnalyses(ctx, u); err != nil {
			return sum, fmt.Errorf("analysis: %w", err)
		}
		sum.Analysed += len(c.arts)
		for k, f := range c.failed {
			if f {
				sum.Failed++
			}
			sum.Mentions += len(c.results[k].Entities)
			sum.Places += len(c.results[k].Places)
		}
		sum.NewEntities += g.created
		sum.Merged += g.merged
	}
	if err := ctx.Err(); err != nil {
		return sum, err
	}
	sum.Elapsed = time.Since(start)
	return sum, nil
}

// RebuildAnalyses forgets every analysis and entity (the user's alias rules
// stay) and analyses everything again: after a change of the analyser, or
// of the alias rules. The stories, made from the analyses, are rebuilt
// too.
func (in *Ingester) RebuildAnalyses(ctx context.Context) (AnalysisSummary, error) {
	if err := in.st.ResetAnalyses(ctx); err != nil {
		return AnalysisSummary{}, fmt.Errorf("analysis: %w", err)
	}
	sum, err := in.CatchUpAnalyses(ctx)
	if err == nil {
		_, err = in.CatchUpStories(ctx)
	}
	return sum, err
}

// analyseSafely runs the analyser on one article. A panic in a stage is a
// bug, but one article must not take the whole store down with it: the
// article gets an empty analysis and the failure is logged.
func analyseSafely(a model.Article) (r analyze.Result, failed bool) {
	defer func() {
		if p := recover(); p != nil {
			slog.Error("analysis failed", "article", a.ID, "source", a.Source, "panic", p, "stack", string(debug.Stack()))
			r = analyze.Result{}
			r.Version = analyze.Version
			failed = true
		}
	}()
	return analyze.Text(a.Text, analyze.Options{Published: analyze.Published(a.Published), Language: a.Language,
		Outlets: []string{a.Outlet, a.CreditedSource}}), false
}

// globalResolver joins the entities of a chunk of articles to the store's:
// it looks candidates up by blocking key, asks resolve.Match, and keeps the
// entities it touched in memory until the chunk is written.
type globalResolver struct {
	st      store.Store
	rules   []store.AliasRule
	touched map[string]*store.EntityRecord
	read    map[string]*store.EntityRecord // read from the store this chunk, untouched
	order   []string                       // IDs of touched, first touch first
	keys    map[string][]string            // blocking key -> touched IDs
	created int
	merged  int
}

func newGlobalResolver(st store.Store, rules []store.AliasRule) *globalResolver {
	return &globalResolver{st: st, rules: rules, touched: map[string]*store.EntityRecord{},
		read: map[string]*store.EntityRecord{}, keys: map[string][]string{}}
}

func (g *globalResolver) resolveChunk(ctx context.Context, arts []model.Article, results []analyze.Result) (store.AnalysisUpdate, error) {
	u := store.AnalysisUpdate{Analyses: make(map[string]model.Analysis, len(arts))}
	type articleState struct {
		local   []resolve.Entity
		names   []string
		ids     map[string]string // local type+canonical -> shared ID
		retyped map[string]string
	}
	states := make([]articleState, len(arts))
	type job struct{ k, i int }
	var jobs []job
	for k := range arts {
		st := &states[k]
		st.local = g.separate(results[k].Local, results[k].Entities)
		st.ids, st.retyped = map[string]string{}, map[string]string{}
		for i, e := range st.local {
			st.names = append(st.names, resolve.NameKey(e.Canonical))
			jobs = append(jobs, job{k, i})
		}
	}
	// Full names first, over the whole chunk, so that a surname standing
	// alone in one article meets the full name another article of the
	// same chunk gives, whichever comes first by ID.
	single := func(j job) bool { return len(strings.Fields(states[j.k].local[j.i].Canonical)) == 1 }
	slices.SortStableFunc(jobs, func(a, b job) int {
		sa, sb := single(a), single(b)
		switch {
		case sa == sb:
			return 0
		case sb:
			return -1
		}
		return 1
	})
	for _, jb := range jobs {
		a, st, e := arts[jb.k], &states[jb.k], states[jb.k].local[jb.i]
		an := results[jb.k].Analysis
		ctxKeys := contextOf(st.names, jb.i)
		geo := geoKeys(an, e)
		reasons := reasonsOf(an, e)
		key := e.Type + "\x00" + e.Canonical
		t, why, err := g.retype(ctx, e, geo, ctxKeys)
		if err != nil {
			return u, fmt.Errorf("article %s: %w", a.ID, err)
		}
		if t != "" {
			st.retyped[key] = t
			for n := range reasons {
				reasons[n] += "; " + why
			}
			if len(reasons) == 0 {
				reasons[e.Canonical] = why
			}
			e.Type = t
		}
		id, _, err := g.assign(ctx, a.ID, e, reasons, geo, ctxKeys)
		if err != nil {
			return u, fmt.Errorf("article %s: %w", a.ID, err)
		}
		st.ids[key] = id
	}
	for k, a := range arts {
		an, st := results[k].Analysis, &states[k]
		kept := an.Entities[:0:0]
		for _, m := range an.Entities {
			key := m.Type + "\x00" + m.Canonical
			id, ok := st.ids[key]
			if !ok {
				continue // a mention whose entity resolve did not report: nothing to attach it to
			}
			if t, ok := st.retyped[key]; ok {
				m.Type = t
				if m.Reason == "" {
					m.Reason = "typed PER: the surname of a person named in other articles"
				}
			}
			// The entity's name as it stands after the whole chunk: a
			// later article may have given a fuller one.
			m.Entity, m.Canonical = id, g.touched[id].Canonical
			kept = append(kept, m)
		}
		an.Entities = kept
		u.Analyses[a.ID] = an
	}
	for _, id := range g.order {
		u.Entities = append(u.Entities, *g.touched[id])
	}
	return u, nil
}

// separate applies the user's "separate" rules inside an article: a name
// the article's resolver grouped under an entity the user keeps it out of
// becomes an entity of its own, and its mentions follow it.
func (g *globalResolver) separate(local []resolve.Entity, ms []model.EntityMention) []resolve.Entity {
	out := slices.Clone(local)
	var apart []resolve.Entity
	for i := range out {
		e := &out[i]
		rec := &store.EntityRecord{Canonical: e.Canonical, Type: e.Type}
		for _, a := range e.Aliases {
			rec.Aliases = append(rec.Aliases, model.EntityAlias{Name: a})
		}
		var keep []string
		for _, a := range e.Aliases {
			if !g.separated([]string{a}, rec) {
				keep = append(keep, a)
				continue
			}
			apart = append(apart, resolve.Entity{Canonical: a, Type: e.Type})
			for j := range ms {
				if ms[j].Type == e.Type && ms[j].Canonical == e.Canonical && ms[j].Text == a {
					ms[j].Canonical = a
					ms[j].Reason = "kept apart from " + e.Canonical + " by the user's rule"
				}
			}
		}
		e.Aliases = keep
	}
	return append(out, apart...)
}

// contextOf lists the other entities' name keys, capped.
func contextOf(names []string, self int) []string {
	var out []string
	for j, n := range names {
		if j != self && n != "" && n != names[self] {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	out = slices.Compact(out)
	if len(out) > maxContext {
		out = out[:maxContext]
	}
	return out
}

// reasonsOf maps each surface form of a local entity to why the article's
// resolver put it there.
func reasonsOf(an model.Analysis, e resolve.Entity) map[string]string {
	out := map[string]string{}
	for _, m := range an.Entities {
		if m.Type == e.Type && m.Canonical == e.Canonical && m.Reason != "" {
			if _, ok := out[m.Text]; !ok {
				out[m.Text] = m.Reason
			}
		}
	}
	return out
}

// geoKeys gives a place entity the gazetteer IDs its mentions were
// geocoded to: two spellings of one gazetteer place are one entity.
func geoKeys(an model.Analysis, e resolve.Entity) []string {
	if e.Type != "LOC" {
		return nil
	}
	var out []string
	for _, m := range an.Entities {
		if m.Type != e.Type || m.Canonical != e.Canonical {
			continue
		}
		for _, p := range an.Places {
			if p.Span == m.Span && p.GeonameID != 0 && !p.Metonymy && !p.Inferred {
				out = append(out, "geo:"+strconv.Itoa(p.GeonameID))
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func foldEq(a, b string) bool { return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b)) }

// userTarget returns the entity name a user rule sends one of the names to.
func (g *globalResolver) userTarget(typ string, names []string) (string, string) {
	for _, r := range g.rules {
		if r.Action != store.RuleAlias || (r.Type != "" && r.Type != typ) {
			continue
		}
		for _, n := range names {
			if foldEq(n, r.Name) {
				return r.Target, n
			}
		}
	}
	return "", ""
}

// separated reports whether a user rule keeps one of names out of rec.
func (g *globalResolver) separated(names []string, rec *store.EntityRecord) bool {
	for _, r := range g.rules {
		if r.Action != store.RuleSeparate || (r.Type != "" && r.Type != rec.Type) {
			continue
		}
		if !entityNamed(rec, r.Target) {
			continue
		}
		for _, n := range names {
			if foldEq(n, r.Name) {
				return true
			}
		}
	}
	return false
}

func entityNamed(rec *store.EntityRecord, name string) bool {
	if foldEq(rec.Canonical, name) {
		return true
	}
	for _, a := range rec.Aliases {
		if foldEq(a.Name, name) {
			return true
		}
	}
	return false
}

func profileOf(rec *store.EntityRecord) resolve.Profile {
	p := resolve.Profile{Canonical: rec.Canonical, Type: rec.Type, Context: rec.Context}
	for _, a := range rec.Aliases {
		p.Aliases = append(p.Aliases, a.Name)
	}
	return p
}

// candidates returns the entities sharing a key: the chunk's own versions
// of those it touched, the others read once per chunk and kept.
func (g *globalResolver) candidates(ctx context.Context, keys []string) ([]*store.EntityRecord, error) {
	stored, err := g.st.EntityIDs(ctx, keys)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []*store.EntityRecord
	var missing []string
	for _, id := range stored {
		seen[id] = true
		if rec, ok := g.touched[id]; ok {
			out = append(out, rec)
		} else if rec, ok := g.read[id]; ok {
			out = append(out, rec)
		} else {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		recs, err := g.st.EntityRecords(ctx, missing)
		if err != nil {
			return nil, err
		}
		for i := range recs {
			g.read[recs[i].ID] = &recs[i]
			out = append(out, &recs[i])
		}
	}
	for _, k := range keys {
		for _, id := range g.keys[k] {
			if !seen[id] {
				seen[id] = true
				out = append(out, g.touched[id])
			}
		}
	}
	slices.SortFunc(out, func(a, b *store.EntityRecord) int { return strings.Compare(a.ID, b.ID) })
	return out, nil
}

// touch makes rec part of the chunk's update and indexes its keys.
func (g *globalResolver) touch(rec *store.EntityRecord) {
	if _, ok := g.touched[rec.ID]; !ok {
		g.touched[rec.ID] = rec
		g.order = append(g.order, rec.ID)
	}
	for _, k := range rec.Keys {
		if !slices.Contains(g.keys[k], rec.ID) {
			g.keys[k] = append(g.keys[k], rec.ID)
		}
	}
}

// assign finds or creates the shared entity of one article entity and
// returns its ID and canonical name.
func (g *globalResolver) assign(ctx context.Context, article string, e resolve.Entity, reasons map[string]string, geo, ctxKeys []string) (string, string, error) {
	names := append([]string{e.Canonical}, e.Aliases...)
	p := resolve.Profile{Canonical: e.Canonical, Type: e.Type, Aliases: e.Aliases, Context: ctxKeys}
	keys := append(resolve.Keys(p), geo...)

	var best *store.EntityRecord
	var why string
	byUser := false
	if target, name := g.userTarget(e.Type, names); target != "" {
		tp := resolve.Profile{Canonical: target, Type: e.Type}
		cands, err := g.candidates(ctx, resolve.Keys(tp))
		if err != nil {
			return "", "", err
		}
		for _, c := range cands {
			if c.Type == e.Type && entityNamed(c, target) {
				best = c
				break
			}
		}
		why = fmt.Sprintf("set by user: %s is %s", name, target)
		byUser = true
		if best == nil {
			best = g.newEntity(ctx, target, e.Type, article)
			best.Keys = resolve.Keys(tp)
		}
	} else {
		cands, err := g.candidates(ctx, keys)
		if err != nil {
			return "", "", err
		}
		bestScore := 0.0
		for _, c := range cands {
			if g.separated(names, c) {
				continue
			}
			var d resolve.Decision
			if sharesAny(c.Keys, geo) {
				d = resolve.Decision{Same: true, Score: 1, Reason: "same place in the gazetteer"}
			} else {
				d = resolve.Match(p, profileOf(c))
			}
			if d.Same && d.Score > bestScore {
				best, bestScore, why = c, d.Score, d.Reason
			}
		}
	}
	if best == nil {
		rec := g.newEntity(ctx, e.Canonical, e.Type, article)
		rec.Keys = keys
		rec.Context = ctxKeys
		for _, n := range e.Aliases {
			rec.Aliases = append(rec.Aliases, model.EntityAlias{Name: n, Reason: orDefault(reasons[n], "another name of "+e.Canonical+" in the same article"), Article: article})
		}
		g.touch(rec)
		g.created++
		return rec.ID, rec.Canonical, nil
	}
	g.merged++
	rec := best
	// The user's target keeps its name: they chose it.
	if !byUser && better(e.Canonical, rec.Canonical, e.Type) {
		rec.Aliases = addAlias(rec.Aliases, model.EntityAlias{Name: rec.Canonical, Reason: "earlier name; " + e.Canonical + " is fuller", Article: article})
		rec.Canonical = e.Canonical
	}
	for _, n := range names {
		if n == rec.Canonical {
			continue
		}
		reason := "matched across articles: " + why
		if n != e.Canonical {
			reason = orDefault(reasons[n], "another name of "+e.Canonical+" in the same article") + "; " + e.Canonical + " " + why
		}
		rec.Aliases = addAlias(rec.Aliases, model.EntityAlias{Name: n, Reason: reason, Article: article})
	}
	rec.Keys = union(rec.Keys, keys)
	rec.Context = union(rec.Context, ctxKeys)
	if len(rec.Context) > maxContext*2 {
		rec.Context = rec.Context[:maxContext*2]
	}
	g.touch(rec)
	return rec.ID, rec.Canonical, nil
}

// retype catches the tagger's commonest cross-article slip: a surname
// standing alone, tagged as a place or organisation, in an article that
// never gives the full name ("Putin" as LOC), while other articles name
// the person in full and use the surname alone too. It returns "PER" and a
// reason when the name, not put on the map, is the bare surname of a known
// person that resolve.Match accepts on shared context; "" otherwise.
func (g *globalResolver) retype(ctx context.Context, e resolve.Entity, geo, ctxKeys []string) (string, string, error) {
	if e.Type == "PER" || len(geo) > 0 || len(strings.Fields(e.Canonical)) != 1 || isAcronym(e.Canonical) {
		return "", "", nil
	}
	p := resolve.Profile{Canonical: e.Canonical, Type: "PER", Aliases: e.Aliases, Context: ctxKeys}
	cands, err := g.candidates(ctx, resolve.Keys(p))
	if err != nil {
		return "", "", err
	}
	for _, c := range cands {
		if c.Type != "PER" || foldEq(c.Canonical, e.Canonical) || !entityNamed(c, e.Canonical) {
			continue
		}
		if d := resolve.Match(p, profileOf(c)); d.Same {
			return "PER", fmt.Sprintf("tagged %s here, but %s is the surname of %s elsewhere (%s)", e.Type, e.Canonical, c.Canonical, d.Reason), nil
		}
	}
	return "", "", nil
}

// newEntity makes an entity whose ID derives from its type and name key, so
// a rebuild over the same articles gives the same IDs; a clash with a
// different entity of the same key takes the article into the hash.
func (g *globalResolver) newEntity(ctx context.Context, name, typ, article string) *store.EntityRecord {
	seed := typ + "\x00" + resolve.NameKey(name)
	id := entityID(seed)
	if g.exists(ctx, id) {
		id = entityID(seed + "\x00" + article)
	}
	return &store.EntityRecord{ID: id, Canonical: name, Type: typ}
}

func (g *globalResolver) exists(ctx context.Context, id string) bool {
	if _, ok := g.touched[id]; ok {
		return true
	}
	if _, ok := g.read[id]; ok {
		return true
	}
	_, err := g.st.EntityRecords(ctx, []string{id})
	return err == nil
}

func entityID(seed string) string {
	return "E" + strconv.FormatUint(xxh3.HashString(seed), 16)
}

// better says whether name is a fuller canonical form than cur: more words,
// and a written-out name over an acronym.
func better(name, cur, typ string) bool {
	nw, cw := len(strings.Fields(name)), len(strings.Fields(cur))
	if isAcronym(cur) && !isAcronym(name) {
		return true
	}
	if isAcronym(name) {
		return false
	}
	if typ == "LOC" {
		return false // a place keeps the name it was first met by
	}
	return nw > cw
}

func isAcronym(s string) bool {
	if len(s) < 2 || len(s) > 8 || strings.ContainsRune(s, ' ') {
		return false
	}
	return strings.ToUpper(s) == s
}

func addAlias(list []model.EntityAlias, a model.EntityAlias) []model.EntityAlias {
	for _, x := range list {
		if x.Name == a.Name {
			return list
		}
	}
	return append(list, a)
}

func union(a, b []string) []string {
	out := append(slices.Clone(a), b...)
	slices.Sort(out)
	return slices.Compact(out)
}

func sharesAny(a, b []string) bool {
	for _, x := range b {
		if slices.Contains(a, x) {
			return true
		}
	}
	return false
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
