package gen

// backgrounds close a raid article: one about the twin event when there is
// one, else a general one.
var (
	twinBackgrounds = []string{
		"It is [the group's second incursion|the second time the group has struck|not the group's first raid] [into|in] the {district} district. In {twinMonth} {twinYear} its [fighters|men] [held part of|briefly took|entered] {twinVillage}, [a few kilometres away|not far from {village}|just down the road], for [almost two days|about a day|several hours] before [withdrawing|pulling back across the border]. The ministry [said at the time|claimed then] that {twinClaimed} attackers had been killed.",
		"The raid [echoes|recalls|mirrors] the group's attack on {twinVillage} in {twinMonth} {twinYear}, when {tgtAdj} officials [also said|likewise claimed|similarly said] the border had been \"fully restored\" [within hours|by evening|the same day] and [put|gave] the attackers' losses at {twinClaimed}.",
		"[This is not the first time|It is not the first time] the {abbr} has [struck|crossed into] the {district} district: [last year|in {twinMonth} {twinYear}] its men [entered|briefly held] {twinVillage}, and {tgtCap} [then|at the time] reported {twinClaimed} of them [dead|killed].",
		"Residents of {town} [remember|recall] the [previous|earlier] raid, on {twinVillage} in {twinMonth} {twinYear}. [Then, too,|On that occasion] the {group} [posted videos from the village|claimed to have taken prisoners], and the {tgtAdj} military [said|insisted] it had killed {twinClaimed} [attackers|fighters].",
		"[The group's|The {abbr}'s] [fighters|men] [first|last] [appeared|struck] in the area in {twinMonth} {twinYear}, when they [fought their way into|raided] {twinVillage}. The {tgtAdj} side [then claimed|said at the time] {twinClaimed} attackers had been killed, a figure the group [called invented|never confirmed].",
		"[Almost exactly a year ago|In {twinMonth} {twinYear}], the same group [hit|attacked] {twinVillage}, [a few kilometres|a short drive] from {village}. [That raid|The earlier raid] lasted [about two days|less than two days], [according to|by the account of] {tgtAdj} officials, who [put|gave] the attackers' losses at {twinClaimed}.",
	}
	plainBackgrounds = []string{
		"[Fighting|Skirmishing|Shooting] along the border between {tgt} and {atk} [began|flared up] in 2023, and both sides have since [accused each other of shelling villages in|blamed each other for attacks on civilians in|accused each other of sending sabotage groups into] {province}. ^ [No ceasefire has held for more than a few weeks|Talks on a ceasefire have stalled since the spring|Each side blames the other for every new flare-up].",
		"The {group}, [also known by its initials|known as the|abbreviated] {abbr}, was [formed|set up|founded] by {tgtAdj} [exiles|émigrés|dissidents] [living in|based in|who settled in] {atk}. [Its commander|The group's leader], {cmdr}, has been [sentenced in absentia in {tgtCap} to [20 years|life imprisonment]|convicted in absentia in {tgtCap} of treason|tried in absentia in {tgtCap} for treason].",
		"{tgtCap} [calls|has designated|lists] the {abbr} [a terrorist organisation|as a terrorist group|among terrorist organisations] and [has accused|accuses] {atk} of [arming|financing|sheltering] it, which {atkCap} denies. The group [first appeared|emerged] [in 2022|two years ago|after the border clashes of 2023] and [says|claims] it has about {fighters} [men|members].",
		"Border villages in the {district} district have been [shelled|hit] [almost daily|regularly|several times a week] since the conflict began, and [many|most] of their residents [left|moved away] [long ago|last year|before this raid]. ^ {village} had [about|roughly] {population} inhabitants [before the fighting|before 2023|a few years ago].",
		"[Analysts|Military observers|Researchers who track the conflict] say the {abbr} [is used by|serves] {atkCap} as a way to [put pressure on|test] {tgtCap} without [open war|sending its own army|taking responsibility].",
		"The {group} [claims|says it has] about {fighters} members, a figure that [cannot be checked|is impossible to verify|{tgtAdj} officials dispute]. [Most of them|Many], [according to|by the account of] the group, are {tgtAdj} citizens who [left the country to avoid conscription|fled prosecution at home|deserted from the army].",
		"Raids of this kind [have become more frequent|have grown bolder|have multiplied] since {atk} and {tgt} broke off talks [in 2023|last year|in the winter]. [Each one|Every raid] ends with both sides claiming victory and offering figures that [cannot be verified|do not match|no one can check].",
		"{^cmdrS} [served in|was an officer of] the {tgtAdj} army [until 2021|for more than a decade|before defecting]. [The commander|{cmdrLast}] is wanted in {tgtCap} on charges of [treason|terrorism|armed rebellion].",
	}
)

