package source

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/sitrep/sitrep/internal/model"
)

func (w *walker) feed(path string, raw []byte) error {
	f, err := parseFeed(raw)
	if err != nil {
		return w.fail(path, err)
	}
	if len(f.Items) == 0 {
		return w.fail(path, errors.New("feed has no items"))
	}
	for i := 1; i <= len(f.Items); i++ {
		doc, err := feedDoc(f, i, w.opt.MaxRecordBytes)
		// Every item shares the one feed file as its raw input; RawRecord
		// says which item it is.
		doc.RawRecord = i
		if err := w.record(path, i, model.FormatFeed, raw, doc, err); err != nil {
			return err
		}
	}
	return nil
}

func decodeFeed(raw []byte, item, limit int) (model.RawDoc, error) {
	f, err := parseFeed(raw)
	if err != nil {
		return model.RawDoc{}, err
	}
	return feedDoc(f, item, limit)
}

// parseFeed parses RSS, Atom or RDF from memory. The parser is third-party
// code fed untrusted input, so a panic in it becomes an error for this file
// instead of ending the batch.
func parseFeed(raw []byte) (f *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("parse feed: parser panicked: %v", r)
		}
	}()
	// A fresh parser per call: gofeed keeps state in its parsers.
	f, err = gofeed.NewParser().Parse(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("parse feed: %w", err)
	}
	return f, nil
}

// feedDoc builds the document for item i (1-based) of f, without the fields
// that say where it was read from.
func feedDoc(f *gofeed.Feed, i, limit int) (model.RawDoc, error) {
	if i < 1 || i > len(f.Items) {
		return model.RawDoc{}, fmt.Errorf("feed item %d out of range 1..%d", i, len(f.Items))
	}
	it := f.Items[i-1]
	if it == nil {
		return model.RawDoc{}, fmt.Errorf("feed item %d is empty", i)
	}
	extra := map[string]any{}
	body := it.Content
	if strings.TrimSpace(body) == "" {
		body = it.Description
	} else if strings.TrimSpace(it.Description) != "" {
		extra["description"] = it.Description
	}
	if strings.TrimSpace(body) == "" {
		return model.RawDoc{}, errors.New("item has neither content nor description")
	}
	if len(body) > limit {
		return model.RawDoc{}, fmt.Errorf("item body exceeds %d bytes", limit)
	}
	doc := model.RawDoc{Format: model.FormatText, Body: []byte(body)}
	if hasTag(body) {
		doc.Format = model.FormatHTML
	}

	link := it.Link
	if link == "" && len(it.Links) > 0 {
		link = it.Links[0]
	}
	published := feedTime(it.Published)
	if published == "" {
		published = feedTime(it.Updated)
	} else if u := feedTime(it.Updated); u != "" && u != published {
		extra["updated"] = u
	}
	lang := f.Language
	if lang == "" && it.DublinCoreExt != nil && len(it.DublinCoreExt.Language) > 0 {
		lang = it.DublinCoreExt.Language[0]
	}
	doc.Hints = model.Hints{
		URL:       strings.TrimSpace(link),
		Title:     strings.TrimSpace(it.Title),
		Published: published,
		Author:    personNames(it.Authors, it.Author),
		Outlet:    feedOutlet(f.Title),
		Language:  strings.TrimSpace(lang),
	}
	if it.GUID != "" {
		extra["guid"] = it.GUID
	}
	if len(it.Categories) > 0 {
		extra["categories"] = it.Categories
	}
	if len(f.Categories) > 0 {
		extra["feed_categories"] = f.Categories
	}
	if f.Link != "" {
		extra["feed_link"] = f.Link
	}
	if len(extra) > 0 {
		doc.Hints.Extra = extra
	}
	return doc, nil
}

// feedLayouts are the date forms feeds use in practice (RFC 822 and RFC 3339
// with their common slips).
var feedLayouts = []string{
	time.RFC3339Nano,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04 -0700",
	"2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 06 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 MST",
	"2 Jan 2006 15:04:05 MST",
}

// feedTime writes a feed date in RFC 3339 with the offset the feed gave, so
// the local publication date survives (gofeed's parsed times are in UTC,
// which can move an item to the previous or next day). A date it cannot
// read exactly, such as one with a zone abbreviation whose offset depends on
// the machine, is passed on as written for the extract stage.
func feedTime(s string) string {
	s = strings.TrimSpace(s)
	for _, l := range feedLayouts {
		t, err := time.Parse(l, s)
		if err != nil {
			continue
		}
		if strings.Contains(l, "MST") {
			if name, _ := t.Zone(); name != "UTC" && name != "GMT" {
				return s
			}
		}
		return t.Format(time.RFC3339)
	}
	return s
}

func personNames(ps []*gofeed.Person, p *gofeed.Person) string {
	if len(ps) == 0 && p != nil {
		ps = []*gofeed.Person{p}
	}
	var names []string
	for _, p := range ps {
		if p == nil {
			continue
		}
		n := strings.TrimSpace(p.Name)
		if n == "" {
			n = strings.TrimSpace(p.Email)
		}
		if n != "" {
			names = append(names, n)
		}
	}
	return strings.Join(names, ", ")
}

// hasTag reports whether s holds something shaped like a tag ("<p>",
// "</div>", "<br/>", "<!--"), which is what marks a feed body as HTML; a bare
// "a < b" does not count.
func hasTag(s string) bool {
	end := strings.LastIndexByte(s, '>')
	for i := 0; i+1 < end; i++ {
		if s[i] != '<' {
			continue
		}
		if c := s[i+1]; c == '/' || c == '!' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			return true
		}
	}
	return false
}

// feedOutlet reduces a feed's title to the outlet: feeds are usually titled
// "Outlet – Section" or "Outlet | Latest news", and the section is not the
// outlet's name.
func feedOutlet(title string) string {
	title = strings.TrimSpace(title)
	for _, sep := range []string{" – ", " — ", " | ", " - ", ": ", " :: "} {
		if i := strings.Index(title, sep); i >= 2 {
			return strings.TrimSpace(title[:i])
		}
	}
	return title
}
