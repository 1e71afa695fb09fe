package text

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestSharedSentenceQuality measures sentence boundaries against corpora
// with gold sentences in the shared data folder. It only reads them, runs
// only when SITREP_SHARED=1, and skips when the folder is missing.
//
// Two views:
//   - exact: GUM news documents whose original text is in ner/gum-news, with
//     the gold sentences of ner-train/gum/dev.conll aligned onto it;
//   - rebuilt: every document of the GUM, WikiGold and UD PUD (from UNER)
//     CoNLL files, turned
//     back into text by a detokeniser. A sentence that ends without a stop
//     (a heading, a caption) ends a paragraph, as it would in clean text,
//     so the score is on boundaries punctuation can show.
//
// Only boundaries inside paragraphs count: a paragraph break is one for
// free. A naive splitter (a stop, a blank, a capital, digit or quote) is
// scored on the same text for comparison. On the first version: exact
// F1 0.982 (naive 0.965) on 85 boundaries; rebuilt F1 0.989 (naive 0.976)
// on 5,406, GUM news 0.983, PUD 0.999, WikiGold 0.986. Most errors left are
// corpus conventions: GUM splits at some semicolons and keeps quoted
// passages or captions whole. SITREP_SHARED_ERRORS=<genre> lists errors.
func TestSharedSentenceQuality(t *testing.T) {
	if os.Getenv("SITREP_SHARED") != "1" {
		t.Skip("set SITREP_SHARED=1 to score against ../shared/data")
	}
	root := os.Getenv("SITREP_SHARED_DIR")
	if root == "" {
		// The shared folder sits beside the checkout.
		root = filepath.Join("..", "..", "..", "..", "shared", "data")
	}
	if _, err := os.Stat(root); err != nil {
		t.Skipf("no shared data: %v", err)
	}
	verbose := os.Getenv("SITREP_SHARED_ERRORS") != ""

	// Exact text.
	dev := readConll(t, filepath.Join(root, "ner-train", "gum", "dev.conll"))
	var exact, exactNaive, toks score
	for _, d := range dev {
		raw, err := os.ReadFile(filepath.Join(root, "ner", "gum-news", "docs", d.id+".txt"))
		if err != nil {
			continue
		}
		text := string(raw)
		gold, goldToks, ok := align(text, d.sents)
		if !ok {
			t.Errorf("%s: tokens do not align with the text", d.id)
			continue
		}
		doc := Analyze(text, "en")
		exact.add(text, gold, doc, verbose, t)
		ours := map[[2]int]bool{}
		for _, tok := range doc.Tokens {
			ours[[2]int{tok.Span.Start, tok.Span.End}] = true
		}
		toks.pred += len(doc.Tokens)
		toks.gold += len(goldToks)
		for _, g := range goldToks {
			if ours[g] {
				toks.hit++
			} else if verbose {
				r := []rune(text)
				t.Logf("token %q in %q", string(r[g[0]:g[1]]), string(r[max(0, g[0]-15):min(len(r), g[1]+15)]))
			}
		}
		exactNaive.addStarts(text, gold, naive(text))
	}
	t.Logf("exact GUM news+interview text (%d boundaries): %v; naive %v", exact.gold, exact, exactNaive)
	t.Logf("exact GUM news+interview tokens (%d): same spans as GUM's Penn-style tokens %v", toks.gold, toks)

	sets := []struct{ name, file string }{
		{"GUM train+dev", "ner-train/gum/train.conll"},
		{"", "ner-train/gum/dev.conll"},
		{"WikiGold", "ner-train/wikigold/train.conll"},
		{"UD PUD", "ner-train/uner-en/train.conll"}, // news and Wikipedia
	}
	byGenre := map[string]*[2]score{}
	for _, s := range sets {
		for _, d := range readConll(t, filepath.Join(root, s.file)) {
			if strings.HasPrefix(d.id, "en_ewt") {
				continue // web forums and reviews, not news
			}
			genre := s.name
			if strings.HasPrefix(d.id, "GUM_") {
				genre = "GUM " + strings.SplitN(d.id, "_", 3)[1]
			}
			text, gold := detok(d.sents)
			sc := byGenre[genre]
			if sc == nil {
				sc = &[2]score{}
				byGenre[genre] = sc
			}
			sc[0].add(text, gold, Analyze(text, "en"), verbose && strings.Contains(genre, os.Getenv("SITREP_SHARED_ERRORS")), t)
			sc[1].addStarts(text, gold, naive(text))
		}
	}
	names := make([]string, 0, len(byGenre))
	for g := range byGenre {
		names = append(names, g)
	}
	sort.Strings(names)
	var all, allNaive score
	for _, g := range names {
		sc := byGenre[g]
		t.Logf("rebuilt %-16s %5d boundaries: %v; naive %v", g, sc[0].gold, sc[0], sc[1])
		all.merge(sc[0])
		allNaive.merge(sc[1])
	}
	t.Logf("rebuilt all              %5d boundaries: %v; naive %v", all.gold, all, allNaive)
}

type conllDoc struct {
	id    string
	sents [][]string
}

func readConll(t *testing.T, path string) []conllDoc {
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("no %s: %v", path, err)
	}
	defer f.Close()
	var docs []conllDoc
	var cur []string
	flush := func() {
		if len(cur) > 0 && len(docs) > 0 {
			d := &docs[len(docs)-1]
			d.sents = append(d.sents, cur)
		}
		cur = nil
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# doc:"):
			flush()
			docs = append(docs, conllDoc{id: strings.TrimSpace(strings.TrimPrefix(line, "# doc:"))})
		case strings.TrimSpace(line) == "":
			flush()
		case strings.HasPrefix(line, "#"):
		default:
			if len(docs) == 0 {
				docs = append(docs, conllDoc{id: "doc"})
			}
			tok, _, _ := strings.Cut(line, "\t")
			cur = append(cur, tok)
		}
	}
	flush()
	return docs
}

