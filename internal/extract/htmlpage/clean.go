package htmlpage

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// junkLineRe matches whole lines that are page furniture rather than
// article text: ad labels, share and follow prompts, "read more" teasers,
// newsletter pushes. Each alternative is anchored to the whole line so a
// sentence that merely mentions these words survives.
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

// maxJunkRunes keeps the line filter to short lines: a long line is prose
// even when it starts like furniture.
const maxJunkRunes = 160

// clean drops furniture lines from rendered text and repeated paragraphs
// (the same teaser or caption printed twice).
func clean(text string) string {
	if text == "" {
		return ""
	}
	paras := strings.Split(text, "\n\n")
	out := paras[:0]
	for _, p := range paras {
		lines := strings.Split(p, "\n")
		kept := lines[:0]
		for _, l := range lines {
			if isJunkLine(l) {
				continue
			}
			kept = append(kept, l)
		}
		if len(kept) > 0 {
			out = append(out, strings.Join(kept, "\n"))
		}
	}
	return strings.Join(out, "\n\n")
}

func isJunkLine(l string) bool {
	l = strings.TrimSpace(l)
	if l == "" {
		return true
	}
	if utf8.RuneCountInString(l) > maxJunkRunes {
		return false
	}
	return junkLineRe.MatchString(l)
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
