// Package storetest is the behaviour every store.Store backend must show,
// written once so that each backend runs the same checks.
package storetest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/store"
)

// Opener returns a new, empty store for one test. Run closes it.
type Opener func(t *testing.T) store.Store

// Run runs the whole suite against stores made by open.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(*testing.T, store.Store)
	}{
		{"RoundTrip", testRoundTrip},
		{"EmptyFields", testEmptyFields},
		{"IngestedAtDefault", testIngestedAtDefault},
		{"Idempotent", testIdempotent},
		{"SeenAtAnotherPath", testSeenAtAnotherPath},
		{"RepeatInsideBatch", testRepeatInsideBatch},
		{"Has", testHas},
		{"RawBytes", testRawBytes},
		{"SharedRawStoredOnce", testSharedRaw},
		{"GetByPrefix", testGetByPrefix},
		{"List", testList},
		{"Search", testSearch},
		{"SearchHostile", testSearchHostile},
		{"Update", testUpdate},
		{"UpdateUnknownRollsBack", testUpdateUnknown},
		{"InvalidRecordRejected", testInvalidRecord},
		{"FailingBatchRollsBack", testFailingBatch},
		{"EachStreamsInOrder", testEach},
		{"EachStopsOnError", testEachStops},
		{"Stats", testStats},
		{"Cancelled", testCancelled},
		{"Concurrent", testConcurrent},
		{"Articles", testArticles},
		{"CopyKeysWithBatch", testCopyKeysWithBatch},
		{"PutCopyKeys", testPutCopyKeys},
		{"ApplyCopies", testApplyCopies},
		{"GroupsMerge", testGroupsMerge},
		{"ApplyCopiesInvalid", testApplyCopiesInvalid},
		{"ResetCopies", testResetCopies},
		{"Settings", testSettings},
		{"ApplyAnalyses", testApplyAnalyses},
		{"ApplyAnalysesInvalid", testApplyAnalysesInvalid},
		{"ResetAnalyses", testResetAnalyses},
		{"AliasRules", testAliasRules},
		{"Stories", testStories},
		{"StoriesResetWithAnalyses", testStoriesResetWithAnalyses},
		{"StoryRules", testStoryRules},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			defer func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			}()
			tc.fn(t, s)
		})
	}
}

// Record builds a record the way the pipeline does: the content hash covers
// the raw bytes and the record index, the ID is its first 16 characters.
func Record(raw []byte, rawRecord int, a model.Article) store.Record {
	h := sha256.New()
	h.Write(raw)
	h.Write([]byte(strconv.Itoa(rawRecord)))
	a.ContentHash = hex.EncodeToString(h.Sum(nil))
	a.ID = a.ContentHash[:16]
	return store.Record{Article: a, Raw: raw, RawRecord: rawRecord}
}

// simple is a record with just enough fields to tell articles apart.
func simple(n int, title, text string) store.Record {
	raw := []byte(fmt.Sprintf(`{"n":%d,"title":%q,"text":%q}`, n, title, text))
	return Record(raw, 0, model.Article{
		Source: fmt.Sprintf("in.jsonl#%d", n), Path: "in.jsonl", Record: n,
		Container: model.FormatJSONL, Format: model.FormatText,
		Title: title, Text: text,
	})
}

func ctx() context.Context { return context.Background() }

func put(t *testing.T, s store.Store, recs ...store.Record) store.BatchResult {
	t.Helper()
	res, err := s.PutBatch(ctx(), recs)
	if err != nil {
		t.Fatalf("PutBatch: %v", err)
	}
	return res
}

func get(t *testing.T, s store.Store, id string) model.Article {
	t.Helper()
	a, err := s.Get(ctx(), id)
	if err != nil {
		t.Fatalf("Get(%q): %v", id, err)
	}
	return a
}

func stats(t *testing.T, s store.Store) store.Stats {
	t.Helper()
	st, err := s.Stats(ctx())
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	return st
}

func all(t *testing.T, s store.Store) []model.Article {
	t.Helper()
	var arts []model.Article
	if err := s.Each(ctx(), func(a model.Article) error { arts = append(arts, a); return nil }); err != nil {
		t.Fatalf("Each: %v", err)
	}
	return arts
}

func allRaw(t *testing.T, s store.Store) []store.RawInput {
	t.Helper()
	var ins []store.RawInput
	if err := s.EachRaw(ctx(), func(in store.RawInput) error { ins = append(ins, in); return nil }); err != nil {
		t.Fatalf("EachRaw: %v", err)
	}
	return ins
}

// diff names the fields in which two articles differ.
func diff(want, got model.Article) string {
	var out []string
	wv, gv := reflect.ValueOf(want), reflect.ValueOf(got)
	for i := range wv.NumField() {
		w, g := wv.Field(i).Interface(), gv.Field(i).Interface()
		if wt, ok := w.(time.Time); ok {
			if !wt.Equal(g.(time.Time)) || wt.Location() != g.(time.Time).Location() {
				out = append(out, fmt.Sprintf("%s: want %v, got %v", wv.Type().Field(i).Name, w, g))
			}
			continue
		}
		if !reflect.DeepEqual(w, g) {
			out = append(out, fmt.Sprintf("%s: want %#v, got %#v", wv.Type().Field(i).Name, w, g))
		}
	}
	return strings.Join(out, "\n")
}

