package sqlite_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/sqlite"
)

func ExampleOpen() {
	dir, err := os.MkdirTemp("", "sitrep-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	db, err := sqlite.Open(filepath.Join(dir, "sitrep.db"))
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()

	// The caller derives the content hash from the raw bytes and the record
	// index, and the ID from the hash.
	raw := []byte(`{"title":"Flood warning","text":"Rivers rose overnight."}`)
	sum := sha256.Sum256(append(append([]byte{}, raw...), '0'))
	hash := hex.EncodeToString(sum[:])
	rec := store.Record{
		Article: model.Article{
			ID: hash[:16], ContentHash: hash,
			Source: "news.jsonl#1", Path: "news.jsonl", Record: 1,
			Container: model.FormatJSONL, Format: model.FormatText,
			Title: "Flood warning", Text: "Rivers rose overnight.", Published: "2024-03-05",
		},
		Raw: raw,
	}

	ctx := context.Background()
	res, err := db.PutBatch(ctx, []store.Record{rec})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("stored:", res.Stored)

	res, err = db.PutBatch(ctx, []store.Record{rec})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("stored again:", res.Stored, "already present:", res.AlreadyPresent)

	a, err := db.Get(ctx, rec.Article.ID[:6])
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.Title, a.Published)
	// Output:
	// stored: 1
	// stored again: 0 already present: 1
	// Flood warning 2024-03-05
}
