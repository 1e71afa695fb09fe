package gen

// outlet is a news site with its own consistent boilerplate, so repetition
// across its pages can be learnt.
type outlet struct {
	Name, Slug, Domain string
	Agency             bool // a news agency whose stories others reprint
	Menu               []string
	Since              int    // first year of the copyright line
	Translit           int    // how the outlet spells local names
	Byline             string // "By %s", "From: %s" or "%s"; "" for none
	DateFmt            string // layout of the date line
	ReadAlso           string // prefix of mid-article links, "" for none
	Related            string // heading of the related-stories list
	Pitch              string // subscription or membership pitch
	Legal              string // notice after the copyright line
	Cookie             string // cookie banner, "" for none
	Repeat             bool   // the scraper catches the headline twice
	Credit             credit // how the outlet credits a reprinted story
	Wire               string // the aggregator tag in " date ... (TAG- Agency)"
	// Depth scales the chance of using each optional section: agencies
	// file short, blogs and weeklies write at length.
	Depth float64
}

// credit is a way of naming the agency a reprinted story came from.
type credit int

const (
	creditCity     credit = iota // "LESK (Agency) — "
	creditCityDate               // "LESK, April 2 (Agency) - "
	creditWire                   // " date 2025-04-02 (TAG- Agency) "
	creditParen                  // "(Agency) - "
	creditSource                 // a last line "Source: Agency"
)

var outlets = []outlet{
	{Name: "Northline Press", Slug: "northline", Domain: "northline.qs", Agency: true,
		Menu: []string{"News", "Politics", "Economy", "Society", "Regions", "Photo"}, Since: 2008, Translit: 1,
		DateFmt: "02.01.2006 15:04", ReadAlso: "Read also: ", Repeat: true, Credit: creditCity,
		Legal: "Republication of Northline Press materials requires an active link to northline.qs within the first paragraph.", Depth: 0.85},
	{Name: "Continental Wire Service", Slug: "cws", Domain: "cws.qs", Agency: true,
		Menu: []string{"World", "Markets", "Politics", "Europe", "Features"}, Since: 1998,
		Byline: "Reporting by %s", DateFmt: "January 2, 2006 3:04 PM", Credit: creditCityDate,
		Legal: "All quotes delayed a minimum of 15 minutes. Content may not be redistributed without prior written consent.", Depth: 0.85},
	{Name: "Orbis Newswire", Slug: "orbis", Domain: "orbisnewswire.qs",
		Since: 2011, Credit: creditWire, Wire: "ORBIS",
		Legal: "Legal Disclaimer:\nOrbis Newswire republishes partner content \"as is\" without warranty of any kind. The original provider is responsible for its accuracy and copyright.", Depth: 0.95},
	{Name: "The Evening Ledger", Slug: "evening-ledger", Domain: "eveningledger.qs",
		Menu: []string{"Home", "World", "Politics", "Business", "Opinion", "Sport", "Culture"}, Since: 2015,
		Byline: "By %s", DateFmt: "Monday 2 January 2006 15:04", ReadAlso: "Read more: ", Related: "Related stories",
		Pitch: "Support independent journalism. Subscribe to The Evening Ledger from 3.50 a month.", Credit: creditCity, Depth: 1.1},
	{Name: "Frontier Daily", Slug: "frontier-daily", Domain: "frontierdaily.qs",
		Menu: []string{"News", "War", "Economy", "Culture", "Opinion", "Podcasts"}, Since: 2012,
		Byline: "%s", DateFmt: "2 January 2006, 15:04", ReadAlso: "Read also: ", Related: "Most read",
		Pitch:  "Did you find this article useful? Frontier Daily is funded by its readers. Become a member",
		Cookie: "We use cookies to make this site work and to understand how you use it. Accept all | Manage preferences", Credit: creditCityDate, Depth: 1.15},
	{Name: "Riverside Tribune", Slug: "riverside-tribune", Domain: "riversidetribune.qs",
		Menu: []string{"Home", "Local", "National", "World", "Business", "Weather", "Obituaries"}, Since: 1987,
		Byline: "By %s", DateFmt: "Jan. 2, 2006", Related: "More from World", Credit: creditParen,
		Pitch: "Get unlimited access to the Riverside Tribune for 99 cents for the first month.", Depth: 0.9},
	{Name: "The Capital Courier", Slug: "capital-courier", Domain: "capitalcourier.qs",
		Menu: []string{"Home", "Politics", "Defence", "World", "Tech", "Lifestyle"}, Since: 2019,
		Byline: "By %s", DateFmt: "January 2, 2006", Related: "Related stories", Repeat: true, Credit: creditParen,
		Legal: "Your email address will not be published. Required fields are marked *", Depth: 1.0},
	{Name: "Eastern Review", Slug: "eastern-review", Domain: "easternreview.qs",
		Menu: []string{"Main", "Politics", "Conflict", "Society", "Economy"}, Since: 2017, Translit: 3,
		Byline: "Translated by %s", DateFmt: "02.01.2006 15:04", Credit: creditSource,
		Legal: "Eastern Review translates regional media for international readers. Translation is automatic with editing.", Depth: 1.0},
	{Name: "Weststadt Observer", Slug: "weststadt-observer", Domain: "weststadt-observer.qs",
		Menu: []string{"Start", "Politics", "International", "Business", "Culture", "Sport"}, Since: 2003, Translit: 2,
		Byline: "By %s", DateFmt: "02/01/2006", Related: "More on this topic", Credit: creditCity,
		Cookie: "This site uses cookies. By continuing to browse you agree to our use of cookies. OK", Depth: 1.05},
	{Name: "Borderwatch", Slug: "borderwatch", Domain: "borderwatch.qs",
		Menu: []string{"About", "Archive", "Support this blog"}, Since: 2020,
		Byline: "From: %s", Credit: creditSource,
		Pitch: "Borderwatch is written by one person and paid for by its readers.", Depth: 1.25},
	{Name: "State Herald", Slug: "state-herald", Domain: "stateherald.qs",
		Menu: []string{"Main", "Federation", "World", "Defence", "Economy", "Video"}, Since: 2005,
		DateFmt: "02.01.2006, 15:04", Related: "Also in Defence", Credit: creditCityDate,
		Legal: "18+ Any use of materials requires a hyperlink to stateherald.qs", Depth: 0.9},
	{Name: "Citizen Voice", Slug: "citizen-voice", Domain: "citizenvoice.qs",
		Menu: []string{"Home", "News", "Investigations", "Opinion", "Donate"}, Since: 2016,
		Byline: "By %s", DateFmt: "2006-01-02", ReadAlso: "Read also: ", Related: "You may also like", Credit: creditParen,
		Pitch: "Citizen Voice is independent. Donate to keep it that way.", Depth: 1.1},
}

