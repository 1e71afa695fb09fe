package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Sentence is a tokenised sentence with its BIO tags, as read from CoNLL.
type Sentence struct {
	Words []string
	Tags  []string
}

// Document groups the sentences of one `# doc:` block, so that the
// document-level consistency features see what an earlier sentence said.
type Document struct {
	ID    string
	Sents []Sentence
}

// ReadCoNLL reads token TAB tag lines, blank lines between sentences and
// `# doc: id` lines at document starts. Types other than PER, ORG and LOC
// become O: the training corpora disagree on MISC (UNER and BTC have none),
// and only the three shared types are kept consistent across sources.
func ReadCoNLL(r io.Reader) ([]Document, error) {
	var docs []Document
	var cur Sentence
	flush := func() {
		if len(cur.Words) == 0 {
			return
		}
		if len(docs) == 0 {
			docs = append(docs, Document{})
		}
		d := &docs[len(docs)-1]
		d.Sents = append(d.Sents, cur)
		cur = Sentence{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.HasPrefix(s, "# doc:") {
			flush()
			docs = append(docs, Document{ID: strings.TrimSpace(s[len("# doc:"):])})
			continue
		}
		if strings.TrimSpace(s) == "" {
			flush()
			continue
		}
		if strings.HasPrefix(s, "#") && !strings.Contains(s, "\t") {
			continue
		}
		i := strings.LastIndexByte(s, '\t')
		if i < 0 {
			return nil, fmt.Errorf("ner: line %d: no tab in %q", line, s)
		}
		cur.Words = append(cur.Words, s[:i])
		cur.Tags = append(cur.Tags, normTag(s[i+1:]))
	}
	flush()
	return docs, sc.Err()
}

func normTag(t string) string {
	t = strings.TrimSpace(t)
	if len(t) < 3 || (t[0] != 'B' && t[0] != 'I') || t[1] != '-' {
		return "O"
	}
	switch t[2:] {
	case "PER", "ORG", "LOC":
		return t
	}
	return "O"
}
