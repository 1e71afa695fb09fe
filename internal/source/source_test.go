package source

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/model"
)

var (
	wantText  = []string{`harbour.txt text/text ""`}
	wantHTML  = []string{`lantern.html html/html ""`}
	wantJSONL = []string{
		`wire.jsonl#1 jsonl/html "Fair opens in the wind"`,
		`wire.jsonl#2 jsonl/text "Ferry timetable changes"`,
		`FAIL wire.jsonl:4: invalid JSON: unexpected EOF`,
		`FAIL wire.jsonl:5: no text or html field`,
		`wire.jsonl#7 jsonl/text "Wool prices steady"`,
	}
	wantRSS = []string{
		`coast.rss#1 feed/html "Lifeboat crew rescue stranded walkers"`,
		`coast.rss#2 feed/text "Storm warning for Sunday"`,
		`FAIL coast.rss#3: item has neither content nor description`,
	}
	wantAtom = []string{`valley.atom#1 feed/html "Mill reopens as community bakery"`}
	wantWARC = []string{
		`news.warc#3 warc/html "https://courier.example/fair"`,
		`news.warc#5 warc/text "https://courier.example/notice"`,
		`FAIL news.warc#8: missing Content-Length`,
		`news.warc#9 warc/html "https://gazette.example/mill"`,
		`news.warc#10 warc/html "https://gazette.example/cafe"`,
	}
)

// rename rewrites the file names in expected lines for a copy saved under
// another name.
func rename(lines []string, from, to string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.Replace(l, from, to, 1)
	}
	return out
}

func TestWalkFormats(t *testing.T) {
	fixtures := map[string]string{
		"harbour.txt": "articles/harbour.txt", "lantern.html": "articles/lantern.html",
		"wire.jsonl": "articles/wire.jsonl", "coast.rss": "feeds/coast.rss",
		"valley.atom": "feeds/valley.atom", "news.warc": "crawl/news.warc",
		"notes.html": "articles/notes.html",
	}
	data := func(name string) []byte { return fixture(t, fixtures[name]) }
	wire := data("wire.jsonl")
	half := bytes.Index(wire, []byte("\n\n")) + 1
	var members [][]byte
	for _, r := range newsWARC() {
		members = append(members, []byte(r))
	}

	tests := []struct {
		file string
		data []byte
		want []string
	}{
		{"harbour.txt", data("harbour.txt"), wantText},
		{"lantern.html", data("lantern.html"), wantHTML},
		{"wire.jsonl", wire, wantJSONL},
		{"coast.rss", data("coast.rss"), wantRSS},
		{"valley.atom", data("valley.atom"), wantAtom},
		{"news.warc", data("news.warc"), wantWARC},

		{"harbour.txt.gz", gz(data("harbour.txt")), rename(wantText, "harbour.txt", "harbour.txt.gz")},
		{"lantern.html.gz", gz(data("lantern.html")), rename(wantHTML, "lantern.html", "lantern.html.gz")},
		{"wire.jsonl.gz", gz(wire), rename(wantJSONL, "wire.jsonl", "wire.jsonl.gz")},
		{"coast.rss.gz", gz(data("coast.rss")), rename(wantRSS, "coast.rss", "coast.rss.gz")},
		{"valley.atom.gz", gz(data("valley.atom")), rename(wantAtom, "valley.atom", "valley.atom.gz")},
		{"news.warc.gz", gz(data("news.warc")), rename(wantWARC, "news.warc", "news.warc.gz")},
		{"per-record.warc.gz", gz(members...), rename(wantWARC, "news.warc", "per-record.warc.gz")},
		{"two-members.jsonl.gz", gz(wire[:half], wire[half:]), rename(wantJSONL, "wire.jsonl", "two-members.jsonl.gz")},

		// Content decides when it is clear, whatever the name says.
		{"page.txt", data("lantern.html"), []string{`page.txt html/html ""`}},
		{"page", data("lantern.html"), []string{`page html/html ""`}},
		{"dump.txt", wire, rename(wantJSONL, "wire.jsonl", "dump.txt")},
		{"feed.html", data("coast.rss"), rename(wantRSS, "coast.rss", "feed.html")},
		{"valley.json", data("valley.atom"), rename(wantAtom, "valley.atom", "valley.json")},
		{"crawl.dat", data("news.warc"), rename(wantWARC, "news.warc", "crawl.dat")},
		{"data.gz", gz(wire), rename(wantJSONL, "wire.jsonl", "data.gz")},
		{"plain.warc.gz", data("news.warc"), rename(wantWARC, "news.warc", "plain.warc.gz")},
		// The name decides when the content does not.
		{"notes.html", data("notes.html"), []string{`notes.html html/html ""`}},
		{"notes", data("notes.html"), []string{`notes text/text ""`}},
		{"story.jsonl", []byte("first line\n\nsecond line\n"), []string{
			`FAIL story.jsonl:1: invalid JSON: invalid character 'i' in literal false (expecting 'a')`,
			`FAIL story.jsonl:3: invalid JSON: invalid character 's' looking for beginning of value`,
		}},
	}
	root := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join(root, tt.file)
			writeFile(t, path, tt.data)
			sameLines(t, summary(collect(t, Options{}, path), root), tt.want)
		})
	}
}

