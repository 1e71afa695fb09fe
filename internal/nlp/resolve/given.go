package resolve

// givenNameGroups are given names that are one name in Ukrainian, Russian,
// Belarusian and English use, romanised from different spellings. The
// transliteration skeleton already joins spellings of one form (Aleksey,
// Alexei); these join forms that differ in sound (Yevhen and Yevgeny,
// Volodymyr and Vladimir), which news of the same person mixes.
var givenNameGroups = [][]string{
	{"Oleksandr", "Aleksandr", "Alexander", "Alyaksandr"},
	{"Oleksiy", "Oleksii", "Aleksey", "Alexei", "Alexey"},
	{"Volodymyr", "Vladimir", "Uladzimir"},
	{"Yevhen", "Yevgeny", "Evgeny", "Yevgeniy", "Eugene"},
	{"Mykola", "Nikolai", "Nikolay", "Mikalai"},
	{"Mykhailo", "Mikhail", "Mikhailo", "Michael"},
	{"Andriy", "Andrii", "Andrei", "Andrey", "Andrew"},
	{"Serhiy", "Serhii", "Sergei", "Sergey", "Siarhei"},
	{"Dmytro", "Dmitry", "Dmitri", "Dzmitry"},
	{"Yuriy", "Yurii", "Yuri", "Yury"},
	{"Petro", "Pyotr", "Petr", "Peter"},
	{"Pavlo", "Pavel", "Paul"},
	{"Vasyl", "Vasily", "Vasiliy", "Vasil"},
	{"Hryhoriy", "Hryhorii", "Grigory", "Grigoriy", "Gregory"},
	{"Heorhiy", "Heorhii", "Georgy", "Georgiy", "George"},
	{"Ihor", "Igor"},
	{"Oleh", "Oleg"},
	{"Vitaliy", "Vitalii", "Vitaly"},
	{"Anatoliy", "Anatolii", "Anatoly"},
	{"Valeriy", "Valerii", "Valery"},
	{"Kyrylo", "Kirill", "Cyril"},
	{"Maksym", "Maxim", "Maksim"},
	{"Denys", "Denis"},
	{"Ivan", "John"},
	{"Olena", "Yelena", "Elena", "Helen"},
	{"Tetiana", "Tatyana", "Tatiana"},
	{"Nataliya", "Natalia", "Natalya"},
	{"Yuliya", "Yulia", "Julia"},
	{"Kateryna", "Yekaterina", "Ekaterina", "Catherine"},
	{"Iryna", "Irina"},
	{"Hanna", "Anna"},
}

// givenGroup maps the skeleton of each listed name to its group's index+1.
var givenGroup = func() map[string]int {
	m := map[string]int{}
	for i, g := range givenNameGroups {
		for _, n := range g {
			if toks := keyTokens(n); len(toks) == 1 {
				if _, taken := m[toks[0]]; !taken {
					m[toks[0]] = i + 1
				}
			}
		}
	}
	return m
}()

// sameGivenName reports whether two given-name skeletons are listed as one
// name.
func sameGivenName(a, b string) bool {
	ga, gb := givenGroup[a], givenGroup[b]
	return ga != 0 && ga == gb
}
