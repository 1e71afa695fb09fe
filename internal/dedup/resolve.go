package dedup

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/model"
)

// Member is one article of a copy group, with the fields Resolve weighs.
type Member struct {
	ID             string
	Outlet         string
	CreditedSource string
	Published      string // YYYY-MM-DD, or "" when unknown
	Title          string
	URL            string
	Text           string
}

// Inherited is a metadata value a member lacks and takes from another
// member of its group.
type Inherited struct {
	ID    string // the member that lacks the value
	Field string // model.FieldPublished or model.FieldTitle
	Value string
	From  string // the member the value comes from
}

// Resolution is what Resolve decides for one group.
type Resolution struct {
	Group model.CopyGroup
	// Evidence explains every member except the original.
	Evidence map[string]model.CopyEvidence
	// Inherit is sorted by ID, then Field.
	Inherit []Inherited
}

// Reasons for the choice of original, as model.CopyGroup.Reason.
const (
	ReasonCredited     = "credited"
	ReasonEarliest     = "earliest"
	ReasonUncredited   = "uncredited"
	ReasonMostComplete = "most-complete"
)

// Methods of model.CopyEvidence.
const (
	MethodExact = "exact"
	MethodNear  = "near"
)

// resolving holds one member with what Resolve derives from it.
type resolving struct {
	Member
	outletKey, hostKey, creditKey string
	date                          string // Published when it is a valid date
	words                         int
	fp                            Fingerprint
}

// names reports whether credit key k names this member's outlet.
func (r *resolving) names(k string) bool {
	return k != "" && (k == r.outletKey || k == r.hostKey)
}

// Resolve chooses the original of one connected group and explains every
// copy. members are the group's articles and links the verified pairs among
// them; both may come in any order, and the result depends only on their
// content. Members with duplicate IDs are kept once.
//
// The original is, in order of preference: the member whose outlet the
// others' credit lines name (most credited, then earliest, then smallest
// ID), because a credit is the copier's own statement of where the text
// came from; else the only member with the earliest date, as undated
// members cannot claim to be earlier; else, when dates tie or are missing,
// the longest text among the earliest (or all) members, since copies trim
// more often than they add; ties go to the smallest ID.
func (h *Hasher) Resolve(members []Member, links []model.CopyLink) Resolution {
	ms := make([]resolving, 0, len(members))
	for _, m := range members {
		ms = append(ms, resolving{Member: m})
	}
	slices.SortFunc(ms, func(a, b resolving) int { return compareMembers(&a.Member, &b.Member) })
	ms = slices.CompactFunc(ms, func(a, b resolving) bool { return a.ID == b.ID })
	if len(ms) == 0 {
		return Resolution{}
	}
	pos := make(map[string]int, len(ms))
	for i := range ms {
		r := &ms[i]
		pos[r.ID] = i
		r.outletKey = OutletKey(r.Outlet)
		r.hostKey = OutletKey(hostOf(r.URL))
		r.creditKey = OutletKey(r.CreditedSource)
		if isDate(r.Published) {
			r.date = r.Published
		}
		r.fp, r.words = h.fingerprintWords(r.Text)
	}
	links = canonicalLinks(links, pos)

	orig, reason := chooseOriginal(ms)
	o := &ms[orig]
	res := Resolution{
		Group: model.CopyGroup{
			ID:       "g" + ms[0].ID,
			Original: o.ID,
			Reason:   reason,
			Members:  make([]string, len(ms)),
			Credited: creditedNames(ms),
			Origin:   origin(ms, orig),
			Links:    links,
		},
		Evidence: make(map[string]model.CopyEvidence, len(ms)-1),
	}
	for i := range ms {
		res.Group.Members[i] = ms[i].ID
	}

	adj := adjacency(len(ms), links, pos)
	dist := distances(adj, orig)
	for i := range ms {
		if i == orig {
			continue
		}
		r := &ms[i]
		m := h.Compare(r.fp, o.fp)
		ev := model.CopyEvidence{Of: o.ID, Method: MethodNear, Jaccard: m.Jaccard, Containment: m.Containment}
		if m.Exact {
			ev.Method = MethodExact
		}
		if o.names(r.creditKey) {
			ev.Credit = r.CreditedSource
		}
		if !m.Copy && dist[i] >= 2 {
			// adj is sorted by index, and indices follow IDs, so the first
			// neighbour one step closer is the smallest such ID.
			for _, j := range adj[i] {
				if dist[j] == dist[i]-1 {
					ev.Via = ms[j].ID
					break
				}
			}
		}
		res.Evidence[r.ID] = ev
	}
	res.Inherit = inherit(ms, orig)
	return res
}

