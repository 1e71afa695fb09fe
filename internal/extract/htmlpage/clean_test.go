package htmlpage

import (
	"strings"
	"testing"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

func TestJunkLines(t *testing.T) {
	junk := []string{
		"Advertisement", "ADVERTISEMENT", "Anzeige", "Story continues below advertisement",
		"Read more: Port volumes fall again", "Share this article", "Share on Facebook",
		"Follow us on Instagram", "Sign up for our morning newsletter",
		"Photo: Jane Doe / Reuters", "(Photo by Sam Lee/Getty Images)", "© 2024 Example Media",
		"All rights reserved.", "Skip to main content", "12 comments",
		"Dec 27, 2007, 1:56 PM PST", "Updated: 2024-05-01", "Friday, 12 January 2024",
		"14.03.2024 09:15",
	}
	for _, l := range junk {
		if got := clean("A real first paragraph that says something about the harbour strike today.\n\n" + l); strings.Contains(got, l) {
			t.Errorf("kept %q", l)
		}
	}
	prose := []string{
		"Advertisement revenue fell by a third, the company said in its annual report.",
		"Read more about the strike in tomorrow's edition, the editor promised readers on the radio.",
		"He said the photo: a blurred image of the harbour, was taken by a passer-by at dawn.",
		"On Dec 27, 2007, the port was closed for the first time in its history.",
	}
	for _, l := range prose {
		if got := clean(l); got != l {
			t.Errorf("changed prose %q to %q", l, got)
		}
	}
}

func TestCutComments(t *testing.T) {
	article := strings.Repeat("The council met on Tuesday to discuss the new bridge over the river and its costs. ", 12)
	text := article + "\n\nFirst!\n\nPosted by: anna | Jan 10, 2008 4:49 PM\n\nI disagree with the council.\n\nPosted by: ben | Jan 10, 2008 5:02 PM\n\nWho pays for this?\n\nPosted by: carl | Jan 10, 2008 6:16 PM"
	got := cutComments(text)
	if strings.Contains(got, "Posted by") || strings.Contains(got, "Who pays") {
		t.Errorf("comments kept:\n%s", got)
	}
	if !strings.HasPrefix(got, article) {
		t.Errorf("article damaged")
	}
	// Two signatures are not yet a comment section.
	two := article + "\n\nPosted by: anna | Jan 10\n\nPosted by: ben | Jan 11"
	if cutComments(two) != two {
		t.Errorf("cut on two signatures")
	}
	// A short text that starts with signatures is left alone.
	short := "Posted by: anna\n\nPosted by: ben\n\nPosted by: carl"
	if cutComments(short) != short {
		t.Errorf("cut a text without article before the comments")
	}
}

func TestTrimTail(t *testing.T) {
	text := "The bridge will open in May after three years of work on the foundations.\n\nMore news\nWeather\nSport"
	if got, want := trimTail(text), "The bridge will open in May after three years of work on the foundations."; got != want {
		t.Errorf("trimTail = %q", got)
	}
	short := "Menu\nHome\nSport"
	if trimTail(short) != short {
		t.Errorf("trimmed a text without prose")
	}
}

func TestStripTitle(t *testing.T) {
	m := meta{h1: []string{"Bridge opens"}}
	if got := stripTitle("Bridge Opens!\n\nThe bridge opened.", "Something else", m); got != "The bridge opened." {
		t.Errorf("got %q", got)
	}
	if got := stripTitle("The bridge opened.", "Bridge opens", m); got != "The bridge opened." {
		t.Errorf("got %q", got)
	}
}

func TestRender(t *testing.T) {
	cases := []struct{ in, want string }{
		{`<p>One <b>bold</b> word.</p><p>Second&nbsp;para</p>`, "One bold word.\n\nSecond para"},
		{`<p>Line one<br>line two</p>`, "Line one\nline two"},
		{`<ul><li>First</li><li>Second</li></ul>`, "First\n\nSecond"},
		{`<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>`, "a | b\n\nc | d"},
		{`<pre>x  =  1
y = 2</pre>`, "x  =  1\ny = 2"},
		{`<p>Text<script>var x = 1;</script> end</p>`, "Text end"},
	}
	for _, c := range cases {
		doc, err := html.Parse(strings.NewReader(c.in))
		if err != nil {
			t.Fatal(err)
		}
		if got := render(doc, false); got != c.want {
			t.Errorf("render(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	// trafilatura trims the spaces around inline elements; render puts them
	// back except next to punctuation.
	doc, _ := html.Parse(strings.NewReader(`<p>Pin<a>Up Girls</a>so<b>bold</b>, then</p>`))
	if got, want := render(doc, true), "Pin Up Girls so bold, then"; got != want {
		t.Errorf("trimmed render = %q, want %q", got, want)
	}
}

func TestChooseTitle(t *testing.T) {
	cases := []struct {
		name     string
		m        meta
		traf     string
		want     string
		outlet   string
		wantFrom string
	}{
		{"h1 confirmed by og", meta{ogTitle: "Dockers strike | Courier", h1: []string{"Menu", "Dockers strike"}}, "", "Dockers strike", "Courier", "html:meta:og:title"},
		{"site name in front", meta{titleTag: "Courier - Dockers strike at the port"}, "", "Dockers strike at the port", "Courier", "html:title"},
		{"longest part without site", meta{titleTag: "Dockers strike at the port | News | Courier"}, "", "Dockers strike at the port", "", "html:title"},
		{"h1 is a longer form", meta{ogTitle: "Dockers strike", h1: []string{"Dockers strike at the port of Marlow"}}, "", "Dockers strike at the port of Marlow", "", "html:h1"},
		{"lone h1 without declared title", meta{h1: []string{"Dockers strike at the port"}}, "", "Dockers strike at the port", "", "html:h1"},
		{"logo h1 ignored", meta{titleTag: "Dockers strike at the port | Courier", h1: []string{"Courier"}}, "", "Dockers strike at the port", "Courier", "html:title"},
		{"markup in broken title", meta{titleTag: "Dockers strike</titlevalue> <script src=x>"}, "", "Dockers strike", "", "html:title"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tm := trafMeta(c.traf)
			got, from := chooseTitle(tm, c.m, c.outlet, "", DefaultOptions())
			if got != c.want || from != c.wantFrom {
				t.Errorf("got %q from %s, want %q from %s", got, from, c.want, c.wantFrom)
			}
		})
	}
}

func TestCleanAuthor(t *testing.T) {
	cases := map[string]string{
		"By Jane Doe":                     "Jane Doe",
		"Author: Jane Doe":                "Jane Doe",
		"Written by Jane Doe":             "Jane Doe",
		"Jane Doe | March 3, 2024":        "Jane Doe",
		"Jane Doe Last updated on Monday": "Jane Doe",
		"jane.doe":                        "",
		"December":                        "",
		"https://example.com/jane":        "",
		"12345":                           "",
	}
	for in, want := range cases {
		if got := cleanAuthor(in); got != want {
			t.Errorf("cleanAuthor(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIso1(t *testing.T) {
	cases := map[string]string{"en-GB": "en", "de_DE": "de", "FR": "fr", "deu": "de", "english": "", "": "", "x1": ""}
	for in, want := range cases {
		if got := iso1(in); got != want {
			t.Errorf("iso1(%q) = %q, want %q", in, got, want)
		}
	}
}

func trafMeta(title string) trafilatura.Metadata {
	return trafilatura.Metadata{Title: title}
}
