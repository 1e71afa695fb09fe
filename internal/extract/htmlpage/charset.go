package htmlpage

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/unicode/norm"
)

// metaCharsetRe finds a charset declaration anywhere in the head. The
// standard prescan stops after 1024 bytes, but many pages put a kilobyte of
// scripts or comments before their <meta charset>.
var metaCharsetRe = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`)

// prescanLimit bounds how far into the page the extended search looks.
const prescanLimit = 64 << 10

// toUTF8 returns body as valid, NFC-normalised UTF-8, the name of the
// encoding it was read as, and a note when the bytes needed repair (stray
// invalid bytes replaced, or an encoding guessed) rather than decoding.
//
// Bytes that are valid UTF-8 are taken as UTF-8 whatever the page declares:
// pages re-saved by crawlers and CMSs often keep a stale iso-8859-1 or
// windows-1252 declaration, and real single-byte text with accented letters
// is almost never valid UTF-8 by accident, so the bytes are the better
// witness. Otherwise the HTTP header, then the page's own declaration, then a
// statistical guess decide.
func toUTF8(body []byte, contentType string) ([]byte, string, string) {
	out, name, note := decode(body, contentType)
	// Soft hyphens only break words apart for the word metrics and for
	// search; NFC makes composed and decomposed accents compare equal.
	out = bytes.ReplaceAll(out, []byte("\u00ad"), nil)
	if !norm.NFC.IsNormal(out) {
		out = norm.NFC.Bytes(out)
	}
	return out, name, note
}

func decode(body []byte, contentType string) ([]byte, string, string) {
	enc, name, certain := charset.DetermineEncoding(body, contentType)
	bom := certain && !strings.Contains(strings.ToLower(contentType), "charset")
	if bom && name != "utf-8" {
		if out, err := enc.NewDecoder().Bytes(body); err == nil {
			return out, name, ""
		}
	}
	if utf8.Valid(body) {
		return body, "utf-8", ""
	}
	declared := ""
	if certain || name != "windows-1252" || hasMetaCharset(body[:min(len(body), 1024)]) {
		declared = name
	}
	if declared == "" {
		if m := metaCharsetRe.FindSubmatch(body[:min(len(body), prescanLimit)]); m != nil {
			if e, n := charset.Lookup(string(m[1])); e != nil {
				enc, declared = e, n
			}
		}
	}
	if declared == "utf-8" && mostlyUTF8(body) {
		// A few stray bytes in an otherwise UTF-8 page: keep the page and
		// mark the damage rather than reading it all as another charset.
		return bytes.ToValidUTF8(body, []byte("\uFFFD")), "utf-8", "invalid UTF-8 bytes replaced"
	}
	note := ""
	if declared == "" || declared == "utf-8" {
		enc, declared = guess(body)
		note = "no usable charset declared; read as " + declared + " (guessed)"
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return bytes.ToValidUTF8(body, []byte("\uFFFD")), "utf-8", "undecodable bytes replaced"
	}
	return bytes.ToValidUTF8(out, []byte("\uFFFD")), declared, note
}

// hasMetaCharset tells a real windows-1252 declaration apart from
// DetermineEncoding's default answer, which carries the same name.
func hasMetaCharset(head []byte) bool {
	return metaCharsetRe.Match(head)
}

// mostlyUTF8 reports whether at most 1 in 20 non-ASCII sequences is broken.
func mostlyUTF8(b []byte) bool {
	good, bad := 0, 0
	for len(b) > 0 {
		if b[0] < utf8.RuneSelf {
			b = b[1:]
			continue
		}
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n <= 1 {
			bad++
		} else {
			good++
		}
		b = b[n:]
	}
	return bad*20 <= good+bad
}

// guess picks an encoding for undeclared or wrongly declared bytes; it
// falls back to windows-1252, the web's de facto default, when the detector
// is unsure.
func guess(body []byte) (encoding.Encoding, string) {
	sample := body[:min(len(body), prescanLimit)]
	if r, err := chardet.NewHtmlDetector().DetectBest(sample); err == nil && r.Confidence >= 50 {
		if e, n := charset.Lookup(r.Charset); e != nil && n != "utf-8" {
			return e, n
		}
	}
	e, n := charset.Lookup("windows-1252")
	return e, n
}
