"""Word lists and precompiled patterns shared by the extraction modules.

Everything here is data: keeping it in one place lets editors extend the vocabulary
without touching the rules, and compiling once at import keeps per-document cost low.
"""

from __future__ import annotations

import re

# --------------------------------------------------------------------------- speech

_SPEECH_VERB_FORMS = """
say says said saying tell tells told add adds added note notes noted state states stated
claim claims claimed explain explains explained emphasize emphasizes emphasized emphasise
emphasises emphasised stress stresses stressed believe believes believed argue argues argued
insist insists insisted warn warns warned announce announces announced declare declares declared
remark remarks remarked comment comments commented continue continues continued write writes
wrote reads read report reports reported ask asks asked reply replies replied respond responds
responded recall recalls recalled conclude concludes concluded admit admits admitted
acknowledge acknowledges acknowledged suggest suggests suggested think thinks thought underline
underlines underlined assert asserts asserted confirm confirms confirmed predict predicts
predicted promise promises promised vow vows vowed urge urges urged tweet tweets tweeted posted
quipped joked recounted observed observes observe mentioned mentions complained complains
maintained maintains contended contends countered counters cautioned cautions estimated
estimates agreed agrees disagreed wondered wonders reckons reckoned shouted told replied
added summarised summarized summed described describes describe pointed points found finds concluded
"""
SPEECH_VERBS: frozenset[str] = frozenset(_SPEECH_VERB_FORMS.split())

PRONOUNS_PERSON = frozenset({"he", "she", "him", "her"})
PRONOUNS_OTHER = frozenset({"they", "we", "i", "it", "you"})

# Nouns that, with a definite article, refer back to a person already introduced.
ROLE_BACKREF_NOUNS = frozenset(
    """analyst expert scientist politologist economist researcher professor historian
    sociologist observer commentator specialist lawyer official minister president
    secretary-general diplomat ambassador spokesman spokeswoman spokesperson director
    chairman chairwoman chair leader head general commander governor mayor senator author
    writer journalist correspondent activist founder executive manager prime premier
    chancellor envoy deputy campaigner academic scholar lecturer engineer
    physician doctor councillor councilor politician strategist negotiator economist
    ceo owner boss teacher principal superintendent resident""".split()
)

# Nouns of unnamed sources: the quote has a speaker we must not invent.
UNNAMED_SOURCE_NOUNS = frozenset(
    """source sources official officials people person spokesman spokeswoman spokesperson
    diplomat diplomats analysts experts observers residents witnesses insiders insider
    aide aides executive executives banker bankers trader traders lawmaker lawmakers
    colleague colleagues critics critic supporters supporter someone one others
    participants participant representatives representative staff employees employee
    officer officers investors investor member members neighbours neighbors""".split()
)

# Nouns of documents through which an organisation speaks.
DOCUMENT_NOUNS = frozenset(
    """statement report document declaration communique communiqué release letter resolution
    study survey post tweet announcement notice filing memo memorandum text website
    ruling decision press-release bulletin""".split()
)

# --------------------------------------------------------------------------- people

HONORIFICS = frozenset(
    """mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend fr father
    madam madame mme m herr frau sen rep gov gen col capt lt sgt adm maj cllr cr clr councillor councilor""".split()
)

ROLE_NOUNS = frozenset(
    """president vice-president president-elect minister secretary secretary-general
    director deputy chairman chairwoman chairperson chair head chief spokesman spokeswoman
    spokesperson ambassador envoy senator governor mayor general colonel commander analyst
    expert scientist economist professor researcher lawyer attorney judge ceo cfo coo founder
    co-founder leader official diplomat correspondent reporter editor adviser advisor king
    queen prince princess pope chancellor premier lawmaker mp congressman congresswoman
    representative officer coordinator manager executive fellow lecturer historian
    politologist sociologist observer activist author journalist writer candidate member
    commissioner inspector prosecutor sheriff captain lieutenant sergeant admiral marshal
    bishop archbishop rabbi imam cardinal justice councillor councilor superintendent
    principal teacher engineer physician doctor campaigner strategist
    negotiator economist specialist commentator scholar academic owner partner boss
    treasurer clerk administrator organiser organizer resident spokesperson emir sheikh
    sultan ayatollah governor-general premier-elect speaker whip trustee registrar dean
    provost vice-chancellor rector warden curator architect analyst student pensioner
    volunteer farmer worker nurse mother father parent grandmother grandfather shopkeeper
    landlord tenant driver skipper captain midfielder striker defender goalkeeper coach
    manager centre-back full-back winger forward player chef baker fisherman commuter
    researcher vicar priest mp msp mep councilman councilwoman alderman trustee steward
    economist chairwoman planner consultant surveyor geologist biologist meteorologist
    referee umpire graduate supervisor keeper pastor entrepreneur founder
    headteacher headmaster headmistress constable detective paramedic firefighter""".split()
)

ROLE_MODIFIERS = frozenset(
    """political senior deputy former chief foreign prime vice executive general defence
    defense interior finance economy economic military independent leading top acting
    interim assistant associate principal managing regional local national federal state
    international veteran retired outgoing incoming new then lead junior first second
    press public health education energy justice trade security research""".split()
)

# --------------------------------------------------------------------------- vocabulary

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun".split()
)