func TestBadInput(t *testing.T) {
	root := t.TempDir()
	bomb := gz(bytes.Repeat([]byte("a"), 3<<20))
	sum := gz(fixture(t, "articles/harbour.txt"))
	sum[len(sum)-7] ^= 0xff // inside the CRC-32 trailer
	tests := []struct {
		file string
		data []byte // nil: no file is created
		opt  Options
		want []string
	}{
		{"binary.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), Options{}, []string{"FAIL binary.txt: binary file, not text"}},
		{"control.html", bytes.Repeat([]byte("ab\x01\x02\x03"), 50), Options{}, []string{"FAIL control.html: binary file, not text"}},
		{"binary.jsonl.gz", gz([]byte("{\x00\x00}")), Options{}, []string{"FAIL binary.jsonl.gz: binary file, not text"}},
		{"empty.txt", []byte{}, Options{}, []string{"FAIL empty.txt: empty file"}},
		{"empty.jsonl.gz", gz([]byte{}), Options{}, []string{"FAIL empty.jsonl.gz: empty file"}},
		{"blank.txt", []byte("  \n\t\r\n"), Options{}, []string{"FAIL blank.txt: empty file (only whitespace)"}},
		{"big.txt", bytes.Repeat([]byte("word "), 400), Options{MaxFileBytes: 1000},
			[]string{"FAIL big.txt: file is 2000 bytes, over the limit of 1000 bytes"}},
		{"bomb.txt.gz", bomb, Options{MaxDecompressed: 1 << 20},
			[]string{"FAIL bomb.txt.gz: decompressed size exceeds 1048576 bytes"}},
		{"bad-header.gz", []byte{0x1f, 0x8b, 0x09, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3}, Options{},
			[]string{"FAIL bad-header.gz: gzip: gzip: invalid header"}},
		{"truncated.txt.gz", gz(fixture(t, "articles/harbour.txt"))[:100], Options{},
			[]string{"FAIL truncated.txt.gz: gzip: unexpected EOF"}},
		{"checksum.txt.gz", sum, Options{}, []string{"FAIL checksum.txt.gz: gzip: invalid checksum"}},
		{"missing.txt", nil, Options{}, []string{"FAIL missing.txt: stat: no such file or directory"}},
		{"pretty.json", []byte("{\n  \"title\": \"x\"\n}\n"), Options{},
			[]string{"FAIL pretty.json: JSON file is not JSON Lines (one object per line)"}},
		{"long.html", fixture(t, "articles/lantern.html"), Options{MaxRecordBytes: 100},
			[]string{"FAIL long.html: document exceeds 100 bytes"}},
		{"long.jsonl", []byte(`{"text":"short"}` + "\n" + `{"text":"` + strings.Repeat("z", 200) + `"}` + "\n" + `{"text":"again"}`),
			Options{MaxRecordBytes: 100}, []string{`long.jsonl#1 jsonl/text ""`, "FAIL long.jsonl:2: line exceeds 100 bytes", `long.jsonl#3 jsonl/text ""`}},
		{"not-object.jsonl", []byte("[1,2]\n\"text\"\n{\"text\":\"a\"} {\"text\":\"b\"}\n{\"text\":42}\n"), Options{}, []string{
			"FAIL not-object.jsonl:1: not a JSON object but an array",
			"FAIL not-object.jsonl:2: not a JSON object but a string",
			"FAIL not-object.jsonl:3: invalid JSON: more data after the object",
			"FAIL not-object.jsonl:4: no text or html field",
		}},
		{"jsonl-bomb.jsonl.gz", gz(bytes.Repeat([]byte(`{"text":"tide"}`+"\n"), 100000)), Options{MaxDecompressed: 64},
			[]string{`jsonl-bomb.jsonl.gz#1 jsonl/text ""`, `jsonl-bomb.jsonl.gz#2 jsonl/text ""`, `jsonl-bomb.jsonl.gz#3 jsonl/text ""`,
				`jsonl-bomb.jsonl.gz#4 jsonl/text ""`, "FAIL jsonl-bomb.jsonl.gz: decompressed size exceeds 64 bytes"}},
		{"bomb.warc.gz", gz([]byte(strings.Join(newsWARC(), ""))), Options{MaxDecompressed: 1500}, []string{
			`bomb.warc.gz#3 warc/html "https://courier.example/fair"`, `bomb.warc.gz#5 warc/text "https://courier.example/notice"`,
			"FAIL bomb.warc.gz#6: read header: decompressed size exceeds 1500 bytes"}},
		{"broken.rss", []byte(`<rss version="2.0"><channel><title>x</title><item><title>a</ti`), Options{},
			[]string{"FAIL broken.rss: parse feed: XML syntax error on line 1: unexpected EOF"}},
		{"empty.rss", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>`), Options{},
			[]string{"FAIL empty.rss: feed has no items"}},
		{"junk.warc", []byte("this is not a warc\nat all\n"), Options{},
			[]string{`FAIL junk.warc#1: expected a WARC/ version line, found "this is not a warc"`}},
		{"short.warc", []byte(warcRecord("resource", "<p>cut</p>", "Content-Type: text/html")[:80]), Options{},
			[]string{"FAIL short.warc#1: block of 10 bytes (Content-Length) runs past the end of input, 2 bytes left: unexpected EOF"}},
		{"oversize.warc", []byte(warcRecord("resource", strings.Repeat("<p>long</p>", 30), "Content-Type: text/html") +
			warcRecord("resource", "<p>ok</p>", "Content-Type: text/html")), Options{MaxRecordBytes: 200},
			[]string{"FAIL oversize.warc#1: record is 409 bytes, over the limit of 200: record too large", `oversize.warc#2 warc/html ""`}},
		{"bad-http.warc", []byte(warcRecord("response", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br\r\n\r\nxx",
			"Content-Type: application/http; msgtype=response")), Options{},
			[]string{`FAIL bad-http.warc#1: unsupported Content-Encoding "br"`}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join(root, tt.file)
			if tt.data != nil {
				writeFile(t, path, tt.data)
			}
			sameLines(t, summary(collect(t, tt.opt, path), root), tt.want)
		})
	}
}

func TestUnreadable(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "a.txt"), []byte("first"))
	writeFile(t, filepath.Join(root, "z.txt"), []byte("last"))
	if err := os.Symlink(filepath.Join(root, "nowhere"), filepath.Join(root, "dangling.txt")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	want := []string{`a.txt text/text ""`, "FAIL dangling.txt: stat: no such file or directory", `z.txt text/text ""`}
	if os.Geteuid() != 0 {
		// Permissions do not bind root, so this part only runs unprivileged.
		writeFile(t, filepath.Join(root, "locked", "x.txt"), []byte("x"))
		writeFile(t, filepath.Join(root, "m.txt"), []byte("m"))
		os.Chmod(filepath.Join(root, "locked"), 0)
		os.Chmod(filepath.Join(root, "m.txt"), 0)
		defer os.Chmod(filepath.Join(root, "locked"), 0o755)
		want = []string{want[0], want[1], "FAIL locked: open: permission denied", "FAIL m.txt: open: permission denied", want[2]}
	}
	sameLines(t, summary(collect(t, Options{}, root), root), want)
}

