"""Stop-lists for :meth:`Gazetteer.scan`: capitalised words that are names of some place but,
in news text, almost never mean one.

* :data:`STOP_WORDS` are never a mention on their own ("Police", "March", "Reuters", "God");
* :data:`STOP_PHRASES` are never a mention ("Islamic State", "Al Jazeera", "Red Crescent");
  groups of one country only ("Al-Shabab", "Houthis") are not here: the gazetteer has them as
  demonyms of their country;
* :data:`TITLES` and :data:`GIVEN_NAMES` are never a mention, nor are the capitalised words right
  after them ("President Assad", "Ahmed Hassan");
* :data:`FACILITIES` ("Bridge", "Square", "Town") are never a mention, and make a name right
  before them a weak one (:attr:`PlaceMention.partial`: "Niger Bridge", "Johar Town");
* :data:`COMMON_WORDS` are not a mention at the start of a sentence ("Reading the report"),
  and elsewhere a weak one (:attr:`PlaceMention.common`).

Entries are :func:`~warmonitor.gazetteer.normalise.name_key` keys. ``COMMON_WORDS`` are the words
among the 10,000 most frequent in English (wordfreq) that name a place of under 100,000 people
and no country or first-level area, a few more common words that name a larger place, and
directions and landforms that name areas ("Sud", "Lakes").
"""

from __future__ import annotations

from warmonitor.gazetteer.normalise import words

__all__ = ["COMMON_WORDS", "FACILITIES", "GIVEN_NAMES", "STOP_PHRASES", "STOP_WORDS", "TITLES"]


TITLES: frozenset[str] = words("""
    alhaji amb brig capt cpl engr gov hon honorable honourable maj pte rep rev sen sgt
    ambassador bishop captain cardinal chief col colonel commander deputy dr emir envoy gen
    general governor imam judge king lieutenant lt madam major mayor minister mr mrs ms pope
    president prince princess queen secretary senator sergeant shaikh shaykh sheikh sir spokesman
    spokesperson spokeswoman
""")

GIVEN_NAMES: frozenset[str] = words("""
    abdallah abdul abdullah abu adam adnan ahmad ahmed aisha alex alexander ali amina ana
    andrew anna anthony antonio arthur assad baghdadi bashar ben biden bin blinken boris brian
    buhari burhan carlos charles dagalo daniel david donald elizabeth emmanuel erdogan eric
    fadi fatima francis frank george gordon guterres hadi hafez haftar hamid hani hasan hassan
    hemedti henry huda husain husayn hussein ibn ibrahim imad issa jack jamal james jason joe
    john jolani jose joseph juan julani kadyrov kamal karim kevin khaled khalid khamenei kim
    laura lavrov layla lee leila luis macron mahdi maher mahmoud mahmud majid mansour maria
    mark martin marwan mary maryam mehmet merkel michael mohamed mohammad mohammed mostafa
    muhammad muhammed mustafa nabil nasrallah nasser netanyahu nour obama omar osama patrick
    paul peter putin qasim qassem rami rashid riad richard riyad robert ryan saeed said saleh
    salem salih salim sam sami samir sarah simon sisi stephen steve steven tarek tariq thomas
    tinubu tom trump umar umm usama vladimir walid william yasser yousef youssef yusuf zaid
    zainab zayed zelensky zelenskyy ziad
""")

#: Parts of names of facilities and quarters: never a place on their own, and a place name
#: before one is part of another name ("Niger Bridge", "Aden Square", "Johar Town").
FACILITIES: frozenset[str] = words("""
    airport avenue bank block bridge camp chowk colony compound crossing gate highway hotel
    junction market masjid park phase port road sector square station street town zone
""")

