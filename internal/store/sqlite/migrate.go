package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strconv"

	"github.com/sitrep/sitrep/internal/store"
)

// applicationID marks a SQLite file as a sitrep store ("SITR"), so that
// pointing sitrep at some other database fails instead of adding tables to it.
const applicationID = 0x53495452

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one schema step. Version N leaves the database at
// PRAGMA user_version = N.
type migration struct {
	version int
	name    string
	sql     string
}

var migrations, migrationsErr = loadMigrations(migrationFiles, "migrations")

// SchemaVersion is the schema this binary writes: the number of migrations.
func SchemaVersion() int { return len(migrations) }

var migrationName = regexp.MustCompile(`^(\d{4})_[a-z0-9_]+\.sql$`)

// loadMigrations reads NNNN_name.sql files and insists they number 1, 2, 3…
// without gaps, since user_version can only say how many have run.
func loadMigrations(fsys fs.FS, dir string) ([]migration, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	var ms []migration
	for _, e := range entries {
		m := migrationName.FindStringSubmatch(e.Name())
		if m == nil || e.IsDir() {
			return nil, fmt.Errorf("migrations: %q is not named NNNN_name.sql", e.Name())
		}
		v, _ := strconv.Atoi(m[1])
		b, err := fs.ReadFile(fsys, dir+"/"+e.Name())
		if err != nil {
			return nil, fmt.Errorf("migrations: %w", err)
		}
		ms = append(ms, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migrations: %s should be number %04d", m.name, i+1)
		}
	}
	if len(ms) == 0 {
		return nil, errors.New("migrations: none found")
	}
	return ms, nil
}

// migrate applies the migrations the database lacks, each in its own
// transaction together with the version bump, so a crash leaves the schema
// at some whole version. The version is read again inside the transaction,
// which holds the write lock, so two processes opening a new store at once
// do not both apply a step. An up-to-date store is checked without taking
// the write lock, so opening one never waits for another process's ingest.
func migrate(ctx context.Context, w *sql.DB, ms []migration) error {
	version, err := schemaVersion(ctx, w, len(ms))
	if err != nil || version == len(ms) {
		return err
	}
	for {
		done, err := migrateStep(ctx, w, ms)
		if err != nil || done {
			return err
		}
	}
}

type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// schemaVersion reads which migrations have run, refusing databases that
// are not sitrep stores or are newer than known.
func schemaVersion(ctx context.Context, q querier, known int) (int, error) {
	var version, app int
	if err := q.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return 0, err
	}
	if err := q.QueryRowContext(ctx, "PRAGMA application_id").Scan(&app); err != nil {
		return 0, err
	}
	switch {
	case app == applicationID:
	case app != 0:
		return 0, fmt.Errorf("not a sitrep store (application id %#x)", app)
	default:
		var objects int
		if err := q.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&objects); err != nil {
			return 0, err
		}
		if objects > 0 || version != 0 {
			return 0, errors.New("not a sitrep store (a SQLite database with other tables)")
		}
	}
	if version > known {
		return 0, fmt.Errorf("%w: schema version %d, this sitrep knows up to %d; use a newer sitrep",
			store.ErrSchemaTooNew, version, known)
	}
	return version, nil
}

func migrateStep(ctx context.Context, w *sql.DB, ms []migration) (done bool, err error) {
	tx, err := w.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()

	version, err := schemaVersion(ctx, tx, len(ms))
	if err != nil {
		return false, err
	}
	if version == len(ms) {
		return true, tx.Commit()
	}

	m := ms[version]
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return false, fmt.Errorf("migration %s: %w", m.name, err)
	}
	// PRAGMA takes no parameters; both values are integers of our own.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
		return false, fmt.Errorf("migration %s: %w", m.name, err)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", applicationID)); err != nil {
		return false, fmt.Errorf("migration %s: %w", m.name, err)
	}
	return false, tx.Commit()
}
