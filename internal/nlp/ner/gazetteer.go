package ner

import "strings"

// The lists below are small hand-written facts (common words, names of
// states and capitals). No news training corpus is licensed for us, so
// they carry what a model trained on Wikipedia and web text would miss in
// conflict reporting. Entries are lower case; multi-word names are split
// into their words, each of which then fires the feature.

var orgHeads = words(`legion battalion battalions brigade brigades corps ministry ministries service services agency
agencies council party army forces force committee union university bank company group front movement
commission office department bureau institute foundation association federation organisation organization
parliament assembly senate congress court tribunal police guard guards navy command regiment division
division squadron fleet militia militias alliance coalition league network authority administration
directorate government cabinet inc inc. corp corp. ltd ltd. llc plc co. airlines airways news times post
press agency television radio channel network club fc society church school college academy hospital
center centre fund program programme project initiative watch tv bbc cnn reuters nato un eu`)

var personTitles = words(`mr mr. mrs mrs. ms ms. dr dr. prof prof. sir lady lord president governor gen gen. general col
col. colonel lt lt. lieutenant maj maj. major capt capt. captain sgt sgt. sergeant adm adm. admiral minister
secretary spokesman spokeswoman spokesperson senator sen. rep. representative ambassador chancellor premier
prime king queen prince princess pope bishop father rev. reverend judge justice mayor chief commander
commissioner director chairman chairwoman chair ceo founder leader deputy envoy officer analyst professor
pastor imam sheikh ayatollah emir sultan said told says according journalist reporter correspondent`)

var givenNames = words(`john james robert michael william david richard joseph thomas charles christopher daniel matthew
anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey
ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander
frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry peter zachary douglas harold
kyle walter ethan jeremy christian keith roger noah gerald carl terry sean austin arthur lawrence jesse
dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph randy eugene
vincent russell elijah louis bobby philip johnny mary patricia jennifer linda elizabeth barbara susan
jessica sarah karen nancy lisa betty margaret sandra ashley kimberly emily donna michelle dorothy carol
amanda melissa deborah stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna
brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn janet ruth maria
heather diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith megan cheryl
andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice jean alice madison doris
abigail julia judy grace denise amber marilyn beverly danielle theresa sophia marie diana brittany natalie
isabella charlotte rose alexis kayla vladimir volodymyr dmitry dmitri sergei sergey alexei alexey andriy
oleksandr olena yulia viktor igor ivan mikhail nikolai yuri yevgeny valery petro vitali vitaly kateryna
tetiana oksana natalia irina svetlana mohammed muhammad mohammad ahmed ahmad ali hassan hussein omar
abdul abdullah khalid mahmoud mustafa ibrahim yusuf youssef hamid karim tariq bashar recep emmanuel
angela olaf boris rishi keir justin joe kamala hillary barack benjamin xi li wang zhang liu chen narendra
rahul imran nawaz shinzo fumio kim moon yoon jean pierre francois marine nicolas hans klaus jurgen friedrich
giorgia mario silvio pedro luis carlos jorge miguel juan antonio manuel javier rafael fernando ricardo
luiz jair gustavo nicolas hugo ursula josep charles elon jeff bill tim mark sundar satya antonio`)

var places = words(`afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas
bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia herzegovina botswana brazil
brunei bulgaria burkina faso burundi cambodia cameroon canada chad chile china colombia comoros congo
croatia cuba cyprus czechia denmark djibouti dominica ecuador egypt salvador eritrea estonia eswatini
ethiopia fiji finland france gabon gambia georgia germany ghana greece grenada guatemala guinea guyana
haiti honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan
kazakhstan kenya kiribati korea kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya
liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta mauritania mauritius
mexico micronesia moldova monaco mongolia montenegro morocco mozambique myanmar burma namibia nauru nepal
netherlands holland zealand nicaragua niger nigeria macedonia norway oman pakistan palau palestine panama
paraguay peru philippines poland portugal qatar romania russia rwanda samoa marino arabia senegal serbia
seychelles sierra leone singapore slovakia slovenia somalia africa spain sri lanka sudan suriname sweden
switzerland syria taiwan tajikistan tanzania thailand togo tonga trinidad tobago tunisia turkey turkiye
turkmenistan tuvalu uganda ukraine emirates britain england scotland wales kingdom states america usa
u.s. u.k. uk us uruguay uzbekistan vanuatu vatican venezuela vietnam yemen zambia zimbabwe kabul tirana
algiers luanda buenos aires yerevan canberra vienna baku manama dhaka minsk brussels sarajevo brasilia
sofia ottawa santiago beijing bogota havana nicosia prague copenhagen cairo tallinn addis ababa helsinki
paris tbilisi berlin accra athens budapest reykjavik delhi jakarta tehran baghdad dublin jerusalem rome
tokyo amman astana nairobi pristina bishkek riga beirut tripoli vilnius kuala lumpur valletta
mexico chisinau ulaanbaatar podgorica rabat maputo naypyidaw kathmandu amsterdam hague wellington abuja
pyongyang skopje oslo muscat islamabad lima manila warsaw lisbon doha bucharest moscow kigali riyadh dakar
belgrade bratislava ljubljana mogadishu pretoria seoul madrid colombo khartoum stockholm bern damascus
taipei dushanbe bangkok tunis ankara ashgabat kampala kyiv kiev abu dhabi dubai london washington
montevideo tashkent caracas hanoi sanaa lusaka harare europe asia oceania antarctica middle east west
north south crimea donbas donbass donetsk luhansk kharkiv kherson zaporizhzhia mariupol odesa odessa
lviv dnipro bakhmut avdiivka gaza strip bank golan sinai kurdistan aleppo idlib homs raqqa mosul
kirkuk erbil basra fallujah tikrit darfur tigray sahel balkans caucasus siberia chechnya kashmir punjab
xinjiang tibet hong kong new york california texas florida chicago los angeles boston geneva istanbul
mumbai shanghai sydney toronto frankfurt munich st. petersburg odessa belfast edinburgh`)

func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// gazClass names the lists a lower-cased word is in, "" when none.
func gazClass(lower string) string {
	var b []byte
	if orgHeads[lower] {
		b = append(b, 'o')
	}
	if personTitles[lower] {
		b = append(b, 't')
	}
	if givenNames[lower] {
		b = append(b, 'g')
	}
	if places[lower] {
		b = append(b, 'p')
	}
	return string(b)
}
