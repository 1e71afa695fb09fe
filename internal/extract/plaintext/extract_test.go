package plaintext

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden is what a testdata page is expected to give.
type golden struct {
	Title          string            `json:"title"`
	Outlet         string            `json:"outlet"`
	CreditedSource string            `json:"credited_source"`
	Author         string            `json:"author"`
	Published      string            `json:"published"`
	From           map[string]string `json:"from"`
	Text           string            `json:"text"`
}

func goldenOf(a *model.Article) golden {
	g := golden{Title: a.Title, Outlet: a.Outlet, CreditedSource: a.CreditedSource, Author: a.Author, Published: a.Published, Text: a.Text, From: map[string]string{}}
	for k, p := range a.Provenance {
		g.From[k] = p.From
	}
	return g
}

// TestGolden runs every testdata page and compares the result with its
// .golden.json; go test -update rewrites them after a deliberate change.
func TestGolden(t *testing.T) {
	pages, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(pages) == 0 {
		t.Fatalf("no testdata pages: %v", err)
	}
	for _, page := range pages {
		name := strings.TrimSuffix(filepath.Base(page), ".txt")
		t.Run(name, func(t *testing.T) {
			body, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			var a model.Article
			Extract(&a, string(body), nil, "")
			checkSpans(t, string(body), &a)
			got, err := json.MarshalIndent(goldenOf(&a), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			path := strings.TrimSuffix(page, ".txt") + ".golden.json"
			if *update {
				if err := os.WriteFile(path, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if strings.TrimSpace(string(want)) != strings.TrimSpace(string(got)) {
				t.Errorf("%s differs from %s:\n%s", name, path, got)
			}
		})
	}
}

// checkSpans verifies that every provenance span lies inside body and, for
// the fields whose evidence is the literal text, points at it.
func checkSpans(t *testing.T, body string, a *model.Article) {
	t.Helper()
	runes := []rune(sanitize(body))
	for field, p := range a.Provenance {
		if p.Span == nil {
			continue
		}
		if p.Span.Start < 0 || p.Span.End > len(runes) || p.Span.Start > p.Span.End {
			t.Errorf("%s: span %+v outside body of %d code points", field, *p.Span, len(runes))
			continue
		}
		got := string(runes[p.Span.Start:p.Span.End])
		switch field {
		case model.FieldTitle, model.FieldPublished:
			if got != p.Evidence {
				t.Errorf("%s: span gives %q, evidence is %q", field, got, p.Evidence)
			}
		case model.FieldAuthor, model.FieldOutlet:
			if want := a.Author; field == model.FieldAuthor && got != want {
				t.Errorf("author span gives %q, author is %q", got, want)
			}
		}
	}
}

// The invented article used to build test pages. Each paragraph is prose a
// reporter could have written; nothing here is taken from real pages.
var story = []string{
	"The city council voted on Wednesday to keep the old railway depot as a covered market, ending a dispute that has run for almost six years and split the neighbourhood in two.",
	"Under the plan, the brick halls will be repaired over the next eighteen months and let to stallholders at rents well below those charged in the shopping centre across the river.",
	`"This building has fed the town for a century in one way or another," said Maria Stenlund, who led the campaign to save it. "We just wanted it to keep doing that."`,
	"Opponents had argued that the site should be sold to a developer, who offered to build two hundred flats and a car park, and that the money could have paid for a new school.",
	"The council's finance committee estimates the repairs at twelve million crowns, most of which will come from a regional heritage fund that was set up for exactly this kind of project.",
	"Traders who have sold vegetables from vans in the depot yard since the trains stopped said they would be the first to apply for a permanent stall when the halls open again.",
}

const storyTitle = "Council saves old railway depot as covered market"

func page(parts ...string) string { return strings.Join(parts, "\n") }

func paras(ps ...string) string { return strings.Join(ps, "\n\n") }

func extract(body string) model.Article {
	var a model.Article
	Extract(&a, body, nil, "")
	return a
}

// TestBoilerplate checks that chrome of each kind around or inside an
// article is dropped while the article's paragraphs are all kept.
func TestBoilerplate(t *testing.T) {
	body := paras(story...)
	tests := []struct {
		name    string
		page    string
		dropped []string
	}{
		{"menu", page("Home", "News", "Sport", "Business", "Culture", "Opinion", storyTitle, body), []string{"Opinion", "Culture"}},
		{"menu with separators", page("Home | News | Sport | Business | Contact", storyTitle, body), []string{"Contact"}},
		{"glued menu", page("HomeNewsSportWeatherContact us", storyTitle, body), []string{"HomeNews"}},
		{"breadcrumb", page("Home » News » Local", storyTitle, body), []string{"Local"}},
		{"related stories", page(storyTitle, body,
			"Related stories",
			"New bus routes planned for the eastern suburbs",
			"The transport office said the changes would shorten journeys for...",
			"Library extends its opening hours in winter",
			"From November the main reading room will stay open until...",
			"Heavy snow expected in the north this weekend",
			"Forecasters have warned drivers to avoid mountain roads unless..."),
			[]string{"Related stories", "bus routes", "Library extends", "Forecasters"}},
		{"headline list", page(storyTitle, body, "Most read",
			"Mayor promises cheaper parking for residents of the old town",
			"Second hand bookshop closes after forty years on the square",
			"Harbour crane to be lifted into place next week by barge",
			"Ice hockey club signs young goalkeeper from northern rival"),
			[]string{"Most read", "Mayor promises", "goalkeeper"}},
		{"share prompts", page(storyTitle, "Share this article", "Share on Facebook", "Share on Twitter", "Email", "Print", body, "Share", "Tweet", "Comments"),
			[]string{"Share", "Tweet", "Print"}},
		{"read also inside", page(storyTitle, paras(story[0], story[1], "Read also: Regional heritage fund doubles its budget for next year", story[2], story[3], story[4], story[5])),
			[]string{"Read also", "heritage fund doubles"}},
		{"see also inside", page(storyTitle, paras(story[0], story[1], story[2], "See also: How the depot looked when the last train left", story[3], story[4], story[5])),
			[]string{"See also", "last train left"}},
		{"subscription pitch", page(storyTitle, body,
			"Subscribe to our newsletter",
			"Get the morning briefing in your inbox every weekday.",
			"Sign up",
			"Already a subscriber? Log in"),
			[]string{"newsletter", "Sign up", "Log in"}},
		{"bullet pitch", page(storyTitle, body,
			"- Never miss a local story",
			"- Unlimited access on every device",
			"- Cancel any time"),
			[]string{"Never miss", "Unlimited access", "Cancel any time"}},
		{"copyright line", page(storyTitle, body, "© 2024 Depot Town Herald. All rights reserved."), []string{"©", "rights reserved"}},
		{"legal notice", page(storyTitle, body,
			"Reproduction of these materials on any website is prohibited without the prior written permission of the publisher, and quoting is only allowed with a link to the original page placed no lower than the first paragraph.",
			"Copyright 2024 Depot Town Herald Ltd. All rights reserved."),
			[]string{"Reproduction", "permission", "Copyright"}},
		{"cookie notice", page(storyTitle, body, "We use cookies to improve your experience. By continuing you accept our cookie policy.", "Accept cookies", "Privacy policy"),
			[]string{"cookies", "Privacy"}},
		{"photo credit", page(storyTitle, "The depot's main hall, photographed in 2019. © Anders Berg/Depot Town Herald", body), []string{"Anders Berg"}},
		{"comment thread", page(storyTitle, body, "5 comments",
			"Posted by: Eva | May 2, 2024 10:15 AM", "Finally some good sense from the council, I will be there on opening day with my basket.",
			"Posted by: Kalle | May 2, 2024 11:40 AM", "Twelve million is a lot of money for a market hall when the school roof still leaks every spring.",
			"Posted by: Eva | May 2, 2024 12:05 PM", "The money comes from the heritage fund, not the school budget, as the article says quite clearly.",
			"Posted by: Nils | May 3, 2024 08:00 AM", "My grandfather worked in that depot and would be glad to see it full of people again after all these years.",
			"Posted by: Mia | May 3, 2024 09:30 AM", "Hope there will be bicycle parking, the yard is always full of vans on Saturday mornings.",
			"Posted by: Kalle | May 3, 2024 10:10 AM", "Fair point about the fund, but someone still has to pay for the upkeep once the repairs are finished."),
			[]string{"Posted by", "grandfather", "bicycle parking"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := extract(tc.page)
			for _, p := range story {
				if !strings.Contains(a.Text, p) {
					t.Errorf("lost paragraph %.40q...; text:\n%s", p, a.Text)
				}
			}
			for _, s := range tc.dropped {
				if strings.Contains(a.Text, s) {
					t.Errorf("kept %q; text:\n%s", s, a.Text)
				}
			}
			if strings.Contains(a.Text, storyTitle) {
				t.Errorf("title in text")
			}
		})
	}
}

// TestKeepsArticleStructure checks that subheadings, quotes and lists that
// belong to the article are kept.
func TestKeepsArticleStructure(t *testing.T) {
	tests := []struct {
		name string
		page string
		kept []string
	}{
		{"subheading", page(storyTitle, paras(story[0], story[1], "A long fight over the site", story[2], story[3], story[4], story[5])),
			[]string{"A long fight over the site"}},
		{"short quote", page(storyTitle, paras(story[0], story[1], story[2], `"We won," she said.`, story[3], story[4], story[5])),
			[]string{`"We won," she said.`}},
		{"list after colon", page(storyTitle, paras(story[0], story[1], "The plan sets out three stages:", "Repair the roofs of both halls", "Rebuild the loading platforms", "Open the yard to stallholders", story[2], story[3], story[4], story[5])),
			[]string{"Repair the roofs of both halls", "Open the yard to stallholders"}},
		{"numbered subheadings", page(storyTitle, paras(story[0], "1. The roofs", story[1], story[2], "2. The platforms", story[3], story[4], "3. The yard", story[5])),
			[]string{"1. The roofs", "2. The platforms", "3. The yard"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := extract(tc.page)
			for _, s := range append(tc.kept, story...) {
				if !strings.Contains(a.Text, s) {
					t.Errorf("lost %.50q; text:\n%s", s, a.Text)
				}
			}
		})
	}
}

func TestTitle(t *testing.T) {
	body := paras(story...)
	tests := []struct {
		name, page, want string
	}{
		{"above the text", page("Home", "Local", storyTitle, body), storyTitle},
		{"repeated", page(storyTitle, "Local news", "Print | Email", storyTitle, body), storyTitle},
		{"repeated far above", page(storyTitle, "Home", "Local", "Weather", "Sport", "Traffic", "Jobs", "Events", "Listings", "By Petra Holm", "May 2, 2024", body), storyTitle},
		{"cut-off in breadcrumb", page("HomeLocalCouncil saves old railway depot as cov...", storyTitle, "Date:", "Related stories",
			"Harbour crane to be lifted into place next week", "The crane, the largest ever brought to the port, will arrive on...", body), storyTitle},
		{"byline between", page(storyTitle, "By Petra Holm, Staff Writer", "May 2, 2024 10:15 AM", body), storyTitle},
		{"credit line between", page(storyTitle, "Petra Holm/Depot Town Herald", body), storyTitle},
		{"breadcrumb only", page("Home page local", body), ""},
		{"no header", body, ""},
		{"question headline", page("Can a railway depot feed a town again?", body), "Can a railway depot feed a town again?"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := extract(tc.page)
			if a.Title != tc.want {
				t.Errorf("title = %q; want %q", a.Title, tc.want)
			}
			if tc.want != "" && strings.Contains(a.Text, tc.want) {
				t.Errorf("title left in text")
			}
			if a.Title != "" && a.Provenance[model.FieldTitle].From != "text:title" {
				t.Errorf("provenance %+v", a.Provenance[model.FieldTitle])
			}
		})
	}
}

func TestCredit(t *testing.T) {
	rest := paras(story[1:]...)
	lead := story[0]
	tests := []struct {
		name, first      string
		source, outlet   string
		textStartsWith   string
		evidenceContains string
	}{
		{"agency", "(Reuters) - " + lead, "Reuters", "", lead, "(Reuters)"},
		{"place and agency", "OULU (AP) — " + lead, "AP", "", lead, "OULU (AP)"},
		{"place, date and agency", "HELSINKI, March 3 (Reuters) - " + lead, "Reuters", "", lead, "HELSINKI, March 3 (Reuters)"},
		{"double dash", "TURKU, Nov. 24 (Xinhua) -- " + lead, "Xinhua", "", lead, "(Xinhua)"},
		{"syndication", " date 2024-03-21 (WIREHUB- NordPress) " + lead, "NordPress", "WIREHUB", lead, "(WIREHUB- NordPress)"},
		{"place only stays", "Tampere – " + lead, "", "", "Tampere – " + lead, ""},
		{"parenthesis in prose stays", "The council (which met on Wednesday) - as expected - voted to keep the depot.", "", "", "The council (which met", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := extract(page(storyTitle, paras(tc.first, rest)))
			if a.CreditedSource != tc.source {
				t.Errorf("credited source = %q; want %q", a.CreditedSource, tc.source)
			}
			if tc.outlet != "" && a.Outlet != tc.outlet {
				t.Errorf("outlet = %q; want %q", a.Outlet, tc.outlet)
			}
			if !strings.HasPrefix(a.Text, tc.textStartsWith) {
				t.Errorf("text starts %.60q; want %.60q", a.Text, tc.textStartsWith)
			}
			if tc.source != "" && !strings.Contains(a.Provenance[model.FieldCreditedSource].Evidence, tc.evidenceContains) {
				t.Errorf("evidence %q", a.Provenance[model.FieldCreditedSource].Evidence)
			}
		})
	}
}

// TestCreditCase checks that an oddly cased credit takes the spelling the
// text itself uses, while the evidence keeps the literal.
func TestCreditCase(t *testing.T) {
	a := extract(paras("(WIREHUB- NordPress) "+story[0], story[1], "Editors at Nordpress said the vote was expected.", story[2], story[3]))
	if a.CreditedSource != "Nordpress" {
		t.Errorf("credited source = %q; want Nordpress", a.CreditedSource)
	}
	if ev := a.Provenance[model.FieldCreditedSource].Evidence; !strings.Contains(ev, "NordPress") {
		t.Errorf("evidence %q lost the literal", ev)
	}
}

func TestByline(t *testing.T) {
	body := paras(story...)
	tests := []struct {
		name, page, want string
	}{
		{"by", page(storyTitle, "By Petra Holm", body), "Petra Holm"},
		{"by with outlet", page(storyTitle, "By Petra Holm, Depot Town Herald", body), "Petra Holm"},
		{"by capitals", page(storyTitle, "By PETRA HOLM", body), "PETRA HOLM"},
		{"from label", page(storyTitle, "From: Petra Holm", body), "Petra Holm"},
		{"author label", page(storyTitle, "Author: Petra van der Holm", body), "Petra van der Holm"},
		{"written by on its own line", page(storyTitle, "Written by", "Petra Holm", "May 2, 2024", body), "Petra Holm"},
		{"name beside date", page(storyTitle, "Petra Holm", "May 2, 2024", body), "Petra Holm"},
		{"sign-off", page(storyTitle, body, "Read more from Petra Holm here."), "Petra Holm"},
		{"none", page(storyTitle, body), ""},
		{"by in a sentence", page(storyTitle, paras("By the time the vote was taken, most of the public gallery had already left the hall.", body)), ""},
		{"label not name", page(storyTitle, "Local News", "May 2, 2024", body), ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := extract(tc.page)
			if a.Author != tc.want {
				t.Errorf("author = %q; want %q", a.Author, tc.want)
			}
			if tc.want != "" && strings.Contains(a.Text, tc.want) {
				t.Errorf("byline left in text:\n%s", a.Text)
			}
		})
	}
}

