package sqlite

import (
	"bytes"
	"compress/flate"
	"container/list"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"sync"
)

// Raw encodings, as named in raws.encoding.
const (
	encIdentity = "identity"
	encDeflate  = "deflate"
)

// flateWriters are reused because a flate.Writer allocates over half a
// megabyte of tables, far more than the 5 KB article it typically packs.
var flateWriters = sync.Pool{
	New: func() any {
		w, _ := flate.NewWriter(nil, flate.DefaultCompression)
		return w
	},
}

// encodeRaw compresses raw unless that would not make it smaller (already
// compressed inputs, tiny ones), in which case it is kept as is.
func encodeRaw(raw []byte) (encoding string, data []byte, err error) {
	if len(raw) == 0 {
		// A nil slice would be bound as NULL.
		return encIdentity, []byte{}, nil
	}
	var buf bytes.Buffer
	buf.Grow(len(raw) / 3)
	w := flateWriters.Get().(*flate.Writer)
	defer flateWriters.Put(w)
	w.Reset(&buf)
	if _, err := w.Write(raw); err != nil {
		return "", nil, err
	}
	if err := w.Close(); err != nil {
		return "", nil, err
	}
	if buf.Len() >= len(raw) {
		return encIdentity, raw, nil
	}
	return encDeflate, buf.Bytes(), nil
}

// decodeRaw restores the bytes of a raw input and checks them against the
// size and hash they were stored under, so that reprocessing never runs on
// silently damaged input.
func decodeRaw(hash string, size int64, encoding string, data []byte) ([]byte, error) {
	var raw []byte
	switch encoding {
	case encIdentity:
		raw = data
	case encDeflate:
		raw = make([]byte, size)
		r := flate.NewReader(bytes.NewReader(data))
		if _, err := io.ReadFull(r, raw); err != nil {
			return nil, fmt.Errorf("raw %s: decompress: %w", hash, err)
		}
		if n, _ := r.Read(make([]byte, 1)); n != 0 {
			return nil, fmt.Errorf("raw %s: longer than its recorded %d bytes", hash, size)
		}
	default:
		return nil, fmt.Errorf("raw %s: unknown encoding %q", hash, encoding)
	}
	if int64(len(raw)) != size {
		return nil, fmt.Errorf("raw %s: %d bytes, recorded %d", hash, len(raw), size)
	}
	if got := hashRaw(raw); got != hash {
		return nil, fmt.Errorf("raw %s: content hashes to %s", hash, got)
	}
	return raw, nil
}

func hashRaw(raw []byte) string {
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:])
}

// rawHasher hashes the raw inputs of one batch. The items of a feed file all
// carry the same Raw slice, so hashing by identity of the backing array
// turns a thousand passes over a large file into one.
type rawHasher map[rawKey]string

type rawKey struct {
	p *byte
	n int
}

func (h rawHasher) sum(raw []byte) string {
	if len(raw) == 0 {
		return hashRaw(raw)
	}
	k := rawKey{&raw[0], len(raw)}
	s, ok := h[k]
	if !ok {
		s = hashRaw(raw)
		h[k] = s
	}
	return s
}

// rawCache keeps recently decoded raw inputs up to a byte budget, dropping
// the least recently used.
type rawCache struct {
	budget, used int
	order        *list.List // of *rawEntry, most recent first
	byHash       map[string]*list.Element
}

type rawEntry struct {
	hash string
	raw  []byte
}

func newRawCache(budget int) *rawCache {
	return &rawCache{budget: budget, order: list.New(), byHash: map[string]*list.Element{}}
}

func (c *rawCache) get(hash string) ([]byte, bool) {
	e, ok := c.byHash[hash]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*rawEntry).raw, true
}

func (c *rawCache) put(hash string, raw []byte) {
	if len(raw) > c.budget/4 {
		// One huge input would flush everything else for a single reuse.
		return
	}
	c.byHash[hash] = c.order.PushFront(&rawEntry{hash, raw})
	c.used += len(raw)
	for c.used > c.budget {
		last := c.order.Back()
		ent := last.Value.(*rawEntry)
		c.order.Remove(last)
		delete(c.byHash, ent.hash)
		c.used -= len(ent.raw)
	}
}
