package resolve

// Profile returns entity i of the document as a profile for Match, with
// the name keys of the document's other named entities as its context.
// Entities known only through descriptions contribute no context: "the
// group" says nothing about which story this is.
func (d Doc) Profile(i int) Profile {
	e := d.Entities[i]
	p := Profile{Canonical: e.Canonical, Type: e.Type, Aliases: append([]string(nil), e.Aliases...)}
	seen := map[string]bool{NameKey(e.Canonical): true}
	for j, o := range d.Entities {
		if j == i {
			continue
		}
		if k := NameKey(o.Canonical); k != "" && !seen[k] {
			seen[k] = true
			p.Context = append(p.Context, k)
		}
	}
	return p
}
