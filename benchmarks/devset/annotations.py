# ruff: noqa: E501  (long passages of article text are kept on one line each)
"""Hand-made gold readings of the development-set articles (source of ``gold/*.json``).

Each reading was written by reading the whole article (``texts/`` or ``texts_local/``);
``build_gold.py`` turns it into JSON with character offsets.  Conventions (also in
``README.md``):

* ``countries``: ISO 3166-1 alpha-3 codes of every country the article mentions by
  name, demonym, or capital / seat of power used for its government; a country named
  only in the dateline is left out and recorded under ``dateline``.
* ``people`` / ``orgs``: canonical name first, then the other names the article uses
  for the same person or organisation (aliases).
* ``dates``: ``(text, iso)`` or ``(text, None, granularity)`` when the expression
  cannot be resolved (a company's fiscal year); weekdays are resolved against the
  publication date; durations ("for 30 years") and generic weekdays ("on Saturdays")
  are not dates.
* ``quotes``: ``(span text, kind, speaker, cue)``.  Direct quotes span the words inside
  the marks; indirect ones the reported clause without "that"; mixed ones the reported
  clause with its quoted words.  The speaker is the person or organisation named; an
  unnamed spokesperson of a named organisation is that organisation; ``"~noun"`` is a
  speaker the article does not name, by its head noun; a tuple ``(name, alias…)`` is a
  government speaking as its country or capital; a list is a joint statement (or two
  acceptable readings).  The cue is the reporting verb or frame, ``None`` when there is
  none.
* ``claims``: ``(sentence or clause, kind)`` with kind one of ``number``,
  ``comparison``, ``ranking``, ``first``, ``dated_event``, ``membership``.
"""

from __future__ import annotations

from typing import Any

SEED_ID = "seed"
SEED_PUBLISHED = "2023-05-10"

ANNOTATIONS: dict[str, dict[str, Any]] = {}
A = ANNOTATIONS

A["seed"] = dict(
    countries="JPN UKR RUS KOR AUS NZL FIN",
    people=[("Yoshimasa Hayashi", "Hayashi", "the minister"), "Dmitry Peskov"],
    orgs=[
        ("NATO", "North Atlantic Alliance", "the alliance", "the bloc"),
        "CNN",
        ("Nikkei Asia", "Nikkei"),
        "The Insider",
    ],
    dates=[("May 3", "2023-05-03"), ("April 4", "2023-04-04")],
    quotes=[
        (
            "Japan is in talks to open a NATO office in the country, the first of its kind in Asia",
            "indirect",
            "Yoshimasa Hayashi",
            "announced",
        ),
        (
            "Russia's invasion of Ukraine made the world less stable, and it also forced Japan to "
            "rethink regional security",
            "indirect",
            "Yoshimasa Hayashi",
            "according to",
        ),
        (
            "What is happening in Eastern Europe is not only a problem for her, it directly affects "
            "the situation here in the Pacific region. That is why cooperation between us in East "
            "Asia and NATO [becomes] more and more important.",
            "direct",
            "Yoshimasa Hayashi",
            None,
        ),
        (
            "Japan is not a member of NATO, but this step makes it clear that the bloc's partners in "
            'the Asia-Pacific region "cooperate very steadily" with the member countries of the '
            "alliance",
            "mixed",
            "Yoshimasa Hayashi",
            "recalled",
        ),
        ("The possible opening of a NATO office in Japan", "indirect", "Nikkei Asia", "reported"),
        (
            "An office in Japan will allow discussions with alliance security partners such as South "
            "Korea, Australia and New Zealand on geopolitical issues, new technologies, and cyber "
            "threats",
            "indirect",
            "Nikkei Asia",
            "noted",
        ),
        (
            "NATO would not go into details of ongoing discussions between allies",
            "indirect",
            "NATO",
            "told",
        ),
        ('NATO and Japan "has long-standing cooperation."', "mixed", "NATO", "stressed"),
        (
            "Russia's defense strategy may change as the country perceives NATO expansion as a "
            "threat, but Finland's decision only strengthened regional security",
            "indirect",
            "~experts",
            "told",
        ),
        (
            'this "is another aggravation of the situation" and "an encroachment on the security '
            'of the Russian Federation", in response to which Moscow will be forced to take '
            '"countermeasures"',
            "mixed",
            "Dmitry Peskov",
            "said",
        ),
    ],
    claims=[
        (
            "Japan is in talks to open a NATO office in the country, the first of its kind in Asia.",
            "first",
        ),
        ("Japan is not a member of NATO", "membership"),
        (
            "The possible opening of a NATO office in Japan was first reported by the Nikkei Asia on "
            "May 3, citing unnamed Japanese and NATO officials.",
            "dated_event",
        ),
        ("NATO has similar liaison offices in other countries, including Ukraine.", "membership"),
        (
            "On April 4, Finland officially joined NATO, becoming the 31st member of the alliance.",
            "membership",
        ),
        (
            "As a result, the total length of the land border of the Russian Federation with the "
            "countries of the North Atlantic Alliance has more than doubled.",
            "comparison",
        ),
    ],
)

A["dev001"] = dict(
    published="2024-05-27",
    dateline=("SEOUL/TOKYO", ["KOR", "JPN"]),
    countries="PRK KOR JPN",
    people=[("Yoshimasa Hayashi", "Hayashi")],
    orgs=[
        "National Aerospace Technology Administration",
        ("Joint Chiefs of Staff", "JCS"),
        ("United Nations Security Council", "security council"),
    ],
    dates=[
        ("Monday", "2024-05-27"),
        ("June 4", "2024-06-04"),
        ("last year", "2023"),
        ("November", "2023-11"),
    ],
    quotes=[
        (
            "its latest satellite launch exploded in flight",
            "indirect",
            ("North Korea", "North", "Pyongyang"),
            "says",
        ),
        (
            "its attempt to launch a new military reconnaissance satellite ended in failure Monday "
            "when a newly developed rocket engine exploded in flight",
            "indirect",
            ("North Korea", "North", "Pyongyang"),
            "said",
        ),
        (
            "it would try to launch a satellite by June 4",
            "indirect",
            ("North Korea", "North", "Pyongyang"),
            "issued a warning",
        ),
        (
            "The launch of the new satellite carrier rocket failed when it exploded in mid-air during "
            "the flight of the first stage,",
            "direct",
            "National Aerospace Technology Administration",
            "said",
        ),
        (
            "An initial analysis suggested that the cause was a newly developed liquid fuel rocket "
            "motor, but other possible causes were being investigated",
            "indirect",
            "National Aerospace Technology Administration",
            "said",
        ),
        ("the launch seemed to have failed", "indirect", "~officials", "reported"),
        (
            "North Korea fired the projectile on a southern path off its west coast at around 10:44 "
            "p.m. (1344 GMT)",
            "indirect",
            "Joint Chiefs of Staff",
            "said",
        ),
        (
            "it had detected a large amount of debris from the rocket in the sea just two minutes "
            "after launch",
            "indirect",
            "Joint Chiefs of Staff",
            "said",
        ),
        (
            "The object launched by North Korea disappeared over the Yellow Sea",
            "indirect",
            "Yoshimasa Hayashi",
            "told",
        ),
        (
            "the government presumes nothing had entered into space",
            "indirect",
            "Yoshimasa Hayashi",
            "adding",
        ),
        (
            "These launches are in violation of relevant security council resolutions and are a "
            "serious matter concerning the safety of our people,",
            "direct",
            "Yoshimasa Hayashi",
            "said",
        ),
    ],
    claims=[
        (
            "Instead, the launch became the nuclear-armed North's latest failure, following two "
            "other fiery crashes last year.",
            "number",
        ),
        ("It successfully placed its first spy satellite in orbit in November.", "dated_event"),
        (
            "JCS said it had detected a large amount of debris from the rocket in the sea just two "
            "minutes after launch, however.",
            "number",
        ),
    ],
)

