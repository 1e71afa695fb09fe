package export

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/model"
)

func TestJSONLContract(t *testing.T) {
	a := model.Article{
		ID: "0123456789abcdef", Source: "feeds/x.xml#2", Text: "Body <b>", Format: model.FormatHTML,
		Container: model.FormatFeed, Title: "A & B",
	}
	a.SetField(model.FieldPublished, "2025-04-02", model.Provenance{From: "feed:published"})
	var buf bytes.Buffer
	w := NewJSONLWriter(&buf)
	if err := w.Write(a); err != nil {
		t.Fatal(err)
	}
	if err := w.Write(model.Article{ID: "b", Source: "c.txt", Text: "t"}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 2 || w.Count() != 2 {
		t.Fatalf("want 2 lines, got %d (count %d)", len(lines), w.Count())
	}
	if !strings.Contains(lines[0], `"title":"A & B"`) || !strings.Contains(lines[0], `"text":"Body <b>"`) {
		t.Errorf("HTML must not be escaped: %s", lines[0])
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(lines[1]), &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"id", "source", "url", "title", "outlet", "credited_source", "author", "published", "published_from", "language", "text", "dup_group", "duplicate_of", "copy_evidence"} {
		v, ok := m[k]
		if !ok {
			t.Errorf("contract field %q missing", k)
		}
		if k != "id" && k != "source" && k != "text" && v != nil {
			t.Errorf("unknown %q must be null, got %v", k, v)
		}
	}
	var first Record
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	if first.Published == nil || *first.Published != "2025-04-02" || first.PublishedFrom == nil || *first.PublishedFrom != "feed:published" {
		t.Errorf("published/published_from wrong: %+v %+v", first.Published, first.PublishedFrom)
	}
}

func TestJSONLCopyFields(t *testing.T) {
	copyOf := model.Article{ID: "c", Source: "c.txt", Text: "t", DupGroup: "ga", DuplicateOf: "a",
		CopyEvidence: &model.CopyEvidence{Of: "a", Method: "near", Jaccard: 0.71, Containment: 0.98, Credit: "Wire"}}
	original := model.Article{ID: "a", Source: "a.txt", Text: "t", DupGroup: "ga"}
	var buf bytes.Buffer
	w := NewJSONLWriter(&buf)
	for _, a := range []model.Article{copyOf, original} {
		if err := w.Write(a); err != nil {
			t.Fatal(err)
		}
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	var c, o map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &c); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(lines[1]), &o); err != nil {
		t.Fatal(err)
	}
	ev, _ := c["copy_evidence"].(map[string]any)
	if c["dup_group"] != "ga" || c["duplicate_of"] != "a" || ev["credit"] != "Wire" || ev["containment"] != 0.98 {
		t.Errorf("copy record: %v", c)
	}
	if o["dup_group"] != "ga" || o["duplicate_of"] != nil || o["copy_evidence"] != nil {
		t.Errorf("original record: %v", o)
	}
}
