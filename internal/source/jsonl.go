package source

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/sitrep/sitrep/internal/model"
)

// Field names accepted for each hint, best first. Real exports disagree on
// names (scrapers, news APIs, dataset dumps), so common spellings are taken;
// the first one present with a usable value wins and the rest stay in Extra.
var (
	htmlKeys      = []string{"html", "raw_html", "content_html"}
	textKeys      = []string{"text", "maintext", "content_text", "content", "body"}
	urlKeys       = []string{"url", "link"}
	titleKeys     = []string{"title", "headline"}
	publishedKeys = []string{"published", "date", "pubDate", "published_at", "publish_date", "publishedAt", "date_publish"}
	outletKeys    = []string{"outlet", "source", "site", "site_name", "domain"}
	authorKeys    = []string{"author", "authors", "byline"}
	languageKeys  = []string{"language", "lang"}
)

func (w *walker) jsonl(path string, r *bufio.Reader) error {
	for n := 1; ; n++ {
		line, long, err := readLine(r, w.opt.MaxRecordBytes)
		if err != nil && err != io.EOF {
			return w.fail(path, readErr(err))
		}
		if len(line) == 0 && !long && err == io.EOF {
			return nil
		}
		var ferr error
		switch {
		case long:
			ferr = fmt.Errorf("line exceeds %d bytes", w.opt.MaxRecordBytes)
		case len(bytes.TrimSpace(line)) == 0:
		default:
			doc, derr := jsonlDoc(line)
			if derr != nil {
				ferr = derr
				break
			}
			doc.Source = fmt.Sprintf("%s#%d", path, n)
			doc.Path = path
			doc.Record = n
			doc.Container = model.FormatJSONL
			doc.Raw = line
			if err := w.doc(doc); err != nil {
				return err
			}
		}
		if ferr != nil {
			if err := w.failAt(path, fmt.Sprintf("%s:%d", path, n), ferr); err != nil {
				return err
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// readLine returns the next line without its line ending, in a fresh slice.
// A line longer than limit is consumed and dropped, reported by long.
func readLine(r *bufio.Reader, limit int) (line []byte, long bool, err error) {
	for {
		chunk, err := r.ReadSlice('\n')
		if !long {
			if len(line)+len(chunk) > limit+2 {
				long, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		line = bytes.TrimSuffix(line, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		if !long && len(line) > limit {
			long, line = true, nil
		}
		return line, long, err
	}
}

// jsonlDoc reads one JSON Lines record. Source, Path, Record, Container and
// Raw are left to the caller.
func jsonlDoc(line []byte) (model.RawDoc, error) {
	dec := json.NewDecoder(bytes.NewReader(line))
	// Numbers stay json.Number so large ids survive unchanged in Extra.
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return model.RawDoc{}, fmt.Errorf("invalid JSON: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return model.RawDoc{}, errors.New("invalid JSON: more data after the object")
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return model.RawDoc{}, fmt.Errorf("not a JSON object but %s", jsonKind(v))
	}

	doc := model.RawDoc{Format: model.FormatHTML}
	body, ok := takeBody(obj, htmlKeys)
	if !ok {
		doc.Format = model.FormatText
		if body, ok = takeBody(obj, textKeys); !ok {
			return model.RawDoc{}, errors.New("no text or html field")
		}
	}
	doc.Body = []byte(body)
	h := &doc.Hints
	h.URL = takeHint(obj, urlKeys)
	h.Title = takeHint(obj, titleKeys)
	h.Published = takeHint(obj, publishedKeys)
	h.Outlet = takeHint(obj, outletKeys)
	h.Author = takeHint(obj, authorKeys)
	h.Language = takeHint(obj, languageKeys)
	if len(obj) > 0 {
		h.Extra = obj
	}
	return doc, nil
}

// takeBody removes and returns the first key holding a non-blank string.
func takeBody(obj map[string]any, keys []string) (string, bool) {
	for _, k := range keys {
		if s, ok := obj[k].(string); ok && strings.TrimSpace(s) != "" {
			delete(obj, k)
			return s, true
		}
	}
	return "", false
}

// takeHint removes and returns the first key whose value reads as a string.
func takeHint(obj map[string]any, keys []string) string {
	for _, k := range keys {
		v, ok := obj[k]
		if !ok {
			continue
		}
		if s, ok := hintString(v); ok {
			delete(obj, k)
			return s
		}
	}
	return ""
}

// hintString reads the shapes hints come in: a string, a number (a Unix
// time, say), a list of names, or an object with a "name" (as news APIs
// give their source and authors).
func hintString(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		s := strings.TrimSpace(x)
		return s, s != ""
	case json.Number:
		return x.String(), true
	case map[string]any:
		return hintString(x["name"])
	case []any:
		parts := make([]string, 0, len(x))
		for _, e := range x {
			switch e.(type) {
			case string, map[string]any:
			default:
				return "", false
			}
			s, ok := hintString(e)
			if !ok {
				return "", false
			}
			parts = append(parts, s)
		}
		return strings.Join(parts, ", "), len(parts) > 0
	}
	return "", false
}

func jsonKind(v any) string {
	switch v.(type) {
	case []any:
		return "an array"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%T", v)
}
