package gen

import (
	"math/rand/v2"
	"strings"
)

// Templates: {key} is replaced by a value of the article; [a|b|c] picks one
// alternative at random. Alternatives do not nest but may hold keys.

// section is one slot of an article: one of its templates is used, or none
// when the dice say the section is skipped (Prob is the chance to use it).
type section struct {
	Prob  float64
	Texts []string
}

// kindTemplates are the titles, standfirsts and ordered sections of a kind.
type kindTemplates struct {
	Titles, Stands []string
	Sections       []section
}

var templates = [numKinds]kindTemplates{
	kindRaid: {
		Titles: []string{
			"{group} says it has taken {village} in {tgtAdj} border raid",
			"{tgtAdj} army says cross-border attack near {village} repelled",
			"Fighters from {atk} cross into {province}, claim control of {village}",
			"{abbr} fighters enter {village}; {tgtCap} says {claimed} attackers killed",
			"Border raid on {district} district: both sides claim success",
			"[Armed|Anti-government] {tgtAdj} exiles raid {village} in {province}",
			"{tgtAdj} governor orders evacuation after fighters enter {village}",
		},
		Stands: []string{
			"The group says the road to {town} is open; {tgtCap} calls the claim a provocation",
			"Neither side's account of the fighting in {village} could be verified",
			"[Second|New] incursion into the {district} district [raises fears of wider fighting|tests the border]",
		},
		Sections: []section{
			{1, []string{
				"Armed opponents of the {tgtAdj} government crossed from {atk} into the {district} district of {province} [before dawn|early|in the early hours] {on} and said they had taken the village of {village}.",
				"Fighters of the {group} said {on} that they had entered {village}, a village in {tgt}'s {province} about [three|four|five|six] kilometres from the border with {atk}.",
				"The {tgtAdj} Defence Ministry said {on} it had repelled an attack by armed groups from {atk} on the {district} district of {province}, while the attackers said they controlled the village of {village}.",
				"{village}, a village of a few hundred people in {province}, became the scene of heavy fighting {on} after fighters from across the {atkAdj} border [entered it|stormed it|pushed into it] at dawn.",
				"An armed group based in {atk} said {on} it had [seized|captured|taken control of] {village} in {tgt}, in [what would be its deepest|a new|its boldest] raid across the border; {tgtAdj} officials said the attack had failed.",
				"[Heavy fighting|Gunfire and explosions|Clashes] [were|was] reported in and around {village} in {tgt}'s {district} district {on}, as the {group} claimed to have crossed the border with [armour|tanks|armoured vehicles].",
			}},
			{0.95, []string{
				"\"{village} is fully under our control. [Our flag is flying over the village council|The garrison ran, and those who did not run are our prisoners|The soldiers of the regime laid down their arms],\" the {group}'s commander, {cmdr}, who uses the call sign {callsign}, [said in a video address|wrote on Telegram|said at a news conference in {atkCap}].",
				"According to the {group}, its fighters captured {prisoners} {tgtAdj} soldiers and [lost no one|suffered only light wounds|had two fighters wounded]. \"We will go further when we decide,\" {cmdrLast} said.",
				"The {abbr} said in a statement posted on Telegram that the operation in {village} was \"only the beginning\" and called on {tgtAdj} officers to \"stop serving a regime that does not serve you\".",
				"In a video released by the group, men in mismatched uniforms [walked along a street of {village}|raised a flag over the school in {village}|inspected a burned-out armoured vehicle outside {village}]. {cmdr} said the fighters had taken {prisoners} prisoners.",
				"{cmdrLast}, the commander known as {callsign}, told a [video link|press conference|Telegram audience] that {prisoners} {tgtAdj} servicemen were being held and would be [exchanged|handed over] \"only for our own people\".",
			}},
			{0.8, []string{
				"The fighting began at about [four|five] in the morning, when [a column of|several] armoured vehicles crossed [the border|a field near the border post] south of {village}, residents told local media. By [midday|the afternoon] [smoke was rising over the village|the sound of artillery could be heard in {town}].",
				"According to accounts on local Telegram channels, the attackers first hit the border post on the road from {atk}, then moved into {village} in [pick-up trucks|armoured vehicles|two columns] while mortars fired on the [edge|centre] of the village.",
				"Videos geolocated by independent researchers showed fighters on the [southern|eastern|western] edge of {village}, [two|three|four] kilometres from the border, and a [burning|damaged] {tgtAdj} armoured vehicle on the road to {town}.",
			}},
			{0.95, []string{
				"The {tgtAdj} Defence Ministry gave a very different account. \"The attack has been repelled. Up to {claimed} militants were eliminated and {vehicles} armoured vehicles destroyed,\" spokesman {spokesman} said.",
				"According to the {tgtAdj} Defence Ministry, border troops and army units [routed|stopped|pushed back] the attackers near {village}, killing more than {claimed} of them. {spokesman}, the ministry's spokesman, called the fighters \"mercenaries and traitors\".",
				"{spokesman}, a spokesman for the ministry in {tgtCap}, said the situation in the {district} district was \"fully under control\" and that the remnants of the group had fled back to {atk}, leaving {claimed} dead.",
				"The ministry in {tgtCap} claimed {on} that aviation had struck the attackers' staging areas and that {claimed} militants had been killed near {village}. It did not give a figure for its own losses.",
				"\"[Sabotage groups|Terrorist formations|Units of mercenaries] tried to break through in the area of {village}. [They have been destroyed|The enemy fled|The border is secure],\" the {tgtAdj} Defence Ministry said, putting the attackers' losses at {claimed} dead.",
			}},
			{0.9, []string{
				"The governor of {province}, {gov}, said {civKilled} had been killed and {wounded} wounded in {village}. \"[I ask everyone to stay calm|The situation is difficult but under control|Nobody will be left without help],\" the governor wrote on Telegram.",
				"According to governor {gov}, {wounded} civilians were wounded by [mortar fire|shelling|drone attacks] on {village} and neighbouring hamlets, and {civKilled} had been killed.",
				"{govLast}, the governor, said schools in the {district} district would switch to remote lessons and that children from border villages were being taken to camps deeper inside {province}.",
				"{gov} said {civKilled} had been killed in {village} and that [gas|power|water] supplies to [the village|three villages|the district] had been cut. \"[Repair crews will go in as soon as it is safe|We are counting the damage|Do not return to your homes yet],\" {govLast} wrote.",
			}},
			{0.8, []string{
				"{atk} denied any role. \"These are {tgtAdj} citizens who have taken up arms against their own government. They make their own decisions,\" said {official}, a spokesman for {atkAdj} military intelligence.",
				"Officials in {atkCap} said the fighters acted independently. \"{atk} does not command them,\" {official} told reporters in {atkCap}.",
				"{atkAdj} officials declined to comment on the fighting in {village}, and {official}, a spokesman for the defence ministry in {atkCap}, said only that the fighters were \"{tgtAdj} citizens\".",
				"The government in {atkCap} has always said it does not direct the {group}. Asked about the raid on {village}, {official} [repeated that position|said the fighters were volunteers|declined to say whether {atk} had been warned].",
			}},
			{0.6, []string{
				"About {crowd} residents of {village} and nearby hamlets were taken by bus to {town}, where [a school|a sports hall|the district hospital] had been turned into a shelter, officials said.",
				"Buses sent from {town} evacuated about {crowd} people from {village} and two neighbouring hamlets, the district administration said, and the road from {town} to the border was closed.",
				"Residents who left {village} [in their own cars|on foot|on a tractor trailer] said the shelling began [before sunrise|at about four|while it was still dark]. \"[We took the documents and the dog|We left everything|I did not even lock the door],\" one woman told [a local channel|reporters in {town}|state television].",
			}},
			{0.5, []string{
				"The {group} says it has [several hundred|about a thousand|more than 500] fighters, most of them {tgtAdj} citizens who fled [conscription|prosecution|prison] and now live in {atk}.",
				"{cmdr}, who goes by the call sign {callsign}, is a former {tgtAdj} army [captain|major|sergeant] who left for {atk} [in 2022|after the conflict began|several years ago].",
			}},
			{0.9, []string{
				"{background}",
			}},
		},
	},
	kindShelling: {
		Titles: []string{
			"{killedCap} killed as {atkAdj} artillery hits {village}",
			"Shelling of {village} kills {killed}, injures {wounded}",
			"{atkAdj} strike on {village}: school and market damaged",
			"Border village of {village} shelled overnight, governor says",
		},
		Stands: []string{
			"Officials in {province} say a school and dozens of houses were damaged",
			"{atkCap} says it hit militant positions near {village}",
		},
		Sections: []section{
			{1, []string{
				"{atkAdj} forces shelled the village of {village} in {tgt}'s {province} early {on}, killing {civKilled} and injuring {wounded}, the regional governor {gov} said.",
				"Artillery and [guided aerial bombs|rockets|drones] hit the centre of {village} at dawn {on}, [officials|local authorities] in {province} said, [in the heaviest attack on the area this year|two days after a raid by armed groups in the area].",
				"At least {killed} people died and {wounded} were hurt when [shells|rockets|glide bombs] struck {village}, a border village in {province}, {on}, officials said.",
				"{tgtAdj} officials accused {atk} of shelling {village} {on}, saying [a school|the market|a bus stop] had been hit and {civKilled} killed.",
			}},
			{0.95, []string{
				"\"At about [four|five] in the morning the enemy hit {village} with artillery. {killedCap} people were killed and {wounded} injured,\" {gov} wrote on Telegram.",
				"\"The enemy deliberately targets places where people gather,\" {gov} said, adding that [a school|the covered market|a clinic] and [dozens of|at least 30|about 40] houses in {village} had been damaged.",
				"{gov}, the governor of {province}, said on Telegram that the [shelling|barrage|attack] had lasted [about an hour|nearly 40 minutes|until sunrise] and that {wounded} people had been taken to hospital.",
			}},
			{0.8, []string{
				"The head of the local administration, {mayor}, said rescuers were still [bringing people out of basements|putting out a fire at the market|searching the rubble of two houses]. \"[The school was empty at night. That is the only luck we had|We have no windows left on the main street],\" {mayorLast} said.",
				"{mayor}, who heads the administration of {village}, said [water and power had been cut|the only shop had burned down|the clinic had lost its roof] and asked volunteers in {town} for help.",
			}},
			{0.7, []string{
				"Among the injured were [a 12-year-old boy|two teenagers|a nurse on her way to work], the regional health department said. [Four|Three|Five] of the wounded were taken to hospital in {town} in serious condition.",
				"Rescuers pulled [two|three] people alive from the ruins of a [house|shop|two-storey building] on the main street of {village}, the emergency service said, and [a fire at the market|a fire in a warehouse] was put out by [noon|the afternoon].",
			}},
			{0.9, []string{
				"The {atkAdj} Defence Ministry said it had struck \"[temporary deployment points of militants|ammunition depots|command posts of sabotage groups]\" near {village} and that \"no strikes were carried out on civilian infrastructure\".",
				"{atkAdj} officials described the strike on {village} as a response to attacks on their own border villages and said up to {claimed} fighters had been killed.",
			}},
			{0.7, []string{
				"{village} lies about [eight|ten|twelve] kilometres from the border. Before the conflict it had about [4,000|6,000|2,500] residents; fewer than half remain, according to the authorities.",
				"It was the [third|fourth|fifth] attack on {village} this [month|year], according to the district administration in {town}, which has asked for more shelters to be built.",
			}},
			{0.6, []string{
				"\"[Every night we sleep in the cellar|My house has no roof now, but I am not leaving|We had just repaired the windows after the last time],\" said {resident}, a resident of {village}, [standing in front of her house|outside the damaged school|at the bus stop].",
			}},
		},
	},
	kindDrone: {
		Titles: []string{
			"Drones hit [fuel depot|power substation|ammunition depot] in {tgtAdj} city of {provCap}",
			"Fire at {provCap} [depot|industrial site] after overnight drone attack",
			"{tgtAdj} air defences say {drones} drones downed over {province}",
		},
		Stands: []string{
			"The governor of {province} speaks of debris from a downed drone",
			"A source in {atkCap} says the target in {provCap} was hit directly",
		},
		Sections: []section{
			{1, []string{
				"Drones attacked {provCap}, the capital of {tgt}'s {province}, overnight, setting a [fuel depot|power substation|warehouse] on fire, residents and officials said {on}.",
				"The {tgtAdj} Defence Ministry said {on} its air defences had destroyed {drones} drones over {province} overnight, hours after residents of {provCap} posted videos of a large fire.",
				"A [large|huge|fierce] fire broke out at [an oil depot|a fuel storage site|an electricity substation] in {provCap} after what residents described as a [wave|swarm|string] of drones passed over the city {on}.",
				"Explosions woke residents of {provCap} [shortly after midnight|in the small hours|before dawn] {on}, and by morning [black smoke|a column of smoke] hung over the [industrial zone|railway district|river port] of the {tgtAdj} city.",
			}},
			{0.95, []string{
				"Governor {gov} said debris from a downed drone had fallen on \"an industrial site\" on the outskirts of {provCap}. \"There are no casualties. The fire has been localised,\" the governor wrote on Telegram.",
				"According to {gov}, the governor of {province}, falling debris caused a fire over an area of [1,500|2,000|3,000] square metres in {provCap}. The governor said no one had been hurt.",
				"{govLast}, who governs {province}, blamed [falling fragments|wreckage] of an intercepted drone for the blaze and said [firefighters had it under control by morning|fifty firefighters were at the scene|the fire did not threaten homes].",
				"Officials in {provCap} confirmed [a fire|damage] but gave few details. \"[Emergency services are working. There is no threat to residents|All services are operating normally|Please do not spread rumours],\" governor {gov} wrote.",
			}},
			{0.8, []string{
				"Videos filmed from apartment blocks in {provCap} showed at least [two|three|four] fireballs shortly after [1|2|3] a.m. and a fire that was still spreading at dawn.",
				"Residents of the [eastern|northern|southern] districts of {provCap} said they had heard [a dozen|several|at least eight] explosions and the sound of air defence guns for almost an hour.",
				"A taxi driver in {provCap} who gave only his first name, {resident}, said the windows of his flat [rattled for ten minutes|shook with every blast] and that he could see flames [from his balcony|over the rooftops].",
			}},
			{0.9, []string{
				"A source in {atkAdj} military intelligence said its drones had hit the target in {provCap} directly. \"[The depot fuelled the units on the border|At least four tanks are burning|The target was chosen because it supplies the army],\" the source said on condition of anonymity.",
				"According to a source in {atkCap}, the strike on {provCap} was carried out by {atkAdj} military intelligence. {atk} rarely comments officially on attacks inside {tgt}.",
				"{atkAdj} media, citing [unnamed officials|sources in the security services|a military intelligence officer], said {drones} drones had been launched at {provCap} and that the target had been [hit at least three times|destroyed|put out of action for weeks].",
			}},
			{0.7, []string{
				"The {tgtAdj} Defence Ministry said {drones} drones had been shot down over {province} and [two|three|four] neighbouring regions. It did not mention any damage.",
				"{tgtAdj} officials asked residents of {provCap} not to publish photographs of the fire or of air defences at work, saying such pictures helped the enemy correct its strikes.",
			}},
			{0.5, []string{
				"Satellite images taken [the next afternoon|a day later] showed [several burned-out tanks|a scorched roof and damaged rail wagons|a blackened storage area] at the site, according to [researchers|an independent monitoring group|analysts] who reviewed them.",
				"Trains to and from {provCap} were delayed by up to [three|five|six] hours because of the fire near the railway line, the regional railway company said.",
			}},
			{0.7, []string{
				"{provCap} lies about [50|60|70] kilometres from the border. [Drones have struck fuel and energy sites in {province} at least five times since last summer|It was the second attack on the city this month].",
				"Fuel prices at filling stations in {province} rose [by a tenth|sharply|for the fourth week] after the attack, and several stations in {provCap} limited sales to 20 litres per car.",
				"The {province} administration said fuel supplies to filling stations were [continuing as normal|not affected|being rerouted from {town}], and urged drivers not to [panic|hoard petrol|queue overnight].",
			}},
		},
	},
	kindProtest: {
		Titles: []string{
			"Hundreds rally in {provCap} to demand news of missing soldiers",
			"Families of prisoners protest in {provCap}",
			"Rally in {provCap} ends peacefully after two hours",
		},
		Stands: []string{
			"Organisers in {provCap} say they will come back every week",
			"Police watched the {provCap} rally but did not intervene",
		},
		Sections: []section{
			{1, []string{
				"About {crowd} people gathered in the centre of {provCap} {on} to demand that the authorities [bring home prisoners of war|publish lists of missing soldiers|end the call-up in {province}].",
				"Relatives of soldiers missing since the start of the border conflict held a rally in {provCap} {on}, [carrying photographs of their sons|reading out names|standing in silence] outside the governor's office.",
				"[Several hundred|About {crowd}|Hundreds of] women, many of them mothers and wives of soldiers from {province}, marched through {provCap} {on} demanding [answers about missing relatives|the return of prisoners|an end to the call-up].",
				"A rally that began with a few dozen people outside the {provCap} city hall {on} grew to about {crowd} by noon, [according to organisers|local journalists said|police estimated].",
			}},
			{0.95, []string{
				"\"[We are not against anyone. We want our sons back|Nobody answers our letters, so we came here|We will come every week until they answer],\" said {organiser}, one of the organisers.",
				"According to {organiser}, who helped organise the rally in {provCap}, more than [200|300|500] families in {province} have had no news of relatives for over a year.",
				"{organiser}, whose [son|husband|brother] has been missing since [2023|last spring|the autumn], said the families had written to {tgtCap} [dozens of|more than a hundred|countless] times. \"[We only get the same form letter back|They tell us to wait. We have waited enough|Nobody has ever called us]\", {organiser} said.",
			}},
			{0.8, []string{
				"Protesters held up [hand-written signs|photographs|a long banner] with the names of [{crowdSmall}|dozens of|more than a hundred] soldiers from {province} who have not been heard from since [2023|last summer|the fighting near {village}].",
				"Many of the protesters had travelled from villages in the {district} district, some [by bus|on foot|in borrowed cars], and said it was the first rally of their lives.",
			}},
			{0.9, []string{
				"Police watched the rally in {provCap} but did not intervene, and it ended peacefully after about two hours, according to local media.",
				"Officials in {provCap} said the rally had not been authorised but that no one had been detained.",
				"[Riot police|A line of police officers|Several police vans] stood by the {provCap} rally, but officers [did not intervene|only checked documents|asked people to keep the road clear], witnesses said.",
			}},
			{0.5, []string{
				"Similar [gatherings|rallies|vigils] have taken place in other cities of {tgt} in recent weeks, but the one in {provCap} was [the largest|among the largest|the first in {province}], according to [local media|the organisers|observers].",
				"Slogans on the placards in {provCap} ranged from [\"Bring them home\"|\"Where is my son?\"|\"We want the truth\"] to [demands for a ceasefire|appeals to the president|lists of names].",
			}},
			{0.6, []string{
				"Governor {gov} met a group of the protesters after the rally and promised to pass their letters to {tgtCap}, the governor's office said.",
				"The office of governor {gov} said a hotline for relatives of missing soldiers would open [next week|on Monday|by the end of the month].",
			}},
		},
	},
	kindExchange: {
		Titles: []string{
			"{tgt} and {atk} swap {exchanged} prisoners each in {medAdj}-brokered deal",
			"{exchanged} soldiers return home in prisoner exchange at {village} crossing",
			"Prisoner exchange at the border: {exchanged} for {exchanged}",
		},
		Stands: []string{
			"The exchange at the {village} crossing was mediated by {mediator}",
			"Families waited for hours at the {village} crossing",
		},
		Sections: []section{
			{1, []string{
				"{tgt} and {atk} exchanged {exchanged} prisoners each {on} at the {village} border crossing in {province}, in a swap [brokered|mediated] by {mediator}.",
				"Buses carrying released prisoners crossed the border bridge at {village} in both directions {on}, as {tgt} and {atk} carried out their first exchange in months, officials said.",
				"[Eighty|Dozens of|More than {crowdSmall}] families gathered at the {village} crossing {on} as {exchanged} prisoners from each side were handed over under the eyes of [{medAdj} diplomats|aid workers from {mediator}|officials from {mediator}].",
				"{atk} brought home {exchanged} soldiers {on} in [an exchange|a swap] with {tgt}, the first since [the autumn|November|the winter], after weeks of talks [hosted|brokered] by {mediator}.",
			}},
			{0.95, []string{
				"\"{exchangedCap} of our people are home. We will bring back every single one,\" {president}, the president of {atk}, wrote on Telegram.",
				"The office of {atk}'s president, {president}, said {exchanged} soldiers and border guards had returned, some of them held since the first months of the conflict.",
				"{president}, {atk}'s president, [thanked {mediator}|thanked the negotiators|promised the families more exchanges] and said [those freed included {crowdSmall} border guards|the wounded would be treated first|every name had been fought for].",
				"\"[Today is a day of joy for {exchanged} families|Our people are coming home|This is not the last exchange]. [We are working for the others|Nobody will be forgotten|The next list is ready],\" {president} said in a video address from {atkCap}.",
			}},
			{0.9, []string{
				"The {tgtAdj} Defence Ministry said the returned servicemen would be taken to military hospitals in {tgtCap} for treatment and rehabilitation.",
				"{tgtCap} confirmed the exchange and said its {exchanged} returning servicemen would receive state awards.",
				"In {tgtCap}, the Defence Ministry said {exchanged} servicemen had been \"returned from territory controlled by the {atkCap} regime\" and published a video of men [singing the anthem|boarding a plane|embracing relatives].",
				"The {tgtAdj} side gave few details. A short statement from {tgtCap} said the freed servicemen were [in good condition|being examined by doctors|on their way to {provCap}] and thanked {mediator} for its mediation.",
			}},
			{0.8, []string{
				"{medAdj} Foreign Minister {minister} said the exchange showed \"that channels between {tgtCap} and {atkCap} still work\".",
				"Diplomats from {mediator} accompanied the buses across the bridge. {minister}, the {medAdj} foreign minister, said {mediator} was ready to host talks on a larger exchange.",
				"The government of {mediator} said in a statement that it had [worked for months|held talks with both sides|acted as guarantor] and thanked {tgtCap} and {atkCap} for their [trust|good faith|patience].",
			}},
			{0.7, []string{
				"The youngest of the freed {atkAdj} prisoners is [19|20|21], the oldest [55|57|61], according to {official}, who coordinates prisoner issues in {atkCap}. [Twelve|Nine|Fifteen] of them had been held since 2023.",
				"Relatives waited at the {village} crossing from early morning with flags and photographs, and several of the freed men [wept|knelt|embraced their mothers] as they stepped off the buses.",
				"[Some|Several|Many] of the {exchanged} men freed by {tgt} [were wounded|had lost weight|could barely walk], and [ambulances|medical teams|army doctors] met them on the {atkAdj} side of the {village} crossing.",
				"Among those returned were [defenders captured in the first weeks of the conflict|border guards seized at a checkpoint in 2023|{crowdSmall} soldiers listed as missing], {official} said, adding that the names would be published after families had been told.",
			}},
			{0.6, []string{
				"The last exchange between the two countries took place [in November|in the autumn|five months ago], when [60|74|90] prisoners were swapped on each side, also with help from {mediator}.",
				"It was the [third|fourth|fifth] exchange since the conflict began. {atkAdj} officials estimate that more than [800|1,100|1,400] {atkAdj} citizens are held in {tgt}; {tgtCap} has not published a figure.",
			}},
		},
	},
}

