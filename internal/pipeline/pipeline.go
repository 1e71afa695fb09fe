// Package pipeline wires the stages together: it reads inputs through the
// source stage, cleans them concurrently, and writes each batch to the store
// in one transaction. It owns counting, failures and progress so that the
// stages stay plain functions.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/sitrep/sitrep/internal/dedup"
	"github.com/sitrep/sitrep/internal/extract"
	"github.com/sitrep/sitrep/internal/extract/plaintext"
	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/source"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/stories"
)

// Options configure an ingest run.
type Options struct {
	Workers   int   // concurrent cleaners; 0 means GOMAXPROCS
	BatchSize int   // documents per transaction
	BatchMem  int64 // raw bytes per transaction, so huge inputs do not pile up
	Source    source.Options
	Extract   extract.Options
	Dedup     dedup.Options
	// MaxFailures bounds how many failures are kept with their reasons; all
	// are counted regardless.
	MaxFailures int
	// Analyze runs the language stages (names, places, dates, entities)
	// over new articles after they are stored, then the stories stage.
	Analyze bool
	// Stories are the clustering options; zero means
	// stories.DefaultOptions.
	Stories stories.Options
	// OnFile is called after each input file has been fully read; it drives
	// progress bars. It may be nil.
	OnFile func(path string)
}

// DefaultOptions are sensible for a laptop-sized machine.
func DefaultOptions() Options {
	return Options{
		BatchSize:   256,
		BatchMem:    64 << 20,
		Source:      source.DefaultOptions(),
		Extract:     extract.DefaultOptions(),
		Dedup:       dedup.DefaultOptions(),
		MaxFailures: 1000,
		Analyze:     true,
		Stories:     stories.DefaultOptions(),
	}
}

// Summary reports what an ingest did.
type Summary struct {
	Files          int             `json:"files"`
	Read           int             `json:"read"`
	Stored         int             `json:"stored"`
	AlreadyPresent int             `json:"already_present"`
	Failed         int             `json:"failed"`
	Failures       []model.Failure `json:"-"`
	// Warned counts stored articles that needed repair on the way in (text
	// that was not UTF-8, an unreadable date); Warnings keeps the first ones.
	Warned   int             `json:"warned"`
	Warnings []model.Failure `json:"-"`
	Bytes    int64           `json:"bytes"`
	// Copies is what the dedup stage did, catching up included.
	Copies CopySummary `json:"copies"`
	// Analysis is what the language stages did, catching up included.
	Analysis AnalysisSummary `json:"analysis"`
	// Stories is what the stories stage did.
	Stories StorySummary  `json:"stories"`
	Elapsed time.Duration `json:"elapsed_ns"`
}

// Ingester runs ingests against one store.
type Ingester struct {
	st     store.Store
	opt    Options
	ex     *extract.Extractor
	hasher *dedup.Hasher
	stats  *plaintext.Stats
}

// New returns an Ingester writing to st. It fails only on invalid dedup
// options.
func New(st store.Store, opt Options) (*Ingester, error) {
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	def := DefaultOptions()
	if opt.BatchSize <= 0 {
		opt.BatchSize = def.BatchSize
	}
	if opt.BatchMem <= 0 {
		opt.BatchMem = def.BatchMem
	}
	if opt.MaxFailures <= 0 {
		opt.MaxFailures = def.MaxFailures
	}
	if opt.Stories == (stories.Options{}) {
		opt.Stories = def.Stories
	}
	if opt.Dedup == (dedup.Options{}) {
		opt.Dedup = def.Dedup
	}
	h, err := dedup.New(opt.Dedup)
	if err != nil {
		return nil, fmt.Errorf("dedup options: %w", err)
	}
	return &Ingester{st: st, opt: opt, ex: extract.New(opt.Extract), hasher: h, stats: plaintext.NewStats()}, nil
}

