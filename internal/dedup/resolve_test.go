package dedup

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/model"
)

func paragraphs(seed uint64, n int) []string { return strings.Split(longText(seed, n), "\n\n") }

// linkAll returns the verified links among members as the dedup stage
// would find them: every pair that Compare calls a copy.
func linkAll(h *Hasher, ms []Member) []model.CopyLink {
	var out []model.CopyLink
	for i := range ms {
		for j := i + 1; j < len(ms); j++ {
			m := h.Compare(h.Fingerprint(ms[i].Text), h.Fingerprint(ms[j].Text))
			if m.Copy {
				a, b := ms[i].ID, ms[j].ID
				if b < a {
					a, b = b, a
				}
				out = append(out, model.CopyLink{A: a, B: b, Exact: m.Exact, Jaccard: m.Jaccard, Containment: m.Containment})
			}
		}
	}
	return out
}

func TestResolveOriginal(t *testing.T) {
	h := mustNew(t, DefaultOptions())
	base := longText(11, 12)
	long := base + "\n\n" + longText(12, 2)
	short := joinParas(paragraphs(11, 12)[:9])
	tests := []struct {
		name         string
		members      []Member
		wantOriginal string
		wantReason   string
		wantOrigin   string
		wantCredited []string
		wantCredit   map[string]string // member -> Evidence.Credit
	}{
		{
			name: "credited by outlet name in other spellings",
			members: []Member{
				{ID: "a3", Outlet: "Ukrinform", URL: "https://www.ukrinform.net/rubric/1.html", Published: "2024-03-21", Title: "Drones downed", Text: base},
				{ID: "a1", Outlet: "Kyiv Daily", CreditedSource: "UkrinForm", Published: "2024-03-20", Text: "KYIV, March 21 (UkrinForm) - " + base},
				{ID: "a2", Outlet: "Blog", CreditedSource: "Ukrinform News Agency", Text: short},
			},
			wantOriginal: "a3", wantReason: ReasonCredited, wantOrigin: "Ukrinform",
			wantCredited: []string{"UkrinForm", "Ukrinform News Agency"},
			wantCredit:   map[string]string{"a1": "UkrinForm", "a2": "Ukrinform News Agency"},
		},
		{
			name: "credited by url host when the outlet is unknown",
			members: []Member{
				{ID: "b1", Outlet: "Aggregator", Published: "2024-03-20", Text: base},
				{ID: "b2", URL: "https://www.ukrinform.net/rubric/1.html", Published: "2024-03-21", Text: base},
				{ID: "b3", Outlet: "Kyiv Daily", CreditedSource: "ukrinform.net", Text: short},
			},
			wantOriginal: "b2", wantReason: ReasonCredited, wantOrigin: "ukrinform.net",
			wantCredited: []string{"ukrinform.net"},
			wantCredit:   map[string]string{"b3": "ukrinform.net"},
		},
		{
			name: "most credited wins over earlier credited",
			members: []Member{
				{ID: "c1", Outlet: "Interfax-Ukraine", Published: "2024-03-19", Text: base},
				{ID: "c2", Outlet: "UNIAN", Published: "2024-03-20", Text: base + " ."},
				{ID: "c3", CreditedSource: "Interfax Ukraine", Text: short},
				{ID: "c4", CreditedSource: "UNIAN", Text: short},
				{ID: "c5", CreditedSource: "unian", Text: long},
			},
			wantOriginal: "c2", wantReason: ReasonCredited, wantOrigin: "UNIAN",
			wantCredited: []string{"Interfax Ukraine", "UNIAN", "unian"},
			wantCredit:   map[string]string{"c4": "UNIAN", "c5": "unian"},
		},
		{
			name: "own credit line does not count",
			members: []Member{
				{ID: "d1", Outlet: "Ukrinform", CreditedSource: "Ukrinform", Published: "2024-03-22", Text: base},
				{ID: "d2", Outlet: "Kyiv Daily", Published: "2024-03-21", Text: short},
			},
			wantOriginal: "d2", wantReason: ReasonEarliest, wantOrigin: "Kyiv Daily",
			wantCredited: []string{"Ukrinform"},
		},
		{
			name: "earliest, undated members not earlier",
			members: []Member{
				{ID: "e1", Outlet: "A", Text: long},
				{ID: "e2", Outlet: "B", Published: "2024-03-22", Text: base},
				{ID: "e3", Outlet: "C", Published: "2024-03-21", Text: short},
				{ID: "e4", Outlet: "D", Published: "not a date", Text: base},
			},
			wantOriginal: "e3", wantReason: ReasonEarliest, wantOrigin: "C",
		},
		{
			name: "same day goes to the most complete of that day",
			members: []Member{
				{ID: "f1", Outlet: "A", Published: "2024-03-21", Text: short},
				{ID: "f2", Outlet: "B", Published: "2024-03-21", Text: base},
				{ID: "f3", Outlet: "C", Text: long},
				{ID: "f4", Outlet: "D", Published: "2024-03-22", Text: long},
			},
			wantOriginal: "f2", wantReason: ReasonMostComplete, wantOrigin: "B",
		},
		{
			name: "no dates: longest, ties to the smallest id",
			members: []Member{
				{ID: "g3", Outlet: "A", Text: long},
				{ID: "g2", Outlet: "B", Text: long + "!"},
				{ID: "g1", Outlet: "C", Text: short},
			},
			wantOriginal: "g2", wantReason: ReasonMostComplete, wantOrigin: "B",
		},
		{
			name: "wire story whose agency is not in the group",
			members: []Member{
				{ID: "h1", Outlet: "Kyiv Daily", Published: "2024-03-21", Text: base},
				{ID: "h2", Outlet: "Blog", CreditedSource: "Reuters", Text: short},
				{ID: "h3", Outlet: "Portal", CreditedSource: "REUTERS", Text: short},
				{ID: "h4", Outlet: "Site", CreditedSource: "Reuters", Text: long},
				{ID: "h5", Outlet: "Other", CreditedSource: "AFP", Text: long},
			},
			wantOriginal: "h1", wantReason: ReasonEarliest, wantOrigin: "Reuters",
			wantCredited: []string{"AFP", "REUTERS", "Reuters"},
		},
		{
			name: "original's own credit names the origin",
			members: []Member{
				{ID: "i1", Outlet: "Kyiv Daily", CreditedSource: "AFP", Published: "2024-03-21", Text: base},
				{ID: "i2", Outlet: "Blog", CreditedSource: "Reuters", Text: short},
			},
			wantOriginal: "i1", wantReason: ReasonEarliest, wantOrigin: "AFP",
			wantCredited: []string{"AFP", "Reuters"},
		},
		{
			name: "origin falls back to host, then id",
			members: []Member{
				{ID: "j1", URL: "https://www.example.org/a", Published: "2024-03-21", Text: base},
				{ID: "j2", Text: short},
			},
			wantOriginal: "j1", wantReason: ReasonEarliest, wantOrigin: "example.org",
		},
		{
			name: "no dates: the one member crediting nobody",
			members: []Member{
				{ID: "m1", Outlet: "A", CreditedSource: "Harbour Wire", Text: long},
				{ID: "m2", Outlet: "B", Text: base},
				{ID: "m3", Outlet: "C", CreditedSource: "Harbour Wire", Text: long + "!"},
			},
			wantOriginal: "m2", wantReason: ReasonUncredited, wantOrigin: "Harbour Wire",
			wantCredited: []string{"Harbour Wire"},
		},
		{
			name: "no dates: the longest of those crediting nobody",
			members: []Member{
				{ID: "n1", Outlet: "A", CreditedSource: "Harbour Wire", Text: long + "!"},
				{ID: "n2", Outlet: "B", Text: short},
				{ID: "n3", Outlet: "C", Text: long},
			},
			wantOriginal: "n3", wantReason: ReasonMostComplete, wantOrigin: "Harbour Wire",
			wantCredited: []string{"Harbour Wire"},
		},
		{
			name:         "single member",
			members:      []Member{{ID: "k1", Text: base}},
			wantOriginal: "k1", wantReason: ReasonMostComplete, wantOrigin: "k1",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := h.Resolve(tt.members, linkAll(h, tt.members))
			g := res.Group
			if g.Original != tt.wantOriginal || g.Reason != tt.wantReason || g.Origin != tt.wantOrigin {
				t.Errorf("original %q (%s), origin %q; want %q (%s), origin %q",
					g.Original, g.Reason, g.Origin, tt.wantOriginal, tt.wantReason, tt.wantOrigin)
			}
			if !slices.Equal(g.Credited, tt.wantCredited) {
				t.Errorf("Credited = %q, want %q", g.Credited, tt.wantCredited)
			}
			ids := make([]string, len(tt.members))
			for i, m := range tt.members {
				ids[i] = m.ID
			}
			slices.Sort(ids)
			if !slices.Equal(g.Members, ids) || g.ID != "g"+ids[0] {
				t.Errorf("group %q members %q", g.ID, g.Members)
			}
			if len(res.Evidence) != len(ids)-1 {
				t.Errorf("%d evidence entries for %d members", len(res.Evidence), len(ids))
			}
			for id, ev := range res.Evidence {
				if id == g.Original || ev.Of != g.Original {
					t.Errorf("evidence %q: %+v", id, ev)
				}
				if ev.Credit != tt.wantCredit[id] {
					t.Errorf("evidence %q credit %q, want %q", id, ev.Credit, tt.wantCredit[id])
				}
			}
		})
	}
}

