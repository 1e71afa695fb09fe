package dedup

import "testing"

func TestOutletKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"   ", ""},
		{"UkrinForm", "ukrinform"},
		{"Ukrinform", "ukrinform"},
		{"ukrinform.net", "ukrinform"},
		{"www.ukrinform.net", "ukrinform"},
		{"https://www.ukrinform.net/rubric-ato/3800000-title.html", "ukrinform"},
		{"ukrinform.net/rubric-ato", "ukrinform"},
		{"Ukrinform News Agency", "ukrinform"},
		{"Ukrinform com", "ukrinform"},
		{"Interfax-Ukraine", "interfaxukraine"},
		{"news.bbc.co.uk", "bbc"},
		{"BBC News", "bbc"},
		{"https://www.bbc.com/russian", "bbc"},
		{"Fox News", "fox"},
		{"foxnews.com", "fox"},
		{"MailOnline", "mail"},
		{"The Guardian", "theguardian"},
		{"theguardian.com", "theguardian"},
		{"The Daily Star", "thedailystar"},
		{"Daily Star", "dailystar"},
		{"abc.net.au", "abc"},
		{"Agence France-Presse", "afp"},
		{"AFP", "afp"},
		{"Associated Press", "ap"},
		{"apnews.com", "ap"},
		{"RIA Novosti", "ria"},
		{"ria.ru", "ria"},
		{"Reuters.com", "reuters"},
		{"Thomson Reuters", "reuters"},
		{"Xinhua News Agency", "xinhua"},
		{"Telecom", "telecom"},
		{"News", "news"},
		{"Agency", "agency"},
		{"РИА Новости", "риановости"},
		{"U.S. News", "us"},
		{"localhost:8080", "localhost8080"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := OutletKey(tt.in); got != tt.want {
				t.Errorf("OutletKey(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestMediaGroup(t *testing.T) {
	tests := []struct {
		outlet string
		want   string // "" when independent
	}{
		{"RT", groupRussianState},
		{"https://www.rt.com/news/1", groupRussianState},
		{"Sputnik", groupRussianState},
		{"sputnikglobe.com", groupRussianState},
		{"RIA Novosti", groupRussianState},
		{"Daily Mail", groupDMG},
		{"metro.co.uk", groupDMG},
		{"i", groupDMG},
		{"inews.co.uk", groupDMG},
		{"Mirror", groupReach},
		{"Daily Express", groupReach},
		{"Daily Star", groupReach},
		{"The Daily Star", ""},
		{"The Times", groupNewsCorp},
		{"The Sun", groupNewsCorp},
		{"wsj.com", groupNewsCorp},
		{"New York Post", groupNewsCorp},
		{"Bild", groupSpringer},
		{"Die Welt", groupSpringer},
		{"Politico", groupSpringer},
		{"BBC News", groupBBC},
		{"BBC Russian", groupBBC},
		{"BBC World Service", groupBBC},
		{"Reuters", ""},
		{"Ukrinform", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.outlet, func(t *testing.T) {
			g, ok := MediaGroup(OutletKey(tt.outlet))
			if g != tt.want || ok != (tt.want != "") {
				t.Errorf("MediaGroup(OutletKey(%q)) = %q, %v, want %q", tt.outlet, g, ok, tt.want)
			}
		})
	}
}

func TestOriginKey(t *testing.T) {
	tests := []struct {
		name                                   string
		groupOrigin, credited, outlet, url, id string
		want                                   string
	}{
		{"group origin wins", "Reuters", "AFP", "Kyiv Post", "https://kyivpost.com/a", "a1", "reuters"},
		{"credited next", "", "Ukrinform News Agency", "Kyiv Post", "", "a1", "ukrinform"},
		{"outlet next", "", "", "Kyiv Post", "https://kyivpost.com/a", "a1", "kyivpost"},
		{"url host next", "", "", "", "https://www.pravda.com.ua/news/1/", "a1", "pravda"},
		{"id last", "", "", "", "", "a1", "id:a1"},
		{"nothing", "", "", "", "", "", ""},
		{"punctuation-only credit skipped", "", "—", "Kyiv Post", "", "a1", "kyivpost"},
		{"media group", "", "", "RT", "", "a1", "russianstatemedia"},
		{"media group from url", "", "", "", "https://sputnikglobe.com/x", "a1", "russianstatemedia"},
		{"group name itself", "", "DMG Media", "", "", "a1", "dmgmedia"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := OriginKey(tt.groupOrigin, tt.credited, tt.outlet, tt.url, tt.id); got != tt.want {
				t.Errorf("OriginKey = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestIndependent(t *testing.T) {
	tests := []struct {
		name string
		keys []string
		want int
	}{
		{"none", nil, 0},
		{"empty keys ignored", []string{"", ""}, 0},
		{"repeats", []string{"reuters", "reuters", "ap", ""}, 2},
		{"state media counted once", []string{
			OriginKey("", "", "RT", "", "1"),
			OriginKey("", "", "Sputnik", "", "2"),
			OriginKey("", "RIA Novosti", "Some Blog", "", "3"),
			OriginKey("", "", "Ukrinform", "", "4"),
		}, 2},
		{"copies of one wire story counted once", []string{
			OriginKey("Reuters", "Reuters", "Kyiv Post", "", "1"),
			OriginKey("Reuters", "", "Daily Courier", "", "2"),
			OriginKey("", "", "Daily Courier", "", "3"),
		}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Independent(tt.keys); got != tt.want {
				t.Errorf("Independent(%q) = %d, want %d", tt.keys, got, tt.want)
			}
		})
	}
}
