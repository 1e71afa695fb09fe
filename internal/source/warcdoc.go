package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"strings"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/source/warc"
)

var errNoDoc = errors.New("record holds no HTML or plain-text document")

func (w *walker) warc(path string, r io.Reader) error {
	rd := warc.NewReader(r, w.opt.MaxRecordBytes)
	for {
		// Most records are skipped without an item, so cancellation is
		// checked here and not only when emitting.
		if err := w.ctx.Err(); err != nil {
			return err
		}
		rec, err := rd.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var re *warc.RecordError
			if !errors.As(err, &re) {
				return w.fail(path, readErr(err))
			}
			if err := w.failAt(path, fmt.Sprintf("%s#%d", path, re.Record), re.Err); err != nil {
				return err
			}
			if re.Resumable {
				continue
			}
			return nil
		}
		doc, err := warcDoc(rec, w.opt.MaxRecordBytes)
		if errors.Is(err, errNoDoc) {
			continue
		}
		if err := w.record(path, rec.Number, model.FormatWARC, rec.Raw, doc, err); err != nil {
			return err
		}
	}
}

func decodeWARC(raw []byte, limit int) (model.RawDoc, error) {
	rec, err := warc.NewReader(bytes.NewReader(raw), max(limit, len(raw))).Next()
	if err != nil {
		return model.RawDoc{}, err
	}
	return warcDoc(rec, limit)
}

// warcDoc builds the document a record holds, or returns errNoDoc for
// records that hold none (warcinfo, requests, metadata, images, redirects),
// which the walk skips without a failure.
func warcDoc(rec *warc.Record, limit int) (model.RawDoc, error) {
	extra := map[string]any{}
	var (
		body             []byte
		media, charset   string
		lang             string
		blockContentType = rec.Headers.Get("Content-Type")
	)
	switch strings.ToLower(rec.Type) {
	case "response":
		if !isHTTP(blockContentType, rec.Block) {
			body = rec.Block
			media, charset = mediaType(blockContentType)
			break
		}
		p, err := rec.HTTPResponse(limit)
		if err != nil {
			return model.RawDoc{}, err
		}
		if p.Status < 200 || p.Status > 299 {
			return model.RawDoc{}, errNoDoc
		}
		body, media, charset = p.Body, p.MediaType, p.Charset
		extra["http_status"] = p.Status
		if p.Truncated {
			extra["truncated"] = "body shorter than declared"
		}
		if v := p.Header.Get("Last-Modified"); v != "" {
			extra["last_modified"] = v
		}
		lang, _, _ = strings.Cut(p.Header.Get("Content-Language"), ",")
	case "resource":
		body = rec.Block
		media, charset = mediaType(blockContentType)
	default:
		return model.RawDoc{}, errNoDoc
	}

	var format model.Format
	switch media {
	case "text/html", "application/xhtml+xml":
		format = model.FormatHTML
	case "text/plain":
		format = model.FormatText
	case "":
		if sniffMarkup(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))) != model.FormatHTML {
			return model.RawDoc{}, errNoDoc
		}
		format = model.FormatHTML
	default:
		return model.RawDoc{}, errNoDoc
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return model.RawDoc{}, errNoDoc
	}
	if len(body) > limit {
		return model.RawDoc{}, fmt.Errorf("document exceeds %d bytes", limit)
	}

	if media != "" {
		extra["content_type"] = media
	}
	if charset != "" {
		extra["charset"] = charset
	}
	// WARC-Date is when the page was fetched, not when it was published;
	// it is kept apart so the extract stage never takes it for the latter.
	if v := rec.Headers.Get("WARC-Date"); v != "" {
		extra["crawled"] = v
	}
	if v := rec.Headers.Get("WARC-Record-ID"); v != "" {
		extra["warc_record_id"] = v
	}
	if v := rec.Headers.Get("WARC-Truncated"); v != "" {
		extra["truncated"] = v
	}
	doc := model.RawDoc{
		Format: format,
		Body:   body,
		Hints:  model.Hints{URL: rec.TargetURI(), Language: strings.TrimSpace(lang)},
	}
	if len(extra) > 0 {
		doc.Hints.Extra = extra
	}
	return doc, nil
}

// isHTTP tells an HTTP message block from a bare payload. Writers that leave
// out the block Content-Type are recognised by the status line.
func isHTTP(contentType string, block []byte) bool {
	ct := strings.ToLower(strings.TrimSpace(contentType))
	if strings.HasPrefix(ct, "application/http") {
		return true
	}
	return ct == "" && bytes.HasPrefix(block, []byte("HTTP/"))
}

func mediaType(ct string) (media, charset string) {
	if ct == "" {
		return "", ""
	}
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil && mt == "" {
		mt, _, _ = strings.Cut(ct, ";")
	}
	return strings.ToLower(strings.TrimSpace(mt)), params["charset"]
}
