package stories

import (
	"fmt"
	"math/rand"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/model"
)

// The articles below are invented. Their analyses are written by hand so
// that the tests do not depend on the taggers.

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

type place struct{ name, country, kind string }

// doc builds a Doc with entities (canonical names, type guessed from a
// "PER:"/"ORG:" prefix), places and event dates.
func doc(id, published, title, text string, ents []string, places []place, events ...string) Doc {
	d := Doc{ID: id, Title: title, Text: text}
	if published != "" {
		d.Published = day(published)
	}
	for _, e := range ents {
		typ, name, _ := strings.Cut(e, ":")
		d.Analysis.Entities = append(d.Analysis.Entities, model.EntityMention{Text: name, Type: typ, Canonical: name})
	}
	for _, p := range places {
		kind := p.kind
		if kind == "" {
			kind = "place"
		}
		d.Analysis.Places = append(d.Analysis.Places, model.PlaceMention{Text: p.name, Name: p.name, Country: p.country, Kind: kind, Lat: 50, Lon: 30})
	}
	for _, v := range events {
		prec := "day"
		if len(v) == 7 {
			prec = "month"
		}
		d.Analysis.Dates = append(d.Analysis.Dates, model.DateMention{Text: v, Type: "DATE", Value: v, Precision: prec, Role: "event"})
	}
	return d
}

var (
	varnholm = place{"Varnholm", "XA", ""}
	tessel   = place{"Tessel River", "XA", ""}
	korvik   = place{"Korvik", "XB", ""}
	osterby  = place{"Osterby", "XB", ""}
	northern = place{"North Marren", "XB", "admin1"}
)

// floodDocs are three outlets on one flood over four days, and one
// unrelated trade story.
func floodDocs() []Doc {
	return []Doc{
		doc("flood-a", "2025-04-02", "Tessel River floods Varnholm, thousands evacuated",
			"The Tessel River burst its banks in Varnholm on Wednesday, forcing thousands of residents from their homes. Mayor Ilse Brandt said rescue boats were searching flooded streets. The regional water agency warned the flood crest had not yet passed.",
			[]string{"PER:Ilse Brandt", "ORG:Regional Water Agency"}, []place{varnholm, tessel}, "2025-04-02"),
		doc("flood-b", "2025-04-03", "Varnholm flood: rescue boats search streets as river keeps rising",
			"Rescue crews in Varnholm spent the night pulling residents from flooded homes after the Tessel River overflowed. Mayor Ilse Brandt said evacuation centres were full. The water agency expects the river to crest on Thursday.",
			[]string{"PER:Ilse Brandt", "ORG:Regional Water Agency"}, []place{varnholm, tessel}, "2025-04-02", "2025-04-03"),
		doc("flood-c", "2025-04-05", "Flood waters recede in Varnholm, cleanup begins",
			"Residents of Varnholm returned to mud-filled homes as the Tessel River flood receded. Brandt said the evacuation order would be lifted and thanked rescue crews.",
			[]string{"PER:Ilse Brandt"}, []place{varnholm, tessel}, "2025-04-05"),
		doc("trade", "2025-04-03", "Korvik signs grain export deal",
			"The port of Korvik signed a grain export agreement with three shipping firms, the trade ministry announced. Officials expect export volumes to double by autumn.",
			[]string{"ORG:Trade Ministry"}, []place{korvik}, "2025-04-03"),
	}
}

// raidDocs are two raids by the same groups into the same towns, a year
// apart, two articles each.
func raidDocs() []Doc {
	ents := []string{"ORG:Free Marren Brigade", "ORG:Volunteer Legion", "PER:Governor Arvo Lind"}
	towns := []place{korvik, osterby, northern}
	return []Doc{
		doc("raid1-a", "2023-05-22", "Armed groups cross border into North Marren, seize Osterby",
			"Fighters of the Free Marren Brigade and the Volunteer Legion crossed the border into North Marren and claimed control of Osterby. Governor Arvo Lind said shelling hit Korvik and residents were told to leave.",
			ents, towns, "2023-05-22"),
		doc("raid1-b", "2023-05-23", "Border raid: fighting continues near Osterby and Korvik",
			"Fighting continued near Osterby after the Free Marren Brigade and the Volunteer Legion raided North Marren. Governor Arvo Lind said Korvik was shelled overnight and evacuations continued.",
			ents, towns, "2023-05-23"),
		doc("raid2-a", "2024-05-20", "Free Marren Brigade and Volunteer Legion raid North Marren again",
			"The Free Marren Brigade and the Volunteer Legion launched a new cross-border raid into North Marren, attacking Osterby and Korvik. Governor Arvo Lind said residents were evacuated as shelling hit the border towns.",
			ents, towns, "2024-05-20"),
		doc("raid2-b", "2024-05-21", "Fighting near Korvik as border raid enters second day",
			"Shelling hit Korvik and Osterby as the Free Marren Brigade and the Volunteer Legion pressed their raid into North Marren. Governor Arvo Lind ordered more evacuations from border towns.",
			ents, towns, "2024-05-21"),
	}
}