COUNTRIES = frozenset(
    """afghanistan albania algeria andorra angola argentina armenia australia austria
    azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan
    bolivia bosnia herzegovina botswana brazil brunei bulgaria burkina faso burundi cambodia
    cameroon canada chad chile china colombia comoros congo croatia cuba cyprus czechia
    czech denmark djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji
    finland france gabon gambia georgia germany ghana greece grenada guatemala guinea
    guyana haiti honduras hungary iceland india indonesia iran iraq ireland israel italy
    jamaica japan jordan kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos latvia
    lebanon lesotho liberia libya liechtenstein lithuania luxembourg madagascar malawi
    malaysia maldives mali malta mauritania mauritius mexico micronesia moldova monaco
    mongolia montenegro morocco mozambique myanmar namibia nauru nepal netherlands zealand
    nicaragua niger nigeria korea macedonia norway oman pakistan palau palestine panama
    paraguay peru philippines poland portugal qatar romania russia rwanda samoa
    arabia senegal serbia seychelles singapore slovakia slovenia somalia sudan spain
    lanka suriname sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga
    trinidad tobago tunisia turkey turkmenistan tuvalu uganda ukraine emirates britain
    england scotland wales america uruguay uzbekistan vanuatu vatican venezuela vietnam
    yemen zambia zimbabwe crimea donbass donbas karabakh nagorno-karabakh chechnya
    abkhazia ossetia transnistria kosovo gaza palestine tibet xinjiang kashmir hong kong
    europe asia africa antarctica oceania balkans caucasus baltic baltics scandinavia
    siberia arctic atlantic pacific mediterranean""".split()
)

CITIES = frozenset(
    """moscow kyiv kiev minsk london paris berlin washington beijing tokyo rome madrid
    brussels vienna warsaw prague budapest bucharest sofia athens ankara istanbul tehran
    baghdad damascus beirut jerusalem cairo riyadh dubai doha delhi mumbai karachi kabul
    islamabad dhaka bangkok hanoi manila jakarta seoul pyongyang taipei sydney melbourne
    ottawa toronto montreal vancouver chicago boston york angeles francisco seattle miami
    houston dallas atlanta detroit denver phoenix geneva zurich amsterdam rotterdam
    copenhagen oslo stockholm helsinki tallinn riga vilnius dublin edinburgh glasgow cardiff
    belfast manchester birmingham liverpool leeds bristol lisbon barcelona milan naples
    munich hamburg frankfurt cologne lviv kharkiv odesa odessa mariupol donetsk luhansk
    dnipro zaporizhzhia kherson sevastopol yerevan baku tbilisi astana almaty bishkek
    dushanbe tashkent ashgabat chisinau belgrade zagreb ljubljana sarajevo skopje tirana
    nairobi lagos johannesburg pretoria addis ababa khartoum tripoli tunis algiers rabat
    havana caracas bogota lima santiago aires brasilia mexico strasbourg luxembourg
    chernihiv sumy poltava mykolaiv kremlin westminster whitehall downing""".split()
)

NATIONALITIES = frozenset(
    """russian ukrainian belarusian belarussian american british english scottish welsh irish
    french german italian spanish portuguese dutch belgian swiss austrian polish czech slovak
    hungarian romanian bulgarian serbian croatian bosnian slovenian greek turkish armenian
    azerbaijani georgian kazakh kyrgyz tajik uzbek turkmen chinese japanese korean indian
    pakistani afghan iranian iraqi syrian lebanese israeli palestinian egyptian saudi emirati
    qatari jordanian canadian mexican brazilian argentine argentinian chilean colombian
    venezuelan cuban australian swedish norwegian danish finnish estonian latvian lithuanian
    moldovan european asian african western eastern northern southern soviet post-soviet
    crimean baltic nordic arab kurdish jewish muslim christian catholic orthodox
    moscow-based kremlin-backed pro-russian pro-kremlin u.s. us uk un eu
    nigerian kenyan ethiopian south-african thai vietnamese indonesian filipino malaysian
    singaporean taiwanese mongolian icelandic luxembourgish""".split()
)

# Capitalised words that are never part of a person's name.
NAME_STOPWORDS = frozenset(
    """the a an this that these those there here it its he she they we i you his her their our
    my your in on at of for by with from to and or but if as so not no yes after before
    since when while where what who whom which why how about above across against along
    among around between beyond during into near off onto over through toward towards under
    until up upon within without also although though however meanwhile moreover
    furthermore therefore thus yet still then now today yesterday tomorrow tonight earlier
    later last next this every each all any some many most more much few several both
    either neither one two three four five six seven eight nine ten first second third
    new old other another such same according despite because unlike like once just only
    even well very mr mrs ms dr prof sir lady lord read more share tweet email print
    comments comment reply photo image video file source sources update updated posted
    published editor news world home contact subscribe sign login log menu search follow
    about us copyright privacy policy terms advertisement related tags tag category
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december jan feb mar apr jun jul aug
    sep sept oct nov dec north south east west central northern southern eastern western
    upper lower greater great saint st mount lake river street road avenue square
    said says told added noted asked if unless was were is are be been being has have had
    do does did will would shall should can could may might must let meeting
    focus idea prior based earlier experts analysts members officials sources
    day week month year government parliament ministry police army court council
    club service agency union party committee commission department office bank group
    company university institute foundation association organization organisation
    alliance assembly congress senate federation league forces report statement
    republic kingdom federal national international united states nations internet
    chapter section part page article story attendance venue score result kick-off
    half-time full-time county city district province region borough parish village town
    house hall palace capitol canal river airport station harbour harbor bay valley island
    islands coast forest mountain mountains lock bridge railway motorway highway""".split()
)

