"""Words the synthetic corpus is made of: names, places, phrasings.

A few entries carry non-ASCII letters and typographic punctuation on purpose,
so that quote spans are checked in characters, not bytes.
"""

from __future__ import annotations

FIRST_NAMES = (
    "Amira", "Hassan", "Layla", "Omar", "Nadia", "Karim", "Sara", "Yusuf", "Maryam", "Ali",
    "Rana", "Tariq", "Huda", "Samir", "Dina", "Faisal", "Zainab", "Khalid", "Noor", "Bilal",
    "John", "Emily", "Michael", "Rachel", "David", "Laura", "James", "Hannah", "Robert", "Claire",
    "Thomas", "Megan", "Daniel", "Sophie", "Peter", "Anna", "Mark", "Julia", "Paul", "Kate",
    "Zoë", "Renée", "José", "Søren", "Jürgen", "Ingrid", "Mehmet", "Ayşe", "Dariusz", "Élodie",
    "Reza", "Parisa", "Dariush", "Shirin", "Kamal", "Leila", "Nasser", "Farah", "Majid", "Yasmin",
)  # fmt: skip

LAST_NAMES = (
    "Haddad", "Al-Amiri", "Khalil", "Mansour", "Saleh", "Hamdan", "Najjar", "Qasim", "Rahimi",
    "Karimi", "Tehrani", "Jaber", "Aziz", "Darwish", "Farouk", "Habib", "Ibrahim", "Kazemi",
    "Mahmoud", "Nasr", "Obeidi", "Rashid", "Sabri", "Talabani", "Yassin", "Zubaidi", "Hakim",
    "Carter", "Mitchell", "Brennan", "Hughes", "Sullivan", "Morgan", "Fletcher", "Reynolds",
    "Walsh", "Harper", "Dawson", "Ellison", "Grant", "Holloway", "Kendrick", "Lawson", "Prescott",
    "Whitaker", "Bishop", "Crane", "Doyle", "Foster", "Garland", "Nuñez", "Öztürk", "Müller",
    "Søndergaard", "Łukasik", "Ḥusaynī", "Sūdānī", "Brontë", "Lefèvre", "Dvořák", "Çelik",
    "Al-Jubouri", "Al-Dulaimi", "Al-Maliki", "Al-Khafaji", "Al-Saadi", "Al-Hashimi", "Barzani",
    "Abadi", "Shammari", "Tamimi", "Fayyad", "Hilali", "Juburi", "Kubaisi", "Mashhadani",
)  # fmt: skip

CITIES = (
    "Baghdad", "Basra", "Erbil", "Mosul", "Kirkuk", "Najaf", "Karbala", "Sulaymaniyah", "Ramadi",
    "Fallujah", "Tikrit", "Samarra", "Duhok", "Nasiriyah", "Amarah", "Hillah", "Kut", "Baqubah",
    "Deir ez-Zor", "Hasakah", "Qamishli", "Damascus", "Beirut", "Amman", "Tehran", "Doha",
)  # fmt: skip

TARGETS = (
    "Al-Asad air base", "Camp Taji", "the Baghdad embassy compound", "Erbil airport",
    "Harir base", "the Green Zone", "Tower 22", "Al-Tanf garrison", "Union III base",
    "Camp Victory", "Balad air base", "the Conoco gas field", "Mission Support Site Euphrates",
    "Shaddadi base", "Rumeilan landing zone", "the Baghdad airport logistics hub",
    "a Coalition convoy near Diwaniyah", "a supply convoy on the Basra highway",
    "the Q-West airfield", "K-1 base near Kirkuk",
)  # fmt: skip

COUNTRIES = ("Iraq", "Syria", "Iran", "Jordan", "Lebanon", "the Gulf", "the region")

ATTACKS = (
    "the rocket attack on", "the drone strike on", "the roadside bomb attack on",
    "the mortar barrage against", "the missile strike on", "the ambush of a patrol near",
    "the one-way drone attack on", "the Katyusha volley at",
)  # fmt: skip

EVENT_VERBS = (
    ("carried out", "did not carry out"),
    ("was behind", "was not behind"),
    ("ordered", "did not order"),
    ("supplied the weapons used in", "did not supply the weapons used in"),
    ("claimed responsibility for", "denied responsibility for"),
    ("had advance warning of", "had no advance warning of"),
)  # fmt: skip

POLICY_VERBS = (
    ("supports", "opposes"),
    ("called for", "rejected calls for"),
    ("agreed to", "refused"),
    ("is committed to", "has abandoned"),
)  # fmt: skip

POLICIES = (
    "a full withdrawal of US forces from {country}",
    "negotiations over the status of foreign troops in {country}",
    "new sanctions on militia leaders in {country}",
    "an expansion of the advisory mission in {country}",
    "a ceasefire between the armed factions in {country}",
    "the integration of the militias into the state security forces of {country}",
    "early elections in {country}",
    "direct talks with Tehran about {country}",
    "a reduction of the Coalition presence in {country}",
    "retaliatory strikes against militia positions in {country}",
)  # fmt: skip

# (how the claim says it, the quantity's unit); {n} is the qualified number, {t} a target.
QUANTITIES = (
    ("fired {n} rockets at {t}", "rockets fired"),
    ("launched {n} drones against {t}", "drones launched"),
    ("killed {n} soldiers at {t}", "soldiers killed"),
    ("wounded {n} civilians near {t}", "civilians wounded"),
    ("struck {n} targets around {t}", "targets struck"),
    ("carried out {n} attacks on {t}", "attacks"),
    ("kept {n} troops stationed at {t}", "troops stationed"),
)  # fmt: skip

