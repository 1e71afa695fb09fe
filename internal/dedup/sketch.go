package dedup

import (
	"encoding/binary"
	"errors"
	"math"
)

// Sketch is what the store keeps of a fingerprint to screen candidates
// before their texts are read: the MinHash signature cut to 32 bits a value
// (two texts agree on a value with probability equal to their Jaccard
// similarity, and a chance agreement of 32-bit values is one in four
// billion) and the number of distinct shingles.
type Sketch struct {
	Size int
	Sig  []uint32
}

// MarshalBinary writes the size and the values, little-endian.
func (s Sketch) MarshalBinary() ([]byte, error) {
	b := make([]byte, 4+4*len(s.Sig))
	binary.LittleEndian.PutUint32(b, uint32(min(s.Size, math.MaxUint32)))
	for i, v := range s.Sig {
		binary.LittleEndian.PutUint32(b[4+4*i:], v)
	}
	return b, nil
}

// UnmarshalBinary reads what MarshalBinary wrote.
func (s *Sketch) UnmarshalBinary(b []byte) error {
	if len(b) < 4 || len(b)%4 != 0 {
		return errors.New("dedup: sketch of a bad length")
	}
	s.Size = int(binary.LittleEndian.Uint32(b))
	s.Sig = make([]uint32, (len(b)-4)/4)
	for i := range s.Sig {
		s.Sig[i] = binary.LittleEndian.Uint32(b[4+4*i:])
	}
	return nil
}

// screenSlack widens the thresholds for screening. The estimate from 64
// values has a standard deviation of at most 0.0625; three of them keep the
// chance of screening out a real copy below one in a thousand.
const screenSlack = 0.19

// Plausible says whether two texts could be copies by their sketches:
// false only when the estimated Jaccard and containment are both clearly
// below the thresholds, so the pair need not be compared on full texts.
// Sketches of another length (made with other options) are always
// plausible, as nothing can be told from them.
func (h *Hasher) Plausible(a, b Sketch) bool {
	if len(a.Sig) == 0 || len(a.Sig) != len(b.Sig) || a.Size == 0 || b.Size == 0 {
		return true
	}
	same := 0
	for i, v := range a.Sig {
		if v == b.Sig[i] {
			same++
		}
	}
	j := float64(same) / float64(len(a.Sig))
	if j >= h.opt.MinJaccard-screenSlack {
		return true
	}
	small := min(a.Size, b.Size)
	if small < h.opt.MinShingles {
		return false
	}
	// |A∩B| = J(|A|+|B|)/(1+J) for sets of those sizes.
	c := j * float64(a.Size+b.Size) / ((1 + j) * float64(small))
	return c >= h.opt.MinContainment-screenSlack
}