func TestPublished(t *testing.T) {
	body := paras(story...)
	tests := []struct {
		name, page, want string
	}{
		{"published label", page(storyTitle, "Published: 3 March 2024", body), "2024-03-03"},
		{"published beats updated", page(storyTitle, "Updated 2024-03-05", "Published 2024-03-04", body), "2024-03-04"},
		{"scraper label", page(" date 2024-03-21 "+storyTitle, body), "2024-03-21"},
		{"us style with time", page(storyTitle, "March 3, 2024 10:15 AM", body), "2024-03-03"},
		{"weekday", page(storyTitle, "Sunday, March 3, 2024", body), "2024-03-03"},
		{"dotted", page(storyTitle, "03.03.2024", body), "2024-03-03"},
		{"dateline", page(storyTitle, paras("HELSINKI, March 3, 2024 (Reuters) - "+story[0], paras(story[1:]...))), "2024-03-03"},
		{"no date", page(storyTitle, body), ""},
		{"date deep in prose ignored", page(storyTitle, paras(story[0], story[1], story[2], "The depot closed to trains on 14 June 1987 after the line was electrified.", story[3])), ""},
		{"empty label", page(storyTitle, "Date:", body), ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := extract(tc.page)
			if a.Published != tc.want {
				t.Errorf("published = %q; want %q", a.Published, tc.want)
			}
			checkSpans(t, tc.page, &a)
		})
	}
}