QUALIFIERS = (
    ("EXACTLY", ""),
    ("AT_LEAST", "at least "),
    ("MORE_THAN", "more than "),
    ("ABOUT", "about "),
    ("AT_MOST", "at most "),
    ("FEWER_THAN", "fewer than "),
)  # fmt: skip

# Lead-ins that change a statement's stance or hedge: (stance, hedge) -> phrasings.
STATEMENTS: dict[tuple[str, str], tuple[str, ...]] = {
    ("SUPPORTS", "CERTAIN"): ("{b}",),
    ("SUPPORTS", "LIKELY"): (
        "It appears that {b}", "Evidence suggests that {b}", "Presumably, {b}",
        "It is likely that {b}",
    ),
    ("SUPPORTS", "POSSIBLE"): ("It is possible that {b}", "Perhaps {b}", "It may be that {b}"),
    ("REFUTES", "CERTAIN"): (
        "It is not true that {b}", "There is no truth to the claim that {b}",
        "It is false that {b}",
    ),
    ("REFUTES", "LIKELY"): ("It appears unlikely that {b}", "It is doubtful that {b}"),
    ("REFUTES", "POSSIBLE"): ("It may not be true that {b}",),
    ("UNDECIDED", "CERTAIN"): ("It remains unclear whether {b}", "Nobody can yet say whether {b}"),
    ("UNDECIDED", "LIKELY"): ("It is still an open question whether {b}",),
    ("UNDECIDED", "POSSIBLE"): ("It is hard to tell whether {b}",),
}  # fmt: skip

SAID = ("said", "told reporters", "wrote", "declared", "insisted")
PARAPHRASES = ("{s} said that {b}.", "According to {s}, {b}.", "{s} argued that {b}.")
REPORTED = ("According to {s}, {b}.", "{S} say that {b}.", "{S} claimed that {b}.")

FILLERS = (
    "The statement came amid rising tension in {c}.",
    "Officials in {c} declined to comment on the matter.",
    "The incident was the latest in a series of attacks since the spring.",
    "Local media in {c} carried conflicting accounts of what happened.",
    "No group has so far published evidence for its version of events.",
    "The situation in {c} remains fluid — and difficult to verify.",
    "Analysts have long warned about the fragility of the security arrangements in {c}.",
    "The government’s response has been cautious.",  # noqa: RUF001  (typographic on purpose)
    "Diplomats in {c} met again later in the week.",
    "The timing was hardly a coincidence.",
)  # fmt: skip

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

ROLES = (
    "spokesperson", "commander", "senior fellow", "director", "minister", "deputy minister",
    "member of parliament", "correspondent", "analyst", "adviser", "ambassador",
    "chief of staff", "secretary-general", "editor", "researcher", "envoy",
)  # fmt: skip

GENRES = {
    "ARTICLE": ("news article", "analysis article", "opinion article", "feature"),
    "BRIEF": ("intelligence brief", "policy brief", "analysis brief"),
    "REPORT": ("research report", "annual report", "field report"),
    "STATEMENT": ("press release", "official statement", "communiqué"),
    "POST": ("social media post", "blog post"),
}  # fmt: skip

TITLE_ENDINGS = ("- analysis", "— what we know", "", "", ": a closer look", "- opinion")

TOPIC_THEMES = (
    "attacks on US and Coalition forces", "the US troop presence", "militia integration",
    "sanctions and economic leverage", "deterrence and retaliation", "Iraqi sovereignty",
    "Islamic State resurgence", "proxy warfare", "elections and coalition politics",
    "border security", "drone warfare", "diplomatic talks",
)  # fmt: skip

ORGANIZATION_PATTERNS = {
    "PUBLISHER": ("The {c} {w}", "{c} {w}"),
    "THINK_TANK": ("{c} Institute for {f}", "Center for {f} in {c}"),
    "GOVERNMENT": ("Ministry of {m} ({c})", "{c} Provincial Council on {m}"),
    "MILITARY": ("{c} Operations Command", "{c} {u} Brigade"),
    "ARMED_GROUP": ("Kata'ib {a} of {c}", "Saraya {a} ({c})", "Liwa {a} in {c}"),
    "POLITICAL": ("{a} Alliance of {c}", "{c} {a} Movement"),
    "OTHER": ("{c} Chamber of {m}", "{c} Human Rights Observatory on {f}"),
}  # fmt: skip

PUBLISHER_WORDS = ("Ledger", "Tribune", "Observer", "Gazette", "Monitor", "Herald", "Dispatch")
FIELDS = ("Strategic Studies", "Security Policy", "Regional Affairs", "Conflict Research")
MINISTRIES = ("Defense", "Interior", "Foreign Affairs", "Finance", "Oil")
UNITS = ("Rapid Response", "Border Guard", "Counter-Terrorism", "Air Defense")
ARMED_WORDS = ("al-Haqq", "al-Nasr", "Ashura", "al-Imam", "Sayyid al-Shuhada", "al-Khorasani")

ANONYMOUS_PHRASES = (
    "reports", "US officials", "Iraqi security sources", "militia sources", "diplomats",
    "local residents", "officials in {c}", "sources close to the government",
    "Coalition officials", "intelligence officials", "witnesses in {c}", "Western diplomats",
)  # fmt: skip
