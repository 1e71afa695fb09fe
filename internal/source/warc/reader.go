// Package warc reads WARC files (ISO 28500) record by record, plain or
// gzipped (one gzip member per record, or the whole file), using only the
// standard library. It is written for untrusted input: every record is
// bounded, a malformed record is reported and skipped where the next record
// can be found, and no input makes it loop without consuming bytes.
package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/textproto"
	"strconv"
	"strings"
)

// bufSize bounds a single header line: a longer line is malformed, which keeps
// a header that never ends from being buffered whole.
const bufSize = 64 << 10

// ErrTooLarge is wrapped by the error for a record larger than the bound.
var ErrTooLarge = errors.New("record too large")

// Record is one WARC record.
type Record struct {
	// Number is the 1-based index of the record in the stream, counting
	// malformed records too, so numbers match what a user sees in the file.
	Number int
	// Offset is where the record starts in the uncompressed stream.
	Offset  int64
	Version string // e.g. "WARC/1.0"
	Type    string // WARC-Type as written, e.g. "response"
	Headers textproto.MIMEHeader
	// Raw is the whole record: version line, headers, block and the closing
	// CRLF CRLF. NewReader(bytes.NewReader(Raw)) reads it back alone.
	Raw []byte
	// Block is the record content (a slice of Raw), Content-Length bytes.
	Block []byte
}

// TargetURI returns WARC-Target-URI without the angle brackets that some
// WARC 1.0 writers put around it.
func (rec *Record) TargetURI() string {
	u := strings.TrimSpace(rec.Headers.Get("WARC-Target-URI"))
	if len(u) >= 2 && u[0] == '<' && u[len(u)-1] == '>' {
		u = u[1 : len(u)-1]
	}
	return u
}

// RecordError reports a record that could not be read.
type RecordError struct {
	Record int   // 1-based index of the record that failed
	Offset int64 // where it started in the uncompressed stream
	Err    error
	// Resumable is true when the reader has skipped past the bad record and
	// Next may be called again; otherwise the error is final and Next keeps
	// returning it.
	Resumable bool
}

func (e *RecordError) Error() string {
	return fmt.Sprintf("warc record %d at offset %d: %v", e.Record, e.Offset, e.Err)
}

func (e *RecordError) Unwrap() error { return e.Err }

// Reader reads records from a WARC stream.
type Reader struct {
	src     io.Reader
	br      *bufio.Reader
	max     int
	n       int
	off     int64
	pending []byte // a version line found while skipping a bad record
	err     error  // sticky: io.EOF or a final *RecordError
}

// NewReader returns a reader of the WARC stream r. A gzip stream (detected by
// its magic bytes) is decompressed, all members in turn. maxRecordBytes bounds
// one record (headers and block); non-positive means 32 MiB. The total input
// is not bounded here: callers reading a gzip stream from an untrusted
// source should bound r.
func NewReader(r io.Reader, maxRecordBytes int) *Reader {
	if maxRecordBytes <= 0 {
		maxRecordBytes = 32 << 20
	}
	return &Reader{src: r, max: maxRecordBytes}
}

// Offset returns how many bytes of the uncompressed stream have been consumed.
func (r *Reader) Offset() int64 { return r.off }

func (r *Reader) start() error {
	br := bufio.NewReaderSize(r.src, bufSize)
	magic, _ := br.Peek(2)
	if len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return err
		}
		br = bufio.NewReaderSize(zr, bufSize)
	}
	r.br = br
	return nil
}