# Tokens that end an organisation name: the generic nouns of company, state, party, club and press
# names in English news, with the kind of body each names.
ORG_KEYWORDS = {
    "organization": "other", "organisation": "other", "council": "other", "club": "ngo",
    "ministry": "government", "agency": "government", "university": "university",
    "institute": "university", "institution": "other", "party": "party", "bank": "company",
    "service": "government", "company": "company", "corporation": "company", "corp": "company",
    "corp.": "company", "inc": "company", "inc.": "company", "ltd": "company", "ltd.": "company",
    "llc": "company", "plc": "company", "group": "company", "holdings": "company",
    "association": "ngo", "union": "union", "committee": "other", "foundation": "ngo",
    "court": "court", "tribunal": "court", "commission": "government",
    "department": "government", "office": "government", "fund": "ngo", "authority": "government",
    "federation": "other", "confederation": "union", "syndicate": "union", "guild": "union", "league": "other", "alliance": "alliance", "assembly": "government",
    "parliament": "government", "congress": "government", "senate": "government",
    "center": "ngo", "centre": "ngo", "network": "other", "society": "ngo", "front": "party",
    "movement": "party", "academy": "university", "college": "university", "school": "university",
    "hospital": "other", "board": "government", "bureau": "government",
    "directorate": "government", "administration": "government", "government": "government",
    "cabinet": "government", "duma": "government", "rada": "government", "trust": "ngo",
    "times": "media", "post": "media", "herald": "media", "gazette": "media",
    "tribune": "media", "journal": "media", "telegraph": "media", "news": "media",
    "radio": "media", "television": "media", "tv": "media", "broadcasting": "media",
    "press": "media", "chronicle": "media", "observer": "media", "guardian": "media",
    "airlines": "company", "airways": "company", "motors": "company", "energy": "company",
    "technologies": "company", "systems": "company", "partners": "company", "co": "company",
    "co.": "company", "consortium": "company", "cooperative": "company", "council.": "other",
    "police": "government", "army": "government", "navy": "government", "guard": "government",
    "forces": "government", "secretariat": "government", "executive": "government",
    "coalition": "party", "caucus": "party", "initiative": "ngo", "campaign": "ngo",
    "charity": "ngo", "authority.": "government", "regulator": "government",
    "estates": "company", "research": "company", "capital": "company", "consulting": "company",
    "analytics": "company", "economics": "company", "advisors": "company", "advisers": "company",
    "securities": "company", "investments": "company", "industries": "company",
    "solutions": "company", "labs": "company", "laboratories": "company", "media": "media",
    "rovers": "other", "town": "other", "athletic": "other",
    "wanderers": "other", "albion": "other", "fc": "other", "rangers": "other",
    "supervisors": "government", "statistics": "government",
}
# A single keyword opens the name when followed by "of": "Ministry of Defence".
ORG_HEADS_OF = frozenset(
    """ministry university bank department office institute council court commission
    federation league union academy college school board bureau church house chamber
    government association organization organisation society committee museum""".split()
)
MEDIA_MARKERS = frozenset(
    "bbc cnn reuters tass ria voa rfe/rl afp ap dw npr nbc cbs abc fox sky itv radio tv".split()
)

