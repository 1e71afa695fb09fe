package ner

import "strings"

// The lists below are small hand-written facts (common words, names of
// states and capitals). No news training corpus is licensed for us, so
// they carry what a model trained on Wikipedia and web text would miss in
// conflict reporting. Entries are lower case; multi-word names are split
// into their words, each of which then fires the feature.

var orgHeads = words(`legion legions regiment detachment unit units militia company wagner brigade
battalion-tactical volunteer volunteers rdk fsb gru svr sbu kgb mvd fsin rosgvardia rosatom gazprom
ministry ministries duma rada kremlin pentagon hamas hezbollah taliban isis isil al-qaeda houthis
legion battalion battalions brigade brigades corps ministry ministries service services agency
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
luiz jair gustavo nicolas hugo ursula josep charles elon jeff bill tim mark sundar satya antonio
vyacheslav alexei aleksei alexander aleksandr aleksander oleksiy oleksii andrei andrey andrii anatoly anatoliy
anton arkady artem artyom bogdan bohdan boris denis denys dmytro evgeny evgeniy yevgeniy fedor fyodor gennady
georgy grigory hennadiy ihor ilya kirill konstantin kostiantyn leonid maksim maxim mykhailo mykola mikola
nikita nikolay oleg oleh pavel pavlo roman ruslan semyon stanislav stepan taras timur vadim vadym valentin
valeriy vasily vasyl viktor vitaliy vladislav vladyslav yaroslav yegor yury yuriy zakhar ramzan sergiy serhiy
serhii mikheil alla anastasia anastasiya darya daria ekaterina yekaterina elena galina halyna inna iryna
larisa lyudmila liudmyla maria marina nadezhda nadiya olga olha polina sofia tatiana tatyana valentina
vera yana yelena zoya lyubov ksenia kseniya veronika alina anna margarita
abdel abdelaziz abdulaziz abdulrahman abu adel adnan ahmet akram amir amr anwar asad ayman aziz bassam bilal
fadi faisal farid fawzi ghassan habib hadi hakan hamza hani haitham hasan hisham husam ismail jamal jawad
kamal khaled khalil mahdi mahmud majid malik mansour marwan mehmet mohamed mohammed muhammed mostafa
munir nabil nader naji nasser nizar omar osama qasim rami rashid riad riyad saad saeed said salah saleh salim
salman sami samir sayed shadi sharif sultan tamer tarek waleed walid yahya yasser yasin youssef zaid zayed
ziad zakaria aisha amina fatima fatma hana hanan huda layla leila mariam maryam nadia noor nour rania salma
samira yasmin yasmine zainab zeinab ali reza hossein hassan javad mahmoud masoud mohsen ebrahim ismail
ehud yair benny avi moshe yitzhak naftali itamar bezalel yoav gilad ofer
li wei jun ming hong jian ping hua lei jing yan xin yu hui qiang jie tao chao bo gang
hiroshi takeshi kenji yoshihide taro shigeru akira yuki haruki keiko yoko naoko
jae sung min ji hyun young seung eun soo hee woo jin
raj ravi amit anil arvind ashok deepak gautam manmohan mamata nitin pranab priya rajiv sanjay sonia sunil
suresh vijay yogi amitabh shah arun kiran lakshmi pooja anjali indira
sheikh oluwaseun olusegun muhammadu bola goodluck uhuru william jacob cyril thabo nelson kofi kwame
abiy ellen paul yoweri jakaya samia felix denis
lula dilma andres manuel enrique gabriel javier maduro daniel rodrigo diego alejandro sebastian martin
santiago mateo lucas valentina camila isabel isabella lucia sofia paula andrea carmen pilar rosa
francesco giuseppe giovanni luigi paolo matteo sergio enrico marco alessandro lorenzo stefano
emmanuel edouard jacques francois francoise emmanuel gerard jean-luc jean-pierre jean-claude laurent
michel olivier philippe pierre thierry yves ségolène segolene nathalie sophie valerie
angela annalena christian frank-walter gerhard helmut horst karl lars markus norbert olaf robert sebastian
thomas ulrich wolfgang heiko christine
donald joe kamala nancy chuck mitch mike ron ted lindsey marco rand elizabeth bernie pete
antony lloyd jake linda samantha hillary condoleezza colin dick
tony gordon theresa liz rishi keir david nick ed boris priti sajiv sadiq jeremy michael nigel
justin stephen jean-yves mette jonas stefan ulf sanna sauli jens erna magdalena ursula kaja
andrzej mateusz donald jaroslaw lech zbigniew radoslaw petr andrej milos viktor peter
recep ahmet mevlut hulusi kemal binali nikol ilham tigran serzh
kassym kassym-jomart nursultan emomali shavkat alexander aliaksandr sviatlana svetlana maia salome
volodymyr petro yulia vitali arseniy denys oleksandr andriy kyrylo mykhailo valerii valeriy rustem
yevgeny sergei dmitry maria vladimir margarita ramzan igor nikolai sergey`)

