package storetest

import (
	"errors"
	"reflect"
	"slices"
	"sort"
	"testing"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/store"
)

func keyed(r store.Record, keys ...uint64) store.Record {
	r.CopyKeys = keys
	return r
}

func candidateIDs(t *testing.T, s store.Store, keys ...uint64) []string {
	t.Helper()
	cs, err := s.CopyCandidates(ctx(), keys)
	if err != nil {
		t.Fatalf("CopyCandidates: %v", err)
	}
	var ids []string
	for _, c := range cs {
		ids = append(ids, c.ID)
	}
	return ids
}

func pending(t *testing.T, s store.Store, state store.CopyState) []string {
	t.Helper()
	ids, err := s.PendingCopies(ctx(), state, 0)
	if err != nil {
		t.Fatalf("PendingCopies: %v", err)
	}
	return ids
}

func sorted(ids ...string) []string {
	ids = slices.Clone(ids)
	sort.Strings(ids)
	return ids
}

func testArticles(t *testing.T, s store.Store) {
	a, b, c := simple(1, "a", "alpha text"), simple(2, "b", "beta text"), simple(3, "c", "gamma")
	put(t, s, a, b, c)
	got, err := s.Articles(ctx(), []string{c.Article.ID, a.Article.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != c.Article.ID || got[1].ID != a.Article.ID || got[1].Text != "alpha text" {
		t.Fatalf("Articles kept neither order nor text: %+v", got)
	}
	if _, err := s.Articles(ctx(), []string{a.Article.ID, "ffffffffffffffff"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing id: err = %v, want ErrNotFound", err)
	}
	if got, err := s.Articles(ctx(), nil); err != nil || len(got) != 0 {
		t.Errorf("no ids: %v, %v", got, err)
	}
}

func testCopyKeysWithBatch(t *testing.T, s store.Store) {
	// Keys above 2^63 must survive a backend whose integers are signed.
	big := uint64(1)<<63 + 5
	a := keyed(simple(1, "a", "one"), 10, big)
	b := keyed(simple(2, "b", "two"), 20, big)
	c := simple(3, "c", "three") // no keys: stays out of the index
	put(t, s, a, b, c)
	if got, want := pending(t, s, store.CopyPending), sorted(a.Article.ID, b.Article.ID); !reflect.DeepEqual(got, want) {
		t.Errorf("pending = %v, want %v", got, want)
	}
	if got := pending(t, s, store.CopyUnindexed); !reflect.DeepEqual(got, []string{c.Article.ID}) {
		t.Errorf("unindexed = %v", got)
	}
	for _, tc := range []struct {
		keys []uint64
		want []string
	}{
		{[]uint64{big}, sorted(a.Article.ID, b.Article.ID)},
		{[]uint64{10}, []string{a.Article.ID}},
		{[]uint64{20, 10, 99}, sorted(a.Article.ID, b.Article.ID)},
		{[]uint64{99}, nil},
		{nil, nil},
	} {
		got := candidateIDs(t, s, tc.keys...)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("CopyCandidates(%v) = %v, want %v", tc.keys, got, tc.want)
		}
	}
	// A repeat of a stored record adds no keys for itself.
	put(t, s, keyed(simple(1, "a", "one"), 77))
	if got := candidateIDs(t, s, 77); len(got) != 0 {
		t.Errorf("repeat added keys: %v", got)
	}
}

func testPutCopyKeys(t *testing.T, s store.Store) {
	a, b := simple(1, "a", "one"), keyed(simple(2, "b", "two"), 5)
	b.CopySketch = []byte{9, 9, 9, 9}
	put(t, s, a, b)
	err := s.PutCopyKeys(ctx(), map[string]store.CopyIndex{
		a.Article.ID: {Keys: []uint64{5, 6}, Sketch: []byte{1, 2, 3, 4}},
		b.Article.ID: {Keys: []uint64{6}, Sketch: []byte{0}},
	})
	if err != nil {
		t.Fatal(err)
	}
	// b was indexed already, so its keys and sketch stay as they were.
	if got := candidateIDs(t, s, 6); !reflect.DeepEqual(got, []string{a.Article.ID}) {
		t.Errorf("candidates of 6 = %v", got)
	}
	cs, err := s.CopyCandidates(ctx(), []uint64{5})
	if err != nil || len(cs) != 2 {
		t.Fatalf("candidates of 5: %+v, %v", cs, err)
	}
	for _, c := range cs {
		want := []byte{1, 2, 3, 4}
		if c.ID == b.Article.ID {
			want = []byte{9, 9, 9, 9}
		}
		if !reflect.DeepEqual(c.Sketch, want) {
			t.Errorf("sketch of %s = %v, want %v", c.ID, c.Sketch, want)
		}
	}
	if got := pending(t, s, store.CopyPending); len(got) != 2 {
		t.Errorf("pending = %v", got)
	}
	err = s.PutCopyKeys(ctx(), map[string]store.CopyIndex{"0000000000000000": {Keys: []uint64{1}}, a.Article.ID: {Keys: []uint64{9}}})
	if !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown id: err = %v", err)
	}
	if got := candidateIDs(t, s, 9); len(got) != 0 {
		t.Errorf("failed PutCopyKeys wrote keys: %v", got)
	}
}

// copyTrio stores three articles and links them as one group with b as the
// original.
func copyTrio(t *testing.T, s store.Store) (a, b, c model.Article, g model.CopyGroup) {
	ra, rb, rc := keyed(simple(1, "", "wire story"), 1), keyed(simple(2, "Wire", "wire story"), 1), keyed(simple(3, "Wire", "wire story, longer"), 1)
	put(t, s, ra, rb, rc)
	a, b, c = ra.Article, rb.Article, rc.Article
	members := sorted(a.ID, b.ID, c.ID)
	link := func(x, y string, j float64) model.CopyLink {
		if x > y {
			x, y = y, x
		}
		return model.CopyLink{A: x, B: y, Jaccard: j, Containment: 1}
	}
	g = model.CopyGroup{
		ID: "g" + members[0], Original: b.ID, Reason: "credited", Members: members,
		Credited: []string{"Wire"}, Origin: "Wire",
		Links: []model.CopyLink{link(a.ID, b.ID, 1), link(b.ID, c.ID, 0.8)},
	}
	sort.Slice(g.Links, func(i, j int) bool { return g.Links[i].A+g.Links[i].B < g.Links[j].A+g.Links[j].B })
	g.Links[0].Exact = g.Links[0].Jaccard == 1
	g.Links[1].Exact = g.Links[1].Jaccard == 1
	a.Title = "Wire"
	a.SetField(model.FieldTitle, "Wire", model.Provenance{From: model.FromCopy, InferredFrom: b.ID})
	a.Published = "2024-03-21"
	a.SetField(model.FieldPublished, "2024-03-21", model.Provenance{From: model.FromCopy, InferredFrom: c.ID})
	err := s.ApplyCopies(ctx(), store.CopyUpdate{
		Links:  g.Links,
		Groups: []model.CopyGroup{g},
		Evidence: map[string]model.CopyEvidence{
			a.ID: {Of: b.ID, Method: "exact", Jaccard: 1, Containment: 1},
			c.ID: {Of: b.ID, Method: "near", Jaccard: 0.8, Containment: 1, Credit: "Wire"},
		},
		Articles: []model.Article{a},
		Linked:   []string{a.ID, b.ID, c.ID},
	})
	if err != nil {
		t.Fatalf("ApplyCopies: %v", err)
	}
	return a, b, c, g
}

func testApplyCopies(t *testing.T, s store.Store) {
	a, b, c, g := copyTrio(t, s)
	if got := pending(t, s, store.CopyPending); len(got) != 0 {
		t.Errorf("still pending: %v", got)
	}
	cs, err := s.CopyCandidates(ctx(), []uint64{1})
	if err != nil || len(cs) != 3 || cs[0].Group != g.ID || cs[2].Group != g.ID {
		t.Errorf("candidates do not carry their group: %+v, %v", cs, err)
	}
	ga := get(t, s, a.ID)
	if ga.DupGroup != g.ID || ga.DuplicateOf != b.ID || ga.CopyEvidence == nil || ga.CopyEvidence.Method != "exact" {
		t.Errorf("copy a = group %q of %q evidence %+v", ga.DupGroup, ga.DuplicateOf, ga.CopyEvidence)
	}
	if ga.Published != "2024-03-21" || ga.Provenance[model.FieldPublished].InferredFrom != c.ID || ga.Title != "Wire" {
		t.Errorf("inherited fields not stored: %q %+v", ga.Published, ga.Provenance)
	}
	gb := get(t, s, b.ID)
	if gb.DupGroup != g.ID || gb.DuplicateOf != "" || gb.CopyEvidence != nil {
		t.Errorf("original b = group %q of %q evidence %+v", gb.DupGroup, gb.DuplicateOf, gb.CopyEvidence)
	}
	if gc := get(t, s, c.ID); gc.CopyEvidence == nil || gc.CopyEvidence.Credit != "Wire" {
		t.Errorf("copy c evidence = %+v", gc.CopyEvidence)
	}
	for _, id := range []string{g.ID, a.ID, c.ID} {
		groups, err := s.CopyGroupsOf(ctx(), []string{id})
		if err != nil {
			t.Fatal(err)
		}
		if got := groups[g.ID]; len(groups) != 1 || !reflect.DeepEqual(got, g) {
			t.Errorf("CopyGroupsOf(%s) = %+v, want %+v", id, groups, g)
		}
	}
	list, err := s.CopyGroups(ctx(), store.CopyGroupOptions{})
	if err != nil || len(list) != 1 || !reflect.DeepEqual(list[0], g) {
		t.Errorf("CopyGroups = %+v, %v", list, err)
	}
	if list, _ := s.CopyGroups(ctx(), store.CopyGroupOptions{MinSize: 4}); len(list) != 0 {
		t.Errorf("MinSize 4 kept %d groups", len(list))
	}
	st := stats(t, s)
	if st.CopyGroups != 1 || st.Copies != 2 || st.CopyPending != 0 {
		t.Errorf("stats: groups %d copies %d pending %d", st.CopyGroups, st.Copies, st.CopyPending)
	}
}

func testGroupsMerge(t *testing.T, s store.Store) {
	_, b, _, g := copyTrio(t, s)
	d, e := simple(4, "d", "other"), simple(5, "e", "other two")
	put(t, s, d, e)
	// A second group forms, then a link joins it to the first.
	g2 := model.CopyGroup{ID: "g" + min(d.Article.ID, e.Article.ID), Original: d.Article.ID, Reason: "earliest",
		Members: sorted(d.Article.ID, e.Article.ID), Origin: "d"}
	if err := s.ApplyCopies(ctx(), store.CopyUpdate{Groups: []model.CopyGroup{g2}}); err != nil {
		t.Fatal(err)
	}
	merged := g
	merged.Members = sorted(append(slices.Clone(g.Members), d.Article.ID, e.Article.ID)...)
	merged.ID = "g" + merged.Members[0]
	merged.Links = nil
	if err := s.ApplyCopies(ctx(), store.CopyUpdate{Groups: []model.CopyGroup{merged}}); err != nil {
		t.Fatal(err)
	}
	list, err := s.CopyGroups(ctx(), store.CopyGroupOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].ID != merged.ID || len(list[0].Members) != 5 || list[0].Original != b.ID {
		t.Fatalf("after merge: %+v", list)
	}
	if got := get(t, s, e.Article.ID); got.DupGroup != merged.ID || got.DuplicateOf != b.ID {
		t.Errorf("e after merge: group %q of %q", got.DupGroup, got.DuplicateOf)
	}
}

func testApplyCopiesInvalid(t *testing.T, s store.Store) {
	a, b := simple(1, "a", "one"), simple(2, "b", "two")
	put(t, s, a, b)
	ids := sorted(a.Article.ID, b.Article.ID)
	good := model.CopyGroup{ID: "g" + ids[0], Original: ids[0], Members: ids, Reason: "earliest", Origin: "x"}
	for name, u := range map[string]store.CopyUpdate{
		"unordered link":     {Links: []model.CopyLink{{A: ids[1], B: ids[0]}}},
		"one member":         {Groups: []model.CopyGroup{{ID: "g1", Original: ids[0], Members: ids[:1]}}},
		"original not in":    {Groups: []model.CopyGroup{{ID: "g1", Original: "zzzz", Members: ids}}},
		"evidence no group":  {Evidence: map[string]model.CopyEvidence{ids[0]: {Of: ids[1]}}},
		"member in two":      {Groups: []model.CopyGroup{good, {ID: "g2", Original: ids[0], Members: ids}}},
		"unknown member":     {Groups: []model.CopyGroup{{ID: "g1", Original: ids[0], Members: []string{ids[0], "ffffffffffffffff"}}}},
		"unknown article":    {Groups: []model.CopyGroup{good}, Articles: []model.Article{{ID: "ffffffffffffffff"}}},
		"copy of itself":     {Groups: []model.CopyGroup{good}, Evidence: map[string]model.CopyEvidence{ids[1]: {Of: ids[1]}}},
		"bad inherited date": {Groups: []model.CopyGroup{good}, Articles: []model.Article{{ID: ids[0], Published: "21.03.2024"}}},
	} {
		if err := s.ApplyCopies(ctx(), u); err == nil {
			t.Errorf("%s: accepted", name)
		}
		if got := get(t, s, ids[0]); got.DupGroup != "" {
			t.Fatalf("%s: a failed update wrote a group", name)
		}
	}
	if list, _ := s.CopyGroups(ctx(), store.CopyGroupOptions{}); len(list) != 0 {
		t.Errorf("failed updates left groups: %+v", list)
	}
}

func testResetCopies(t *testing.T, s store.Store) {
	a, b, _, _ := copyTrio(t, s)
	own := get(t, s, b.ID)
	if err := s.ResetCopies(ctx()); err != nil {
		t.Fatal(err)
	}
	ga := get(t, s, a.ID)
	if ga.DupGroup != "" || ga.DuplicateOf != "" || ga.CopyEvidence != nil {
		t.Errorf("reset left copy fields: %+v", ga)
	}
	if ga.Published != "" || ga.Title != "" || ga.Provenance != nil {
		t.Errorf("reset left inherited values: %q %q %+v", ga.Published, ga.Title, ga.Provenance)
	}
	if gb := get(t, s, b.ID); gb.Title != own.Title {
		t.Errorf("reset changed an own title: %q", gb.Title)
	}
	if got := candidateIDs(t, s, 1); len(got) != 0 {
		t.Errorf("reset left keys: %v", got)
	}
	if got := pending(t, s, store.CopyUnindexed); len(got) != 3 {
		t.Errorf("unindexed after reset = %v", got)
	}
	if list, _ := s.CopyGroups(ctx(), store.CopyGroupOptions{}); len(list) != 0 {
		t.Errorf("reset left groups")
	}
}

func testSettings(t *testing.T, s store.Store) {
	if _, ok, err := s.Setting(ctx(), "dedup"); ok || err != nil {
		t.Fatalf("unset setting: ok %v err %v", ok, err)
	}
	for _, v := range []string{"shingle=5", "shingle=4 'quoted'"} {
		if err := s.PutSetting(ctx(), "dedup", v); err != nil {
			t.Fatal(err)
		}
		if got, ok, err := s.Setting(ctx(), "dedup"); !ok || err != nil || got != v {
			t.Errorf("Setting = %q, %v, %v; want %q", got, ok, err, v)
		}
	}
	if err := s.PutSetting(ctx(), "", "x"); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("empty name: %v", err)
	}
}