// backgrounds close a raid article: one about the twin event when there is
// one, else a general one.
var (
	twinBackgrounds = []string{
		"It is the group's second incursion into the {district} district. In {twinMonth} {twinYear} its fighters held part of {twinVillage}, a few kilometres away, for almost two days before withdrawing. The ministry said at the time that {twinClaimed} attackers had been killed.",
		"The raid echoes the group's attack on {twinVillage} in {twinMonth} {twinYear}, when {tgtAdj} officials also said the border had been \"fully restored\" within hours and put the attackers' losses at {twinClaimed}.",
	}
	plainBackgrounds = []string{
		"Fighting along the border between {tgt} and {atk} began in 2023, and both sides have since accused each other of [shelling villages|sending sabotage groups|attacking civilians] in {province}.",
		"The {group}, also known by its initials {abbr}, was formed by {tgtAdj} exiles living in {atk}. Its commander, {cmdr}, has been sentenced in absentia in {tgtCap}.",
		"{tgtCap} calls the {abbr} a terrorist organisation and has accused {atk} of arming it, which {atkCap} denies. The group first appeared [in 2022|two years ago|after the border clashes of 2023].",
		"Border villages in the {district} district have been shelled [almost daily|regularly|several times a week] since the conflict began, and many of their residents left [long ago|last year|before this raid].",
	}
)

