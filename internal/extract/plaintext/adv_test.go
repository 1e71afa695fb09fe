package plaintext

import (
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/model"
)

// TestAdversarialInputs guards against work that grows faster than the
// input: each of these shapes once made some rule revisit lines.
func TestAdversarialInputs(t *testing.T) {
	cases := map[string]string{
		"many short lines": strings.Repeat("a\n", 20000),
		"many colons":      strings.Repeat("Here are the items:\nitem one\n", 20000),
		"many numbers":     strings.Repeat("1. x\n2. y\n", 20000),
		"many dates":       strings.Repeat("Posted by: X | March 3, 2022 10:15 AM\nA comment that goes on for a while, as comments do.\n", 10000),
		"huge line dates":  strings.Repeat("March 3, 2022 (Reuters) - ", 20000),
		"many parens":      strings.Repeat("(", 40000),
		"titles":           strings.Repeat("Some Title Shaped Line Here\n", 40000),
		"bylines":          strings.Repeat("By John Smith\n", 40000),
		"wrapped":          strings.Repeat("this line has no end and runs on with more words\n", 40000),
		"no newline words": strings.Repeat("word ", 40000),
	}
	for name, body := range cases {
		start := time.Now()
		var a model.Article
		st := NewStats()
		st.Add(body, "g")
		Extract(&a, body, st, "g")
		if el := time.Since(start); el > 2*time.Second {
			t.Errorf("%s: %v for %d bytes", name, el, len(body))
		}
	}
}