A["dev002"] = dict(
    published="2024-04-25",
    dateline=("washington", ["USA"]),
    countries="USA CHN PRK",
    people=[("Liu Pengyu", "Liu")],
    orgs=[
        ("United Nations", "U.N."),
        "State Department",
        ("VOA Korean Service", "Korean Service"),
        ("Voice of America", "VOA"),
        ("Chinese Embassy in Washington", "Chinese Embassy"),
        ("United Nations Security Council", "U.N. Security Council"),
    ],
    dates=[
        ("this month", "2024-04"),
        ("Wednesday", "2024-04-24"),
        ("this week", "2024-W17"),
        ("on Monday", "2024-04-22"),
    ],
    quotes=[
        (
            "Beijing can do more to combat the DPRK's sanctions evasion efforts in PRC territorial "
            "waters, repatriate North Korean laborers earning income in PRC territory, and shut down "
            "procurement networks,",
            "direct",
            "State Department",
            "said",
        ),
        (
            "The U.S. needs to ... stop heightening the pressure and sanctions, stop military "
            "deterrence, and take effective steps to resume meaningful dialogue.",
            "direct",
            "Liu Pengyu",
            "told",
        ),
        (
            'Washington has been sending messages to Pyongyang seeking a dialogue "in multiple ways '
            '– through third parties and directly, orally and in writing,"',
            "mixed",
            "State Department",
            "said",
        ),
        (
            'North Korea has shown "no indication it is interested in engaging,"',
            "mixed",
            "State Department",
            "wrote",
        ),
        (
            "China has faithfully implemented relevant U.N. Security Council resolutions.",
            "direct",
            "Liu Pengyu",
            "maintained",
        ),
    ],
    claims=[
        (
            "The United States is calling on China to do more to monitor North Korean sanctions "
            "violations as a U.N. panel charged with that task is set to expire this month.",
            "dated_event",
        ),
    ],
)

A["dev003"] = dict(
    published="2024-04-22",
    dateline=("ISLAMABAD", ["PAK"]),
    countries="IRN PAK ISR",
    people=[("Ebrahim Raisi", "Raisi"), "Asif Ali Zardari", "Shehbaz Sharif"],
    orgs=[("Pakistani Foreign Ministry", "Islamabad's foreign ministry", "foreign ministry")],
    dates=[("Monday", "2024-04-22")],
    quotes=[
        (
            "the talks will provide an “important opportunity” to strengthen bilateral ties and "
            "cooperation in trade, connectivity, energy, and agriculture",
            "mixed",
            "Pakistani Foreign Ministry",
            "stated",
        ),
        (
            "Raisi’s high-level delegation would include the Iranian foreign minister, other Cabinet "
            "members, and business representatives",
            "indirect",
            "Pakistani Foreign Ministry",
            "said",
        ),
        (
            "They will also discuss regional and global developments and bilateral cooperation to "
            "combat the common threat of terrorism.",
            "direct",
            "Pakistani Foreign Ministry",
            "said",
        ),
    ],
    claims=[
        (
            "Iran and Pakistan share a 900-kilometer border, which is prone to militant "
            "infiltration, smuggling, and other illegal crossings.",
            "number",
        ),
    ],
)

A["dev004"] = dict(
    published="2024-05-13",
    dateline=("MANILA", ["PHL"]),
    countries="PHL CHN",
    people=[("Jay Tarriela", "Tarriela")],
    orgs=[("Philippine Coast Guard", "coast guard", "Philippine coast guard")],
    dates=[
        ("Monday", "2024-05-13"),
        ("on Saturday", "2024-05-11"),
        ("mid-April", "2024-04"),
        ("on Monday", "2024-05-13"),
    ],
    quotes=[
        (
            "Philippine coast guard will block China reclamation at disputed shoal",
            "indirect",
            "~official",
            "says",
        ),
        (
            "The Philippine coast guard is committed to sustaining a presence in a disputed area of "
            "the South China Sea to ensure China does not carry out reclamation activities at the "
            "Sabina Shoal",
            "indirect",
            ["Jay Tarriela", "Philippine Coast Guard"],
            "said",
        ),
        (
            "it had deployed a ship to Sabina Shoal, where it accused China of building an "
            "artificial island, amid an escalating maritime row",
            "indirect",
            "Philippine Coast Guard",
            "said",
        ),
        (
            "two other vessels were in rotational deployment in the area",
            "indirect",
            "Philippine Coast Guard",
            "adding",
        ),
        (
            "it had discovered piles of dead and crushed coral that had been dumped on the sandbars "
            "of Sabina Shoal, altering their sizes and elevation",
            "indirect",
            "Philippine Coast Guard",
            "said",
        ),
        (
            'the coast guard had to make sure it was able to prevent "China from carrying out a '
            'successful reclamation in Sabina Shoal."',
            "mixed",
            "Jay Tarriela",
            "told",
        ),
        (
            "the coast guard was committed to maintaining a presence at the shoal, which Manila "
            "calls Escoda",
            "indirect",
            "Jay Tarriela",
            "said",
        ),
    ],
    claims=[
        (
            "The coast guard said on Saturday it had deployed a ship to Sabina Shoal, where it "
            "accused China of building an artificial island, amid an escalating maritime row, adding "
            "two other vessels were in rotational deployment in the area.",
            "dated_event",
        ),
    ],
)

A["dev005"] = dict(
    published="2024-04-08",
    dateline=("Port-au-Prince, Haiti", ["HTI"]),
    countries="HTI",
    orgs=[("Agence France Presse", "AFP"), ("CARICOM", "Caribbean Community")],
    dates=[("Monday", "2024-04-08"), ("late Sunday", "2024-04-07")],
    quotes=[
        (
            "Haitian leaders have finalized a deal for a temporary government to steer their "
            "Caribbean nation out of gang-fueled chaos, but the details must first be approved by "
            "the outgoing authorities",
            "indirect",
            "Agence France Presse",
            "confirmed",
        ),
    ],
    claims=[
        (
            "Members of the transition council sent their plan to the regional Caribbean body "
            "CARICOM late Sunday.",
            "dated_event",
        ),
    ],
)

A["dev006"] = dict(
    published="2024-05-24",
    dateline=("Geneva", ["CHE"]),
    countries="SDN",
    orgs=[
        ("United Nations", "U.N."),
        "Rapid Support Forces",
        ("Sudan Armed Forces", "the army"),
        (
            "Office for the Coordination of Humanitarian Affairs",
            "OCHA",
            "U.N. Office for the Coordination of Humanitarian Affairs",
        ),
    ],
    dates=[("March 10", "2024-03-10")],
    quotes=[
        (
            "the humanitarian situation for an estimated 800,000 people in and around the Sudanese "
            "city of El Fasher is rapidly deteriorating as clashes escalate between the army and the "
            "paramilitary Rapid Support Forces",
            "indirect",
            "United Nations",
            "warn",
        ),
        (
            "an estimated 85 civilians have been killed and at least 700 wounded",
            "indirect",
            "Office for the Coordination of Humanitarian Affairs",
            "reports",
        ),
    ],
    claims=[
        (
            "Since fighting for control of El Fasher, the last stronghold of the Sudan Armed Forces "
            "in western Darfur, broke out March 10, the U.N. Office for the Coordination of "
            "Humanitarian Affairs (OCHA) reports an estimated 85 civilians have been killed and at "
            "least 700 wounded.",
            "number",
        ),
    ],
)