// Ingest reads every path and stores the articles found. It returns an error
// only when the run itself cannot go on (cancellation, the store failing);
// bad inputs are counted in the summary.
func (in *Ingester) Ingest(ctx context.Context, paths []string) (Summary, error) {
	start := time.Now()
	var sum Summary
	if err := in.settleLanguages(ctx); err != nil {
		return sum, fmt.Errorf("ingest: %w", err)
	}
	// Articles a killed run stored but never linked are linked first, so
	// the store is whole again before anything new arrives.
	caught, err := in.CatchUpCopies(ctx)
	sum.Copies.add(caught)
	if err != nil {
		return sum, fmt.Errorf("ingest: %w", err)
	}
	var batch []model.RawDoc
	var batchBytes int64
	lastPath := ""

	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		err := in.processBatch(ctx, batch, &sum)
		batch, batchBytes = batch[:0], 0
		return err
	}
	fileDone := func(path string) {
		sum.Files++
		if in.opt.OnFile != nil {
			in.opt.OnFile(path)
		}
	}

	err = source.Walk(ctx, paths, in.opt.Source, func(it source.Item) error {
		path := ""
		switch {
		case it.Doc != nil:
			path = it.Doc.Path
		case it.Failure != nil:
			path = it.Failure.Path
			if path == "" {
				path = it.Failure.Source
			}
		}
		if path != lastPath {
			if lastPath != "" {
				fileDone(lastPath)
			}
			lastPath = path
		}
		if it.Failure != nil {
			in.fail(&sum, *it.Failure)
			return nil
		}
		sum.Read++
		sum.Bytes += int64(len(it.Doc.Body))
		batch = append(batch, *it.Doc)
		batchBytes += int64(len(it.Doc.Raw))
		if len(batch) >= in.opt.BatchSize || batchBytes >= in.opt.BatchMem {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if lastPath != "" {
		fileDone(lastPath)
	}
	if err == nil && in.opt.Analyze {
		// After every batch, not inside each: a name is resolved against
		// all the articles stored before it, and a run killed here leaves
		// articles the next run analyses first.
		sum.Analysis, err = in.CatchUpAnalyses(ctx)
		if err == nil {
			sum.Stories, err = in.CatchUpStories(ctx)
		}
	}
	sum.Elapsed = time.Since(start)
	return sum, err
}

func (in *Ingester) fail(sum *Summary, f model.Failure) {
	sum.Failed++
	sum.Failures = in.keep(sum.Failures, f)
}

// keep appends f to list while the list is under the bound of kept reasons.
func (in *Ingester) keep(list []model.Failure, f model.Failure) []model.Failure {
	if len(list) < in.opt.MaxFailures {
		list = append(list, f)
	}
	return list
}

// processBatch cleans the documents that are not stored yet and writes them
// in one transaction.
func (in *Ingester) processBatch(ctx context.Context, docs []model.RawDoc, sum *Summary) error {
	hashes := make([]string, len(docs))
	for i := range docs {
		hashes[i] = extract.ContentHash(docs[i])
	}
	known, err := in.st.Has(ctx, hashes)
	if err != nil {
		return fmt.Errorf("ingest: look up known inputs: %w", err)
	}
	var todo []int
	seen := map[string]bool{}
	for i, h := range hashes {
		if known[h] || seen[h] {
			sum.AlreadyPresent++
			continue
		}
		seen[h] = true
		todo = append(todo, i)
	}
	// Line counts must cover the whole batch before any document is cleaned,
	// so that a menu repeated across the batch is seen as such by all of it.
	// Known documents are counted too: a run resumed after a crash then sees
	// the same counts at every batch as an uninterrupted run, and so stores
	// the same text.
	for i := range docs {
		extract.CountLines(in.stats, docs[i])
	}

	arts := make([]model.Article, len(todo))
	fps := make([]dedup.Fingerprint, len(todo))
	errs := make([]error, len(todo))
	in.parallel(ctx, len(todo), func(k int) {
		arts[k], errs[k] = in.clean(docs[todo[k]])
		if errs[k] == nil {
			fps[k], errs[k] = in.fingerprint(arts[k].Text)
		}
	})
	if err := ctx.Err(); err != nil {
		return err
	}
	recs := make([]store.Record, 0, len(todo))
	byID := map[string]fingerprinted{}
	for k, i := range todo {
		if errs[k] != nil {
			in.fail(sum, model.Failure{Source: docs[i].Source, Err: errs[k]})
			continue
		}
		if len(arts[k].Warnings) > 0 {
			sum.Warned++
			sum.Warnings = in.keep(sum.Warnings, model.Failure{Source: docs[i].Source, Err: errors.New(strings.Join(arts[k].Warnings, "; "))})
		}
		recs = append(recs, store.Record{Article: arts[k], Raw: docs[i].Raw, RawRecord: docs[i].RawRecord,
			CopyKeys: fps[k].Keys, CopySketch: sketchBytes(fps[k])})
		byID[arts[k].ID] = fingerprinted{art: arts[k], fp: fps[k]}
	}
	if len(recs) == 0 {
		return nil
	}
	now := time.Now().UTC()
	for i := range recs {
		recs[i].Article.IngestedAt = now
	}
	res, err := in.st.PutBatch(ctx, recs)
	if err != nil {
		return fmt.Errorf("ingest: store batch: %w", err)
	}
	sum.Stored += res.Stored
	sum.AlreadyPresent += res.AlreadyPresent

	// The batch is stored and indexed; linking it is a second transaction.
	// Should the run die in between, the articles stay pending and the next
	// run links them first (CatchUpCopies).
	linked := make([]fingerprinted, 0, len(res.StoredIDs))
	for _, id := range res.StoredIDs {
		f := byID[id]
		f.art.IngestedAt = now
		linked = append(linked, f)
	}
	cs, err := in.linkCopies(ctx, linked)
	sum.Copies.add(cs)
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	return nil
}

// clean runs the extractor, turning a panic in a cleaner into an error on
// that one document: hostile input must not take the batch down.
func (in *Ingester) clean(doc model.RawDoc) (a model.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("extract: internal error: %v", r)
		}
	}()
	return in.ex.Article(doc, in.stats)
}

