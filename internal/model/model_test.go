package model

import "testing"

func TestSetField(t *testing.T) {
	var a Article
	a.SetField(FieldTitle, "Bridge reopens", Provenance{From: "text:title"})
	a.SetField(FieldAuthor, "", Provenance{From: "text:byline"})
	a.SetField("colour", "blue", Provenance{From: "x"})
	if a.Title != "Bridge reopens" || a.Provenance[FieldTitle].From != "text:title" {
		t.Errorf("title not set with provenance: %+v", a)
	}
	if _, ok := a.Provenance[FieldAuthor]; ok || a.Author != "" {
		t.Error("an empty value must leave no trace")
	}
	if _, ok := a.Provenance["colour"]; ok {
		t.Error("an unknown field must be ignored")
	}
	if f := (Failure{Source: "a.jsonl:3", Err: errString("invalid JSON")}); f.Error() != "a.jsonl:3: invalid JSON" {
		t.Errorf("failure message %q", f.Error())
	}
}

type errString string

func (e errString) Error() string { return string(e) }

func TestFieldMirrorsSetField(t *testing.T) {
	for _, f := range []string{FieldTitle, FieldOutlet, FieldCreditedSource, FieldAuthor, FieldPublished, FieldLanguage, FieldText, FieldURL} {
		var a Article
		a.SetField(f, "v-"+f, Provenance{From: "test"})
		if got := a.Field(f); got != "v-"+f {
			t.Errorf("Field(%q) = %q after SetField", f, got)
		}
	}
	var a Article
	if a.Field("colour") != "" {
		t.Error("unknown field must read as empty")
	}
}

func TestPublishedYear(t *testing.T) {
	a := Article{}
	if y := a.PublishedYear(); y != 0 {
		t.Errorf("unknown: %d", y)
	}
	a.Provenance = map[string]Provenance{FieldPublishedYear: {From: "text:copyright", Evidence: "2023"}}
	if y := a.PublishedYear(); y != 2023 {
		t.Errorf("copyright year: %d", y)
	}
	a.Published = "2024-03-15"
	if y := a.PublishedYear(); y != 2024 {
		t.Errorf("the date wins: %d", y)
	}
}
