package extract

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"

	"github.com/sitrep/sitrep/internal/model"
)

// creditLine matches a paragraph that credits the outlet a story was taken
// from, as reposting sites print it under the text ("Source: Ukrinform",
// "Originally published by Kyiv Independent"). The whole paragraph must be
// the credit: a sentence that merely mentions a source is not one.
var creditLine = regexp.MustCompile(`(?i)^(?:source|sources|originally published (?:by|in|on|at)|first published (?:by|in|on|at)|this (?:article|story|report) (?:was )?(?:first |originally )?(?:appeared|published) (?:first |originally )?(?:in|on|at|by)|republished (?:from|with permission (?:of|from))|reprinted (?:from|with permission (?:of|from))|courtesy(?: of)?)\s*[:\-–—]?\s*(.+?)\s*\.?$`)

// notCredited are words that show a "Source:" line credits a picture, a
// statistic or a document rather than the outlet the text came from.
var notCredited = []string{"photo", "image", "picture", "getty", "shutterstock", "afp/", "video", "graphic", "chart", "data", "map", "ministry", "statistics", "census", "survey", "report", "wikipedia"}

// creditName returns the outlet a credit line names, when the line is one.
func creditName(line string) (string, bool) {
	line = strings.Join(strings.Fields(line), " ")
	if len(line) > 120 {
		return "", false
	}
	m := creditLine.FindStringSubmatch(line)
	if m == nil {
		return "", false
	}
	name := strings.TrimSpace(m[1])
	words := strings.Fields(name)
	if len(words) == 0 || len(words) > 6 {
		return "", false
	}
	first, _ := utf8First(name)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) {
		return "", false
	}
	low := strings.ToLower(name)
	for _, w := range notCredited {
		if strings.Contains(low, w) {
			return "", false
		}
	}
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune(" .&-'’", r) {
			return "", false
		}
	}
	return name, true
}

func utf8First(s string) (rune, bool) {
	for _, r := range s {
		return r, true
	}
	return 0, false
}

// creditFromLines fills the credited source from the last credit line of a
// scraped page. Cleaning drops such lines as boilerplate, so they are read
// from the page as scraped.
func creditFromLines(a *model.Article, body string) {
	if a.CreditedSource != "" {
		return
	}
	lines := strings.Split(body, "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if name, ok := creditName(lines[i]); ok {
			a.SetField(model.FieldCreditedSource, name, model.Provenance{From: "text:credit-line", Evidence: strings.TrimSpace(lines[i])})
			return
		}
	}
}

// creditFromHTML fills the credited source from the last element of a page
// whose whole text is a credit line, outside figures, whose credits are for
// pictures.
func creditFromHTML(a *model.Article, page []byte) {
	if a.CreditedSource != "" {
		return
	}
	z := html.NewTokenizer(bytes.NewReader(page))
	var text strings.Builder
	skip := 0
	found, evidence := "", ""
	flush := func() {
		if name, ok := creditName(text.String()); ok {
			found, evidence = name, strings.TrimSpace(text.String())
		}
		text.Reset()
	}
	for {
		switch z.Next() {
		case html.ErrorToken:
			flush()
			if found != "" {
				a.SetField(model.FieldCreditedSource, found, model.Provenance{From: "html:credit-line", Evidence: evidence})
			}
			return
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "figure", "figcaption", "script", "style", "noscript", "template":
				tt := z.Token().Type
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
			case "a", "b", "strong", "i", "em", "span", "abbr", "cite":
				// Inline: the credit may be split across them.
				continue
			}
			flush()
		case html.TextToken:
			if skip == 0 && text.Len() < 200 {
				text.Write(z.Text())
			}
		}
	}
}