# --------------------------------------------------------------------------- gazetteer
# (canonical name, acronym, aliases, kind)
GAZETTEER: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("North Atlantic Treaty Organization", "NATO", ("North Atlantic Treaty Organisation", "North Atlantic Alliance", "Nato"), "alliance"),
    ("United Nations", "UN", ("U.N.", "United Nations Organization"), "other"),
    ("United Nations Security Council", "UNSC", ("UN Security Council", "U.N. Security Council", "Security Council of the United Nations"), "other"),
    ("United Nations General Assembly", "UNGA", ("UN General Assembly", "U.N. General Assembly"), "other"),
    ("European Union", "EU", ("E.U.",), "union"),
    ("European Commission", "", (), "government"),
    ("European Parliament", "", (), "government"),
    ("European Central Bank", "ECB", (), "company"),
    ("Council of Europe", "", (), "other"),
    ("Commonwealth of Independent States", "CIS", (), "alliance"),
    ("Shanghai Cooperation Organisation", "SCO", ("Shanghai Cooperation Organization",), "alliance"),
    ("Organization for Security and Co-operation in Europe", "OSCE", ("Organization for Security and Cooperation in Europe", "Organisation for Security and Co-operation in Europe"), "other"),
    ("Collective Security Treaty Organization", "CSTO", ("Collective Security Treaty Organisation",), "alliance"),
    ("Eurasian Economic Union", "EAEU", ("EEU",), "union"),
    ("World Health Organization", "WHO", ("World Health Organisation",), "other"),
    ("International Monetary Fund", "IMF", (), "other"),
    ("World Bank", "", (), "other"),
    ("World Trade Organization", "WTO", ("World Trade Organisation",), "other"),
    ("Organization of the Petroleum Exporting Countries", "OPEC", (), "other"),
    ("Organisation for Economic Co-operation and Development", "OECD", ("Organization for Economic Cooperation and Development",), "other"),
    ("International Atomic Energy Agency", "IAEA", (), "other"),
    ("International Criminal Court", "ICC", (), "court"),
    ("International Court of Justice", "ICJ", (), "court"),
    ("International Committee of the Red Cross", "ICRC", ("Red Cross",), "ngo"),
    ("Amnesty International", "", (), "ngo"),
    ("Human Rights Watch", "HRW", (), "ngo"),
    ("African Union", "", (), "union"),
    ("Association of Southeast Asian Nations", "ASEAN", (), "alliance"),
    ("Arab League", "", ("League of Arab States",), "alliance"),
    ("Gulf Cooperation Council", "GCC", (), "alliance"),
    ("Organization of American States", "OAS", (), "alliance"),
    ("Group of Seven", "G7", ("G-7",), "alliance"),
    ("Group of Twenty", "G20", ("G-20",), "alliance"),
    ("BRICS", "BRICS", (), "alliance"),
    ("UNESCO", "UNESCO", (), "other"),
    ("UNICEF", "UNICEF", (), "other"),
    ("United Nations High Commissioner for Refugees", "UNHCR", ("UN refugee agency",), "other"),
    ("Interpol", "", (), "other"),
    ("Federal Bureau of Investigation", "FBI", (), "government"),
    ("Central Intelligence Agency", "CIA", (), "government"),
    ("Federal Reserve", "", ("U.S. Federal Reserve",), "government"),
    ("Bank of England", "BoE", (), "government"),
    ("Office for National Statistics", "ONS", (), "government"),
    ("Pentagon", "", (), "government"),
    ("White House", "", (), "government"),
    ("State Department", "", ("U.S. State Department", "US State Department"), "government"),
    ("Downing Street", "", (), "government"),
    ("European Council", "", (), "government"),
    ("Bundestag", "", (), "government"),
    ("Bundesrat", "", (), "government"),
    ("State Duma", "", (), "government"),
    ("Verkhovna Rada", "", (), "government"),
    ("Knesset", "", (), "government"),
    ("Sejm", "", (), "government"),
    ("House of Commons", "", (), "government"),
    ("House of Lords", "", (), "government"),
    ("European Court of Human Rights", "ECHR", (), "court"),
    ("Kremlin", "", (), "government"),
    ("Reuters", "", ("Thomson Reuters",), "media"),
    ("Associated Press", "AP", (), "media"),
    ("Agence France-Presse", "AFP", ("Agence France Presse",), "media"),
    ("BBC", "BBC", ("British Broadcasting Corporation", "BBC News"), "media"),
    ("Voice of America", "VOA", (), "media"),
    ("Radio Free Europe/Radio Liberty", "RFE/RL", ("Radio Liberty", "Radio Free Europe"), "media"),
    ("CNN", "CNN", (), "media"),
    ("Al Jazeera", "", (), "media"),
    ("Bloomberg", "", ("Bloomberg News",), "media"),
    ("The New York Times", "", ("New York Times",), "media"),
    ("The Washington Post", "", ("Washington Post",), "media"),
    ("The Guardian", "", (), "media"),
    ("Financial Times", "FT", (), "media"),
    ("The Wall Street Journal", "WSJ", ("Wall Street Journal",), "media"),
    ("TASS", "TASS", (), "media"),
    ("RIA Novosti", "", (), "media"),
    ("Interfax", "", (), "media"),
    ("Xinhua", "", (), "media"),
    ("Deutsche Welle", "DW", (), "media"),
    ("Sky News", "", (), "media"),
    ("Fox News", "", (), "media"),
    ("NPR", "NPR", ("National Public Radio",), "media"),
    ("Politico", "", (), "media"),
    ("The Economist", "", (), "media"),
    ("Euronews", "", (), "media"),
    ("Ukrinform", "", (), "media"),
    ("Kommersant", "", (), "media"),
    ("Meduza", "", (), "media"),
)

# The international and national news agencies whose names credit wire copy in bylines and datelines.
WIRE_CREDITS = {
    "reuters": "Reuters", "ap": "Associated Press", "afp": "Agence France-Presse",
    "tass": "TASS", "xinhua": "Xinhua", "ria novosti": "RIA Novosti", "interfax": "Interfax",
    "bloomberg": "Bloomberg", "upi": "United Press International", "dpa": "dpa", "pa": "PA Media",
    "efe": "EFE", "ansa": "ANSA", "kyodo": "Kyodo News", "cnn": "CNN", "bbc": "BBC",
}

# --------------------------------------------------------------------------- boilerplate
# Each list below is kept only where the classification (``furniture.py``) cannot know the fact:
# a phrase that makes a long or sentence-like line furniture, or a label that names what follows.
# Entries that served a single document of the corpora were dropped once the classification made
# them redundant.

# The social networks and share actions of share-button rows, as sites label them.
_SOCIAL = r"(?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|email|e-mail|print|youtube|instagram|tiktok|vk|copy\s+link|messenger|flipboard|website|more\s+posts|share|tweet|pin\s+it|mail|rss|threads|mastodon|bluesky)"

