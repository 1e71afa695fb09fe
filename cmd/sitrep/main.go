// Command sitrep turns a pile of news articles into a situation report.
package main

import (
	"os"

	"github.com/sitrep/sitrep/internal/cli"
)

func main() { os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
