package warc

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// rec builds one WARC record so tests never count Content-Length by hand.
// Headers are "Name: value" strings.
func rec(typ, block string, headers ...string) string {
	var b strings.Builder
	b.WriteString("WARC/1.0\r\n")
	fmt.Fprintf(&b, "WARC-Type: %s\r\n", typ)
	for _, h := range headers {
		b.WriteString(h + "\r\n")
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", len(block))
	b.WriteString(block)
	b.WriteString("\r\n\r\n")
	return b.String()
}

// httpResp builds an HTTP response message for a response record block.
func httpResp(status string, body string, headers ...string) string {
	var b strings.Builder
	b.WriteString("HTTP/1.1 " + status + "\r\n")
	for _, h := range headers {
		b.WriteString(h + "\r\n")
	}
	b.WriteString("\r\n")
	b.WriteString(body)
	return b.String()
}

// gzipMembers compresses each part as its own gzip member, the way WARC
// writers compress record by record.
func gzipMembers(parts ...string) []byte {
	var out bytes.Buffer
	for _, p := range parts {
		zw := gzip.NewWriter(&out)
		zw.Write([]byte(p))
		zw.Close()
	}
	return out.Bytes()
}

const page = "<!doctype html><html><head><title>Harbour fair</title></head><body><p>The harbour fair opened on a windy morning.</p></body></html>"

var (
	infoBody = "software: handmade\r\nformat: WARC File Format 1.0\r\n"
	reqBody  = "GET /fair HTTP/1.1\r\nHost: example.test\r\n\r\n"
	info     = rec("warcinfo", infoBody, "WARC-Record-ID: <urn:uuid:0001>")
	req      = rec("request", reqBody,
		"WARC-Target-URI: http://example.test/fair", "Content-Type: application/http; msgtype=request")
	resp = rec("response", httpResp("200 OK", page, "Content-Type: text/html; charset=utf-8"),
		"WARC-Target-URI: http://example.test/fair", "WARC-Date: 2024-03-02T10:00:00Z",
		"WARC-Record-ID: <urn:uuid:0003>", "Content-Type: application/http; msgtype=response")
)

// readAll drives a reader the way the source stage does and describes each
// call's result, so expectations read as a transcript.
func readAll(t *testing.T, r *Reader) []string {
	t.Helper()
	var out []string
	for i := 0; i < 100; i++ {
		rec, err := r.Next()
		if err == io.EOF {
			return append(out, "EOF")
		}
		if err != nil {
			var re *RecordError
			if !errors.As(err, &re) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			kind := "fatal"
			if re.Resumable {
				kind = "resumable"
			}
			out = append(out, fmt.Sprintf("err %d %s: %v", re.Record, kind, re.Err))
			if !re.Resumable {
				if _, again := r.Next(); again != err {
					t.Errorf("final error not sticky: got %v", again)
				}
				return out
			}
			continue
		}
		out = append(out, fmt.Sprintf("%d %s %d", rec.Number, rec.Type, len(rec.Block)))
		checkReparse(t, rec, r.max)
	}
	t.Fatal("reader did not finish")
	return nil
}

// checkReparse asserts that Raw alone reads back as the same record.
func checkReparse(t testing.TB, rec *Record, limit int) {
	again, err := NewReader(bytes.NewReader(rec.Raw), limit).Next()
	if err != nil {
		t.Fatalf("record %d: Raw does not re-parse: %v", rec.Number, err)
	}
	if !bytes.Equal(again.Block, rec.Block) || again.Type != rec.Type || len(again.Headers) != len(rec.Headers) {
		t.Fatalf("record %d: Raw re-parses differently", rec.Number)
	}
}

func TestReader(t *testing.T) {
	respLen := len(httpResp("200 OK", page, "Content-Type: text/html; charset=utf-8"))
	ok := fmt.Sprintf("3 response %d", respLen)
	tests := []struct {
		name string
		in   []byte
		max  int
		want []string
	}{
		{"empty", nil, 0, []string{"EOF"}},
		{"plain", []byte(info + req + resp), 0, []string{"1 warcinfo {I}", "2 request {R}", ok, "EOF"}},
		{"gzip per record", gzipMembers(info, req, resp), 0, []string{"1 warcinfo {I}", "2 request {R}", ok, "EOF"}},
		{"gzip whole file", gzipMembers(info + req + resp), 0, []string{"1 warcinfo {I}", "2 request {R}", ok, "EOF"}},
		{"LF line endings", []byte(strings.ReplaceAll(strings.Replace(info, "Content-Length: 50", "Content-Length: 48", 1), "\r\n", "\n")), 0, []string{"1 warcinfo 48", "EOF"}},
		{"extra blank lines", []byte("\r\n\r\n" + info + "\r\n\n" + req), 0, []string{"1 warcinfo {I}", "2 request {R}", "EOF"}},
		{"header continuation", []byte(strings.Replace(info, "WARC-Record-ID: <urn:uuid:0001>", "X-Note: first\r\n  second", 1)), 0,
			[]string{"1 warcinfo {I}", "EOF"}},
		{"garbage before first record", []byte("not a warc line\r\nmore junk\r\n" + info), 0,
			[]string{`err 1 resumable: expected a WARC/ version line, found "not a warc line"`, "2 warcinfo {I}", "EOF"}},
		{"garbage only", []byte("just some text\nand more\n"), 0,
			[]string{`err 1 resumable: expected a WARC/ version line, found "just some text"`, "EOF"}},
		{"missing Content-Length", []byte(info + "WARC/1.0\r\nWARC-Type: resource\r\n\r\nbody\r\n\r\n" + req), 0,
			[]string{"1 warcinfo {I}", "err 2 resumable: missing Content-Length", "3 request {R}", "EOF"}},
		{"bad Content-Length", []byte(strings.Replace(info, "Content-Length: 50", "Content-Length: -3", 1) + req), 0,
			[]string{`err 1 resumable: invalid Content-Length "-3"`, "2 request {R}", "EOF"}},
		{"malformed header line", []byte("WARC/1.0\r\nno colon here\r\n\r\n" + req), 0,
			[]string{`err 1 resumable: malformed header line "no colon here"`, "2 request {R}", "EOF"}},
		{"continuation first", []byte("WARC/1.0\r\n  stray\r\n\r\n" + req), 0,
			[]string{"err 1 resumable: header continuation line before any header", "2 request {R}", "EOF"}},
		{"Content-Length beyond EOF", []byte(info + strings.Replace(req, "Content-Length: 42", "Content-Length: 900", 1)), 0,
			[]string{"1 warcinfo {I}", "err 2 fatal: block of 900 bytes (Content-Length) runs past the end of input, 46 bytes left: unexpected EOF"}},
		{"input ends in header", []byte(info + "WARC/1.0\r\nWARC-Type: resp"), 0,
			[]string{"1 warcinfo {I}", "err 2 fatal: input ends inside the record header: unexpected EOF"}},
		{"record over the bound", []byte(resp + info), 300, []string{
			fmt.Sprintf("err 1 resumable: record is %d bytes, over the limit of 300: record too large", len(resp)-4), "2 warcinfo {I}", "EOF"}},
		{"header over the bound", []byte(resp + rec("resource", "x")), 100, []string{
			"err 1 resumable: header over 100 bytes: record too large", "2 resource 1", "EOF"}},
		{"overlong header line", []byte("WARC/1.0\r\nX-Big: " + strings.Repeat("x", bufSize+10) + "\r\n\r\n" + info), 0,
			[]string{"err 1 resumable: header line longer than 65536 bytes", "2 warcinfo {I}", "EOF"}},
		{"overlong first line", []byte(strings.Repeat("y", bufSize+10) + "\r\n" + info), 0,
			[]string{"err 1 resumable: first line longer than 65536 bytes, not a WARC version line", "2 warcinfo {I}", "EOF"}},
		{"WARC/1. inside an overlong line is not a record", []byte("junk\n" + strings.Repeat("z", bufSize) + "WARC/1.0 x\n" + info), 0,
			[]string{`err 1 resumable: expected a WARC/ version line, found "junk"`, "2 warcinfo {I}", "EOF"}},
		{"corrupt gzip", []byte{0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02}, 0, []string{"err 1 fatal: gzip: unexpected EOF"}},
		{"truncated gzip", gzipMembers(info + resp)[:60], 0, []string{"err 1 fatal: read: unexpected EOF"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := readAll(t, NewReader(bytes.NewReader(tt.in), tt.max))
			for i := range tt.want {
				tt.want[i] = strings.NewReplacer("{I}", fmt.Sprint(len(infoBody)), "{R}", fmt.Sprint(len(reqBody))).Replace(tt.want[i])
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

func TestRecordFields(t *testing.T) {
	in := strings.Replace(resp, "WARC-Target-URI: http://example.test/fair", "WARC-Target-URI: <http://example.test/fair>", 1)
	r := NewReader(strings.NewReader(info+in), 0)
	if _, err := r.Next(); err != nil {
		t.Fatal(err)
	}
	rec, err := r.Next()
	if err != nil {
		t.Fatal(err)
	}
	if rec.Offset != int64(len(info)) || rec.Number != 2 || rec.Version != "WARC/1.0" {
		t.Errorf("offset %d number %d version %q", rec.Offset, rec.Number, rec.Version)
	}
	if got := rec.TargetURI(); got != "http://example.test/fair" {
		t.Errorf("TargetURI = %q", got)
	}
	if got := rec.Headers.Get("warc-date"); got != "2024-03-02T10:00:00Z" {
		t.Errorf("WARC-Date = %q", got)
	}
	if string(rec.Raw) != in {
		t.Errorf("Raw is not the record as written")
	}
}

func compress(kind, s string) string {
	var b bytes.Buffer
	var w io.WriteCloser
	switch kind {
	case "gzip":
		w = gzip.NewWriter(&b)
	case "zlib":
		w = zlib.NewWriter(&b)
	case "flate":
		w, _ = flate.NewWriter(&b, flate.DefaultCompression)
	}
	w.Write([]byte(s))
	w.Close()
	return b.String()
}

func TestHTTPResponse(t *testing.T) {
	const body = "<p>Lanterns lined the quay.</p>"
	tests := []struct {
		name      string
		block     string
		max       int
		wantBody  string
		wantMedia string
		wantCS    string
		wantTrunc bool
		wantErr   string
	}{
		{name: "plain", block: httpResp("200 OK", body, "Content-Type: text/html; charset=ISO-8859-1"),
			wantBody: body, wantMedia: "text/html", wantCS: "ISO-8859-1"},
		{name: "chunked", block: httpResp("200 OK", "5\r\n<p>La\r\n1a\r\nnterns lined the quay.</p>\r\n0\r\n\r\n",
			"Transfer-Encoding: chunked", "Content-Type: TEXT/HTML"), wantBody: body, wantMedia: "text/html"},
		{name: "gzip", block: httpResp("200 OK", compress("gzip", body), "Content-Encoding: gzip", "Content-Type: text/html"),
			wantBody: body, wantMedia: "text/html"},
		{name: "gzip header, body already decoded", block: httpResp("200 OK", body, "Content-Encoding: gzip"), wantBody: body},
		{name: "deflate as zlib", block: httpResp("200 OK", compress("zlib", body), "Content-Encoding: deflate"), wantBody: body},
		{name: "deflate raw", block: httpResp("200 OK", compress("flate", body), "Content-Encoding: deflate"), wantBody: body},
		{name: "truncated by crawler", block: httpResp("200 OK", body[:10], fmt.Sprintf("Content-Length: %d", len(body))),
			wantBody: body[:10], wantTrunc: true},
		{name: "truncated gzip", block: httpResp("200 OK", compress("gzip", body+body)[:30], "Content-Encoding: gzip"),
			wantTrunc: true, wantBody: "*"},
		{name: "HTTP/2 status line", block: strings.Replace(httpResp("200 OK", body), "HTTP/1.1", "HTTP/2", 1), wantBody: body},
		{name: "unsupported encoding", block: httpResp("200 OK", body, "Content-Encoding: br"), wantErr: `unsupported Content-Encoding "br"`},
		{name: "over the bound", block: httpResp("200 OK", body), max: 8, wantErr: "read HTTP body: body over 8 bytes: record too large"},
		{name: "gzip over the bound", block: httpResp("200 OK", compress("gzip", strings.Repeat("a", 5000)), "Content-Encoding: gzip"),
			max: 1000, wantErr: "gzip body: body over 1000 bytes"},
		{name: "corrupt gzip", block: httpResp("200 OK", "\x1f\x8bnot really", "Content-Encoding: gzip"), wantErr: "gzip body:"},
		{name: "not HTTP", block: "hello there", wantErr: "parse HTTP response:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			limit := tt.max
			if limit == 0 {
				limit = 1 << 20
			}
			r := &Record{Block: []byte(tt.block)}
			p, err := r.HTTPResponse(limit)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.wantBody != "*" && string(p.Body) != tt.wantBody {
				t.Errorf("body %q, want %q", p.Body, tt.wantBody)
			}
			if p.MediaType != tt.wantMedia || p.Charset != tt.wantCS || p.Truncated != tt.wantTrunc || p.Status != 200 {
				t.Errorf("media %q charset %q truncated %v status %d", p.MediaType, p.Charset, p.Truncated, p.Status)
			}
		})
	}
}

func FuzzReader(f *testing.F) {
	f.Add([]byte(info + req + resp))
	f.Add(gzipMembers(info, resp))
	f.Add([]byte("WARC/1.0\r\nContent-Length: 5\r\n\r\nab"))
	f.Add([]byte("WARC/1.0\r\n  x\r\nA:b\r\n\r\nWARC/1.0\r\nContent-Length: 0\r\n\r\n"))
	f.Add([]byte("junk\nWARC/1.1\nContent-Length: 2\n\nhi\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		const limit = 4096
		r := NewReader(bytes.NewReader(data), limit)
		last := int64(-1)
		// Each call either consumes input or ends the stream, so a stream
		// of n bytes can never take more than n+1 calls; gzip may expand it,
		// hence the generous factor.
		for calls := 0; ; calls++ {
			if calls > 1100*(len(data)+2) {
				t.Fatal("reader does not make progress")
			}
			rec, err := r.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				var re *RecordError
				if !errors.As(err, &re) {
					t.Fatalf("error of type %T", err)
				}
				if !re.Resumable {
					return
				}
			} else {
				if len(rec.Raw) > limit+4 || rec.Number < 1 {
					t.Fatalf("record %d of %d bytes", rec.Number, len(rec.Raw))
				}
				checkReparse(t, rec, limit)
				_, _ = rec.HTTPResponse(limit)
			}
			if r.Offset() <= last {
				t.Fatalf("offset went from %d to %d", last, r.Offset())
			}
			last = r.Offset()
		}
	})
}
