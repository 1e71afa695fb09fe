package plaintext_test

import (
	"fmt"

	"github.com/sitrep/sitrep/internal/extract/plaintext"
	"github.com/sitrep/sitrep/internal/model"
)

func ExampleExtract() {
	body := `Home | Local | Sport | Weather
Library reopens after flood repairs
By Petra Holm
Published: 2 May 2024
LINDHOLM, May 2 (Nordwire) - The town library reopened on Thursday, eight months after a burst pipe flooded its basement archive and ruined several thousand books.

Volunteers spent the winter drying and sorting what could be saved, and the council paid for new shelving and a pump that switches on by itself.

"People kept asking when they could come back," the head librarian said. "Today they did."
Related stories
Swimming pool to close for the summer
© 2024 Lindholm Courier Ltd. All rights reserved.`
	st := plaintext.NewStats()
	st.Add(body, "courier.example")
	var a model.Article
	plaintext.Extract(&a, body, st, "courier.example")
	fmt.Println("title:", a.Title)
	fmt.Println("author:", a.Author)
	fmt.Println("published:", a.Published)
	fmt.Println("outlet:", a.Outlet)
	fmt.Println("credited:", a.CreditedSource, "from", a.Provenance[model.FieldCreditedSource].Evidence)
	fmt.Println(a.Text)
	// Output:
	// title: Library reopens after flood repairs
	// author: Petra Holm
	// published: 2024-05-02
	// outlet: Lindholm Courier
	// credited: Nordwire from LINDHOLM, May 2 (Nordwire)
	// The town library reopened on Thursday, eight months after a burst pipe flooded its basement archive and ruined several thousand books.
	//
	// Volunteers spent the winter drying and sorting what could be saved, and the council paid for new shelving and a pump that switches on by itself.
	//
	// "People kept asking when they could come back," the head librarian said. "Today they did."
}
