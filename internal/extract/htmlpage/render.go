package htmlpage

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// blockTags start a new paragraph. trafilatura's own ContentText joins
// everything into one line; sitrep keeps the page's paragraphs because
// sentence splitting, quotes and datelines all depend on them.
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true,
	"body": true, "dd": true, "details": true, "div": true, "dl": true,
	"dt": true, "figcaption": true, "figure": true, "footer": true,
	"form": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true,
	"h6": true, "head": true, "header": true, "hr": true, "li": true,
	"main": true, "nav": true, "ol": true, "p": true, "pre": true,
	"section": true, "summary": true, "table": true, "tr": true, "ul": true,
	"caption": true, "thead": true, "tbody": true, "tfoot": true,
}

// skipTags never hold readable text.
var skipTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true,
	"svg": true, "math": true, "iframe": true, "object": true,
}

// render flattens an extracted content tree into paragraphs separated by a
// blank line. Line breaks inside a paragraph become single newlines; table
// cells in a row are joined with " | " so rows stay readable.
//
// trimmed says the tree comes from trafilatura, which trims the whitespace
// around inline elements ("<b>Pin Up</b>so"); a space is then put back at
// element boundaries, as trafilatura's own text output does, except next
// to punctuation that hugs a word.
func render(root *html.Node, trimmed bool) string {
	if root == nil {
		return ""
	}
	r := renderer{trimmed: trimmed}
	r.walk(root, false)
	r.flush()
	return strings.Join(r.paras, "\n\n")
}

type renderer struct {
	paras []string
	cur   strings.Builder
	// pendingSpace collapses runs of whitespace between inline pieces.
	pendingSpace bool
	trimmed      bool
	// crossed records an element boundary since the last text.
	crossed bool
}

func (r *renderer) walk(n *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		r.text(n.Data, pre)
		return
	case html.ElementNode:
	case html.DocumentNode:
	default:
		return
	}
	tag := n.Data
	if n.Type == html.ElementNode {
		if skipTags[tag] {
			return
		}
		switch tag {
		case "br":
			r.newline()
			return
		case "td", "th":
			if r.cur.Len() > 0 && n.PrevSibling != nil {
				r.cur.WriteString(" | ")
				r.pendingSpace = false
			}
		case "pre":
			pre = true
		case "img":
			return
		}
	}
	block := n.Type == html.ElementNode && blockTags[tag]
	if block {
		r.flush()
	}
	r.crossed = true
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c, pre)
	}
	r.crossed = true
	if block {
		r.flush()
	}
}

func (r *renderer) text(s string, pre bool) {
	if s == "" {
		return
	}
	if pre {
		r.cur.WriteString(s)
		return
	}
	first, _ := utf8.DecodeRuneInString(s)
	if unicode.IsSpace(first) {
		r.pendingSpace = true
	}
	if r.trimmed && r.crossed && r.cur.Len() > 0 {
		b := r.cur.String()
		last, _ := utf8.DecodeLastRuneInString(b)
		next, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(s, unicode.IsSpace))
		if !strings.ContainsRune(noSpaceAfter, last) && !strings.ContainsRune(noSpaceBefore, next) {
			r.pendingSpace = true
		}
	}
	r.crossed = false
	for _, f := range strings.Fields(s) {
		if r.pendingSpace && r.cur.Len() > 0 {
			if b := r.cur.String(); b[len(b)-1] != '\n' {
				r.cur.WriteByte(' ')
			}
		}
		r.cur.WriteString(f)
		r.pendingSpace = true
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	r.pendingSpace = unicode.IsSpace(last)
}

// Punctuation that attaches to the word before or after it.
const (
	noSpaceBefore = ",.;:!?)]}»”’%…"
	noSpaceAfter  = "([{«“‘/-–"
)

func (r *renderer) newline() {
	if r.cur.Len() > 0 {
		r.cur.WriteByte('\n')
	}
	r.pendingSpace = false
}

func (r *renderer) flush() {
	s := strings.TrimSpace(r.cur.String())
	r.cur.Reset()
	r.pendingSpace = false
	if s == "" {
		return
	}
	// Drop blank lines left by consecutive <br>s.
	lines := strings.Split(s, "\n")
	kept := lines[:0]
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			kept = append(kept, l)
		}
	}
	r.paras = append(r.paras, strings.Join(kept, "\n"))
}
