// Package dedup finds copies of one story among news articles: the same wire
// text reposted with a credit line, stripped of its title, wrapped in a
// scraper's menus, trimmed, extended, or retyped with typos and other
// spellings of names.
//
// Exact copies share the hash of their normalised text. Near copies are
// found with MinHash over word shingles and LSH banding, which turns "are
// these similar?" into "do they share a key?", so an index lookup replaces
// comparing every pair. Every candidate pair is then verified on the full
// shingle sets, by Jaccard and by containment |A∩B|/min(|A|,|B|); the
// latter is what catches a copy that keeps only part of the original or
// adds to it.
//
// The package also decides, for a group of copies, which member is the
// original and why, and which sources are independent of each other.
package dedup

import (
	"errors"
	"fmt"
	"math/bits"
	"slices"
	"sync"

	"github.com/zeebo/xxh3"
)

// Options tune fingerprinting and the copy verdict.
type Options struct {
	// Shingle is the number of words per shingle.
	Shingle int
	// Hashes is the MinHash signature length.
	Hashes int
	// Bands is the number of LSH bands; each band covers Hashes/Bands
	// signature values and yields one key.
	Bands int
	// MinJaccard: a pair with Jaccard >= MinJaccard is a copy.
	MinJaccard float64
	// MinContainment: a pair with containment >= MinContainment is a copy
	// when both texts have at least MinShingles shingles.
	MinContainment float64
	// MinShingles guards containment: a short text is contained in any
	// long one that happens to quote it, so containment alone is trusted
	// only when both sides have this many shingles.
	MinShingles int
}

// DefaultOptions are chosen by measurement (TestSweep in measure_test.go,
// run with SITREP_DEDUP_SWEEP=1) on 8 invented corpora of 432 articles:
// 18 events in twin pairs (same kind, region and officials, other town and
// figures), 4 originals per event from 4 disjoint sets of sentence
// templates (~620 words; a tenth are 3-4 paragraph briefs), and 360 copies
// with 1-3 of: scraper menu and footer, 1-3 leading or trailing paragraphs
// dropped, a paragraph added, a dateline credit, 1% typos, a respelled
// name; a fifth are copies of copies.
//
// At these settings, worst corpus of the 8: link precision 1.000, recall of
// copy→source pairs 0.997, pairwise precision and recall of the resulting
// groups 1.000 and 1.000; LSH alone proposed all 2,880 copy→source pairs.
// Hard negatives from other templates reach Jaccard 0.11 and containment
// 0.33; true copies go down to containment 0.43 (a brief cut to two
// paragraphs inside a scraper page), first percentile 0.73. Twins written
// from the same templates, harder than asked for, reach containment 0.45.
// With 4-word shingles those twins reach 0.53 and link precision falls to
// 0.995 (0.87 with 3 words). Four rows per band (128 hashes, 32 bands) miss
// copies with Jaccard 0.25-0.4: copy recall 0.992, group recall 0.987.
// MinContainment between 0.45 and 0.55 scores the same; 0.6 loses copies.
func DefaultOptions() Options {
	return Options{
		Shingle:        5,
		Hashes:         64,
		Bands:          32,
		MinJaccard:     0.5,
		MinContainment: 0.5,
		MinShingles:    40,
	}
}

// maxBands follows from the key layout: the top keyTagBits bits of a key
// hold the band number (0 for the exact key), so keys of different bands
// can never be equal.
const (
	keyTagBits = 6
	maxBands   = 1<<keyTagBits - 1
	keyMask    = 1<<(64-keyTagBits) - 1
)

// Validate reports options that cannot work.
func (o Options) Validate() error {
	var errs []error
	if o.Shingle < 1 || o.Shingle > 32 {
		errs = append(errs, fmt.Errorf("dedup: Shingle %d outside 1..32", o.Shingle))
	}
	if o.Hashes < 1 || o.Hashes > 4096 {
		errs = append(errs, fmt.Errorf("dedup: Hashes %d outside 1..4096", o.Hashes))
	}
	if o.Bands < 1 || o.Bands > maxBands {
		errs = append(errs, fmt.Errorf("dedup: Bands %d outside 1..%d", o.Bands, maxBands))
	} else if o.Hashes >= 1 && o.Hashes%o.Bands != 0 {
		errs = append(errs, fmt.Errorf("dedup: Bands %d does not divide Hashes %d", o.Bands, o.Hashes))
	}
	// Written as !(in range) so that NaN is rejected too.
	if !(o.MinJaccard > 0 && o.MinJaccard <= 1) {
		errs = append(errs, fmt.Errorf("dedup: MinJaccard %v outside (0,1]", o.MinJaccard))
	}
	if !(o.MinContainment > 0 && o.MinContainment <= 1) {
		errs = append(errs, fmt.Errorf("dedup: MinContainment %v outside (0,1]", o.MinContainment))
	}
	if o.MinShingles < 0 {
		errs = append(errs, fmt.Errorf("dedup: MinShingles %d is negative", o.MinShingles))
	}
	return errors.Join(errs...)
}

