package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/storetest"
)

func openTemp(t *testing.T) *DB {
	t.Helper()
	db, err := Open(filepath.Join(t.TempDir(), "sitrep.db"))
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestSuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return openTemp(t) })
}

func rec(n int, title, text string) store.Record {
	raw := []byte(fmt.Sprintf("%d\t%s\t%s", n, title, text))
	return storetest.Record(raw, 0, model.Article{
		Source: fmt.Sprintf("in.tsv#%d", n), Path: "in.tsv", Record: n,
		Container: model.FormatText, Format: model.FormatText, Title: title, Text: text,
	})
}

// rawSQL opens the file without the store, as another tool would.
func rawSQL(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func pragma(t *testing.T, db *sql.DB, name string) string {
	t.Helper()
	var v string
	if err := db.QueryRow("PRAGMA " + name).Scan(&v); err != nil {
		t.Fatalf("PRAGMA %s: %v", name, err)
	}
	return v
}

func TestPragmas(t *testing.T) {
	db := openTemp(t)
	defer db.Close()
	for name, want := range map[string]string{
		"journal_mode": "wal", "synchronous": "1", "foreign_keys": "1",
		"busy_timeout": fmt.Sprint(busyTimeoutMS), "user_version": fmt.Sprint(SchemaVersion()),
		"application_id": fmt.Sprint(applicationID),
	} {
		if got := pragma(t, db.w, name); got != want {
			t.Errorf("writer PRAGMA %s = %s, want %s", name, got, want)
		}
	}
	if got := pragma(t, db.r, "query_only"); got != "1" {
		t.Errorf("reader PRAGMA query_only = %s, want 1", got)
	}
	if _, err := db.r.Exec(`DELETE FROM articles`); err == nil {
		t.Error("the read pool accepted a write")
	}
}

func TestReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	r := rec(1, "kept", "across reopen")
	if _, err := db.PutBatch(context.Background(), []store.Record{r}); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		db, err = Open(path)
		if err != nil {
			t.Fatalf("reopen: %v", err)
		}
		if a, err := db.Get(context.Background(), r.Article.ID); err != nil || a.Title != "kept" {
			t.Errorf("after reopen: %+v, %v", a, err)
		}
		if got := pragma(t, db.w, "user_version"); got != fmt.Sprint(SchemaVersion()) {
			t.Errorf("user_version = %s", got)
		}
		db.Close()
	}
	// Two stores on one file, as two processes would have.
	a, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if _, err := a.PutBatch(context.Background(), []store.Record{rec(2, "from a", "x")}); err != nil {
		t.Fatal(err)
	}
	if st, err := b.Stats(context.Background()); err != nil || st.Articles != 2 {
		t.Errorf("second handle sees %d articles, %v", st.Articles, err)
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	raw := rawSQL(t, path)
	if _, err := raw.Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion()+1)); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	_, err = Open(path)
	if !errors.Is(err, store.ErrSchemaTooNew) {
		t.Fatalf("Open of a newer store: err = %v, want ErrSchemaTooNew", err)
	}
	t.Log(err)
}

