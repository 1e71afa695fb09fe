package dates_test

import (
	"fmt"

	"github.com/sitrep/sitrep/internal/extract/dates"
)

func ExampleNormalize() {
	for _, s := range []string{"Thu, 21 Mar 2024 10:15:00 GMT", "March 21, 2024", "21.03.2024", "March 2024"} {
		v, ok := dates.Normalize(s)
		fmt.Println(v, ok)
	}
	// Output:
	// 2024-03-21 true
	// 2024-03-21 true
	// 2024-03-21 true
	//  false
}

func ExampleFind() {
	for _, m := range dates.Find("Posted Thursday, March 21, 2024; updated 2024-03-22.") {
		fmt.Println(m.Value, m.Span.Start, m.Span.End, m.Text)
	}
	// Output:
	// 2024-03-21 7 31 Thursday, March 21, 2024
	// 2024-03-22 41 51 2024-03-22
}