# Whole lines of page furniture, by kind: share rows, sign-up and app prompts, advert slots, pickers
# and labels, tag and "read more" lines, cookie banners, picture credits, copyright, and the site's
# own menu entries that also stand alone between paragraphs.
BOILERPLATE_LINE_RE = re.compile(
    r"""^(?:
        spread\s+the\s+love |
        share(?:\s+(?:this|on|via|article|story|post|the\s+article))?(?:\s+\w+)?\s*:?\s*$ |
        share\s+this\s*(?:article|story|post|page)?\s*:?.* |
        tweet(?:\s+this)?\s*$ |
        (?:""" + _SOCIAL + r""")(?:\s*[-|•·/,]?\s*""" + _SOCIAL + r""")*\s*$ |
        (?:more\s+posts|view\s+all\s+posts|all\s+posts\s+by)\b.* |
        (?:sign\s+up|subscribe)\b.{0,120}$ |
        enter\s+your\s+e-?mail.* |
        become\s+a\s+(?:member|subscriber|patron).* |
        [-–—]?\s*advertisement\s*[-–—:]?\s*$ | story\s+continues\s+below.* |
        (?:choose|select|change|switch)\s+(?:from\s+\d+\s+)?(?:your\s+|an?\s+)?(?:language|edition|region|country)s?\b.{0,40}$ |
        (?:edition|language)\s*:\s*[\w-]+\s*$ | (?:release|publication)\s+date\s*:.{0,60}$ |
        (?:tags?|topics?|filed\s+under|categories|category|keywords|posted\s+in)\s*:.* |
        (?:read\s+more|read\s+next|read\s+also|also\s+read|see\s+also|more\s+on\s+this|related)\s*:.* |
        skip\s+to\s+(?:main\s+)?content.* | [_\-=*~•·]{3,}\s*$ |
        follow\s+(?:us|ap['’]s|\w+['’]s\s+coverage|the\s+latest|@\w+|\w+\s+on\s+(?:twitter|x|facebook|instagram))\b.* |
        follow\s+(?:[\w&'’.@-]+\s+){1,5}on\s+(?:social(?:\s+media)?|""" + _SOCIAL + r""")
            (?:\s*(?:,|\band\b|\bor\b|&)\s*""" + _SOCIAL + r""")*\s*(?:[.!]|\bfor\b.{0,80})?\s*$ |
        (?:download|get|install)\s+(?:our|the)\s+(?:[\w&'’.-]+\s+){0,4}(?:news\s+|mobile\s+)?app\b.{0,120}$ |
        republish\s+(?:this|our)\s+(?:story|article|content|piece)\b.{0,200}$ |
        (?:type|enter|add|put)\s+your\s+e-?mail.{0,80}$ |
        (?:media|press|investor)\s+(?:contacts?|enquiries|inquiries)\s*:?.* |
        (?:we\s+value\s+your\s+privacy|your\s+privacy\s+(?:choices|matters)|privacy\s+(?:settings|preferences))\s*\.?$ |
        (?:accept\s+all|manage\s+options|reject\s+all|(?:manage\s+)?preferences)(?:\s+(?:accept\s+all|manage\s+options|reject\s+all|preferences))+\s*$ |
        item\s+\d+\s+of\s+\d+\b.* |
        the\s+(?:views|opinions)\s+expressed\s+(?:here\s+|in\s+this\s+\w+\s+)?(?:are|is)\s+(?:solely\s+)?(?:the\s+|those\s+of\s+the\s+)?(?:author|writer|contributor)s?['’]?s?(?:\s+own)?\s*\.?$ |
        this\s+(?:article|story)\s+was\s+(?:translated|originally\s+published|first\s+published).* |
        (?:this|a\s+version\s+of\s+this)\s+(?:article|story)\s+(?:appeared|appears|was\s+published)\s+in\s+(?:the\s+)?print\b.{0,120}$ |
        (?:have|got)\s+a\s+(?:news\s+)?(?:tip|story(?:\s+tip)?)\s*\?.{0,120}$ |
        (?:photos?|images?|pictures?|file\s+photo|illustration|credit|photographs?|pictured|videos?|watch|caption|source\s+image)\s*(?:credit)?\s*:.* |
        (?:image|media|photo|video|picture|audio)\s+(?:caption|source|credit|description)s?\s*,.{0,200}$ |
        (?:copyright|©|\(c\)\s*\d{4}|all\s+rights\s+reserved).* |
        (?:we\s+use\s+cookies|this\s+(?:web)?site\s+uses\s+cookies|by\s+(?:continuing|using)\s+(?:to\s+use\s+)?(?:this|our)\s+(?:web)?site).* |
        (?:accept|reject|manage)\s+(?:all\s+)?(?:cookies|settings|preferences|choices).* |
        (?:accept(?:\s+all)?(?:\s+cookies)?|reject\s+all|ok|i\s+agree|got\s+it|agree|decline|close|dismiss|cookie\s+settings|manage\s+preferences)\s*$ |
        (?:privacy\s+policy|terms\s+(?:of\s+(?:use|service)|and\s+conditions)|contact\s+us|about\s+us|home|menu|search|log\s*in|sign\s+in|newsletters|subscribe|archives?|sitemap|advertise|donate|close\s+menu|top\s+stories|latest\s+news|trending|most\s+read|most\s+popular|recent\s+posts|listen\s+to\s+this\s+article(?:\s*[·•|:-]\s*\d+\s*min(?:ute)?s?)?|our\s+standards:.*)\s*\.?$ |
        reply\s*↓?\s*$
    )""",
    re.IGNORECASE | re.VERBOSE,
)

# Furniture recognised by a phrase anywhere on a (short) line: the rights line, the cookie banner's
# links and its IAB consent wording, the picture-licensing link under wire photos.
_ANYWHERE_PHRASES = ("all rights reserved", "cookie policy", "cookie settings", "store and/or access information",
                     "purchase licensing rights")
# ... or by a picture credit at its end: the photo agencies, "(Reuters)", "(Name/Outlet)", "Photo: X".
BOILERPLATE_TAIL_RE = re.compile(
    r"""\b(?:getty\s+images|shutterstock|afp\s+via\s+getty|istock|alamy)\b.{0,40}$|
        \(\s*(?:reuters|ap|afp|getty|epa|ap\s+photo|reuters\s+photo)(?:/[^)]*)?\s*\)\s*$|
        \((?:credit:\s*)?(?-i:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*/\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})\)\s*$|
        \b(?:photograph|photo|picture|image|illustration|composite|photo\s+illustration)\s*:\s*[^.!?:]{2,80}$""",
    re.IGNORECASE | re.VERBOSE,
)

