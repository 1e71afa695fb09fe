package text

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func sentences(d Doc) []string {
	out := make([]string, len(d.Sentences))
	for i, s := range d.Sentences {
		out[i] = s.Text
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []string
	}{
		{"plain", "", "The talks failed. Both sides left! Why? Nobody knows.",
			[]string{"The talks failed.", "Both sides left!", "Why?", "Nobody knows."}},
		{"digit and quote openers", "", `Prices rose. 2024 was worse. "Enough," she said.`,
			[]string{"Prices rose.", "2024 was worse.", `"Enough," she said.`}},
		{"lower case continues", "", "He joined Yahoo! in May. The firm grew.",
			[]string{"He joined Yahoo! in May.", "The firm grew."}},
		{"titles", "", "Mr. Smith, Mrs. Lee, Dr. Osei, Gen. Halvorsen, Lt. Col. Park, Sgt. Diaz, Capt. Ruiz and Maj. Wood met Rep. Chu, Sen. Vance, Gov. Ortiz and Pres. Mbeki. They talked.",
			[]string{"Mr. Smith, Mrs. Lee, Dr. Osei, Gen. Halvorsen, Lt. Col. Park, Sgt. Diaz, Capt. Ruiz and Maj. Wood met Rep. Chu, Sen. Vance, Gov. Ortiz and Pres. Mbeki.", "They talked."}},
		{"places and months", "", "Rallies in St. Petersburg and near Mt. Elbrus began Jan. 5 and ended Feb. 9. Others followed on Aug. 2, Sept. 14, Oct. 1, Nov. 30 and Dec. 24. None were violent.",
			[]string{"Rallies in St. Petersburg and near Mt. Elbrus began Jan. 5 and ended Feb. 9.", "Others followed on Aug. 2, Sept. 14, Oct. 1, Nov. 30 and Dec. 24.", "None were violent."}},
		{"times", "", "The strike hit at 4 a.m. Tuesday and again at 6 p.m. It killed no one.",
			[]string{"The strike hit at 4 a.m. Tuesday and again at 6 p.m.", "It killed no one."}},
		{"country acronyms", "", "The U.S. Navy, the U.K. Foreign Office, U.N. monitors and E.U. envoys agreed. Talks resume.",
			[]string{"The U.S. Navy, the U.K. Foreign Office, U.N. monitors and E.U. envoys agreed.", "Talks resume."}},
		{"acronym at the end", "", "The envoy flew to the U.S. The talks start Monday.",
			[]string{"The envoy flew to the U.S.", "The talks start Monday."}},
		{"company suffixes", "", "Acme Inc. Chief Executive Jo Park and Brandt Ltd. Director Ana Silva joined Vela Corp. and Osei & Co. The deal closed.",
			[]string{"Acme Inc. Chief Executive Jo Park and Brandt Ltd. Director Ana Silva joined Vela Corp. and Osei & Co.", "The deal closed."}},
		{"name suffixes", "", "Carl Mays Jr. and Carl Mays Sr. Both spoke.", // "Both" opens a sentence
			[]string{"Carl Mays Jr. and Carl Mays Sr.", "Both spoke."}},
		{"number abbreviation", "", "He lives at No. 10 and said no. Then he left.",
			[]string{"He lives at No. 10 and said no.", "Then he left."}},
		{"latin", "", "Drones, tanks, etc. were shown, e.g. Orlan drones, i.e. Russian ones, vs. Bayraktar models at approx. 40 sites. Etc. Smith said.",
			[]string{"Drones, tanks, etc. were shown, e.g. Orlan drones, i.e. Russian ones, vs. Bayraktar models at approx. 40 sites.", "Etc. Smith said."}},
		{"etc. at the end", "", "They took food, water, etc. But not fuel.",
			[]string{"They took food, water, etc.", "But not fuel."}},
		{"initials", "", "J. R. R. Tolkien wrote it. Vladimir V. Putin read it. George W. Bush did not.",
			[]string{"J. R. R. Tolkien wrote it.", "Vladimir V. Putin read it.", "George W. Bush did not."}},
		{"initial at the end", "", "They backed Plan B. The vote is Monday.",
			[]string{"They backed Plan B.", "The vote is Monday."}},
		{"decimals", "", "Growth was 3.5 percent, down from 4.25. Inflation hit 7.1%.",
			[]string{"Growth was 3.5 percent, down from 4.25.", "Inflation hit 7.1%."}},
		{"ellipsis inside", "", "He said the plan would ... fail. We will fight … Russia will not win. It was over... The next day it began.",
			[]string{"He said the plan would ... fail.", "We will fight … Russia will not win.", "It was over...", "The next day it began."}},
		{"four dots", "", "It stopped.... Then it resumed.",
			[]string{"It stopped....", "Then it resumed."}},
		{"period inside closing quote", "", `"We are ready," he said. "The army is ready." Officials agreed.`,
			[]string{`"We are ready," he said.`, `"The army is ready."`, "Officials agreed."}},
		{"curly closing quote", "", "He called it “a disaster.” Then he left.",
			[]string{"He called it “a disaster.”", "Then he left."}},
		{"comma inside quote", "", "“We will rebuild…,” she said. Work starts soon.",
			[]string{"“We will rebuild…,” she said.", "Work starts soon."}},
		{"quote then attribution", "", `"We will win," he said.`,
			[]string{`"We will win," he said.`}},
		{"question in quote", "", `"Why now?" Smith asked. "Why not?" asked Jones. "Stop!" Deputy Mayor Ana Ruiz shouted.`,
			[]string{`"Why now?" Smith asked.`, `"Why not?" asked Jones.`, `"Stop!" Deputy Mayor Ana Ruiz shouted.`}},
		{"question in quote, new sentence", "", `"Why now?" Nobody knew.`,
			[]string{`"Why now?"`, "Nobody knew."}},
		{"quote over sentences", "", `"We will hold the line. We have the men. We have the guns," the commander said.`,
			[]string{`"We will hold the line.`, "We have the men.", `We have the guns," the commander said.`}},
		{"curly quote over sentences", "", "“The city is quiet. The shelling stopped at dawn.” Residents returned.",
			[]string{"“The city is quiet.", "The shelling stopped at dawn.”", "Residents returned."}},
		{"single quotes", "", "He said ‘enough.’ They left.",
			[]string{"He said ‘enough.’", "They left."}},
		{"brackets", "", "The toll rose (see below.) Rescuers dug. [Updated at 5 p.m.] More later.",
			[]string{"The toll rose (see below.)", "Rescuers dug.", "[Updated at 5 p.m.]", "More later."}},
		{"dashes are no stops", "", "We improve — [the] section – and more. Done.",
			[]string{"We improve — [the] section – and more.", "Done."}},
		{"footnote marks", "", "He won in 2009.[4] He retired. [12] Then he wrote.",
			[]string{"He won in 2009.[4]", "He retired. [12]", "Then he wrote."}},
		{"camel case opener", "", "Sales fell. eBay said so. iPhone sales rose.",
			[]string{"Sales fell.", "eBay said so.", "iPhone sales rose."}},
		{"no space after stop", "", "Visit example.com.It is down.",
			[]string{"Visit example.com.It is down."}},
		{"url with dots", "", "Read www.example.org/news.html. It explains.",
			[]string{"Read www.example.org/news.html.", "It explains."}},
		{"single newline is a space", "", "The first line\ncontinues here. The second.",
			[]string{"The first line\ncontinues here.", "The second."}},
		{"paragraph ends a sentence", "", "A headline without a stop\n\nThe body starts here.",
			[]string{"A headline without a stop", "The body starts here."}},
		{"cyrillic", "ru", "Обстрел начался утром. Погибли двое! Почему? Неясно.",
			[]string{"Обстрел начался утром.", "Погибли двое!", "Почему?", "Неясно."}},
		{"generic ellipsis", "ru", "Он молчал… Потом ушёл.",
			[]string{"Он молчал…", "Потом ушёл."}},
		{"generic initials", "ru", "В. В. Путин приехал. Встреча прошла.",
			[]string{"В. В. Путин приехал.", "Встреча прошла."}},
		{"wide stops", "zh", "我来了。他走了！真的吗？是的。",
			[]string{"我来了。", "他走了！", "真的吗？", "是的。"}},
		{"arabic question mark", "ar", "هل انتهى؟ نعم.",
			[]string{"هل انتهى؟", "نعم."}},
		{"german", "de", "Dr. Müller kam am 3. Oktober. Er sagte: „Wir bleiben.“ Die Stadt hat ca. 300 Einwohner, z.B. Nr. 5. Danach ging er.",
			[]string{"Dr. Müller kam am 3. Oktober.", "Er sagte: „Wir bleiben.“", "Die Stadt hat ca. 300 Einwohner, z.B. Nr. 5.", "Danach ging er."}},
		{"german ordinals", "de", "Der 3. Platz ging an den 1. FC Köln. Das Ergebnis war 3. Die Fans jubelten.",
			[]string{"Der 3. Platz ging an den 1. FC Köln.", "Das Ergebnis war 3.", "Die Fans jubelten."}},
		{"german book quotes", "de", "»Wir bleiben«, sagte er. »Jetzt.« Dann ging er.",
			[]string{"»Wir bleiben«, sagte er.", "»Jetzt.«", "Dann ging er."}},
		{"french", "fr", "M. Dupont et Mme Martin sont arrivés. « Nous restons. » L'armée est partie.",
			[]string{"M. Dupont et Mme Martin sont arrivés.", "« Nous restons. »", "L'armée est partie."}},
		{"spanish openers", "es", "Llegó tarde. ¿Por qué? No lo sé.",
			[]string{"Llegó tarde.", "¿Por qué?", "No lo sé."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Analyze(tt.text, tt.lang)
			check(t, tt.text, d)
			if got := sentences(d); !slices.Equal(got, tt.want) {
				t.Errorf("Analyze(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"One.\n\nTwo.", []string{"One.", "Two."}},
		{"\n\n  One. Still one.\r\n\r\nTwo.\n \t\nThree\nlines.\n\n\n", []string{"One. Still one.", "Two.", "Three\nlines."}},
		{"One.\u2029Two.", []string{"One.", "Two."}},
		{"   \n\n ", nil},
		{"", nil},
	}
	for _, tt := range tests {
		d := Analyze(tt.text, "en")
		check(t, tt.text, d)
		r := []rune(tt.text)
		var got []string
		for _, p := range d.Paragraphs {
			got = append(got, string(r[p.Start:p.End]))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Paragraphs(%q) = %q, want %q", tt.text, got, tt.want)
		}
		for i, s := range d.Sentences {
			if want := d.SentenceAt(d.Paragraphs[s.Para].Start); s.Para == 0 && i == 0 && want != 0 {
				t.Errorf("first sentence not at the first paragraph's start")
			}
		}
	}
	// Sentences never cross paragraphs.
	d := Analyze("It went on and\n\non.", "en")
	if len(d.Sentences) != 2 || d.Sentences[1].Para != 1 {
		t.Errorf("sentences across a blank line: %q", sentences(d))
	}
}

func TestDatelines(t *testing.T) {
	tests := []struct {
		name, text string
		dateline   string // "" when none is expected
		first      string // first sentence
	}{
		{"wire with credit", "KYIV, March 21 (Reuters) - Drones struck the city overnight. Two died.",
			"KYIV, March 21 (Reuters)", "KYIV, March 21 (Reuters) - Drones struck the city overnight."},
		{"caps place", "LONDON — The government fell on Tuesday.", "LONDON", "LONDON — The government fell on Tuesday."},
		{"caps place, no spaces", "LONDON—The government fell.", "LONDON", "LONDON—The government fell."},
		{"place with abbreviation", "WASHINGTON, D.C. (AP) — Lawmakers met. They agreed.",
			"WASHINGTON, D.C. (AP)", "WASHINGTON, D.C. (AP) — Lawmakers met."},
		{"two-word place", "ST. LOUIS -- Storms hit the city.", "ST. LOUIS", "ST. LOUIS -- Storms hit the city."},
		{"press release", "Kyiv, Ukraine, March 21, 2024 /PRNewswire/ -- Vela Corp. today announced a plant. It opens soon.",
			"Kyiv, Ukraine, March 21, 2024 /PRNewswire/", "Kyiv, Ukraine, March 21, 2024 /PRNewswire/ -- Vela Corp. today announced a plant."},
		{"title-case place and date", "Kharkiv, Jan. 5 - Shelling resumed.", "Kharkiv, Jan. 5", "Kharkiv, Jan. 5 - Shelling resumed."},
		{"credit alone", "(Reuters) - Oil rose.", "(Reuters)", "(Reuters) - Oil rose."},
		{"after a title paragraph", "Drones hit Kyiv\n\nKYIV (AFP) — Drones hit the capital.", "KYIV (AFP)", "Drones hit Kyiv"},
		{"acronym then lower case", "NATO — the alliance — met today.", "", "NATO — the alliance — met today."},
		{"name and dash", "Biden — who spoke first — left.", "", "Biden — who spoke first — left."},
		{"sentence before dash", "The army left. Then — nothing.", "", "The army left."},
		{"day before month", "KYIV, 21 March (AFP) - Sirens sounded.", "KYIV, 21 March (AFP)", "KYIV, 21 March (AFP) - Sirens sounded."},
		{"after a byline", "By Ana Ruiz\n\nLVIV, Ukraine (AP) — Sirens sounded.", "LVIV, Ukraine (AP)", "By Ana Ruiz"},
		{"US state", "SALEM, Ore. (AP) — Fires spread. Crews arrived.", "SALEM, Ore. (AP)", "SALEM, Ore. (AP) — Fires spread."},
		{"second paragraph after prose", "The war goes on.\n\nNATO — The alliance met.", "", "The war goes on."},
		{"third paragraph is too late", "A\n\nB\n\nLONDON — It rained.", "", "A"},
		{"dash at the end", "LONDON —", "", "LONDON —"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Analyze(tt.text, "en")
			check(t, tt.text, d)
			r := []rune(tt.text)
			got := ""
			if d.DatelineEnd > 0 {
				got = string(r[d.Dateline.Start:d.Dateline.End])
				if body := strings.TrimLeft(string(r[d.Dateline.End:d.DatelineEnd]), " -—–"); body != "" {
					t.Errorf("between dateline and body: %q", string(r[d.Dateline.End:d.DatelineEnd]))
				}
			}
			if got != tt.dateline {
				t.Errorf("dateline %q, want %q", got, tt.dateline)
			}
			if d.Sentences[0].Text != tt.first {
				t.Errorf("first sentence %q, want %q", d.Sentences[0].Text, tt.first)
			}
		})
	}
}

func TestSentenceAt(t *testing.T) {
	text := "Один. Two  three.\n\nFour."
	d := Analyze(text, "")
	check(t, text, d)
	want := map[int]int{-5: -1, 0: 0, 4: 0, 5: -1, 6: 1, 16: 1, 17: -1, 18: -1, 19: 2, 23: 2, 24: -1, 99: -1}
	for off, w := range want {
		if got := d.SentenceAt(off); got != w {
			t.Errorf("SentenceAt(%d) = %d, want %d", off, got, w)
		}
	}
	if got := (Doc{}).SentenceAt(0); got != -1 {
		t.Errorf("empty doc: %d", got)
	}
}

func TestLanguageSelection(t *testing.T) {
	for lang, want := range map[string]string{"": "en", "en": "en", "EN-us": "en", "eng": "en", "de_CH": "de", "fr": "fr", "fra": "fr", "ru": "", "zz": ""} {
		if got := Analyze("x", lang).Lang; got != want {
			t.Errorf("Analyze(_, %q).Lang = %q, want %q", lang, got, want)
		}
	}
}

func ExampleAnalyze() {
	d := Analyze(`KYIV, March 21 (Reuters) - Gen. J. R. Halvorsen met U.S. envoys. "We are ready," he said.`, "en")
	for _, s := range d.Sentences {
		fmt.Println(s.Span, s.Text)
	}
	fmt.Println("dateline:", d.Text[d.Dateline.Start:d.Dateline.End], "body at", d.DatelineEnd)
	// Output:
	// {0 64} KYIV, March 21 (Reuters) - Gen. J. R. Halvorsen met U.S. envoys.
	// {65 89} "We are ready," he said.
	// dateline: KYIV, March 21 (Reuters) body at 27
}