func TestResolveEvidence(t *testing.T) {
	h := mustNew(t, DefaultOptions())
	base := longText(21, 10)
	members := []Member{
		{ID: "o", Published: "2024-01-01", Text: base},
		{ID: "x", Text: strings.ToUpper(base) + " !!"},
		{ID: "y", Text: joinParas(paragraphs(21, 10)[:7])},
	}
	res := h.Resolve(members, linkAll(h, members))
	x, y := res.Evidence["x"], res.Evidence["y"]
	if x.Method != MethodExact || x.Jaccard != 1 || x.Containment != 1 || x.Via != "" {
		t.Errorf("exact copy evidence %+v", x)
	}
	if y.Method != MethodNear || y.Containment < 0.99 || y.Jaccard > 0.9 || y.Jaccard < 0.5 || y.Via != "" {
		t.Errorf("truncated copy evidence %+v", y)
	}
}

// chainMembers builds o <- c1 <- c2 <- c3 where each copy overlaps its
// parent but c2 and c3 share almost nothing with o, plus c2b, a second
// route of the same length as c2.
func chainMembers() ([]Member, []model.CopyLink) {
	p := paragraphs(31, 8) // the original's paragraphs
	n := paragraphs(32, 8) // paragraphs the first copy adds
	ms := []Member{
		{ID: "o", Outlet: "Origin", Published: "2024-01-01", Text: joinParas(p)},
		{ID: "c1", Text: joinParas(append(slices.Clone(p), n...))},
		{ID: "c2z", Text: joinParas(append(slices.Clone(n), p[7]))},
		{ID: "c2b", Text: joinParas(append(slices.Clone(n), p[6]))},
		{ID: "c3", Text: joinParas(n[2:])},
	}
	links := []model.CopyLink{
		{A: "c1", B: "o"}, {A: "c1", B: "c2z"}, {A: "c1", B: "c2b"},
		{A: "c2z", B: "c3"}, {A: "c2b", B: "c3"},
	}
	return ms, links
}

