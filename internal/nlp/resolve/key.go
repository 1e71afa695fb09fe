package resolve

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/sitrep/sitrep/internal/nlp/translit"
)

// NameKey is the normalised identity key of a name: case, diacritics,
// Cyrillic, quote marks and punctuation are folded, function words and
// leading titles dropped, an organisation head word written first
// ("Legion Freedom for Russia") moved to the end, and every word reduced
// to a transliteration skeleton, so that "Aleksey Baranovsky" and "Alexei
// Baranovsky", or "Legion “Freedom for Russia”" and "Freedom of Russia
// Legion", share one key. It is lossy on purpose: Match and InDoc decide
// what a shared key means.
func NameKey(name string) string {
	if k, ok := keyCache.Load(name); ok {
		return k.(string)
	}
	k := strings.Join(keyTokens(name), " ")
	// Cross-article matching keys the same few thousand names over and
	// over (an entity's aliases, its context); the cache is dropped when
	// it grows past a bound rather than managed, which is enough for that.
	if keyCacheSize.Add(1) > maxKeyCache {
		keyCache.Clear()
		keyCacheSize.Store(0)
	}
	keyCache.Store(name, k)
	return k
}

const maxKeyCache = 1 << 16

var (
	keyCache     sync.Map
	keyCacheSize atomic.Int64
)

// keyTokens returns the skeletons of a name's content words, in key order.
func keyTokens(name string) []string {
	words := foldWords(name)
	words = dropTitles(words)
	var out []string
	for _, w := range words {
		if functionWords[w] {
			continue
		}
		out = append(out, w)
	}
	// A head word in front ("Legion Freedom Russia", "Ministry Defence")
	// is the same name as the head-final English order.
	if len(out) > 1 && orgHeads[out[0]] && !orgHeads[out[len(out)-1]] {
		out = append(out[1:], out[0])
	}
	for i, w := range out {
		out[i] = skeleton(w)
	}
	return out
}

// foldWords lower-cases a name, folds it to ASCII and splits it into words.
// Apostrophes vanish inside words ("People's" → "peoples") because a
// possessive is spelt with or without them; every other mark separates.
func foldWords(s string) []string {
	var b strings.Builder
	for _, r := range s {
		r = unicode.ToLower(r)
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '\'' || r == '’' || r == 'ʼ' || r == 'ʹ' || r == '`':
		case r < 0x80:
			b.WriteByte(' ')
		default:
			if m, ok := translit.Fold(r); ok {
				b.WriteString(m)
			} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
				b.WriteRune(r)
			} else {
				b.WriteByte(' ')
			}
		}
	}
	return strings.Fields(b.String())
}

// dropTitles removes honorifics and offices in front of a personal name;
// at least one word always stays, so "General" alone is still a name.
func dropTitles(words []string) []string {
	for _, w := range words {
		// "Defence Ministry", "General Staff Directorate": the words that
		// open a personal title also open organisation names.
		if orgHeads[w] {
			return words
		}
	}
	for len(words) > 1 {
		switch {
		case titleWords[words[0]]:
			words = words[1:]
		case len(words) > 2 && titleModifiers[words[0]] && titleWords[words[1]]:
			words = words[2:]
		default:
			return words
		}
	}
	return words
}

// functionWords are the English words that names of one organisation
// vary in ("Freedom of/for Russia Legion"). Articles of other languages are
// kept: in "Le Pen" or "LA County" they are part of the name.
var functionWords = set("of", "for", "the", "a", "an", "and", "in", "on", "at", "to")

// titleWords are folded honorifics and offices written before a name.
var titleWords = set("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
	"president", "vice", "prime", "minister", "premier", "chancellor", "governor", "gov", "mayor",
	"senator", "sen", "rep", "representative", "congressman", "congresswoman", "secretary",
	"gen", "general", "col", "colonel", "lt", "lieutenant", "maj", "major", "capt", "captain",
	"sgt", "sergeant", "cpl", "corporal", "pte", "private", "adm", "admiral", "commander", "cmdr",
	"marshal", "brig", "brigadier", "chief", "deputy", "ambassador", "spokesman",
	"spokeswoman", "spokesperson", "judge", "justice", "king", "queen", "prince", "princess",
	"pope", "patriarch", "rev", "reverend", "herr", "frau", "monsieur", "madame", "mme")

// titleModifiers open a two-word title ("Foreign Minister", "Vice
// President") and are dropped only together with it.
var titleModifiers = set("foreign", "defence", "defense", "interior", "finance", "prime", "vice",
	"field", "lieutenant", "major", "deputy", "chief", "acting", "former", "russian", "ukrainian",
	"us", "u", "s")

// orgHeads are the nouns that make a capitalised phrase an organisation
// name and that a definite description ("the Legion") may repeat.
var orgHeads = set("legion", "battalion", "brigade", "corps", "regiment", "division", "guard",
	"service", "ministry", "agency", "council", "army", "militia", "front", "committee",
	"directorate", "command", "force", "forces", "fleet", "detachment", "squadron", "group",
	"movement", "party", "bureau", "office", "department", "court", "parliament", "assembly",
	"union", "alliance", "company", "institute", "centre", "center", "commission", "unit")

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// spellings maps each way of writing one sound in the romanisations of
// Russian and Ukrainian names to one symbol; upper-case symbols cannot be
// confused with input letters. Longer spellings come first so that "shch"
// is not read as "sh" + "ch".
//
// English "ch" and "kh" are different sounds and stay apart here (unlike a
// place-name key, which must meet German and Polish spellings too): names
// of people are mostly romanised into English, and merging them would join
// "Chernov" with "Khernov".
var nameRules = translit.NewRules([]translit.Digraph{
	{"shch", "W"}, {"sch", "S"}, {"tch", "C"}, {"kh", "H"}, {"ch", "C"}, {"sh", "S"},
	{"ts", "Z"}, {"tz", "Z"}, {"zh", "J"}, {"ck", "k"}, {"q", "k"}, {"x", "ks"},
	{"ph", "f"}, {"w", "v"}, {"y", "i"}, {"j", "i"},
}, true)

// skeleton reduces one folded word (see translit.Rules.Skeleton). A glide
// at the very start is a consonant ("Yulia", "Yevgeny") in every spelling
// but one that writes "E" ("Evgeny"), so it goes too.
func skeleton(w string) string { return nameRules.Skeleton(w) }