// compareMembers orders by ID, and members with the same ID by all their
// fields, so that which duplicate survives does not depend on input order.
func compareMembers(a, b *Member) int {
	return cmp.Or(
		strings.Compare(a.ID, b.ID),
		strings.Compare(a.Outlet, b.Outlet),
		strings.Compare(a.CreditedSource, b.CreditedSource),
		strings.Compare(a.Published, b.Published),
		strings.Compare(a.Title, b.Title),
		strings.Compare(a.URL, b.URL),
		strings.Compare(a.Text, b.Text),
	)
}

// isDate checks the YYYY-MM-DD shape, so that a malformed value cannot win
// "earliest" by sorting before real dates.
func isDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i := range len(s) {
		if i != 4 && i != 7 && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return s[5:7] >= "01" && s[5:7] <= "12" && s[8:10] >= "01" && s[8:10] <= "31"
}

// canonicalLinks orients every link A<B, drops links to non-members and
// self-links, and sorts and deduplicates by (A, B).
func canonicalLinks(links []model.CopyLink, pos map[string]int) []model.CopyLink {
	out := make([]model.CopyLink, 0, len(links))
	for _, l := range links {
		if l.B < l.A {
			l.A, l.B = l.B, l.A
		}
		_, okA := pos[l.A]
		_, okB := pos[l.B]
		if okA && okB && l.A != l.B {
			out = append(out, l)
		}
	}
	slices.SortFunc(out, func(x, y model.CopyLink) int {
		c := cmp.Or(strings.Compare(x.A, y.A), strings.Compare(x.B, y.B),
			cmp.Compare(x.Jaccard, y.Jaccard), cmp.Compare(x.Containment, y.Containment))
		if c == 0 && x.Exact != y.Exact {
			if x.Exact {
				return 1
			}
			return -1
		}
		return c
	})
	return slices.CompactFunc(out, func(x, y model.CopyLink) bool { return x.A == y.A && x.B == y.B })
}

func adjacency(n int, links []model.CopyLink, pos map[string]int) [][]int {
	adj := make([][]int, n)
	for _, l := range links {
		a, b := pos[l.A], pos[l.B]
		adj[a] = append(adj[a], b)
		adj[b] = append(adj[b], a)
	}
	for _, l := range adj {
		slices.Sort(l)
	}
	return adj
}

// distances returns hop counts from the member at index from over links;
// -1 for members the links do not reach.
func distances(adj [][]int, from int) []int {
	dist := make([]int, len(adj))
	for i := range dist {
		dist[i] = -1
	}
	dist[from] = 0
	queue := []int{from}
	for len(queue) > 0 {
		i := queue[0]
		queue = queue[1:]
		for _, j := range adj[i] {
			if dist[j] < 0 {
				dist[j] = dist[i] + 1
				queue = append(queue, j)
			}
		}
	}
	return dist
}

