package gen

import (
	"fmt"
	"html"
	"math/rand/v2"
	"strings"
	"time"
)

// minParas is the fewest paragraphs trimming to size keeps.
const minParas = 3

// teaser returns a related-story headline and its cut-off first line.
func (a *article) teaser(r *rand.Rand) (string, string) {
	t := pick(r, teasers)
	var place string
	switch c := pick(r, []*country{a.ev.Atk, a.ev.Tgt, a.ev.Mediator}); r.IntN(3) {
	case 0:
		place = c.Name
	case 1:
		place = c.Capital
	default:
		place = pick(r, c.Provinces).Capital
	}
	return fmt.Sprintf(t[0], place), t[1] + "..."
}

// dateLine is the publication date as the outlet prints it, or "".
func (a *article) dateLine() string {
	if !a.dated || a.out.DateFmt == "" {
		return ""
	}
	return a.date.Format(a.out.DateFmt)
}

func (a *article) byline() string {
	if a.author == "" || a.out.Byline == "" {
		return ""
	}
	return fmt.Sprintf(a.out.Byline, a.author)
}

func (a *article) copyright() string {
	return fmt.Sprintf("© %d-%d %s. All rights reserved.", a.out.Since, 2025, a.out.Name)
}

// trim drops trailing paragraphs while the document would exceed limit.
func (a *article) trim(fixed, limit int, size func(string) int) {
	for len(a.paras) > minParas {
		total := fixed + len(a.creditFirst) + len(a.creditLast)
		for _, p := range a.paras {
			total += size(p)
		}
		if total <= limit {
			return
		}
		a.paras = a.paras[:len(a.paras)-1]
	}
}

// renderText writes the page the way a naive scraper saves it as text:
// menus glued together, the headline twice, mid-article links, related
// stories, pitches and legal lines.
func (a *article) renderText(r *rand.Rand) []byte {
	o := a.out
	var head strings.Builder
	line := func(b *strings.Builder, s string) {
		if s != "" {
			b.WriteString(s + "\n")
		}
	}
	if !a.bare {
		line(&head, o.Cookie)
		line(&head, strings.Join(o.Menu, ""))
	}
	line(&head, o.Name)
	if a.title != "" {
		line(&head, a.title)
		if o.Repeat {
			head.WriteString("\n" + a.title + "\n")
		}
		head.WriteString("\n")
	}
	line(&head, a.stand)
	line(&head, a.byline())
	line(&head, a.dateLine())
	if !a.bare && r.IntN(2) == 0 {
		line(&head, "Share this article\nFacebookXEmailWhatsApp")
	}
	readAlso := ""
	if !a.bare && o.ReadAlso != "" {
		h, _ := a.teaser(r)
		readAlso = o.ReadAlso + h
	}
	var rest strings.Builder
	if !a.bare {
		line(&rest, o.Pitch)
	}
	line(&rest, a.copyright())
	if !a.bare {
		line(&rest, o.Legal)
	}
	a.trim(head.Len()+rest.Len()+len(readAlso)+2, MaxText-400, func(p string) int { return len(p) + 2 })
	var b strings.Builder
	b.WriteString(head.String())
	for k, p := range a.paras {
		if k == 0 {
			p = a.creditFirst + p
		}
		b.WriteString(p + "\n\n")
		if k == 1 && readAlso != "" {
			b.WriteString(readAlso + "\n\n")
		}
	}
	if a.creditLast != "" {
		b.WriteString(a.creditLast + "\n")
	}
	// Related stories fill the page to a size drawn between MinText and
	// MaxText, as listings on real pages vary in length.
	target := MinText + r.IntN(MaxText-MinText-1000)
	related := o.Related
	if related == "" {
		related = "Related stories"
	}
	line(&b, "\n"+related)
	for n := 0; n < 2 || b.Len()+rest.Len() < target; n++ {
		h, t := a.teaser(r)
		line(&b, h)
		line(&b, t)
	}
	b.WriteString(rest.String())
	return []byte(b.String())
}