# "The Valley Voice is a nonprofit newsroom.", "X is an independent global news organization ...":
# a line in which the outlet describes itself.
OUTLET_ABOUT_RE = re.compile(
    r"^(?P<org>(?:The\s+)?[A-Z][\w&'’.-]*(?:\s+(?:of|and|&|for|[A-Z][\w&'’.-]*)){0,5})\s+is\s+(?:a|an|the)\s+"
    r"(?:[\w-]+,?\s+){0,5}?(?:newsroom|news\s+(?:organi[sz]ation|outlet|site|service|agency|publication|website|cooperative)|"
    r"media\s+organi[sz]ation)\b"
)
# The self-description asks for support: an appeal, wherever it sits.
OUTLET_APPEAL_RE = re.compile(
    r"\b(?:non-?profit|nonpartisan|reader-(?:funded|supported)|member-supported)\b.{0,200}\b(?:support|donat\w+)\b", re.IGNORECASE
)

# A page asking its reader for something: to subscribe, sign up, log in, donate, turn off an ad
# blocker. The kind of line, not one site's wording: what is asked must meet whom it addresses
# ("you", "our"), or open the line as a request; reporting ("said", "told") never counts.
_ASK_RE = re.compile(
    r"""\b(?:subscri(?:be|bing|ber|ption|ptions)|unsubscribe|newsletters?|mailing\s+list|inbox|
        sign(?:ing|ed)?[\s-]?(?:up|in)|log(?:ging|ged)?[\s-]?in|register\s+(?:now|for\s+free|here)|already\s+registered|
        become\s+a\s+(?:member|subscriber|supporter|patron)|donat(?:e|es|ing|ion|ions)|ad[\s-]?blockers?|whitelist|
        (?:unlimited|full|digital|premium|instant)\s+(?:digital\s+)?access|free\s+trial|tick\s+the\s+box|opt[\s-]?(?:in|out)|
        keep\s+you\s+(?:informed|updated|posted)|join\s+(?:thousands|millions|hundreds|\d[\d,.]*k?)\s+(?:of\s+)?(?:other\s+)?(?:people|readers|subscribers|others)|
        your\s+e-?mail(?:\s+address)?|your\s+(?:support|contribution)|support\s+(?:us|our\s+(?:work|journalism|reporting|newsroom)))\b""",
    re.IGNORECASE | re.VERBOSE,
)
_READER_RE = re.compile(r"\b(?:you|your|you['’](?:re|ll|ve|d)|we['’](?:d|ll|re)|our|us|please)\b", re.IGNORECASE)
_ASK_START_RE = re.compile(r"^(?:please\s+)?(?:subscribe|sign\s+up|join|register|log\s*in|donate|support|become|get|give|make)\b", re.IGNORECASE)
# "Funded by readers", "The Valley Post is funded by readers and donors": the outlet's appeal in a line.
_FUNDED_RE = re.compile(
    r"\b(?:funded|supported|paid\s+for|made\s+possible)\s+by\s+(?:our\s+)?(?:readers|listeners|viewers|members|sponsors|donors|donations|"
    r"subscribers|people\s+like\s+you)\b|\breader-(?:funded|supported)\b",
    re.IGNORECASE,
)
_SPEECH_RE = re.compile(r"\b(?:said|says|told|according\s+to)\b", re.IGNORECASE)


_SENTENCE_BREAK_RE = re.compile(r"[.!?](?=\s+[A-Z“\"‘])")
_LOWER_WORD_RE = re.compile(r"[a-z]+")
# The words the patterns above start with, so that a line without any costs one look-up.
_ASK_TRIGGERS = frozenset(
    """subscribe subscribing subscriber subscription subscriptions unsubscribe newsletter newsletters mailing
    inbox sign signing signed signup signin log logging logged login register already become donate donates donating
    donation donations ad adblocker adblockers blocker blockers whitelist unlimited full digital premium instant
    free tick opt keep join your support funded supported paid made reader""".split()
)


def is_reader_prompt(line: str) -> bool:
    """"Never miss a story: sign up to our newsletter", "Please switch off your ad blocker".

    The ask must be in the line's first sentence: a paragraph of reporting that ends by
    pointing to a donation page is still reporting.
    """
    if len(line) > 400:
        return False
    m = _SENTENCE_BREAK_RE.search(line)
    first = line[: m.end()] if m else line
    if _ASK_TRIGGERS.isdisjoint(_LOWER_WORD_RE.findall(first.lower())):
        return False  # most lines: no word an ask or an appeal is made of
    funded = _FUNDED_RE.search(first) is not None
    if not funded and not _ASK_RE.search(first):
        return False
    if _SPEECH_RE.search(line):
        return False
    return funded or _READER_RE.search(first) is not None or _ASK_START_RE.match(first) is not None


