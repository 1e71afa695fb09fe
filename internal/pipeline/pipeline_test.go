package pipeline

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/sitrep/sitrep/internal/gen"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/sqlite"
)

func openStore(t testing.TB) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestIngestGeneratedCorpus(t *testing.T) {
	dir := t.TempDir()
	if err := gen.WriteCorpus(dir, 7, 60, gen.DefaultOptions); err != nil {
		t.Fatal(err)
	}
	// One bad file among the good ones must not stop the batch.
	if err := os.WriteFile(filepath.Join(dir, "bad.txt"), []byte{0, 1, 2, 0, 0, 9}, 0o644); err != nil {
		t.Fatal(err)
	}
	db := openStore(t)
	opt := DefaultOptions()
	opt.BatchSize = 16
	files := 0
	opt.OnFile = func(string) { files++ }
	sum, err := mustNew(t, db, opt).Ingest(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != 60 || sum.Stored != 60 || sum.Failed != 1 || sum.AlreadyPresent != 0 {
		t.Fatalf("summary %+v", sum)
	}
	if files != 61 || sum.Files != 61 {
		t.Errorf("progress saw %d files, summary %d; want 61", files, sum.Files)
	}
	if len(sum.Failures) != 1 || sum.Failures[0].Path != filepath.Join(dir, "bad.txt") {
		t.Errorf("failure not named: %+v", sum.Failures)
	}

	again, err := mustNew(t, db, opt).Ingest(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if again.Stored != 0 || again.AlreadyPresent != 60 {
		t.Errorf("re-ingest stored %d, already present %d", again.Stored, again.AlreadyPresent)
	}

	rs, err := mustNew(t, db, opt).Reprocess(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if rs.Articles != 60 || rs.Updated != 60 || rs.Failed != 0 {
		t.Errorf("reprocess %+v", rs)
	}
}

func TestIngestCancelled(t *testing.T) {
	dir := t.TempDir()
	if err := gen.WriteCorpus(dir, 3, 40, gen.Options{}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := mustNew(t, openStore(t), DefaultOptions()).Ingest(ctx, []string{dir})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("want context.Canceled, got %v", err)
	}
}

func BenchmarkIngestText(b *testing.B) { benchIngest(b, 0) }
func BenchmarkIngestHTML(b *testing.B) { benchIngest(b, 1) }

// benchIngest measures the whole path, reading, cleaning and storing, over
// 200 generated articles per iteration, each into a fresh store.
func benchIngest(b *testing.B, htmlShare float64) {
	dir := b.TempDir()
	opt := gen.DefaultOptions
	opt.HTMLShare = htmlShare
	const n = 200
	if err := gen.WriteCorpus(dir, 1, n, opt); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		db, err := sqlite.Open(filepath.Join(b.TempDir(), "b.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := mustNew(b, db, DefaultOptions()).Ingest(context.Background(), []string{dir}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
}

func mustNew(t testing.TB, st store.Store, opt Options) *Ingester {
	t.Helper()
	in, err := New(st, opt)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// TestLanguagesRemembered: an allow-list given to one ingest holds for the
// next ingest and for reprocessing, which are given none.
func TestLanguagesRemembered(t *testing.T) {
	db := openStore(t)
	opt := DefaultOptions()
	opt.Extract.Languages = []string{"de", "fr"}
	if _, err := mustNew(t, db, opt).Ingest(context.Background(), []string{t.TempDir()}); err != nil {
		t.Fatal(err)
	}
	in := mustNew(t, db, DefaultOptions())
	if _, err := in.Reprocess(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := in.opt.Extract.Languages; len(got) != 2 || got[0] != "de" || got[1] != "fr" {
		t.Errorf("reprocess detects with %v, want the stored [de fr]", got)
	}
}
