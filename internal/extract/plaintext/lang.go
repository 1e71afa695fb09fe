package plaintext

// Word lists are kept per language (ISO 639-1) so another language can be
// added without touching the scorer. They hold general vocabulary only:
// function words, and the handful of words every site uses for its own
// chrome. The scorer never relies on them alone; each is one feature among
// several shapes.

// stopWords are function words. Running prose is dense in them; menus,
// headlines and labels are not, which is the strongest language-level
// signal that a line is a sentence someone wrote.
var stopWords = map[string][]string{
	"en": {
		"a", "about", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
		"be", "because", "been", "before", "being", "between", "both", "but", "by", "can", "could", "did", "do",
		"does", "doing", "down", "during", "each", "even", "few", "for", "from", "further", "had", "has", "have",
		"having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its",
		"just", "many", "may", "me", "might", "more", "most", "much", "must", "my", "no", "nor", "not", "now",
		"of", "off", "on", "once", "only", "or", "other", "our", "out", "over", "own", "same", "she", "should",
		"since", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they",
		"this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what",
		"when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "said",
		"says", "s", "t", "there's", "what's", "who's", "yet", "still", "already", "however", "although",
	},
	"de": {
		"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "und", "oder", "aber",
		"ist", "sind", "war", "waren", "wird", "werden", "hat", "haben", "hatte", "nicht", "auch", "mit", "von",
		"zu", "im", "in", "auf", "für", "an", "als", "bei", "nach", "aus", "sich", "es", "er", "sie", "wir",
		"ich", "dass", "wie", "so", "noch", "nur", "schon", "um", "über", "vor", "durch", "wenn", "kann",
	},
	"fr": {
		"le", "la", "les", "un", "une", "des", "du", "de", "et", "ou", "mais", "est", "sont", "était", "a", "ont",
		"ne", "pas", "plus", "avec", "pour", "par", "sur", "dans", "en", "au", "aux", "ce", "cette", "ces", "qui",
		"que", "il", "elle", "ils", "elles", "nous", "vous", "se", "sa", "son", "ses", "leur", "été", "comme",
	},
	"es": {
		"el", "la", "los", "las", "un", "una", "unos", "unas", "y", "o", "pero", "es", "son", "fue", "era", "ha",
		"han", "no", "más", "con", "para", "por", "sobre", "en", "de", "del", "al", "que", "se", "su", "sus",
		"lo", "le", "les", "como", "este", "esta", "estos", "ese", "esa", "muy", "también", "ya",
	},
}

// chromeWords are words sites use for their own interface: accounts,
// sharing, subscriptions, cookies, legal pages and advertising. A short line
// made mostly of them is almost never article text.
var chromeWords = map[string][]string{
	"en": {
		"advertisement", "advertising", "sponsored", "cookie", "cookies", "privacy", "policy", "terms",
		"conditions", "subscribe", "subscription", "subscribers", "newsletter", "newsletters", "login", "log",
		"sign", "signup", "register", "account", "share", "shares", "tweet", "email", "print", "comment",
		"comments", "reply", "menu", "search", "navigation", "skip", "home", "homepage", "sitemap", "rss",
		"contact", "facebook", "twitter", "instagram", "linkedin", "whatsapp", "youtube", "pinterest",
		"reddit", "telegram", "copyright", "reserved", "rights", "loading", "click", "download", "app",
		"premium", "trending", "popular", "related", "recommended", "latest", "more", "next", "previous",
		"prev", "back", "top", "follow", "notifications", "settings", "accept", "consent", "javascript",
		"browser", "enable", "continue", "reading", "read", "watch", "listen", "video", "videos", "photo",
		"photos", "gallery", "podcast", "podcasts", "ad", "ads", "feedback", "careers", "about", "faq",
		"help", "support", "store", "shop", "shopping", "deals", "offers", "free", "trial", "unlimited",
		"access", "digital", "edition", "editions", "archive", "archives", "tags", "topics", "categories",
		"category", "section", "sections", "close", "open", "toggle", "expand", "view", "all", "page", "pages",
		"send", "click", "submit", "required", "fields", "forum", "forums", "feeds", "feed", "bookmark",
		"tips", "friend", "reprints", "permalink", "trackback", "login", "logout", "password", "username",
		"news", "inbox", "briefing", "alerts",
	},
}

// linkCueWords start lines that point away from the article ("See also:
// ...", "Read more: ..."), which scrapers leave inline between paragraphs.
var linkCueWords = map[string][]string{
	"en": {"read", "see", "watch", "listen", "related", "also", "more", "recommended", "related", "trending", "further", "explore", "discover", "check"},
}

// legalWords mark notices about reuse of the site's material, which often
// run as long as a paragraph and sit right after the article.
var legalWords = map[string][]string{
	"en": {
		"copyright", "rights", "reserved", "reproduced", "reproduction", "redistributed", "redistribution",
		"republished", "rewritten", "broadcast", "permission", "prohibited", "materials", "material",
		"citing", "quoting", "hyperlink", "link", "links", "website", "site", "mandatory", "consent",
		"trademark", "trademarks", "licence", "license", "licensed", "written", "prior", "express",
		"cookies", "cookie", "privacy", "policy", "terms", "use", "agree", "agreement",
	},
}

// jobWords name newsroom roles; in a short line they make it a credit
// ("Jane Doe, Staff Writer") rather than a headline.
var jobWords = map[string][]string{
	"en": {
		"writer", "writers", "correspondent", "correspondents", "reporter", "reporters", "editor", "editors",
		"columnist", "contributor", "contributors", "staff", "photographer", "producer", "journalist",
		"bureau", "contributing", "freelance", "director", "manager", "expert", "coordinator", "specialist",
		"officer", "strategist", "consultant", "intern",
	},
}

// stopLangs fixes the order languages are tried in, so that ties are
// broken the same way on every run.
var stopLangs = []string{"en", "de", "fr", "es"}

// Bits of a word's entry in wordFlags. Bit i below flagChrome says the word
// is a stop word of stopLangs[i]. One map lookup per word then serves every
// list and every language.
const (
	flagChrome uint16 = 1 << (8 + iota)
	flagLegal
	flagLinkCue
	flagJob
)

var wordFlags = func() map[string]uint16 {
	m := map[string]uint16{}
	for i, lang := range stopLangs {
		for _, w := range stopWords[lang] {
			m[w] |= 1 << i
		}
	}
	for flag, lists := range map[uint16]map[string][]string{
		flagChrome: chromeWords, flagLegal: legalWords, flagLinkCue: linkCueWords, flagJob: jobWords,
	} {
		for _, words := range lists {
			for _, w := range words {
				m[w] |= flag
			}
		}
	}
	return m
}()
