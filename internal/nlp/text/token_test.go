package text

import (
	"strings"
	"testing"
)

// toks renders tokens as "text" for words and "Kind:text" for the rest, so
// that a table row reads like the sentence it tests.
func toks(d Doc) []string {
	out := make([]string, len(d.Tokens))
	for i, t := range d.Tokens {
		if t.Kind == Word {
			out[i] = t.Text
		} else {
			out[i] = t.Kind.String() + ":" + t.Text
		}
	}
	return out
}

func TestTokens(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             string // tokens joined by " | "
	}{
		{"possessive", "", "Russia's army", "Russia | 's | army"},
		{"curly possessive", "", "Kyiv’s mayor", "Kyiv | ’s | mayor"},
		{"negation", "", "They don't know and can’t say.", "They | do | n't | know | and | ca | n’t | say | Punct:."},
		{"contractions", "", "We're sure they'll come; I'd say I'm right, we've won.",
			"We | 're | sure | they | 'll | come | Punct:; | I | 'd | say | I | 'm | right | Punct:, | we | 've | won | Punct:."},
		{"plural possessive", "", "the Smiths' house", "the | Smiths | Punct:' | house"},
		{"names with apostrophes", "", "O'Brien met D'Angelo in Côte d'Ivoire.", "O'Brien | met | D'Angelo | in | Côte | d'Ivoire | Punct:."},
		{"decade possessive", "", "the 1990's boom", "the | Number:1990 | 's | boom"},
		{"hyphens", "", "a pro-Ukraine, Kyiv-based well-known group", "a | pro-Ukraine | Punct:, | Kyiv-based | well-known | group"},
		{"hyphen with digits", "", "COVID-19 and F-16 jets, a 5-year-old", "COVID-19 | and | F-16 | jets | Punct:, | a | 5-year-old"},
		{"numbers", "", "1,200 troops, 3.5 km, on 2024-03-21 at 10:30, 24/7",
			"Number:1,200 | troops | Punct:, | Number:3.5 | km | Punct:, | on | Number:2024-03-21 | at | Number:10:30 | Punct:, | Number:24/7"},
		{"number at sentence end", "", "It was 2024.", "It | was | Number:2024 | Punct:."},
		{"glued units", "", "the 20th time, $1.2bn, 5% and 10km", "the | 20th | time | Punct:, | Symbol:$ | 1.2bn | Punct:, | Number:5 | Symbol:% | and | 10km"},
		{"abbreviations", "", "Gen. Smith and Mr. Jones of Acme Inc. in the U.S.",
			"Gen. | Smith | and | Mr. | Jones | of | Acme | Inc. | in | the | U.S."},
		{"acronyms", "", "U.K. and U.N. staff, e.g. at 9 a.m. or p.m., i.e. E.U. rules",
			"U.K. | and | U.N. | staff | Punct:, | e.g. | at | Number:9 | a.m. | or | p.m. | Punct:, | i.e. | E.U. | rules"},
		{"acronym before hyphen", "", "U.S.-led forces", "U.S.-led | forces"},
		{"initials", "", "J. R. R. Tolkien and Vladimir V. Putin", "J. | R. | R. | Tolkien | and | Vladimir | V. | Putin"},
		{"number abbreviation", "", "No. 10 said no. Then", "No. | Number:10 | said | no | Punct:. | Then"},
		{"lower-case title is a word", "", "the dr. said", "the | dr | Punct:. | said"},
		{"quotes straight", "", `He said "no" and 'yes'.`, "He | said | OpenQuote:\" | no | CloseQuote:\" | and | OpenQuote:' | yes | CloseQuote:' | Punct:."},
		{"quotes curly", "", "“We won,” she said, ‘twice’.", "OpenQuote:“ | We | won | Punct:, | CloseQuote:” | she | said | Punct:, | OpenQuote:‘ | twice | CloseQuote:’ | Punct:."},
		{"dashes", "", "Kyiv — the capital – and Lviv -- and 2020–2024", "Kyiv | Punct:— | the | capital | Punct:– | and | Lviv | Punct:-- | and | Number:2020 | Punct:– | Number:2024"},
		{"ellipsis", "", "Wait... then… go", "Wait | Punct:... | then | Punct:… | go"},
		{"url", "", "See https://example.org/a_b?c=1&d=(2). Or www.example.com, or (http://x.example/y).",
			"See | URL:https://example.org/a_b?c=1&d=(2) | Punct:. | Or | URL:www.example.com | Punct:, | or | Punct:( | URL:http://x.example/y | Punct:) | Punct:."},
		{"domain", "", "on Amazon.com today", "on | Amazon.com | today"},
		{"social", "", "@kyiv_post wrote #StandWithUkraine, mail desk@example.org.",
			"Handle:@kyiv_post | wrote | Hashtag:#StandWithUkraine | Punct:, | mail | Email:desk@example.org | Punct:."},
		{"hash number", "", "#1 seed", "Symbol:# | Number:1 | seed"},
		{"cyrillic", "", "Київ, 21 березня — Зеленський заявив.", "Київ | Punct:, | Number:21 | березня | Punct:— | Зеленський | заявив | Punct:."},
		{"greek and arabic", "", "Αθήνα و القاهرة.", "Αθήνα | و | القاهرة | Punct:."},
		{"han", "zh", "北京市。", "北 | 京 | 市 | Punct:。"},
		{"kana", "ja", "東京でカレーを食べた", "東 | 京 | で | カレー | を | 食 | べた"},
		{"combining marks", "", "Cafe\u0301 opens", "Cafe\u0301 | opens"},
		{"soft hyphen inside", "", "Ukrai\u00adne won", "Ukrai\u00adne | won"},
		{"emoji", "", "ok 👍🏽 🇺🇦 👨\u200d👩\u200d👧 done", "ok | Symbol:👍🏽 | Symbol:🇺🇦 | Symbol:👨\u200d👩\u200d👧 | done"},
		{"ampersand", "", "AT&T and S&P, A & B", "AT&T | and | S&P | Punct:, | A | Symbol:& | B"},
		{"german ordinal", "de", "am 3. Oktober 2024", "am | Number:3. | Oktober | Number:2024"},
		{"german quotes", "de", "Er sagte: „Wir siegen.“", "Er | sagte | Punct:: | OpenQuote:„ | Wir | siegen | Punct:. | CloseQuote:“"},
		{"german no clitic split", "de", "Russia's", "Russia's"},
		{"german abbreviations", "de", "z.B. Nr. 5 und ca. 3", "z.B. | Nr. | Number:5 | und | ca. | Number:3"},
		{"french elision", "fr", "L'armée d'Ukraine qu'il aime aujourd'hui", "L' | armée | d' | Ukraine | qu' | il | aime | aujourd'hui"},
		{"french guillemets", "fr", "« Nous gagnerons », a dit M. Dupont.", "OpenQuote:« | Nous | gagnerons | CloseQuote:» | Punct:, | a | dit | M. | Dupont | Punct:."},
		{"generic keeps apostrophes", "xx", "Russia's don't", "Russia's | don't"},
		{"control and invalid bytes", "", "a\x00b \xff c", "a | b | c"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Analyze(tt.text, tt.lang)
			check(t, tt.text, d)
			if got := strings.Join(toks(d), " | "); got != tt.want {
				t.Errorf("Analyze(%q)\n got %s\nwant %s", tt.text, got, tt.want)
			}
		})
	}
}

