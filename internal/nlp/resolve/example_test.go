package resolve_test

import (
	"fmt"

	"github.com/sitrep/sitrep/internal/nlp/resolve"
)

func ExampleNameKey() {
	fmt.Println(resolve.NameKey("Aleksey Baranovsky") == resolve.NameKey("Alexei Baranovsky"))
	fmt.Println(resolve.NameKey("Legion “Freedom for Russia”") == resolve.NameKey("Freedom of Russia Legion"))
	fmt.Println(resolve.NameKey("Sergei Shoigu") == resolve.NameKey("Sergei Lavrov"))
	// Output:
	// true
	// true
	// false
}

func ExampleMatch() {
	a := resolve.Profile{Canonical: "Freedom of Russia Legion", Type: "ORG", Aliases: []string{"LSR"}}
	b := resolve.Profile{Canonical: "LSR", Type: "ORG"}
	d := resolve.Match(a, b)
	fmt.Println(d.Same, d.Reason)
	// Output:
	// true both known by the abbreviation LSR: "Freedom of Russia Legion" and "LSR"
}