// teasers are unrelated headlines for related-story lists; "%s" is a
// country or town of the world.
var teasers = [][2]string{
	{"Grain exports from %s rise despite border closures", "Traders say shipments through the southern ports reached"},
	{"%s parliament extends martial law for another 90 days", "The vote passed with a large majority after a short debate in which"},
	{"Drought threatens harvest in %s", "Farmers say rainfall since March has been less than half of"},
	{"Power cuts hit three districts of %s after storm", "Repair crews were working through the night to restore supply to"},
	{"New ferry line to link lake ports near %s", "The operator says tickets will go on sale at the end of the"},
	{"Central bank of %s cuts rates for the second time", "The currency lost more than three per cent against the euro on"},
	{"Football: %s side reaches cup final", "A late goal in extra time sent the visitors through to"},
	{"Hospital in %s opens new trauma unit", "The unit has forty beds and will take patients from"},
	{"Fuel prices in %s climb for fourth week", "Drivers queued at filling stations after the regional operator"},
	{"Teachers in %s demand higher pay", "The union says salaries have not kept pace with prices since"},
	{"Film festival in %s announces its programme", "Organisers say more than sixty films will be shown over"},
	{"Road repairs in %s to take two years", "The plan sets aside money for more than forty kilometres of"},
	{"%s zoo welcomes two snow leopard cubs", "Keepers say the cubs were born in late spring and will be shown to"},
	{"Bus drivers in %s strike over unpaid wages", "The city administration says talks with the union will resume on"},
	{"Flood warning issued for rivers near %s", "Water levels rose by almost a metre overnight after heavy rain in"},
	{"%s opens new terminal at regional airport", "The terminal can handle two million passengers a year and will"},
	{"Court in %s jails former mayor for bribery", "Prosecutors said the former official had taken payments from"},
	{"Wheat harvest in %s beats forecasts", "Yields in the southern districts were the highest since"},
	{"%s theatre reopens after five-year renovation", "The first performance sold out within hours, the director said, and"},
	{"Heatwave: %s records hottest day of the year", "Temperatures reached 38 degrees in the afternoon, forcing"},
	{"Pensions in %s to rise from next month", "The increase will be paid automatically and amounts to"},
	{"Chess: teenager from %s wins national title", "The 16-year-old beat three former champions on her way to"},
	{"Vaccination campaign starts in %s schools", "Health officials hope to reach at least four out of five pupils before"},
	{"Mobile operators in %s raise tariffs", "Customers will pay up to a fifth more for data from"},
}
