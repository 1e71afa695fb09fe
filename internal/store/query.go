package store

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Term is one unit of a search query as a person typed it. Backends render
// terms into their own full-text syntax, always as literal text, so that no
// character a person types can be read as an operator.
type Term struct {
	// Text is the word or phrase without its quotes or trailing *.
	Text string
	// Phrase is set when Text was quoted: its words must appear in order.
	Phrase bool
	// Prefix is set when an unquoted word ended in *: it matches words
	// starting with Text.
	Prefix bool
}

// ParseQuery splits a search query into terms that must all match. Words are
// separated by spaces; "straight" or “curly” double quotes make a phrase (an
// unclosed quote runs to the end); a bare AND is dropped since it is what
// the terms mean anyway. Terms without a letter or digit could match nothing
// and are dropped; if none is left, ParseQuery fails with ErrEmptyQuery.
func ParseQuery(q string) ([]Term, error) {
	q = strings.Map(func(r rune) rune {
		// A NUL would end the query early in C-backed engines, and other
		// control characters are never meant as text.
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(q, " "))

	var terms []Term
	for q != "" {
		r, size := utf8.DecodeRuneInString(q)
		switch {
		case unicode.IsSpace(r):
			q = q[size:]
		case isOpenQuote(r):
			q = q[size:]
			end := strings.IndexFunc(q, isCloseQuote)
			phrase := q
			if end < 0 {
				q = ""
			} else {
				phrase = q[:end]
				_, cs := utf8.DecodeRuneInString(q[end:])
				q = q[end+cs:]
			}
			if t := strings.Join(strings.Fields(phrase), " "); hasWordChar(t) {
				terms = append(terms, Term{Text: t, Phrase: true})
			}
		default:
			end := strings.IndexFunc(q, func(r rune) bool { return unicode.IsSpace(r) || isOpenQuote(r) })
			word := q
			if end < 0 {
				q = ""
			} else {
				word, q = q[:end], q[end:]
			}
			if word == "AND" {
				continue
			}
			t := Term{Text: strings.TrimRight(word, "*")}
			t.Prefix = len(t.Text) < len(word)
			if hasWordChar(t.Text) {
				terms = append(terms, t)
			}
		}
	}
	if len(terms) == 0 {
		return nil, ErrEmptyQuery
	}
	return terms, nil
}

func isOpenQuote(r rune) bool  { return r == '"' || r == '“' || r == '„' }
func isCloseQuote(r rune) bool { return r == '"' || r == '”' || r == '“' }

func hasWordChar(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return unicode.IsLetter(r) || unicode.IsNumber(r)
	}) >= 0
}