func TestOutlet(t *testing.T) {
	body := paras(story...)
	tests := []struct {
		name, page, url, want, from string
	}{
		{"copyright symbol", page(storyTitle, body, "© 2015-2024 Depot Herald. All rights reserved."), "", "Depot Herald", "text:copyright"},
		{"copyright word and suffix", page(storyTitle, body, "Copyright 2023 Rail Town Media Inc. All rights reserved."), "", "Rail Town Media", "text:copyright"},
		{"copyright and year after", page(storyTitle, body, "Copyright © Rail Town Media Limited 2007"), "", "Rail Town Media", "text:copyright"},
		{"reserved only", page(storyTitle, body, "Rail Town Media © 2024. All rights reserved."), "", "", ""},
		{"photo credit is not the outlet", page(storyTitle, "The hall in 2019. © Anders Berg/Agency", body), "", "", ""},
		{"host fallback", page(storyTitle, body), "https://www.depot-herald.example/news/1", "depot-herald.example", "text:url-host"},
		{"site name matching host", page("Depot Herald", "Home | News", storyTitle, body, "© 2024 Herald Holdings Ltd."), "https://depot-herald.example/a", "Depot Herald", "text:site-name"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := model.Article{URL: tc.url}
			Extract(&a, tc.page, nil, "")
			if a.Outlet != tc.want {
				t.Errorf("outlet = %q; want %q", a.Outlet, tc.want)
			}
			if tc.from != "" && a.Provenance[model.FieldOutlet].From != tc.from {
				t.Errorf("from = %q; want %q", a.Provenance[model.FieldOutlet].From, tc.from)
			}
		})
	}
}

