package source

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/sitrep/sitrep/internal/model"
)

// bufSize is the read buffer; it must exceed sniffLen so that detection can
// peek without consuming.
const bufSize = 64 << 10

// feedItemsFactor is how many documents' worth of bytes a feed file may hold.
const feedItemsFactor = 4

func (w *walker) file(path string, info fs.FileInfo, named bool) error {
	mode := info.Mode()
	if !mode.IsRegular() && !named {
		return w.fail(path, fmt.Errorf("not a regular file (%s), skipped", mode.Type()))
	}
	if mode.IsRegular() && info.Size() > w.opt.MaxFileBytes {
		return w.fail(path, fmt.Errorf("file is %d bytes, over the limit of %d bytes", info.Size(), w.opt.MaxFileBytes))
	}
	f, err := os.Open(path)
	if err != nil {
		return w.fail(path, osErr(err))
	}
	defer f.Close()
	return w.stream(path, f)
}

// stream reads one input file from r. It is separate from file so that tests
// and fuzzing can feed bytes without touching the file system.
func (w *walker) stream(path string, r io.Reader) error {
	// The file may grow, or be a device, after its size was checked: the
	// bound is enforced on the bytes read as well.
	in := bufio.NewReaderSize(&capReader{r: r, left: w.opt.MaxFileBytes,
		over: fmt.Errorf("file exceeds %d bytes", w.opt.MaxFileBytes)}, bufSize)
	name := filepath.Base(path)
	if strings.EqualFold(filepath.Ext(name), ".gz") {
		name = name[:len(name)-3]
	}

	body := in
	if magic, _ := in.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(in)
		if err != nil {
			return w.fail(path, fmt.Errorf("gzip: %w", err))
		}
		defer zr.Close()
		body = bufio.NewReaderSize(&capReader{r: zr, left: w.opt.MaxDecompressed,
			over: fmt.Errorf("decompressed size exceeds %d bytes", w.opt.MaxDecompressed)}, bufSize)
	}

	// A read error after some bytes (a gzip bomb or a corrupt member) is
	// left for the format reader, which meets it again after emitting what
	// came before; the readers below are sticky about errors.
	head, err := body.Peek(sniffLen)
	if err != nil && err != io.EOF && len(head) == 0 {
		return w.fail(path, readErr(err))
	}
	format, err := detect(name, head, err == io.EOF)
	if err != nil {
		return w.fail(path, err)
	}

	switch format {
	case model.FormatJSONL:
		return w.jsonl(path, body)
	case model.FormatWARC:
		return w.warc(path, body)
	case model.FormatFeed:
		// A feed is parsed whole, so it is bounded like a document, with
		// room for its many items.
		limit := int64(w.opt.MaxRecordBytes) * feedItemsFactor
		raw, err := io.ReadAll(io.LimitReader(body, limit+1))
		if err != nil {
			return w.fail(path, readErr(err))
		}
		if int64(len(raw)) > limit {
			return w.fail(path, fmt.Errorf("feed exceeds %d bytes", limit))
		}
		return w.feed(path, raw)
	}
	raw, err := io.ReadAll(io.LimitReader(body, int64(w.opt.MaxRecordBytes)+1))
	if err != nil {
		return w.fail(path, readErr(err))
	}
	if len(raw) > w.opt.MaxRecordBytes {
		return w.fail(path, fmt.Errorf("document exceeds %d bytes", w.opt.MaxRecordBytes))
	}
	return w.doc(model.RawDoc{
		Source:    path,
		Path:      path,
		Container: format,
		Format:    format,
		Body:      raw,
		Raw:       raw,
	})
}

// readErr names the stage of reading that failed, so "unexpected EOF" from a
// truncated .gz reads as a gzip problem rather than a file-system one.
func readErr(err error) error {
	var ce *capError
	var pe *fs.PathError
	switch {
	case errors.As(err, &ce):
		return err
	case errors.As(err, &pe):
		return fmt.Errorf("read: %w", osErr(err))
	case strings.HasPrefix(err.Error(), "gzip: "), strings.HasPrefix(err.Error(), "flate: "):
		return err
	}
	return fmt.Errorf("gzip: %w", err)
}

// capError is returned once a capReader has been asked for more than its
// bound; it is an error of its own so that it is never taken for a short file.
type capError struct{ err error }

func (e *capError) Error() string { return e.err.Error() }

// capReader passes through at most left bytes and then fails with over if the
// source holds more, which turns a gzip bomb or a growing file into a clean
// error instead of a silent truncation.
type capReader struct {
	r    io.Reader
	left int64
	over error
	err  error
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	if c.left <= 0 {
		var one [1]byte
		n, err := io.ReadFull(c.r, one[:])
		switch {
		case n > 0:
			c.err = &capError{c.over}
		case err != nil:
			c.err = err
		}
		return 0, c.err
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}
