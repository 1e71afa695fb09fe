package warc

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
)

// Payload is the HTTP response held in the block of a response record.
type Payload struct {
	Status int
	Header http.Header
	// MediaType is the lowercased Content-Type without parameters, "" when
	// the response has none.
	MediaType string
	// Charset is the charset parameter of Content-Type, as written.
	Charset string
	// Body is the entity body with chunking and Content-Encoding undone.
	Body []byte
	// Truncated is set when the body is shorter than the response declared,
	// as when a crawler stopped fetching at its size limit.
	Truncated bool
}

// HTTPResponse parses the block as an HTTP response. maxBody bounds the body
// after decompression, so a compressed body cannot expand without limit.
func (rec *Record) HTTPResponse(maxBody int) (*Payload, error) {
	block := rec.Block
	// Some writers record the HTTP/2 status line as "HTTP/2 200", which
	// net/http only accepts in major.minor form.
	for _, v := range []string{"HTTP/2 ", "HTTP/3 "} {
		if bytes.HasPrefix(block, []byte(v)) {
			block = append([]byte(v[:6]+".0 "), block[len(v):]...)
		}
	}
	resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(block)), nil)
	if err != nil {
		return nil, fmt.Errorf("parse HTTP response: %w", err)
	}
	defer resp.Body.Close()
	p := &Payload{Status: resp.StatusCode, Header: resp.Header}

	body, err := readAtMost(resp.Body, maxBody)
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		p.Truncated = true
	case err != nil:
		return nil, fmt.Errorf("read HTTP body: %w", err)
	}

	enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding")))
	switch enc {
	case "", "identity", "none":
	case "gzip", "x-gzip":
		// Crawlers often store the body already decoded but keep the header;
		// only a body that really is gzip is decompressed.
		if len(body) >= 2 && body[0] == 0x1f && body[1] == 0x8b {
			zr, err := gzip.NewReader(bytes.NewReader(body))
			if err != nil {
				return nil, fmt.Errorf("gzip body: %w", err)
			}
			if body, err = p.decoded(zr, maxBody); err != nil {
				return nil, fmt.Errorf("gzip body: %w", err)
			}
		}
	case "deflate":
		// "deflate" is zlib by the RFC but raw deflate in practice often.
		var zr io.Reader
		if zl, err := zlib.NewReader(bytes.NewReader(body)); err == nil {
			zr = zl
		} else {
			zr = flate.NewReader(bytes.NewReader(body))
		}
		if body, err = p.decoded(zr, maxBody); err != nil {
			return nil, fmt.Errorf("deflate body: %w", err)
		}
	default:
		return nil, fmt.Errorf("unsupported Content-Encoding %q", enc)
	}
	p.Body = body

	if ct := resp.Header.Get("Content-Type"); ct != "" {
		mt, params, err := mime.ParseMediaType(ct)
		if err != nil && mt == "" {
			mt, _, _ = strings.Cut(ct, ";")
		}
		p.MediaType = strings.ToLower(strings.TrimSpace(mt))
		p.Charset = params["charset"]
	}
	return p, nil
}

// decoded reads a decompressor; a body cut short by the crawler ends early,
// which is kept and marked rather than rejected.
func (p *Payload) decoded(r io.Reader, limit int) ([]byte, error) {
	b, err := readAtMost(r, limit)
	if errors.Is(err, io.ErrUnexpectedEOF) {
		p.Truncated = true
		return b, nil
	}
	return b, err
}

// readAtMost reads r to the end, failing with ErrTooLarge past limit bytes. On
// a read error it returns what it read with the error.
func readAtMost(r io.Reader, limit int) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if len(b) > limit {
		return nil, fmt.Errorf("body over %d bytes: %w", limit, ErrTooLarge)
	}
	return b, err
}