A["dev007"] = dict(
    published="2024-01-29",
    dateline=("SYDNEY", ["AUS"]),
    countries="AUS TLS CHN",
    people=[("Pat Conroy", "Conroy"), ("Xanana Gusmão", "Gusmão"), "Jose Ramos Horta"],
    dates=[("on Monday", "2024-01-29"), ("20 years earlier", "2004"), ("in September", "2023-09")],
    quotes=[
        (
            "it will spend $23 million to support policing in East Timor, boosting disaster response "
            "and technology capabilities in the small Southeast Asian neighbor that recently "
            "upgraded ties with China",
            "indirect",
            ("Australia",),
            "said",
        ),
        (
            "Australia is committed to working with Timor-Leste to deliver skilled and professional "
            "policing services that contribute to a stable and secure Timor-Leste,",
            "direct",
            "Pat Conroy",
            "said",
        ),
        (
            "Australia will provide the $23 million to continue a policing partnership between the "
            "two nations that began 20 years earlier",
            "indirect",
            "Pat Conroy",
            "added",
        ),
        (
            "a strategic partnership signed by Gusmão with China would boost Chinese investment and "
            "infrastructure, but did not extend to military cooperation, and Australia remained its "
            "top security partner",
            "indirect",
            "Jose Ramos Horta",
            "said",
        ),
    ],
    claims=[
        (
            "Australia said it will spend $23 million to support policing in East Timor, boosting "
            "disaster response and technology capabilities in the small Southeast Asian neighbor "
            "that recently upgraded ties with China.",
            "number",
        ),
    ],
)

A["dev008"] = dict(
    published="2024-05-03",
    dateline=("islamabad", ["PAK"]),
    countries="PAK CHN",
    dates=[("on Friday", "2024-05-03"), ("In 2018", "2018")],
    claims=[
        (
            "Pakistan on Friday witnessed the launch of its first lunar satellite aboard China’s "
            "historic mission to retrieve samples from the little explored far side of the moon in "
            "a technologically collaborative mission that signals deepening ties between the "
            "countries.",
            "first",
        ),
        (
            "China’s largest rocket, a Long March-5, blasted off from the Wencheng Space Launch "
            "Center on Hainan Island at 09:27 UTC, ferrying China’s 8-metric-ton Chang’e-6 probe.",
            "ranking",
        ),
        (
            "If successful, the uncrewed mission will make China the first country to retrieve "
            "samples from the moon’s largely unexplored South Pole",
            "first",
        ),
        (
            "Chang’e-6 will spend 48 hours digging up 2 kilograms of surface samples before "
            "returning to a landing spot in Inner Mongolia.",
            "number",
        ),
        (
            "In 2018, China achieved its first unmanned moon landing on the far side with the "
            "Chang'e-4 probe, which did not retrieve samples.",
            "dated_event",
        ),
    ],
    notes="The article dates the Chang'e-4 landing to 2018 (it landed in January 2019); the "
    "gold records what the text says.",
)

A["dev009"] = dict(
    published="2024-05-29",
    dateline=("DUBAI, United Arab Emirates", ["ARE"]),
    countries="USA YEM ISR",
    orgs=[("Houthis", "Houthi", "Houthi rebels"), "Hamas", ("The Associated Press", "AP")],
    dates=[("Wednesday", "2024-05-29"), ("this month", "2024-05"), ("Wednesday", "2024-05-29")],
    quotes=[
        (
            "showed the aircraft being targeted with a surface-to-air missile in a desert region of "
            "Yemen's central Marib province",
            "indirect",
            "Houthis",
            "said",
        ),
    ],
    claims=[("It marked the third such downing this month alone.", "ranking")],
)

A["dev010"] = dict(
    published="2024-05-03",
    dateline=("TAIPEI, Taiwan", ["TWN"]),
    countries="CHN USA",
    orgs=[("China National Space Administration", "CNSA")],
    dates=[("Friday", "2024-05-03"), ("in 2019", "2019"), ("Friday evening", "2024-05-03")],
    quotes=[
        (
            "The probe is being carried on a Long March-5 YB rocket set for liftoff Friday evening "
            "from the Wenchang launch center on the southern tropical island province of Hainan",
            "indirect",
            "China National Space Administration",
            "announced",
        ),
    ],
    claims=[
        (
            "The unprecedented mission would be the latest advance in the increasingly "
            "sophisticated and ambitious space exploration program that is now competing with the "
            "U.S., still the leader in space.",
            "ranking",
        ),
        (
            "China already landed a rover on the moon's far side in 2019, the first country to do "
            "so.",
            "first",
        ),
    ],
)

A["dev011"] = dict(
    published="2024-04-25",
    dateline=("State Department", []),
    countries="USA CHN",
    people=[
        ("Antony Blinken", "Blinken", "the Secretary", "the secretary"),
        ("Chen Jining", "Chen"),
        "Matthew Miller",
    ],
    orgs=[
        "State Department",
        ("Chinese Communist Party",),
        ("Politburo of the Chinese Communist Party", "Politburo"),
    ],
    dates=[("Thursday morning", "2024-04-25"), ("in 2015", "2015")],
    quotes=[
        (
            'the necessity for "direct" and "sustained engagement" between the United States and '
            "China",
            "mixed",
            "Antony Blinken",
            "underscored",
        ),
        (
            'he would lay out "our differences, which are real" but seek to "work through them" '
            'as well as to "build cooperation where we can."',
            "mixed",
            "Antony Blinken",
            "said",
        ),
        (
            "since the establishment of diplomatic ties, the relationship between the two nations "
            'has not always been smooth, there\'s always been "twists and turns," "but overall, it '
            'has progressed with historical development and progressed forward."',
            "mixed",
            "Chen Jining",
            "said",
        ),
        (
            "In a constructive and candid exchange, the secretary raised concerns about PRC trade "
            "policies and non-market economic practices and stressed that the United States seeks a "
            "healthy economic competition with the PRC and a level playing field for U.S. workers "
            "and firms operating in China,",
            "direct",
            "Matthew Miller",
            "said",
        ),
    ],
    claims=[
        ("a city home to more than 1,000 U.S. companies", "number"),
        (
            "Chen is the highest-ranking local official and is a member of the Politburo of the "
            "Chinese Communist Party.",
            "membership",
        ),
        (
            "Blinken was last in Shanghai in 2015 when he was deputy secretary of state.",
            "dated_event",
        ),
    ],
    notes="'State Department' opening the body is VOA's location tag, not a place.",
)

A["dev012"] = dict(
    published="2024-06-03",
    dateline=("Johannesburg", ["ZAF"]),
    countries="ZAF",
    people=[("Cyril Ramaphosa", "Ramaphosa", "the president"), ("Melanie Verwoerd", "Verwoerd")],
    orgs=[
        ("African National Congress", "ANC"),
        "Democratic Alliance",
        ("Inkatha Freedom Party", "IFP"),
        ("Voice of America", "VOA"),
    ],
    dates=[("this week", "2024-W23"), ("Sunday night", "2024-06-02")],
    quotes=[
        (
            "he was “distinguished” and not yet “extinguished,”",
            "mixed",
            "Cyril Ramaphosa",
            "retorted",
        ),
        (
            "the ANC — which got 40 percent of the vote — would work with other parties to find "
            "“common ground” as coalition talks get underway",
            "mixed",
            "Cyril Ramaphosa",
            "pledged",
        ),
        ("There are several main options", "indirect", "Melanie Verwoerd", "told"),
        (
            "There are a number of coalition options. ... The first one is obviously a coalition "
            "with, a formal coalition with, the Democratic Alliance and the IFP,",
            "direct",
            "Melanie Verwoerd",
            "said",
        ),
    ],
    claims=[
        (
            "Talks to form South Africa’s first national coalition government are expected to begin "
            "this week after the governing ANC party lost its majority for the first time.",
            "first",
        ),
        ("the ANC — which got 40 percent of the vote", "number"),
        (
            "The ANC has had a majority for 30 years, since the end of apartheid, so governing in a "
            "coalition marks unchartered territory.",
            "number",
        ),
        ("Under the law, parties now have two weeks to form a government", "number"),
    ],
)

