package resolve

import "testing"

func TestNameKeySame(t *testing.T) {
	tests := []struct{ a, b string }{
		{"Aleksey", "Alexei"},
		{"Alexey", "Aleksei"},
		{"Grayvoron", "Grajvoron"},
		{"Grayvoron", "Graivoron"},
		{"Tyotkino", "Tetkino"},
		{"Tjotkino", "Tëtkino"},
		{"Zelensky", "Zelenskyy"},
		{"Zelensky", "Zelenskiy"},
		{"Zelenskii", "Zelensky"},
		{"Yevgeny Prigozhin", "Evgeny Prigozhin"},
		{"Freedom of Russia Legion", "Freedom for Russia Legion"},
		{"Freedom of Russia Legion", "Legion “Freedom for Russia”"},
		{"Freedom of Russia Legion", "the \"Freedom of Russia\" legion"},
		{"Mr Baranovsky", "Baranovsky"},
		{"Mr. Baranovsky", "Baranovsky"},
		{"President Vladimir Putin", "Vladimir Putin"},
		{"Gen. Valery Gerasimov", "Valery Gerasimov"},
		{"Ministry of Defence", "Defence Ministry"},
		{"TASS", "Tass"},
		{"Ukrinform", "UkrinForm"},
		{"Алексей Навальный", "Aleksey Navalny"},
		{"Sergey Shoigu", "Sergei Shoigu"},
		{"Fyodor", "Fedor"},
	}
	for _, tt := range tests {
		if ka, kb := NameKey(tt.a), NameKey(tt.b); ka != kb {
			t.Errorf("NameKey(%q) = %q, NameKey(%q) = %q; want equal", tt.a, ka, tt.b, kb)
		}
	}
}

func TestNameKeyDifferent(t *testing.T) {
	tests := []struct{ a, b string }{
		{"Russian Volunteer Corps", "Russian Volunteer Army"},
		{"Donetsk", "Donetsk People's Republic"},
		{"Alexei Navalny", "Alexei Baranovsky"},
		{"Sergei Shoigu", "Sergei Lavrov"},
		{"Defence Ministry", "Ministry"},
		{"Khernov", "Chernov"},
		{"Foreign Intelligence Service", "Intelligence Service"},
	}
	for _, tt := range tests {
		if ka, kb := NameKey(tt.a), NameKey(tt.b); ka == kb {
			t.Errorf("NameKey(%q) = NameKey(%q) = %q; want different", tt.a, tt.b, ka)
		}
	}
}
