// Command mkwarc writes examples/corpus/crawl.warc.gz, a small WARC 1.0 file
// shaped like a Common Crawl News segment: a warcinfo record, then a request
// and a response record for each page listed in urls.txt, every record in
// its own gzip member.
//
// The output is a pure function of pages/*.html and urls.txt: dates come from
// the list, record ids are derived from the target URIs, and the gzip headers
// carry no name or time. Run it from the repository root:
//
//	go run ./examples/tools/mkwarc
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha1"
	"encoding/base32"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

const (
	warcinfoDate = "2025-04-25T03:12:00Z"
	outName      = "crawl.warc.gz"
	userAgent    = "ExampleNewsBot/1.0 (sitrep examples; no real site is crawled)"
	httpTime     = "Mon, 02 Jan 2006 15:04:05 GMT"
)

// page is one line of urls.txt.
type page struct {
	File        string
	URI         string
	Date        string // WARC-Date, RFC 3339 UTC
	IP          string
	ContentType string
}

func main() {
	dir := flag.String("dir", "examples/tools/mkwarc", "folder holding urls.txt and pages/")
	out := flag.String("out", "examples/corpus/"+outName, "WARC file to write")
	flag.Parse()
	data, err := build(*dir)
	if err == nil {
		err = os.WriteFile(*out, data, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "mkwarc:", err)
		os.Exit(1)
	}
}

// build returns the gzipped WARC file for the pages listed in dir/urls.txt.
func build(dir string) ([]byte, error) {
	pages, err := readList(filepath.Join(dir, "urls.txt"))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	infoID := recordID("warcinfo", outName)
	info := "software: sitrep mkwarc (examples/tools/mkwarc)\r\n" +
		"format: WARC File Format 1.0\r\n" +
		"conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.0/\r\n" +
		"isPartOf: sitrep-examples-news-2025-04\r\n" +
		"description: Example news crawl for sitrep. Every site and page in it is invented.\r\n" +
		"operator: sitrep examples\r\n"
	if err := writeRecord(&out, [][2]string{
		{"WARC-Type", "warcinfo"},
		{"WARC-Date", warcinfoDate},
		{"WARC-Filename", outName},
		{"WARC-Record-ID", infoID},
		{"Content-Type", "application/warc-fields"},
	}, []byte(info)); err != nil {
		return nil, err
	}
	for _, p := range pages {
		body, err := os.ReadFile(filepath.Join(dir, "pages", p.File))
		if err != nil {
			return nil, err
		}
		if err := writePage(&out, p, body, infoID); err != nil {
			return nil, fmt.Errorf("%s: %w", p.File, err)
		}
	}
	return out.Bytes(), nil
}

// writePage appends the request and response records of one page.
func writePage(out *bytes.Buffer, p page, body []byte, infoID string) error {
	u, err := url.Parse(p.URI)
	if err != nil {
		return err
	}
	when, err := time.Parse(time.RFC3339, p.Date)
	if err != nil {
		return err
	}
	reqID := recordID("request", p.URI)
	req := "GET " + u.RequestURI() + " HTTP/1.1\r\n" +
		"Host: " + u.Host + "\r\n" +
		"User-Agent: " + userAgent + "\r\n" +
		"Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n" +
		"Accept-Language: en-US,en;q=0.5\r\n" +
		"Accept-Encoding: br,gzip\r\n" +
		"Connection: Keep-Alive\r\n\r\n"
	if err := writeRecord(out, [][2]string{
		{"WARC-Type", "request"},
		{"WARC-Date", p.Date},
		{"WARC-Record-ID", reqID},
		{"WARC-Warcinfo-ID", infoID},
		{"WARC-IP-Address", p.IP},
		{"WARC-Target-URI", p.URI},
		{"Content-Type", "application/http; msgtype=request"},
	}, []byte(req)); err != nil {
		return err
	}
	head := "HTTP/1.1 200 OK\r\n" +
		"Date: " + when.UTC().Format(httpTime) + "\r\n" +
		"Server: nginx\r\n" +
		"Content-Type: " + p.ContentType + "\r\n" +
		"Content-Length: " + strconv.Itoa(len(body)) + "\r\n" +
		"Cache-Control: max-age=300\r\n" +
		"Connection: close\r\n\r\n"
	block := append([]byte(head), body...)
	return writeRecord(out, [][2]string{
		{"WARC-Type", "response"},
		{"WARC-Date", p.Date},
		{"WARC-Record-ID", recordID("response", p.URI)},
		{"WARC-Concurrent-To", reqID},
		{"WARC-Warcinfo-ID", infoID},
		{"WARC-IP-Address", p.IP},
		{"WARC-Target-URI", p.URI},
		{"WARC-Payload-Digest", digest(body)},
		{"WARC-Block-Digest", digest(block)},
		{"WARC-Identified-Payload-Type", "text/html"},
		{"Content-Type", "application/http; msgtype=response"},
	}, block)
}

// writeRecord appends one WARC record, compressed as its own gzip member.
func writeRecord(out *bytes.Buffer, headers [][2]string, block []byte) error {
	var rec bytes.Buffer
	rec.WriteString("WARC/1.0\r\n")
	for _, h := range headers {
		rec.WriteString(h[0] + ": " + h[1] + "\r\n")
	}
	rec.WriteString("Content-Length: " + strconv.Itoa(len(block)) + "\r\n\r\n")
	rec.Write(block)
	rec.WriteString("\r\n\r\n")
	zw, err := gzip.NewWriterLevel(out, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(rec.Bytes()); err != nil {
		return err
	}
	return zw.Close()
}

// recordID derives a stable urn:uuid (version 5 layout) from a record's kind
// and target, so that rebuilding the file gives the same ids.
func recordID(kind, target string) string {
	h := sha1.Sum([]byte("sitrep-mkwarc\x00" + kind + "\x00" + target))
	h[6] = h[6]&0x0f | 0x50
	h[8] = h[8]&0x3f | 0x80
	return fmt.Sprintf("<urn:uuid:%x-%x-%x-%x-%x>", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}

// digest is the WARC form of a SHA-1 digest: "sha1:" and base32.
func digest(b []byte) string {
	h := sha1.Sum(b)
	return "sha1:" + base32.StdEncoding.EncodeToString(h[:])
}

// readList parses urls.txt: tab-separated columns, '#' comments, blank lines.
func readList(path string) ([]page, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var pages []page
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) != 5 {
			return nil, fmt.Errorf("%s:%d: want 5 tab-separated columns, have %d", path, n, len(c))
		}
		pages = append(pages, page{File: c[0], URI: c[1], Date: c[2], IP: c[3], ContentType: c[4]})
	}
	return pages, sc.Err()
}
