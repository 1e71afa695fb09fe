package source

import (
	"bytes"
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/model"
)

func TestDetect(t *testing.T) {
	long := `{"text":"` + strings.Repeat("w", sniffLen) // first line beyond the window
	tests := []struct {
		name, content string
		partial       bool // content is only the head of a longer file
		want          model.Format
		wantErr       error
	}{
		{"a.txt", "", false, "", errEmpty},
		{"a.txt", " \r\n\t", false, "", errBlank},
		{"a.txt", " \r\n\t", true, model.FormatText, nil},
		{"a.txt", "Plain words.", false, model.FormatText, nil},
		{"a", "Plain words.", false, model.FormatText, nil},
		{"a.html", "Plain words.", false, model.FormatHTML, nil},
		{"a.txt", "<!DOCTYPE html><p>x</p>", false, model.FormatHTML, nil},
		{"a.txt", "\xef\xbb\xbf\n  <html><body>x", false, model.FormatHTML, nil},
		{"a.txt", "<!-- saved from url=(0042)http://example.test/ -->\n<HTML>", false, model.FormatHTML, nil},
		{"a.txt", "<head><title>x</title>", false, model.FormatHTML, nil},
		{"a", "<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\">\n<html>", false, model.FormatHTML, nil},
		{"a.html", `<?xml version="1.0"?><rss version="2.0">`, false, model.FormatFeed, nil},
		{"a", `<?xml version="1.0"?><?xml-stylesheet href="s.xsl"?><!-- c --><feed xmlns="http://www.w3.org/2005/Atom">`, false, model.FormatFeed, nil},
		{"a", `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`, false, model.FormatFeed, nil},
		{"a.xml", `<?xml version="1.0"?><catalogue>`, false, model.FormatFeed, nil},
		{"a.rss", `<?xml version="1.0"`, true, model.FormatFeed, nil},
		{"a", `<catalogue><item>x</item></catalogue>`, false, model.FormatText, nil},
		{"a", `<custom>x</custom><body>y</body>`, false, model.FormatHTML, nil},
		{"a.txt", "{\"text\":\"x\"}\n{\"text\":\"y\"}\n", false, model.FormatJSONL, nil},
		{"a.html", "\n\n{\"text\":\"x\"}", false, model.FormatJSONL, nil},
		{"a", long, true, model.FormatJSONL, nil},
		{"a.txt", "{not json}\n", false, model.FormatText, nil},
		{"a.jsonl", "{not json}\n", false, model.FormatJSONL, nil},
		{"a.ndjson", "Plain words.", false, model.FormatJSONL, nil},
		{"a.json", "{\n \"a\": 1\n}", false, "", errJSONNotJSL},
		{"a.json", "[{\"a\": 1}]", false, "", errJSONNotJSL},
		{"a.json", "{\"a\": 1}", false, model.FormatJSONL, nil},
		{"a.txt", "WARC/1.0\r\nWARC-Type: warcinfo\r\n", true, model.FormatWARC, nil},
		{"a.warc", "not a warc", false, model.FormatWARC, nil},
		{"a.txt", "text\x00with a NUL", false, "", errBinary},
		{"a.warc", "\x00\x01\x02", false, "", errBinary},
		{"a.txt", "\x01\x02\x03\x04 mostly control", false, "", errBinary},
		{"a.txt", "caf\xe9 in Latin-1 \x1b[0m and an escape", false, model.FormatText, nil},
		{"a.htm", "\xff\xfe<\x00h\x00", false, model.FormatHTML, nil},
		{"a.txt", "\xfe\xff\x00<\x00h", false, model.FormatText, nil},
	}
	for _, tt := range tests {
		got, err := detect(tt.name, []byte(tt.content), !tt.partial)
		if got != tt.want || err != tt.wantErr {
			t.Errorf("detect(%q, %.40q) = %q, %v; want %q, %v", tt.name, tt.content, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestFeedTime(t *testing.T) {
	for in, want := range map[string]string{
		"Sun, 17 Mar 2024 06:00:00 +0100": "2024-03-17T06:00:00+01:00",
		"Sun, 3 Mar 2024 06:00 -0500":     "2024-03-03T06:00:00-05:00",
		"Sun, 17 Mar 2024 06:00:00 GMT":   "2024-03-17T06:00:00Z",
		"Sun, 17 Mar 2024 06:00:00 EST":   "Sun, 17 Mar 2024 06:00:00 EST",
		"2024-03-18T10:00:00.5+01:00":     "2024-03-18T10:00:00+01:00",
		" 17 March 2024 ":                 "17 March 2024",
		"":                                "",
	} {
		if got := feedTime(in); got != want {
			t.Errorf("feedTime(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestJSONLDoc(t *testing.T) {
	tests := []struct {
		line    string
		format  model.Format
		body    string
		hints   model.Hints
		wantErr string
	}{
		{line: `{"text":"Body."}`, format: model.FormatText, body: "Body."},
		{line: `{"html":"<p>B</p>","text":"B","content":"C"}`, format: model.FormatHTML, body: "<p>B</p>",
			hints: model.Hints{Extra: map[string]any{"text": "B", "content": "C"}}},
		{line: `{"html":"   ","text":"B"}`, format: model.FormatText, body: "B",
			hints: model.Hints{Extra: map[string]any{"html": "   "}}},
		{line: `{"maintext":"M","date_publish":"2024-01-02 03:04:05","source_domain":"x.example"}`, format: model.FormatText, body: "M",
			hints: model.Hints{Published: "2024-01-02 03:04:05", Extra: map[string]any{"source_domain": "x.example"}}},
		{line: `{"text":"T","published":1710000000,"authors":[{"name":"A. One"},"B. Two"],"site":"  Site  "}`, format: model.FormatText, body: "T",
			hints: model.Hints{Published: "1710000000", Author: "A. One, B. Two", Outlet: "Site"}},
		{line: `{"text":"T","author":["A",3],"source":{"id":"s"},"outlet":"","site_name":"N"}`, format: model.FormatText, body: "T",
			hints: model.Hints{Outlet: "N", Extra: map[string]any{"author": []any{"A", json.Number("3")}, "source": map[string]any{"id": "s"}, "outlet": ""}}},
		{line: `{"text":"T","language":null,"lang":"de","title":{"x":1}}`, format: model.FormatText, body: "T",
			hints: model.Hints{Language: "de", Extra: map[string]any{"language": nil, "title": map[string]any{"x": json.Number("1")}}}},
		{line: `{"text":"T", "url":"u"}` + " \r", format: model.FormatText, body: "T", hints: model.Hints{URL: "u"}},
		{line: `{"text":"\u00e9t\u00e9 \ud83c\udf0a"}`, format: model.FormatText, body: "été 🌊"},
		{line: `{"text":""}`, wantErr: "no text or html field"},
		{line: `{"text":5}`, wantErr: "no text or html field"},
		{line: `{}`, wantErr: "no text or html field"},
		{line: `null`, wantErr: "not a JSON object but null"},
		{line: `42`, wantErr: "not a JSON object but a number"},
		{line: `true`, wantErr: "not a JSON object but a boolean"},
		{line: `{"text":"a",}`, wantErr: "invalid JSON: invalid character '}' looking for beginning of object key string"},
		{line: `{"text":"a"}x`, wantErr: "invalid JSON: more data after the object"},
	}
	for _, tt := range tests {
		doc, err := jsonlDoc([]byte(tt.line))
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("%s: error %v, want %q", tt.line, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.line, err)
			continue
		}
		if doc.Format != tt.format || string(doc.Body) != tt.body || !reflect.DeepEqual(doc.Hints, tt.hints) {
			t.Errorf("%s:\n got  %s %q %#v\n want %s %q %#v", tt.line, doc.Format, doc.Body, doc.Hints, tt.format, tt.body, tt.hints)
		}
	}
}

func TestReadLine(t *testing.T) {
	w := &walker{ctx: context.Background(), opt: Options{MaxRecordBytes: 12}.withDefaults()}
	var got []string
	w.fn = func(it Item) error {
		if it.Doc != nil {
			got = append(got, it.Doc.Source+" "+string(it.Doc.Raw))
		} else {
			got = append(got, it.Failure.Error())
		}
		return nil
	}
	in := "{\"text\":1}\r\n" + `{"text":"` + strings.Repeat("x", 100000) + "\"}\n{\"text\":\"\"}\n\n{\"text\":\"a\"}"
	if err := w.stream("in.jsonl", strings.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	sameLines(t, got, []string{
		"in.jsonl:1: no text or html field",
		"in.jsonl:2: line exceeds 12 bytes",
		"in.jsonl:3: no text or html field",
		`in.jsonl#5 {"text":"a"}`,
	})
}

// fuzzStream reads in memory with small bounds and checks that every document
// decodes back from its Raw to the same value.
func fuzzStream(t *testing.T, name string, data []byte) {
	w := &walker{ctx: context.Background(), opt: Options{MaxFileBytes: 1 << 20, MaxDecompressed: 1 << 20, MaxRecordBytes: 1 << 16}}
	w.fn = func(it Item) error {
		if (it.Doc == nil) == (it.Failure == nil) {
			t.Fatal("item must hold exactly one of Doc and Failure")
		}
		if it.Failure != nil {
			if it.Failure.Err == nil || !strings.HasPrefix(it.Failure.Source, name) {
				t.Fatalf("bad failure %+v", it.Failure)
			}
			return nil
		}
		d := *it.Doc
		if d.Format != model.FormatText && d.Format != model.FormatHTML {
			t.Fatalf("body format %q", d.Format)
		}
		got, err := Decode(d.Container, d.Raw, d.RawRecord, d.Source, d.Path, d.Record)
		if err != nil {
			t.Fatalf("%s: decode: %v", d.Source, err)
		}
		if !bytes.Equal(got.Body, d.Body) || !reflect.DeepEqual(got.Hints, d.Hints) || got.Format != d.Format {
			t.Fatalf("%s: decode differs", d.Source)
		}
		return nil
	}
	if err := w.stream(name, bytes.NewReader(data)); err != nil {
		t.Fatalf("stream returned %v", err)
	}
}

func FuzzDetect(f *testing.F) {
	for _, s := range []struct{ name, data string }{
		{"a.txt", "Plain words."},
		{"a.html", "<!doctype html><title>x</title>"},
		{"a.rss", `<rss version="2.0"><channel><title>T</title><item><title>I</title><description>D &lt;b&gt;</description></item></channel></rss>`},
		{"a.atom", `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>E</title><content>C</content></entry></feed>`},
		{"a.jsonl", "{\"text\":\"x\",\"authors\":[\"a\"]}\n\n{bad\n"},
		{"a.warc", warcRecord("response", httpMsg("200 OK", "<p>x</p>", "Content-Type: text/html"), "Content-Type: application/http; msgtype=response")},
		{"a.gz", string(gz([]byte("{\"text\":\"z\"}\n")))},
		{"a.json", "[1]"},
	} {
		f.Add(s.name, []byte(s.data))
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		_, _ = detect(name, data, true)
		_ = sniffMarkup(data)
		fuzzStream(t, "fuzz-"+strings.ReplaceAll(name, "/", "_"), data)
	})
}

func FuzzJSONL(f *testing.F) {
	for _, s := range []string{
		`{"text":"x"}`,
		`{"html":"<p>x</p>","text":"x","published":12,"authors":["a",{"name":"b"}],"source":{"name":"S"}}`,
		"{\"text\":\"a\"}\n{\"text\":\"\\ud800\"}\r\n\n[1]\n{\"text\":\"b\"} 1",
		`{"text":"x","x":{"y":[1,2,{"z":null}]}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = jsonlDoc(data)
		fuzzStream(t, "fuzz.jsonl", data)
	})
}