func full() store.Record {
	raw := []byte("<html><head><title>Flood warning</title></head><body><p>GENEVA (Reuters) - Rivers rose…</p></body></html>")
	return Record(raw, 0, model.Article{
		Source: "crawl.warc#7", Path: "crawl.warc", Record: 7,
		Container: model.FormatWARC, Format: model.FormatHTML,
		URL: "https://example.org/news/flood?id=1&x=<y>", Title: "Flood warning",
		Outlet: "Example News", CreditedSource: "Reuters", Author: "A. Writer",
		Published: "2024-03-05", Language: "en",
		Text: "GENEVA (Reuters) - Rivers rose «fast» in Zürich; 東京 too. 🙂\nSecond line.",
		Provenance: map[string]model.Provenance{
			model.FieldTitle:     {From: "html:title"},
			model.FieldPublished: {From: "text:dateline", Evidence: "March 5, 2024", Span: &model.Span{Start: 3, End: 16}},
			model.FieldCreditedSource: {From: "text:dateline", Evidence: "(Reuters)",
				Span: &model.Span{Start: 7, End: 16}},
		},
		Extra: map[string]any{
			"tweet_id": json.Number("1234567890123456789"),
			"score":    json.Number("0.25"),
			"tags":     []any{"a", "b", json.Number("3")},
			"nested":   map[string]any{"ok": true, "none": nil, "s": "<&>"},
		},
		Warnings:   []string{"title from <title>", "no byline"},
		IngestedAt: time.Date(2024, 3, 6, 7, 8, 9, 123456789, time.FixedZone("CET", 3600)),
	})
}

func testRoundTrip(t *testing.T, s store.Store) {
	rec := full()
	res := put(t, s, rec)
	if res.Stored != 1 || res.AlreadyPresent != 0 || !slices.Equal(res.StoredIDs, []string{rec.Article.ID}) {
		t.Fatalf("PutBatch = %+v", res)
	}
	want := rec.Article
	want.IngestedAt = store.Timestamp(want.IngestedAt)
	if d := diff(want, get(t, s, want.ID)); d != "" {
		t.Errorf("Get round trip:\n%s", d)
	}
	if d := diff(want, all(t, s)[0]); d != "" {
		t.Errorf("Each round trip:\n%s", d)
	}
	listed, err := s.List(ctx(), store.ListOptions{WithText: true})
	if err != nil || len(listed) != 1 {
		t.Fatalf("List = %d articles, %v", len(listed), err)
	}
	if d := diff(want, listed[0]); d != "" {
		t.Errorf("List round trip:\n%s", d)
	}
}

func testEmptyFields(t *testing.T, s store.Store) {
	rec := Record([]byte("x"), 0, model.Article{
		Provenance: map[string]model.Provenance{}, Extra: map[string]any{}, Warnings: []string{},
		IngestedAt: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
	})
	put(t, s, rec)
	want := rec.Article
	want.Provenance, want.Extra, want.Warnings = nil, nil, nil
	if d := diff(want, get(t, s, want.ID)); d != "" {
		t.Errorf("round trip of empty fields:\n%s", d)
	}
}

func testIngestedAtDefault(t *testing.T, s store.Store) {
	before := time.Now().Add(-time.Second)
	rec := simple(1, "t", "x")
	put(t, s, rec)
	got := get(t, s, rec.Article.ID).IngestedAt
	if got.Before(before) || got.After(time.Now().Add(time.Second)) || got.Location() != time.UTC {
		t.Errorf("IngestedAt = %v, want about now in UTC", got)
	}
	if got.Nanosecond()%1000 != 0 {
		t.Errorf("IngestedAt = %v, want microsecond precision", got)
	}
}

func testIdempotent(t *testing.T, s store.Store) {
	recs := []store.Record{simple(1, "one", "first"), simple(2, "two", "second"), full()}
	put(t, s, recs...)
	arts, raws, st := all(t, s), allRaw(t, s), stats(t, s)
	sights := map[string][]store.Sighting{}
	for _, r := range recs {
		sg, err := s.Sightings(ctx(), r.Article.ID)
		if err != nil || len(sg) != 1 || sg[0].Source != r.Article.Source {
			t.Fatalf("Sightings(%s) = %v, %v; want its one source", r.Article.ID, sg, err)
		}
		sights[r.Article.ID] = sg
	}

	time.Sleep(2 * time.Millisecond) // so a rewritten timestamp would show
	for _, r := range recs {
		r.Article.IngestedAt = time.Time{}
	}
	res := put(t, s, recs...)
	if res.Stored != 0 || res.AlreadyPresent != 3 || res.NewSightings != 0 || len(res.StoredIDs) != 0 {
		t.Errorf("second PutBatch = %+v, want 3 already present and nothing else", res)
	}
	if !reflect.DeepEqual(arts, all(t, s)) {
		t.Error("articles changed on re-put")
	}
	if !reflect.DeepEqual(raws, allRaw(t, s)) {
		t.Error("raw inputs changed on re-put")
	}
	if !reflect.DeepEqual(st, stats(t, s)) {
		t.Errorf("stats changed on re-put: %+v -> %+v", st, stats(t, s))
	}
	for id, want := range sights {
		if got, _ := s.Sightings(ctx(), id); !reflect.DeepEqual(want, got) {
			t.Errorf("Sightings(%s) changed on re-put: %v -> %v", id, want, got)
		}
	}
}

