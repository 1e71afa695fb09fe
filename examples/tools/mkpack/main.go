// Command mkpack writes the example corpus files that cannot be kept as
// plain UTF-8 text: a gzipped HTML page, a gzipped JSON Lines file and a page
// encoded in windows-1252. Their readable sources live in src/; the output is
// a pure function of them (gzip headers carry a fixed name and time).
// Run it from the repository root:
//
//	go run ./examples/tools/mkpack
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"
	"unicode/utf8"
)

// job turns one source file into one corpus file.
type job struct {
	Src, Dst string // Src relative to the tool folder, Dst to the corpus
	Encode   func(name string, src []byte) ([]byte, error)
}

var jobs = []job{
	{"src/pages/global-conflict-monitor-2025-02-19-depot-satellite.html", "pages/global-conflict-monitor-2025-02-19-depot-satellite.html.gz", gzipped},
	{"src/wire-archive.jsonl", "wire-archive.jsonl.gz", gzipped},
	{"src/pages/rundschau-ost-2025-04-02-legion.html", "pages/rundschau-ost-2025-04-02-legion.html", windows1252},
}

// gzipTime is the modification time written into every gzip header.
var gzipTime = time.Date(2025, 4, 25, 0, 0, 0, 0, time.UTC)

func main() {
	dir := flag.String("dir", "examples/tools/mkpack", "folder holding src/")
	corpus := flag.String("corpus", "examples/corpus", "corpus folder to write into")
	flag.Parse()
	if err := run(*dir, *corpus); err != nil {
		fmt.Fprintln(os.Stderr, "mkpack:", err)
		os.Exit(1)
	}
}

func run(dir, corpus string) error {
	for _, j := range jobs {
		out, err := build(dir, j)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(corpus, j.Dst), out, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// build returns the bytes job j writes.
func build(dir string, j job) ([]byte, error) {
	src, err := os.ReadFile(filepath.Join(dir, j.Src))
	if err != nil {
		return nil, err
	}
	out, err := j.Encode(filepath.Base(j.Src), src)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", j.Src, err)
	}
	return out, nil
}

func gzipped(name string, src []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	zw.Name = name
	zw.ModTime = gzipTime
	if _, err := zw.Write(src); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// cp1252High maps the characters windows-1252 places in 0x80-0x9F. Code
// points U+00A0-U+00FF keep their Latin-1 byte.
var cp1252High = map[rune]byte{
	'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87,
	'ˆ': 0x88, '‰': 0x89, 'Š': 0x8A, '‹': 0x8B, 'Œ': 0x8C, 'Ž': 0x8E,
	'‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97,
	'˜': 0x98, '™': 0x99, 'š': 0x9A, '›': 0x9B, 'œ': 0x9C, 'ž': 0x9E, 'Ÿ': 0x9F,
}

// windows1252 re-encodes UTF-8 text; a character it cannot hold is an error.
func windows1252(_ string, src []byte) ([]byte, error) {
	out := make([]byte, 0, len(src))
	for i, r := range string(src) {
		switch b, ok := cp1252High[r]; {
		case r == utf8.RuneError:
			return nil, fmt.Errorf("invalid UTF-8 at byte %d", i)
		case r < 0x80 || (r >= 0xA0 && r <= 0xFF):
			out = append(out, byte(r))
		case ok:
			out = append(out, b)
		default:
			return nil, fmt.Errorf("%q at byte %d has no windows-1252 form", r, i)
		}
	}
	return out, nil
}
