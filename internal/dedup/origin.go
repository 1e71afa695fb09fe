package dedup

import (
	"net/url"
	"strings"
	"unicode"
)

// OutletKey normalises an outlet or agency name so that the spellings found
// in bylines, credit lines and URLs meet: "UkrinForm", "Ukrinform",
// "ukrinform.net", "https://www.ukrinform.net/rubric-ato/1.html" and
// "Ukrinform News Agency" all give "ukrinform".
//
// A host (or URL) is reduced to its registrable label, so subdomains such as
// www., m. or news. and the public suffix (.com, .co.uk) go. A name keeps
// its Unicode letters and digits, lower-cased. Trailing "news agency",
// "agency", "news" and "online" are dropped from the result, and a trailing
// word "com", so "Fox News" meets foxnews.com; a leading "the" is kept
// because hosts keep it too (theguardian.com) and it tells "The Daily Star"
// of Dhaka from the British "Daily Star". A few agencies credited under a
// long and a short name are mapped to the short one.
func OutletKey(name string) string {
	s := strings.TrimSpace(name)
	if s == "" {
		return ""
	}
	if host, ok := asHost(s); ok {
		s = registrableLabel(host)
	}
	words := strings.FieldsFunc(s, func(r rune) bool { return !isKeyRune(r) })
	if len(words) > 1 && strings.EqualFold(words[len(words)-1], "com") {
		words = words[:len(words)-1]
	}
	var b strings.Builder
	for _, w := range words {
		for _, r := range w {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	k := b.String()
	for changed := true; changed; {
		changed = false
		for _, suf := range keySuffixes {
			if len(k) > len(suf) && strings.HasSuffix(k, suf) {
				k = k[:len(k)-len(suf)]
				changed = true
			}
		}
	}
	if a, ok := keyAliases[k]; ok {
		k = a
	}
	return k
}

// isKeyRune keeps combining marks with letters, as Devanagari or Arabic
// names need them to stay distinct.
func isKeyRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// keySuffixes are generic words that outlets add to or drop from their
// names at will. The longer form comes first so "newsagency" goes whole.
var keySuffixes = []string{"newsagency", "agency", "online", "news"}

// keyAliases joins the long and short names that wire agencies are credited
// under; deliberately short, as a wrong alias would merge two sources.
var keyAliases = map[string]string{
	"agencefrancepresse":    "afp",
	"associatedpress":       "ap",
	"thomsonreuters":        "reuters",
	"deutschepresseagentur": "dpa",
	"rianovosti":            "ria",
	"russiatoday":           "rt",
}

// asHost reports whether s is a URL or a bare host name, and returns the
// lower-cased host.
func asHost(s string) (string, bool) {
	if strings.Contains(s, "://") {
		if u, err := url.Parse(s); err == nil && u.Hostname() != "" {
			return strings.ToLower(u.Hostname()), true
		}
		return "", false
	}
	if strings.ContainsFunc(s, unicode.IsSpace) {
		return "", false
	}
	host, _, _ := strings.Cut(s, "/")
	host, _, _ = strings.Cut(host, ":")
	dot := strings.LastIndexByte(host, '.')
	if dot <= 0 {
		return "", false
	}
	tld := host[dot+1:]
	if len(tld) < 2 || len(tld) > 24 {
		return "", false
	}
	for _, r := range tld {
		if !unicode.IsLetter(r) {
			return "", false
		}
	}
	return strings.ToLower(host), true
}

// secondLevel lists the labels that ccTLDs put under themselves
// (bbc.co.uk, abc.net.au), which are part of the public suffix and not the
// outlet's name.
var secondLevel = map[string]bool{
	"co": true, "com": true, "net": true, "org": true, "gov": true,
	"ac": true, "edu": true, "ne": true, "or": true, "go": true,
}

// registrableLabel returns the label just left of the public suffix:
// "news.bbc.co.uk" gives "bbc", "www.ukrinform.net" gives "ukrinform".
func registrableLabel(host string) string {
	labels := strings.FieldsFunc(host, func(r rune) bool { return r == '.' })
	if len(labels) <= 1 {
		return host
	}
	tld := labels[len(labels)-1]
	rest := labels[:len(labels)-1]
	if len(rest) >= 2 && len(tld) == 2 && secondLevel[rest[len(rest)-1]] {
		rest = rest[:len(rest)-1]
	}
	return rest[len(rest)-1]
}

// hostOf returns the lower-cased host of a URL without a leading "www.",
// or "" when u has none.
func hostOf(u string) string {
	u = strings.TrimSpace(u)
	if u == "" {
		return ""
	}
	if !strings.Contains(u, "://") {
		u = "//" + u
	}
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(p.Hostname()), "www.")
}

// Owners named by MediaGroup.
const (
	groupRussianState = "Russian state media"
	groupDMG          = "DMG Media"
	groupReach        = "Reach"
	groupNewsCorp     = "News Corp"
	groupSpringer     = "Axel Springer"
	groupBBC          = "BBC"
)

// mediaGroups maps outlet keys to owners whose titles share copy, so that a
// story carried by several of them counts once. The table is deliberately
// short: it holds only well-known ownership facts, keyed by unambiguous
// names, because a wrong entry would silently merge independent sources.
// RIA Novosti and Sputnik belong to Rossiya Segodnya; RT is run by
// TV-Novosti; both are state-funded and have shared an editor-in-chief, so
// they are one group for counting.
var mediaGroups = map[string]string{
	"ria": groupRussianState, "sputnik": groupRussianState, "sputnikglobe": groupRussianState,
	"rt": groupRussianState, "rossiyasegodnya": groupRussianState,

	"dailymail": groupDMG, "mailonsunday": groupDMG, "metro": groupDMG, "i": groupDMG,

	"mirror": groupReach, "dailymirror": groupReach, "express": groupReach,
	"dailyexpress": groupReach, "dailystar": groupReach,

	"thetimes": groupNewsCorp, "thesundaytimes": groupNewsCorp, "thesun": groupNewsCorp,
	"wsj": groupNewsCorp, "wallstreetjournal": groupNewsCorp, "thewallstreetjournal": groupNewsCorp,
	"nypost": groupNewsCorp, "newyorkpost": groupNewsCorp,

	"bild": groupSpringer, "welt": groupSpringer, "diewelt": groupSpringer,
	"politico": groupSpringer, "businessinsider": groupSpringer,
}

// MediaGroup returns the owner of the outlet with the given OutletKey when
// it belongs to a known media group.
func MediaGroup(key string) (string, bool) {
	if g, ok := mediaGroups[key]; ok {
		return g, true
	}
	// BBC services are named "BBC <language or region>" without end.
	if strings.HasPrefix(key, "bbc") {
		return groupBBC, true
	}
	return "", false
}

// OriginKey returns the key under which an article counts as a source: its
// group's origin when it is in a copy group, else its credited source, else
// its outlet, else its URL host, reduced by OutletKey and then to a media
// group's name when it has one. An article known by nothing but its id
// gets "id:"+id, which cannot equal any outlet key.
func OriginKey(groupOrigin, credited, outlet, url, id string) string {
	for _, s := range [...]string{groupOrigin, credited, outlet, hostOf(url)} {
		k := OutletKey(s)
		if k == "" {
			continue
		}
		if g, ok := MediaGroup(k); ok {
			return OutletKey(g)
		}
		return k
	}
	if id == "" {
		return ""
	}
	return "id:" + id
}

// Independent counts the distinct non-empty origin keys.
func Independent(keys []string) int {
	seen := make(map[string]struct{}, len(keys))
	for _, k := range keys {
		if k != "" {
			seen[k] = struct{}{}
		}
	}
	return len(seen)
}