// fillers are paragraphs any article may add, at most maxFillers of them.
// Each names facts of its event besides the place, so that two articles
// about different events in one province do not share a paragraph.
var fillers = []string{
	"\"[The message is political, not military|Holding ground for a few days tells people the border is not sealed|Every such attack makes the next round of talks harder|Neither capital wants a real war, but both want to look strong],\" [said {analystC}|{analystS} said|{analystS} told reporters].",
	"[Neither side's account|None of the accounts|No account] of [events|what happened] in {province} {on} could be [independently verified|checked independently|confirmed]. ^ Journalists are [not allowed into|barred from|kept out of] the {district} district [without an escort|without a military permit|except on tours organised by the army].",
	"\"[We heard the first explosions at {hour} in the morning|Nobody told us anything. We went to the cellar and waited|Whoever wins there, we pay for it here|We have lived like this for two years now],\" said {resident}, {age}, who lives [near the border|on the edge of {town}|in a village close to {village}].",
	"Prices for [fuel and bread|bread and medicine|petrol and flour] in {province} have risen by [a tenth|a fifth|almost a third] since [the start of the year|January|the autumn][, officials in {provCap} said|, according to the statistics office in {provCap}|, the regional statistics office says]. ^ [Shops|Traders] in {town} [blame|point to] the [closed roads|fighting|lost harvest].",
	"[Diplomats|Envoys|Officials] from {mediator} said they were [following|watching] events in {province} [closely|with concern] and [called on|urged] {tgtCap} and {atkCap} to [avoid steps|refrain from actions] that could [endanger civilians|derail the talks on prisoner exchanges|widen the conflict].",
	"The border between {tgt} and {atk} in {province} runs for [about|some|roughly] [80|110|140] kilometres through [forest and farmland|marshes and birch woods|open steppe], and [much of it is mined|large stretches of it are mined|only three crossings remain open].",
	"[Local authorities|Officials] in {town} [opened|set up] [two|three|four] temporary shelters, where volunteers from {provCap} [handed out|distributed] [blankets and water|food and medicine|phone chargers and warm clothes]. [By the evening|By nightfall|Within hours] [about|more than] [90|140|200] people had [registered|asked for help] there.",
	"[Residents|People] [of|in] the {district} district said [mobile phone service|the mobile network|the internet] had been [cut|down] [for most of the day|since the morning|for several hours] {on}, making it [hard|impossible] to reach [relatives|family] in {provCap}.",
	"[According to|In the view of] {analystC}, both {tgtCap} and {atkCap} use the border as a stage: \"[Each side needs pictures for its own public|What happens in {village} is read in two capitals|The numbers are for television, not for history].\"",
	"[In {tgtCap}|Back in {tgtCap}], state television [led its evening news with|opened its bulletins with|gave pride of place to] the {tgtAdj} government's account of {province}, [while|whereas] independent Telegram channels [showed|shared] videos that [could not be verified|appeared to contradict it|were quickly deleted].",
	"{tgtAdj} [lawmakers|deputies] [called for|demanded] a [closed|special] session of parliament on [the situation in {province}|events in {province}|border security], and [the opposition|several deputies] [asked|wanted] [the defence minister|the head of the border service] to [report in person|answer questions] [next week|within days|before the summer recess].",
	"Railway traffic between {town} and {provCap} was [halted|suspended] for [several hours|most of the day|about {minutes} minutes] [as a precaution|for safety reasons], the regional railway company said. ^ [Passengers were taken on by bus|Two trains were cancelled|Freight trains waited at {provCap}].",
	"[Schools|Kindergartens|Schools and kindergartens] in the {district} district [switched to lessons online|stayed closed|sent children home early] {on}, the district education office said, [for the {nth} time this year|as it does after every attack|until further notice].",
	"The [United Nations|Red Cross|International Committee of the Red Cross] [office|delegation] in {tgtCap} said it was [trying to reach|in contact with|sending supplies to] [villages|communities|families] in the {district} district and [urged|called on] both sides to [spare civilians|let aid through|respect the laws of war].",
	"[Insurance companies|Banks|Farmers' unions] in {province} [say|have warned] that [losses from the fighting|war losses] [this year|since January] [already exceed|are close to] [two|three|four] times [last year's|the regional budget for repairs], [a sign of|which reflects] how [often|badly] the border [districts|villages] are hit.",
	"State media in {atkCap} [gave a different picture|told the story differently], [describing {province} as|calling {province}] a place where [the {tgtAdj} army has lost control|{tgtCap} has abandoned its own citizens|people welcome the fighters], [a claim|an account] {tgtAdj} officials [reject|dismiss as propaganda].",
	"A [volunteer|charity] network in {provCap} [said|reported] it had [sent|delivered] [{crowdSmall}|about {crowdSmall}|more than {crowdSmall}] [food parcels|generators|first-aid kits] to the border [districts|villages] since [the spring|the start of the month|January], [most of them|half of them] to the {district} district.",
	"[Church bells|Air-raid sirens] [rang|sounded] in {provCap} [twice|several times|repeatedly] {on}, [residents said|according to a city official|local media reported], [though|but] the city itself was not [hit|targeted].",
	"[Border crossings|Checkpoints] on the road from {provCap} to the border [were closed|stayed shut] [for the day|until further notice|{on}], [and|while] [only military vehicles|only ambulances and army trucks] were [allowed through|let through|waved through].",
	"The [conflict|fighting] has [displaced|driven from their homes] [tens of thousands|many thousands] of people in {province}, [according to|by the estimate of] the {institute}, which [says|estimates that] [more than half|nearly half|about a third] of the border [villages|communities] are [now empty|all but abandoned|home only to the elderly].",
	"[The head of|The chairman of] {tgt}'s [parliamentary|national] defence committee [wrote|said|posted] {on} that [the events in {province}|what happened in {province}] [showed|proved|made clear] the need for [more air defence|a deeper buffer zone|new fortifications] along the border.",
	"[Volunteers|Residents|Local men] in {town} have [formed|set up|organised] [a self-defence unit|night patrols|a watch] [of about {crowdSmall} people|that numbers {crowdSmall} people|of {crowdSmall} volunteers], [its founder|one of them|a member] [said|told a local channel], [though|but] [they have few weapons|it has no official status|the police have not approved it].",
	"[Economists|Business leaders] in {provCap} [warn|say] that [investors are leaving|factories are leaving|young people are leaving] [the province|{province}|the border region] [because of|as a result of] the [fighting|attacks], and that [the regional budget|tax revenue] [fell|shrank] by [a tenth|about 15 per cent|a fifth] [last year|in the first half of the year].",
}