// TestKeepsGivenFields checks that values already set (from feed or JSON
// hints) are not overwritten, while the text is still cleaned.
func TestKeepsGivenFields(t *testing.T) {
	a := model.Article{Title: "Given title", Author: "Given Author", Published: "2020-01-01", Outlet: "Given Outlet"}
	Extract(&a, page(storyTitle, "By Petra Holm", "Published: 3 March 2024", paras(story...), "© 2024 Depot Herald. All rights reserved."), nil, "")
	if a.Title != "Given title" || a.Author != "Given Author" || a.Published != "2020-01-01" || a.Outlet != "Given Outlet" {
		t.Errorf("overwrote given fields: %+v", a)
	}
	if strings.Contains(a.Text, storyTitle) || strings.Contains(a.Text, "Petra Holm") {
		t.Errorf("header left in text:\n%s", a.Text)
	}
}

// TestStatsRepetition checks that a line repeated on the pages of one site
// is dropped once Stats has seen them, and kept without Stats.
func TestStatsRepetition(t *testing.T) {
	footer := "The Depot Town Herald is an independent newspaper owned by its readers, who elect the board every spring."
	teaser := "Listen to our weekly podcast about the people of the town."
	desks := []string{"harbour", "council", "culture", "transport", "schools", "weather"}
	var pages []string
	for i, desk := range desks {
		// Each page is a different article: its paragraphs carry the
		// desk's name, so only the footer and teaser are shared.
		var ps []string
		for _, p := range story {
			ps = append(ps, p+" The "+desk+" desk will follow the story.")
		}
		pages = append(pages, page(fmt.Sprintf("Headline number %d for a story about the depot", i), paras(ps...), teaser, footer))
	}
	st := NewStats()
	for _, p := range pages {
		st.Add(p, "depot-herald.example")
	}
	if st.Docs() != len(pages) {
		t.Fatalf("Docs = %d", st.Docs())
	}
	var with, without model.Article
	Extract(&with, pages[0], st, "depot-herald.example")
	Extract(&without, pages[0], nil, "")
	if strings.Contains(with.Text, footer) || strings.Contains(with.Text, teaser) {
		t.Errorf("repeated lines kept with Stats:\n%s", with.Text)
	}
	if !strings.Contains(without.Text, footer) {
		t.Errorf("without Stats the footer reads as prose and should stay:\n%s", without.Text)
	}
	for _, p := range story {
		if !strings.Contains(with.Text, p) {
			t.Errorf("lost %.40q", p)
		}
	}
	// One story syndicated to many sites: its paragraphs are article
	// text everywhere, not chrome.
	st2 := NewStats()
	for i := range 20 {
		st2.Add(page(storyTitle, paras(story...), footer), fmt.Sprintf("site%d.example", i))
	}
	var other model.Article
	Extract(&other, page(storyTitle, paras(story...), footer), st2, "site1.example")
	for _, p := range story {
		if !strings.Contains(other.Text, p) {
			t.Errorf("syndicated paragraph dropped: %.40q", p)
		}
	}
}