func testSeenAtAnotherPath(t *testing.T, s store.Store) {
	rec := simple(1, "one", "first")
	put(t, s, rec)
	before := get(t, s, rec.Article.ID)

	moved := rec
	moved.Article.Source, moved.Article.Path = "copy/in.jsonl#1", "copy/in.jsonl"
	res := put(t, s, moved)
	if res.Stored != 0 || res.AlreadyPresent != 1 || res.NewSightings != 1 {
		t.Errorf("PutBatch from another path = %+v, want 1 already present, 1 new sighting", res)
	}
	if d := diff(before, get(t, s, rec.Article.ID)); d != "" {
		t.Errorf("article changed when seen at another path:\n%s", d)
	}
	sg, err := s.Sightings(ctx(), rec.Article.ID)
	if err != nil {
		t.Fatal(err)
	}
	var sources []string
	for _, x := range sg {
		sources = append(sources, x.Source)
	}
	slices.Sort(sources)
	if !slices.Equal(sources, []string{"copy/in.jsonl#1", "in.jsonl#1"}) {
		t.Errorf("sightings = %v", sources)
	}
	if res := put(t, s, moved); res.NewSightings != 0 || res.AlreadyPresent != 1 {
		t.Errorf("third PutBatch = %+v, want nothing new", res)
	}
	if _, err := s.Sightings(ctx(), "0000000000000000"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Sightings of unknown id: err = %v, want ErrNotFound", err)
	}
}

func testRepeatInsideBatch(t *testing.T, s store.Store) {
	a := simple(1, "one", "first")
	res := put(t, s, a, a)
	if res.Stored != 1 || res.AlreadyPresent != 1 {
		t.Errorf("batch with a repeat = %+v", res)
	}
	if n := stats(t, s).Articles; n != 1 {
		t.Errorf("%d articles, want 1", n)
	}
}

func testHas(t *testing.T, s store.Store) {
	a, b := simple(1, "one", "first"), simple(2, "two", "second")
	put(t, s, a)
	got, err := s.Has(ctx(), []string{a.Article.ContentHash, b.Article.ContentHash, "", "x' OR 1=1 --"})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, map[string]bool{a.Article.ContentHash: true}) {
		t.Errorf("Has = %v", got)
	}
	if got, err := s.Has(ctx(), nil); err != nil || len(got) != 0 {
		t.Errorf("Has(nil) = %v, %v", got, err)
	}
	many := make([]string, 5000)
	for i := range many {
		many[i] = fmt.Sprintf("%064x", i)
	}
	many[4321] = a.Article.ContentHash
	if got, err := s.Has(ctx(), many); err != nil || len(got) != 1 || !got[a.Article.ContentHash] {
		t.Errorf("Has(5000 hashes) = %v, %v", got, err)
	}
}

func testRawBytes(t *testing.T, s store.Store) {
	rng := rand.New(rand.NewPCG(1, 2))
	noise := make([]byte, 70000)
	for i := range noise {
		noise[i] = byte(rng.UintN(256))
	}
	inputs := map[string][]byte{
		"empty":  {},
		"noise":  noise,
		"html":   []byte(strings.Repeat("<p>Lorem ipsum dolor sit amet.</p>\r\n", 3000)),
		"binary": {0, 0xff, 0xfe, '\r', '\n', 0, 0x80},
		"utf8":   []byte("Zürich «東京» 🙂\x00tail"),
	}
	want := map[string][]byte{}
	var recs []store.Record
	for name, raw := range inputs {
		r := Record(raw, 0, model.Article{Source: name, Path: name, Container: model.FormatText})
		want[r.Article.ID] = raw
		recs = append(recs, r)
	}
	put(t, s, recs...)
	got := allRaw(t, s)
	if len(got) != len(want) {
		t.Fatalf("EachRaw gave %d inputs, want %d", len(got), len(want))
	}
	for _, in := range got {
		if w := want[in.ArticleID]; !slices.Equal(in.Raw, w) || len(in.Raw) != len(w) {
			t.Errorf("raw of %s (%s): %d bytes differ from the %d put", in.ArticleID, in.Source, len(in.Raw), len(w))
		}
		if in.Source != in.Path || in.Container != model.FormatText {
			t.Errorf("raw input %+v lost its source fields", in)
		}
	}
	st := stats(t, s)
	var size int64
	for _, raw := range inputs {
		size += int64(len(raw))
	}
	if st.Raws != len(inputs) || st.RawBytes != size {
		t.Errorf("stats: %d raws of %d bytes, want %d of %d", st.Raws, st.RawBytes, len(inputs), size)
	}
	if st.StoredRawBytes >= st.RawBytes {
		t.Errorf("stored raw bytes %d not below raw bytes %d: nothing compressed", st.StoredRawBytes, st.RawBytes)
	}
}

