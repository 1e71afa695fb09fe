package text

import (
	"fmt"
	"testing"
	"unicode/utf8"
)

// check verifies what every Doc promises, whatever the input: spans in code
// points that reproduce the token texts, tokens in order without overlap,
// sentences that cover every token once and in order, paragraphs around
// their sentences, and SentenceAt agreeing with the sentences.
func check(t testing.TB, text string, d Doc) {
	t.Helper()
	if err := validate(text, d); err != nil {
		t.Fatalf("%v\ninput: %q", err, text)
	}
}

func validate(text string, d Doc) error {
	runes := []rune(text)
	sub := func(s, e int) (string, bool) {
		if s < 0 || e > len(runes) || s > e {
			return "", false
		}
		return string(runes[s:e]), true
	}
	prev := 0
	for i, tok := range d.Tokens {
		sp := tok.Span
		if sp.Start < prev || sp.End <= sp.Start {
			return fmt.Errorf("token %d %q: span %v after %d", i, tok.Text, sp, prev)
		}
		got, ok := sub(sp.Start, sp.End)
		if !ok || got != tok.Text {
			return fmt.Errorf("token %d: span %v reads %q, text %q", i, sp, got, tok.Text)
		}
		if !utf8.ValidString(tok.Text) {
			return fmt.Errorf("token %d: invalid UTF-8 %q", i, tok.Text)
		}
		if tok.Kind < Word || tok.Kind > Hashtag {
			return fmt.Errorf("token %d %q: kind %d", i, tok.Text, tok.Kind)
		}
		prev = sp.End
	}
	next := 0
	for i, s := range d.Sentences {
		if s.First != next || len(s.Tokens) == 0 {
			return fmt.Errorf("sentence %d starts at token %d with %d tokens, want token %d", i, s.First, len(s.Tokens), next)
		}
		for k, tok := range s.Tokens {
			if tok != d.Tokens[s.First+k] {
				return fmt.Errorf("sentence %d token %d differs from the document's", i, k)
			}
		}
		next += len(s.Tokens)
		if s.Span.Start != s.Tokens[0].Span.Start || s.Span.End != s.Tokens[len(s.Tokens)-1].Span.End {
			return fmt.Errorf("sentence %d: span %v does not fit its tokens", i, s.Span)
		}
		// Text is the raw substring; invalid bytes read as U+FFFD through
		// the rune slice, one each, as they do in a rune conversion of it.
		if got, _ := sub(s.Span.Start, s.Span.End); got != string([]rune(s.Text)) {
			return fmt.Errorf("sentence %d: span reads %q, text %q", i, got, s.Text)
		}
		if s.Para < 0 || s.Para >= len(d.Paragraphs) {
			return fmt.Errorf("sentence %d: paragraph %d of %d", i, s.Para, len(d.Paragraphs))
		}
		p := d.Paragraphs[s.Para]
		if s.Span.Start < p.Start || s.Span.End > p.End {
			return fmt.Errorf("sentence %d %v outside its paragraph %v", i, s.Span, p)
		}
		if i > 0 && d.Sentences[i-1].Para > s.Para {
			return fmt.Errorf("sentence %d: paragraphs out of order", i)
		}
		for _, off := range []int{s.Span.Start, s.Span.End - 1} {
			if got := d.SentenceAt(off); got != i {
				return fmt.Errorf("SentenceAt(%d) = %d, want %d", off, got, i)
			}
		}
	}
	if next != len(d.Tokens) {
		return fmt.Errorf("sentences cover %d of %d tokens", next, len(d.Tokens))
	}
	prev = 0
	for i, p := range d.Paragraphs {
		if p.Start < prev || p.End <= p.Start || p.End > len(runes) {
			return fmt.Errorf("paragraph %d: span %v after %d", i, p, prev)
		}
		prev = p.End
	}
	if d.DatelineEnd != 0 {
		if d.Dateline.Start < 0 || d.Dateline.End <= d.Dateline.Start || d.DatelineEnd <= d.Dateline.End || d.DatelineEnd > len(runes) {
			return fmt.Errorf("dateline %v ending at %d", d.Dateline, d.DatelineEnd)
		}
	}
	if d.SentenceAt(-1) != -1 || d.SentenceAt(len(runes)) != -1 {
		return fmt.Errorf("SentenceAt outside the text found a sentence")
	}
	return nil
}
