package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// term is what a token can do at a sentence end.
type term uint8

const (
	termNone      term = iota
	termPeriod         // a lone full stop
	termStop           // ! or ?, alone or in a run
	termEllipsis       // ... or …: inside sentences as often as at their end
	termWide           // 。！？: ends a sentence without a following blank
	termPrefix         // Gen. Dr.: a name follows
	termNumber         // No. 5, German 3. Oktober: a number or month follows
	termAmbiguous      // Inc. U.S. a.m. J.: ends a sentence only before an opener
)

// terminal classifies a token as a possible sentence end.
func (r *rules) terminal(tok Token) term {
	s := tok.Text
	switch tok.Kind {
	case Punct:
		switch s {
		case ".":
			return termPeriod
		case "。", "！", "？", "｡", "．":
			return termWide
		case "؟", "۔", "।", "॥", "።", "܀":
			return termStop
		}
		dots, ell, other := 0, false, false
		for _, c := range s {
			switch c {
			case '.':
				dots++
			case '…':
				ell = true
			case '!', '?':
				other = true
			default:
				return termNone
			}
		}
		switch {
		case other:
			return termStop
		case dots == 4 || (ell && s[len(s)-1] == '.'):
			// "...." and "…." are an ellipsis and a full stop
			return termPeriod
		case dots > 0 || ell:
			return termEllipsis
		}
	case Number:
		if s[len(s)-1] == '.' {
			return termNumber
		}
	case Word:
		if len(s) < 2 || s[len(s)-1] != '.' {
			return termNone
		}
		switch r.abbrev(s[:len(s)-1]) {
		case abbrPrefix:
			return termPrefix
		case abbrNumber:
			return termNumber
		}
		return termAmbiguous // U.S., Inc., a.m., initials
	}
	return termNone
}

// closes reports tokens that stay with the sentence a stop ends:
// `... said."` and `(see above.)`.
func closes(tok Token) bool {
	if tok.Kind == CloseQuote {
		return true
	}
	return tok.Kind == Punct && (tok.Text == ")" || tok.Text == "]" || tok.Text == "}")
}

// stops reports a paragraph toks[a:b] that ends with a full stop, ! or ?,
// unlike a title or a byline.
func (r *rules) stops(toks []Token, a, b int) bool {
	for k := b - 1; k >= a; k-- {
		if !closes(toks[k]) {
			return r.terminal(toks[k]) != termNone
		}
	}
	return false
}

// footnote reports a reference mark such as [12] at toks[j], which stays
// with the sentence before it.
func footnote(toks []Token, j, b int) bool {
	return j+2 < b && toks[j].Kind == Punct && toks[j].Text == "[" && toks[j+1].Kind == Number && toks[j+2].Kind == Punct && toks[j+2].Text == "]"
}

// opens reports tokens that may begin a sentence without a letter.
func opens(tok Token) bool {
	if tok.Kind == OpenQuote {
		return true
	}
	if tok.Kind != Punct {
		return false
	}
	switch tok.Text {
	case "(", "[", "¿", "¡":
		return true
	}
	return false
}

// split appends to out the sentences of toks[a:b], one paragraph; no
// sentence ends before token from (the end of a dateline).
func (r *rules) split(toks []Token, a, b, from, para int, out []Sentence) []Sentence {
	start := a
	for k := max(from, a); k < b-1; k++ {
		t := r.terminal(toks[k])
		if t == termNone {
			continue
		}
		if t == termPeriod && r.ordinals && k > a && toks[k-1].Kind == Number && !toks[k].SpaceBefore && len(toks[k-1].Text) <= 3 {
			// German "der 3. Platz", "1. FC Köln": an ordinal unless a
			// sentence opener follows.
			t = termAmbiguous
		}
		j, quoted := k+1, false
		if (t == termAmbiguous || t == termEllipsis) && j < b && closes(toks[j]) {
			// "[Updated at 5 p.m.]", `"We will…"`: a closing mark after
			// the period shows it ended the sentence inside.
			t = termPeriod
		}
		for j < b {
			if closes(toks[j]) {
				quoted = quoted || toks[j].Kind == CloseQuote
				j++
			} else if footnote(toks, j, b) {
				j += 3
			} else {
				break
			}
		}
		if j >= b {
			break
		}
		if r.boundary(t, toks, j, b, quoted) {
			out = append(out, Sentence{Para: para, First: start, Tokens: toks[start:j:j]})
			start = j
		}
		k = j - 1
	}
	return append(out, Sentence{Para: para, First: start, Tokens: toks[start:b:b]})
}