// fillers are paragraphs any article may add, at most maxFillers of them.
var fillers = []string{
	"\"[The message is political, not military|Holding ground for a few days tells people the border is not sealed|Every such attack makes the next round of talks harder],\" said {analyst}, a researcher at the {institute}.",
	"Neither side's account of events in {province} could be independently verified. Journalists are [not allowed into|barred from] the {district} district without an escort.",
	"\"[We heard the first explosions at four in the morning|Nobody told us anything. We went to the cellar and waited|Whoever wins there, we pay for it here],\" said {resident}, [61|67|72|58], who lives [near the border|on the edge of {town}|in a village close to {village}].",
	"Prices for fuel and bread in {province} have risen by [a tenth|a fifth|almost a third] since [the start of the year|January|the autumn], according to officials in {provCap}.",
	"Diplomats from {mediator} said they were following events in {province} closely and called on {tgtCap} and {atkCap} to avoid steps that could [endanger civilians|derail the talks on prisoner exchanges|widen the conflict].",
	"The border between {tgt} and {atk} in {province} runs for about [80|110|140] kilometres through [forest and farmland|marshes and birch woods|open steppe], and much of it is mined.",
	"Local authorities in {town} opened [two|three|four] temporary shelters, where volunteers from {provCap} handed out [blankets and water|food and medicine|phone chargers and warm clothes].",
	"Residents of the {district} district said mobile phone service had been cut [for most of the day|since the morning|for several hours], making it hard to reach relatives in {provCap}.",
	"According to {analyst} of the {institute}, both {tgtCap} and {atkCap} use the border as a stage: \"[Each side needs pictures for its own public|What happens in {village} is read in two capitals|The numbers are for television, not for history].\"",
	"In {tgtCap}, state television led its evening news with the Defence Ministry's statement on {province}, while independent channels on Telegram showed videos that [could not be verified|appeared to contradict it|were quickly deleted].",
	"{tgtAdj} lawmakers called for a closed session of parliament on the situation in {province}, and the opposition demanded that the defence minister report in person.",
	"Railway traffic between {town} and {provCap} was halted for [several hours|most of the day] as a precaution, the regional railway company said.",
}

