package dedup

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/zeebo/xxh3"
)

// benchTexts returns full-length invented articles (briefs excluded), with
// their mean size in bytes and words.
var benchTexts = sync.OnceValues(func() ([]string, [2]int) {
	c := newSynCorpus(7, synOptions{Events: 16, CopiesPerOrig: 2, ChainShare: 0.2, MaxEditsPerDoc: 3})
	var texts []string
	bytes, words := 0, 0
	for _, d := range c.docs {
		if !d.short {
			texts = append(texts, d.text)
			bytes += len(d.text)
			words += CountWords(d.text)
		}
	}
	return texts, [2]int{bytes / len(texts), words / len(texts)}
})

func BenchmarkFingerprint(b *testing.B) {
	texts, size := benchTexts()
	h, _ := New(DefaultOptions())
	b.SetBytes(int64(size[0]))
	b.ReportAllocs()
	i := 0
	start := time.Now()
	for b.Loop() {
		h.Fingerprint(texts[i%len(texts)])
		i++
	}
	b.ReportMetric(float64(i)/time.Since(start).Seconds(), "articles/s")
	b.ReportMetric(float64(size[1]), "words/article")
}

// BenchmarkFingerprintParallel runs on all GOMAXPROCS cores, as the
// pipeline does.
func BenchmarkFingerprintParallel(b *testing.B) {
	texts, size := benchTexts()
	h, _ := New(DefaultOptions())
	b.SetBytes(int64(size[0]))
	b.ReportAllocs()
	var n atomic.Int64
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		i := int(n.Add(1000)) // spread goroutines over the texts
		for pb.Next() {
			h.Fingerprint(texts[i%len(texts)])
			i++
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "articles/s")
	b.ReportMetric(float64(runtime.GOMAXPROCS(0)), "cores")
}

// kPermSignature is the classic alternative to one-permutation hashing:
// every signature value is the minimum of its own cheap permutation (a
// multiply and xor-shift) over all shingles. It is here only to measure
// what one-permutation hashing saves.
func kPermSignature(hs []uint64, sig []uint64) {
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	for _, x := range hs {
		for i := range sig {
			v := (x ^ uint64(i)*0x9e3779b97f4a7c15) * 0xbf58476d1ce4e5b9
			v ^= v >> 31
			if v < sig[i] {
				sig[i] = v
			}
		}
	}
}

// BenchmarkSignature compares the two ways of computing the signature on
// the shingles of one article.
func BenchmarkSignature(b *testing.B) {
	texts, _ := benchTexts()
	h, _ := New(DefaultOptions())
	fp := h.Fingerprint(texts[0])
	hs := slices.Clone(fp.Shingles)
	b.Run("one-permutation", func(b *testing.B) {
		s := new(scratch)
		for b.Loop() {
			h.signature(s, hs)
		}
	})
	b.Run("k-permutations", func(b *testing.B) {
		sig := make([]uint64, h.opt.Hashes)
		for b.Loop() {
			kPermSignature(hs, sig)
		}
	})
}

// benchKeys invents the keys of n articles in the layout Fingerprint
// gives (32 tagged band keys and an exact key); one in ten is a copy that
// shares half its band keys with an earlier article, so some keys hold
// several ids as in a real corpus.
func benchKeys(r *rand.Rand, n int, earlier [][]uint64) [][]uint64 {
	bands := DefaultOptions().Bands
	out := make([][]uint64, n)
	flat := make([]uint64, n*(bands+1))
	for a := range out {
		keys := flat[a*(bands+1) : (a+1)*(bands+1) : (a+1)*(bands+1)]
		for b := range bands {
			keys[b] = uint64(b+1)<<(64-keyTagBits) | r.Uint64()&keyMask
		}
		keys[bands] = r.Uint64() & keyMask
		pool := earlier
		if a > 0 && len(pool) == 0 {
			pool = out[:a]
		}
		if len(pool) > 0 && r.IntN(10) == 0 {
			src := pool[r.IntN(len(pool))]
			for b := 0; b < bands; b += 2 {
				keys[b] = src[b]
			}
		}
		out[a] = keys
	}
	return out
}

func heapInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

func cloneIndex(x *Index) *Index {
	y := &Index{keys: slices.Clone(x.keys), ids: slices.Clone(x.ids), used: x.used, adds: x.adds, more: make(map[uint64][]uint32, len(x.more))}
	for k, v := range x.more {
		y.more[k] = slices.Clone(v)
	}
	return y
}

// BenchmarkIndex times one Candidates lookup plus the Add of a new article
// on an index already holding size articles. The index is restored from a
// snapshot every size/10 operations so that it stays near its nominal size.
func BenchmarkIndex(b *testing.B) {
	for _, size := range []int{10_000, 1_000_000} {
		b.Run(fmt.Sprintf("articles=%d", size), func(b *testing.B) {
			r := rand.New(rand.NewPCG(uint64(size), 1))
			before := heapInUse()
			base := NewIndex()
			prefill := benchKeys(r, size, nil)
			for i, keys := range prefill {
				base.Add(uint32(i), keys)
			}
			keysBytes := int64(len(prefill)) * int64(len(prefill[0])) * 8
			heap := int64(heapInUse()-before) - keysBytes
			bytesPer := float64(base.Bytes()) / float64(base.Len())
			window := max(size/10, 1000)
			queries := benchKeys(r, window, prefill)
			x := cloneIndex(base)
			var dst []uint32
			found := 0
			i := 0
			b.ResetTimer()
			for b.Loop() {
				if i == window {
					b.StopTimer()
					x, i = cloneIndex(base), 0
					b.StartTimer()
				}
				dst = x.Candidates(queries[i], dst)
				found += len(dst)
				x.Add(uint32(size+i), queries[i])
				i++
			}
			b.ReportMetric(bytesPer, "bytes/article")
			b.ReportMetric(float64(heap)/float64(size), "heap-bytes/article")
			b.ReportMetric(float64(len(prefill[0])), "keys/article")
			runtime.KeepAlive(prefill)
		})
	}
}

// BenchmarkCompare times the exact verification of one candidate pair.
func BenchmarkCompare(b *testing.B) {
	texts, _ := benchTexts()
	h, _ := New(DefaultOptions())
	x, y := h.Fingerprint(texts[0]), h.Fingerprint(texts[1])
	for b.Loop() {
		h.Compare(x, y)
	}
}

// BenchmarkShingleHash times the hash of one five-word shingle, to show
// its share of BenchmarkFingerprint.
func BenchmarkShingleHash(b *testing.B) {
	w := []byte("the regional governor said the")
	var s uint64
	for b.Loop() {
		s += xxh3.Hash(w)
	}
	runtime.KeepAlive(s)
}
