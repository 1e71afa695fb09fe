package cli

import (
	"bufio"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestIngestReadBack(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	code, out, errOut := run(t, "--db", db, "ingest", "--no-progress", "testdata/corpus")
	if code != ExitPartial {
		t.Fatalf("exit %d, want %d (some inputs are bad)\n%s%s", code, ExitPartial, out, errOut)
	}
	for _, want := range []string{"read 4 ", "stored 4 ", "already present 0 ", "failed 3 ", "wire.jsonl:2", "empty.txt", "blob.bin"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}

	// Same input again: nothing new.
	code, out, _ = run(t, "--db", db, "ingest", "--no-progress", "testdata/corpus")
	if code != ExitPartial || !strings.Contains(out, "stored 0 ") || !strings.Contains(out, "already present 4 ") {
		t.Fatalf("re-ingest: exit %d\n%s", code, out)
	}

	code, out, _ = run(t, "--db", db, "export", "--format", "jsonl")
	if code != ExitOK {
		t.Fatalf("export exit %d", code)
	}
	recs := map[string]map[string]any{}
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("export line is not JSON: %v", err)
		}
		recs[m["source"].(string)] = m
	}
	if len(recs) != 4 {
		t.Fatalf("exported %d records, want 4: %v", len(recs), keys(recs))
	}
	wire := recs[filepath.Join("testdata", "corpus", "wire.jsonl")+"#1"]
	if wire == nil {
		t.Fatalf("no record for the first JSON line; have %v", keys(recs))
	}
	if wire["title"] != "Council approves new tram line" || wire["outlet"] != "Metro Daily" ||
		wire["published"] != "2025-01-16" || wire["published_from"] != "jsonl:published" || wire["url"] != "https://example.org/a1" {
		t.Errorf("JSON Lines metadata lost: %v", wire)
	}
	if extra, _ := wire["extra"].(map[string]any); extra["section"] != "city" {
		t.Errorf("unknown field not kept: %v", wire["extra"])
	}
	page := recs[filepath.Join("testdata", "corpus", "page.html")]
	if page == nil || page["published"] != "2025-03-04" || page["outlet"] != "Coastline Post" || page["language"] != "en" {
		t.Errorf("HTML metadata: %v", page)
	}
	if text, _ := page["text"].(string); !strings.Contains(text, "night-shift pay") || strings.Contains(text, "Privacy") {
		t.Errorf("HTML main text wrong: %q", text)
	}
	scraped := recs[filepath.Join("testdata", "corpus", "scraped.txt")]
	if scraped == nil {
		t.Fatal("scraped text missing")
	}
	if scraped["title"] != "Flood barrier holds as river Tessa peaks at record level" || scraped["published"] != "2025-02-11" {
		t.Errorf("scraped metadata: title %v published %v", scraped["title"], scraped["published"])
	}
	if text, _ := scraped["text"].(string); !strings.Contains(text, "old mill") || strings.Contains(text, "All rights reserved") {
		t.Errorf("scraped main text wrong: %q", text)
	}

	id := wire["id"].(string)
	code, out, _ = run(t, "--db", db, "show", id[:6])
	if code != ExitOK || !strings.Contains(out, "northern suburbs") || !strings.Contains(out, "jsonl:published") {
		t.Errorf("show by prefix: exit %d\n%s", code, out)
	}
	code, out, _ = run(t, "--db", db, "search", "tram")
	if code != ExitOK || !strings.Contains(out, id) {
		t.Errorf("search: exit %d\n%s", code, out)
	}
	code, _, _ = run(t, "--db", db, "search", `"unbalanced (quote`)
	if code != ExitOK {
		t.Errorf("hostile search query failed with exit %d", code)
	}
	code, out, _ = run(t, "--db", db, "ls")
	if code != ExitOK || strings.Count(out, "\n") != 5 {
		t.Errorf("ls: exit %d\n%s", code, out)
	}
	code, out, _ = run(t, "--db", db, "reprocess")
	if code != ExitOK || !strings.Contains(out, "updated 4") {
		t.Errorf("reprocess: exit %d\n%s", code, out)
	}
	code, out2, _ := run(t, "--db", db, "export")
	if code != ExitOK {
		t.Fatal("export after reprocess failed")
	}
	if n := strings.Count(out2, "\n"); n != 4 {
		t.Errorf("after reprocess export has %d lines", n)
	}
}

func TestUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	if code, _, _ := run(t, "--db", db, "export", "--format", "xml"); code != ExitUsage {
		t.Errorf("unknown export format: exit %d, want %d", code, ExitUsage)
	}
	if code, _, errOut := run(t, "--db", db, "show", "ffffffff"); code != ExitError || !strings.Contains(errOut, "not found") {
		t.Errorf("show unknown id: exit %d %q", code, errOut)
	}
	if code, _, _ := run(t, "--db", db, "ingest"); code == ExitOK {
		t.Error("ingest without paths must fail")
	}
}

func keys(m map[string]map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
