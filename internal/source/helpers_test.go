package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/model"
)

var update = flag.Bool("update", false, "rewrite generated fixtures in testdata")

// warcRecord builds one WARC record, counting Content-Length itself.
func warcRecord(typ, block string, headers ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "WARC/1.0\r\nWARC-Type: %s\r\n", typ)
	for _, h := range headers {
		b.WriteString(h + "\r\n")
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s\r\n\r\n", len(block), block)
	return b.String()
}

// httpMsg builds an HTTP response message.
func httpMsg(status, body string, headers ...string) string {
	return "HTTP/1.1 " + status + "\r\n" + strings.Join(append(headers, ""), "\r\n") + "\r\n" + body
}

func gz(parts ...[]byte) []byte {
	var out bytes.Buffer
	for _, p := range parts {
		zw := gzip.NewWriter(&out)
		zw.Write(p)
		zw.Close()
	}
	return out.Bytes()
}

func chunked(s string, size int) string {
	var b strings.Builder
	for len(s) > 0 {
		n := min(size, len(s))
		fmt.Fprintf(&b, "%x\r\n%s\r\n", n, s[:n])
		s = s[n:]
	}
	return b.String() + "0\r\n\r\n"
}

// newsWARC is the content of testdata/crawl/news.warc, record by record; the
// file is written from it with -update so nobody counts bytes by hand.
func newsWARC() []string {
	const fair = `<!doctype html><html><head><title>Fair opens in the wind</title></head>` +
		`<body><p>The harbour fair opened on a gusty morning in Port Ellard.</p></body></html>`
	const notice = "Road closure: the quay road is shut on Sunday for the lantern walk.\n"
	const mill = `<html><body><h1>Mill bakery</h1><p>Fresh loaves every morning at the old mill.</p></body></html>`
	const latin = "<html><head><title>Caf\xe9 opens</title></head><body><p>A new caf\xe9 opened on the square.</p></body></html>"
	return []string{
		warcRecord("warcinfo", "software: sitrep-test\r\nformat: WARC File Format 1.0\r\n",
			"WARC-Date: 2024-03-20T00:00:00Z", "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>",
			"Content-Type: application/warc-fields"),
		warcRecord("request", "GET /fair HTTP/1.1\r\nHost: courier.example\r\n\r\n",
			"WARC-Target-URI: https://courier.example/fair", "Content-Type: application/http; msgtype=request"),
		warcRecord("response", httpMsg("200 OK", chunked(string(gz([]byte(fair))), 40),
			"Content-Type: text/html; charset=utf-8", "Content-Encoding: gzip", "Transfer-Encoding: chunked",
			"Last-Modified: Thu, 14 Mar 2024 09:00:00 GMT"),
			"WARC-Target-URI: https://courier.example/fair", "WARC-Date: 2024-03-20T10:00:00Z",
			"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000003>",
			"Content-Type: application/http; msgtype=response"),
		warcRecord("metadata", "fetchTimeMs: 120\r\n",
			"WARC-Target-URI: https://courier.example/fair", "Content-Type: application/warc-fields"),
		warcRecord("response", httpMsg("200 OK", notice, "Content-Type: text/plain"),
			"WARC-Target-URI: https://courier.example/notice", "WARC-Date: 2024-03-20T10:01:00Z",
			"Content-Type: application/http; msgtype=response"),
		warcRecord("response", httpMsg("200 OK", "\x89PNG\r\n\x1a\n", "Content-Type: image/png"),
			"WARC-Target-URI: https://courier.example/logo.png", "Content-Type: application/http; msgtype=response"),
		warcRecord("response", httpMsg("301 Moved Permanently", "<html><body>moved</body></html>",
			"Location: https://courier.example/fair", "Content-Type: text/html"),
			"WARC-Target-URI: http://courier.example/fair", "Content-Type: application/http; msgtype=response"),
		"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://courier.example/lost\r\n\r\nHTTP/1.1 200 OK\r\n\r\nlost\r\n\r\n",
		warcRecord("resource", mill, "WARC-Target-URI: https://gazette.example/mill",
			"WARC-Date: 2024-03-20T11:00:00Z", "Content-Type: text/html"),
		warcRecord("response", httpMsg("200 OK", latin, "Content-Type: text/html; charset=ISO-8859-1",
			"Content-Language: fr, en"),
			"WARC-Target-URI: <https://gazette.example/cafe>", "WARC-Date: 2024-03-20T12:00:00Z",
			"Content-Type: application/http; msgtype=response"),
	}
}

func TestWriteFixtures(t *testing.T) {
	if !*update {
		t.Skip("run with -update to rewrite testdata/crawl/news.warc")
	}
	if err := os.WriteFile("testdata/crawl/news.warc", []byte(strings.Join(newsWARC(), "")), 0o644); err != nil {
		t.Fatal(err)
	}
}

func writeFile(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func collect(t testing.TB, opt Options, paths ...string) []Item {
	t.Helper()
	var items []Item
	err := Walk(context.Background(), paths, opt, func(it Item) error {
		items = append(items, it)
		return nil
	})
	if err != nil {
		t.Fatalf("Walk returned %v", err)
	}
	return items
}

// summary describes items one per line, with root cut from paths, so a test
// can state what a walk should yield at a glance.
func summary(items []Item, root string) []string {
	rel := func(s string) string { return strings.ReplaceAll(s, root+string(filepath.Separator), "") }
	var out []string
	for _, it := range items {
		switch {
		case it.Doc != nil:
			d := it.Doc
			label := d.Hints.Title
			if label == "" {
				label = d.Hints.URL
			}
			out = append(out, fmt.Sprintf("%s %s/%s %q", rel(d.Source), d.Container, d.Format, label))
		case it.Failure != nil:
			out = append(out, "FAIL "+rel(it.Failure.Error()))
		default:
			out = append(out, "EMPTY ITEM")
		}
	}
	return out
}

func docs(items []Item) []model.RawDoc {
	var out []model.RawDoc
	for _, it := range items {
		if it.Doc != nil {
			out = append(out, *it.Doc)
		}
	}
	return out
}

func sameLines(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}
