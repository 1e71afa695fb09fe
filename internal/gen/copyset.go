package gen

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Original is any article text to make copies of, such as the reference
// texts of a real news set, so that copy detection can be measured on real
// language and not only on the generator's own prose.
type Original struct {
	ID, Text string
}

// CopySetInfo counts what WriteCopySet wrote.
type CopySetInfo struct {
	Originals, Copies, Groups int
}

// copyLine is one line of a copy set's gold.jsonl.
type copyLine struct {
	ID     string   `json:"id"`
	Group  string   `json:"group"`
	CopyOf *string  `json:"copy_of"`
	Edits  []string `json:"edits"`
}

// The furniture a scraper picks up around a reposted story. Invented; one
// set per reposting site, so that a site's pages repeat it as real sites do.
var (
	copyMenus = [][]string{
		{"Home", "World", "Politics", "Business", "Opinion", "Sign in"},
		{"Latest | Region | Economy | Culture | Sport | Contact"},
		{"Skip to content", "Menu", "Search", "News", "Analysis", "Subscribe"},
		{"TOP STORIES", "Live", "Video", "Podcasts", "Newsletters"},
	}
	copyFooters = [][]string{
		{"Related stories", "Markets close mixed after a quiet week", "Weather: rain expected across the north", "© 2025 Harbour Media Group. All rights reserved."},
		{"Share this article", "Follow us on social media", "Privacy policy | Terms of use | Cookies"},
		{"Read more:", "Councils agree on a new budget for roads", "Most read", "Copyright 2024 The Daily Lantern"},
		{"Comments are closed.", "About us · Advertise · Careers", "Newsletter: the day's news in five minutes"},
	}
	copyCredits = []string{"Harbour Wire", "Lantern News Agency", "Meridian Press", "Northgate Agency"}
	copyAdded   = []string{
		"Our correspondent could not independently verify the account, and the authorities did not reply to a request for comment by the time of publication.",
		"This report was updated with further details after it was first published.",
		"Readers can send tips and corrections to the newsroom through the contact form on this site.",
	}
)

// WriteCopySet writes every original and, for a share of them, one to three
// copies with the edits reposting brings (a scraper's menus and footer,
// paragraphs dropped from either end or the text cut to its first half, a
// paragraph added, a credit line, typos), as scraped plain-text pages under
// dir/docs, with dir/gold.jsonl giving each page's group: the id of the
// original it copies, or its own. The same seed and originals always give
// the same bytes.
func WriteCopySet(dir string, seed uint64, originals []Original, share float64) (CopySetInfo, error) {
	var info CopySetInfo
	docs := filepath.Join(dir, "docs")
	if err := os.MkdirAll(docs, 0o755); err != nil {
		return info, fmt.Errorf("gen: %w", err)
	}
	f, err := os.Create(filepath.Join(dir, "gold.jsonl"))
	if err != nil {
		return info, fmt.Errorf("gen: %w", err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	write := func(id, text string, line copyLine) error {
		if err := os.WriteFile(filepath.Join(docs, id+".txt"), []byte(text), 0o644); err != nil {
			return fmt.Errorf("gen: %w", err)
		}
		return enc.Encode(line)
	}
	for i, o := range originals {
		id := fmt.Sprintf("o%06d", i)
		if err := write(id, o.Text+"\n", copyLine{ID: id, Group: id, Edits: []string{}}); err != nil {
			return info, err
		}
		info.Originals++
		r := rand.New(rand.NewPCG(seed, uint64(i)))
		if r.Float64() >= share {
			continue
		}
		info.Groups++
		for k := range 1 + r.IntN(3) {
			cid := fmt.Sprintf("%s-c%d", id, k+1)
			text, edits := repost(r, o.Text)
			orig := id
			if err := write(cid, text, copyLine{ID: cid, Group: id, CopyOf: &orig, Edits: edits}); err != nil {
				return info, err
			}
			info.Copies++
		}
	}
	if err := f.Close(); err != nil {
		return info, fmt.Errorf("gen: %w", err)
	}
	return info, nil
}

// repost makes one reposted copy of text as a scraper would save the page.
func repost(r *rand.Rand, text string) (string, []string) {
	paras := slices.DeleteFunc(strings.Split(text, "\n\n"), func(p string) bool { return strings.TrimSpace(p) == "" })
	var edits []string
	switch x := r.Float64(); {
	case x < 0.2 && len(paras) >= 4:
		paras = paras[:(len(paras)+1)/2]
		edits = append(edits, "first-half")
	case x < 0.45 && len(paras) >= 4:
		n := 1 + r.IntN(2)
		if r.IntN(2) == 0 {
			paras = paras[n:]
			edits = append(edits, "drop-first")
		} else {
			paras = paras[:len(paras)-n]
			edits = append(edits, "drop-last")
		}
	}
	if r.Float64() < 0.2 {
		paras = slices.Insert(paras, r.IntN(len(paras)+1), pick(r, copyAdded))
		edits = append(edits, "add-paragraph")
	}
	if r.Float64() < 0.3 {
		for range 1 + r.IntN(3) {
			k := r.IntN(len(paras))
			paras[k] = typo(r, paras[k])
		}
		edits = append(edits, "typos")
	}
	agency := pick(r, copyCredits)
	switch r.IntN(3) {
	case 0:
		paras[0] = "(" + agency + ") - " + paras[0]
		edits = append(edits, "credit")
	case 1:
		paras = append(paras, "Source: "+agency)
		edits = append(edits, "credit")
	}
	site := r.IntN(len(copyMenus))
	var b strings.Builder
	for _, l := range copyMenus[site] {
		b.WriteString(l + "\n")
	}
	b.WriteString("\n" + strings.Join(paras, "\n\n") + "\n\n")
	for _, l := range copyFooters[site] {
		b.WriteString(l + "\n")
	}
	return b.String(), append(edits, "boilerplate")
}