# The headings that open a comment thread or its form (WordPress's and the commoner news sites').
COMMENTS_START_RE = re.compile(
    r"""^(?:leave\s+a\s+(?:reply|comment|response)|add\s+(?:a\s+)?comment|comments?\s*(?:\(\d+\))?|
        \d+\s+(?:comments?|responses?|replies)|your\s+email\s+address\s+will\s+not\s+be\s+published.*|discussion|
        \d+\s+thoughts?\s+on\b.*)\s*:?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

# The headings of blocks of other stories' links, and of a press release's closing notes.
RELATED_START_RE = re.compile(
    r"""^(?:related(?:\s+(?:posts|articles|stories|news|content|coverage|reading|topics))?|
        (?:read|see)\s+(?:more|also|next)|more\s+(?:from|on|in|stories|news|like\s+this|articles)\b.{0,40}|
        (?:most|more)\s+(?:read|popular|viewed|shared)|trending(?:\s+now)?|top\s+stories|
        latest(?:\s+(?:news|stories|posts|articles))?|recent\s+posts|
        notes\s+(?:to|for)\s+editors?|(?:media|press)\s+(?:contacts?|enquiries|inquiries))\s*:?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

# "Jane Doe is a freelance journalist ...": the journalism trades an author's bio line names.
AUTHOR_BIO_RE = re.compile(
    r"""^(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})\s+(?:
        (?:is|was|has\s+been)\b.{0,160}\b(?:journalist|writer|reporter|editor|correspondent|author|
            contributor|columnist|freelance|freelancer|blogger|analyst\s+at|covers|founder\s+of\s+the|
            staff\s+writer|news\s+desk|based\s+in|based\s+journalist|writing\s+about|writes\s+about|
            reporting\s+on|covering)|
        (?:covers|writes\s+(?:about|for|on)|reports\s+(?:on|for)|edits)\b)""",
    re.VERBOSE,
)
# The nouns English-language newspaper and magazine titles end in ("Valley Tribune", "Valley Today").
PUBLICATION_NOUNS = (
    "Times|Tribune|News|Post|Herald|Gazette|Journal|Daily|Report|Review|Observer|Courier|Chronicle|"
    "Telegraph|Bulletin|Ledger|Express|Mail|Star|Standard|Guardian|Independent|Record|Press|Magazine|Wire|"
    "Today|Weekly|Monitor|Insider|Dispatch|Sentinel|Examiner|Inquirer|Register|Enquirer"
)
# "... covers city hall for the Valley Tribune": the publication an author bio names.
BIO_PUBLICATION_RE = re.compile(
    r"\b(?:for|at|of|with|on)\s+(?:the\s+)?(?P<pub>(?:[A-Z][\w'’&-]*\s+){0,4}(?:" + PUBLICATION_NOUNS + r"))\b"
)
# A name ending in one of them is a title, not a person, unless the noun is also a common surname.
PUBLICATION_NAME_RE = re.compile(
    r"\s(?:Times|Tribune|News|Herald|Gazette|Journal|Daily|Chronicle|Telegraph|Today|Weekly|Courier|Bulletin|Ledger|"
    r"Dispatch|Sentinel|Examiner|Inquirer|Globe|Magazine)$"
)
# The heading of an author box.
ABOUT_AUTHOR_RE = re.compile(r"^(?:about\s+the\s+authors?|author\s+bio|the\s+author)\s*:?\s*$", re.IGNORECASE)

# "By X", and the verbs and nouns bylines put before "by" ("Words by", "Analysis by").
BYLINE_RE = re.compile(
    r"""^(?:(?:written|posted|published|reported|story|words|text|interview|interviewed|report|reporting|analysis|photos?)\s+)?by\s*:?\s+
        (?P<names>[A-Z][^\n]{1,120}?)\s*$""",
    re.VERBOSE | re.IGNORECASE,
)
# "Author: X", the labels of a byline in a metadata block.
AUTHOR_LABEL_RE = re.compile(r"^(?:author|authors|writer|reporter|byline)\s*:\s*(?P<names>.+)$", re.IGNORECASE)
# Blog platforms' "Posted on <date> by X".
POSTED_BY_RE = re.compile(
    r"(?:posted|published|written)\s+on\s+(?P<date>.+?)\s+by\s+(?P<names>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})",
    re.IGNORECASE,
)
# The holder named after a copyright sign and year, past a plugin's own credit ("secured by P ©").
COPYRIGHT_HOLDER_RE = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:[^©\n]{0,40}?(?:©|\(c\))\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?,?\s*(?P<holder>(?-i:[A-Z])[\w&'’.-]*(?:\s+(?-i:[A-Z])[\w&'’.-]*){0,5})",
    re.IGNORECASE,
)

# Every upper-case letter of the Latin scripts, for character classes ("Č", "Ž", "Ł").
UPPER_CLASS = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
LOWER_CLASS = "a-z" + "".join(c for c in map(chr, range(0xDF, 0x250)) if c.islower())

# One button of a share row: a network, "Share on X", or the print, e-mail, save and comment buttons.
_SHARE_SEGMENT_RE = re.compile(
    r"^(?:(?:share|post|send|pin)\s+(?:on|to|via|by)\s+)?" + _SOCIAL + r"$|^(?:print|email|e-mail|save|copy\s+link|comments?)$",
    re.IGNORECASE,
)


# Buttons whose separators were lost: "Share on Facebook Share on X Share by email Print".
_SHARE_RUN_RE = re.compile(
    r"^(?:(?:(?:share|post|send|pin)\s+(?:on|to|via|by)\s+)?" + _SOCIAL + r"|save|copy\s+link|\d*\s*comments?)"
    r"(?:[\s|•·/,]+(?:(?:(?:share|post|send|pin)\s+(?:on|to|via|by)\s+)?" + _SOCIAL + r"|save|copy\s+link|\d+\s+comments?|comments?))+\s*$",
    re.IGNORECASE,
)


# The words a share row can start with: the first word of every button above.
_SHARE_FIRST = frozenset(
    """share post send pin facebook twitter x linkedin whatsapp telegram reddit pinterest email
    e-mail print youtube instagram tiktok vk copy messenger flipboard website more tweet mail rss
    threads mastodon bluesky save comments comment""".split()
)
# A word spelt with Latin and Cyrillic or Greek letters together ("Аdvеrtіѕе"): text disguised
# from filters, which only advertising does.
_MIXED_SCRIPT_WORD_RE = re.compile(r"\b(?=\w*[A-Za-z])(?=\w*[\u0370-\u03ff\u0400-\u04ff])\w+\b")