// demonyms are adjectives and plurals of nationality: capitalised, next to
// names, but not names of places themselves (MISC, mapped to O).
var demonyms = words(`american americans british briton britons english scottish welsh irish french german germans
italian italians spanish portuguese dutch belgian belgians swiss austrian swedish swedes norwegian danish finnish
icelandic polish poles czech slovak hungarian romanian bulgarian serbian serbs croatian croats bosnian slovenian
greek greeks turkish turks cypriot russian russians ukrainian ukrainians belarusian belarusians moldovan
georgian armenian armenians azerbaijani azeri kazakh uzbek tajik turkmen kyrgyz chechen chechens dagestani
tatar tatars buryat siberian estonian latvian lithuanian
chinese japanese korean koreans taiwanese vietnamese thai cambodian burmese malaysian indonesian filipino
indian indians pakistani pakistanis afghan afghans bangladeshi nepali sri lankan tibetan mongolian uyghur
iranian iranians persian iraqi iraqis syrian syrians lebanese jordanian israeli israelis palestinian
palestinians saudi saudis emirati qatari kuwaiti yemeni yemenis omani bahraini egyptian egyptians libyan
tunisian algerian moroccan sudanese ethiopian eritrean somali kenyan ugandan rwandan congolese nigerian
nigerians ghanaian senegalese malian cameroonian angolan zambian zimbabwean mozambican south african
australian australians canadian canadians mexican mexicans brazilian brazilians argentine argentinian
chilean colombian venezuelan peruvian cuban haitian kurdish kurds arab arabs arabic jewish jews muslim
muslims christian christians sunni shia shiite alawite druze yazidi european europeans asian african
western eastern soviet nazi islamic`)

// locHeads end the names of places and facilities ("Fisht Stadium",
// "Kherson Oblast"); mediaHeads end the names of newspapers and channels,
// which GUM types ORG although they often start with a place name.
var locHeads = words(`street st. avenue ave road boulevard square park bridge river lake sea ocean gulf bay strait
island islands mountain mountains mount mt. hill hills valley desert peninsula coast beach cape canal
province oblast krai region district county state municipality city town village settlement raion
airport station port harbour harbor stadium arena palace cathedral mosque temple tower memorial museum
building plaza hall base airbase camp checkpoint crossing border frontier heights plain forest`)

var mediaHeads = words(`times post herald gazette journal tribune telegraph guardian independent observer chronicle
magazine paper news daily weekly review standard mirror express sun star globe monitor bulletin courier
inquirer insider wire tass interfax ria itar reuters afp ap bbc cnn nbc abc cbs fox`)

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
mumbai shanghai sydney toronto frankfurt munich st. petersburg odessa belfast edinburgh
belgorod grayvoron shebekino valuyki kursk sudzha tyotkino glushkovo bryansk klintsy voronezh rostov
taganrog krasnodar novorossiysk sevastopol simferopol kerch dzhankoi yevpatoria feodosia melitopol berdyansk
enerhodar energodar kakhovka nova henichesk skadovsk kramatorsk sloviansk slovyansk pokrovsk chasiv yar
toretsk vuhledar kupiansk izium izyum lyman siversk soledar lysychansk sievierodonetsk severodonetsk
horlivka makiivka yasynuvata marinka kurakhove selydove myrnohrad sumy chernihiv poltava vinnytsia zhytomyr
rivne lutsk ternopil ivano-frankivsk uzhhorod chernivtsi khmelnytskyi kropyvnytskyi mykolaiv cherkasy
bucha irpin hostomel borodianka kremenchuk pavlohrad kryvyi rih nikopol marhanets robotyne tokmak
vovchansk okhtyrka konotop shostka lipetsk tula kaluga oryol orel smolensk pskov engels saratov ryazan
kazan yekaterinburg novosibirsk murmansk kaliningrad dagestan grozny makhachkala tver yaroslavl nizhny
novgorod samara volgograd ufa perm chelyabinsk omsk krasnoyarsk irkutsk vladivostok khabarovsk
transnistria abkhazia ossetia tskhinvali sukhumi gomel grodno brest vitebsk mogilev chisinau tiraspol
rafah khan yunis jabalia deir nablus jenin ramallah hebron tulkarm sderot ashkelon haifa tel aviv eilat
beersheba golan quneitra daraa deir ez-zor latakia tartus hama palmyra manbij kobani afrin qamishli
hasakah sinjar tal afar ramadi samarra najaf karbala sulaymaniyah duhok marib hodeidah aden taiz sanaa`)

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
	if demonyms[lower] {
		b = append(b, 'd')
	}
	if locHeads[lower] {
		b = append(b, 'l')
	}
	if mediaHeads[lower] {
		b = append(b, 'm')
	}
	return string(b)
}