// renderHTML writes a full page: head with meta tags, optional JSON-LD,
// inline style and script, navigation, the article, related stories and a
// footer site map, padded with such boilerplate to a size between MinHTML
// and MaxHTML.
func (a *article) renderHTML(r *rand.Rand) []byte {
	o := a.out
	esc := textEscaper.Replace // text nodes keep their quotes, as most pages do
	attr := html.EscapeString
	target := MinHTML + r.IntN(MaxHTML-MinHTML-4000)
	var head strings.Builder
	head.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	head.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	title := a.title
	if title == "" {
		title = o.Name
	}
	fmt.Fprintf(&head, "<title>%s | %s</title>\n", esc(title), esc(o.Name))
	fmt.Fprintf(&head, "<meta property=\"og:site_name\" content=\"%s\">\n", attr(o.Name))
	if a.title != "" {
		fmt.Fprintf(&head, "<meta property=\"og:title\" content=\"%s\">\n", attr(a.title))
	}
	if a.dated {
		fmt.Fprintf(&head, "<meta property=\"article:published_time\" content=\"%s\">\n", a.date.Format(time.RFC3339))
	}
	if a.author != "" {
		fmt.Fprintf(&head, "<meta name=\"author\" content=\"%s\">\n", attr(a.author))
	}
	if a.title != "" && r.IntN(2) == 0 {
		head.WriteString("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\"")
		fmt.Fprintf(&head, ",\"headline\":%q", a.title)
		if a.dated {
			fmt.Fprintf(&head, ",\"datePublished\":%q", a.date.Format(time.RFC3339))
		}
		if a.author != "" {
			fmt.Fprintf(&head, ",\"author\":{\"@type\":\"Person\",\"name\":%q}", a.author)
		}
		fmt.Fprintf(&head, ",\"publisher\":{\"@type\":\"Organization\",\"name\":%q}}</script>\n", o.Name)
	}

	var top strings.Builder
	top.WriteString("</head>\n<body>\n")
	if o.Cookie != "" && !a.bare {
		fmt.Fprintf(&top, "<div class=\"cookie-banner\" role=\"dialog\"><p>%s</p></div>\n", esc(o.Cookie))
	}
	fmt.Fprintf(&top, "<header class=\"site-header\"><a class=\"logo\" href=\"https://%s/\">%s</a>\n<nav class=\"primary\"><ul>\n", o.Domain, esc(o.Name))
	for _, m := range o.Menu {
		fmt.Fprintf(&top, "<li><a href=\"/%s/\">%s</a></li>\n", strings.ToLower(m), esc(m))
	}
	top.WriteString("</ul></nav></header>\n<main>\n<article>\n")
	if a.title != "" {
		fmt.Fprintf(&top, "<h1>%s</h1>\n", esc(a.title))
	}
	if a.stand != "" {
		fmt.Fprintf(&top, "<p class=\"standfirst\">%s</p>\n", esc(a.stand))
	}
	if b := a.byline(); b != "" {
		fmt.Fprintf(&top, "<p class=\"byline\">%s</p>\n", esc(b))
	}
	if d := a.dateLine(); d != "" {
		fmt.Fprintf(&top, "<time datetime=\"%s\">%s</time>\n", a.date.Format(time.RFC3339), esc(d))
	}
	top.WriteString("<div class=\"article-body\">\n")

	var tail strings.Builder
	tail.WriteString("</div>\n</article>\n")
	if o.Pitch != "" && !a.bare {
		fmt.Fprintf(&tail, "<section class=\"pitch\"><p>%s</p></section>\n", esc(o.Pitch))
	}
	related := o.Related
	if related == "" {
		related = "More stories"
	}
	fmt.Fprintf(&tail, "<aside class=\"related\"><h2>%s</h2><ul>\n", esc(related))
	for range 3 + r.IntN(4) {
		h, t := a.teaser(r)
		fmt.Fprintf(&tail, "<li><a href=\"/%s\">%s</a><p>%s</p></li>\n", slug(h), esc(h), esc(t))
	}
	tail.WriteString("</ul></aside>\n</main>\n")
	var end strings.Builder
	fmt.Fprintf(&end, "<p class=\"copyright\">%s</p>\n", esc(a.copyright()))
	if o.Legal != "" {
		fmt.Fprintf(&end, "<p class=\"legal\">%s</p>\n", esc(o.Legal))
	}
	end.WriteString("</footer>\n<script src=\"/static/js/app.js\" defer></script>\n</body>\n</html>\n")

	a.trim(head.Len()+top.Len()+tail.Len()+end.Len(), MaxHTML-4000, func(p string) int { return len(esc(p)) + 8 })
	var body strings.Builder
	for k, p := range a.paras {
		if k == 0 {
			p = strings.TrimSpace(a.creditFirst + p)
		}
		fmt.Fprintf(&body, "<p>%s</p>\n", esc(p))
		if k == 1 && o.ReadAlso != "" && !a.bare {
			h, _ := a.teaser(r)
			fmt.Fprintf(&body, "<div class=\"read-also\">%s<a href=\"/%s\">%s</a></div>\n", esc(o.ReadAlso), slug(h), esc(h))
		}
	}
	if a.creditLast != "" {
		fmt.Fprintf(&body, "<p class=\"credit\">%s</p>\n", esc(a.creditLast))
	}

	// Pad with the weight real pages carry: style rules in the head and a
	// site map in the footer.
	size := head.Len() + top.Len() + body.Len() + tail.Len() + end.Len() + len("<style>\n</style>\n<footer class=\"site-footer\"><nav class=\"sitemap\">\n</nav>\n")
	var style, sitemap strings.Builder
	for k := 0; size+style.Len()+sitemap.Len() < target; k++ {
		if k%2 == 0 {
			fmt.Fprintf(&style, ".c-%s-%d{margin:%dpx %dpx;padding:0 %dpx;color:#%06x;font-size:%.2frem}\n",
				o.Slug, k, r.IntN(40), r.IntN(40), r.IntN(24), r.IntN(1<<24), 0.75+r.Float64())
		} else {
			h, _ := a.teaser(r)
			fmt.Fprintf(&sitemap, "<a href=\"https://%s/%s/%d\">%s</a>\n", o.Domain, slug(h), k, esc(h))
		}
	}
	var page strings.Builder
	page.Grow(target + 1024)
	page.WriteString(head.String())
	page.WriteString("<style>\n" + style.String() + "</style>\n")
	page.WriteString(top.String())
	page.WriteString(body.String())
	page.WriteString(tail.String())
	page.WriteString("<footer class=\"site-footer\"><nav class=\"sitemap\">\n" + sitemap.String() + "</nav>\n")
	page.WriteString(end.String())
	return []byte(page.String())
}

var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// slug makes a URL path segment of a headline.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(s) {
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			b.WriteRune(c)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
