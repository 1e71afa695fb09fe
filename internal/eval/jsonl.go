package eval

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
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

// checkID rejects ids that cannot name a file in docs/.
func checkID(id string) error {
	if id == "" || strings.ContainsAny(id, `/\`) {
		return fmt.Errorf("bad id %q", id)
	}
	return nil
}