A["dev013"] = dict(
    published="2024-05-05",
    dateline=("DHAKA, Bangladesh", ["BGD"]),
    countries="BGD",
    people=["Mohibul Hasan Chowdhury", "Fatema Akhtar"],
    orgs=[
        ("Ministry of Education", "education ministry"),
        ("UNICEF", "U.N. children's agency"),
    ],
    dates=[("on Sunday", "2024-05-05"), ("a week ago", "2024-W17"), ("last week", "2024-W17")],
    quotes=[
        (
            "the heat could exacerbate inequalities, widen a learning gap between developing and "
            "developed nations in the tropics",
            "indirect",
            "~experts",
            "warned",
        ),
        (
            "Bangladesh, which follows the Islamic work week from Sunday to Thursday, will hold "
            "classes on Saturdays until further notice",
            "indirect",
            "Ministry of Education",
            "said",
        ),
        (
            "schools would open on Friday if needed to complete the curriculum",
            "indirect",
            "Mohibul Hasan Chowdhury",
            "said",
        ),
        (
            "Children don't want to study at home. This will help them make up for the loss,",
            "direct",
            "Fatema Akhtar",
            "said",
        ),
        (
            "climate change is causing more frequent, severe, and lengthy heat waves during summer "
            "months",
            "indirect",
            "~scientists",
            "said",
        ),
        (
            "one in three children, or nearly 20 million children, in low-lying Bangladesh bear the "
            "brunt of such climate change every day",
            "indirect",
            "UNICEF",
            "estimated",
        ),
    ],
    claims=[
        (
            "Bangladesh has wavered over reopening schools for some 33 million students amid "
            "pressure to prepare pupils for exams",
            "number",
        ),
        (
            "the worst heatwave in seven decades sent temperatures as high as 43.8 C (110.84° "
            "Fahrenheit) last week",
            "ranking",
        ),
        (
            "The U.N. children's agency has estimated that one in three children, or nearly 20 "
            "million children, in low-lying Bangladesh bear the brunt of such climate change every "
            "day.",
            "number",
        ),
    ],
    notes="'a week ago' and 'last week' in a Sunday article both point at the ISO week before "
    "the publication week.",
)

A["dev014"] = dict(
    published="2024-04-29",
    dateline=("Gaborone, Botswana", ["BWA"]),
    countries="BWA",
    people=["Moemedi Batshabang"],
    orgs=[
        ("Department of Wildlife and National Parks", "wildlife department"),
        ("Voice of America", "VOA"),
        "Save Wildlife Conservation Fund",
    ],
    quotes=[
        (
            "In Botswana, home to one of the world’s largest hippopotamus populations, around 500 "
            "hippos are stranded as blistering heat dries up water sources",
            "indirect",
            "Moemedi Batshabang",
            "told",
        ),
    ],
    claims=[
        (
            "In Botswana, home to one of the world’s largest hippopotamus populations, around 500 "
            "hippos are stranded as blistering heat dries up water sources",
            "number",
        ),
        (
            "More than 200 of the endangered animals are stranded at the Nxaraga lagoon near the "
            "town of Maun in the northwest.",
            "number",
        ),
    ],
)

A["dev015"] = dict(
    published="2024-07-09",
    dateline=("Kyaukme, Myanmar", ["MMR"]),
    countries="MMR CHN",
    people=["Kyaw Paing"],
    orgs=[
        ("Ta'ang National Liberation Army", "TNLA"),
        ("Agence France-Presse", "AFP"),
    ],
    dates=[("Last week", "2024-W27")],
    quotes=[
        (
            "his home was damaged by a huge blast after he saw a military plane fly overhead",
            "indirect",
            "Kyaw Paing",
            "told",
        ),
        (
            "Pieces of body — head, hands and legs — were scattered on my roof when the bomb hit some "
            "houses nearby,",
            "direct",
            "Kyaw Paing",
            "said",
        ),
        ("Seven people were killed here, and there was huge damage.", "direct", "Kyaw Paing", None),
        (
            "I don’t want to live this poor, miserable life in the war... I feel so sad.",
            "direct",
            "Kyaw Paing",
            None,
        ),
    ],
    claims=[
        (
            "Last week fighters from the Ta'ang National Liberation Army (TNLA) took control of the "
            "town of 30,000 — on the main trade route to China — in the latest setback for the "
            "military as it battles opponents across the country.",
            "dated_event",
        ),
    ],
    notes="The last two quotations have unbalanced marks in the source; each sentence is one "
    "direct quote of Kyaw Paing.",
)

A["dev016"] = dict(
    published="2024-05-23",
    dateline=("PORTO ALEGRE, Brazil", ["BRA"]),
    countries="BRA",
    orgs=[("National Institute of Meteorology", "national meteorological institute")],
    dates=[
        ("on Thursday", "2024-05-23"),
        ("on Thursday morning", "2024-05-23"),
        ("Wednesday", "2024-05-22"),
        ("The flooding «Thursday»", "2024-05-23"),
    ],
    quotes=[
        (
            "It all happened very quickly, [the flooding happened] much faster than last time,",
            "direct",
            "~director",
            "said",
        ),
        (
            "In a span of 12 hours, parts of Porto Alegre received more rain than they typically do "
            "in a month",
            "indirect",
            "National Institute of Meteorology",
            "according to",
        ),
    ],
    claims=[
        (
            "Record flooding over the past month has killed 163 people and displaced 600,000 more.",
            "number",
        ),
        ("Another 64 people are still missing.", "number"),
        (
            "In a span of 12 hours, parts of Porto Alegre received more rain than they typically do "
            "in a month, according to data from the national meteorological institute.",
            "comparison",
        ),
    ],
)

A["dev017"] = dict(
    published="2025-01-22",
    countries="",
    people=[("Karen Bass", "the mayor")],
    orgs=["National Weather Service", "The Associated Press"],
    dates=[
        ("Wednesday", "2025-01-22"),
        ("Thursday", "2025-01-23"),
        ("Friday", "2025-01-24"),
        ("starting «Saturday»", "2025-01-25"),
        ("Tuesday", "2025-01-21"),
    ],
    quotes=[
        (
            "dangerous fire conditions would persist in the Los Angeles area through Thursday or "
            "Friday",
            "indirect",
            "National Weather Service",
            "said",
        ),
        (
            "there was a 60% to 80% chance of rain in the region starting Saturday, with rainfall "
            "totals in most areas not exceeding 8 millimeters",
            "indirect",
            "~forecasters",
            "said",
        ),
        (
            "an executive order she signed Tuesday is designed to curb the flow of toxic debris from "
            "the region’s fires and protect the area’s beaches and oceans",
            "indirect",
            "Karen Bass",
            "said",
        ),
        (
            "This is to prevent additional damage to areas already ravaged by fire and also to "
            "protect our watershed, beaches and ocean from toxic runoff,",
            "direct",
            "Karen Bass",
            "said",
        ),
    ],
    claims=[
        (
            "Forecasters said there was a 60% to 80% chance of rain in the region starting "
            "Saturday, with rainfall totals in most areas not exceeding 8 millimeters.",
            "number",
        ),
        (
            "The fires have killed at least 27 people and destroyed thousands of buildings.",
            "number",
        ),
    ],
)

A["dev018"] = dict(
    published="2024-05-22",
    dateline=("Everett, Washington/Washington, DC", ["USA"]),
    countries="USA RUS UKR",
    people=["Suleyman Kerimov", "Vladimir Putin", ("Bob Templeton", "Templeton")],
    orgs=[("Voice of America", "VOA")],
    dates=[("last month", "2024-04")],
    quotes=[
        (
            "the yacht belongs to sanctioned Russian oligarch and politician Suleyman Kerimov, an "
            "ally of Russian President Vladimir Putin",
            "indirect",
            ("United States", "U.S. government", "U.S."),
            "alleges",
        ),
        (
            "They ought to sell it to somebody and get a lot of money,",
            "direct",
            "Bob Templeton",
            "told",
        ),
    ],
    claims=[
        (
            "When a superyacht worth $230 million pulled into the port of Everett, Washington, for "
            "repairs last month, it made a big splash in the city of 110,000 residents.",
            "number",
        ),
    ],
)