STOP_WORDS: frozenset[str] = (
    words("""
    a about above according added administration afp after again against agency alawite
    alawites aljazeera all allah alliance also although always am ambassador amid among an
    anadolu and another any ap apr april arab arabs are army around as assembly association at
    aug august authorities authority battalion bbc be because been before behind being below
    beneath beside between beyond bishop both brigade brigades but by cabinet can captain
    cardinal center central centre chief children christ christian christians church civil
    civilians clinic cnn coalition col college colonel commander commission committee confirmed
    congress corps could council court crescent cross daesh day days dec december defence
    defense democratic department deputy despite did division do doctors does dozen dozens dr
    druze during each earlier east eastern eight either eleven emir envoy evening ever every
    except feb february federal federation few fighters first five following for force forces
    foreign foundation four friday from front fsa gen general god government governor greater
    guard guards gunmen had half hamas has have he health helmets her here hezbollah him his
    hizbollah hospital hospitals how however hts human hundred hundreds i idf if
    ifp imam in including injured inside institute insurgents interior international into irgc
    irna is isil isis islam islamic islamist islamists it its jan january jesus jewish jews
    judge jul july jun june just justice killed king kurd kurdish kurds last later league levant
    lieutenant lord lower lt madam major many mar march may mayor me meanwhile medics men might
    militants military militia militias million millions minister ministry monday month months
    more moreover morning mosque most movement mr mrs ms msf much muslim muslims must national
    nations nato navy near neither network never new next night nine no none nor north
    northeast northern northwest not nov november now observatory ocha oct october of off
    office official officials often old on once one only onto or organisation organization
    other others our out outside over own parliament party peace people per pkk police pope
    premier president prime prince princess prophet queen rebels red regarding regime regiment
    reported republic republican residents reuters rights said saint same saturday say says
    school sdf second secretary security senate senator sep sept september sergeant seven
    several shaikh shall she sheikh shia shiite shiites should since sir six so society sohr
    soldiers some source sources south southeast southern southwest spokesman spokesperson
    spokeswoman state states still such sunday sunni sunnis taliban tass temple ten than that
    the their them then there these they third this those though thousand thousands three
    through throughout thursday till time to today told tomorrow tonight troops tuesday turkmen
    twelve two un unhcr unicef union united university unless until up upon upper via wagner
    war was watch we wednesday week weeks were west western what when where whereas whether
    which while white who whom whose why will with within without witnesses women would wounded
    xinhua yazidi yazidis year years yesterday yet you ypg
""")
    | words("""
    area border city county district division eid hamlet island jabal jebel lake press
    province region reserve spring village wadi
""")  # kinds of place: never a place on their own
    | FACILITIES
    | TITLES
    | GIVEN_NAMES
)

STOP_PHRASES: frozenset[str] = frozenset(
    line.strip()
    for line in """
    ahrar al sham
    al arabiya
    al assad
    al jazeera
    al nusra
    al qaeda
    al qaida
    amnesty international
    ansar allah
    associated press
    bashar al assad
    boko haram
    daily mail
    doctors without borders
    financial times
    fox news
    free syrian army
    hayat tahrir al sham
    human rights watch
    islamic state
    islamic state in iraq
    islamic state of iraq
    islamic state in iraq and syria
    islamic state of iraq and syria
    islamic state in iraq and the levant
    islamic state of iraq and the levant
    islamic state khorasan
    islamic state sahel
    islamic state sinai
    islamic state west africa
    is khorasan
    is sahel
    is sinai
    is west africa
    jabhat al nusra
    jaish al islam
    jerusalem post
    le monde
    middle east
    new year
    new york times
    popular mobilisation forces
    popular mobilization forces
    rapid support forces
    red crescent
    red cross
    security council
    sky news
    state department
    syrian democratic forces
    syrian observatory
    times of israel
    united nations
    wall street journal
    washington post
    white helmets
    white house
""".strip().splitlines()
)

