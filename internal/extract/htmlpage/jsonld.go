package htmlpage

import (
	"encoding/json"
	"strings"
)

// ldInfo is what sitrep reads from a page's schema.org JSON-LD: only the
// article-level facts, taken from the first article-like object.
type ldInfo struct {
	headline  string
	published string
	authors   []string
	publisher string
}

// maxLDBytes bounds the JSON-LD decoded per page; real blocks are a few
// kilobytes, while some sites inline whole product catalogues.
const maxLDBytes = 1 << 20

// articleTypes are the schema.org types whose author and dates describe the
// page's article rather than the site or a listed item.
var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "blogposting": true,
	"reportagenewsarticle": true, "analysisnewsarticle": true,
	"opinionnewsarticle": true, "backgroundnewsarticle": true,
	"reviewnewsarticle": true, "report": true, "scholarlyarticle": true,
	"techarticle": true, "liveblogposting": true, "posting": true,
	"socialmediaposting": true, "medicalwebpage": true, "webpage": true,
	"howto": true, "recipe": true, "review": true, "creativework": true,
}

func parseLD(blocks []string) ldInfo {
	var info ldInfo
	var best map[string]any
	bestRank := 0
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 8 {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e, depth+1)
			}
		case map[string]any:
			if r := ldRank(x); r > bestRank {
				best, bestRank = x, r
			}
			for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage", "itemListElement"} {
				if c, ok := x[k]; ok {
					visit(c, depth+1)
				}
			}
		}
	}
	total := 0
	for _, b := range blocks {
		total += len(b)
		if total > maxLDBytes {
			break
		}
		var v any
		if err := json.Unmarshal([]byte(cleanLD(b)), &v); err != nil {
			continue
		}
		visit(v, 0)
	}
	if best == nil {
		return info
	}
	info.headline = squash(ldString(best["headline"]))
	if info.headline == "" {
		info.headline = squash(ldString(best["name"]))
	}
	info.published = ldString(best["datePublished"])
	if info.published == "" {
		info.published = ldString(best["dateCreated"])
	}
	info.authors = ldNames(best["author"])
	if len(info.authors) == 0 {
		info.authors = ldNames(best["creator"])
	}
	if p := ldNames(best["publisher"]); len(p) > 0 {
		info.publisher = p[0]
	}
	return info
}

// ldRank orders candidate objects: news and blog types first, then generic
// pages, so a site-wide WebPage block does not hide the article's.
func ldRank(m map[string]any) int {
	best := 0
	for _, t := range ldTypes(m["@type"]) {
		t = strings.ToLower(t)
		switch {
		case strings.Contains(t, "newsarticle") || t == "blogposting" || t == "article" || t == "liveblogposting":
			best = max(best, 3)
		case articleTypes[t] && t != "webpage" && t != "creativework":
			best = max(best, 2)
		case articleTypes[t]:
			best = max(best, 1)
		}
	}
	return best
}

func ldTypes(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case []any:
		for _, e := range x {
			if s := ldString(e); s != "" {
				return s
			}
		}
	case map[string]any:
		if s, ok := x["@value"].(string); ok {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

// ldNames returns the names of a person or organisation value, which
// JSON-LD writes as a string, an object with "name", or a list of either.
func ldNames(v any) []string {
	var out []string
	var walk func(any, int)
	walk = func(v any, depth int) {
		if depth > 3 || len(out) >= 10 {
			return
		}
		switch x := v.(type) {
		case string:
			if s := squash(x); s != "" && !strings.Contains(s, "://") {
				out = append(out, s)
			}
		case []any:
			for _, e := range x {
				walk(e, depth+1)
			}
		case map[string]any:
			if n := squash(ldString(x["name"])); n != "" {
				out = append(out, n)
			} else if g, f := ldString(x["givenName"]), ldString(x["familyName"]); g != "" || f != "" {
				out = append(out, squash(g+" "+f))
			}
		}
	}
	walk(v, 0)
	return out
}

// cleanLD removes what commonly makes a JSON-LD block invalid JSON: HTML
// comment markers and CDATA wrappers left from old templates, and raw
// control characters inside strings.
func cleanLD(s string) string {
	s = strings.TrimSpace(s)
	for _, p := range []string{"<!--", "//<![CDATA[", "<![CDATA["} {
		s = strings.TrimPrefix(s, p)
	}
	for _, p := range []string{"-->", "//]]>", "]]>"} {
		s = strings.TrimSuffix(strings.TrimSpace(s), p)
	}
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' {
			return -1
		}
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, s)
}
