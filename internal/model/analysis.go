package model

// Analysis is what the language stages found in one article's clean text:
// sentences, names, places and dates, each located by a Span of code points
// into that text, so every value can be shown at the words it came from.
type Analysis struct {
	// Version names the analyser that produced it (model and rule set); a
	// store holding analyses of another version analyses again.
	Version   string          `json:"version"`
	Sentences []Span          `json:"sentences"`
	Entities  []EntityMention `json:"entities"`
	Places    []PlaceMention  `json:"places"`
	Dates     []DateMention   `json:"dates"`
}

// EntityMention is a person, organisation or place name in a text, with the
// entity it was resolved to.
type EntityMention struct {
	Span
	Text string `json:"text"`
	// Type is PER, ORG or LOC.
	Type string `json:"type"`
	// Canonical is the entity's name: within the article, its fullest form;
	// once the store has resolved it across articles, the shared entity's.
	Canonical string `json:"canonical"`
	// Entity is the ID of the shared entity in the store, "" before
	// cross-article resolution (sitrep analyze never sets it).
	Entity string `json:"entity,omitempty"`
	// Source says what found the mention: "ner" (the tagger), or a rule:
	// "acronym", "description", "quoted-name", "pattern".
	Source string `json:"source"`
	// Reason says why it belongs to its entity within the article.
	Reason string `json:"reason,omitempty"`
}

// PlaceMention is a place name in a text resolved to a gazetteer place.
type PlaceMention struct {
	Span
	Text string `json:"text"`
	// Name is the gazetteer's name of the place.
	Name    string  `json:"name"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
	Country string  `json:"country"` // ISO 3166-1 alpha-2
	Admin1  string  `json:"admin1"`  // first-level region name, "" when unknown
	// Kind is "place", "admin1" (a region) or "country".
	Kind      string  `json:"kind"`
	GeonameID int     `json:"geonameid,omitempty"`
	Score     float64 `json:"score"`
	Reason    string  `json:"reason,omitempty"`
	// Metonymy marks a capital or country standing for its government
	// ("Moscow said"): an actor, geocoded all the same.
	Metonymy bool `json:"metonymy,omitempty"`
	// Inferred marks a place the words do not name themselves but that was
	// read from a longer name ("US Federal Reserve" → United States): good
	// for the map, not evidence that two names are one place.
	Inferred bool `json:"inferred,omitempty"`
}

// DateMention is a temporal expression normalised against the publication
// date.
type DateMention struct {
	Span
	Text string `json:"text"`
	// Type is DATE, TIME, DURATION or SET (TimeML).
	Type string `json:"type"`
	// Value is the TIMEX3 value (2024-03-12, 2024-W11, P3D, PAST_REF...);
	// "" when it is relative and the publication date is unknown.
	Value string `json:"value"`
	// Precision is day, week, month, quarter, season, year, decade,
	// century, part or time; "" for durations and sets.
	Precision string `json:"precision"`
	// Role is "event" (when something happened) or "report" (when it was
	// said or published).
	Role string `json:"role,omitempty"`
	// Anchor is "dct" when resolved against the publication date, "text"
	// against an earlier date in the text, "" for absolute expressions.
	Anchor string `json:"anchor,omitempty"`
}

// Entity is a person, organisation or place resolved across articles.
type Entity struct {
	ID        string `json:"id"`
	Canonical string `json:"canonical"`
	Type      string `json:"type"`
	// Aliases are the other names it goes by, each with why it was merged.
	Aliases []EntityAlias `json:"aliases"`
	// Articles counts the articles that mention it.
	Articles int `json:"articles"`
	// Mentions counts its mentions over all articles.
	Mentions int `json:"mentions"`
}

// EntityAlias is one name of an entity and the reason it is one.
type EntityAlias struct {
	Name string `json:"name"`
	// Reason says why the name belongs to the entity: a rule within an
	// article ("abbreviation defined in parentheses"), a cross-article
	// match ("transliteration variant, score 0.97"), or "set by user".
	Reason string `json:"reason"`
	// Article is where the merge was first made, "" for user edits.
	Article string `json:"article,omitempty"`
}