func TestTokenFlags(t *testing.T) {
	d := Analyze("NATO's Kyiv-based F-16 unit met U.S. officials", "en")
	type flags struct{ title, caps, digit, abbr bool }
	want := map[string]flags{
		"NATO":       {true, true, false, false},
		"'s":         {false, false, false, false},
		"Kyiv-based": {true, false, false, false},
		"F-16":       {true, true, true, false},
		"unit":       {false, false, false, false},
		"U.S.":       {true, true, false, true},
	}
	for _, tok := range d.Tokens {
		w, ok := want[tok.Text]
		if !ok {
			continue
		}
		got := flags{tok.IsTitle(), tok.IsAllCaps(), tok.HasDigit(), tok.IsAbbrev()}
		if got != w {
			t.Errorf("%q: flags %+v, want %+v", tok.Text, got, w)
		}
	}
	if !d.Tokens[0].SpaceBefore || d.Tokens[1].SpaceBefore {
		t.Errorf("SpaceBefore: %v %v", d.Tokens[0].SpaceBefore, d.Tokens[1].SpaceBefore)
	}
}

func TestSpansInCodePoints(t *testing.T) {
	text := "«Київ» — 東京, café 👍🏽 end."
	d := Analyze(text, "")
	check(t, text, d)
	r := []rune(text)
	last := d.Tokens[len(d.Tokens)-1]
	if last.Span.End != len(r) {
		t.Errorf("last token ends at %d, text has %d code points", last.Span.End, len(r))
	}
}