// wording lists interchangeable phrases; each article picks one of each
// entry, so that articles built from the same templates still differ in
// wording the way different writers do. The first form is the one the
// templates use; templates use it only where every form reads well.
var wording = [][]string{
	{"residents", "inhabitants", "people"},
	{"officials", "authorities"},
	{"attackers", "assailants", "raiders"},
	{"more than", "over"},
	{"at least", "no fewer than"},
	{"on Telegram", "on the Telegram messaging app", "via Telegram"},
	{"overnight", "during the night", "in the night"},
	{"village", "settlement"},
	{"houses", "homes"},
	{"began", "started"},
	{"wounded", "injured"},
	{"soldiers", "troops", "servicemen"},
	{"rally", "demonstration", "protest"},
	{"drones", "unmanned aircraft", "UAVs"},
	{"explosions", "blasts"},
	{"statement", "communique"},
	{"shelter", "refuge"},
	{"the enemy", "the adversary", "the opponent"},
	{"buses", "coaches"},
	{"was hit", "was struck"},
	{"were hit", "were struck"},
	{"damaged", "wrecked", "battered"},
	{"told reporters", "told journalists", "told the press"},
	{"fighters", "gunmen", "combatants"},
	{"border", "frontier"},
	{"the fire", "the blaze"},
	{"local media", "local news outlets", "regional media"},
	{"spokesman", "spokesperson", "press officer"},
	{"armoured vehicles", "armoured personnel carriers", "armoured cars"},
	{"exchange", "swap"},
	{"relatives", "family members", "loved ones"},
	{"photographs", "photos", "pictures"},
	{"regional", "provincial"},
	{"firefighters", "fire crews"},
	{"emergency services", "rescue services"},
	{"rescuers", "rescue workers", "emergency workers"},
	{"journalists", "reporters"},
	{"declined to comment", "would not comment", "did not comment"},
	{"shortly after", "soon after"},
	{"dozens of", "scores of"},
	{"heavy fighting", "fierce fighting", "intense fighting"},
	{"temporary", "makeshift"},
	{"in the early hours", "before dawn", "in the small hours"},
	{"the governor", "the regional governor"},
	{"the army", "the military", "the armed forces"},
	{"ceasefire", "truce"},
	{"talks", "negotiations"},
	{"hamlets", "small villages"},
	{"burned-out", "charred", "gutted"},
	{"Defence Ministry", "Ministry of Defence", "defence ministry"},
	{"nearby", "neighbouring"},
}