// chooseOriginal returns the index of the original and the reason.
func chooseOriginal(ms []resolving) (int, string) {
	credits := make([]int, len(ms))
	anyCredit := false
	for j := range ms {
		if ms[j].creditKey == "" {
			continue
		}
		for i := range ms {
			if i != j && ms[i].names(ms[j].creditKey) {
				credits[i]++
				anyCredit = true
			}
		}
	}
	if anyCredit {
		best := -1
		for i := range ms {
			if credits[i] == 0 {
				continue
			}
			if best < 0 || credits[i] > credits[best] ||
				(credits[i] == credits[best] && earlier(ms[i].date, ms[best].date)) {
				best = i
			}
		}
		return best, ReasonCredited
	}

	first := ""
	for i := range ms {
		if earlier(ms[i].date, first) {
			first = ms[i].date
		}
	}
	var pool []int
	for i := range ms {
		if first == "" || ms[i].date == first {
			pool = append(pool, i)
		}
	}
	if first != "" && len(pool) == 1 {
		return pool[0], ReasonEarliest
	}
	// When dates do not decide, a member that credits some other source
	// says it is a copy; one that credits nobody may be the original.
	var own []int
	for _, i := range pool {
		if ms[i].creditKey == "" {
			own = append(own, i)
		}
	}
	switch {
	case len(own) == 1 && len(pool) > 1:
		return own[0], ReasonUncredited
	case len(own) > 1:
		pool = own
	}
	best := pool[0]
	for _, i := range pool[1:] {
		if ms[i].words > ms[best].words {
			best = i
		}
	}
	return best, ReasonMostComplete
}

// earlier reports whether date a is before b, an undated b being later
// than any date and an undated a earlier than nothing.
func earlier(a, b string) bool {
	return a != "" && (b == "" || a < b)
}

// creditedNames lists the distinct credit lines as written, sorted.
func creditedNames(ms []resolving) []string {
	var out []string
	for i := range ms {
		if ms[i].CreditedSource != "" {
			out = append(out, ms[i].CreditedSource)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// origin names where the group's story comes from, for counting
// independent sources.
func origin(ms []resolving, orig int) string {
	o := &ms[orig]
	if o.CreditedSource != "" {
		return o.CreditedSource
	}
	// A wire story whose agency is not in the corpus: the copies agree on
	// whom they credit, but nobody in the group is that agency.
	byKey := map[string]int{}
	for i := range ms {
		if ms[i].creditKey != "" {
			byKey[ms[i].creditKey]++
		}
	}
	top := ""
	for k, n := range byKey {
		if n > byKey[top] || (n == byKey[top] && k < top) {
			top = k
		}
	}
	if top != "" && !slices.ContainsFunc(ms, func(r resolving) bool { return r.names(top) }) {
		spelling := map[string]int{}
		for i := range ms {
			if ms[i].creditKey == top {
				spelling[ms[i].CreditedSource]++
			}
		}
		best := ""
		for s, n := range spelling {
			if best == "" || n > spelling[best] || (n == spelling[best] && s < best) {
				best = s
			}
		}
		return best
	}
	if o.Outlet != "" {
		return o.Outlet
	}
	if h := hostOf(o.URL); h != "" {
		return h
	}
	return o.ID
}

// inherit fills missing dates and titles from the original, or when it
// lacks them too, from the earliest dated member and the longest title.
func inherit(ms []resolving, orig int) []Inherited {
	dateFrom := -1
	if ms[orig].date != "" {
		dateFrom = orig
	} else {
		for i := range ms {
			if ms[i].date != "" && (dateFrom < 0 || ms[i].date < ms[dateFrom].date) {
				dateFrom = i
			}
		}
	}
	titleFrom := -1
	if ms[orig].Title != "" {
		titleFrom = orig
	} else {
		longest := 0
		for i := range ms {
			if n := utf8.RuneCountInString(ms[i].Title); n > longest {
				titleFrom, longest = i, n
			}
		}
	}
	var out []Inherited
	for i := range ms {
		if ms[i].Published == "" && dateFrom >= 0 && dateFrom != i {
			out = append(out, Inherited{ID: ms[i].ID, Field: model.FieldPublished, Value: ms[dateFrom].date, From: ms[dateFrom].ID})
		}
		if ms[i].Title == "" && titleFrom >= 0 && titleFrom != i {
			out = append(out, Inherited{ID: ms[i].ID, Field: model.FieldTitle, Value: ms[titleFrom].Title, From: ms[titleFrom].ID})
		}
	}
	return out
}
