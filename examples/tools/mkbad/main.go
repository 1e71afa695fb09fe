// Command mkbad writes examples/bad/, a handful of broken inputs that show
// how sitrep reports failures without stopping a batch: an empty file, a
// binary file named like text, a JSON Lines file with one malformed line, a
// truncated WARC, a feed that is not well-formed XML and a text file with
// invalid UTF-8. The output is fixed; run it from the repository root:
//
//	go run ./examples/tools/mkbad
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

// file is one broken input.
type file struct {
	Name string
	Body func() ([]byte, error)
}

var files = []file{
	{"empty.txt", fixed(nil)},
	// A PNG signature and header chunk followed by NULs: binary, named .txt.
	{"binary.txt", fixed([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa\x00\x00\x00\x00\x00\x00\x00\x00"))},
	{"malformed.jsonl", fixed([]byte(
		`{"url":"https://eastline.qs/world/2025/04/05/ok-1","title":"Border quiet overnight, officials say","text":"The night passed without shelling in Hradova region, officials said on Saturday.","published":"2025-04-05","outlet":"Eastline","language":"en"}` + "\n" +
			`{"url":"https://eastline.qs/world/2025/04/05/broken","title":"This line is cut off, "text":"the closing quote of the title is missing` + "\n" +
			`{"url":"https://eastline.qs/world/2025/04/05/ok-2","title":"Schools reopen in Krasnobor district","text":"Pupils in the Krasnobor district returned to classrooms on Monday, the governor said.","published":"2025-04-07","outlet":"Eastline","language":"en"}` + "\n"))},
	{"truncated.warc.gz", truncatedWARC},
	{"malformed.rss.xml", fixed([]byte(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Broken feed</title>
<item><title>First item is fine</title><description>Short text.</description></item>
<item><title>Second item never closes its title<description>Text & more text</description>
</channel>
`))},
	// Lone continuation bytes, a truncated two-byte sequence and 0xFF.
	{"invalid-utf8.txt", fixed([]byte("Border update\n\nResidents of Myrnytsia said the night was quiet \x80\x80 until \xc3 the sirens \xff at dawn.\n"))},
}

func main() {
	out := flag.String("out", "examples/bad", "folder to write the broken inputs into")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "mkbad:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	for _, f := range files {
		b, err := f.Body()
		if err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, f.Name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func fixed(b []byte) func() ([]byte, error) {
	return func() ([]byte, error) { return b, nil }
}

// truncatedWARC is one well-formed gzip member holding a warcinfo record,
// then a response record whose gzip member is cut off halfway.
func truncatedWARC() ([]byte, error) {
	info := "WARC/1.0\r\nWARC-Type: warcinfo\r\nWARC-Date: 2025-04-25T03:00:00Z\r\n" +
		"WARC-Record-ID: <urn:uuid:00000000-0000-5000-8000-000000000001>\r\n" +
		"Content-Type: application/warc-fields\r\nContent-Length: 24\r\n\r\n" +
		"software: sitrep mkbad\r\n\r\n\r\n"
	html := "<html><head><title>Cut off</title></head><body><p>This page is never finished because the file ends in the middle of its gzip member.</p></body></html>"
	http := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s", len(html), html)
	resp := "WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: 2025-04-25T03:00:01Z\r\n" +
		"WARC-Record-ID: <urn:uuid:00000000-0000-5000-8000-000000000002>\r\n" +
		"WARC-Target-URI: https://eastline.qs/world/cut-off\r\n" +
		"Content-Type: application/http; msgtype=response\r\n" +
		fmt.Sprintf("Content-Length: %d\r\n\r\n", len(http)) + http + "\r\n\r\n"
	var out bytes.Buffer
	infoEnd := 0
	for _, rec := range []string{info, resp} {
		zw := gzip.NewWriter(&out)
		if _, err := zw.Write([]byte(rec)); err != nil {
			return nil, err
		}
		if err := zw.Close(); err != nil {
			return nil, err
		}
		if infoEnd == 0 {
			infoEnd = out.Len()
		}
	}
	return out.Bytes()[:infoEnd+(out.Len()-infoEnd)/2], nil
}
