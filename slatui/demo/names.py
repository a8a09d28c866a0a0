"""Invented names for the demo pilot: companies, people, places, titles.

Everything here is made up on purpose. Company names are coined from
syllables that spell no known brand, domains use the reserved `.example`
top-level domain (RFC 2606), and people are random pairs of common first
and last names, so the demo can be shown, shipped and screenshotted without
naming a real customer, prospect or person.
"""

from __future__ import annotations


def _words(text: str) -> tuple[str, ...]:
    """A list of single words written as text, to keep long lists readable."""
    return tuple(text.split())


STEM_HEADS: tuple[str, ...] = _words(
    """
    Al Bel Bran Cal Cor Dal Del Dor El Fal Fen Gal Hal Ivor Jas Kel Kor Lum Mar Mel Nor
    Oak Or Pel Quar Ros Sal Sol Tam Tor Ul Val Ven Wes Yar Zan Ash Bry Cin Dun Ev Gryn
    Hol Jun Lin Mor Pry Thal
    """
)
"""First syllables of coined company names."""

STEM_TAILS: tuple[str, ...] = _words(
    """
    ara dex ent era ford gate ion is ith mont more ova quist ric stead ton vale via wick
    wyn bury crest dale field holm lyn
    """
)
"""Second syllables of coined company names."""

INDUSTRY_NOUNS: dict[str, tuple[str, ...]] = {
    "Manufacturing": ("Industries", "Fabrication", "Components", "Machining", "Metals"),
    "Logistics": ("Freight", "Logistics", "Shipping", "Carriers", "Distribution"),
    "Healthcare": ("Health", "Medical", "Clinics", "Diagnostics", "Care"),
    "Financial Services": ("Capital", "Financial", "Bancorp", "Insurance", "Lending"),
    "Software": ("Software", "Analytics", "Cloud", "Data", "Systems"),
    "Retail": ("Retail", "Outfitters", "Markets", "Goods", "Stores"),
    "Energy": ("Energy", "Power", "Utilities", "Renewables", "Grid"),
}
"""Industries of the target account list and the words their company names end in."""

SEGMENTS: tuple[str, ...] = ("Manufacturing", "Logistics", "Healthcare", "Financial Services")
"""The Tier 2 micro-segments (DESIGN §9: one-to-few ABM groups accounts by industry)."""

FIRST_NAMES: tuple[str, ...] = _words(
    """
    Aaron Abigail Adriana Ahmed Alana Alejandro Amara Andrea Anika Arjun Beatriz Bianca
    Brandon Bruno Camila Carmen Caroline Chidi Claire Colin Dalia Daniel Dmitri Eduardo
    Elena Elif Emeka Farah Felipe Fiona Gabriel Gemma Hana Harold Hiroshi Ibrahim Imani
    Isabel Jamal Janelle Javier Joanna Jonah Kaito Karina Keisha Kenji Laila Leon Lucia
    Malik Mariana Mateo Maya Miguel Mira Nadia Naveen Nina Oscar Paloma Pavel Priya
    Quentin Rafael Ravi Rosa Samir Sara Sergio Simone Sofia Tariq Tessa Tobias Uma
    Valeria Wes Yara Yusuf Zara
    """
)
"""Given names; a contact is a random pair, so no real person is meant."""

LAST_NAMES: tuple[str, ...] = _words(
    """
    Abbott Acosta Adeyemi Alvarez Andersen Barros Bauer Bishop Brennan Castillo Chandra
    Cho Coleman Costa Dawson Delgado Dubois Duarte Ellison Engel Espinoza Farrell
    Fischer Fleming Garrido Greer Gupta Haddad Hale Hartmann Ibarra Ishikawa Jensen
    Joshi Kaplan Keller Kovacs Lachance Lindqvist Lopes Maddox Marino Mendez Morrow
    Nakamura Navarro Nwosu Okafor Olsen Ortega Park Pereira Quinn Ramos Reyes Rinaldi
    Rowe Salazar Sandoval Schmidt Serrano Sharma Sousa Strand Tanaka Thorne Torres Vance
    Varga Vidal Wagner Whitaker Yilmaz Zimmer
    """
)
"""Family names; see FIRST_NAMES."""

COUNTRIES_ELSEWHERE: tuple[str, ...] = ("GB", "DE", "MX", "BR", "AU", "FR", "NL", "ES")
"""Countries outside the SAL definition's territory (sample.toml: US and CA)."""

SPANISH_SPEAKING: frozenset[str] = frozenset({"MX", "ES"})
"""Countries whose contacts often carry Spanish titles (Gerente General, ...)."""