// feed builds the records of a feed file: every item carries the whole file.
func feed(name string, items int) (raw []byte, recs []store.Record) {
	var b strings.Builder
	b.WriteString("<rss><channel>")
	for i := range items {
		fmt.Fprintf(&b, "<item><title>Item %d of %s</title><description>Body %d</description></item>", i, name, i)
	}
	b.WriteString("</channel></rss>")
	raw = []byte(b.String())
	for i := range items {
		recs = append(recs, Record(raw, i, model.Article{
			Source: fmt.Sprintf("%s#%d", name, i+1), Path: name, Record: i + 1,
			Container: model.FormatFeed, Format: model.FormatHTML,
			Title: fmt.Sprintf("Item %d of %s", i, name), Text: fmt.Sprintf("Body %d", i),
		}))
	}
	return raw, recs
}

func testSharedRaw(t *testing.T, s store.Store) {
	raw, recs := feed("feed.xml", 5)
	put(t, s, recs[:3]...)
	// A copy, not the same slice: sharing must not depend on identity.
	rest := slices.Clone(recs[3:])
	for i := range rest {
		rest[i].Raw = slices.Clone(raw)
	}
	put(t, s, rest...)
	st := stats(t, s)
	if st.Articles != 5 || st.Raws != 1 || st.RawBytes != int64(len(raw)) {
		t.Errorf("stats = %+v, want 5 articles sharing 1 raw of %d bytes", st, len(raw))
	}
	records := map[int]bool{}
	for _, in := range allRaw(t, s) {
		if !slices.Equal(in.Raw, raw) {
			t.Errorf("%s: raw differs", in.Source)
		}
		records[in.RawRecord] = true
	}
	if len(records) != 5 {
		t.Errorf("raw records %v, want 0..4", records)
	}
}

// withID forces an ID and hash, for tests that need IDs with a known shape.
func withID(r store.Record, id string) store.Record {
	r.Article.ID = id
	r.Article.ContentHash = id + strings.Repeat("0", 64-len(id))
	return r
}

func testGetByPrefix(t *testing.T, s store.Store) {
	a := withID(simple(1, "a", ""), "abcd100000000001")
	b := withID(simple(2, "b", ""), "abcd200000000002")
	c := withID(simple(3, "c", ""), "abce000000000003")
	d := withID(simple(4, "d", ""), "ab")
	put(t, s, a, b, c, d)

	for q, want := range map[string]string{
		"abcd100000000001":               a.Article.ID,
		"abcd1":                          a.Article.ID,
		"abcd20000000000":                b.Article.ID,
		"abce":                           c.Article.ID,
		"ab":                             d.Article.ID, // exact, though shorter than a prefix may be
		c.Article.ContentHash:            c.Article.ID,
		a.Article.ContentHash[:20] + "f": "",
	} {
		got, err := s.Get(ctx(), q)
		switch {
		case want == "" && !errors.Is(err, store.ErrNotFound):
			t.Errorf("Get(%q): err = %v, want ErrNotFound", q, err)
		case want != "" && (err != nil || got.ID != want):
			t.Errorf("Get(%q) = %q, %v; want %q", q, got.ID, err, want)
		}
	}
	if _, err := s.Get(ctx(), "abcd"); !errors.Is(err, store.ErrAmbiguous) || !strings.Contains(err.Error(), a.Article.ID) {
		t.Errorf("Get(abcd): err = %v, want ErrAmbiguous naming the candidates", err)
	}
	for _, q := range []string{"", "a", "abc", "zzzz", "abcd3", "ABCD100000000001", "%", "ab%", "abc_", "abcd' OR '1'='1"} {
		if _, err := s.Get(ctx(), q); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Get(%q): err = %v, want ErrNotFound", q, err)
		}
	}
}

