package cli

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// raidReports are invented: two reports of one raid, a day apart, and a
// like raid by the same group a year later.
var raidReports = []map[string]string{
	{"title": "Northern Shield Brigade raids Velmar border villages", "outlet": "Dravna Post", "published": "2023-03-14",
		"text": "Fighters of the Northern Shield Brigade crossed into the Velmar region on Tuesday, March 14, 2023, and attacked the villages of Osk and Lenivka, the regional governor Pavel Marek said. " +
			"Marek said two border guards were killed in Osk and that the Northern Shield Brigade had shelled the Lenivka crossing before dawn. The Velmar regional council called an emergency meeting in Dravna."},
	{"title": "Velmar governor says raiders pulled back from Osk", "outlet": "Velmar Herald", "published": "2023-03-15",
		"text": "The Northern Shield Brigade withdrew from Osk on Wednesday, March 15, 2023, a day after its raid into the Velmar region, governor Pavel Marek said. " +
			"Marek said the fighters had left Lenivka too, and that the border guards killed in Osk on Tuesday would be buried in Dravna. The Velmar regional council met in Dravna to count the damage of the raid."},
	{"title": "Northern Shield Brigade raids Velmar again", "outlet": "Dravna Post", "published": "2024-04-02",
		"text": "Fighters of the Northern Shield Brigade crossed into the Velmar region on Tuesday, April 2, 2024, and attacked the village of Osk, governor Pavel Marek said. " +
			"Marek said one border guard was wounded near Lenivka and that the Brigade had shelled the crossing at night. The Velmar regional council met in Dravna."},
}

func TestStoriesCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	var lines []string
	for _, r := range raidReports {
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, string(b))
	}
	in := filepath.Join(dir, "raids.jsonl")
	if err := os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := run(t, "--db", db, "ingest", "--no-progress", in); code != ExitOK {
		t.Fatalf("ingest exit %d\n%s%s", code, out, errOut)
	}

	code, out, errOut := run(t, "--db", db, "stories")
	if code != ExitOK {
		t.Fatalf("stories exit %d: %s", code, errOut)
	}
	rows := strings.Split(strings.TrimSpace(out), "\n")
	if len(rows) != 3 || !strings.HasPrefix(rows[1], "2 ") || !strings.Contains(rows[1], "2024-04-02") ||
		!strings.HasPrefix(rows[2], "1 ") || !strings.Contains(rows[2], "2023-03-14 – 2023-03-15") {
		t.Fatalf("stories: want the 2024 story, then the two-day 2023 one\n%s", out)
	}

	code, out, errOut = run(t, "--db", db, "story", "1", "--why")
	if code != ExitOK {
		t.Fatalf("story --why exit %d: %s", code, errOut)
	}
	for _, want := range []string{"2 articles, 2 independent sources", "Velmar Herald", "started the story", "joined: text ", "time 1.00"} {
		if !strings.Contains(out, want) {
			t.Errorf("story 1 --why lacks %q\n%s", want, out)
		}
	}
	code, out, _ = run(t, "--db", db, "story", "2", "--why")
	if code != ExitOK || !strings.Contains(out, "runner-up story 1") {
		t.Errorf("story 2 --why: exit %d, want story 1 as runner-up\n%s", code, out)
	}
	if code, _, _ := run(t, "--db", db, "story", "9"); code == ExitOK {
		t.Errorf("story 9 succeeded")
	}

	storyByTitle := func() map[string]float64 {
		t.Helper()
		code, out, errOut := run(t, "--db", db, "export", "--format", "jsonl")
		if code != ExitOK {
			t.Fatalf("export exit %d: %s", code, errOut)
		}
		got := map[string]float64{}
		sc := bufio.NewScanner(strings.NewReader(out))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var rec map[string]any
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				t.Fatal(err)
			}
			story, ok := rec["story"].(float64)
			if !ok {
				t.Fatalf("export record without a story: %v", rec["story"])
			}
			got[rec["title"].(string)] = story
		}
		return got
	}
	got := storyByTitle()
	if got[raidReports[0]["title"]] != 1 || got[raidReports[1]["title"]] != 1 || got[raidReports[2]["title"]] != 2 {
		t.Errorf("export stories = %v", got)
	}

	// Merge the two raids by article ID prefix; the rule holds on rebuild.
	ids := map[string]string{}
	code, out, _ = run(t, "--db", db, "story", "1", "--json")
	var s1 struct {
		Members []struct{ Article, Title string }
	}
	if err := json.Unmarshal([]byte(out), &s1); code != ExitOK || err != nil || len(s1.Members) != 2 {
		t.Fatalf("story 1 --json: exit %d, %v\n%s", code, err, out)
	}
	ids["first"] = s1.Members[0].Article
	code, out, _ = run(t, "--db", db, "story", "2", "--json")
	var s2 struct {
		Members []struct{ Article string }
	}
	if err := json.Unmarshal([]byte(out), &s2); code != ExitOK || err != nil || len(s2.Members) != 1 {
		t.Fatalf("story 2 --json: exit %d, %v\n%s", code, err, out)
	}
	if code, out, errOut := run(t, "--db", db, "story", "merge", s2.Members[0].Article[:8], ids["first"]); code != ExitOK || !strings.Contains(out, "now in story 1") {
		t.Fatalf("story merge: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, errOut := run(t, "--db", db, "stories", "--rebuild"); code != ExitOK || strings.Count(strings.TrimSpace(out), "\n") != 1 {
		t.Errorf("stories --rebuild after merge: exit %d, want one story\n%s%s", code, out, errOut)
	}
	if code, out, _ := run(t, "--db", db, "story", "1", "--why"); code != ExitOK || !strings.Contains(out, "merge rule") {
		t.Errorf("story 1 --why after merge lacks the rule\n%s", out)
	}
	if code, out, _ := run(t, "--db", db, "story", "split", ids["first"]); code != ExitOK || !strings.Contains(out, "now in story") {
		t.Errorf("story split: exit %d\n%s", code, out)
	}
	if code, out, errOut := run(t, "--db", db, "stories", "--update", "--json"); code != ExitOK || strings.Count(out, "\"label\"") != 2 {
		t.Errorf("stories --update --json after split: exit %d, want two stories\n%s%s", code, out, errOut)
	}
	if code, _, _ := run(t, "--db", db, "story", "merge", ids["first"]); code == ExitOK {
		t.Errorf("story merge with one article succeeded")
	}
}