// Hasher fingerprints and compares texts. It is immutable after New and
// safe for concurrent use; per-call buffers come from a pool.
type Hasher struct {
	opt  Options
	rows int
	// bandSeed[b] starts the hash of band b, so equal rows in different
	// bands still give unrelated keys before the tag is even added.
	bandSeed []uint64
}

// New returns a Hasher for valid options.
func New(opt Options) (*Hasher, error) {
	if err := opt.Validate(); err != nil {
		return nil, err
	}
	h := &Hasher{opt: opt, rows: opt.Hashes / opt.Bands, bandSeed: make([]uint64, opt.Bands)}
	for b := range h.bandSeed {
		h.bandSeed[b] = mix64(seedBand + uint64(b))
	}
	return h, nil
}

// Options returns the options the Hasher was made with.
func (h *Hasher) Options() Options { return h.opt }

// Fingerprint summarises one clean text.
type Fingerprint struct {
	// Exact is the xxh3 hash of Normalize(text); texts that differ only in
	// case, punctuation and spacing share it. It is 0 for a text without
	// words.
	Exact uint64
	// Keys are the LSH keys: one per band, then one derived from Exact.
	// Two texts are candidates when they share any key. Empty for a text
	// without words, so empty texts never pair up.
	Keys []uint64
	// Shingles are the sorted distinct hashes of the text's word shingles,
	// for exact verification. A text shorter than one shingle has a single
	// shingle, the hash of its whole normalised text.
	Shingles []uint64
	// Sketch is the MinHash signature in small: enough to estimate the
	// similarity of two texts without either text at hand.
	Sketch Sketch
}

// Seeds and salts; arbitrary odd constants that keep the derived hashes
// independent of one another.
const (
	seedBand    = 0x6a09e667f3bcc909
	seedExact   = 0xbb67ae8584caa73b
	seedDensify = 0x3c6ef372fe94f82b
)