A["dev019"] = dict(
    published="2022-11-16",
    countries="USA",
    people=[
        ("Donald Trump", "Trump"),
        ("Joe Biden", "Biden"),
        "Ron DeSantis",
        "Mike Pence",
        "Mike Pompeo",
        "Grover Cleveland",
    ],
    orgs=["Republican Party", "House of Representatives"],
    dates=[
        ("2024", "2024"),
        ("on Tuesday evening", "2022-11-15"),
        ("the «2024» election", "2024"),
        ("tonight", "2022-11-15"),
        ("in 2020", "2020"),
        ("in 2016", "2016"),
        ("two years ago", "2020"),
        ("1885", "1885"),
        ("1893", "1893"),
    ],
    quotes=[
        (
            "he is seeking the Republican Party nomination for the 2024 election",
            "indirect",
            "Donald Trump",
            "declared",
        ),
        (
            "it has destroyed the U.S. economy and turned America’s cities into crime-filled "
            "“cesspools of blood.”",
            "mixed",
            "Donald Trump",
            "telling",
        ),
        ("In order to make America great and glorious again,", "direct", "Donald Trump", "said"),
        (
            "I am tonight announcing my candidacy for president of the United States.",
            "direct",
            "Donald Trump",
            "said",
        ),
        ("he intends to run again", "indirect", "Joe Biden", "said"),
    ],
    claims=[
        ("Trump — who was impeached twice by the House of Representatives", "number"),
        ("Only one American president has ever served nonconsecutive terms.", "ranking"),
        ("That was Grover Cleveland, elected in 1885 and 1893.", "dated_event"),
    ],
    notes="Grover Cleveland was elected in 1884 and 1892 and took office in 1885 and 1893; the "
    "gold records the text.",
)

A["dev020"] = dict(
    published="2022-04-03",
    countries="UKR RUS BLR",
    orgs=[("International Atomic Energy Agency", "IAEA"), "Energoatom"],
    dates=[
        ("Thursday", "2022-03-31"),
        ("in 1986", "1986"),
        ("on February 24", "2022-02-24"),
        ("early Friday morning", "2022-04-01"),
    ],
    quotes=[
        (
            "Russian forces had withdrawn from the disused Chernobyl Nuclear Power Plant, the site of "
            "the world's worst nuclear disaster in 1986",
            "indirect",
            ["International Atomic Energy Agency", "Ukraine"],
            "confirmed",
        ),
        (
            "Russian soldiers were radiated whilst digging trenches in the Red Forest of the "
            "Chernobyl Exclusion Zone",
            "indirect",
            "Energoatom",
            "said",
        ),
        (
            "retreating Russian forces moved towards Belarus",
            "indirect",
            "International Atomic Energy Agency",
            "said",
        ),
    ],
    claims=[
        ("the site of the world's worst nuclear disaster in 1986", "ranking"),
        (
            "Russia seized control of Chernobyl in the initial stages of its invasion of Ukraine "
            "which began on February 24.",
            "dated_event",
        ),
    ],
)

A["dev021"] = dict(
    published="2022-02-04",
    countries="COD",
    people=[("Jean-Michel Sama Lukonde", "Lukonde")],
    orgs=["Société Nationale d'Électricité", "BBC"],
    dates=[("on Wednesday", "2022-02-02")],
    quotes=[
        (
            "it happened during a severe storm",
            "indirect",
            "Société Nationale d'Électricité",
            "said",
        ),
        (
            "the incident occurred in the Matadi-Kibala district and the electrocuted victims were "
            "mostly women working at the market",
            "indirect",
            "~police",
            "according to",
        ),
        (
            "I share the immense pain of the families. My thoughts are also with all the injured.",
            "direct",
            "Jean-Michel Sama Lukonde",
            "said",
        ),
        (
            "the government was holding a crisis meeting about relocating the market",
            "indirect",
            "~spokesperson",
            "said",
        ),
        (
            "rains often caused buyers and sellers at the market to wade through water",
            "indirect",
            "~merchant",
            "saying",
        ),
    ],
    claims=[
        (
            "At least 26 people were killed on Wednesday in the outskirts of Kinshasa, Democratic "
            "Republic of the Congo when a high-tension electric power cable was struck by lightning "
            "and fell to the ground near a marketplace.",
            "number",
        ),
    ],
)

A["dev022"] = dict(
    published="2023-02-08",
    dateline=("Gaziantep (Turkey", ["TUR"]),
    countries="TUR SYR JPN NPL",
    orgs=["White Helmets", ("The Associated Press", "AP")],
    dates=[
        ("on Wednesday", "2023-02-08"),
        ("Monday", "2023-02-06"),
        ("In 2011", "2011"),
        ("Nepalin «2015»", "2015"),
    ],
    quotes=[
        (
            "1,250 deaths from Monday’s pre-dawn earthquake in the areas it controls",
            "indirect",
            ("Syria", "government"),
            "reported",
        ),
        ("1,280 deaths", "indirect", "White Helmets", "reported"),
    ],
    claims=[
        (
            "The death toll from the earthquake in southern Turkiye and northern Syria has climbed "
            "past 9,400, making it the deadliest seismic event in more than a decade.",
            "ranking",
        ),
        ("Turkish authorities updated the country’s death toll to 6,957 on Wednesday.", "number"),
        ("More than 30,000 people have been injured", "number"),
        (
            "In 2011, a magnitude 9.0 quake off the northeast coast of Japan triggered a tsunami, "
            "killing nearly 20,000 people.",
            "dated_event",
        ),
    ],
    notes="The stored page has no headline; the first line is the headline of the URL slug. "
    "'Nepalin 2015' is the page's typo for 'Nepal in 2015' (NPL counted).",
)

A["dev023"] = dict(
    published="2023-11-19",
    countries="USA RUS CHN JPN PER UKR",
    people=[("Joe Biden", "Biden"), ("Kishida Fumio", "Kishida")],
    orgs=[("Asia-Pacific Economic Cooperation", "APEC"), "NHK"],
    dates=[
        ("on Friday", "2023-11-17"),
        ("this year's", "2023"),
        ("this year's", "2023"),
        ("next year's", "2024"),
    ],
    quotes=[
        (
            "their determination to deliver a free, open and transparent trade and investment "
            "environment",
            "indirect",
            "Asia-Pacific Economic Cooperation",
            "reaffirmed",
        ),
        (
            'the leaders "worked together to find ways to build on inclusive, resilient and '
            'sustained economies for the Asia-Pacific."',
            "mixed",
            "Joe Biden",
            "said",
        ),
        (
            "with Russia and China present, it was not easy to reach consensus on those issues at "
            "APEC",
            "indirect",
            "~official",
            "told",
        ),
    ],
    claims=[
        (
            "The two-day APEC meeting was held in the United States in the west-coast city of San "
            "Francisco.",
            "dated_event",
        ),
        (
            "APEC is a regional economic forum of 21 countries and territories in the Asia-Pacific "
            "region.",
            "membership",
        ),
        ("Peru will host next year's APEC forum.", "dated_event"),
    ],
)