func testList(t *testing.T, s store.Store) {
	mk := func(n int, outlet, lang, published string) store.Record {
		r := simple(n, fmt.Sprintf("t%d", n), fmt.Sprintf("text %d", n))
		r.Article.Outlet, r.Article.Language, r.Article.Published = outlet, lang, published
		return r
	}
	recs := []store.Record{
		mk(1, "Reuters", "en", "2024-01-02"),
		mk(2, "Reuters", "de", "2024-01-05"),
		mk(3, "AP", "en", ""),
		mk(4, "AP", "en", "2024-01-05"),
		mk(5, "Le Monde", "fr", "2023-12-31"),
		mk(6, "", "", ""),
	}
	put(t, s, recs...)
	byN := map[string]int{}
	for i, r := range recs {
		byN[r.Article.ID] = i + 1
	}
	// Expected order: newest first, unknown dates last, ties by ID.
	tieFirst, tieSecond := 2, 4
	if recs[3].Article.ID < recs[1].Article.ID {
		tieFirst, tieSecond = 4, 2
	}
	undatedFirst, undatedSecond := 3, 6
	if recs[5].Article.ID < recs[2].Article.ID {
		undatedFirst, undatedSecond = 6, 3
	}
	list := func(opt store.ListOptions) []int {
		t.Helper()
		arts, err := s.List(ctx(), opt)
		if err != nil {
			t.Fatalf("List(%+v): %v", opt, err)
		}
		var ns []int
		for _, a := range arts {
			ns = append(ns, byN[a.ID])
			if opt.WithText != (a.Text != "") {
				t.Errorf("List(%+v): article %d has text %q", opt, byN[a.ID], a.Text)
			}
		}
		return ns
	}
	cases := []struct {
		opt  store.ListOptions
		want []int
	}{
		{store.ListOptions{}, []int{tieFirst, tieSecond, 1, 5, undatedFirst, undatedSecond}},
		{store.ListOptions{WithText: true, Limit: 2}, []int{tieFirst, tieSecond}},
		{store.ListOptions{Limit: 2, Offset: 2}, []int{1, 5}},
		{store.ListOptions{Offset: 5}, []int{undatedSecond}},
		{store.ListOptions{Offset: 50}, nil},
		{store.ListOptions{Outlet: "reuters"}, []int{2, 1}},
		{store.ListOptions{Outlet: "AP", Language: "EN"}, []int{4, 3}},
		{store.ListOptions{Language: "fr"}, []int{5}},
		{store.ListOptions{Since: "2024-01-02"}, []int{tieFirst, tieSecond, 1}},
		{store.ListOptions{Until: "2024-01-02"}, []int{1, 5}},
		{store.ListOptions{Since: "2024-01-03", Until: "2024-01-05", Outlet: "AP"}, []int{4}},
		{store.ListOptions{Outlet: "'; DROP TABLE articles; --"}, nil},
	}
	for _, c := range cases {
		if got := list(c.opt); !slices.Equal(got, c.want) {
			t.Errorf("List(%+v) = %v, want %v", c.opt, got, c.want)
		}
	}
	for _, bad := range []store.ListOptions{{Since: "2024-1-2"}, {Until: "yesterday"}, {Since: "2024-02-30"}, {Offset: -1}} {
		if _, err := s.List(ctx(), bad); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("List(%+v): err = %v, want ErrInvalid", bad, err)
		}
	}
}

// corpus puts articles for the search tests and returns their IDs by name.
func corpus(t *testing.T, s store.Store) map[string]string {
	docs := []struct{ name, title, text string }{
		{"headline", "Climate change talks stall", "Delegates met in Bonn on Tuesday to discuss emissions."},
		{"body", "Markets today", "Stocks fell. Analysts said climate risk was priced in, and change was slow."},
		{"phrase", "Weather", "A sudden change in climate policy surprised nobody."},
		{"other", "Football", "The match ended in a draw after extra time."},
		{"unicode", "Zürich und 東京", "Große Überschwemmung in Zürich; 東京 warnt. Emoji 🙂 ok."},
		{"sql", "Tables", "He typed DROP TABLE articles into the form; nothing happened."},
	}
	ids := map[string]string{}
	var recs []store.Record
	for i, d := range docs {
		r := simple(100+i, d.title, d.text)
		ids[d.name] = r.Article.ID
		recs = append(recs, r)
	}
	put(t, s, recs...)
	return ids
}

func search(t *testing.T, s store.Store, q string) []store.SearchHit {
	t.Helper()
	hits, err := s.Search(ctx(), q, 0)
	if err != nil {
		t.Fatalf("Search(%q): %v", q, err)
	}
	return hits
}

func hitIDs(hits []store.SearchHit) []string {
	var ids []string
	for _, h := range hits {
		ids = append(ids, h.Article.ID)
	}
	return ids
}