// mix64 is a strong 64-bit finaliser (the splitmix64 output function):
// every input bit affects every output bit, which band keys need because
// their inputs are already hashes that differ in few places.
func mix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// scratch holds the buffers of one Fingerprint call. Pooling them keeps
// the hot path down to the allocations that the result itself needs.
type scratch struct {
	tok    tokenizer
	hashes []uint64
	spare  []uint64 // sortHashes scatters into it
	counts []int32
	sig    []uint64
	filled []uint64 // bitset over sig: bins that got a shingle of their own
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

func getScratch() *scratch { return scratchPool.Get().(*scratch) }

// putScratch drops buffers grown by an exceptional text, so that one huge
// input does not pin its memory in the pool for the life of the process.
func putScratch(s *scratch) {
	const keep = 1 << 20
	if cap(s.tok.buf) > keep {
		s.tok.buf = nil
	}
	if cap(s.tok.starts) > keep/4 || cap(s.hashes) > keep/8 || cap(s.spare) > keep/8 {
		s.tok.starts, s.hashes, s.spare = nil, nil, nil
	}
	scratchPool.Put(s)
}

// Fingerprint computes the fingerprint of one clean text.
func (h *Hasher) Fingerprint(text string) Fingerprint {
	fp, _ := h.fingerprintWords(text)
	return fp
}

// fingerprintWords also returns the word count, which Resolve needs and
// would otherwise tokenize the text a second time for.
func (h *Hasher) fingerprintWords(text string) (Fingerprint, int) {
	s := getScratch()
	defer putScratch(s)
	s.tok.run(text)
	n := s.tok.words()
	if n == 0 {
		return Fingerprint{}, 0
	}
	exact := xxh3.Hash(s.tok.buf)

	k := h.opt.Shingle
	hs := s.hashes[:0]
	if n < k {
		hs = append(hs, exact)
	} else {
		for i := 0; i+k <= n; i++ {
			hs = append(hs, xxh3.Hash(s.tok.span(i, i+k)))
		}
	}
	s.hashes = hs

	sig := h.signature(s, hs)

	hs = sortHashes(hs, s)
	hs = slices.Compact(hs)
	nk := h.opt.Bands + 1
	out := make([]uint64, nk+len(hs))
	keys := out[:nk:nk]
	for b := range h.opt.Bands {
		v := h.bandSeed[b]
		for _, x := range sig[b*h.rows : (b+1)*h.rows] {
			v = mix64(v ^ x)
		}
		keys[b] = uint64(b+1)<<(64-keyTagBits) | v&keyMask
	}
	keys[h.opt.Bands] = mix64(exact^seedExact) & keyMask
	copy(out[nk:], hs)
	sk := Sketch{Size: len(hs), Sig: make([]uint32, len(sig))}
	for i, v := range sig {
		sk.Sig[i] = uint32(v >> 32)
	}
	return Fingerprint{Exact: exact, Keys: keys, Shingles: out[nk:], Sketch: sk}, n
}

// sortHashes sorts shingle hashes, returning the sorted slice (hs itself or
// the scratch spare). Sorting is half the cost of a fingerprint with a
// general sort; hashes are uniform, so one counting pass on their top bits
// scatters them into buckets of about two, which insertion sort finishes.
// A bucket that comes out large (crafted input, or many duplicates) falls
// back to the general sort, so the worst case stays n log n.
func sortHashes(hs []uint64, s *scratch) []uint64 {
	n := len(hs)
	if n < 64 {
		slices.Sort(hs)
		return hs
	}
	shift := 64 - min(bits.Len(uint(n))-1, 14)
	nb := 1 << (64 - shift)
	counts := slices.Grow(s.counts[:0], nb+1)[:nb+1]
	clear(counts)
	for _, x := range hs {
		counts[x>>shift+1]++
	}
	for b := 1; b <= nb; b++ {
		counts[b] += counts[b-1]
	}
	out := slices.Grow(s.spare[:0], n)[:n]
	pos := counts[:nb]
	for _, x := range hs {
		b := x >> shift
		out[pos[b]] = x
		pos[b]++
	}
	// pos[b] is now the end of bucket b and the start of bucket b+1.
	start := 0
	for b := range nb {
		end := int(pos[b])
		bucket := out[start:end]
		if len(bucket) > 32 {
			slices.Sort(bucket)
		} else {
			for i := 1; i < len(bucket); i++ {
				for j := i; j > 0 && bucket[j] < bucket[j-1]; j-- {
					bucket[j], bucket[j-1] = bucket[j-1], bucket[j]
				}
			}
		}
		start = end
	}
	s.counts = counts
	// Swap buffers so the caller's slice and the pool keep both.
	s.spare, s.hashes = hs[:0], out
	return out
}

// signature computes a MinHash signature by one-permutation hashing: each
// shingle hash is used once, its high bits choosing one of Hashes bins and
// the whole value competing for that bin's minimum. This costs one
// multiply per shingle instead of one hash per shingle per signature value,
// and for equal-size bins the probability that two texts agree on a bin is
// still their Jaccard similarity.
//
// Short texts leave bins empty. They are filled by optimal densification
// (Shrivastava, 2017): an empty bin i probes bins chosen by a hash of
// (i, attempt) until it meets one that got a shingle of its own, and copies
// that bin's minimum. Because the probe sequence depends only on i, two
// texts with the same shingle set fill their gaps identically, and similar
// texts mostly borrow from the same places; unlike rotation (borrowing from
// the next filled bin), the borrowed bins are spread at random, so a run
// of empty bins does not copy one value many times, which would make the
// agreement of short texts swing far from their Jaccard similarity.
func (h *Hasher) signature(s *scratch, hs []uint64) []uint64 {
	nbin := h.opt.Hashes
	sig := slices.Grow(s.sig[:0], nbin)[:nbin]
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	words := (nbin + 63) / 64
	filled := slices.Grow(s.filled[:0], words)[:words]
	clear(filled)
	for _, x := range hs {
		b, _ := bits.Mul64(x, uint64(nbin))
		filled[b/64] |= 1 << (b % 64)
		if x < sig[b] {
			sig[b] = x
		}
	}
	s.sig, s.filled = sig, filled
	have := 0
	for _, w := range filled {
		have += bits.OnesCount64(w)
	}
	if have == nbin {
		return sig
	}
	isFilled := func(j uint64) bool { return filled[j/64]&(1<<(j%64)) != 0 }
	for i := range nbin {
		if isFilled(uint64(i)) {
			continue
		}
		// The attempt cap only bounds the worst case of a one-shingle text
		// and a large signature; the linear walk after it is just as
		// deterministic.
		var j uint64
		found := false
		for t := uint64(1); t <= 64*uint64(nbin); t++ {
			j, _ = bits.Mul64(mix64(seedDensify^uint64(i)<<32^t), uint64(nbin))
			if isFilled(j) {
				found = true
				break
			}
		}
		for !found {
			j = (j + 1) % uint64(nbin)
			found = isFilled(j)
		}
		sig[i] = sig[j]
	}
	return sig
}

// Match is the verdict on one pair of fingerprints.
type Match struct {
	// Exact is set when the normalised texts are equal.
	Exact bool
	// Jaccard is |A∩B|/|A∪B| and Containment |A∩B|/min(|A|,|B|), over
	// shingles.
	Jaccard, Containment float64
	// Copy is the verdict under the Hasher's options.
	Copy bool
}

// Compare measures two fingerprints on their full shingle sets. A text
// without words matches nothing, itself included.
func (h *Hasher) Compare(a, b Fingerprint) Match {
	na, nb := len(a.Shingles), len(b.Shingles)
	if na == 0 || nb == 0 {
		return Match{}
	}
	inter := intersectSorted(a.Shingles, b.Shingles)
	small := min(na, nb)
	m := Match{
		Exact:       a.Exact == b.Exact,
		Jaccard:     float64(inter) / float64(na+nb-inter),
		Containment: float64(inter) / float64(small),
	}
	m.Copy = m.Exact || m.Jaccard >= h.opt.MinJaccard ||
		(m.Containment >= h.opt.MinContainment && small >= h.opt.MinShingles)
	return m
}

// intersectSorted counts the values two sorted, distinct slices share.
func intersectSorted(a, b []uint64) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}