func TestWalkOrder(t *testing.T) {
	root := t.TempDir()
	for _, f := range []string{"b.txt", "a/2.txt", "a/10.txt", "a/.hidden.txt", "a/.git/config.txt", "c/d/e.html", "_x.txt"} {
		writeFile(t, filepath.Join(root, f), []byte("some text in "+f))
	}
	paths := []string{root, filepath.Join(root, "a", ".hidden.txt"), filepath.Join(root, "b.txt"), root}
	want := []string{
		`_x.txt text/text ""`, `a/10.txt text/text ""`, `a/2.txt text/text ""`,
		`b.txt text/text ""`, `c/d/e.html html/html ""`,
		`a/.hidden.txt text/text ""`, `b.txt text/text ""`,
	}
	// Links: a loop back to the root, a link to a file, a link to a folder.
	if os.Symlink(root, filepath.Join(root, "a", "loop")) == nil &&
		os.Symlink(filepath.Join(root, "b.txt"), filepath.Join(root, "a", "link.txt")) == nil &&
		os.Symlink(filepath.Join(root, "c"), filepath.Join(root, "see")) == nil {
		want = []string{
			`_x.txt text/text ""`, `a/10.txt text/text ""`, `a/2.txt text/text ""`, `a/link.txt text/text ""`,
			`b.txt text/text ""`, `c/d/e.html html/html ""`,
			`a/.hidden.txt text/text ""`, `b.txt text/text ""`,
		}
	}
	for i := range want {
		want[i] = filepath.FromSlash(want[i])
	}
	first := summary(collect(t, Options{}, paths...), root)
	sameLines(t, first, want)
	sameLines(t, summary(collect(t, Options{}, paths...), root), first)
	if n := CountFiles(paths); n != len(want) {
		t.Errorf("CountFiles = %d, want %d", n, len(want))
	}
}