func testSearch(t *testing.T, s store.Store) {
	ids := corpus(t, s)

	hits := search(t, s, "climate")
	if len(hits) != 3 || hits[0].Article.ID != ids["headline"] {
		t.Fatalf("Search(climate) = %v, want 3 hits, the headline match first", hitIDs(hits))
	}
	for i, h := range hits {
		if !strings.Contains(strings.ToLower(h.Snippet), "[climate]") {
			t.Errorf("snippet %q lacks the marked word", h.Snippet)
		}
		if i > 0 && h.Rank > hits[i-1].Rank {
			t.Errorf("hits not in falling rank order: %v then %v", hits[i-1].Rank, h.Rank)
		}
		if h.Article.Title == "" || h.Article.Source == "" {
			t.Errorf("hit article lacks fields: %+v", h.Article)
		}
	}

	if got := hitIDs(search(t, s, `"climate change"`)); !slices.Equal(got, []string{ids["headline"]}) {
		t.Errorf(`Search("climate change") = %v, want only the headline`, got)
	}
	if got := hitIDs(search(t, s, `“change in climate”`)); !slices.Equal(got, []string{ids["phrase"]}) {
		t.Errorf(`Search(“change in climate”) = %v, want the phrase article`, got)
	}
	if got := search(t, s, "climate change"); len(got) != 3 {
		t.Errorf("Search(climate change) = %v, want the 3 articles with both words", hitIDs(got))
	}
	if got := search(t, s, "climate football"); len(got) != 0 {
		t.Errorf("Search(climate football) = %v, want none: all words must match", hitIDs(got))
	}
	if got := search(t, s, "clim*"); len(got) != 3 {
		t.Errorf("Search(clim*) = %v, want 3 prefix matches", hitIDs(got))
	}
	if got := hitIDs(search(t, s, "CLIMATE AND delegates")); !slices.Equal(got, []string{ids["headline"]}) {
		t.Errorf("Search(CLIMATE AND delegates) = %v", got)
	}
	for _, q := range []string{"東京", "Zürich", "überschwemmung"} {
		if got := hitIDs(search(t, s, q)); !slices.Equal(got, []string{ids["unicode"]}) {
			t.Errorf("Search(%q) = %v, want the unicode article", q, got)
		}
	}
	if got := hitIDs(search(t, s, "'; DROP TABLE articles; --")); !slices.Equal(got, []string{ids["sql"]}) {
		t.Errorf("Search(SQL fragment) = %v, want the article holding those words", got)
	}
	if hits, err := s.Search(ctx(), "climate", 1); err != nil || len(hits) != 1 {
		t.Errorf("Search with limit 1 = %d hits, %v", len(hits), err)
	}
	for _, q := range []string{"", "   ", "\t\n", `""`, "*", "()", "AND", "- ^ :"} {
		if _, err := s.Search(ctx(), q, 0); !errors.Is(err, store.ErrEmptyQuery) {
			t.Errorf("Search(%q): err = %v, want ErrEmptyQuery", q, err)
		}
	}
}

// hostile are queries that are FTS or SQL syntax, or bytes that break naive
// quoting. None may fail with anything but ErrEmptyQuery.
var hostile = []string{
	`"`, `"""`, `"unclosed phrase`, `climate"`, `cli"mate`, `"climate" "`,
	`(climate`, `climate)`, `(climate OR football)`, `NEAR(climate change)`, `NEAR(climate change, 2)`,
	`climate NEAR change`, `*climate`, `climate*`, `climate**`, `"climate"*`, `^climate`, `climate^`,
	`-climate`, `climate -change`, `+climate`, `NOT climate`, `climate NOT`, `climate OR`, `OR`, `NOT`,
	`climate AND`, `AND climate AND`, `title:climate`, `{title text}: climate`, `- title : x`, `:`, `a:b:c`,
	`'; DROP TABLE articles; --`, `' OR 1=1 --`, `"; DELETE FROM articles; --`, `%`, `_`, `\`, `\"`,
	"climate\x00change", "\xff\xfe climate", "climate\u200bchange", "🙂", "東京 OR", `ü`, "é" + "\u0301",
	`*"*"*`, `""""""`, `" "`, `(`, `)`, `{`, `}`, `[`, `]`, `.`, `,`, `;`, `'`, `''`,
	strings.Repeat("climate ", 200), strings.Repeat(`"`, 101), strings.Repeat("(", 500),
}

func testSearchHostile(t *testing.T, s store.Store) {
	corpus(t, s)
	before := stats(t, s).Articles
	for _, q := range hostile {
		if _, err := s.Search(ctx(), q, 0); err != nil && !errors.Is(err, store.ErrEmptyQuery) {
			t.Errorf("Search(%q): %v", q, err)
		}
	}
	if after := stats(t, s).Articles; after != before {
		t.Errorf("articles went from %d to %d", before, after)
	}
	if hits := search(t, s, "climate -change"); len(hits) != 3 {
		t.Errorf("Search(climate -change) = %d hits; a minus is text, not NOT", len(hits))
	}
}