func TestResolveVia(t *testing.T) {
	h := mustNew(t, DefaultOptions())
	ms, links := chainMembers()
	res := h.Resolve(ms, links)
	if res.Group.Original != "o" {
		t.Fatalf("original %q", res.Group.Original)
	}
	tests := []struct {
		id, via string
		copy    bool // whether the member is itself close enough to the original
	}{
		{"c1", "", true},
		{"c2b", "c1", false},
		{"c2z", "c1", false},
		// Two shortest routes, through c2b and c2z: the smaller ID.
		{"c3", "c2b", false},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			ev := res.Evidence[tt.id]
			if ev.Via != tt.via {
				t.Errorf("Via = %q, want %q (evidence %+v)", ev.Via, tt.via, ev)
			}
			m := h.Compare(h.Fingerprint(ms[slices.IndexFunc(ms, func(m Member) bool { return m.ID == tt.id })].Text), h.Fingerprint(ms[0].Text))
			if m.Copy != tt.copy {
				t.Errorf("fixture broken: %s vs original copy=%v", tt.id, m.Copy)
			}
		})
	}
}

func TestResolveInherit(t *testing.T) {
	h := mustNew(t, DefaultOptions())
	base := longText(41, 10)
	tests := []struct {
		name    string
		members []Member
		want    []Inherited
	}{
		{
			name: "from the original",
			members: []Member{
				{ID: "a", Outlet: "Ukrinform", Published: "2024-03-21", Title: "Drones downed over Kyiv", Text: base},
				{ID: "b", CreditedSource: "Ukrinform", Text: base},
				{ID: "c", CreditedSource: "Ukrinform", Published: "2024-03-25", Text: base},
			},
			want: []Inherited{
				{ID: "b", Field: model.FieldPublished, Value: "2024-03-21", From: "a"},
				{ID: "b", Field: model.FieldTitle, Value: "Drones downed over Kyiv", From: "a"},
				{ID: "c", Field: model.FieldTitle, Value: "Drones downed over Kyiv", From: "a"},
			},
		},
		{
			name: "original lacks them: earliest date and longest title",
			members: []Member{
				{ID: "m1", Outlet: "Wire", Text: base},
				{ID: "m2", CreditedSource: "Wire", Published: "2024-03-23", Title: "Short", Text: base},
				{ID: "m3", CreditedSource: "Wire", Published: "2024-03-22", Title: "A longer title here", Text: base},
				{ID: "m4", CreditedSource: "Wire", Published: "2024-03-22", Text: base},
				{ID: "m5", Published: "bad", Text: base},
			},
			want: []Inherited{
				{ID: "m1", Field: model.FieldPublished, Value: "2024-03-22", From: "m3"},
				{ID: "m1", Field: model.FieldTitle, Value: "A longer title here", From: "m3"},
				{ID: "m4", Field: model.FieldTitle, Value: "A longer title here", From: "m3"},
				{ID: "m5", Field: model.FieldTitle, Value: "A longer title here", From: "m3"},
			},
		},
		{
			name: "nothing to give",
			members: []Member{
				{ID: "n1", Text: base},
				{ID: "n2", Text: base},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := h.Resolve(tt.members, linkAll(h, tt.members))
			if !reflect.DeepEqual(res.Inherit, tt.want) {
				t.Errorf("Inherit =\n%+v\nwant\n%+v", res.Inherit, tt.want)
			}
		})
	}
}

