package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An invented dispatch: a full name then a surname, an abbreviation defined
// in parentheses, a place with its region, and a relative date.
const dispatch = `Fighters of the Eastern Guard Battalion (EGB) entered the village of Tyotkino in the Kursk region on Tuesday, commander Pavel Sokolov said.

Sokolov told reporters in Kyiv that the EGB would stay until the election.`

func TestAnalyzeJSON(t *testing.T) {
	path := filepath.Join(t.TempDir(), "dispatch.txt")
	if err := os.WriteFile(path, []byte(dispatch), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "analyze", "--published", "2024-03-15", path)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Text      string
		Sentences []struct{ Start, End int }
		Entities  []struct {
			Start, End            int
			Text, Type, Canonical string
		}
		Places []struct {
			Start, End                  int
			Text, Name, Country, Admin1 string
			Lat, Lon                    float64
		}
		Dates []struct {
			Start, End             int
			Text, Value, Precision string
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	runes := []rune(got.Text)
	if got.Text != dispatch || len(got.Sentences) != 2 {
		t.Fatalf("text or sentences wrong: %d sentences", len(got.Sentences))
	}
	canon := map[string]string{}
	for _, e := range got.Entities {
		if string(runes[e.Start:e.End]) != e.Text {
			t.Errorf("entity %+v does not span its text", e)
		}
		canon[e.Text] = e.Canonical
	}
	if canon["Sokolov"] != "Pavel Sokolov" {
		t.Errorf("Sokolov resolved to %q, want Pavel Sokolov; entities %+v", canon["Sokolov"], got.Entities)
	}
	if canon["EGB"] != "Eastern Guard Battalion" {
		t.Errorf("EGB resolved to %q, want Eastern Guard Battalion", canon["EGB"])
	}
	var tyotkino bool
	for _, p := range got.Places {
		if string(runes[p.Start:p.End]) != p.Text {
			t.Errorf("place %+v does not span its text", p)
		}
		if p.Text == "Tyotkino" {
			tyotkino = p.Country == "RU" && p.Lat > 51 && p.Lat < 51.5 && p.Lon > 34 && p.Lon < 34.5
		}
	}
	if !tyotkino {
		t.Errorf("Tyotkino not placed in the Kursk region: %+v", got.Places)
	}
	var tuesday bool
	for _, d := range got.Dates {
		if d.Text == "Tuesday" || d.Text == "on Tuesday" {
			tuesday = d.Value == "2024-03-12" && d.Precision == "day"
		}
	}
	if !tuesday {
		t.Errorf("Tuesday before Friday 2024-03-15 is not 2024-03-12: %+v", got.Dates)
	}

	// Standard input works too, and bad input is refused with its name.
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"analyze", "-"}, strings.NewReader("Nothing here."), &stdout, &stderr); code != ExitOK || !strings.Contains(stdout.String(), `"entities": []`) {
		t.Errorf("stdin: exit %d, %s %s", code, stdout.String(), stderr.String())
	}
	bad := filepath.Join(t.TempDir(), "bad.txt")
	_ = os.WriteFile(bad, []byte{0xff, 0xfe, 'x'}, 0o644)
	if code, _, errOut := run(t, "analyze", bad); code == ExitOK || !strings.Contains(errOut, "bad.txt") {
		t.Errorf("invalid UTF-8: exit %d, %s", code, errOut)
	}
	if code, _, _ := run(t, "analyze", "--published", "15/03/2024", path); code != ExitUsage {
		t.Errorf("bad --published: exit %d, want %d", code, ExitUsage)
	}
}

func TestEntitiesCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	docs := filepath.Join(dir, "docs")
	_ = os.MkdirAll(docs, 0o755)
	_ = os.WriteFile(filepath.Join(docs, "a.txt"), []byte(dispatch), 0o644)
	_ = os.WriteFile(filepath.Join(docs, "b.txt"), []byte("The EGB said on Wednesday that Pavel Sokolov had left Kyiv for the front.\n\nSokolov did not comment."), 0o644)
	if code, out, errOut := run(t, "--db", db, "ingest", "--no-progress", docs); code != ExitOK || !strings.Contains(out, "analysed 2 articles") {
		t.Fatalf("ingest: exit %d\n%s%s", code, out, errOut)
	}
	code, out, _ := run(t, "--db", db, "entities")
	if code != ExitOK || !strings.Contains(out, "Eastern Guard Battalion") || !strings.Contains(out, "Pavel Sokolov") {
		t.Fatalf("entities: exit %d\n%s", code, out)
	}
	code, out, _ = run(t, "--db", db, "entity", "egb")
	if code != ExitOK || !strings.Contains(out, "Eastern Guard Battalion") || !strings.Contains(out, "also EGB — ") || !strings.Contains(out, "2 articles") {
		t.Errorf("entity EGB: exit %d\n%s", code, out)
	}
	if code, _, errOut := run(t, "--db", db, "entity", "Nobody Atall"); code == ExitOK || !strings.Contains(errOut, "not found") {
		t.Errorf("unknown entity: exit %d %s", code, errOut)
	}

	// The export carries the analysis, offsets into the clean text.
	code, out, _ = run(t, "--db", db, "export")
	if code != ExitOK {
		t.Fatalf("export exit %d", code)
	}
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		var rec struct {
			Text     string
			Entities []struct {
				Start, End         int
				Text, Entity, Type string
			}
			Places []struct{ Start, End int }
			Dates  []struct{ Start, End int }
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		n++
		runes := []rune(rec.Text)
		if len(rec.Entities) == 0 || len(rec.Dates) == 0 {
			t.Errorf("export record lacks entities or dates: %s", sc.Text())
		}
		for _, e := range rec.Entities {
			if string(runes[e.Start:e.End]) != e.Text || e.Entity == "" {
				t.Errorf("exported entity %+v does not span its text or has no entity", e)
			}
		}
	}
	if n != 2 {
		t.Errorf("exported %d records", n)
	}

	// A user rule, applied by a rebuild.
	if code, _, errOut := run(t, "--db", db, "alias", "add", "EGB", "Eastern Guard", "--type", "ORG"); code != ExitOK {
		t.Fatalf("alias add: %s", errOut)
	}
	if code, out, _ := run(t, "--db", db, "alias", "ls"); code != ExitOK || !strings.Contains(out, "Eastern Guard") {
		t.Errorf("alias ls:\n%s", out)
	}
	if code, _, errOut := run(t, "--db", db, "entities", "--rebuild"); code != ExitOK {
		t.Fatalf("rebuild: %s", errOut)
	}
	code, out, _ = run(t, "--db", db, "entity", "Eastern Guard")
	if code != ExitOK || !strings.Contains(out, "set by user") {
		t.Errorf("after the rule, EGB is not under Eastern Guard by the user's word:\n%s", out)
	}
	if code, _, _ := run(t, "--db", db, "alias", "rm", "add", "EGB", "Eastern Guard", "--type", "ORG"); code != ExitOK {
		t.Error("alias rm failed")
	}
	if code, _, _ := run(t, "--db", db, "alias", "rm", "add", "EGB", "Eastern Guard", "--type", "ORG"); code == ExitOK {
		t.Error("removing a missing rule succeeded")
	}
}
