package source

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// visitFunc receives each file to read (info set) or each path that could not
// be examined (err set). named is true for a path given by the caller rather
// than found in a folder. A non-nil return stops the enumeration.
type visitFunc func(path string, info fs.FileInfo, named bool, err error) error

// enumerate lists files in the order Walk reads them. Walk and CountFiles
// share it so that the count matches what Walk does.
func enumerate(paths []string, visit visitFunc) error {
	e := &enumerator{visit: visit, seen: map[string]bool{}}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			if err := visit(p, nil, true, err); err != nil {
				return err
			}
			continue
		}
		if info.IsDir() {
			if err := e.dir(p); err != nil {
				return err
			}
			continue
		}
		if err := visit(p, info, true, nil); err != nil {
			return err
		}
	}
	return nil
}

type enumerator struct {
	visit visitFunc
	// seen holds the resolved path of every folder read, so a symlink loop,
	// or a folder named twice, is read once.
	seen map[string]bool
}

func (e *enumerator) dir(p string) error {
	key := p
	if r, err := filepath.EvalSymlinks(p); err == nil {
		key = r
	}
	if a, err := filepath.Abs(key); err == nil {
		key = a
	}
	if e.seen[key] {
		return nil
	}
	e.seen[key] = true

	// os.ReadDir sorts by name, which gives the lexical order; on error it
	// still returns the entries it could read.
	entries, err := os.ReadDir(p)
	if err != nil {
		if err := e.visit(p, nil, false, err); err != nil {
			return err
		}
	}
	for _, de := range entries {
		name := de.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		full := filepath.Join(p, name)
		var (
			info fs.FileInfo
			err  error
		)
		if de.Type()&fs.ModeSymlink != 0 {
			info, err = os.Stat(full)
		} else {
			info, err = de.Info()
		}
		if err != nil {
			if err := e.visit(full, nil, false, err); err != nil {
				return err
			}
			continue
		}
		if info.IsDir() {
			if err := e.dir(full); err != nil {
				return err
			}
			continue
		}
		if err := e.visit(full, info, false, nil); err != nil {
			return err
		}
	}
	return nil
}