A["dev024"] = dict(
    published="2020-10-17",
    countries="NZL PAK",
    people=[("Judith Collins", "Collins"), ("Jacinda Ardern", "Ardern"), "Benazir Bhutto"],
    orgs=[
        ("Labour Party", "Labour"),
        "Green Party",
        "National Party",
        "Electoral Commission",
        "Sputnik",
    ],
    dates=[("last year's", "2019"), ("in August", "2020-08")],
    quotes=[
        (
            "The Labour Party leader has managed to get 49.2 percent of the votes after two-thirds "
            "of the ballots have been tallied, and her allies in the Green Party have 7.6 percent",
            "indirect",
            "Electoral Commission",
            "according to",
        ),
        (
            "At the same time, the opposition National Party, headed by Judith Collins, has 25.8 "
            "percent so far",
            "indirect",
            "Sputnik",
            "reported",
        ),
        ("Labour won the election", "indirect", "National Party", "recognised"),
        (
            "To Prime Minister Jacinda Ardern, who I have phoned, congratulations on your result "
            "because it is, I believe, an outstanding result for the Labour Party,",
            "direct",
            "Judith Collins",
            "stated",
        ),
    ],
    claims=[
        (
            "The Labour Party leader has managed to get 49.2 percent of the votes after two-thirds "
            "of the ballots have been tallied",
            "number",
        ),
        (
            "She also became the second-ever national leader to give birth while in office, after "
            "Pakistani PM Benazir Bhutto.",
            "ranking",
        ),
        (
            "the island nation managed to eliminate coronavirus community transmission for 102 days",
            "number",
        ),
    ],
)

A["dev025"] = dict(
    published="2022-12-09",
    countries="RUS UKR HTI MEX CHN MMR TUR",
    orgs=[("International Federation of Journalists", "IFJ")],
    dates=[
        ("in 2022", "2022"),
        ("in 2022", "2022"),
        ("the previous year", "2021"),
        ("Friday", "2022-12-09"),
        ("so far «this year»", "2022"),
        ("up from 47 «last year»", "2021"),
        ("Last year", "2021"),
        ("any other country «this year»", "2022"),
    ],
    quotes=[
        (
            "Russia’s war in Ukraine, chaos in Haiti and rising violence by criminal groups in "
            "Mexico contributed to a 30% spike in the number of journalists killed doing their work "
            "in 2022 over the previous year",
            "indirect",
            "International Federation of Journalists",
            "according to",
        ),
        (
            "67 journalists and media staff have been killed so far this year, up from 47 last year",
            "indirect",
            "International Federation of Journalists",
            "says",
        ),
        (
            "More media workers were killed covering the war in Ukraine — 12 in total — than in any "
            "other country this year",
            "indirect",
            "International Federation of Journalists",
            "according to",
        ),
    ],
    claims=[
        (
            "The International Federation of Journalists says that 67 journalists and media staff "
            "have been killed so far this year, up from 47 last year.",
            "number",
        ),
        (
            "The Brussels-based group also tallied 375 journalists currently imprisoned for their "
            "work, with the most in China, Myanmar and Turkey.",
            "number",
        ),
        (
            "More media workers were killed covering the war in Ukraine — 12 in total — than in any "
            "other country this year, according to the IFJ.",
            "ranking",
        ),
    ],
    notes="The first brief of an Associated Press news roundup page.",
)

A["dev026"] = dict(
    published="2023-01-25",
    dateline=("PORT-AU-PRINCE, Haiti", ["HTI"]),
    countries="UKR MEX HTI USA",
    people=[("Jeff German", "German")],
    orgs=[("Committee to Protect Journalists", "CPJ", "the committee"), "Las Vegas Review-Journal"],
    dates=[
        ("in 2022", "2022"),
        ("in 2022", "2022"),
        ("the previous year", "2021"),
        ("Tuesday", "2023-01-24"),
        ("in 2022", "2022"),
        ("since 2018", "2018"),
        ("in 2022", "2022"),
        ("make «2022» the deadliest", "2022"),
        ("were killed «last year»", "2022"),
        ("United States «last year»", "2022"),
        ("Sept. 2", "2022-09-02"),
    ],
    quotes=[
        (
            "the increased danger has forced them to work under extreme stress",
            "indirect",
            "~journalists",
            "say",
        ),
        (
            "at least 67 news media workers were killed worldwide in 2022, the highest number since "
            "2018",
            "indirect",
            "Committee to Protect Journalists",
            "according to",
        ),
        (
            "more than half — 35 of the 67 killings — took place in just three countries: Ukraine, "
            "Mexico and Haiti",
            "indirect",
            "Committee to Protect Journalists",
            "noted",
        ),
        (
            "Mexico saw 13 news workers killed",
            "indirect",
            "Committee to Protect Journalists",
            "according to",
        ),
        (
            "In war-battered Ukraine, 15 news workers were killed last year",
            "indirect",
            "Committee to Protect Journalists",
            "said",
        ),
        (
            "it had confirmed that 41 of the 67 journalists were killed “in direct connection with "
            "their work,” and that it is investigating the motives for the 26 other slayings",
            "mixed",
            "Committee to Protect Journalists",
            "said",
        ),
    ],
    claims=[
        (
            "Killings of journalists around the world jumped by 50% in 2022 compared with the "
            "previous year, driven largely by attacks in Ukraine, Mexico and Haiti.",
            "comparison",
        ),
        (
            "at least 67 news media workers were killed worldwide in 2022, the highest number since "
            "2018",
            "ranking",
        ),
        (
            "The effect is particularly notable in Haiti, where seven journalists were killed in "
            "2022, a huge number for a small island country of about 12 million people.",
            "number",
        ),
        (
            "Other media groups have put the number at 15, which would make 2022 the deadliest year "
            "in at least three decades for Mexican journalists.",
            "ranking",
        ),
    ],
    notes="The first story of a Baltimore Sun news page (the next story, 'Texas tornado', is "
    "left out).",
)

A["dev027"] = dict(
    published="2023-02-06",
    countries="TUR SYR",
    people=["Recep Tayyip Erdogan"],
    orgs=["Wall Street Journal"],
    dates=[("early Monday", "2023-02-06"), ("Monday morning", "2023-02-06")],
    quotes=[
        (
            "The toll was at more than 1,300 Monday morning, with more than 900 dead in southern "
            "Turkey and 400 in northern and central Syria",
            "indirect",
            "Wall Street Journal",
            "reports",
        ),
        (
            "At the moment, we don’t know how high the dead and wounded numbers will rise,",
            "direct",
            "Recep Tayyip Erdogan",
            "says",
        ),
    ],
    claims=[
        (
            "The toll was at more than 1,300 Monday morning, with more than 900 dead in southern "
            "Turkey and 400 in northern and central Syria, reports the Wall Street Journal.",
            "number",
        ),
    ],
    notes="The stored page has no headline; the first line is the headline of the URL slug.",
)

