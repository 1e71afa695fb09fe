package cli

import (
	"bufio"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestDupsOnGenerated writes a generated set, ingests it, and reads the
// copy groups back through dups, dups --json, show and export.
func TestDupsOnGenerated(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "set")
	if code, out, errOut := run(t, "gen", dir, "--n", "120", "--seed", "3"); code != ExitOK || !strings.Contains(out, "wrote 120 documents") {
		t.Fatalf("gen: exit %d\n%s%s", code, out, errOut)
	}
	db := filepath.Join(t.TempDir(), "d.db")
	code, out, errOut := run(t, "--db", db, "ingest", "--no-progress", filepath.Join(dir, "docs"))
	if code != ExitOK || !strings.Contains(out, "copies: ") {
		t.Fatalf("ingest: exit %d\n%s%s", code, out, errOut)
	}

	code, out, _ = run(t, "--db", db, "dups", "--json", "--limit", "0")
	if code != ExitOK {
		t.Fatalf("dups --json: exit %d", code)
	}
	before := out
	var groups []groupJSON
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var g groupJSON
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatalf("dups --json line: %v", err)
		}
		groups = append(groups, g)
	}
	if len(groups) == 0 {
		t.Fatal("no copy groups in a set with copies")
	}
	g := groups[0]
	if len(g.Articles) != len(g.Members) || g.Original == "" || g.Reason == "" {
		t.Fatalf("group %+v", g)
	}
	var copyID string
	for _, m := range g.Articles {
		if m.ID != g.Original {
			copyID = m.ID
			if m.Evidence == nil || m.Evidence.Of != g.Original {
				t.Errorf("copy %s lacks evidence: %+v", m.ID, m.Evidence)
			}
		}
	}

	_, out, _ = run(t, "--db", db, "dups", copyID)
	if !strings.Contains(out, "group "+g.ID) || !strings.Contains(out, "original") {
		t.Errorf("dups %s:\n%s", copyID, out)
	}
	_, out, _ = run(t, "--db", db, "show", copyID)
	if !strings.Contains(out, "copy of   ") || !strings.Contains(out, g.Original) {
		t.Errorf("show of a copy does not name its original:\n%s", out)
	}
	_, out, _ = run(t, "--db", db, "export")
	if !strings.Contains(out, `"dup_group":"`+g.ID+`"`) || !strings.Contains(out, `"duplicate_of":"`+g.Original+`"`) {
		t.Errorf("export lacks the copy fields")
	}

	// A rebuild from scratch finds the same groups, originals, evidence
	// and lent metadata.
	code, after, errOut := run(t, "--db", db, "dups", "--rebuild", "--json", "--limit", "0")
	if code != ExitOK {
		t.Fatalf("dups --rebuild: exit %d\n%s", code, errOut)
	}
	if after != before {
		t.Errorf("rebuild changed the groups:\nbefore %s\nafter %s", before, after)
	}

	code, out, errOut = run(t, "eval", "dedup", dir)
	if code != ExitOK || !strings.Contains(out, "dedup/set  docs 120") || !strings.Contains(out, "pairwise P ") {
		t.Errorf("eval dedup: exit %d\n%s%s", code, out, errOut)
	}
}