// Next returns the next record. It returns io.EOF at the end of the stream,
// and a *RecordError for a record it could not read; see RecordError.
func (r *Reader) Next() (*Record, error) {
	if r.err != nil {
		return nil, r.err
	}
	if r.br == nil {
		if err := r.start(); err != nil {
			return nil, r.fail(r.n+1, 0, fmt.Errorf("gzip: %w", err))
		}
	}
	start := r.off
	line, err := r.versionLine()
	if err == io.EOF {
		r.err = io.EOF
		return nil, io.EOF
	}
	r.n++
	if errors.Is(err, bufio.ErrBufferFull) {
		return nil, r.skip(start, false, fmt.Errorf("first line longer than %d bytes, not a WARC version line", bufSize))
	}
	if err != nil {
		return nil, r.fail(r.n, start, fmt.Errorf("read: %w", err))
	}
	start = r.off - int64(len(line))
	if !bytes.HasPrefix(line, []byte("WARC/")) {
		return nil, r.skip(start, true, fmt.Errorf("expected a WARC/ version line, found %q", clip(line)))
	}

	hdr := bytes.NewBuffer(make([]byte, 0, 1024))
	hdr.Write(line)
	headers := textproto.MIMEHeader{}
	var last string
	for {
		l, err := r.line()
		if err != nil {
			if err == io.EOF {
				return nil, r.fail(r.n, start, fmt.Errorf("input ends inside the record header: %w", io.ErrUnexpectedEOF))
			}
			if errors.Is(err, bufio.ErrBufferFull) {
				return nil, r.skip(start, false, fmt.Errorf("header line longer than %d bytes", bufSize))
			}
			return nil, r.fail(r.n, start, fmt.Errorf("read header: %w", err))
		}
		hdr.Write(l)
		if hdr.Len() > r.max {
			return nil, r.skip(start, true, fmt.Errorf("header over %d bytes: %w", r.max, ErrTooLarge))
		}
		t := trimEOL(l)
		if len(bytes.TrimSpace(t)) == 0 {
			break
		}
		if t[0] == ' ' || t[0] == '\t' {
			if last == "" {
				return nil, r.skip(start, true, errors.New("header continuation line before any header"))
			}
			vs := headers[last]
			vs[len(vs)-1] += " " + string(bytes.TrimSpace(t))
			continue
		}
		name, value, ok := bytes.Cut(t, []byte(":"))
		name = bytes.TrimSpace(name)
		if !ok || len(name) == 0 {
			return nil, r.skip(start, true, fmt.Errorf("malformed header line %q", clip(t)))
		}
		last = textproto.CanonicalMIMEHeaderKey(string(name))
		headers[last] = append(headers[last], string(bytes.TrimSpace(value)))
	}

	clText := headers.Get("Content-Length")
	if clText == "" {
		return nil, r.skip(start, true, errors.New("missing Content-Length"))
	}
	cl, err := strconv.ParseInt(clText, 10, 64)
	if err != nil || cl < 0 {
		return nil, r.skip(start, true, fmt.Errorf("invalid Content-Length %q", clip([]byte(clText))))
	}
	if cl > int64(r.max-hdr.Len()) {
		// The length is known, so the block can be stepped over exactly.
		n, err := io.CopyN(io.Discard, r.br, cl)
		r.off += n
		if err != nil {
			return nil, r.fail(r.n, start, shortBlock(cl, n, err))
		}
		return nil, r.resumable(start, fmt.Errorf("record is %d bytes, over the limit of %d: %w", int64(hdr.Len())+cl, r.max, ErrTooLarge))
	}

	hlen := hdr.Len()
	// Grow as bytes arrive rather than trusting Content-Length up front, so
	// a lying header costs no more memory than the input really holds.
	hdr.Grow(int(min(cl, bufSize)) + 4)
	n, err := io.CopyN(hdr, r.br, cl)
	r.off += n
	if err != nil {
		return nil, r.fail(r.n, start, shortBlock(cl, n, err))
	}
	hdr.WriteString("\r\n\r\n")
	raw := hdr.Bytes()
	return &Record{
		Number:  r.n,
		Offset:  start,
		Version: string(bytes.TrimSpace(line)),
		Type:    headers.Get("WARC-Type"),
		Headers: headers,
		Raw:     raw,
		Block:   raw[hlen : hlen+int(cl) : hlen+int(cl)],
	}, nil
}

func shortBlock(cl, n int64, err error) error {
	if err == io.EOF {
		return fmt.Errorf("block of %d bytes (Content-Length) runs past the end of input, %d bytes left: %w", cl, n, io.ErrUnexpectedEOF)
	}
	return fmt.Errorf("read block: %w", err)
}

// versionLine skips blank lines (the CRLF CRLF that ends each record, and any
// stray ones) and returns the first other line, copied.
func (r *Reader) versionLine() ([]byte, error) {
	if r.pending != nil {
		l := r.pending
		r.pending = nil
		r.off += int64(len(l))
		return l, nil
	}
	for {
		l, err := r.line()
		if err != nil {
			if errors.Is(err, bufio.ErrBufferFull) {
				return nil, err
			}
			if err == io.EOF && len(bytes.TrimSpace(l)) > 0 {
				return bytes.Clone(l), nil
			}
			return nil, err
		}
		if len(bytes.TrimSpace(l)) > 0 {
			return bytes.Clone(l), nil
		}
	}
}

// line reads up to and including '\n'. The slice is valid until the next
// read. At the end of input it returns what is left with io.EOF; a line longer
// than the buffer comes back partial with bufio.ErrBufferFull.
func (r *Reader) line() ([]byte, error) {
	l, err := r.br.ReadSlice('\n')
	r.off += int64(len(l))
	if err == io.EOF && len(l) > 0 {
		return l, io.EOF
	}
	return l, err
}

// skip reports a malformed record after moving to the next line that starts
// with "WARC/1.", so the records after it can still be read.
// atStart says whether the reader stands at the start of a line.
func (r *Reader) skip(start int64, atStart bool, err error) error {
	for {
		l, rerr := r.br.ReadSlice('\n')
		r.off += int64(len(l))
		if atStart && bytes.HasPrefix(l, []byte("WARC/1.")) {
			if rerr == nil {
				r.pending = bytes.Clone(l)
				r.off -= int64(len(l))
				return r.resumable(start, err)
			}
		}
		switch {
		case rerr == nil:
			atStart = true
		case errors.Is(rerr, bufio.ErrBufferFull):
			atStart = false
		case rerr == io.EOF:
			r.err = io.EOF
			return r.resumable(start, err)
		default:
			return r.fail(r.n, start, fmt.Errorf("%v; then %w", err, rerr))
		}
	}
}

func (r *Reader) resumable(start int64, err error) error {
	return &RecordError{Record: r.n, Offset: start, Err: err, Resumable: true}
}

func (r *Reader) fail(n int, start int64, err error) error {
	e := &RecordError{Record: n, Offset: start, Err: err}
	r.err = e
	return e
}

func trimEOL(l []byte) []byte {
	l = bytes.TrimSuffix(l, []byte("\n"))
	return bytes.TrimSuffix(l, []byte("\r"))
}

// clip keeps error messages short when the offending line is huge or binary.
func clip(b []byte) string {
	b = trimEOL(b)
	if len(b) > 60 {
		return string(b[:60]) + "…"
	}
	return string(b)
}