A["dev028"] = dict(
    published="2023-12-04",
    dateline=("Fartoda (Goa)", []),
    countries="IND ESP",
    people=[
        ("Manolo Marquez", "Marquez", "The Spaniard", "The 55-year-old"),
        "Rowllin Borges",
        "Keprah",
        "Luna",
        "Rahul KP",
    ],
    orgs=[
        "FC Goa",
        ("Kerala Blasters FC", "Kerala Blaster FC", "Kerala Blasters"),
        ("Indian Super League", "ISL"),
        "Mohun Bagan Super Giant",
    ],
    dates=[("December 4, 2023", "2023-12-04"), ("on Sunday", "2023-12-03")],
    quotes=[
        ("Happy to have beat a good team,", "direct", "Manolo Marquez", "says"),
        (
            "he is happy to have faced and defeated a very good team",
            "indirect",
            "Manolo Marquez",
            "saying",
        ),
        (
            "It is nice always to check the table and see that the team is on top,",
            "direct",
            "Manolo Marquez",
            "said",
        ),
        (
            "The table is not real because there are teams who have played different numbers of "
            "games. The only thing that is real is that we have only lost two points in the league "
            "and only Mohun Bagan Super Giant can surpass us,",
            "direct",
            "Manolo Marquez",
            "added",
        ),
        (
            "I am happy because we faced a very good team, especially in attack. They have top "
            "players like Keprah, Luna and Rahul KP. In set pieces, they are very dangerous. They "
            "did not create a lot of chances and we created more chances and deserved to win the "
            "game,",
            "direct",
            "Manolo Marquez",
            "said",
        ),
        (
            "We are facing problems in killing the games. We had some clear chances and we did not "
            "take the chances. And then they had chances to equalise,",
            "direct",
            "Manolo Marquez",
            "added",
        ),
        (
            "But this is my seventh or eighth match against Kerala Blasters FC and when I have won "
            "it is by a one-goal margin. The character of the coach is great for their players. The "
            "team fights till the last moment and is a difficult team to beat,",
            "direct",
            "Manolo Marquez",
            "continued",
        ),
    ],
    claims=[
        (
            "FC Goa head coach Manolo Marquez was pleased with most parts of his team's performance "
            "as they edged past Kerala Blaster FC 1-0 in the Indian Super League (ISL) clash in Goa "
            "on Sunday to go top of the table",
            "ranking",
        ),
        (
            "Rowllin Borges' goal was the difference as Marquez's men held on for their sixth win "
            "in seven games this season.",
            "number",
        ),
    ],
    notes="The page's dateline line (place, date and time) is kept as the reader sees it. "
    "'Indian' (Indian Super League) and 'The Spaniard' count as demonyms.",
)

A["dev029"] = dict(
    published="2024-03-07",
    countries="IND",
    people=[
        ("Manolo Marquez", "Marquez"),
        ("Noah Sadaoui", "Sadaoui"),
        "Prabhsukhan Singh Gill",
        "Carlos Martinez",
        "Udanta Singh",
    ],
    orgs=["FC Goa", "East Bengal FC", ("Indian Super League", "ISL")],
    quotes=[
        ("there is room for improvement", "indirect", "Manolo Marquez", "believes"),
    ],
    claims=[
        (
            "Throughout the game, FC Goa maintained ball dominance, taking 26 shots, seven of which "
            "were on target.",
            "number",
        ),
        (
            "Marquez expressed satisfaction with the team's win, breaking a five-match winless "
            "streak.",
            "number",
        ),
    ],
    notes="The standfirst under the headline is left out; the article reports what the coach "
    "said in paraphrase only.",
)

A["dev030"] = dict(
    published="2023-10-18",
    countries="",
    orgs=[
        "RTTNews",
        ("Procter & Gamble", "Procter & Gamble Co.", "P&G", "PG"),
        "Thomson Reuters",
        ("New York Stock Exchange", "NYSE"),
    ],
    dates=[
        ("FY24", None, "year", "fiscal year"),
        ("first-quarter", None, "quarter", "fiscal quarter"),
        ("on Wednesday", "2023-10-18"),
        ("its «fiscal 2024» earnings view", None, "year", "fiscal year"),
        ("from «last year's» $5.90", None, "year", "fiscal year"),
        ("its initial «fiscal 2024» guidance", None, "year", "fiscal year"),
        ("in late July", "2023-07"),
        ("now expects «fiscal 2024» all-in", None, "year", "fiscal year"),
        ("In its «first quarter»", None, "quarter", "fiscal quarter"),
        ("up from «last year's» $3.94", None, "year", "fiscal year"),
        ("billion «last year»", None, "year", "fiscal year"),
    ],
    quotes=[
        (
            "net earnings per share growth in the range of 6 to 9 percent from last year's $5.90",
            "indirect",
            "Procter & Gamble",
            "continues to expect",
        ),
        (
            "fiscal 2024 all-in sales growth to be in the range of 2 to 4 percent versus the prior "
            "year",
            "indirect",
            "Procter & Gamble",
            "expects",
        ),
        (
            "organic sales growth in the range of 4 to 5 percent",
            "indirect",
            "Procter & Gamble",
            "continues to expect",
        ),
    ],
    claims=[
        (
            "On average, 24 analysts polled by Thomson Reuters expect earnings of $6.07 per share "
            "for the year.",
            "number",
        ),
        (
            "The company's bottom line totaled $4.52 billion, or $1.83 per share, up from last "
            "year's $3.94 billion, or $1.57 per share.",
            "number",
        ),
        (
            "The company's revenue for the quarter rose 6.1 percent to $21.87 billion from $20.61 "
            "billion last year.",
            "number",
        ),
    ],
    notes="Procter & Gamble's fiscal year runs from July to June, so 'fiscal 2024', 'first "
    "quarter' and 'last year' are not calendar periods: their iso is null.",
)

A["dev031"] = dict(
    published="2021-04-15",
    countries="BEN",
    people=[("Patrice Talon", "Talon"), "Alassane Soumanou", "Corentin Kohoué"],
    orgs=["Constitutional Court"],
    dates=[("11 April", "2021-04-11")],
    quotes=[
        (
            "Talon took 86.3% of the valid votes cast, while his two challengers, Alassane Soumanou "
            "and Corentin Kohoué, were attributed 11.4% and 2.3%, respectively",
            "indirect",
            "Constitutional Court",
            "according to",
        ),
    ],
    claims=[
        (
            "Patrice Talon was declared the overwhelming victor of a presidential election held on "
            "11 April, securing a second term as head of state.",
            "dated_event",
        ),
        (
            "According to provisional results released by the Constitutional Court, Talon took "
            "86.3% of the valid votes cast",
            "number",
        ),
        (
            "The rate of voter participation was officially recorded at 50.6% of the registered "
            "electorate.",
            "number",
        ),
    ],
    notes="One dated entry of Europa World's news digest; its heading is the country name.",
)

A["dev032"] = dict(
    published="2019-08-13",
    dateline=("Beijing", ["CHN"]),
    countries="CHN USA",
    people=[
        ("Donald Trump", "Trump"),
        ("Liu He", "Liu"),
        "Zhong Shan",
        "Steven Mnuchin",
        ("Robert Lighthizer", "Lighthizer"),
    ],
    orgs=[
        "UrduPoint",
        "Pakistan Point News",
        ("Xinhua", "Xinhua news agency"),
        ("Office of the United States Trade Representative", "USTR"),
        ("Agence France-Presse", "AFP"),
    ],
    dates=[
        ("13th Aug, 2019", "2019-08-13"),
        ("on Tuesday", "2019-08-13"),
        ("on September 1", "2019-09-01"),
        ("December 15", "2019-12-15"),
        ("in September", "2019-09"),
        ("on August 1", "2019-08-01"),
    ],
    quotes=[
        (
            "Chinese and American trade negotiators spoke on the phone on Tuesday",
            "indirect",
            "~media",
            "reported",
        ),
        (
            "China's chief negotiator Vice Premier Liu He and Commerce Minister Zhong Shan spoke "
            "with their US counterparts, Treasury Secretary Steven Mnuchin and Trade Representative "
            "Robert Lighthizer",
            "indirect",
            "Xinhua",
            "said",
        ),
        (
            'Beijing issued "a solemn protest" against the punitive duties set to come into effect '
            "on September 1",
            "mixed",
            "Xinhua",
            "adding",
        ),
        (
            "it would delay imposing the 10 percent tariffs on Chinese electronics until December "
            "15, but would proceed with the new duties on other goods",
            "indirect",
            ("United States", "US"),
            "announced",
        ),
        (
            "As Washington and Beijing work to resolve the escalating trade war, Lighthizer and Liu "
            "have scheduled another call in two weeks",
            "indirect",
            "Office of the United States Trade Representative",
            "told",
        ),
    ],
    claims=[
        (
            "The report emerged as the US announced it would delay imposing the 10 percent tariffs "
            "on Chinese electronics until December 15, but would proceed with the new duties on "
            "other goods.",
            "dated_event",
        ),
        (
            "The latest tariffs, which Trump announced on August 1, mean all Chinese imports into "
            "the United States would be subject to additional duties.",
            "dated_event",
        ),
    ],
)

