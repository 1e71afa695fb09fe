package eval

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
	"unicode"
)

// EntityRef is the entity and place part of a hand-made reference in the
// seeds layout (gold.json): entities with their aliases and the documents
// that mention them, places with coordinates. Documents are named by the
// first three characters of their file names ("000").
type EntityRef struct {
	TolKm    float64     `json:"tolerance_km"`
	Entities []RefEntity `json:"entities"`
	Places   []RefPlace  `json:"places"`
}

// RefEntity is a reference entity with the documents that mention it.
type RefEntity struct {
	Canonical string   `json:"canonical"`
	Type      string   `json:"type"`
	Aliases   []string `json:"aliases"`
	Docs      []string `json:"docs"`
}

// RefPlace is a reference place with its spellings.
type RefPlace struct {
	Name     string   `json:"name"`
	Variants []string `json:"variants"`
	Lat      float64  `json:"lat"`
	Lon      float64  `json:"lon"`
	Docs     []string `json:"docs"`
}

// LoadEntityRef reads a gold.json.
func LoadEntityRef(path string) (*EntityRef, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("entity reference: %w", err)
	}
	var r EntityRef
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("entity reference %s: %w", path, err)
	}
	if r.TolKm <= 0 {
		r.TolKm = 30
	}
	return &r, nil
}

// SysMention is one name the system found in a document, with the shared
// entity it was resolved to.
type SysMention struct {
	Text, Type, Entity, Canonical string
}

// SysPlace is one place the system put on the map.
type SysPlace struct {
	Text, Name string
	Lat, Lon   float64
}

// SysDoc is what the system found in one reference document.
type SysDoc struct {
	Mentions []SysMention
	Places   []SysPlace
}

// EntityReport scores entities, alias merges and places against the
// reference. The reference lists the names that matter, not every name,
// so only recall is measured.
type EntityReport struct {
	// Found counts (entity, document) pairs where one of the entity's
	// names was found; Typed those found with the right type.
	Found, Typed, Pairs int
	// Merged counts entities all of whose names found were resolved to one
	// shared entity, of MergeTotal entities with two or more names found.
	Merged, MergeTotal int
	// PlacesNear counts (place, document) pairs found within the
	// tolerance, PlacesFound those found at all.
	PlacesNear, PlacesFound, PlacePairs int
	TolKm                               float64
	// Errors explains every miss.
	Errors []string
}

func (r EntityReport) String() string {
	return fmt.Sprintf("entities: found %d/%d (%.3f), right type %d/%d; aliases merged %d/%d; places: found %d/%d, within %.0f km %d/%d (%.3f)",
		r.Found, r.Pairs, ratio(r.Found, r.Pairs), r.Typed, r.Pairs, r.Merged, r.MergeTotal,
		r.PlacesFound, r.PlacePairs, r.TolKm, r.PlacesNear, r.PlacePairs, ratio(r.PlacesNear, r.PlacePairs))
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// nameFold compares names the way a reader would: case, quotes, a leading
// "the", punctuation and spacing do not matter.
func nameFold(s string) string {
	s = strings.ToLower(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		case unicode.IsSpace(r) || r == '-':
			b.WriteByte(' ')
		}
	}
	f := strings.Fields(b.String())
	if len(f) > 0 && f[0] == "the" {
		f = f[1:]
	}
	if len(f) > 0 && (f[0] == "mr" || f[0] == "mrs" || f[0] == "ms") {
		f = f[1:]
	}
	return strings.Join(f, " ")
}

// ScoreEntities compares the system's findings per document with the
// reference.
func ScoreEntities(ref *EntityRef, sys map[string]SysDoc) EntityReport {
	rep := EntityReport{TolKm: ref.TolKm}
	for _, e := range ref.Entities {
		names := map[string]bool{nameFold(e.Canonical): true}
		for _, a := range e.Aliases {
			names[nameFold(a)] = true
		}
		ids := map[string][]string{}
		for _, d := range e.Docs {
			rep.Pairs++
			found, typed := false, false
			for _, m := range sys[d].Mentions {
				if names[nameFold(m.Text)] || names[nameFold(m.Canonical)] && names[nameFold(m.Text)] {
					found = true
					typed = typed || m.Type == e.Type
					ids[m.Entity] = append(ids[m.Entity], m.Text)
				}
			}
			if found {
				rep.Found++
			} else {
				rep.Errors = append(rep.Errors, fmt.Sprintf("missed %s %q in %s", e.Type, e.Canonical, d))
			}
			if typed {
				rep.Typed++
			} else if found {
				rep.Errors = append(rep.Errors, fmt.Sprintf("wrong type for %s %q in %s", e.Type, e.Canonical, d))
			}
		}
		forms := map[string]bool{}
		for _, texts := range ids {
			for _, t := range texts {
				forms[nameFold(t)] = true
			}
		}
		if len(forms) >= 2 {
			rep.MergeTotal++
			if len(ids) == 1 {
				rep.Merged++
			} else {
				var parts []string
				for id, texts := range ids {
					parts = append(parts, fmt.Sprintf("%s=%q", id, uniq(texts)))
				}
				sort.Strings(parts)
				rep.Errors = append(rep.Errors, fmt.Sprintf("names of %q split over %d entities: %s", e.Canonical, len(ids), strings.Join(parts, " ")))
			}
		}
	}
	for _, p := range ref.Places {
		names := map[string]bool{nameFold(p.Name): true}
		for _, v := range p.Variants {
			names[nameFold(v)] = true
		}
		for _, d := range p.Docs {
			rep.PlacePairs++
			best := math.Inf(1)
			var bestText string
			for _, sp := range sys[d].Places {
				if !names[nameFold(sp.Text)] && !names[nameFold(sp.Name)] {
					continue
				}
				if km := GreatCircleKm(p.Lat, p.Lon, sp.Lat, sp.Lon); km < best {
					best, bestText = km, sp.Text
				}
			}
			switch {
			case math.IsInf(best, 1):
				rep.Errors = append(rep.Errors, fmt.Sprintf("missed place %q in %s", p.Name, d))
			case best <= ref.TolKm:
				rep.PlacesFound++
				rep.PlacesNear++
			default:
				rep.PlacesFound++
				rep.Errors = append(rep.Errors, fmt.Sprintf("place %q in %s (as %q) is %.0f km off", p.Name, d, bestText, best))
			}
		}
	}
	return rep
}

func uniq(xs []string) []string {
	out := append([]string(nil), xs...)
	sort.Strings(out)
	j := 0
	for i, x := range out {
		if i == 0 || x != out[j-1] {
			out[j] = x
			j++
		}
	}
	return out[:j]
}
