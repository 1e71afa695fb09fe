// Package source is the first sitrep stage: it turns files and folders into
// model.RawDoc values, one per article, whatever container they arrive in
// (plain text, HTML, JSON Lines, WARC, RSS/Atom, each optionally gzipped).
//
// Bad input never stops a batch: every problem becomes a model.Failure that
// names the file, and the record where there is one, and reading goes on.
package source

import (
	"context"
	"errors"
	"fmt"
	"io/fs"

	"github.com/sitrep/sitrep/internal/model"
)

// Options bound what the source stage will read, so one hostile or broken
// input cannot exhaust memory.
type Options struct {
	// MaxFileBytes is the largest input file read (default 64 GiB); a larger
	// one becomes a Failure naming the file, without being read. Memory is
	// bounded by MaxRecordBytes, not by this: JSONL and WARC files stream,
	// and Common Crawl News WARC files run to several gigabytes.
	MaxFileBytes int64
	// MaxDecompressed bounds the bytes a .gz may expand to (default 64 GiB),
	// so a gzip bomb fails cleanly instead of filling hours with reading.
	// It applies to streamed containers (JSONL, WARC) too: their records
	// read before the bound are kept.
	MaxDecompressed int64
	// MaxRecordBytes bounds one JSONL line, WARC record, feed item body or
	// text/HTML document, and a decoded HTTP body (default 32 MiB). A whole
	// feed file may hold feedItemsFactor times as much.
	MaxRecordBytes int
}

// DefaultOptions returns the bounds used when a field of Options is zero or
// negative.
func DefaultOptions() Options {
	return Options{
		MaxFileBytes:    64 << 30,
		MaxDecompressed: 64 << 30,
		MaxRecordBytes:  32 << 20,
	}
}

func (o Options) withDefaults() Options {
	d := DefaultOptions()
	if o.MaxFileBytes <= 0 {
		o.MaxFileBytes = d.MaxFileBytes
	}
	if o.MaxDecompressed <= 0 {
		o.MaxDecompressed = d.MaxDecompressed
	}
	if o.MaxRecordBytes <= 0 {
		o.MaxRecordBytes = d.MaxRecordBytes
	}
	return o
}

// Item is either a document or a failure.
type Item struct {
	Doc     *model.RawDoc
	Failure *model.Failure
}

// Walk visits every path (files, and folders recursively in lexical order;
// hidden files and folders, whose names start with ".", are skipped inside
// folders but not when named explicitly) and calls fn for each item in a
// deterministic order. It returns early only if fn returns an error or ctx is
// cancelled. Unreadable files and folders, too-large files and the like
// become Failures, never a returned error.
//
// Symbolic links are followed, but each folder is read once at most, so link
// loops end. Inside folders only regular files are read; a device or pipe is
// read only when named explicitly.
//
// Items of a feed share one Raw slice (the whole feed), and text and HTML
// documents share Raw with Body: callers must not modify them.
func Walk(ctx context.Context, paths []string, opt Options, fn func(Item) error) error {
	w := &walker{ctx: ctx, opt: opt.withDefaults(), fn: fn}
	return enumerate(paths, func(path string, info fs.FileInfo, named bool, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			return w.fail(path, osErr(err))
		}
		return w.file(path, info, named)
	})
}

// CountFiles returns how many files Walk would visit, for a progress bar: the
// files it reads plus those it rejects from their metadata alone (too large,
// not a regular file). Paths that cannot be examined are not counted. It
// reads folders but no file contents.
func CountFiles(paths []string) int {
	n := 0
	_ = enumerate(paths, func(_ string, info fs.FileInfo, _ bool, err error) error {
		if err == nil && info != nil {
			n++
		}
		return nil
	})
	return n
}

// Decode re-reads one stored raw input (what RawDoc.Raw held) back into its
// RawDoc, for reprocessing. container is RawDoc.Container and rawRecord is
// RawDoc.RawRecord; source, path and record are copied into the result.
//
// Decode applies the default bound to decompressed WARC bodies, or the size
// of raw if that is larger.
func Decode(container model.Format, raw []byte, rawRecord int, source, path string, record int) (model.RawDoc, error) {
	limit := max(DefaultOptions().MaxRecordBytes, len(raw))
	var (
		doc model.RawDoc
		err error
	)
	switch container {
	case model.FormatText, model.FormatHTML:
		doc = model.RawDoc{Format: container, Body: raw}
	case model.FormatJSONL:
		doc, err = jsonlDoc(raw)
	case model.FormatWARC:
		doc, err = decodeWARC(raw, limit)
	case model.FormatFeed:
		doc, err = decodeFeed(raw, rawRecord, limit)
	default:
		err = fmt.Errorf("unknown container format %q", container)
	}
	if err != nil {
		return model.RawDoc{}, fmt.Errorf("decode %s: %w", source, err)
	}
	doc.Source, doc.Path, doc.Record = source, path, record
	doc.Container = container
	doc.Raw = raw
	doc.RawRecord = rawRecord
	return doc, nil
}

type walker struct {
	ctx context.Context
	opt Options
	fn  func(Item) error
}

func (w *walker) emit(it Item) error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	return w.fn(it)
}

func (w *walker) doc(d model.RawDoc) error { return w.emit(Item{Doc: &d}) }

func (w *walker) fail(path string, err error) error { return w.failAt(path, path, err) }

// record emits the n-th record of a container file: the document with its
// identity filled in, or, when err is set, a failure naming the record.
func (w *walker) record(path string, n int, container model.Format, raw []byte, doc model.RawDoc, err error) error {
	src := fmt.Sprintf("%s#%d", path, n)
	if err != nil {
		return w.failAt(path, src, err)
	}
	doc.Source, doc.Path, doc.Record, doc.Container, doc.Raw = src, path, n, container, raw
	return w.doc(doc)
}

// failAt reports a failure of one record (source) inside the file path.
func (w *walker) failAt(path, source string, err error) error {
	return w.emit(Item{Failure: &model.Failure{Source: source, Path: path, Err: err}})
}

// osErr drops the path from an *fs.PathError, since the Failure carrying it
// already names the path first.
func osErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}
