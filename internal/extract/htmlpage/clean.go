package htmlpage

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// junkLineRe matches whole lines that are page furniture rather than
// article text: ad labels, share and follow prompts, "read more" teasers,
// newsletter pushes, image credits. Each alternative must cover the whole
// line, so a sentence that merely mentions these words survives.
var junkLineRe = regexp.MustCompile(`(?i)^(?:` + strings.Join([]string{
	`advertisement|advertising|anzeige|werbung|publicit[ée]|publicidad|pubblicit[àa]|реклама|sponsored(?: content)?`,
	`(?:story|article) continues (?:below|after (?:the )?advertisement)`,
	`(?:continue|keep) reading(?: (?:below|the (?:main )?story))?`,
	`read (?:more|also|next|the full (?:story|article))(?: ?[:»›>].*)?`,
	`(?:lesen sie (?:auch|mehr)|weiterlesen|mehr zum thema|lire (?:aussi|la suite)|leer m[áa]s|leggi anche|читайте также)(?: ?:.*)?`,
	`(?:related|see also|more on this(?: story)?|recommended)(?: ?:.*)?`,
	`share(?: (?:this|on|via|the)\b.{0,40})?|tweet|pin it|email|e-mail|print|copy link|whatsapp|facebook|twitter|linkedin`,
	`follow (?:us|@?\w+) on .{0,60}`,
	`(?:sign up|subscribe)(?: (?:for|to|now)\b.{0,80})?`,
	`click here.{0,80}`,
	`(?:photo|image|picture|foto|bild|video)(?: credit)?s? ?[:©].{0,80}`,
	`\(?(?:photo|image|picture)s? (?:by|courtesy of) .{0,80}`,
	`.{0,60}/ ?(?:getty images|afp|reuters|ap photo|shutterstock|istock)\)?`,
	`(?:©|\(c\)|copyright) .{0,120}`,
	`all rights reserved\.?`,
	`(?:skip to (?:main )?content|back to top|loading\.*|comments?(?: \(\d+\))?|\d+ comments?)`,
}, "|") + `)[.!:]?$`)

const (
	month   = `(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`
	weekday = `(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?`
)

// dateLineRe matches a line that is only a date stamp ("Dec 27, 2007, 1:56
// PM PST", "Updated: 2024-05-01"). The date is a field of its own; a
// dateline inside the first paragraph ("MANILA, Nov. 24 --") is prose and
// is left alone because it never fills a whole line.
var dateLineRe = regexp.MustCompile(`(?i)^(?:(?:last )?(?:updated|published|posted|edited|modified|created|date)(?: on| at)?:?\s*)?` +
	`(?:` + weekday + `,?\s*)?` +
	`(?:` + month + `\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\.?\s+` + month + `,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})` +
	`(?:,?\s*(?:at\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\s*(?:\|.*)?$`)

// commentWordRe marks the signature lines of reader comments ("Posted by:
// Sam | Jan 10, 2008", "Comment No. 1034545", "Report this comment").
var commentWordRe = regexp.MustCompile(`(?i)\b(?:posted|comments?|wrote|writes|reply|replies|report(?:ed)?|submitted|said on)\b`)

// maxJunkRunes keeps the line filters to short lines: a long line is prose
// even when it starts like furniture.
const maxJunkRunes = 160

// Comment-section cut: a signature shape must repeat this often, and this
// much article text must precede it, before the rest is dropped.
const (
	minSignatures     = 3
	minWordsBeforeCut = 100
)

// clean drops furniture and date-stamp lines and cuts a trailing reader
// comment section.
func clean(text string) string {
	if text == "" {
		return ""
	}
	text = filterLines(text, func(l string) bool {
		if utf8.RuneCountInString(l) > maxJunkRunes {
			return true
		}
		return !junkLineRe.MatchString(l) && !dateLineRe.MatchString(l)
	})
	return trimTail(cutComments(text))
}

// minProseWords marks a line as prose rather than a link, label or
// caption.
const minProseWords = 8

// trimTail drops the short lines after the last line of prose: what
// follows an article's final paragraph is related links, tag lists and
// section menus. A text without any prose line is left as it is.
func trimTail(text string) string {
	paras := strings.Split(text, "\n\n")
	for i := len(paras) - 1; i >= 0; i-- {
		lines := strings.Split(paras[i], "\n")
		for j := len(lines) - 1; j >= 0; j-- {
			if len(words(lines[j])) >= minProseWords {
				paras[i] = strings.Join(lines[:j+1], "\n")
				return strings.Join(paras[:i+1], "\n\n")
			}
		}
	}
	return text
}

// filterLines keeps the lines for which keep is true, preserving paragraph
// breaks and dropping paragraphs left empty.
func filterLines(text string, keep func(string) bool) string {
	paras := strings.Split(text, "\n\n")
	out := paras[:0]
	for _, p := range paras {
		lines := strings.Split(p, "\n")
		kept := lines[:0]
		for _, l := range lines {
			if t := strings.TrimSpace(l); t != "" && keep(t) {
				kept = append(kept, l)
			}
		}
		if len(kept) > 0 {
			out = append(out, strings.Join(kept, "\n"))
		}
	}
	return strings.Join(out, "\n\n")
}

// cutComments drops a reader-comment section at the end of the text. Such
// sections show as a short line shape that repeats ("Posted by: X | date"
// once per comment); the text is cut at the first of them when it repeats
// at least minSignatures times and enough article text comes before.
func cutComments(text string) string {
	type line struct {
		para int
		text string
	}
	var lines []line
	for i, p := range strings.Split(text, "\n\n") {
		for _, l := range strings.Split(p, "\n") {
			lines = append(lines, line{i, l})
		}
	}
	count := map[string]int{}
	first := map[string]int{}
	for i, l := range lines {
		s := strings.TrimSpace(l.text)
		if s == "" || utf8.RuneCountInString(s) > maxJunkRunes || !commentWordRe.MatchString(s) {
			continue
		}
		shape := lineShape(s)
		if shape == "" {
			continue
		}
		count[shape]++
		if _, ok := first[shape]; !ok {
			first[shape] = i
		}
	}
	cut := -1
	for shape, n := range count {
		if n >= minSignatures && (cut < 0 || first[shape] < cut) {
			cut = first[shape]
		}
	}
	if cut < 0 {
		return text
	}
	before := 0
	for _, l := range lines[:cut] {
		before += len(words(l.text))
	}
	if before < minWordsBeforeCut {
		return text
	}
	var b strings.Builder
	prev := -1
	for _, l := range lines[:cut] {
		switch {
		case prev < 0:
		case l.para != prev:
			b.WriteString("\n\n")
		default:
			b.WriteByte('\n')
		}
		b.WriteString(l.text)
		prev = l.para
	}
	return b.String()
}

// lineShape is a line's first two words with digits blanked, so that
// "Posted by: Ann" and "Posted by: Bob" share a shape.
func lineShape(s string) string {
	w := words(s)
	if len(w) > 2 {
		w = w[:2]
	}
	for i, t := range w {
		w[i] = strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return '0'
			}
			return r
		}, t)
	}
	return strings.Join(w, " ")
}

// stripTitle removes the headline when the text starts with it: the title is
// a field of its own, and keeping it in the text would count it twice in
// every later stage.
func stripTitle(text, title string, m meta) string {
	if text == "" {
		return ""
	}
	first, rest, _ := strings.Cut(text, "\n\n")
	f := fold(first)
	if f == "" {
		return text
	}
	for _, t := range append([]string{title, m.ogTitle}, m.h1...) {
		if t != "" && fold(t) == f {
			return rest
		}
	}
	return text
}
