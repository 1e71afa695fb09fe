package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/store/sqlite"
)

// writeCrashCorpus writes n small scraped-text articles that share a menu
// and a footer, so line statistics matter to their cleaning.
func writeCrashCorpus(t *testing.T, dir string, n int) {
	t.Helper()
	towns := []string{"Arlen", "Bosk", "Cerva", "Dunmor", "Eskel", "Falra", "Gorin"}
	for i := 0; i < n; i++ {
		town := towns[i%len(towns)]
		body := fmt.Sprintf(`HomeNewsRegionContact
Storm damage reported in %[1]s, report %[2]d

The regional office said on Monday that storm number %[2]d damaged %[3]d roofs in %[1]s and cut power to several streets for most of the night.

Repair crews from the neighbouring districts arrived in the morning, and the office expects electricity to be restored to every household by %[4]d o'clock.

"We have seen nothing like this since the spring floods," said a spokesperson for the office, who asked residents to keep away from fallen lines.

Subscribe to our newsletter
© 2025 Regional Herald. All rights reserved.
`, town, i, 10+i%90, 12+i%8)
		p := filepath.Join(dir, fmt.Sprintf("d%02d", i/100), fmt.Sprintf("a%05d.txt", i))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestKilledIngestResumes kills a real ingest process midway with SIGKILL
// and checks that running it again leaves exactly the store an
// uninterrupted run makes.
func TestKilledIngestResumes(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	corpus := t.TempDir()
	writeCrashCorpus(t, corpus, 1500)
	tmp := t.TempDir()
	killedDB := filepath.Join(tmp, "killed.db")
	cleanDB := filepath.Join(tmp, "clean.db")

	cmd := child(t, "--db", killedDB, "ingest", "--no-progress", "--batch", "20", corpus)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	killed := false
	deadline := time.Now().Add(60 * time.Second)
	for !killed && time.Now().Before(deadline) {
		select {
		case <-done:
			t.Fatal("ingest finished before it could be killed; make the corpus larger")
		case <-time.After(10 * time.Millisecond):
		}
		if n := storedCount(killedDB); n >= 100 {
			if err := cmd.Process.Kill(); err != nil { // SIGKILL on Unix: no chance to clean up
				t.Fatal(err)
			}
			killed = true
		}
	}
	if !killed {
		t.Fatal("ingest never stored anything")
	}
	<-done
	partial := storedCount(killedDB)
	if partial <= 0 || partial >= 1500 {
		t.Fatalf("after the kill the store holds %d articles; want a partial store", partial)
	}
	if partial%20 != 0 {
		t.Errorf("store holds %d articles, not a whole number of 20-article batches: a batch was half written", partial)
	}

	if code, out, errOut := run(t, "--db", killedDB, "ingest", "--no-progress", "--batch", "20", corpus); code != ExitOK {
		t.Fatalf("resumed ingest: exit %d\n%s%s", code, out, errOut)
	} else if !strings.Contains(out, fmt.Sprintf("already present %d ", partial)) {
		t.Errorf("resumed ingest should find the %d stored articles:\n%s", partial, out)
	}
	if code, out, errOut := run(t, "--db", cleanDB, "ingest", "--no-progress", "--batch", "20", corpus); code != ExitOK {
		t.Fatalf("clean ingest: exit %d\n%s%s", code, out, errOut)
	}
	_, a, _ := run(t, "--db", killedDB, "export")
	_, b, _ := run(t, "--db", cleanDB, "export")
	if strings.Count(a, "\n") != 1500 {
		t.Fatalf("resumed store exports %d articles, want 1500", strings.Count(a, "\n"))
	}
	if a != b {
		t.Error("the resumed store differs from an uninterrupted run's")
	}
}

func storedCount(path string) int {
	if _, err := os.Stat(path); err != nil {
		return 0
	}
	db, err := sqlite.Open(path)
	if err != nil {
		return -1
	}
	defer db.Close()
	s, err := db.Stats(contextBG())
	if err != nil {
		return -1
	}
	return s.Articles
}