A["dev033"] = dict(
    published="2019-05-14",
    countries="CHN USA",
    people=["Geng Shuang"],
    dates=[("on Monday", "2019-05-13"), ("last week", "2019-W19")],
    quotes=[
        (
            "We hope that the U.S. side does not misjudge the situation and not underestimate "
            "China’s determination and will to safeguard its interests.",
            "direct",
            "Geng Shuang",
            "told",
        ),
    ],
    claims=[
        (
            "This move came after both sides ramped up their trade war, with China announcing "
            "details of new tariffs against U.S. imports on Monday, following a U.S. move last week "
            "to target Chinese imports.",
            "dated_event",
        ),
    ],
    notes="The quotation has no quotation marks on the page; it is a direct quote.",
)

A["dev034"] = dict(
    published="2019-07-31",
    countries="USA CHN",
    people=[
        ("Donald Trump", "Trump"),
        "Xi Jinping",
        "Stephanie Grisham",
        ("Robert Lighthizer", "Lighthizer"),
        ("Steven Mnuchin", "Mnuchin"),
        "Liu He",
        "Hua Chunying",
    ],
    orgs=[
        "White House",
        ("Chinese Commerce Ministry", "Commerce Ministry", "China's Commerce Ministry"),
        ("Chinese Foreign Ministry", "Foreign Ministry"),
    ],
    dates=[
        ("last month's", "2019-06"),
        ("on Wednesday", "2019-07-31"),
        ("in June", "2019-06"),
        ("in early September", "2019-09"),
        ("on Wednesday", "2019-07-31"),
        ("on Tuesday", "2019-07-30"),
        ("the «2020» presidential", "2020"),
    ],
    quotes=[
        (
            "The meetings were constructive, and we expect negotiations on an enforceable trade deal "
            "to continue in Washington ... in early September,",
            "direct",
            "Stephanie Grisham",
            "said",
        ),
        (
            "Both sides, according to the consensus reached by the two leaders in Osaka, had a "
            "candid, highly effective, constructive and deep exchange on major trade and economic "
            "issues of mutual interest.",
            "direct",
            "Chinese Commerce Ministry",
            "issued a statement",
        ),
        (
            "the US was to blame for the lack of progress",
            "indirect",
            ["Hua Chunying", "Chinese Foreign Ministry"],
            "said",
        ),
        (
            "I believe the US should show more sincerity and good faith,",
            "direct",
            "Hua Chunying",
            "said",
        ),
        (
            "China steals American technology or forces US companies to hand it over",
            "indirect",
            ("United States", "US"),
            "complaints",
        ),
        (
            "China wanted him to lose the 2020 presidential election to strike an easier trade deal "
            "with a Democratic administration",
            "indirect",
            "Donald Trump",
            "said",
        ),
        ("They'll pray that Trump loses,", "direct", "Donald Trump", "said"),
        (
            "And then they'll make a deal with a stiff; somebody that doesn't know what they're "
            "doing.",
            "direct",
            "Donald Trump",
            None,
        ),
    ],
    claims=[
        (
            "The meeting between US Trade Representative Robert Lighthizer, Treasury Secretary "
            "Steven Mnuchin and Chinese Vice Premier Liu He ended 40 minutes ahead of schedule.",
            "number",
        ),
        (
            "The US has so far racked up $250 billion (€224 billion) worth of tariffs on Chinese "
            "goods.",
            "number",
        ),
        (
            "China has slapped retaliatory tariffs on $110 billion worth of American imports.",
            "number",
        ),
    ],
    notes="'Read more' links and a subheading of the page are left out; the stored copy ends "
    "after the second Trump quotation.",
)

A["dev035"] = dict(
    published="2022-06-26",
    countries="CAN UKR GBR RUS",
    people=[("Justin Trudeau", "Trudeau", "Prime Minister Trudeau")],
    orgs=[("G7", "Group of Seven")],
    dates=[
        ("26 June 2022", "2022-06-26"),
        ("in March", "2022-03"),
        ("this afternoon", "2022-06-26"),
    ],
    quotes=[
        ("this is a crucial moment for us all", "indirect", "~minister", "said"),
        (
            "Ukraine is on a knife-edge and we need to tip the balance of the war in their favour. "
            "That means providing Ukraine with the defensive capabilities, training and intelligence "
            "they need to repel the Russian advance.",
            "indirect",
            "~minister",
            None,
        ),
        (
            "the UK was ready to provide assistance to ensure it is a successful event with lasting "
            "impact",
            "indirect",
            "~minister",
            "said",
        ),
        (
            "the need to direct the G7’s substantial resources towards helping developing countries "
            "grow in a green and sustainable way",
            "indirect",
            ["Justin Trudeau", "Prime Minister"],
            "stressed",
        ),
    ],
    claims=[
        (
            "The leaders welcomed progress in negotiations since the launch of the UK-Canada Free "
            "Trade Agreement in March.",
            "dated_event",
        ),
        (
            "They discussed the upcoming COP15 Convention on Biological Diversity Summit, which "
            "Canada will now host.",
            "dated_event",
        ),
    ],
    notes="A UK government readout; 'the Prime Minister' (Boris Johnson) is never named, so his "
    "statements have an unnamed speaker. The stored page has no headline; the first line is "
    "the headline of the URL slug.",
)

A["dev036"] = dict(
    published="2021-06-13",
    countries="GBR FRA USA",
    people=[
        ("Boris Johnson", "Johnson", "The British Prime Minister"),
        ("Emmanuel Macron", "Macron"),
        "Dominic Raab",
        "Joe Biden",
    ],
    orgs=["G7"],
    dates=[
        ("earlier in the day", "2021-06-13"),
        ("on Saturday", "2021-06-12"),
        ("on Sunday", "2021-06-13"),
    ],
    quotes=[
        ('G7 leaders in "fantastic harmony,"', "mixed", "Boris Johnson", "says"),
        (
            "the “vast, vast majority” of the conversations have been about other subjects, and that "
            "there has been a “fantastic degree of harmony” on climate change and Covid-19 vaccines",
            "mixed",
            "Boris Johnson",
            "said",
        ),
        (
            "comments made by Macron on Northern Ireland as “offensive”",
            "mixed",
            "Dominic Raab",
            "described",
        ),
        (
            "Macron had suggested during the summit that Northern Ireland is not part of the United "
            "Kingdom",
            "indirect",
            "~media",
            "reported",
        ),
        (
            "Northern Ireland is not part of the United Kingdom",
            "indirect",
            "Emmanuel Macron",
            "suggested",
        ),
        (
            "the UK shares “common interests” with US President Joe Biden in areas such as climate "
            'change, female education and in "leveling up" in infrastructure and technology',
            "mixed",
            "Boris Johnson",
            "said",
        ),
        (
            "“We are totally on the same page,” on green initiatives and they share “many policy "
            "goals”",
            "mixed",
            "Boris Johnson",
            "said",
        ),
        (
            "It is the job of the UK prime minister to get on with the American President,",
            "direct",
            "Boris Johnson",
            "added",
        ),
        ("everyone should cheer the England team,", "direct", "Boris Johnson", "responded"),
        (
            "it was unlikely he would ever play for England",
            "indirect",
            "Boris Johnson",
            "responded",
        ),
    ],
    claims=[
        (
            "UK media reported on Saturday that Macron had suggested during the summit that Northern "
            "Ireland is not part of the United Kingdom.",
            "dated_event",
        ),
    ],
    notes="One post of CNN's live coverage of the 2021 G7 summit. England and Northern Ireland "
    "are not ISO 3166-1 countries (GBR is named as 'UK').",
)