// settingLanguages names the store setting holding the language allow-list
// an ingest was given, so that later runs and reprocessing detect
// languages the same way.
const settingLanguages = "extract.languages"

// settleLanguages stores an allow-list given in the options, or adopts the
// one the store holds when none was given.
func (in *Ingester) settleLanguages(ctx context.Context) error {
	if len(in.opt.Extract.Languages) > 0 {
		return in.st.PutSetting(ctx, settingLanguages, strings.Join(in.opt.Extract.Languages, ","))
	}
	v, ok, err := in.st.Setting(ctx, settingLanguages)
	if err != nil || !ok || v == "" {
		return err
	}
	in.opt.Extract.Languages = strings.Split(v, ",")
	in.ex = extract.New(in.opt.Extract)
	return nil
}

// fingerprint runs the dedup stage's fingerprint, turning a panic into an
// error on that one document, as clean does.
func (in *Ingester) fingerprint(text string) (fp dedup.Fingerprint, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("dedup: internal error: %v", r)
		}
	}()
	return in.hasher.Fingerprint(text), nil
}

// parallel calls fn(0..n-1) on the configured number of workers.
func (in *Ingester) parallel(ctx context.Context, n int, fn func(int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < in.opt.Workers && w < n; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range next {
				fn(k)
			}
		}()
	}
	for k := 0; k < n; k++ {
		if ctx.Err() != nil {
			break
		}
		next <- k
	}
	close(next)
	wg.Wait()
}

// ReprocessSummary reports what a reprocess run did.
type ReprocessSummary struct {
	Articles, Updated, Failed int
	Failures                  []model.Failure
	// Copies is the rebuild of copy groups over the new texts.
	Copies CopySummary
	// Analysis is the analysis of the new texts, entities rebuilt.
	Analysis AnalysisSummary
	Elapsed  time.Duration
}

// Reprocess re-runs cleaning over the raw inputs kept in the store, after an
// upgrade or to let corpus-wide line counts improve older articles. It makes
// two passes: the first counts lines over every stored text document, the
// second cleans with those counts.
func (in *Ingester) Reprocess(ctx context.Context) (ReprocessSummary, error) {
	start := time.Now()
	var sum ReprocessSummary
	if err := in.settleLanguages(ctx); err != nil {
		return sum, fmt.Errorf("reprocess: %w", err)
	}
	stats := plaintext.NewStats()
	err := in.st.EachRaw(ctx, func(r store.RawInput) error {
		doc, err := source.Decode(r.Container, r.Raw, r.RawRecord, r.Source, r.Path, r.Record)
		if err == nil {
			extract.CountLines(stats, doc)
		}
		return nil
	})
	if err != nil {
		return sum, fmt.Errorf("reprocess: count lines: %w", err)
	}
	in.stats = stats

	var pending []model.Article
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		if err := in.st.Update(ctx, pending); err != nil {
			return fmt.Errorf("reprocess: update: %w", err)
		}
		sum.Updated += len(pending)
		pending = pending[:0]
		return nil
	}
	err = in.st.EachRaw(ctx, func(r store.RawInput) error {
		sum.Articles++
		doc, err := source.Decode(r.Container, r.Raw, r.RawRecord, r.Source, r.Path, r.Record)
		if err == nil {
			var a model.Article
			a, err = in.clean(doc)
			if err == nil {
				if a.ID != r.ArticleID {
					err = fmt.Errorf("raw input no longer maps to article %s (got %s)", r.ArticleID, a.ID)
				} else {
					pending = append(pending, a)
				}
			}
		}
		if err != nil {
			sum.Failed++
			sum.Failures = in.keep(sum.Failures, model.Failure{Source: r.Source, Err: err})
		}
		if len(pending) >= in.opt.BatchSize {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err == nil {
		// Texts may have changed, and with them every copy relation.
		sum.Copies, err = in.RebuildCopies(ctx)
	}
	if err == nil && in.opt.Analyze {
		sum.Analysis, err = in.RebuildAnalyses(ctx)
	}
	sum.Elapsed = time.Since(start)
	return sum, err
}
