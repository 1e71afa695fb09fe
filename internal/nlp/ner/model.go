package ner

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// weights is a hashed feature table: feature bucket b holds the scores of
// every label at w[b*nLabels:(b+1)*nLabels]. Hashing bounds the model size
// whatever the vocabulary of the corpora; collisions cost little at this size.
type weights struct {
	bits uint
	w    []float32
}

func newWeights(bits uint) *weights {
	return &weights{bits: bits, w: make([]float32, (1<<bits)*nLabels)}
}

func (m *weights) scores(feats []uint64, out *[nLabels]float32) {
	*out = [nLabels]float32{}
	mask := uint64(1)<<m.bits - 1
	for _, h := range feats {
		b := int((h^h>>29)&mask) * nLabels
		row := m.w[b : b+nLabels : b+nLabels]
		for l := range nLabels {
			out[l] += row[l]
		}
	}
}

func bucket(h uint64, bits uint) int {
	return int((h^h>>29)&(uint64(1)<<bits-1)) * nLabels
}

// The file is "SNER", a version byte, the table's bit width and the
// little-endian float32 table, gzip-compressed; most weights are zero, so
// it compresses well.
const fileMagic = "SNER\x01"

func (m *weights) write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(zw, 1<<16)
	bw.WriteString(fileMagic)
	bw.WriteByte(byte(m.bits))
	var buf [4]byte
	for _, v := range m.w {
		binary.LittleEndian.PutUint32(buf[:], math.Float32bits(v))
		bw.Write(buf[:])
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

func readWeights(r io.Reader) (*weights, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("ner: model: %w", err)
	}
	br := bufio.NewReaderSize(zr, 1<<16)
	head := make([]byte, len(fileMagic)+1)
	if _, err := io.ReadFull(br, head); err != nil {
		return nil, fmt.Errorf("ner: model: %w", err)
	}
	if string(head[:len(fileMagic)]) != fileMagic {
		return nil, errors.New("ner: model: not a sitrep NER model")
	}
	bits := uint(head[len(fileMagic)])
	if bits < 8 || bits > 26 {
		return nil, fmt.Errorf("ner: model: bad table size 2^%d", bits)
	}
	m := newWeights(bits)
	raw := make([]byte, 4*len(m.w))
	if _, err := io.ReadFull(br, raw); err != nil {
		return nil, fmt.Errorf("ner: model: %w", err)
	}
	for i := range m.w {
		m.w[i] = math.Float32frombits(binary.LittleEndian.Uint32(raw[4*i:]))
	}
	return m, nil
}
