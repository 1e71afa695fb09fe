package dedup

import (
	"strings"
	"testing"
)

func TestSketchRoundTrip(t *testing.T) {
	h := mustNew(t, DefaultOptions())
	fp := h.Fingerprint(longText(3, 5))
	b, err := fp.Sketch.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var back Sketch
	if err := back.UnmarshalBinary(b); err != nil {
		t.Fatal(err)
	}
	if back.Size != len(fp.Shingles) || len(back.Sig) != DefaultOptions().Hashes {
		t.Fatalf("sketch size %d sig %d", back.Size, len(back.Sig))
	}
	for i, v := range back.Sig {
		if v != fp.Sketch.Sig[i] {
			t.Fatal("values changed in a round trip")
		}
	}
	for _, bad := range [][]byte{nil, {1, 2}, {1, 2, 3, 4, 5}} {
		if err := back.UnmarshalBinary(bad); err == nil {
			t.Errorf("accepted %v", bad)
		}
	}
}

// TestPlausible: the screen must pass every pair Compare calls a copy
// (it only saves reading texts), and should stop unrelated pairs.
func TestPlausible(t *testing.T) {
	h := mustNew(t, DefaultOptions())
	base := longText(7, 8)
	paras := strings.Split(base, "\n\n")
	related := []string{
		base,
		strings.Join(paras[:len(paras)/2], "\n\n"),                           // trimmed
		"Home | News | Sport\n\n" + base + "\n\nRelated stories\n\nAbout us", // wrapped
		strings.Join(paras[1:], "\n\n") + "\n\nOne paragraph more about the convoy and the border guards today.",
	}
	a := h.Fingerprint(base)
	for i, r := range related {
		b := h.Fingerprint(r)
		if m := h.Compare(a, b); m.Copy && !h.Plausible(a.Sketch, b.Sketch) {
			t.Errorf("related %d: a copy (J %.2f C %.2f) screened out", i, m.Jaccard, m.Containment)
		}
	}
	stopped := 0
	for seed := uint64(100); seed < 140; seed++ {
		b := h.Fingerprint(longText(seed, 8))
		if !h.Compare(a, b).Copy && !h.Plausible(a.Sketch, b.Sketch) {
			stopped++
		}
	}
	if stopped < 38 {
		t.Errorf("screen stopped %d of 40 unrelated texts", stopped)
	}
	if !h.Plausible(Sketch{}, a.Sketch) || !h.Plausible(Sketch{Size: 3, Sig: []uint32{1}}, a.Sketch) {
		t.Error("a sketch that tells nothing must not screen a pair out")
	}
}
