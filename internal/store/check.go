package store

import (
	"fmt"
	"time"

	"github.com/sitrep/sitrep/internal/model"
)

// CheckRecord reports why the i-th record of a batch cannot be stored, so
// every backend rejects the same records before writing anything.
func CheckRecord(i int, r Record) error {
	if err := CheckArticle(r.Article); err != nil {
		return fmt.Errorf("record %d: %w", i, err)
	}
	if r.Article.ContentHash == "" {
		return fmt.Errorf("record %d (id %s): %w: empty content hash", i, r.Article.ID, ErrInvalid)
	}
	if r.RawRecord < 0 {
		return fmt.Errorf("record %d (id %s): %w: negative raw record %d", i, r.Article.ID, ErrInvalid, r.RawRecord)
	}
	return nil
}

// CheckArticle reports why an article's fields cannot be stored.
func CheckArticle(a model.Article) error {
	if a.ID == "" {
		return fmt.Errorf("%w: empty article id (source %q)", ErrInvalid, a.Source)
	}
	if a.Published != "" && !ValidDate(a.Published) {
		return fmt.Errorf("article %s: %w: published %q is not YYYY-MM-DD", a.ID, ErrInvalid, a.Published)
	}
	return nil
}

// ValidDate reports whether s is a real calendar date written YYYY-MM-DD.
func ValidDate(s string) bool {
	if len(s) != len(time.DateOnly) {
		return false
	}
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// CheckListOptions reports why List cannot run with opt.
func CheckListOptions(opt ListOptions) error {
	if opt.Since != "" && !ValidDate(opt.Since) {
		return fmt.Errorf("%w: since %q is not YYYY-MM-DD", ErrInvalid, opt.Since)
	}
	if opt.Until != "" && !ValidDate(opt.Until) {
		return fmt.Errorf("%w: until %q is not YYYY-MM-DD", ErrInvalid, opt.Until)
	}
	if opt.Offset < 0 {
		return fmt.Errorf("%w: negative offset %d", ErrInvalid, opt.Offset)
	}
	return nil
}

// Timestamp is how a store keeps a time: microsecond precision, UTC, which
// every backend sitrep targets can hold exactly.
func Timestamp(t time.Time) time.Time {
	return t.UTC().Truncate(time.Microsecond)
}
