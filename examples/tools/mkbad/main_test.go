package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// Each committed file is what mkbad writes and is broken in the one way it
// is meant to be.
func TestBadFiles(t *testing.T) {
	for _, f := range files {
		want, err := f.Body()
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join("../../bad", f.Name))
		if err != nil {
			t.Fatal(err)
		}
		// Compressed bytes may differ between Go versions; the truncated
		// WARC is checked for what it is below.
		if f.Name != "truncated.warc.gz" && !bytes.Equal(got, want) {
			t.Errorf("%s differs from what mkbad writes; run go run ./examples/tools/mkbad", f.Name)
		}
		if err := brokenAsMeant(f.Name, got); err != nil {
			t.Errorf("%s: %v", f.Name, err)
		}
	}
}

func brokenAsMeant(name string, b []byte) error {
	switch name {
	case "empty.txt":
		if len(b) != 0 {
			return errors.New("not empty")
		}
	case "binary.txt":
		if !bytes.Contains(b, []byte{0, 0, 0}) {
			return errors.New("holds no NUL bytes")
		}
	case "invalid-utf8.txt":
		if utf8.Valid(b) {
			return errors.New("is valid UTF-8")
		}
	case "malformed.jsonl":
		bad := 0
		for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			if !json.Valid([]byte(line)) {
				bad++
			}
		}
		if bad != 1 {
			return errors.New("want exactly one malformed line")
		}
	case "malformed.rss.xml":
		d := xml.NewDecoder(bytes.NewReader(b))
		for {
			_, err := d.Token()
			if err == io.EOF {
				return errors.New("parses as well-formed XML")
			}
			if err != nil {
				return nil
			}
		}
	case "truncated.warc.gz":
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return err
		}
		out, err := io.ReadAll(zr)
		if !errors.Is(err, io.ErrUnexpectedEOF) {
			return errors.New("does not end in the middle of a gzip member")
		}
		if !bytes.HasPrefix(out, []byte("WARC/1.0\r\nWARC-Type: warcinfo")) {
			return errors.New("first record is not a readable warcinfo")
		}
	default:
		return errors.New("no check for this file")
	}
	return nil
}
