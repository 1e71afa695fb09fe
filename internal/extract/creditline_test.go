package extract

import (
	"testing"

	"github.com/sitrep/sitrep/internal/model"
)

func TestCreditName(t *testing.T) {
	for _, tc := range []struct {
		line, want string
	}{
		{"Source: Velmar News Agency", "Velmar News Agency"},
		{"  Source :  Korvinform. ", "Korvinform"},
		{"Originally published by The Dravna Courier", "The Dravna Courier"},
		{"This article first appeared on Osk Today.", "Osk Today"},
		{"This story was originally published in Harbour Post", "Harbour Post"},
		{"Republished with permission of Meridian Wire", "Meridian Wire"},
		{"Courtesy of BorderWatch", "BorderWatch"},
		{"Source: velmar-news.example", ""}, // lower-case start: not a name as printed
		{"Source: Photo by Ana Ruiz", ""},
		{"Source: Ministry of Defence", ""},
		{"Source: Getty Images", ""},
		{"The source said the convoy left at dawn", ""},
		{"Source: a long sentence that goes on and on about several things", ""},
		{"Sources close to the council said on Monday that 14 trucks waited", ""},
		{"Source: 2025 census figures", ""},
	} {
		got, ok := creditName(tc.line)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("creditName(%q) = %q, %v; want %q", tc.line, got, ok, tc.want)
		}
	}
}

func TestCreditFromHTML(t *testing.T) {
	for _, tc := range []struct {
		name, page, want string
	}{
		{"trailing paragraph", `<article><p>Text of the story.</p><p class="credit">Source: <a href="x">Velmar News</a></p></article>`, "Velmar News"},
		{"last one wins", `<p>Source: First Wire</p><p>Body.</p><div>Originally published by Second Wire</div>`, "Second Wire"},
		{"figure credit ignored", `<figure><img src="a.jpg"><figcaption>Source: Osk Today</figcaption></figure><p>Body.</p>`, ""},
		{"mention in a sentence", `<p>According to the source: Velmar News said nothing.</p>`, ""},
		{"already known", `<p>Source: Velmar News</p>`, "Kept Agency"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var a model.Article
			if tc.name == "already known" {
				a.SetField(model.FieldCreditedSource, "Kept Agency", model.Provenance{From: "test"})
			}
			creditFromHTML(&a, []byte(tc.page))
			if a.CreditedSource != tc.want {
				t.Errorf("credited %q, want %q", a.CreditedSource, tc.want)
			}
			if tc.want != "" && tc.name != "already known" && a.Provenance[model.FieldCreditedSource].From != "html:credit-line" {
				t.Errorf("provenance %+v", a.Provenance[model.FieldCreditedSource])
			}
		})
	}
}

func TestCreditFromLines(t *testing.T) {
	var a model.Article
	creditFromLines(&a, "Menu\nHeadline\n\nBody text here.\n\nSource: Harbour Post\nAbout us\n")
	if a.CreditedSource != "Harbour Post" || a.Provenance[model.FieldCreditedSource].Evidence != "Source: Harbour Post" {
		t.Errorf("got %q %+v", a.CreditedSource, a.Provenance)
	}
}
