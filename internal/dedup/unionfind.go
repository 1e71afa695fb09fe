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
