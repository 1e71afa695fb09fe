package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The committed corpus files are what mkpack writes from src/. Gzip output
// may differ between Go versions, so gzip files are compared decompressed.
func TestCommittedFilesAreReproducible(t *testing.T) {
	for _, j := range jobs {
		want, err := build(".", j)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join("../../corpus", j.Dst))
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(j.Dst, ".gz") {
			got, want = gunzip(t, got), gunzip(t, want)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from what mkpack writes; run go run ./examples/tools/mkpack", j.Dst)
		}
	}
}

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestWindows1252(t *testing.T) {
	got, err := windows1252("", []byte("Brežan sagte: „Grüße“ – 5 €"))
	if err != nil {
		t.Fatal(err)
	}
	want := []byte("Bre\x9ean sagte: \x84Gr\xfc\xdfe\x93 \x96 5 \x80")
	if !bytes.Equal(got, want) {
		t.Errorf("got % x\nwant % x", got, want)
	}
	if _, err := windows1252("", []byte("Čakovec")); err == nil {
		t.Error("Č has no windows-1252 form but encoded without error")
	}
	if _, err := windows1252("", []byte("bad \xff byte")); err == nil {
		t.Error("invalid UTF-8 encoded without error")
	}
}
