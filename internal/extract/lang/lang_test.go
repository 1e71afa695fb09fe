package lang

import (
	"strings"
	"testing"
)

func TestDetect(t *testing.T) {
	cases := []struct {
		want, text string
	}{
		{"en", "The council voted on Tuesday to keep the night bus running for another year after hundreds of letters from shift workers."},
		{"de", "Der Stadtrat hat am Dienstag beschlossen, den Nachtbus ein weiteres Jahr fahren zu lassen, nachdem viele Briefe eingegangen waren."},
		{"fr", "Le conseil municipal a voté mardi pour maintenir le bus de nuit pendant une année de plus, après des centaines de lettres."},
		{"ru", "Городской совет во вторник проголосовал за то, чтобы ночной автобус продолжал ходить ещё один год."},
		{"uk", "Міська рада у вівторок проголосувала за те, щоб нічний автобус їздив ще один рік, після сотень листів від мешканців."},
		{"es", "El ayuntamiento votó el martes para mantener el autobús nocturno durante un año más, tras recibir cientos de cartas."},
		{"it", "Il consiglio comunale ha votato martedì per mantenere l'autobus notturno per un altro anno, dopo centinaia di lettere."},
		{"pl", "Rada miasta zagłosowała we wtorek za utrzymaniem nocnego autobusu przez kolejny rok po setkach listów od mieszkańców."},
		{"zh", "市议会星期二投票决定让夜间公交车再运行一年，此前收到了数百封轮班工人和学生的来信。"},
		{"ja", "市議会は火曜日、夜行バスの運行をもう一年続けることを決めました。多くの手紙が届いたためです。"},
		{"ar", "صوت مجلس المدينة يوم الثلاثاء على الإبقاء على حافلة الليل لمدة عام آخر بعد مئات الرسائل من السكان."},
	}
	for _, c := range cases {
		got, conf := Detect(c.text)
		if got != c.want {
			t.Errorf("Detect(%.30q) = %q (%.2f), want %q", c.text, got, conf, c.want)
		}
		if got != "" && (conf <= 0 || conf > 1) {
			t.Errorf("confidence %v out of range", conf)
		}
	}
}

func TestDetectTooShortOrNoLetters(t *testing.T) {
	for _, s := range []string{"", "   ", "Hello", "OK then", "12345 67890 !!! ??? 2024-01-01", "https://example.com/a/b/c"} {
		if got, conf := Detect(s); got != "" || conf != 0 {
			t.Errorf("Detect(%q) = %q, %v; want empty", s, got, conf)
		}
	}
}

func TestAllowList(t *testing.T) {
	text := "Der Stadtrat hat am Dienstag beschlossen, den Nachtbus ein weiteres Jahr fahren zu lassen."
	d := New("en", "fr")
	if got, _ := d.Detect(text); got == "de" {
		t.Errorf("returned a language outside the allow-list")
	}
	if got, _ := New("de").Detect(text); got != "de" {
		t.Errorf("got %q with de allowed", got)
	}
	// Scripts decided without trigrams still honour the list.
	if got, _ := New("en").Detect("市议会星期二投票决定让夜间公交车再运行一年，此前收到了数百封来信。"); got != "" {
		t.Errorf("got %q for Chinese with only en allowed", got)
	}
	// Unknown codes are ignored rather than breaking the detector.
	if got, _ := New("xx", "en").Detect("The council voted on Tuesday to keep the night bus running."); got != "en" {
		t.Errorf("got %q", got)
	}
}

func TestLongTextIsBounded(t *testing.T) {
	text := strings.Repeat("The harbour reopened on Friday after the strike ended. "+
		"Dock workers returned to the cranes before dawn, and the first ships were unloaded by noon. "+
		"The union said the new offer was better than the last one but still left members behind. ", 2000)
	if got, _ := Detect(text); got != "en" {
		t.Errorf("got %q", got)
	}
}

func TestISO1(t *testing.T) {
	cases := map[string]string{"eng": "en", "deu": "de", "ukr": "uk", "cmn": "zh", "xyz": "", "": ""}
	for in, want := range cases {
		if got := ISO1(in); got != want {
			t.Errorf("ISO1(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHead(t *testing.T) {
	if got := head("abc def", 100); got != "abc def" {
		t.Errorf("head = %q", got)
	}
	if got := head("abcdef ghij", 8); got != "abcdef" {
		t.Errorf("head = %q", got)
	}
	if got := head("äöüäöü", 3); got != "äöü" {
		t.Errorf("head = %q", got)
	}
}

func BenchmarkDetect(b *testing.B) {
	text := strings.Repeat("Der Stadtrat hat am Dienstag beschlossen, den Nachtbus weiter fahren zu lassen. ", 40)
	for b.Loop() {
		Detect(text)
	}
}