func TestStatsBounded(t *testing.T) {
	st := NewStats()
	var b strings.Builder
	for i := range 3 * maxLineKeys / 2 {
		fmt.Fprintf(&b, "line %x\n", uint64(i)*0x9E3779B97F4A7C15)
		if i%1000 == 999 {
			st.Add(b.String(), "g")
			b.Reset()
		}
	}
	st.Add(b.String(), "g")
	if n := len(st.overall.m); n > maxLineKeys {
		t.Errorf("overall table holds %d keys; cap %d", n, maxLineKeys)
	}
	if n := len(st.grouped.m); n > maxLineKeys {
		t.Errorf("grouped table holds %d keys; cap %d", n, maxLineKeys)
	}
	var nilStats *Stats
	nilStats.Add("x", "g") // must not panic
	if nilStats.Docs() != 0 {
		t.Error("nil Stats has documents")
	}
}

func TestLineKey(t *testing.T) {
	same := [][2]string{
		{"© 2015-2024 Depot Herald. All rights reserved.", "© 2015-2025 Depot Herald. All rights  reserved"},
		{"12 comments", "3 Comments"},
		{"Ärger im Hafen", "ärger im hafen"},
	}
	for _, p := range same {
		a, _ := lineKey(p[0])
		b, _ := lineKey(p[1])
		if a != b {
			t.Errorf("lineKey(%q) != lineKey(%q)", p[0], p[1])
		}
	}
	if _, ok := lineKey("-- | --"); ok {
		t.Error("a line without letters has a key")
	}
	a, _ := lineKey("Share on Facebook")
	b, _ := lineKey("Share on Twitter")
	if a == b {
		t.Error("different lines share a key")
	}
}

