package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbrClass says how a period attached to an abbreviation behaves at a
// possible sentence end.
type abbrClass uint8

const (
	abbrNone abbrClass = iota
	// abbrPrefix comes before what it qualifies: a title before a name
	// ("Gen.", "Dr."), "e.g." or "vs." before an example. It never ends a
	// sentence in news copy, so a capital after it is a name.
	abbrPrefix
	// abbrNumber is an abbreviation only before a number ("No. 5", "Nr. 3",
	// "p. 12"); elsewhere the word is an ordinary word and the period a full
	// stop ("the answer was no.").
	abbrNumber
	// abbrGeneral may end a sentence ("... Acme Inc. The company said"): it
	// ends one only when a common sentence opener follows. Initials ("J.")
	// and dotted acronyms ("U.S.") not in the list behave the same way.
	abbrGeneral
)

// side is the default reading of a quote mark whose neighbours do not say
// whether it opens or closes.
type side uint8

const (
	sideEither side = iota // straight marks: decided by what is open
	sideOpen
	sideClose
)

// rules is one language's rule set. The tokeniser and splitter read nothing
// language-specific from anywhere else, so a new language is one more
// constructor here.
type rules struct {
	lang string
	// abbrevs maps the lower-cased word before the period to its class.
	abbrevs map[string]abbr
	// starters are capitalised words that begin sentences far more often
	// than they follow an abbreviation inside one ("The", "He"); they decide
	// the ambiguous cases after general abbreviations, initials and
	// ellipses.
	starters map[string]bool
	// speech are reporting verbs: `"Why?" Smith asked.` is one sentence.
	speech map[string]bool
	// months let ordinals ("3. Oktober") and datelines ("March 21") be seen.
	months map[string]bool
	// quotes gives curly and angle marks their usual side in the language:
	// “ opens in English and closes in German.
	quotes map[rune]side
	// clitics splits English contractions and possessives off the word
	// (Penn Treebank style: "Russia's" → "Russia" "'s", "don't" → "do"
	// "n't"), which is how the NER training corpora are tokenised.
	clitics bool
	// elisions are French-style prefixes kept with their apostrophe as a
	// token of their own ("l'" "armée").
	elisions map[string]bool
	// ordinals attaches the period to a number before a month name.
	ordinals bool
}

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// abbr is one abbreviation entry.
type abbr struct {
	class   abbrClass
	capOnly bool
}

// abbrevs builds an abbreviation table; words written capitalised in the
// lists match only when capitalised in the text.
func abbrevs(classes map[abbrClass]string) map[string]abbr {
	m := map[string]abbr{}
	for c, words := range classes {
		for _, w := range strings.Fields(words) {
			f, _ := utf8.DecodeRuneInString(w)
			m[strings.ToLower(w)] = abbr{class: c, capOnly: unicode.IsUpper(f)}
		}
	}
	return m
}

// Marks common to most languages. Their side in a given language overrides
// these in the language's own table.
var genericQuotes = map[rune]side{
	'"': sideEither, '\'': sideEither,
	'“': sideOpen, '”': sideClose, '„': sideOpen, '‟': sideOpen,
	'‘': sideOpen, '’': sideClose, '‚': sideOpen, '‛': sideOpen,
	'«': sideOpen, '»': sideClose, '‹': sideOpen, '›': sideClose,
	'「': sideOpen, '」': sideClose, '『': sideOpen, '』': sideClose,
	'〝': sideOpen, '〞': sideClose, '＂': sideEither,
}

func withQuotes(over map[rune]side) map[rune]side {
	m := make(map[rune]side, len(genericQuotes)+len(over))
	for r, s := range genericQuotes {
		m[r] = s
	}
	for r, s := range over {
		m[r] = s
	}
	return m
}