func TestForeignDatabaseRefused(t *testing.T) {
	dir := t.TempDir()
	other := filepath.Join(dir, "other.db")
	raw := rawSQL(t, other)
	if _, err := raw.Exec(`CREATE TABLE notes (x TEXT)`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	if _, err := Open(other); err == nil || !strings.Contains(err.Error(), "not a sitrep store") {
		t.Errorf("Open of another database: err = %v", err)
	}
	text := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(text, []byte(strings.Repeat("not a database\n", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(text); err == nil {
		t.Error("Open of a text file succeeded")
	}
	if _, err := Open(filepath.Join(dir, "missing", "s.db")); err == nil {
		t.Error("Open in a missing directory succeeded")
	}
	for _, p := range []string{"", ":memory:"} {
		if _, err := Open(p); err == nil {
			t.Errorf("Open(%q) succeeded", p)
		}
	}
}

func TestOddPath(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a b?c#d%20e&_pragma=query_only(1).db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.PutBatch(context.Background(), []store.Record{rec(1, "t", "x")}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := os.Stat(path); err != nil {
		t.Errorf("store not at its path: %v", err)
	}
}

func TestLoadMigrations(t *testing.T) {
	ms, err := loadMigrations(migrationFiles, "migrations")
	if err != nil || len(ms) == 0 || ms[0].version != 1 {
		t.Fatalf("embedded migrations: %v, %v", ms, err)
	}
	for name, files := range map[string]fstest.MapFS{
		"gap":      {"m/0001_a.sql": {}, "m/0003_c.sql": {}},
		"twice":    {"m/0001_a.sql": {}, "m/0001_b.sql": {}},
		"bad name": {"m/0001_a.sql": {}, "m/2_b.sql": {}},
		"not sql":  {"m/0001_a.txt": {}},
		"none":     {"m/": {Mode: os.ModeDir}},
	} {
		if _, err := loadMigrations(files, "m"); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestMigrationAtomic checks that a failing step leaves the schema at the
// last whole version, with nothing of the failed step applied.
func TestMigrationAtomic(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.db")
	w := rawSQL(t, path)
	ms := []migration{
		{1, "0001_a.sql", `CREATE TABLE a (x); INSERT INTO a VALUES (1);`},
		{2, "0002_b.sql", `CREATE TABLE b (x); INSERT INTO nowhere VALUES (1);`},
	}
	err := migrate(context.Background(), w, ms)
	if err == nil || !strings.Contains(err.Error(), "0002_b.sql") {
		t.Fatalf("migrate: err = %v, want one naming 0002_b.sql", err)
	}
	if v := pragma(t, w, "user_version"); v != "1" {
		t.Errorf("user_version = %s, want 1", v)
	}
	var n int
	if err := w.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE name = 'b'`).Scan(&n); err != nil || n != 0 {
		t.Errorf("table of the failed step exists (%d, %v)", n, err)
	}
	ms[1].sql = `CREATE TABLE b (x);`
	if err := migrate(context.Background(), w, ms); err != nil {
		t.Fatal(err)
	}
	if err := migrate(context.Background(), w, ms); err != nil {
		t.Fatalf("second run: %v", err)
	}
	if v := pragma(t, w, "user_version"); v != "2" {
		t.Errorf("user_version = %s, want 2", v)
	}
}

// TestIndexIntegrity runs SQLite's own checks of the file and of the
// external-content index after inserts, repeats and updates.
func TestIndexIntegrity(t *testing.T) {
	db := openTemp(t)
	defer db.Close()
	ctx := context.Background()
	var recs []store.Record
	for i := range 50 {
		recs = append(recs, rec(i, fmt.Sprint("title ", i), fmt.Sprint("some text number ", i)))
	}
	if _, err := db.PutBatch(ctx, recs); err != nil {
		t.Fatal(err)
	}
	if _, err := db.PutBatch(ctx, recs[:10]); err != nil {
		t.Fatal(err)
	}
	var arts []model.Article
	for i, r := range recs[:20] {
		a := r.Article
		if i%2 == 0 {
			a.Text = "rewritten zurich"
		}
		arts = append(arts, a)
	}
	if err := db.Update(ctx, arts); err != nil {
		t.Fatal(err)
	}
	checkIntegrity(t, db.w)
	hits, err := db.Search(ctx, "Zürich", 0)
	if err != nil || len(hits) != 10 {
		t.Errorf("diacritics: Search(Zürich) = %d hits, %v; want 10", len(hits), err)
	}
}

func checkIntegrity(t *testing.T, db *sql.DB) {
	t.Helper()
	if got := pragma(t, db, "integrity_check"); got != "ok" {
		t.Errorf("integrity_check: %s", got)
	}
	rows, err := db.Query("PRAGMA foreign_key_check")
	if err != nil {
		t.Fatal(err)
	}
	if rows.Next() {
		t.Error("foreign_key_check reports dangling references")
	}
	rows.Close()
	if _, err := db.Exec(`INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		t.Errorf("search index out of step with articles: %v", err)
	}
}

func TestRawEncoding(t *testing.T) {
	db := openTemp(t)
	defer db.Close()
	ctx := context.Background()
	html := []byte(strings.Repeat("<p>words words words</p>", 200))
	tiny := []byte("x")
	a := storetest.Record(html, 0, model.Article{Source: "a"})
	b := storetest.Record(tiny, 0, model.Article{Source: "b"})
	if _, err := db.PutBatch(ctx, []store.Record{a, b}); err != nil {
		t.Fatal(err)
	}
	for raw, want := range map[string]string{string(html): encDeflate, string(tiny): encIdentity} {
		var enc string
		var size, stored int
		err := db.r.QueryRow(`SELECT encoding, size, length(data) FROM raws WHERE hash = ?`, hashRaw([]byte(raw))).
			Scan(&enc, &size, &stored)
		if err != nil || enc != want || size != len(raw) {
			t.Errorf("raw of %d bytes: encoding %s, size %d, %v; want %s", len(raw), enc, size, err, want)
		}
		if enc == encDeflate && stored*5 > size {
			t.Errorf("deflate kept %d of %d bytes", stored, size)
		}
	}

	// Damage the stored bytes: reprocessing must refuse them, not use them.
	if _, err := db.w.Exec(`UPDATE raws SET data = ? WHERE hash = ?`, []byte("y"), hashRaw(tiny)); err != nil {
		t.Fatal(err)
	}
	err := db.EachRaw(ctx, func(store.RawInput) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "hashes to") {
		t.Errorf("EachRaw over damaged raw: err = %v", err)
	}
}

func TestDecodeRawRejectsBadData(t *testing.T) {
	raw := []byte(strings.Repeat("abc", 100))
	enc, data, err := encodeRaw(raw)
	if err != nil || enc != encDeflate {
		t.Fatal(enc, err)
	}
	h := hashRaw(raw)
	if got, err := decodeRaw(h, int64(len(raw)), enc, data); err != nil || string(got) != string(raw) {
		t.Fatalf("decode: %v", err)
	}
	for name, c := range map[string]struct {
		size int64
		enc  string
		data []byte
	}{
		"short size":  {int64(len(raw)) - 1, enc, data},
		"long size":   {int64(len(raw)) + 1, enc, data},
		"truncated":   {int64(len(raw)), enc, data[:len(data)/2]},
		"unknown enc": {int64(len(raw)), "zstd", data},
		"identity":    {int64(len(data)), encIdentity, data},
	} {
		if _, err := decodeRaw(h, c.size, c.enc, c.data); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestFTSQuery(t *testing.T) {
	terms, err := store.ParseQuery(`a "c d" e* f"`)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ftsQuery(terms), `"a" "c d" "e"* "f"`; got != want {
		t.Errorf("ftsQuery = %s, want %s", got, want)
	}
	terms = []store.Term{{Text: `x"y`}, {Text: `"`, Phrase: true}}
	if got, want := ftsQuery(terms), `"x""y" """"`; got != want {
		t.Errorf("ftsQuery = %s, want %s", got, want)
	}
}

func TestPrefixEnd(t *testing.T) {
	for in, want := range map[string]string{"ab": "ac", "a\xff": "b", "\xff\xff": "", "09": "0:"} {
		got, ok := prefixEnd(in)
		if got != want || ok != (want != "") {
			t.Errorf("prefixEnd(%q) = %q, %v", in, got, ok)
		}
	}
}

// TestCrashConsistency kills a process in the middle of writing and checks
// that the store it leaves holds whole batches only and passes SQLite's
// checks. The child is this test binary, started in a mode that only writes.
func TestCrashConsistency(t *testing.T) {
	if path := os.Getenv("SITREP_STORE_CRASH_CHILD"); path != "" {
		crashChild(path)
		return
	}
	if testing.Short() {
		t.Skip("starts and kills a child process")
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashConsistency$")
	cmd.Env = append(os.Environ(), "SITREP_STORE_CRASH_CHILD="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait for a few commits, then kill without warning.
	buf := make([]byte, 64)
	for got := 0; got < 3; {
		n, err := out.Read(buf)
		if err != nil {
			t.Fatalf("child: %v", err)
		}
		got += strings.Count(string(buf[:n]), "\n")
	}
	time.Sleep(50 * time.Millisecond)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()

	db, err := Open(path)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer db.Close()
	checkIntegrity(t, db.w)
	st, err := db.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles == 0 || st.Articles%crashBatch != 0 || st.Raws != st.Articles {
		t.Errorf("after kill: %d articles, %d raws; want whole batches of %d", st.Articles, st.Raws, crashBatch)
	}
	t.Logf("%d whole batches survived the kill", st.Articles/crashBatch)
}

const crashBatch = 100

func crashChild(path string) {
	db, err := Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	text := strings.Repeat("crash test words ", 200)
	for b := 0; ; b++ {
		recs := make([]store.Record, crashBatch)
		for i := range recs {
			recs[i] = rec(b*crashBatch+i, fmt.Sprint("batch ", b), text)
		}
		if _, err := db.PutBatch(context.Background(), recs); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		fmt.Println(b)
	}
}
