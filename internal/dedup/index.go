package dedup

import (
	"math"
	"math/bits"
	"slices"
)

// Index is an in-memory LSH index from keys to the ids that hold them. It
// is not safe for concurrent use.
//
// Almost every key belongs to one article (only copies share band keys), so
// the table stores one id inline per key, in an open-addressing table of
// two flat arrays, and moves a key to a side map only when a second id
// arrives. That keeps the cost at 12 bytes per key slot, against 40 or
// more for a Go map of slices.
type Index struct {
	keys []uint64
	ids  []uint32 // idEmpty marks a free slot; idShared sends to more
	used int      // slots taken
	more map[uint64][]uint32
	adds int
}

const (
	idEmpty  = math.MaxUint32
	idShared = math.MaxUint32 - 1
	// MaxID is the largest id Add accepts; the two above it mark slots.
	MaxID = math.MaxUint32 - 2
)

// NewIndex returns an empty index.
func NewIndex() *Index { return &Index{more: map[uint64][]uint32{}} }

// slot finds key's slot or the free slot where it belongs. Keys are
// multiplied by an odd constant first because callers may pass keys that
// are not hashes, and the top bits of the product pick the slot.
func (x *Index) slot(key uint64) int {
	mask := uint64(len(x.keys) - 1)
	shift := 64 - bits.Len64(mask)
	i := (key * 0x9e3779b97f4a7c15) >> shift
	for {
		if x.ids[i] == idEmpty || x.keys[i] == key {
			return int(i)
		}
		i = (i + 1) & mask
	}
}

func (x *Index) grow() {
	n := 1024
	if len(x.keys) > 0 {
		n = 2 * len(x.keys)
	}
	oldKeys, oldIDs := x.keys, x.ids
	x.keys = make([]uint64, n)
	x.ids = make([]uint32, n)
	for i := range x.ids {
		x.ids[i] = idEmpty
	}
	for i, id := range oldIDs {
		if id != idEmpty {
			j := x.slot(oldKeys[i])
			x.keys[j], x.ids[j] = oldKeys[i], id
		}
	}
}

// Add records that article id holds keys. It panics on an id above MaxID.
func (x *Index) Add(id uint32, keys []uint64) {
	if id > MaxID {
		panic("dedup: Index id above MaxID")
	}
	if x.more == nil {
		x.more = map[uint64][]uint32{}
	}
	x.adds++
	for _, k := range keys {
		// Linear probing degrades quickly past three quarters full.
		if 4*(x.used+1) > 3*len(x.keys) {
			x.grow()
		}
		i := x.slot(k)
		switch cur := x.ids[i]; cur {
		case idEmpty:
			x.keys[i], x.ids[i] = k, id
			x.used++
		case id:
		case idShared:
			if l := x.more[k]; !slices.Contains(l, id) {
				x.more[k] = append(l, id)
			}
		default:
			x.ids[i] = idShared
			x.more[k] = []uint32{cur, id}
		}
	}
}

// Candidates appends to dst[:0] the distinct ids that share any of keys,
// sorted, and returns it.
func (x *Index) Candidates(keys []uint64, dst []uint32) []uint32 {
	dst = dst[:0]
	if len(x.keys) == 0 {
		return dst
	}
	for _, k := range keys {
		switch id := x.ids[x.slot(k)]; id {
		case idEmpty:
		case idShared:
			dst = append(dst, x.more[k]...)
		default:
			dst = append(dst, id)
		}
	}
	slices.Sort(dst)
	return slices.Compact(dst)
}

// Len returns the number of Add calls.
func (x *Index) Len() int { return x.adds }

// Bytes approximates the memory the index holds: the two flat arrays
// exactly, and the side map at an estimated cost per entry (Go's map
// overhead per slot plus the slice header and its backing array).
func (x *Index) Bytes() int64 {
	n := int64(len(x.keys)) * (8 + 4)
	for _, l := range x.more {
		n += 48 + int64(cap(l))*4
	}
	return n
}
