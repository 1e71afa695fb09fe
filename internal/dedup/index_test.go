package dedup

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestIndex(t *testing.T) {
	type add struct {
		id   uint32
		keys []uint64
	}
	tests := []struct {
		name  string
		adds  []add
		query []uint64
		want  []uint32
	}{
		{"empty index", nil, []uint64{1, 2}, nil},
		{"no shared key", []add{{1, []uint64{10, 11}}}, []uint64{12}, nil},
		{"one shared key", []add{{1, []uint64{10, 11}}, {2, []uint64{20}}}, []uint64{11, 99}, []uint32{1}},
		{"sorted and distinct", []add{{7, []uint64{1, 2}}, {3, []uint64{2, 3}}, {5, []uint64{3}}}, []uint64{3, 2, 1}, []uint32{3, 5, 7}},
		{"key zero works", []add{{4, []uint64{0}}}, []uint64{0}, []uint32{4}},
		{"id zero works", []add{{0, []uint64{5}}}, []uint64{5}, []uint32{0}},
		{"same id added twice", []add{{2, []uint64{8}}, {2, []uint64{8}}, {9, []uint64{8}}, {9, []uint64{8}}}, []uint64{8}, []uint32{2, 9}},
		{"max id", []add{{MaxID, []uint64{1}}, {1, []uint64{1}}}, []uint64{1}, []uint32{1, MaxID}},
		{"duplicate query keys", []add{{1, []uint64{6}}}, []uint64{6, 6, 6}, []uint32{1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := NewIndex()
			for _, a := range tt.adds {
				x.Add(a.id, a.keys)
			}
			got := x.Candidates(tt.query, []uint32{42, 42, 42})
			if !slices.Equal(got, tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
				t.Errorf("Candidates = %v, want %v", got, tt.want)
			}
			if x.Len() != len(tt.adds) {
				t.Errorf("Len = %d, want %d", x.Len(), len(tt.adds))
			}
		})
	}
}

func TestIndexZeroValueAndPanics(t *testing.T) {
	var x Index
	if got := x.Candidates([]uint64{1}, nil); len(got) != 0 {
		t.Errorf("zero Index returned %v", got)
	}
	x.Add(1, []uint64{1})
	if got := x.Candidates([]uint64{1}, nil); !slices.Equal(got, []uint32{1}) {
		t.Errorf("zero Index after Add returned %v", got)
	}
	defer func() {
		if recover() == nil {
			t.Error("Add with an id above MaxID did not panic")
		}
	}()
	x.Add(MaxID+1, []uint64{2})
}

// TestIndexAgainstMap grows the table through several doublings and checks
// every answer against a plain map.
func TestIndexAgainstMap(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	x := NewIndex()
	ref := map[uint64][]uint32{}
	var all [][]uint64
	for id := range uint32(4000) {
		keys := make([]uint64, 9)
		for i := range keys {
			keys[i] = r.Uint64()
		}
		if id > 0 && r.IntN(4) == 0 {
			// Share a few keys with an earlier article, as copies do.
			src := all[r.IntN(len(all))]
			copy(keys[:3], src[:3])
		}
		if r.IntN(50) == 0 {
			keys[4] = uint64(r.IntN(8)) // small keys collide in the probe sequence
		}
		all = append(all, keys)
		x.Add(id, keys)
		for _, k := range keys {
			if !slices.Contains(ref[k], id) {
				ref[k] = append(ref[k], id)
			}
		}
	}
	var dst []uint32
	for q := range 500 {
		keys := all[r.IntN(len(all))]
		if q%5 == 0 {
			keys = []uint64{r.Uint64(), keys[0]}
		}
		dst = x.Candidates(keys, dst)
		var want []uint32
		for _, k := range keys {
			want = append(want, ref[k]...)
		}
		slices.Sort(want)
		want = slices.Compact(want)
		if !slices.Equal(dst, want) {
			t.Fatalf("query %d: got %v, want %v", q, dst, want)
		}
	}
	if x.Bytes() < int64(4000*9*12) {
		t.Errorf("Bytes %d is less than the keys alone", x.Bytes())
	}
	if x.Len() != 4000 {
		t.Errorf("Len %d", x.Len())
	}
}

func TestUnionFind(t *testing.T) {
	tests := []struct {
		name   string
		n      int
		unions [][2]int
		merged []bool
		groups [][]int
	}{
		{"none", 3, nil, nil, [][]int{{0}, {1}, {2}}},
		{"chain", 4, [][2]int{{0, 1}, {1, 2}, {2, 3}}, []bool{true, true, true}, [][]int{{0, 1, 2, 3}}},
		{"repeat and self", 3, [][2]int{{0, 1}, {1, 0}, {2, 2}}, []bool{true, false, false}, [][]int{{0, 1}, {2}}},
		{"two groups then join", 6, [][2]int{{0, 1}, {2, 3}, {4, 5}, {1, 3}, {0, 2}}, []bool{true, true, true, true, false}, [][]int{{0, 1, 2, 3}, {4, 5}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := NewUnionFind(tt.n)
			for i, p := range tt.unions {
				if got := u.Union(p[0], p[1]); got != tt.merged[i] {
					t.Errorf("Union(%d,%d) = %v, want %v", p[0], p[1], got, tt.merged[i])
				}
			}
			for _, g := range tt.groups {
				for _, m := range g {
					if u.Find(m) != u.Find(g[0]) {
						t.Errorf("%d and %d apart", m, g[0])
					}
				}
			}
			for i, g := range tt.groups {
				for _, h := range tt.groups[i+1:] {
					if u.Find(g[0]) == u.Find(h[0]) {
						t.Errorf("%v and %v joined", g, h)
					}
				}
			}
			if u.Len() != tt.n {
				t.Errorf("Len %d", u.Len())
			}
		})
	}
}