// align finds each gold token in the original text and returns the code
// point offsets of sentence starts and the token spans.
func align(text string, sents [][]string) ([]int, [][2]int, bool) {
	b := 0
	var starts []int
	var spans [][2]int
	for _, s := range sents {
		for i, tok := range s {
			for b < len(text) && (text[b] == ' ' || text[b] == '\n' || text[b] == '\t' || text[b] == '\r') {
				b++
			}
			if !strings.HasPrefix(text[b:], tok) {
				return nil, nil, false
			}
			start := utf8.RuneCountInString(text[:b])
			if i == 0 {
				starts = append(starts, start)
			}
			spans = append(spans, [2]int{start, start + utf8.RuneCountInString(tok)})
			b += len(tok)
		}
	}
	return starts, spans, true
}

var (
	noSpaceBefore = set(`, . ; : ! ? ) ] } % 's 'S n't N'T 're 've 'll 'd 'm ’s ’re ’ve ’ll ’d ’m n’t ... … ” ’`)
	noSpaceAfter  = set(`( [ { $ # “ ‘`)
)

// detok rebuilds text from tokens: a heuristic, but a good one for Penn
// style tokens. Sentences ending without a stop end their paragraph.
func detok(sents [][]string) (string, []int) {
	var b strings.Builder
	var starts []int
	n := 0
	write := func(s string) {
		b.WriteString(s)
		n += utf8.RuneCountInString(s)
	}
	quoteOpen := false
	for si, s := range sents {
		if si > 0 {
			if endsWithStop(sents[si-1]) {
				write(" ")
			} else {
				write("\n\n")
			}
		}
		starts = append(starts, n)
		glue := true
		for i, tok := range s {
			space := !glue && i > 0
			switch {
			case tok == `"`:
				if quoteOpen {
					space = false
				}
			case tok == "-" && i > 0 && i+1 < len(s):
				space = false
			case noSpaceBefore[tok]:
				space = false
			}
			if i > 0 && s[i-1] == "-" && i > 1 {
				space = false
			}
			if space {
				write(" ")
			}
			write(tok)
			glue = noSpaceAfter[tok]
			if tok == `"` {
				quoteOpen = !quoteOpen
				glue = quoteOpen
			}
		}
	}
	return b.String(), starts
}

func endsWithStop(s []string) bool {
	for i := len(s) - 1; i >= 0; i-- {
		switch tok := s[i]; tok {
		case `"`, "”", "’", "'", ")", "]":
			continue
		case ".", "!", "?", "...", "…":
			return true
		default:
			return strings.HasSuffix(tok, ".") && len(tok) > 1
		}
	}
	return false
}

var naiveRe = regexp.MustCompile(`[.!?]["”’)]*\s+["“‘(]?[\p{Lu}0-9]`)

// naive is the splitter everyone writes first, for comparison.
func naive(text string) []int {
	var starts []int
	for _, m := range naiveRe.FindAllStringIndex(text, -1) {
		k := m[0] + 1
		for k < len(text) && strings.ContainsRune(`"”’)`, rune(text[k])) || k < len(text) && strings.HasPrefix(text[k:], "”") || strings.HasPrefix(text[k:], "’") {
			_, n := utf8.DecodeRuneInString(text[k:])
			k += n
		}
		for k < len(text) && (text[k] == ' ' || text[k] == '\n' || text[k] == '\t') {
			k++
		}
		starts = append(starts, utf8.RuneCountInString(text[:k]))
	}
	return starts
}

type score struct{ gold, pred, hit int }

func (s score) String() string {
	p, r := 0.0, 0.0
	if s.pred > 0 {
		p = float64(s.hit) / float64(s.pred)
	}
	if s.gold > 0 {
		r = float64(s.hit) / float64(s.gold)
	}
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return fmt.Sprintf("P %.3f R %.3f F1 %.3f", p, r, f)
}

func (s *score) merge(o score) { s.gold += o.gold; s.pred += o.pred; s.hit += o.hit }

// paraStarts returns the code point offsets that start paragraphs.
func paraStarts(text string) map[int]bool {
	m := map[int]bool{0: true}
	for _, p := range Analyze(text, "en").Paragraphs {
		m[p.Start] = true
	}
	return m
}

func (s *score) add(text string, gold []int, d Doc, verbose bool, t *testing.T) {
	var pred []int
	for _, se := range d.Sentences {
		pred = append(pred, se.Span.Start)
	}
	fp, fn := s.addStarts(text, gold, pred)
	if verbose {
		r := []rune(text)
		ctx := func(o int) string {
			return strings.ReplaceAll(string(r[max(0, o-50):o])+" ‖ "+string(r[o:min(len(r), o+30)]), "\n", "⏎")
		}
		for _, o := range fp {
			t.Logf("FP %s", ctx(o))
		}
		for _, o := range fn {
			t.Logf("FN %s", ctx(o))
		}
	}
}

func (s *score) addStarts(text string, gold, pred []int) (fp, fn []int) {
	para := paraStarts(text)
	g := map[int]bool{}
	for _, o := range gold {
		if !para[o] {
			g[o] = true
		}
	}
	p := map[int]bool{}
	for _, o := range pred {
		if !para[o] {
			p[o] = true
		}
	}
	s.gold += len(g)
	s.pred += len(p)
	for o := range p {
		if g[o] {
			s.hit++
		} else {
			fp = append(fp, o)
		}
	}
	for o := range g {
		if !p[o] {
			fn = append(fn, o)
		}
	}
	sort.Ints(fp)
	sort.Ints(fn)
	return fp, fn
}
