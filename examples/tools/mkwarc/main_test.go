package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"strings"
	"testing"
)

// The committed WARC is what the generator writes from its inputs: same
// records, one gzip member each. Compressed bytes may differ between Go
// versions, so the test compares the records.
func TestCommittedWARCIsReproducible(t *testing.T) {
	want, err := build(".")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../corpus/" + outName)
	if err != nil {
		t.Fatal(err)
	}
	g, w := split(t, got), split(t, want)
	if len(w) != 9 {
		t.Fatalf("generator wrote %d records, want 9 (warcinfo and 4 request/response pairs)", len(w))
	}
	if len(g) != len(w) {
		t.Fatalf("committed file has %d records, generator %d; run go run ./examples/tools/mkwarc", len(g), len(w))
	}
	for i := range w {
		if g[i] != w[i] {
			t.Errorf("record %d differs from the generator's; run go run ./examples/tools/mkwarc", i+1)
		}
	}
	for i, rec := range w {
		if !strings.HasPrefix(rec, "WARC/1.0\r\n") || !strings.HasSuffix(rec, "\r\n\r\n") {
			t.Errorf("record %d is not framed as WARC/1.0", i+1)
		}
		kind := "warcinfo"
		switch {
		case i > 0 && i%2 == 1:
			kind = "request"
		case i > 0:
			kind = "response"
		}
		if !strings.Contains(rec, "WARC-Type: "+kind+"\r\n") {
			t.Errorf("record %d is not a %s record", i+1, kind)
		}
	}
}

// split decompresses each gzip member of data on its own.
func split(t *testing.T, data []byte) []string {
	t.Helper()
	br := bytes.NewReader(data)
	var out []string
	for br.Len() > 0 {
		zr, err := gzip.NewReader(br)
		if err != nil {
			t.Fatal(err)
		}
		zr.Multistream(false)
		b, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

func TestRecordIDIsStable(t *testing.T) {
	a, b := recordID("response", "https://x.qs/a"), recordID("response", "https://x.qs/a")
	if a != b || a == recordID("request", "https://x.qs/a") {
		t.Fatalf("ids %s %s", a, b)
	}
	if len(a) != len("<urn:uuid:00000000-0000-5000-8000-000000000000>") || a[24] != '5' {
		t.Fatalf("id %s is not a version 5 urn:uuid", a)
	}
}
