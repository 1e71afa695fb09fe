package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// EachLine calls fn with every non-blank line of a JSON Lines file and its
// 1-based number. An error from fn, or from reading, comes back with the
// file and line, so a broken reference set is named where it breaks.
func EachLine(path string, fn func(line int, b []byte) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	// Gold lines are short, but some carry a document's whole text.
	sc.Buffer(make([]byte, 1<<16), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		if err := fn(line, sc.Bytes()); err != nil {
			return fmt.Errorf("eval: %s:%d: %w", path, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("eval: %s:%d: %w", path, line+1, err)
	}
	return nil
}

// eachTextDoc reads a set of plain-text documents with span gold: each
// line of dir/gold.jsonl decoded into a G, with the text of its
// dir/docs/<id>.txt. A set without documents is an error.
func eachTextDoc[G any](dir string, idOf func(*G) string, fn func(g *G, text string) error) error {
	n := 0
	err := EachLine(filepath.Join(dir, "gold.jsonl"), func(_ int, b []byte) error {
		var g G
		if err := json.Unmarshal(b, &g); err != nil {
			return err
		}
		id := idOf(&g)
		if err := checkID(id); err != nil {
			return err
		}
		body, err := os.ReadFile(filepath.Join(dir, "docs", id+".txt"))
		if err != nil {
			return err
		}
		n++
		return fn(&g, string(body))
	})
	if err == nil && n == 0 {
		err = fmt.Errorf("eval: %s has no documents", dir)
	}
	return err
}

// checkID rejects ids that cannot name a file in docs/.
func checkID(id string) error {
	if id == "" || strings.ContainsAny(id, `/\`) {
		return fmt.Errorf("bad id %q", id)
	}
	return nil
}
