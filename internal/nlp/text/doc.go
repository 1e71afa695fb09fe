// Package text splits news text into paragraphs, sentences and tokens, with
// every span in Unicode code points of the input.
//
// Rules are per language: English by default, German and French, and a
// Unicode-generic set for the rest (letters, digits and marks of any
// script, one token per Han character, no abbreviation list). A language
// rule set is an abbreviation list with classes, common sentence openers,
// reporting verbs, month names and the usual side of each quote mark.
//
// Tokenisation follows the Penn Treebank where news taggers expect it, so
// that it lines up with the NER training corpora: English clitics are split
// ("Russia's" → "Russia" "'s", "don't" → "do" "n't"), while hyphenated
// words ("pro-Ukraine", "COVID-19"), numbers with separators ("1,200",
// "2024-03-21"), abbreviations with their period ("U.S.", "Gen."), URLs,
// e-mail addresses, @handles and #hashtags stay whole. Quote marks are
// tokens that say whether they open or close.
//
// Sentences end at . ! ? … and their wide forms, with closing quotes and
// brackets kept on the sentence they close, when a blank and a capital,
// digit or opening mark follow; abbreviations, initials, decimals, German
// ordinals and quotations followed by their attribution ("Why?" Smith
// asked.) do not end one. Paragraph ends always do.
package text

import (
	"sort"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/model"
)

// Sentence is one sentence of a Doc.
type Sentence struct {
	Span model.Span
	// Text is the sentence as written, a substring of Doc.Text.
	Text string
	// Para is the index of the sentence's paragraph in Doc.Paragraphs.
	Para int
	// First is the index of the sentence's first token in Doc.Tokens;
	// Tokens is Doc.Tokens[First:First+len(Tokens)], shared, not copied.
	First  int
	Tokens []Token
}

// Doc is an analysed text.
type Doc struct {
	Text string
	// Lang is the rule set used: "en", "de", "fr", or "" for the generic one.
	Lang       string
	Paragraphs []model.Span
	Sentences  []Sentence
	Tokens     []Token
	// Dateline is the place, date and credit before the dash at the start
	// of the first paragraph, or of the second after a title or byline
	// ("KYIV, March 21 (Reuters)"), and DatelineEnd where the body starts
	// after the dash; both zero when there is none. The dateline stays in
	// the first sentence: it is no sentence of its own.
	Dateline    model.Span
	DatelineEnd int
}

// datelineParas bounds where a dateline is looked for: the first paragraph,
// or the second when the first, without a full stop, is a title or byline.
const datelineParas = 2

// Analyze splits text into paragraphs (at blank lines), sentences and
// tokens with the rules for lang, an ISO 639-1 code ("" means English; a
// language without rules of its own gets the generic ones).
func Analyze(text string, lang string) Doc {
	r := rulesFor(lang)
	t := tokenizer{s: text, r: r, toks: make([]Token, 0, len(text)/5+1)}
	t.run()
	toks := t.toks
	d := Doc{Text: text, Lang: r.lang, Tokens: toks}
	if len(toks) == 0 {
		return d
	}

	// Split while spans are still in bytes, so that sentence texts are
	// substrings; then count code points once.
	d.Sentences = make([]Sentence, 0, len(toks)/20+1)
	dateA, dateSep := -1, -1
	for p, a := range t.paras {
		b := paraEnd(t.paras, p, len(toks))
		from := a
		if p < datelineParas && dateSep < 0 && (p == 0 || !r.stops(toks, t.paras[p-1], a)) {
			if sep := r.dateline(toks, a, b); sep >= 0 {
				dateA, dateSep = a, sep
				from = sep + 1
			}
		}
		d.Sentences = r.split(toks, a, b, from, p, d.Sentences)
	}
	for i := range d.Sentences {
		s := &d.Sentences[i]
		s.Text = text[s.Tokens[0].Span.Start:s.Tokens[len(s.Tokens)-1].Span.End]
	}
	toRunes(text, toks)

	d.Paragraphs = make([]model.Span, len(t.paras))
	for p, a := range t.paras {
		d.Paragraphs[p] = model.Span{Start: toks[a].Span.Start, End: toks[paraEnd(t.paras, p, len(toks))-1].Span.End}
	}
	for i := range d.Sentences {
		s := &d.Sentences[i]
		s.Span = model.Span{Start: s.Tokens[0].Span.Start, End: s.Tokens[len(s.Tokens)-1].Span.End}
	}
	if dateSep >= 0 {
		d.Dateline = model.Span{Start: toks[dateA].Span.Start, End: toks[dateSep-1].Span.End}
		d.DatelineEnd = toks[dateSep+1].Span.Start
	}
	return d
}

func paraEnd(paras []int, p, n int) int {
	if p+1 < len(paras) {
		return paras[p+1]
	}
	return n
}

// SentenceAt returns the index of the sentence whose span holds the code
// point offset, or -1 when the offset falls between sentences or outside
// the text.
func (d Doc) SentenceAt(offset int) int {
	i := sort.Search(len(d.Sentences), func(i int) bool { return d.Sentences[i].Span.End > offset })
	if i < len(d.Sentences) && d.Sentences[i].Span.Start <= offset {
		return i
	}
	return -1
}

// toRunes turns the byte spans the tokeniser wrote into code point spans.
// Tokens are in order, so one pass counts each byte once.
func toRunes(s string, toks []Token) {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return
	}
	b, r := 0, 0
	for i := range toks {
		sp := &toks[i].Span
		r += utf8.RuneCountInString(s[b:sp.Start])
		b = sp.Start
		sp.Start = r
		r += utf8.RuneCountInString(s[b:sp.End])
		b = sp.End
		sp.End = r
	}
}
