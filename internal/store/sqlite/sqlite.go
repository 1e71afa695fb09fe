// Package sqlite is the SQLite backend of the sitrep store, built on the
// pure-Go modernc.org/sqlite driver so that sitrep stays CGO-free.
//
// A store is one file in WAL mode. Writes go through a single connection and
// begin with BEGIN IMMEDIATE, so concurrent writers in this process queue in
// Go and writers in other processes wait on the lock (up to busy_timeout)
// instead of failing half-way through a transaction. Reads use a separate
// read-only pool, so they run beside a write and see the last commit.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/sitrep/sitrep/internal/store"

	// The driver registers itself as "sqlite".
	_ "modernc.org/sqlite"
)

// busyTimeoutMS bounds how long a statement waits for another process's
// lock. An ingest in one process and a query in another are normal use, and
// a large batch commits in well under this.
const busyTimeoutMS = 10000

// rawCacheBytes bounds the decoded raw inputs EachRaw keeps. Articles come
// in ID order, which scatters the items of one feed file across the walk,
// and decoding the whole file again for each item would cost far more.
const rawCacheBytes = 64 << 20

// DB is a sitrep store in one SQLite file.
type DB struct {
	w    *sql.DB // the one writing connection
	r    *sql.DB // read-only connections
	path string

	candMu    sync.Mutex
	candStmts map[int]*sql.Stmt // CopyCandidates lookups by number of keys
}

var _ store.Store = (*DB)(nil)

// Open opens the store at path, creating the file if it does not exist (its
// directory must), and brings its schema up to date. It fails with
// store.ErrSchemaTooNew for a store written by a newer sitrep, and refuses
// SQLite files that are not sitrep stores.
func Open(path string) (*DB, error) {
	if path == "" || path == ":memory:" {
		// Two connection pools need one shared database: a file.
		return nil, fmt.Errorf("sqlite store: need a file path, got %q", path)
	}
	if migrationsErr != nil {
		return nil, migrationsErr
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("sqlite store %s: %w", path, err)
	}
	db := &DB{path: abs}

	db.w, err = sql.Open("sqlite", dsn(abs, false))
	if err != nil {
		return nil, fmt.Errorf("sqlite store %s: %w", abs, err)
	}
	// More than one writing connection would only contend for SQLite's
	// single write lock; queueing in database/sql is cheaper and fair.
	db.w.SetMaxOpenConns(1)
	db.w.SetMaxIdleConns(1)
	db.w.SetConnMaxLifetime(0)
	db.w.SetConnMaxIdleTime(0)

	ctx := context.Background()
	if err := checkJournal(ctx, db.w); err != nil {
		db.w.Close()
		return nil, fmt.Errorf("sqlite store %s: %w", abs, err)
	}
	if err := migrate(ctx, db.w, migrations); err != nil {
		db.w.Close()
		return nil, fmt.Errorf("sqlite store %s: %w", abs, err)
	}

	db.r, err = sql.Open("sqlite", dsn(abs, true))
	if err != nil {
		db.w.Close()
		return nil, fmt.Errorf("sqlite store %s: %w", abs, err)
	}
	n := max(4, runtime.GOMAXPROCS(0))
	db.r.SetMaxOpenConns(n)
	db.r.SetMaxIdleConns(n)
	if err := db.r.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite store %s: %w", abs, err)
	}
	return db, nil
}

// Path is the absolute path of the store's file.
func (db *DB) Path() string { return db.path }

// Close releases the store.
func (db *DB) Close() error {
	var errs []error
	db.candMu.Lock()
	for _, st := range db.candStmts {
		errs = append(errs, st.Close())
	}
	db.candStmts = nil
	db.candMu.Unlock()
	if db.r != nil {
		errs = append(errs, db.r.Close())
	}
	// Closing is the moment SQLite recommends for refreshing planner
	// statistics; it only does work when tables have changed a lot.
	if _, err := db.w.Exec("PRAGMA optimize"); err != nil {
		errs = append(errs, err)
	}
	errs = append(errs, db.w.Close())
	return errors.Join(errs...)
}

// dsn builds the driver's URI. The path is escaped because '?', '#' and '%'
// are legal in file names but meaningful in a URI.
//
// synchronous=NORMAL in WAL mode keeps the file consistent after a crash of
// the process or the machine: a commit is either wholly there or wholly
// gone. Only the last commits before a power loss can be lost, and
// re-ingesting puts them back, since PutBatch is idempotent.
//
// The page caches are larger than SQLite's 2 MB default because the
// near-duplicate index is written and read at random keys: with the default
// every insert into a large store misses the cache.
func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeoutMS))
	if readOnly {
		q.Add("_pragma", "query_only(1)")
		q.Add("_pragma", "cache_size(-16384)")
	} else {
		q.Add("_pragma", "cache_size(-65536)")
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(NORMAL)")
		q.Add("_pragma", "foreign_keys(1)")
		q.Set("_txlock", "immediate")
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(path), RawQuery: q.Encode()}
	if u.Path != "" && u.Path[0] != '/' {
		// A Windows path (C:/...) needs the leading slash of a file URI.
		u.Path = "/" + u.Path
	}
	return u.String()
}

// checkJournal makes sure the pragma in the DSN took: without WAL the read
// pool would block writers, and a file system that cannot hold WAL's shared
// memory should fail loudly here rather than stall later.
func checkJournal(ctx context.Context, w *sql.DB) error {
	var mode string
	if err := w.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return err
	}
	if mode != "wal" {
		return fmt.Errorf("journal mode is %q, want wal", mode)
	}
	return nil
}