// boundary decides whether a sentence ending in a token of class t (with
// closing marks after it, quoted when one is a quote) ends before toks[j].
func (r *rules) boundary(t term, toks []Token, j, b int, quoted bool) bool {
	next := toks[j]
	if !next.SpaceBefore && t != termWide {
		return false // 3.5, e.g., or a missing blank we cannot judge
	}
	switch {
	case opens(next):
		if t == termAmbiguous || t == termEllipsis {
			// "Vela Corp. (NASDAQ: VELA)" and "and ... (how to say
			// it)" go on; `Vela Corp. "We plan` starts anew when the
			// quotation does.
			return next.Kind == OpenQuote && j+1 < b && r.starters[toks[j+1].Text]
		}
		return t != termPrefix && t != termNumber
	case next.Kind == Punct, next.Kind == CloseQuote:
		return false
	case next.Kind != Word:
		// digits, currency, handles: a new sentence unless an abbreviation
		// asked for a number ("No. 5", "Jan. 5")
		return t == termPeriod || t == termStop || t == termWide
	}
	f, _ := utf8.DecodeRuneInString(next.Text)
	if unicode.IsLower(f) {
		// "Yahoo! is", "etc. and", "... and then"; but "eBay" and
		// "iPhone" start sentences after a plain stop.
		return (t == termPeriod || t == termStop) && camel(next.Text)
	}
	switch t {
	case termPeriod, termWide:
		return true
	case termStop:
		return !(quoted && r.attribution(toks, j, b))
	case termEllipsis:
		if r.starters == nil {
			return true
		}
		return r.starters[next.Text]
	case termAmbiguous:
		return r.starters[next.Text]
	}
	return false
}

// camel reports a lower-case word with capitals inside ("eBay").
func camel(w string) bool {
	for _, r := range w {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// attribution reports a speaker and a reporting verb closing the clause
// after a quotation that ended in ! or ?: `"Why now?" Smith asked.` is one
// sentence, `"Now!" Police said the crowd grew.` two. After a full stop
// news style starts a new sentence, so this is not asked then.
func (r *rules) attribution(toks []Token, j, b int) bool {
	for k := j; k < b && k < j+6; k++ {
		t := toks[k]
		if t.Kind != Word {
			return false
		}
		if r.speech[t.Text] {
			if k == j {
				return false
			}
			if k+1 == b {
				return true
			}
			n := toks[k+1]
			return n.Kind == Punct && (n.Text == "." || n.Text == "," || n.Text == ";")
		}
		if !t.IsTitle() {
			return false
		}
	}
	return false
}

// dateline finds a dateline at the start of toks[a:b] ("KYIV, March 21
// (Reuters) -", "LONDON —", "Kyiv, Ukraine, March 21, 2024 /PRNewswire/
// --") and returns the index of its dash, or -1. The words before the dash
// must look like a place, an agency or a date: capitalised, and either all
// in capitals, or with a (credit) or /credit/, or with a month and a day.
func (r *rules) dateline(toks []Token, a, b int) int {
	sep := -1
	for k := a; k < b && k < a+24; k++ {
		t := toks[k]
		if t.Kind == Punct && isDash(t.Text) {
			sep = k
			break
		}
		switch t.Kind {
		case Word, Number:
			// Lower-case words may be short connectors ("Rio de Janeiro"),
			// months, a month after its day ("21 марта"), or in a credit.
			if t.Kind == Word && !t.IsTitle() && utf8.RuneCountInString(t.Text) > 3 && !r.months[t.Text] &&
				(k == a || toks[k-1].Kind != Number) && !inside(toks, a, k) {
				return -1
			}
		case Punct:
			switch t.Text {
			case ",", "(", ")", "/":
			default:
				return -1
			}
		default:
			return -1
		}
	}
	if sep <= a || sep+1 >= b {
		return -1
	}
	first := toks[a]
	if !(first.Kind == Word && first.IsTitle()) && first.Text != "(" {
		return -1
	}
	// A credit in brackets or slashes just before the dash.
	if p := toks[sep-1]; p.Kind == Punct && (p.Text == ")" || p.Text == "/") {
		want := "("
		if p.Text == "/" {
			want = "/"
		}
		for k := sep - 2; k >= a && k >= sep-5; k-- {
			if toks[k].Kind == Punct && toks[k].Text == want {
				if k < sep-2 {
					return sep
				}
				break
			}
		}
	}
	// A date: a month name and a day.
	for k := a + 1; k+1 < sep; k++ {
		if r.months[strings.TrimSuffix(toks[k].Text, ".")] && toks[k+1].Kind == Number {
			return sep
		}
	}
	// A place in capitals, with a capital, digit or quote after the dash
	// so that "NATO — the alliance" stays a sentence.
	caps := 0
	for k := a; k < sep; k++ {
		t := toks[k]
		if t.Kind == Punct {
			break
		}
		if t.Kind != Word || !t.IsAllCaps() {
			return -1
		}
		caps++
	}
	body := toks[sep+1]
	f, _ := utf8.DecodeRuneInString(body.Text)
	if caps > 0 && utf8.RuneCountInString(first.Text) >= 2 && (unicode.IsUpper(f) || unicode.IsDigit(f) || body.Kind == OpenQuote) {
		return sep
	}
	return -1
}

// inside reports whether toks[k] is inside a bracket or slash pair opened
// after toks[a], where agency credits stand.
func inside(toks []Token, a, k int) bool {
	for i := k - 1; i >= a; i-- {
		if toks[i].Kind == Punct {
			switch toks[i].Text {
			case "(", "/":
				return true
			case ")":
				return false
			}
		}
	}
	return false
}

func isDash(s string) bool {
	switch s {
	case "-", "--", "---", "—", "–", "―", "——":
		return true
	}
	return false
}
