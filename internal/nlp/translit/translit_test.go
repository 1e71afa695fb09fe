package translit

import "testing"

func fold(s string) string {
	out := ""
	for _, r := range s {
		if r >= 'a' && r <= 'z' {
			out += string(r)
		} else if m, ok := Fold(r); ok {
			out += m
		}
	}
	return out
}

func TestSkeleton(t *testing.T) {
	rules := NewRules([]Digraph{{"kh", "H"}, {"ch", "C"}, {"sh", "S"}, {"y", "i"}, {"j", "i"}, {"x", "ks"}}, true)
	loose := NewRules([]Digraph{{"kh", "h"}, {"ch", "h"}, {"y", "i"}, {"j", "i"}}, false)
	tests := []struct {
		r    *Rules
		a, b string
		same bool
		why  string
	}{
		{rules, "grayvoron", "grajvoron", true, "y/j after a vowel"},
		{rules, "tyotkino", "tetkino", true, "iotated o after a consonant is e"},
		{rules, "тёткино", "tyotkino", true, "Cyrillic ё"},
		{rules, "zelensky", "zelenskiy", true, "-y/-iy endings"},
		{rules, "aleksey", "alexei", true, "x is ks"},
		{rules, "khernov", "chernov", false, "kh and ch apart for names"},
		{loose, "kharkiv", "charkiw", false, "w is not v in these rules"},
		{loose, "kharkiv", "charkiv", true, "kh and ch one symbol for places"},
		{loose, "yolkin", "elkin", true, "iotated o at the start is e without the consonant rule"},
		{rules, "yolkin", "olkin", true, "iotated o at the start keeps its o with it"},
	}
	for _, tt := range tests {
		a, b := tt.r.Skeleton(fold(tt.a)), tt.r.Skeleton(fold(tt.b))
		if (a == b) != tt.same {
			t.Errorf("%s: %q → %q, %q → %q; same = %v, want %v", tt.why, tt.a, a, tt.b, b, a == b, tt.same)
		}
	}
}