_GREEK_OR_CYRILLIC_RE = re.compile(r"[\u0370-\u03ff\u0400-\u04ff]")


def is_lookalike_text(line: str) -> bool:
    return _GREEK_OR_CYRILLIC_RE.search(line) is not None and len(_MIXED_SCRIPT_WORD_RE.findall(line)) >= 3


def has_furniture_phrase(line: str) -> bool:
    low = line.lower()
    if any(p in low for p in _ANYWHERE_PHRASES):
        return True
    return BOILERPLATE_TAIL_RE.search(line, max(0, len(line) - 130)) is not None


def is_share_line(line: str) -> bool:
    """"Share on Facebook | Share on X | Print": every segment is a share button."""
    first = line.split(None, 1)[0].lower().rstrip(":|") if line.strip() else ""
    if first not in _SHARE_FIRST:
        return False
    parts = [p.strip() for p in re.split(r"\s*[|•·/]\s*|\s{2,}", line) if p.strip()]
    if bool(parts) and len(parts) <= 12 and all(_SHARE_SEGMENT_RE.match(p) for p in parts):
        return True
    return len(line) <= 160 and _SHARE_RUN_RE.match(line) is not None
QUOTE_CHARS = "“”\"«»„‟"

_NOUN_DETERMINERS = frozenset("the a an its their his her this that new latest our whose annual joint".split())
_ALPHA_WORD_RE = re.compile(r"[A-Za-z]+")


class VerbHit:
    """Where a speech verb sits; the same three accessors as a regex match."""

    __slots__ = ("_s", "_e", "_t")

    def __init__(self, s: int, e: int, t: str) -> None:
        self._s, self._e, self._t = s, e, t

    def start(self) -> int:
        return self._s

    def end(self) -> int:
        return self._e

    def group(self, _i: int = 0) -> str:
        return self._t


def speech_verbs(text: str) -> list[VerbHit]:
    """Speech verbs in ``text``, skipping noun uses such as "the report" or "a comment"."""
    out: list[VerbHit] = []
    prev = ""
    words = list(_ALPHA_WORD_RE.finditer(text))
    for i, m in enumerate(words):
        w = m.group(0).lower()
        if w == "according" and i + 1 < len(words) and words[i + 1].group(0).lower() == "to":
            out.append(VerbHit(m.start(), words[i + 1].end(), text[m.start():words[i + 1].end()]))
        elif w in SPEECH_VERBS and prev not in _NOUN_DETERMINERS:
            out.append(VerbHit(m.start(), m.end(), m.group(0)))
        prev = w
    return out


# Capitalised phrases ending in an organisation noun that are places or eras, not bodies.
NOT_ORGANISATIONS = frozenset(
    {"Soviet Union", "United Kingdom", "United States", "Union Jack", "White House Press", "New Year",
     "Collective West", "Post Office Box", "Front Page", "Home Office Minister"}
)

# Common nouns that introduce or stand for an organisation: "lender Acme Finance", "the company said".
ORG_NOUNS = {
    "lender": "company", "bank": "company", "consultancy": "company", "operator": "company",
    "company": "company", "firm": "company", "group": "company", "carrier": "company",
    "airline": "company", "insurer": "company", "developer": "company", "manufacturer": "company",
    "retailer": "company", "supermarket": "company", "chain": "company", "broker": "company",
    "brokerage": "company", "utility": "company", "regulator": "government", "agency": "government",
    "charity": "ngo", "publisher": "media", "broadcaster": "media", "newspaper": "media",
    "startup": "company", "start-up": "company", "conglomerate": "company", "maker": "company",
    "producer": "company", "supplier": "company", "provider": "company", "automaker": "company",
    "carmaker": "company", "miner": "company", "shipbuilder": "company", "builder": "company",
    "housebuilder": "company", "telecoms": "company", "distributor": "company", "outlet": "media",
    "website": "media", "portal": "media", "think-tank": "ngo", "ministry": "government",
    "council": "government", "authority": "government", "union": "union", "association": "ngo",
    "club": "other", "government": "government", "department": "government", "university": "university",
    "school": "university", "board": "government", "committee": "government", "commission": "government",
    "party": "party", "alliance": "alliance", "organisation": "other", "organization": "other",
    "institute": "university", "court": "court", "team": "other", "side": "other",
}


# Agent suffixes: a noun ending in one of these names a person ("glaciologist", "lock-keeper",
# "campaigner"), so the role lists need not list every trade. Words of the same shape that are
# not people and that attributions meet ("the letter said", "the paper says") are excluded.
_PERSON_SUFFIX_RE = re.compile(r"(?:ist|ian|er|or|ant|ent|eer|man|woman|person)$")
_NOT_PERSON_NOUNS = frozenset(
    """letter paper order number water power matter center centre quarter chapter register
    paper newspaper computer server sector factor error motor mirror minor major monitor
    statement government document parliament department agreement report tweet post""".split()
)
PERSON_NOUNS = frozenset("man woman boy girl mother father son daughter wife husband brother sister friend".split())


def is_person_noun(word: str) -> bool:
    """Whether ``word`` names a person by its role or kind: "the mayor", "the Waterford man"."""
    w = word.lower().strip(".,;:’'")
    if w in ROLE_NOUNS or w in ROLE_BACKREF_NOUNS or w in PERSON_NOUNS:
        return True
    if w in _NOT_PERSON_NOUNS or w in DOCUMENT_NOUNS or len(w) < 5:
        return False
    return bool(_PERSON_SUFFIX_RE.search(w))
