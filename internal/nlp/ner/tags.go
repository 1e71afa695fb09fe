package ner

// The label set is fixed so that a weight table is laid out the same way
// by every build; its order is part of the model file format.
var labels = [...]string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"}

const nLabels = len(labels)

func labelIndex(s string) int {
	for i, l := range labels {
		if l == s {
			return i
		}
	}
	return 0
}

// labelType is the entity type of a label, "" for O.
func labelType(l int) string {
	if l == 0 {
		return ""
	}
	return labels[l][2:]
}

// allowed reports whether label l may follow prev under BIO: an inside tag
// must continue an entity of its own type.
func allowed(prev, l int) bool {
	if l == 0 || l%2 == 1 {
		return true
	}
	return prev == l || prev == l-1
}
