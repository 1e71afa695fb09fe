package source

import (
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"

	"github.com/sitrep/sitrep/internal/model"
)

// sniffLen is how much of a file detection looks at.
const sniffLen = 8 << 10

var (
	errEmpty      = errors.New("empty file")
	errBlank      = errors.New("empty file (only whitespace)")
	errBinary     = errors.New("binary file, not text")
	errJSONNotJSL = errors.New("JSON file is not JSON Lines (one object per line)")
)

// detect decides the format of a file from its name (without .gz) and its
// first bytes; complete says head is the whole file. What the content shows
// clearly wins over the extension, which only settles unclear cases.
func detect(name string, head []byte, complete bool) (model.Format, error) {
	if len(head) == 0 {
		return "", errEmpty
	}
	ext := strings.ToLower(filepath.Ext(name))
	if bytes.HasPrefix(head, []byte("WARC/")) {
		return model.FormatWARC, nil
	}
	if bytes.HasPrefix(head, []byte{0xff, 0xfe}) || bytes.HasPrefix(head, []byte{0xfe, 0xff}) {
		// UTF-16 text is full of NUL bytes, and nothing below can read it;
		// it is passed on for the extract stage to decode.
		if isHTMLExt(ext) {
			return model.FormatHTML, nil
		}
		return model.FormatText, nil
	}
	if isBinary(head) {
		return "", errBinary
	}
	t := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n\f\v")
	if len(t) == 0 {
		if complete {
			return "", errBlank
		}
		return model.FormatText, nil
	}

	switch t[0] {
	case '<':
		if f := sniffMarkup(t); f != "" {
			return f, nil
		}
		switch {
		case isHTMLExt(ext):
			return model.FormatHTML, nil
		case ext == ".rss" || ext == ".atom" || ext == ".xml" || ext == ".rdf":
			return model.FormatFeed, nil
		case ext == ".jsonl" || ext == ".ndjson":
			return model.FormatJSONL, nil
		case ext == ".warc":
			return model.FormatWARC, nil
		}
		if containsFold(t, "<html") || containsFold(t, "<body") {
			return model.FormatHTML, nil
		}
		return model.FormatText, nil
	case '{':
		if looksJSONL(t, complete) {
			return model.FormatJSONL, nil
		}
	}

	switch ext {
	case ".jsonl", ".ndjson", ".jsonlines":
		return model.FormatJSONL, nil
	case ".warc":
		return model.FormatWARC, nil
	case ".rss", ".atom":
		return model.FormatFeed, nil
	case ".json":
		if t[0] == '{' || t[0] == '[' {
			return "", errJSONNotJSL
		}
	}
	if isHTMLExt(ext) {
		return model.FormatHTML, nil
	}
	return model.FormatText, nil
}

func isHTMLExt(ext string) bool {
	switch ext {
	case ".html", ".htm", ".xhtml", ".shtml":
		return true
	}
	return false
}

// isBinary reports NUL bytes or more than one control byte in ten; text saved
// from the web has almost none besides whitespace and the odd ESC.
func isBinary(b []byte) bool {
	ctrl := 0
	for _, c := range b {
		switch {
		case c == 0:
			return true
		case c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x1b:
		case c < 0x20 || c == 0x7f:
			ctrl++
		}
	}
	return ctrl*10 > len(b)
}

// looksJSONL reports whether the first line is a JSON object. A first line
// that runs past the sniffing window cannot be checked whole; starting like
// an object with a key is taken as enough.
func looksJSONL(t []byte, complete bool) bool {
	line, _, found := bytes.Cut(t, []byte("\n"))
	if !found && !complete {
		rest := bytes.TrimLeft(line[1:], " \t\r")
		return len(rest) > 0 && rest[0] == '"'
	}
	line = bytes.TrimSpace(line)
	return len(line) > 1 && line[0] == '{' && json.Valid(line)
}

// htmlTags are elements that open saved pages or page fragments.
var htmlTags = map[string]bool{
	"html": true, "head": true, "body": true, "meta": true, "title": true,
	"link": true, "script": true, "style": true, "base": true, "div": true,
	"p": true, "span": true, "article": true, "section": true, "header": true,
	"footer": true, "nav": true, "main": true, "aside": true, "table": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"a": true, "img": true, "br": true, "hr": true, "ul": true, "ol": true,
	"form": true, "iframe": true, "noscript": true, "figure": true,
	"blockquote": true, "pre": true, "b": true, "i": true, "strong": true,
	"em": true, "center": true, "font": true,
}

// sniffMarkup looks past the XML declaration, comments and processing
// instructions at the first element (or an HTML doctype) and names the
// format it opens; "" when that is not clear.
func sniffMarkup(t []byte) model.Format {
	for {
		t = bytes.TrimLeft(t, " \t\r\n\f\v")
		switch {
		case len(t) < 2 || t[0] != '<':
			return ""
		case bytes.HasPrefix(t, []byte("<?")):
			i := bytes.Index(t, []byte("?>"))
			if i < 0 {
				return ""
			}
			t = t[i+2:]
		case bytes.HasPrefix(t, []byte("<!--")):
			i := bytes.Index(t[4:], []byte("-->"))
			if i < 0 {
				return ""
			}
			t = t[4+i+3:]
		case hasPrefixFold(t, "<!doctype"):
			rest := bytes.TrimLeft(t[len("<!doctype"):], " \t\r\n")
			if hasPrefixFold(rest, "html") {
				return model.FormatHTML
			}
			i := bytes.IndexByte(t, '>')
			if i < 0 {
				return ""
			}
			t = t[i+1:]
		default:
			end := 1
			for end < len(t) && isNameByte(t[end]) {
				end++
			}
			name := strings.ToLower(string(t[1:end]))
			local := name
			if i := strings.LastIndexByte(name, ':'); i >= 0 {
				local = name[i+1:]
			}
			switch {
			case local == "rss" || local == "feed" || local == "rdf":
				return model.FormatFeed
			case htmlTags[name]:
				return model.FormatHTML
			}
			return ""
		}
	}
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == ':' || c == '-' || c == '_' || c == '.'
}

func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && strings.EqualFold(string(b[:len(prefix)]), prefix)
}

func containsFold(b []byte, s string) bool {
	return bytes.Contains(bytes.ToLower(b), []byte(s))
}
