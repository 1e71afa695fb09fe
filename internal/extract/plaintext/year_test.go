package plaintext

import "testing"

func TestCopyrightYear(t *testing.T) {
	tests := []struct{ line, want string }{
		{"Copyright 2023 Northline Media Inc. All rights reserved.", "2023"},
		{"© 2021 The Harbour Post", "2021"},
		{"(c) 2019 Vestnik", "2019"},
		{"Copyright © 2022 Example Ltd", "2022"},
		{"© 2015-2024 The Harbour Post", ""},     // the site's range
		{"© 2015 – 2024 The Harbour Post", ""},   // spaced range
		{"Copyright The Harbour Post", ""},       // no year
		{"© 1875 Old Gazette", ""},               // not a web page's year
		{"Copyright 2023, 2024 Example Ltd", ""}, // a list is the site's too
	}
	for _, tt := range tests {
		if got, _ := copyrightYear(tt.line); got != tt.want {
			t.Errorf("copyrightYear(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}
