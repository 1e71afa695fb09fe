package dedup

// UnionFind is a disjoint-set forest over the ints 0..n-1, used to close
// verified links into copy groups.
type UnionFind struct {
	parent []int32
	size   []int32
}

// NewUnionFind returns n singleton sets.
func NewUnionFind(n int) *UnionFind {
	u := &UnionFind{parent: make([]int32, n), size: make([]int32, n)}
	for i := range u.parent {
		u.parent[i] = int32(i)
		u.size[i] = 1
	}
	return u
}

// Find returns the representative of a's set.
func (u *UnionFind) Find(a int) int {
	p := u.parent
	x := int32(a)
	for p[x] != x {
		// Path halving: each step also shortens the path for later calls,
		// without the recursion or second pass of full compression.
		p[x] = p[p[x]]
		x = p[x]
	}
	return int(x)
}

// Union merges the sets of a and b and reports whether they were apart.
func (u *UnionFind) Union(a, b int) bool {
	ra, rb := int32(u.Find(a)), int32(u.Find(b))
	if ra == rb {
		return false
	}
	// By size keeps trees shallow; the tie rule makes the representative a
	// function of the union sequence alone.
	if u.size[ra] < u.size[rb] || (u.size[ra] == u.size[rb] && rb < ra) {
		ra, rb = rb, ra
	}
	u.parent[rb] = ra
	u.size[ra] += u.size[rb]
	return true
}

// Len returns the number of elements.
func (u *UnionFind) Len() int { return len(u.parent) }

// Sets is a disjoint-set forest over string labels (article IDs, group
// names), each added the first time it is named; the zero value is ready.
type Sets struct {
	uf    UnionFind
	index map[string]int
	names []string
}

// id returns the element of label, adding a singleton for a new one.
func (s *Sets) id(label string) int {
	if i, ok := s.index[label]; ok {
		return i
	}
	if s.index == nil {
		s.index = map[string]int{}
	}
	i := len(s.names)
	s.index[label] = i
	s.names = append(s.names, label)
	s.uf.parent = append(s.uf.parent, int32(i))
	s.uf.size = append(s.uf.size, 1)
	return i
}

// Find returns the label representing label's set.
func (s *Sets) Find(label string) string { return s.names[s.uf.Find(s.id(label))] }

// Union merges the sets of a and b and reports whether they were apart.
func (s *Sets) Union(a, b string) bool { return s.uf.Union(s.id(a), s.id(b)) }

// Labels lists every label named so far, in the order first named.
func (s *Sets) Labels() []string { return s.names }