func TestWalkStops(t *testing.T) {
	dir := filepath.Join("testdata", "articles")
	stop := errors.New("stop")
	calls := 0
	err := Walk(context.Background(), []string{dir}, Options{}, func(Item) error { calls++; return stop })
	if err != stop || calls != 1 {
		t.Errorf("fn error: Walk returned %v after %d calls", err, calls)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	calls = 0
	err = Walk(ctx, []string{dir, filepath.Join("testdata", "crawl")}, Options{}, func(Item) error { calls++; return nil })
	if !errors.Is(err, context.Canceled) || calls != 0 {
		t.Errorf("cancelled: Walk returned %v after %d calls", err, calls)
	}
}

// TestDecodeRoundTrip checks that every document read by Walk comes back
// whole from what it keeps in Raw.
func TestDecodeRoundTrip(t *testing.T) {
	root := t.TempDir()
	var members [][]byte
	for _, r := range newsWARC() {
		members = append(members, []byte(r))
	}
	writeFile(t, filepath.Join(root, "per-record.warc.gz"), gz(members...))
	writeFile(t, filepath.Join(root, "wire.jsonl.gz"), gz(fixture(t, "articles/wire.jsonl")))
	items := collect(t, Options{}, "testdata", root)
	seen := map[model.Format]int{}
	for _, d := range docs(items) {
		seen[d.Container]++
		got, err := Decode(d.Container, d.Raw, d.RawRecord, d.Source, d.Path, d.Record)
		if err != nil {
			t.Errorf("%s: %v", d.Source, err)
			continue
		}
		if !reflect.DeepEqual(got, d) {
			t.Errorf("%s: Decode differs:\n got  %+v\n want %+v", d.Source, got, d)
		}
	}
	for _, f := range []model.Format{model.FormatText, model.FormatHTML, model.FormatJSONL, model.FormatWARC, model.FormatFeed} {
		if seen[f] == 0 {
			t.Errorf("no %s documents to round-trip", f)
		}
	}

	for _, tt := range []struct {
		container model.Format
		raw       string
		rawRecord int
		want      string
	}{
		{"pdf", "x", 0, `decode s: unknown container format "pdf"`},
		{model.FormatJSONL, `{"title":"t"}`, 0, "decode s: no text or html field"},
		{model.FormatFeed, string(fixture(t, "feeds/valley.atom")), 2, "decode s: feed item 2 out of range 1..1"},
		{model.FormatWARC, newsWARC()[0], 0, "decode s: record holds no HTML or plain-text document"},
		{model.FormatWARC, "", 0, "decode s: EOF"},
	} {
		if _, err := Decode(tt.container, []byte(tt.raw), tt.rawRecord, "s", "p", 1); err == nil || err.Error() != tt.want {
			t.Errorf("Decode(%s) error = %v, want %s", tt.container, err, tt.want)
		}
	}
}

func TestDocFields(t *testing.T) {
	items := collect(t, Options{}, "testdata")
	bySource := map[string]model.RawDoc{}
	for _, d := range docs(items) {
		bySource[filepath.ToSlash(d.Source)] = d
	}
	num := json.Number("9007199254740993")
	tests := []struct {
		source    string
		format    model.Format
		record    int
		rawRecord int
		body      string // a part of Body
		hints     model.Hints
	}{
		{"testdata/articles/harbour.txt", model.FormatText, 0, 0, "PORT ELLARD, 14 March 2024", model.Hints{}},
		{"testdata/articles/wire.jsonl#1", model.FormatHTML, 1, 0, "<b>gusty</b>", model.Hints{
			URL: "https://courier.example/fair", Title: "Fair opens in the wind", Published: "2024-03-14",
			Outlet: "The Ellard Courier", Author: "Mira Tallis", Language: "en",
			Extra: map[string]any{"text": "The harbour fair opened on a gusty morning.", "section": "local", "id": num},
		}},
		{"testdata/articles/wire.jsonl#2", model.FormatText, 2, 0, "twice a day", model.Hints{
			URL: "https://gazette.example/ferry", Title: "Ferry timetable changes", Published: "Tue, 19 Mar 2024 08:00:00 GMT",
			Outlet: "Valley Gazette", Author: "Ada Brook, Tom Weir", Language: "en",
			Extra: map[string]any{"tags": []any{"transport", "islands"}},
		}},
		{"testdata/articles/wire.jsonl#7", model.FormatText, 7, 0, "Wool prices", model.Hints{
			Title: "Wool prices steady", Published: "2024-03-20", Outlet: "Market Weekly",
			Extra: map[string]any{"published_at": "2024-03-21", "domain": "market.example"},
		}},
		{"testdata/feeds/coast.rss#1", model.FormatHTML, 1, 1, "<p>Two walkers were cut off", model.Hints{
			URL: "https://coastradio.example/lifeboat", Title: "Lifeboat crew rescue stranded walkers",
			Published: "2024-03-16T21:15:00Z", Outlet: "Coast Radio News", Author: "Nell Harker", Language: "en-gb",
			Extra: map[string]any{"description": "Two walkers were cut off by the tide.", "guid": "coast-1001",
				"categories": []string{"Rescue"}, "feed_categories": []string{"Regional"}, "feed_link": "https://coastradio.example/"},
		}},
		{"testdata/feeds/coast.rss#2", model.FormatText, 2, 2, "Forecasters expect gales", model.Hints{
			URL: "https://coastradio.example/storm", Title: "Storm warning for Sunday",
			Published: "2024-03-17T06:00:00+01:00", Outlet: "Coast Radio News", Language: "en-gb",
			Extra: map[string]any{"guid": "https://coastradio.example/storm",
				"feed_categories": []string{"Regional"}, "feed_link": "https://coastradio.example/"},
		}},
		{"testdata/feeds/valley.atom#1", model.FormatHTML, 1, 1, "<p>The old water mill", model.Hints{
			URL: "https://gazette.example/mill", Title: "Mill reopens as community bakery",
			Published: "2024-03-18T10:00:00+01:00", Outlet: "Valley Gazette", Author: "Ada Brook", Language: "en",
			Extra: map[string]any{"description": "The old mill has a new life.", "guid": "urn:example:valley-gazette:mill",
				"updated": "2024-03-19T09:00:00Z", "feed_link": "https://gazette.example/"},
		}},
		{"testdata/crawl/news.warc#3", model.FormatHTML, 3, 0, "<p>The harbour fair opened on a gusty morning", model.Hints{
			URL: "https://courier.example/fair",
			Extra: map[string]any{"http_status": 200, "content_type": "text/html", "charset": "utf-8",
				"crawled": "2024-03-20T10:00:00Z", "warc_record_id": "<urn:uuid:00000000-0000-0000-0000-000000000003>",
				"last_modified": "Thu, 14 Mar 2024 09:00:00 GMT"},
		}},
		{"testdata/crawl/news.warc#5", model.FormatText, 5, 0, "Road closure", model.Hints{
			URL:   "https://courier.example/notice",
			Extra: map[string]any{"http_status": 200, "content_type": "text/plain", "crawled": "2024-03-20T10:01:00Z"},
		}},
		{"testdata/crawl/news.warc#9", model.FormatHTML, 9, 0, "Fresh loaves", model.Hints{
			URL:   "https://gazette.example/mill",
			Extra: map[string]any{"content_type": "text/html", "crawled": "2024-03-20T11:00:00Z"},
		}},
		{"testdata/crawl/news.warc#10", model.FormatHTML, 10, 0, "caf\xe9 opened", model.Hints{
			URL: "https://gazette.example/cafe", Language: "fr",
			Extra: map[string]any{"http_status": 200, "content_type": "text/html", "charset": "ISO-8859-1",
				"crawled": "2024-03-20T12:00:00Z"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.source, func(t *testing.T) {
			d, ok := bySource[tt.source]
			if !ok {
				t.Fatalf("no document %s", tt.source)
			}
			if d.Format != tt.format || d.Record != tt.record || d.RawRecord != tt.rawRecord {
				t.Errorf("format %s record %d rawRecord %d", d.Format, d.Record, d.RawRecord)
			}
			if d.Path != strings.Split(filepath.FromSlash(tt.source), "#")[0] {
				t.Errorf("path %q", d.Path)
			}
			if !bytes.Contains(d.Body, []byte(tt.body)) {
				t.Errorf("body %q lacks %q", d.Body, tt.body)
			}
			if !reflect.DeepEqual(d.Hints, tt.hints) {
				t.Errorf("hints\n got  %#v\n want %#v", d.Hints, tt.hints)
			}
		})
	}
	if d := bySource["testdata/articles/wire.jsonl#2"]; string(d.Raw) != strings.Split(string(fixture(t, "articles/wire.jsonl")), "\n")[1] {
		t.Errorf("JSONL Raw is not the line: %q", d.Raw)
	}
}

func TestFeedOutlet(t *testing.T) {
	for in, want := range map[string]string{
		"Harbour Gazette – Politics":   "Harbour Gazette",
		"Valley Wire | Latest":         "Valley Wire",
		"North Star News - World":      "North Star News",
		"  The Daily Lantern  ":        "The Daily Lantern",
		"A - B":                        "A - B",
		"Coastline Post: Breaking now": "Coastline Post",
	} {
		if got := feedOutlet(in); got != want {
			t.Errorf("feedOutlet(%q) = %q, want %q", in, got, want)
		}
	}
}