func testUpdate(t *testing.T, s store.Store) {
	ids := corpus(t, s)
	old := get(t, s, ids["other"])
	upd := old
	upd.Title, upd.Text = "Rugby", "The scrum collapsed twice in the rain."
	upd.Format = model.FormatHTML
	upd.Outlet, upd.CreditedSource, upd.Author, upd.URL = "Sport Daily", "AFP", "B. Writer", "https://x.test/r"
	upd.Published, upd.Language = "2024-05-06", "en"
	upd.Provenance = map[string]model.Provenance{model.FieldTitle: {From: "reprocess"}}
	upd.Extra = map[string]any{"v": json.Number("2")}
	upd.Warnings = []string{"reprocessed"}
	// Identity fields are not the caller's to change.
	upd.Source, upd.Path, upd.Container, upd.IngestedAt = "elsewhere", "elsewhere", model.FormatFeed, time.Now()
	if err := s.Update(ctx(), []model.Article{upd}); err != nil {
		t.Fatal(err)
	}
	want := upd
	want.Source, want.Path, want.Container, want.IngestedAt = old.Source, old.Path, old.Container, old.IngestedAt
	if d := diff(want, get(t, s, old.ID)); d != "" {
		t.Errorf("after Update:\n%s", d)
	}
	if got := search(t, s, "football"); len(got) != 0 {
		t.Errorf("old text still found: %v", hitIDs(got))
	}
	if got := hitIDs(search(t, s, "scrum")); !slices.Equal(got, []string{old.ID}) {
		t.Errorf("new text not found: %v", got)
	}
	if got := hitIDs(search(t, s, "rugby")); !slices.Equal(got, []string{old.ID}) {
		t.Errorf("new title not found: %v", got)
	}
	// Updating with unchanged text must keep the index intact.
	if err := s.Update(ctx(), []model.Article{want}); err != nil {
		t.Fatal(err)
	}
	if got := hitIDs(search(t, s, "scrum")); !slices.Equal(got, []string{old.ID}) {
		t.Errorf("after a no-op update: %v", got)
	}
	if err := s.Update(ctx(), nil); err != nil {
		t.Errorf("Update(nil): %v", err)
	}
}

func testUpdateUnknown(t *testing.T, s store.Store) {
	ids := corpus(t, s)
	a := get(t, s, ids["other"])
	changed := a
	changed.Title = "Changed"
	err := s.Update(ctx(), []model.Article{changed, {ID: "ffffffffffffffff", Title: "ghost"}})
	if !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Update with unknown id: err = %v, want ErrNotFound", err)
	}
	if d := diff(a, get(t, s, a.ID)); d != "" {
		t.Errorf("failed Update changed an article:\n%s", d)
	}
	bad := a
	bad.Published = "05/06/2024"
	if err := s.Update(ctx(), []model.Article{bad}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("Update with a bad date: err = %v, want ErrInvalid", err)
	}
}

func testInvalidRecord(t *testing.T, s store.Store) {
	good := simple(1, "one", "first")
	noID := simple(2, "two", "second")
	noID.Article.ID = ""
	noHash := simple(3, "three", "third")
	noHash.Article.ContentHash = ""
	badDate := simple(4, "four", "fourth")
	badDate.Article.Published = "March 5"
	badExtra := simple(5, "five", "fifth")
	badExtra.Article.Extra = map[string]any{"f": func() {}}
	for name, bad := range map[string]store.Record{"empty id": noID, "empty hash": noHash, "bad date": badDate, "bad extra": badExtra} {
		res, err := s.PutBatch(ctx(), []store.Record{good, bad})
		if !errors.Is(err, store.ErrInvalid) {
			t.Errorf("%s: err = %v, want ErrInvalid", name, err)
		}
		if res.Stored != 0 || len(res.StoredIDs) != 0 {
			t.Errorf("%s: result %+v reports stored articles", name, res)
		}
	}
	if st := stats(t, s); st.Articles != 0 || st.Raws != 0 {
		t.Errorf("rejected batches left %+v", st)
	}
}

func testFailingBatch(t *testing.T, s store.Store) {
	first := simple(1, "one", "first")
	put(t, s, first)
	before := stats(t, s)

	_, feedRecs := feed("f.xml", 3)
	clash := simple(9, "nine", "ninth")
	clash.Article.ID = feedRecs[0].Article.ID // same ID, other content: fails in the database
	batch := append(slices.Clone(feedRecs), simple(2, "two", "second"), clash)
	res, err := s.PutBatch(ctx(), batch)
	if err == nil {
		t.Fatal("PutBatch with an ID clash succeeded")
	}
	if res.Stored != 0 || len(res.StoredIDs) != 0 {
		t.Errorf("failed batch reports %+v", res)
	}
	if after := stats(t, s); !reflect.DeepEqual(before, after) {
		t.Errorf("failed batch left traces: %+v -> %+v", before, after)
	}
	var hashes []string
	for _, r := range batch {
		hashes = append(hashes, r.Article.ContentHash)
	}
	if got, err := s.Has(ctx(), hashes); err != nil || len(got) != 0 {
		t.Errorf("Has after failed batch = %v, %v", got, err)
	}
	if res := put(t, s, batch[:4]...); res.Stored != 4 {
		t.Errorf("retry without the clash = %+v", res)
	}
}

