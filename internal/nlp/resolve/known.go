package resolve

import "strings"

// knownAbbreviations are abbreviations news uses without spelling them out,
// each with the names it stands for. Within an article an abbreviation is
// learnt from its definition in parentheses; across articles, one article's
// bare "FSB" and another's "Federal Security Service" have no such bridge,
// so widely used ones are listed here. These are facts about organisations,
// kept short: an abbreviation with several common meanings (MP, PM) is left
// out, because a wrong merge costs more than a missed one.
var knownAbbreviations = map[string][]string{
	"fsb":   {"Federal Security Service", "Federal Security Service of the Russian Federation"},
	"sbu":   {"Security Service of Ukraine"},
	"gur":   {"Main Intelligence Directorate", "Main Directorate of Intelligence", "Defence Intelligence of Ukraine"},
	"hur":   {"Main Intelligence Directorate", "Main Directorate of Intelligence", "Defence Intelligence of Ukraine"},
	"gru":   {"Main Directorate of the General Staff"},
	"svr":   {"Foreign Intelligence Service"},
	"cia":   {"Central Intelligence Agency"},
	"fbi":   {"Federal Bureau of Investigation"},
	"nsa":   {"National Security Agency"},
	"nato":  {"North Atlantic Treaty Organization", "North Atlantic Treaty Organisation"},
	"un":    {"United Nations"},
	"eu":    {"European Union"},
	"osce":  {"Organization for Security and Co-operation in Europe", "Organization for Security and Cooperation in Europe"},
	"iaea":  {"International Atomic Energy Agency"},
	"icc":   {"International Criminal Court"},
	"icrc":  {"International Committee of the Red Cross"},
	"unhcr": {"United Nations High Commissioner for Refugees", "UN Refugee Agency"},
	"who":   {"World Health Organization", "World Health Organisation"},
	"imf":   {"International Monetary Fund"},
	"afu":   {"Armed Forces of Ukraine"},
	"zsu":   {"Armed Forces of Ukraine"},
	"dpr":   {"Donetsk People's Republic"},
	"lpr":   {"Luhansk People's Republic", "Lugansk People's Republic"},
	"idf":   {"Israel Defense Forces"},
	"sdf":   {"Syrian Democratic Forces"},
	"ypg":   {"People's Protection Units"},
	"pkk":   {"Kurdistan Workers' Party"},
	"isis":  {"Islamic State"},
	"isil":  {"Islamic State"},
	"rsf":   {"Rapid Support Forces"},
	"saf":   {"Sudanese Armed Forces"},
	"tass":  {"TASS Russian News Agency"},
}

// knownKeys maps the name key of every listed full name to its
// abbreviations.
var knownKeys = func() map[string][]string {
	m := map[string][]string{}
	for acr, names := range knownAbbreviations {
		for _, n := range names {
			k := NameKey(n)
			m[k] = append(m[k], acr)
		}
	}
	return m
}()

// knownAcronyms returns the listed abbreviations a profile goes by, written
// out or spelled in full, with the full name each stands for.
func knownAcronyms(p Profile) map[string]string {
	if coarseType(p.Type) == "PER" {
		return nil
	}
	out := map[string]string{}
	for _, n := range append([]string{p.Canonical}, p.Aliases...) {
		if a := asAcronym(n); a != "" {
			if names, ok := knownAbbreviations[a]; ok {
				out[a] = names[0]
			}
			continue
		}
		for _, a := range knownKeys[NameKey(n)] {
			out[a] = strings.TrimSpace(n)
		}
	}
	return out
}