func TestEdgeCases(t *testing.T) {
	huge := strings.Repeat("The council met again and talked about the depot for a very long time. ", 20000)
	tests := []struct {
		name string
		body string
	}{
		{"empty", ""},
		{"blank", " \n\n\t \r\n "},
		{"only chrome", page("Home", "News", "Sport", "Sign in", "© 2024 Example")},
		{"huge single line", huge},
		{"invalid utf-8", "Council \xff\xfe saves depot\n\n" + paras(story...) + "\n\xc3(broken\x80"},
		{"crlf", strings.ReplaceAll(page(storyTitle, "By Petra Holm", paras(story...)), "\n", "\r\n")},
		{"nul bytes", "\x00\x00" + paras(story...)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var a model.Article
			Extract(&a, tc.body, NewStats(), "g")
			if !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) {
				t.Error("invalid UTF-8 in output")
			}
			checkSpans(t, tc.body, &a)
			if strings.Contains(a.Text, "\r") {
				t.Error("carriage return in text")
			}
		})
	}
	if a := extract(huge); strings.TrimSpace(a.Text) != strings.TrimSpace(huge) {
		t.Errorf("huge single line not kept whole: %d of %d bytes", len(a.Text), len(huge))
	}
	if a := extract(""); a.Text != "" || a.Provenance != nil {
		t.Errorf("empty input produced %+v", a)
	}
	Extract(nil, "x", nil, "") // must not panic
}