var (
	ruleEN = &rules{
		lang: "en",
		abbrevs: abbrevs(map[abbrClass]string{
			abbrPrefix: `Mr Mrs Ms Messrs Dr Prof Gen Lt Col Sgt Capt Cpt Maj Rep Reps Sen Sens Gov Pres
				Rev Hon Adm Cmdr Brig Cpl Pvt Supt Insp Det Atty Amb Gens Lts Cols Fr Msgr
				e.g i.e vs cf viz`,
			abbrNumber: `No Nos p pp Vol Art Fig Ch Sec`,
			// US states in AP style are in datelines ("SALEM, Ore. (AP) —")
			// and after towns; b. c. ca. fl. v. come in lives and cases.
			abbrGeneral: `St Mt Ft Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
				Inc Ltd Co Corp Jr Sr Bros Dept Univ Assn Ave Blvd approx etc al
				Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn
				Miss Mo Mont Neb Nev Okla Ore Pa Tenn Tex Vt Va Wash Wis Wyo
				b c ca fl v`,
		}),
		starters: set(`The A An This That These Those It Its He She They We I You His Her Their Our My Your
			There Here But And Or So Yet If When While After Before Since As In On At For From With By Of To
			Under Over During Although Though However Meanwhile Also Still Some Many Most Several Both All
			Each Every Other Another Such One Two Three Four Five What Why How Who Where Which Last Earlier
			Later Now Then Instead According Asked Officials Police Authorities Neither Nor Not No`),
		speech: set(`said says asked asks added adds told tells wrote writes explained continued replied
			insisted argued warned noted stated declared claimed shouted tweeted posted cried recalled
			acknowledged admitted conceded concluded answered responded remarked quipped joked
			announced demanded wondered urged`),
		months:  set(`January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec`),
		quotes:  genericQuotes,
		clitics: true,
	}
	ruleDE = &rules{
		lang: "de",
		abbrevs: abbrevs(map[abbrClass]string{
			abbrPrefix: `Hr Hrn Fr Dr Prof Mag St z.B d.h vgl`,
			abbrNumber: `Nr S Abs Art Bd Ziff`,
			abbrGeneral: `bzw ca ggf evtl inkl usw sog Mio Mrd Jh Jhd Str Tel zzgl Abt allg u.a
				Jan Feb Apr Aug Sep Sept Okt Nov Dez`,
		}),
		starters: set(`Der Die Das Ein Eine Einen Er Sie Es Wir Ich Ihr Man Dies Diese Dieser Dieses
			Aber Und Oder Doch Denn Wenn Als Nach Vor Seit Im In Am An Auf Bei Mit Von Zu Für Trotz
			Auch Noch Dann Damit Dabei Zudem Laut Wie Was Wer Warum Wo Danach Später Zuvor Heute Gestern
			Bisher Nun Jetzt Deshalb Daher Allerdings Außerdem Dort Hier Alle Viele Einige`),
		speech: set(`sagte sagt fragte fragt erklärte erklärt betonte betont schrieb schreibt fügte
			warnte meinte teilte`),
		months: set(`Januar Februar März April Mai Juni Juli August September Oktober November Dezember
			Jan Feb Apr Aug Sep Sept Okt Nov Dez`),
		// German print uses „…“ and ‚…‘, and in books »…«.
		quotes:   withQuotes(map[rune]side{'“': sideClose, '‘': sideClose, '»': sideOpen, '«': sideClose, '›': sideOpen, '‹': sideClose}),
		ordinals: true,
	}
	ruleFR = &rules{
		lang: "fr",
		abbrevs: abbrevs(map[abbrClass]string{
			abbrPrefix:  `M MM Mme Mmes Mlle Dr Pr Me Mgr St Ste cf`,
			abbrNumber:  `n no p art vol chap`,
			abbrGeneral: `etc env av bd éd hab janv févr avr juil sept oct nov déc`,
		}),
		starters: set(`Le La Les L Un Une Des Ce Cette Ces Il Elle Ils Elles On Nous Je Vous Mais Et Ou
			Donc Car Si Quand Lorsque Après Avant Depuis Dans En Au Aux Pour Par Selon Pourtant Cependant
			Alors Puis Ainsi Aussi`),
		speech: set(`a déclaré dit affirmé ajouté expliqué estimé souligné indiqué précisé assuré lancé`),
		months: set(`janvier février mars avril mai juin juillet août septembre octobre novembre décembre`),
		// French guillemets open with « and close with »; “ ” appear inside.
		quotes:   genericQuotes,
		elisions: set(`l d j m n s t c qu jusqu lorsqu puisqu quoiqu presqu quelqu`),
	}
	// ruleGeneric knows no words: every period before a capital is a full
	// stop unless it belongs to an initial or an acronym.
	ruleGeneric = &rules{
		lang:   "",
		quotes: genericQuotes,
	}
)

// rulesFor picks a rule set from an ISO 639-1 code, tolerating region
// subtags and the ISO 639-2/3 codes some detectors return.
func rulesFor(lang string) *rules {
	l := strings.ToLower(strings.TrimSpace(lang))
	if i := strings.IndexAny(l, "-_"); i >= 0 {
		l = l[:i]
	}
	switch l {
	case "", "en", "eng":
		return ruleEN
	case "de", "deu", "ger":
		return ruleDE
	case "fr", "fra", "fre":
		return ruleFR
	}
	return ruleGeneric
}

// abbrev returns the class of word before an attached period. Entries
// listed capitalised match only capitalised words: "dr." in running text is
// no title and "jan." no month.
func (r *rules) abbrev(word string) abbrClass {
	if len(r.abbrevs) == 0 || len(word) > 15 {
		return abbrNone
	}
	var a abbr
	var buf [16]byte
	n, ascii := 0, true
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	if ascii {
		a = r.abbrevs[string(buf[:n])]
	} else {
		a = r.abbrevs[strings.ToLower(word)]
	}
	if a.class == abbrNone {
		return abbrNone
	}
	if a.capOnly {
		if f, _ := utf8.DecodeRuneInString(word); !unicode.IsUpper(f) {
			return abbrNone
		}
	}
	return a.class
}