func TestResolveLinksCanonical(t *testing.T) {
	h := mustNew(t, DefaultOptions())
	base := longText(51, 8)
	ms := []Member{{ID: "b", Text: base}, {ID: "a", Text: base}, {ID: "c", Text: base}}
	links := []model.CopyLink{
		{A: "c", B: "a", Jaccard: 1, Containment: 1},
		{A: "b", B: "a", Exact: true, Jaccard: 1, Containment: 1},
		{A: "a", B: "b", Exact: true, Jaccard: 1, Containment: 1}, // duplicate
		{A: "a", B: "zz"}, // not a member
		{A: "a", B: "a"},  // self
	}
	res := h.Resolve(ms, links)
	want := []model.CopyLink{
		{A: "a", B: "b", Exact: true, Jaccard: 1, Containment: 1},
		{A: "a", B: "c", Jaccard: 1, Containment: 1},
	}
	if !reflect.DeepEqual(res.Group.Links, want) {
		t.Errorf("Links = %+v", res.Group.Links)
	}
	if got := h.Resolve(nil, links); !reflect.DeepEqual(got, Resolution{}) {
		t.Errorf("no members gave %+v", got)
	}
	dup := append(slices.Clone(ms), Member{ID: "a", Outlet: "Other", Text: base})
	if got := h.Resolve(dup, nil); len(got.Group.Members) != 3 {
		t.Errorf("duplicate IDs kept: %q", got.Group.Members)
	}
}

// TestResolveOrderIndependent shuffles members and links, and flips links,
// and expects the same resolution every time.
func TestResolveOrderIndependent(t *testing.T) {
	h := mustNew(t, DefaultOptions())
	chain, chainLinks := chainMembers()
	base := longText(61, 10)
	credited := []Member{
		{ID: "p3", Outlet: "Ukrinform", Text: base},
		{ID: "p1", Outlet: "Kyiv Daily", CreditedSource: "UkrinForm", Published: "2024-03-20", Text: base},
		{ID: "p2", Outlet: "UNIAN", CreditedSource: "Ukrinform", Text: joinParas(paragraphs(61, 10)[:7])},
		{ID: "p4", URL: "https://unian.net/x", CreditedSource: "ukrinform.net", Published: "2024-03-20", Title: "T", Text: base},
		{ID: "p5", Text: base},
		{ID: "p5", Outlet: "dup", Text: base},
	}
	noDates := []Member{{ID: "q2", Text: base}, {ID: "q1", Text: base}, {ID: "q3", Text: base + " more words here"}}
	tests := []struct {
		name    string
		members []Member
		links   []model.CopyLink
	}{
		{"chain", chain, chainLinks},
		{"credited", credited, linkAll(h, credited)},
		{"ties without dates", noDates, linkAll(h, noDates)},
	}
	r := rand.New(rand.NewPCG(5, 6))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := h.Resolve(tt.members, tt.links)
			for range 30 {
				ms := slices.Clone(tt.members)
				ls := slices.Clone(tt.links)
				r.Shuffle(len(ms), func(i, j int) { ms[i], ms[j] = ms[j], ms[i] })
				r.Shuffle(len(ls), func(i, j int) { ls[i], ls[j] = ls[j], ls[i] })
				for i := range ls {
					if r.IntN(2) == 0 {
						ls[i].A, ls[i].B = ls[i].B, ls[i].A
					}
				}
				if got := h.Resolve(ms, ls); !reflect.DeepEqual(got, want) {
					t.Fatalf("order changed the result:\n%+v\nwant\n%+v", got, want)
				}
			}
		})
	}
}