// TestWrappedParagraphs checks that hard-wrapped prose is read as prose and
// comes out as one paragraph per wrapped block.
func TestWrappedParagraphs(t *testing.T) {
	wrap := func(s string) string {
		var b strings.Builder
		n := 0
		for _, w := range strings.Fields(s) {
			if n+len(w) > 60 {
				b.WriteByte('\n')
				n = 0
			} else if n > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w)
			n += len(w) + 1
		}
		return b.String()
	}
	var ws []string
	for _, p := range story {
		ws = append(ws, wrap(p))
	}
	a := extract(page("Home", "News", storyTitle, paras(ws...), "© 2024 Depot Herald"))
	for _, p := range story {
		if !strings.Contains(a.Text, p) {
			t.Errorf("paragraph not rejoined: %.50q\n%s", p, a.Text)
		}
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"", "a", "\n\n", page(storyTitle, "By Petra Holm", paras(story...)),
		"(Reuters) - x", " date 2024-03-21 (A- B) c", "© 2024 X. All rights reserved.", "\xff\xfe\n\xc3",
		"By\nJane Doe\nMay 2, 2024\nText here that runs on for a while, as text does.",
	} {
		f.Add(s, "")
	}
	if pages, _ := filepath.Glob("testdata/*.txt"); len(pages) > 0 {
		for _, p := range pages {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(string(b), "example.org")
			}
		}
	}
	f.Fuzz(func(t *testing.T, body, group string) {
		st := NewStats()
		st.Add(body, group)
		st.Add(body, group)
		var a model.Article
		Extract(&a, body, st, group)
		clean := sanitize(body)
		runes := []rune(clean)
		for field, p := range a.Provenance {
			if p.Span != nil && (p.Span.Start < 0 || p.Span.End > len(runes) || p.Span.Start > p.Span.End) {
				t.Fatalf("%s span %+v outside %d code points", field, *p.Span, len(runes))
			}
		}
		// Text is made of the body's own code points, plus the spaces
		// and newlines that join paragraphs and wrapped lines.
		have := map[rune]bool{' ': true, '\n': true}
		for _, r := range runes {
			have[r] = true
		}
		for _, r := range a.Text + a.Title + a.Author {
			if !have[r] {
				t.Fatalf("output has %q, which the body does not", r)
			}
		}
		if !utf8.ValidString(a.Text) {
			t.Fatal("invalid UTF-8 in text")
		}
	})
}

// benchPage builds a typical news page of about 10 KB: a long menu, the
// article, a related-stories box and a footer.
func benchPage() string {
	var b strings.Builder
	for _, m := range []string{"Home", "News", "Local", "World", "Business", "Sport", "Culture", "Opinion", "Weather", "Traffic", "Jobs", "Property", "Motors", "Events", "Puzzles", "Newsletters", "Podcasts", "Video", "Photos", "Archive", "Contact us", "Advertise", "Sign in", "Subscribe"} {
		b.WriteString(m + "\n")
	}
	b.WriteString("Home » News » Local\n" + storyTitle + "\nBy Petra Holm\nPublished: 3 March 2024\nShare\n")
	for range 6 {
		b.WriteString(paras(story...) + "\n")
	}
	b.WriteString("Related stories\n")
	for i := range 20 {
		fmt.Fprintf(&b, "Harbour crane number %d to be lifted into place next week\nThe crane, the largest ever brought to the port, will arrive on a barge from...\n", i)
	}
	b.WriteString("Follow us on Facebook\nFollow us on Twitter\n© 2010-2024 Depot Town Herald Ltd. All rights reserved.\nTerms of use | Privacy policy | Cookie settings\n")
	return b.String()
}

func BenchmarkExtract(b *testing.B) {
	body := benchPage()
	st := NewStats()
	for range 50 {
		st.Add(body, "depot-herald.example")
	}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		var a model.Article
		Extract(&a, body, st, "depot-herald.example")
	}
}

func BenchmarkStatsAdd(b *testing.B) {
	body := benchPage()
	st := NewStats()
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		st.Add(body, "depot-herald.example")
	}
}
