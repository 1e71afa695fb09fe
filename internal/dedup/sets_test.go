package dedup

import (
	"slices"
	"testing"
)

func TestSets(t *testing.T) {
	var s Sets
	if s.Find("a") != "a" {
		t.Fatal("a new label is its own set")
	}
	if !s.Union("a", "b") || !s.Union("c", "d") || s.Union("b", "a") {
		t.Fatal("Union reported wrongly whether sets were apart")
	}
	if s.Find("a") != s.Find("b") || s.Find("a") == s.Find("c") {
		t.Fatal("wrong sets after two unions")
	}
	s.Union("d", "b")
	root := s.Find("a")
	for _, l := range []string{"b", "c", "d"} {
		if s.Find(l) != root {
			t.Errorf("%s not merged", l)
		}
	}
	if s.Find("e") == root {
		t.Error("a new label joined an old set")
	}
	if got := s.Labels(); !slices.Equal(got, []string{"a", "b", "c", "d", "e"}) {
		t.Errorf("labels %v", got)
	}
}