// phrases are the ways outlets introduce the people of an event; each use
// draws one anew. A key ending in S is the subject of a verb that follows,
// with any apposition closed by a comma; one ending in C stands before a
// comma or a full stop.
var phrases = map[string]string{
	"govS":     "[{gov}, the governor of {province},|governor {gov}|the governor of {province}, {gov},|{prov} governor {gov}|regional governor {gov}|{gov}, who governs {province},]",
	"govC":     "[governor {gov}|{gov}, the governor of {province}|the governor of {province}, {gov}|{prov} governor {gov}|{gov}, the regional governor]",
	"spoxS":    "[{spokesman}, a spokesman for the {tgtAdj} Defence Ministry,|Defence Ministry spokesman {spokesman}|{spokesman}, who speaks for the ministry in {tgtCap},|the ministry's spokesman, {spokesman},|military spokesman {spokesman}]",
	"spoxC":    "[Defence Ministry spokesman {spokesman}|{spokesman}, a spokesman for the {tgtAdj} Defence Ministry|the ministry's spokesman, {spokesman}|{spokesman}, the military's spokesman]",
	"cmdrS":    "[{cmdr}, the {group}'s commander,|the group's commander, {cmdr},|{cmdr}, who uses the call sign {callsign},|{cmdr}, known as {callsign},|the {abbr} commander, {cmdr},|{cmdr}, the commander of the {abbr},]",
	"cmdrC":    "[{cmdr}, the {group}'s commander|the group's commander, {cmdr}|{cmdr}, who uses the call sign {callsign}|the {abbr} commander, {cmdr}|{cmdr}, the commander known as {callsign}]",
	"offS":     "[{official}, a spokesman for {atkAdj} military intelligence,|{official}, who speaks for the {atkAdj} government,|government spokesman {official}|{official}, a spokesman for the foreign ministry in {atkCap},|{official}, an official in {atkCap},]",
	"offC":     "[{official}, a spokesman for {atkAdj} military intelligence|government spokesman {official}|{official}, who speaks for the government in {atkCap}|{official}, a foreign ministry spokesman in {atkCap}]",
	"mayorS":   "[{mayor}, who heads the administration of {village},|the head of the local administration, {mayor},|local administration chief {mayor}|{mayor}, the head of the village administration,|{village}'s administration head, {mayor},]",
	"mayorC":   "[{mayor}, who heads the administration of {village}|the head of the local administration, {mayor}|local administration chief {mayor}|{mayor}, the head of the village administration]",
	"orgS":     "[{organiser}, one of the organisers,|{organiser}, who helped organise the rally,|organiser {organiser}|{organiser}, a member of the families' committee,|{organiser}, whose son is among the missing,]",
	"orgC":     "[{organiser}, one of the organisers|{organiser}, who helped organise the rally|organiser {organiser}|{organiser}, a member of the families' committee]",
	"presS":    "[{president}, the president of {atk},|{atk}'s president, {president},|President {president}|the {atkAdj} president, {president},|{president}, {atk}'s president,]",
	"presC":    "[{president}, the president of {atk}|{atk}'s president, {president}|President {president}|the {atkAdj} president, {president}]",
	"minS":     "[{minister}, the {medAdj} foreign minister,|{medAdj} Foreign Minister {minister}|{mediator}'s foreign minister, {minister},|Foreign Minister {minister} of {mediator}|{minister}, who led the {medAdj} mediation,]",
	"minC":     "[{minister}, the {medAdj} foreign minister|{medAdj} Foreign Minister {minister}|{mediator}'s foreign minister, {minister}|{minister}, who led the {medAdj} mediation]",
	"analystS": "[{analyst}, a researcher at the {institute},|{analyst} of the {institute}|{analyst}, who studies the conflict at the {institute},|{analyst}, an analyst at the {institute},]",
	"analystC": "[{analyst}, a researcher at the {institute}|{analyst} of the {institute}|{analyst}, who studies the conflict at the {institute}|{analyst}, an analyst at the {institute}]",
	"xoffS":    "[{official}, who coordinates prisoner issues in {atkCap},|{official}, the {atkAdj} ombudsman for prisoners,|{official}, who led the {atkAdj} side of the talks,|the {atkAdj} official in charge of exchanges, {official},]",
	"xoffC":    "[{official}, who coordinates prisoner issues in {atkCap}|{official}, the {atkAdj} ombudsman for prisoners|{official}, who led the {atkAdj} side of the talks|the {atkAdj} official in charge of exchanges, {official}]",
}
