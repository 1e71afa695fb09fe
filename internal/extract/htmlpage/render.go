package htmlpage

import (
	"strings"

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
func render(root *html.Node) string {
	if root == nil {
		return ""
	}
	r := renderer{}
	r.walk(root, false)
	r.flush()
	return strings.Join(r.paras, "\n\n")
}

type renderer struct {
	paras []string
	cur   strings.Builder
	// pendingSpace collapses runs of whitespace between inline pieces.
	pendingSpace bool
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
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c, pre)
	}
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
	if isSpace(s[0]) {
		r.pendingSpace = true
	}
	for _, f := range strings.Fields(s) {
		if r.pendingSpace && r.cur.Len() > 0 {
			if b := r.cur.String(); b[len(b)-1] != '\n' {
				r.cur.WriteByte(' ')
			}
		}
		r.cur.WriteString(f)
		r.pendingSpace = true
	}
	r.pendingSpace = isSpace(s[len(s)-1])
}

func isSpace(b byte) bool {
	return b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f'
}

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
