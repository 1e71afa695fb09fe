package text

import (
	"strings"
	"testing"
)

// benchArticle is an invented wire story of about 5 KB: datelines, quotes,
// abbreviations, numbers and a few non-ASCII marks, as news has them.
var benchArticle = func() string {
	paras := []string{
		`ODESA, Ukraine, Oct. 14 (Reuters) - Drones struck the port of Odesa early on Monday, damaging two grain silos and a warehouse, regional officials said. No casualties were reported, but the attack halted loading at three berths for several hours.`,
		`"The attack lasted about 40 minutes. Air defence shot down most of the drones," Gov. Oleh Marchenko wrote on Telegram. He said repairs would cost approx. 1.2 million hryvnias ($32,000) and would take "weeks, not days."`,
		`Lt. Gen. R. J. Halvorsen, who commands the U.S. Army's training mission in Germany, told reporters on Sunday the strikes were "part of a pattern" that began in mid-July. Officials at the U.N. office in Geneva declined to comment... The E.U. said it would send a team of experts to assess the damage.`,
		`Grain exports through the port fell 3.5% in September to 2.1 million tonnes, according to the ministry's data, the lowest since 2022. Traders, e.g. Vela Corp. and Brandt & Co. Ltd., expect a rebound in November if the shipping corridor stays open. Was it enough? "Not yet," one trader said, asking not to be named.`,
		`Ukraine’s navy said it had intercepted 18 of 22 drones and two Kh-59 missiles over the Odesa region. A spokesman, Capt. Dmytro Pletenchuk, said the remaining drones hit "civilian and port infrastructure" in the Izmail district near the Romanian border.`,
		`Russia's defence ministry did not comment on the attack. It said on its Telegram channel that its forces had struck "military-industrial targets" overnight, without naming them. Moscow has repeatedly accused Kyiv of using the ports for military purposes, which Ukraine denies.`,
		`The strikes came a day after Pres. Volodymyr Zelenskiy met Sen. Ada Brooks and Rep. Tom Vance in Kyiv to discuss air-defence supplies. “We need more systems, and we need them now,” Zelenskiy said at a news conference. Brooks said Congress would vote on a new aid package “in the coming weeks.”`,
		`Shipping data from the port authority showed 14 vessels waiting at anchor off Odesa on Monday afternoon, up from nine a week earlier. Insurance premiums for ships calling at Ukrainian ports have risen to about 1% of a vessel's value per voyage, brokers said.`,
		`In a separate incident, a 56-year-old man was wounded by shelling in the village of Bilozerka, Kherson Gov. Oleksandr Prokudin said. Russian forces fired 412 shells at the region over the past 24 hours, he added, including 35 at the city of Kherson itself.`,
		`The U.K. Ministry of Defence said in its daily intelligence update that Russia had probably increased its use of Shahed-type drones since August, launching an average of 40 per night. It gave no source for the figure. Analysts at the Institute for the Study of War, a U.S. think-tank, said the pattern suggested Moscow was stockpiling missiles for the winter.`,
		`Zelenskiy said at 9 p.m. that repair crews were already at work. "Odesa will keep working. The ports will keep working," he said in his nightly video address. "Every ship that leaves is an answer to these attacks."`,
		`Wheat prices on the Chicago Board of Trade rose 1.8% to $5.92 a bushel after the reports, before paring gains. Corn futures were little changed. Dealers said the market had grown used to attacks on Ukrainian ports and would react more strongly only if the corridor were closed for longer than a few days.`,
		`The port of Odesa handled about 60% of Ukraine's seaborne grain exports before the corridor was disrupted last year, according to figures from the U.N. Food and Agriculture Organization. Since then, exporters have shifted part of the trade to the Danube ports of Izmail and Reni, which can take only smaller vessels.`,
		`Mr. Marchenko said the regional government would compensate owners of damaged homes within 30 days. "Nobody will be left without help," he said, adding that 1,240 families had already applied for aid this year. Critics, incl. several local lawmakers, say payments are often delayed by months; the governor's office denies that.`,
		`Meanwhile, the shipping ministry said it was talking to insurers, e.g. Lloyd's of London syndicates, about a state-backed scheme to cap premiums. Details would be published "no later than Nov. 1," a deputy minister, Dr. Iryna Sobko, told a briefing in Kyiv on Monday. She did not say how much the scheme would cost.`,
		`Romania's foreign ministry said debris from one drone had fallen on its territory near the village of Plauru, across the river from Izmail, and that it had informed its NATO allies. No one was hurt. A ministry spokesman said the incident was "unacceptable" and that Bucharest would raise it at the next meeting of the alliance's ambassadors.`,
		`(Reporting by Ana Ruiz in Kyiv and Tom Berger in London; Additional reporting by J. P. Moreau in Paris; Editing by Mark Lee)`,
	}
	return strings.Join(paras, "\n\n")
}()

func BenchmarkAnalyze(b *testing.B) {
	b.SetBytes(int64(len(benchArticle)))
	b.ReportAllocs()
	for b.Loop() {
		Analyze(benchArticle, "en")
	}
}

func BenchmarkAnalyzeCyrillic(b *testing.B) {
	text := strings.Repeat("Київ, 21 березня — Зеленський заявив, що сили ППО збили 18 з 22 дронів. «Ми відновимо порт», — сказав він. ", 40)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Analyze(text, "uk")
	}
}