// storiesOf groups assignment doc IDs by story, each group sorted, the
// groups sorted by first member.
func storiesOf(as []Assignment) [][]string {
	m := map[int][]string{}
	for _, a := range as {
		m[a.Story] = append(m[a.Story], a.Doc)
	}
	var out [][]string
	for _, g := range m {
		sort.Strings(g)
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

func TestCluster(t *testing.T) {
	tests := []struct {
		name string
		docs []Doc
		want [][]string
	}{
		{"same event across outlets and days", floodDocs(),
			[][]string{{"flood-a", "flood-b", "flood-c"}, {"trade"}}},
		{"same actors and towns a year apart", raidDocs(),
			[][]string{{"raid1-a", "raid1-b"}, {"raid2-a", "raid2-b"}}},
		{"both sets together", append(floodDocs(), raidDocs()...),
			[][]string{{"flood-a", "flood-b", "flood-c"}, {"raid1-a", "raid1-b"}, {"raid2-a", "raid2-b"}, {"trade"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := storiesOf(Cluster(tt.docs, DefaultOptions()))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("stories = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestYearApartIsTime(t *testing.T) {
	// The second raid is close in content to the first: what keeps it
	// apart is time, and the assignment says so.
	as := Cluster(raidDocs(), DefaultOptions())
	var a Assignment
	for _, x := range as {
		if x.Doc == "raid2-a" {
			a = x
		}
	}
	if !a.New || a.RunnerUp == 0 {
		t.Fatalf("raid2-a: %+v, want a new story with the first raid as runner-up", a)
	}
	s := a.RunnerUpScore
	if s.Text < 0.3 || s.Entities < 0.5 || s.Places < 0.5 {
		t.Errorf("raid2-a vs first raid: %+v, want close content", s)
	}
	if s.Time > 0.05 || s.Total >= DefaultOptions().Threshold {
		t.Errorf("raid2-a vs first raid: %+v, want time near zero and below threshold", s)
	}
}

func TestCopies(t *testing.T) {
	fl := floodDocs()
	orig := fl[0]
	orig.CopyGroup = "g1"
	// A copy that was cut down to a line still shares its original's
	// story; it does not change the story's centroid.
	cp := doc("flood-a-copy", "2025-04-02", "", "Thousands evacuated in Varnholm.", nil, nil)
	cp.CopyGroup = "g1"
	c := New(DefaultOptions())
	first := c.Add(orig)
	before := c.stories[0].text.norm
	got := c.Add(cp)
	if got.Story != first.Story || !got.Copy || got.New {
		t.Fatalf("copy: %+v, want story %d as a copy", got, first.Story)
	}
	if c.stories[0].text.norm != before || c.n != 1 {
		t.Errorf("a copy changed the centroid or the document count")
	}
	st := c.Stories()
	if len(st) != 1 || !reflect.DeepEqual(st[0].Members, []string{"flood-a", "flood-a-copy"}) {
		t.Errorf("stories = %+v", st)
	}
	// A copy arriving in a later batch with other news still follows
	// its group.
	docs := append(floodDocs(), cp)
	docs[3].CopyGroup = "g2"
	cp2 := doc("trade-copy", "2025-04-04", "", "Grain deal signed.", nil, nil)
	cp2.CopyGroup = "g2"
	docs = append(docs, cp2)
	groups := storiesOf(Cluster(docs, DefaultOptions()))
	want := [][]string{{"flood-a", "flood-a-copy", "flood-b", "flood-c"}, {"trade", "trade-copy"}}
	if !reflect.DeepEqual(groups, want) {
		t.Errorf("stories = %v, want %v", groups, want)
	}
}

func TestDeterministic(t *testing.T) {
	docs := append(floodDocs(), raidDocs()...)
	want := Cluster(docs, DefaultOptions())
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 5; i++ {
		sh := append([]Doc(nil), docs...)
		r.Shuffle(len(sh), func(i, j int) { sh[i], sh[j] = sh[j], sh[i] })
		if got := Cluster(sh, DefaultOptions()); !reflect.DeepEqual(got, want) {
			t.Fatalf("shuffled input gave another clustering:\n%+v\nwant\n%+v", got, want)
		}
	}
}

func TestStories(t *testing.T) {
	c := New(DefaultOptions())
	for _, d := range floodDocs() {
		c.Add(d)
	}
	st := c.Stories()
	if len(st) != 2 {
		t.Fatalf("%d stories, want 2", len(st))
	}
	s := st[0]
	if s.ID != 1 || len(s.Members) != 3 {
		t.Errorf("story = %+v", s)
	}
	if !s.First.Equal(day("2025-04-02")) || !s.Last.Equal(day("2025-04-05")) {
		t.Errorf("span %v - %v", s.First, s.Last)
	}
	if len(s.Entities) == 0 || s.Entities[0] != (Count{"Ilse Brandt", 3}) {
		t.Errorf("entities = %v", s.Entities)
	}
	if len(s.Places) != 2 || s.Lat != 50 || s.Lon != 30 {
		t.Errorf("places = %v at %v,%v", s.Places, s.Lat, s.Lon)
	}
	if !strings.Contains(s.Label, "Varnholm") {
		t.Errorf("label = %q", s.Label)
	}
}

func TestDocTime(t *testing.T) {
	tests := []struct {
		name      string
		published string
		events    []string
		lo, hi    string
	}{
		{"publication only", "2025-04-05", nil, "2025-04-05", "2025-04-05"},
		{"event days before publication", "2025-04-05", []string{"2025-04-02"}, "2025-04-02", "2025-04-05"},
		{"background date ignored", "2025-04-05", []string{"2019-11-01"}, "2025-04-05", "2025-04-05"},
		{"undated: commonest event date", "", []string{"2025-03-01", "2025-04-02", "2025-04-02"}, "2025-04-02", "2025-04-02"},
		{"undated: month precision", "", []string{"2025-04"}, "2025-04-01", "2025-04-01"},
		{"nothing", "", nil, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := doc("x", tt.published, "", "", nil, nil, tt.events...)
			lo, hi := docTime(d, DefaultOptions().EventWindowDays)
			var wlo, whi time.Time
			if tt.lo != "" {
				wlo, whi = day(tt.lo), day(tt.hi)
			}
			if !lo.Equal(wlo) || !hi.Equal(whi) {
				t.Errorf("docTime = %v - %v, want %v - %v", lo, hi, wlo, whi)
			}
		})
	}
}

func TestWords(t *testing.T) {
	var got []string
	words("The raids on Osterby's border posts, 2024: Flooding cities!", func(w string) { got = append(got, w) })
	want := []string{"raid", "osterby", "border", "post", "flooding", "city"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("words = %v, want %v", got, want)
	}
}

// TestYearOnly: the first raid's report carries no date, only the year of
// its page's copyright notice. Without the year nothing keeps it out of
// the second raid's story; with it, it stays apart.
func TestYearOnly(t *testing.T) {
	docs := raidDocs()
	undated := docs[0]
	undated.Published = time.Time{}
	undated.Analysis.Dates = nil
	for _, tt := range []struct {
		year  int
		apart bool
	}{{0, false}, {2023, true}, {2024, false}} {
		d := undated
		d.Year = tt.year
		got := storiesOf(Cluster([]Doc{d, docs[2], docs[3]}, DefaultOptions()))
		apart := len(got) == 2
		if apart != tt.apart {
			t.Errorf("year %d: stories %v, want the undated report apart = %v", tt.year, got, tt.apart)
		}
	}
}

// TestOrderOfUndated: an undated report of the second raid and a report of
// the first known only to its year. The year-only report is clustered
// after the dated ones, so its year can rule their story out, while the
// undated report, clustered first, is joined by the dated reports of its
// raid.
func TestOrderOfUndated(t *testing.T) {
	docs := raidDocs()
	first := docs[0]
	first.Published, first.Analysis.Dates, first.Year = time.Time{}, nil, 2023
	second := docs[2]
	second.ID = "raid2-undated"
	second.Published, second.Analysis.Dates = time.Time{}, nil
	got := storiesOf(Cluster([]Doc{first, second, docs[2], docs[3]}, DefaultOptions()))
	want := [][]string{{"raid1-a"}, {"raid2-a", "raid2-b", "raid2-undated"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("stories %v, want %v", got, want)
	}
	if !Less(second, docs[2]) || !Less(docs[3], first) || Less(first, second) {
		t.Error("Less: want undated, then dated, then year-only")
	}
}

// TestMaxSpan: reports of one shelling every four days for 120 days. Each
// is within days of the story's last report, so without a bound on the
// story's span time never weighs against them; with it, a report that
// stretches the story past MaxSpanDays is weighed as that much later.
func TestMaxSpan(t *testing.T) {
	var docs []Doc
	start := day("2024-01-01")
	for i := 0; i < 30; i++ {
		docs = append(docs, doc(fmt.Sprintf("r%02d", i), start.AddDate(0, 0, 4*i).Format(time.DateOnly),
			"Shelling hits Korvik", "Shelling hit Korvik overnight, the governor said, and residents sheltered in basements.",
			[]string{"PER:Arvo Lind"}, []place{korvik}))
	}
	last := func(opt Options) Score {
		as := Cluster(docs, opt)
		return as[len(as)-1].Score
	}
	unbounded := DefaultOptions()
	unbounded.MaxSpanDays = 0
	if s := last(unbounded); s.Time < 0.95 {
		t.Errorf("without a bound, the last report's time factor = %v, want about 1", s.Time)
	}
	if s := last(DefaultOptions()); s.Time >= 0.7 {
		t.Errorf("with MaxSpanDays %v, the report on day 116 has time factor %v, want it weighed down", DefaultOptions().MaxSpanDays, s.Time)
	}
}