COMMON_WORDS: frozenset[str] = words("""
    sud nord sur norte centre centro ouest oeste est este islands lakes coast highlands
    acre amen apex bar basic bat bath bay bend bloke bone bride barn caller can capital cascade
    colon concord dab drug dual enterprise first forest free genes gold golden grenade hail hang
    homo independence island lag lane lime lion log logos lone luck male man marches marina
    maritime mascara meds metro mobile mono moron name nip no nodes oral ox pal paradise para
    pet plaza pool poo pre pristine providence quarter reading region rest reunion rim riverside
    roles saga sale salt shaping sides sol solo soul sour split spoken springs summit surprise
    tango tape torn tour tours trinity tub tunes turn unity valley vista wake weld will
    abbey abs abu academy accord adam adrian advance africa ai aim aka al albany albert alex
    alexander alfred ali alice allan alley allison along alot alpha altar alter amanda amber
    ana anderson andrew andrews angela angels anger angle angles anna anthem anthony antique
    antonio apollo apples arc arch archer area arena armstrong arnold arrest arsenal art arthur
    ash ashley asia ask assumption ate atlantic atlas au ave awe axis aye bacon bad bag bail
    bailey bake baker baldwin ball ban banana band bank banks banner banning baptist barbara
    barber bark barnes baron barry base basin bass battle battlefield beach beaches bean bear
    bee beers began begun bell belle bells belt benjamin bennett bent bernard bernie berry best
    bet beta betting beverly bi bias bid big bigger billy bin bites biting blacks blades blair
    blake blessing bliss bloom boil bolt bond boo book boom boot border bore born bot bottom
    boundary bow bowling box boyd bra brad bradley brady brain brains brake branch brand brass
    bridge bridges bright brilliant bro broadway broke brooks bruce bruno brush bryan bryant
    buck bucks bud bullet bulls bully burden bureau burke burn burns burst burton bury bus bust
    busy butler buy cafe cal calcium came camp campbell camps canadian canal cannon canon cant
    canyon cape car carbon care cargo caroline carpenter carroll carry cars carson carter cases
    casey cash casino cast castle cat cave celebration cell cement centres century chair
    chamber chambers champ champagne champion chance change chapman charge charles chase
    chelsea cherry chester christina christmas christopher churchill cia circle city clara clay
    clever clinton cloud coal cod coffee coin coke cole collins colony com combine come comfort
    commerce commissioner common commonwealth competition compound concrete cone constitution
    content contest continental conversion cool cooling cooper cop cope corn corners
    corporation cottage cotton countryside course cousins cox craig crane crawford creek
    cricket crossing cruz crystal cube curry curtis cut cuts daisy dakota dale dam dame dan
    dana daniel dare date dave david davies davis dawn deal dean deep del delay dem demo
    democrat dennis deposit des desk dial diamond die dig dip discovery divide doc dock dodge
    doe dogs dollar dom dome don donald dong donna doom door dot downs drag drain drake drama
    drew driver drone dry du due duke duncan eagle earl early earth echo economy ed edgar
    edwards effort egg elbow eleanor elliott ellis em emily empire energy english entrance
    equality er era essay eu eva evans exchange experiment export eye faith fall falls far fare
    farmers farms fate felix fell fellowship ferguson ferry fig finale fines fireworks fiscal
    fisher flee fleet flesh floyd flynn forbes ford foremost forge forget fort forth fortune
    fossil foster fountain fox francis francisco frank fraser frederick freedom freeman friend
    friendly friendship frontier frost fry fully gal gaming gang gap garcia garden gardens gary
    gas gates gateway gay gel gem gets gibson gif give glad glenn globe goes going golf gone
    gonna gordon gosh gossip grab grace graham grain grand grande grandson granite grant grants
    grass grave graves gray green greens gregory grey griffin grill gross grove guessing guide
    guns guru guy ha halfway hall halls ham hammer hampshire han hand happy harbor hard hardy
    harmony harold harrison hart harvard harvest harvey hat hatch haven hawks hay hayes hazard
    headquarters healing heard heather heel helen hell henry herald herbert hero hey hill hills
    hit ho holder hole holiday hollow holly holmes home homeland homer hometown hon honda honey
    hong hood hook hop hope hopkins horn horns hot hour howard hub hugh hughes humble hunt
    hunter hunting hurricane hurt id ie ii imperial industry inland inning ins int ios ip iron
    irs isaac isle ivan ive ivy jack jacob jam james jar java jay jean jenkins jenny job
    johnston jones joseph joshua joy julian junction jung junior jury justin kane karl karma
    kate katherine kay keen keith kelly ken kennedy kenneth kerry key keys khan kill kim kinda
    kissing kit knees knock kong lab label labor lack lake lamb lame landing landmark lang las
    laser laura law lawn lawrence lay lazy lead leader lean leap lee legal lemon lend lens leo
    leonard les leslie level levy lewis li liberal liberty lid lie light limit lin linda
    lindsay line lions lisa list lit lively lives liz lloyd lo loans location lock logo long
    look loop loose lopez los lot lottery louis louise love lover loving loyal lucky lucy luis
    lung luther lynch lynn ma mad made mafia magazine maggie maiden main make males mall mama
    manage manga manor mansion manuel marathon marble marc marco marcus margaret maria marine
    marines mark marker market marks mars marshal marshall martha martin massacre mate maximum
    maya means mechanic med media meeting mega melissa meme mentor mercedes mercury mercy mere
    merit mess messy metal meter mi mile miles mill miller mills min mind mine mineral mining
    minor minus mission mitchell mo model modern monument moon moore moral morgan morris
    morrison moss mountain murphy murray nah nash nathan naval nearest neck needle neo nest
    newborn newman nicholas nina nixon noble non normal nut obama occasion ocean officer ol
    olds oliver olivia omega op opera opportunity ops ore outer outlook owen pablo pace pacific
    pack page pains paint painter pale palmer pan panic papa paper par parent park parker parks
    parole passage pasta paste patch patience patrol pearl peer pen pencil penguin peninsula
    penn pepper perry person petroleum philip phillip phillips phone pi piano pier pierre pile
    pill pin pine pink pioneer pipes pitt plain plains plan planes plans plate pleasant plenty
    plus point pole poll polling pond pop popular port portal porter poses possession post
    postal pound powell power powers pray prey price princeton progress prospect prosperity
    proven puerto punch purchase pure purse put que quinn ra race rachel rain rainbow rains ram
    ran rand random range ranger rapid rate raven ray raymond re reach reagan real recovery
    reform refuge rehab reid reliance res research reserve reservoir retirement retreat rev
    revival rex rey reynolds rhode rice rich richard rico rid ride rider ridge riding rifle
    riley ring risen river road rob robert roberts robertson robinson rock rocks rod rode
    rogers roman romans ron roosevelt root rosa rose roses ross row roy royal rude rule rush
    russell ryan sa sack sail saints sake sales sally salmon salon samples samsung san sand
    sanders sandra sands sandwich sandy sang santa sara satan sauce savage save sea sebastian
    sec section sector see seen sees sell sells semi sen send sense sent seo servant serves set
    seth settle settlement shaft shane shape share sharon sharp shaw shell shepherd sherman
    shields shore shot si side sierra silly sim simon simpson sims sin sing singer sins sisters
    sixteen ski skull slap slaughter slide slope snow sober sole solomon somerset son song soo
    sore sort sorts spa spanish spencer spray spring spy stall stamp stamps standard stanford
    stanley star stark start startup station steep stephen steps sterling stern stevens stewart
    stock stone story straw street strong stuart su success sue sued sullivan summer sung
    sunrise sunset sunshine superior supreme surf swallow swamp swan swift tab taking tale
    talent tales tall tank tap tapes tea tell tender tent terminal terrace terry thermal thomas
    thompson thomson thy til tim tin tire tires toast todd toll tom ton tone tongue tool
    tornado toss tower town towns tracy trail train trainer trans transit trap treasure tree
    trial triangle trim trip triumph troy tucker tune turner turtle twin twist ur urban used
    uses va vary venus vernon veteran vi vic vice victory villa village villages vince vincent
    violet virgin visa vol voters wa wade walk walker wall wallace walls walsh walter wandering
    wang wanna ward warner warrior watson wave ways wedding weed welcome well wells welsh
    whites williams wilson wines wing winner wise wood woods wool worms worth wright wrist yale
    yang yea yell yorkshire young yu zero zone
""") | words("""
    abraham add air alan andre andrea angel ant artillery bang bare bed beer beg blend booth
    brick bros butt butterfly cab cage cathedral cents chat choir communism conservation crap
    culture da dad darling deer diane dick downtown drum dug ear el en engineer enter exhibition
    glen go got gut haha heritage highways hire hiv hut il ira jade jake janet joel kurt lad
    lanka le leg legacy liberation liking loss marsh marvel met mid mod moses mud nails net nose
    nova oil olympic pat pay peak pete plot principal rail receiving record redemption rig rise
    rolls run sad seem shared shit shut smile spike sri stan sweet switch tasty tells ti trio
    tube ve vote wilderness ya ye yoga youd zoo
""")  # named by places of the later cities500 snapshot (see scripts/build_gazetteer.py)