func testEach(t *testing.T, s store.Store) {
	const n = 600 // more than one page of any sensible paging
	var recs []store.Record
	for i := range n {
		recs = append(recs, simple(i, fmt.Sprint("title ", i), fmt.Sprint("text ", i)))
	}
	put(t, s, recs[:n/2]...)
	put(t, s, recs[n/2:]...)
	arts := all(t, s)
	raws := allRaw(t, s)
	if len(arts) != n || len(raws) != n {
		t.Fatalf("Each gave %d, EachRaw %d, want %d", len(arts), len(raws), n)
	}
	for i := range arts {
		if arts[i].Text == "" {
			t.Fatalf("Each article %s without text", arts[i].ID)
		}
		if raws[i].ArticleID != arts[i].ID {
			t.Fatalf("EachRaw[%d] = %s, Each[%d] = %s", i, raws[i].ArticleID, i, arts[i].ID)
		}
		if i > 0 && arts[i-1].ID >= arts[i].ID {
			t.Fatalf("Each out of order at %d: %s then %s", i, arts[i-1].ID, arts[i].ID)
		}
	}
	// Writing from inside the walk must work: reprocessing does it.
	seen := 0
	err := s.EachRaw(ctx(), func(in store.RawInput) error {
		seen++
		if seen%100 != 0 {
			return nil
		}
		a, err := s.Get(ctx(), in.ArticleID)
		if err != nil {
			return err
		}
		a.Title += " (reprocessed)"
		return s.Update(ctx(), []model.Article{a})
	})
	if err != nil || seen != n {
		t.Errorf("EachRaw with updates: %d seen, %v", seen, err)
	}
}

func testEachStops(t *testing.T, s store.Store) {
	put(t, s, simple(1, "a", "x"), simple(2, "b", "y"), simple(3, "c", "z"))
	stop := errors.New("stop")
	calls := 0
	err := s.Each(ctx(), func(model.Article) error { calls++; return stop })
	if err != stop || calls != 1 {
		t.Errorf("Each: %d calls, err %v; want 1 call and the callback's error as is", calls, err)
	}
	calls = 0
	err = s.EachRaw(ctx(), func(store.RawInput) error { calls++; return stop })
	if err != stop || calls != 1 {
		t.Errorf("EachRaw: %d calls, err %v; want 1 call and the callback's error as is", calls, err)
	}
}

func testStats(t *testing.T, s store.Store) {
	st := stats(t, s)
	if st.Articles != 0 || st.Raws != 0 || st.RawBytes != 0 || len(st.ByFormat) != 0 {
		t.Errorf("empty store stats = %+v", st)
	}
	_, recs := feed("f.xml", 2)
	a := simple(1, "one", "first")
	a.Article.Language = "en"
	recs = append(recs, a, full())
	put(t, s, recs...)
	st = stats(t, s)
	want := store.Stats{
		Articles: 4, Raws: 3,
		ByFormat:    map[string]int{"html": 3, "text": 1},
		ByContainer: map[string]int{"feed": 2, "jsonl": 1, "warc": 1},
		ByLanguage:  map[string]int{"": 2, "en": 2},
		CopyPending: 4,
	}
	want.RawBytes, want.StoredRawBytes = st.RawBytes, st.StoredRawBytes
	if !reflect.DeepEqual(st, want) {
		t.Errorf("Stats = %+v, want %+v", st, want)
	}
	if st.RawBytes != int64(len(recs[0].Raw)+len(a.Raw)+len(recs[3].Raw)) || st.StoredRawBytes <= 0 {
		t.Errorf("raw bytes %d, stored %d", st.RawBytes, st.StoredRawBytes)
	}
}

func testCancelled(t *testing.T, s store.Store) {
	c, cancel := context.WithCancel(ctx())
	cancel()
	if _, err := s.PutBatch(c, []store.Record{simple(1, "a", "b")}); err == nil {
		t.Error("PutBatch with a cancelled context succeeded")
	}
	if st := stats(t, s); st.Articles != 0 {
		t.Errorf("cancelled PutBatch stored %d articles", st.Articles)
	}
	if _, err := s.List(c, store.ListOptions{}); err == nil {
		t.Error("List with a cancelled context succeeded")
	}
}

func testConcurrent(t *testing.T, s store.Store) {
	const workers, batches, size = 4, 5, 20
	var wg sync.WaitGroup
	errs := make(chan error, workers*2)
	for w := range workers {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for b := range batches {
				var recs []store.Record
				for i := range size {
					recs = append(recs, simple((w*batches+b)*size+i, "concurrent", "text"))
				}
				if _, err := s.PutBatch(ctx(), recs); err != nil {
					errs <- err
					return
				}
			}
		}()
		go func() {
			defer wg.Done()
			for range batches * 2 {
				if _, err := s.Search(ctx(), "concurrent", 5); err != nil {
					errs <- err
					return
				}
				if _, err := s.Stats(ctx()); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := stats(t, s).Articles; n != workers*batches*size {
		t.Errorf("%d articles, want %d", n, workers*batches*size)
	}
}