// wording lists interchangeable phrases; each article picks one of each
// entry, so that articles built from the same templates still differ in
// wording the way different writers do. The first form is the one the
// templates use.
var wording = [][]string{
	{" residents", " locals", " inhabitants"},
	{" officials", " authorities"},
	{" attackers", " assailants", " raiders"},
	{" more than ", " over "},
	{" at least ", " no fewer than "},
	{" on Telegram", " on the Telegram messaging app"},
	{" overnight", " during the night", " in the night"},
	{" village", " settlement"},
	{" houses", " homes"},
	{" began", " started"},
	{" wounded", " injured"},
	{" soldiers", " troops", " servicemen"},
	{" rally", " demonstration", " protest"},
	{" drones", " unmanned aircraft", " UAVs"},
	{" explosions", " blasts"},
	{" statement", " communique"},
	{" shelter", " refuge"},
	{" centre", " heart"},
	{" the enemy", " the adversary", " the opponent"},
	{" buses", " coaches"},
	{" hit ", " struck "},
	{" damaged", " wrecked", " battered"},
}

// wordingFor draws the phrasing of one article.
func wordingFor(r *rand.Rand) *strings.Replacer {
	pairs := make([]string, 0, 2*len(wording))
	for _, w := range wording {
		if k := r.IntN(len(w) + 1); k > 0 && k < len(w) {
			pairs = append(pairs, w[0], w[k])
		}
	}
	return strings.NewReplacer(pairs...)
}

// maxFillers bounds the generic paragraphs of one article, so that articles
// about different events share little text.
const maxFillers = 3

// expand fills template t with vars, choosing alternatives with r.
func expand(r *rand.Rand, t string, vars map[string]string) string {
	var b strings.Builder
	b.Grow(len(t) + 64)
	for i := 0; i < len(t); {
		switch t[i] {
		case '[':
			j := strings.IndexByte(t[i:], ']')
			if j < 0 {
				b.WriteString(t[i:])
				return b.String()
			}
			alts := strings.Split(t[i+1:i+j], "|")
			b.WriteString(expand(r, alts[r.IntN(len(alts))], vars))
			i += j + 1
		case '{':
			j := strings.IndexByte(t[i:], '}')
			v, ok := vars[t[i+1:i+max(j, 1)]]
			if j < 0 || !ok {
				b.WriteByte(t[i])
				i++
				continue
			}
			b.WriteString(v)
			i += j + 1
		default:
			j := strings.IndexAny(t[i:], "[{")
			if j < 0 {
				b.WriteString(t[i:])
				return b.String()
			}
			b.WriteString(t[i : i+j])
			i += j
		}
	}
	return b.String()
}