SALES_REPS: tuple[str, ...] = (
    "Sam Okafor",
    "Rachel Kimura",
    "Diego Morales",
    "Hannah Pryce",
    "Victor Lange",
    "Aisha Rahman",
    "Tom Becker",
    "Julia Santos",
    "Kevin Oduya",
    "Mei Lindholm",
)
"""Account owners (AEs and SDRs); the first five own the strategic accounts."""

SALES_MANAGER = "Grace Holloway"
"""The Sales Manager, who picks up an account that has no owner."""

SDRS: tuple[str, ...] = ("Liam Chen", "Zoe Adler")
"""Sales development reps: they run the outbound sequences on segment accounts."""

MARKETERS: tuple[str, ...] = ("Noor Haddad", "Lena Fischer", "Marcus Bell", "Ines Carvalho")
"""The marketing team: hand-offs, reports, answers to sales' requests."""

SALES_OPS = "Priya Natarajan"
"""Sales operations: the monthly conversion and velocity report."""

DECISION_MAKER_TITLES: tuple[str, ...] = (
    "VP Marketing",
    "VP, Marketing",
    "Vice President of Marketing",
    "CMO",
    "Chief Marketing Officer",
    "SVP Sales",
    "VP Sales",
    "Chief Revenue Officer",
    "VP Operations",
    "COO",
    "CFO",
    "VP Finance",
    "CIO",
    "VP IT",
    "EVP Operations",
    "Chief Information Officer",
)
"""VP or above in a function the SAL definition targets (marketing, sales, ops, finance, IT)."""

SPANISH_DECISION_MAKER_TITLES: tuple[str, ...] = (
    "Gerente General",
    "Director General",
    "Directora de Marketing",
)
"""Titles of Latin American and Spanish leaders; the agreement's [sal.titles] places two."""

HEAD_OF_TITLES: tuple[str, ...] = ("Head of Growth", "Head of Content", "Head of Partnerships")
"""Titles that `vp = ["Head of *"]` in sample.toml makes VP: the loophole sales complains of."""

OTHER_TITLES: tuple[str, ...] = (
    "Director of IT",
    "Director of Demand Generation",
    "Director of Finance",
    "Director, Procurement",
    "Marketing Manager",
    "Senior Marketing Manager",
    "IT Manager",
    "Demand Generation Manager",
    "Revenue Operations Manager",
    "Customer Success Manager",
    "Procurement Specialist",
    "Marketing Coordinator",
    "Sales Operations Analyst",
    "Data Analyst",
    "Content Strategist",
    "Account Executive",
    "VP Engineering",
    "Gerente de TI",
    "Jefe de Compras",
)
"""Everyone else on a buying committee: classified, but below VP or outside the functions."""

ODD_TITLES: tuple[str, ...] = (
    "Growth Hacker",
    "Brand Ambassador",
    "Chief Happiness Officer",
    "Partner",
)
"""Titles the classifier leaves unclassified (or, Chief Happiness Officer, places at
c-level with no function): the import lists them for the parties to settle."""

LOSS_REASONS: tuple[str, ...] = ("lost to competitor", "no decision", "budget frozen")
"""Why an opportunity closed lost."""

ENGAGEMENT_STATES: tuple[str, ...] = ("engaged", "in progress", "stalled")
"""Account status words of sample.toml (closed won / closed lost come from the deals)."""

CONTENT_ASSETS: dict[str, tuple[str, ...]] = {
    "Manufacturing": ("Predictive maintenance playbook", "Plant-floor data checklist"),
    "Logistics": ("Freight visibility benchmark", "Carrier scorecard template"),
    "Healthcare": ("Patient-data compliance guide", "Clinic operations report"),
    "Financial Services": ("Risk reporting toolkit", "Branch analytics e-book"),
}
"""Industry-specific content assets marketing publishes for the micro-segments."""

INTENT_TOPICS: tuple[str, ...] = (
    "data integration",
    "revenue analytics",
    "ABM platforms",
    "workflow automation",
    "customer data platform",
    "sales engagement",
)
"""Topics a third-party intent feed reports a watch-list account researching."""

CHANNELS: dict[str, str] = {
    "email_click": "email",
    "email_open": "email",
    "nurture_email": "email",
    "sales_email": "email",
    "ad_click": "linkedin",
    "ad_impression": "linkedin",
    "spend": "linkedin",
    "webinar_attended": "zoom",
    "event_invite": "email",
    "meeting": "zoom",
    "call": "phone",
    "content_download": "web",
    "form_submit": "web",
    "demo_request": "web",
    "prospect_inquiry": "web",
}
"""Where each kind of event happens, as the `channel` column says it."""
