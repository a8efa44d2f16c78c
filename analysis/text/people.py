"""People and organisations: canonical names, titles, aliases and mentions.

* A person's canonical name is the longest name written for them ("Yoshimasa
  Hayashi"); a surname or first name alone ("Hayashi") joins the person it
  belongs to; titles in front of a name ("Foreign Minister", "press secretary")
  are stripped and kept as the person's ``title``.
* "the minister", "the spokesman"… join the most recent person whose title ends
  with that word; "he"/"him"/"she"/"her" outside quotation marks join the most
  recent person named in the same or the two previous sentences, when exactly one
  person is named there.
* Organisations get the canonical name from the EntityRuler (``ent_id_``); "the
  alliance" and "the bloc" join the most recent alliance or bloc named before
  them (NATO in most of this project's articles); a short news outlet name joins a
  longer one it begins ("the Nikkei" → "Nikkei Asia").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from analysis.text.countries import form_index, regions
from analysis.text.lexicon import cue_verbs, role_nouns
from analysis.text.pipeline import organizations, sentences, token_view

#: Words that make up titles in front of names (lower case).
TITLE_WORDS: frozenset[str] = frozenset(
    [
        "president",
        "vice",
        "prime",
        "minister",
        "foreign",
        "defence",
        "defense",
        "deputy",
        "secretary",
        "general",
        "secretary-general",
        "chancellor",
        "premier",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "press",
        "presidential",
        "chief",
        "executive",
        "director",
        "ambassador",
        "envoy",
        "senator",
        "representative",
        "governor",
        "mayor",
        "king",
        "queen",
        "emperor",
        "crown",
        "prince",
        "princess",
        "chairman",
        "chairwoman",
        "chair",
        "head",
        "leader",
        "commander",
        "admiral",
        "gen.",
        "gen",
        "lt.",
        "col.",
        "maj.",
        "capt.",
        "sgt.",
        "adm.",
        "lieutenant",
        "colonel",
        "major",
        "captain",
        "general",
        "marshal",
        "mr.",
        "mr",
        "mrs.",
        "mrs",
        "ms.",
        "ms",
        "dr.",
        "dr",
        "prof.",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "state",
        "senior",
        "former",
        "acting",
        "interim",
        "ex",
        "economy",
        "finance",
        "trade",
        "interior",
        "justice",
        "affairs",
        "cabinet",
        "chief-of-staff",
        "staff",
        "top",
        "national",
        "security",
        "adviser",
        "advisor",
        "official",
        "officials",
        "diplomat",
        "first",
        "lady",
        "pope",
        "patriarch",
        "metropolitan",
        "bishop",
    ]
)
#: Role nouns that stand for an organisation's unnamed representative.
ROLE_NOUNS: frozenset[str] = frozenset(
    [
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "official",
        "officials",
        "source",
        "sources",
        "representative",
        "representatives",
        "diplomat",
        "diplomats",
        "envoy",
        "ministry",
        "office",
        "statement",
        "spokespeople",
    ]
)
GENERIC_ROLES: frozenset[str] = frozenset(
    {"source", "official", "spokesman", "spokeswoman", "spokesperson", "representative"}
)
PRONOUNS: frozenset[str] = frozenset({"he", "him", "his", "she", "her", "hers"})

_MALE_WORDS = frozenset(
    {"mr", "mr.", "king", "prince", "sir", "lord", "spokesman", "chairman", "he", "him", "his",
     "emperor", "pope", "patriarch", "father", "brother", "son", "husband", "businessman"}
)  # fmt: skip
_FEMALE_WORDS = frozenset(
    {"mrs", "mrs.", "ms", "ms.", "queen", "princess", "dame", "lady", "spokeswoman",
     "chairwoman", "she", "her", "hers", "mother", "sister", "daughter", "wife",
     "businesswoman"}
)  # fmt: skip


def pronoun_gender(word: str) -> str | None:
    """Grammatical gender a word implies: ``"m"``, ``"f"`` or ``None``.

    Examples
    --------
    >>> pronoun_gender("She"), pronoun_gender("spokesman"), pronoun_gender("minister")
    ('f', 'm', None)
    """
    low = word.lower()
    if low in _MALE_WORDS:
        return "m"
    if low in _FEMALE_WORDS:
        return "f"
    return None


_ALL_PRONOUNS = frozenset(
    {"he", "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their", "we", "us",
     "our", "i", "me", "my", "you", "your", "who", "which"}
)  # fmt: skip

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


@dataclass
class Entity:
    """A person or organisation with its mentions."""

    name: str
    kind: str  # "person" or "org"
    title: str = ""
    affiliation: str = ""
    org_type: str = ""
    mentions: list[tuple[int, int, str]] = field(default_factory=list)
    id: str = ""
    gender: str | None = None

    @property
    def aliases(self) -> list[str]:
        """Distinct surface forms other than the canonical name (never a pronoun)."""
        seen: dict[str, None] = {}
        for _, _, text in self.mentions:
            if text != self.name and text.lower() not in _ALL_PRONOUNS:
                seen.setdefault(text, None)
        return list(seen)

    def __hash__(self) -> int:
        return id(self)

    def __eq__(self, other: object) -> bool:
        return self is other


@dataclass
class Registry:
    """People and organisations of one document, with a lookup by character offset."""

    people: list[Entity]
    organizations: list[Entity]
    _spans: list[tuple[int, int, Entity]] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)

    def index(self) -> None:
        """Rebuild the offset index after mentions were added."""
        spans = [
            (s, e, ent) for ent in self.people + self.organizations for s, e, _ in ent.mentions
        ]
        spans.sort(key=lambda x: x[0])
        self._spans = spans
        self._starts = [s for s, _, _ in spans]

    def at(self, start: int, end: int) -> Entity | None:
        """Return the entity with a mention overlapping ``[start, end)``, if any."""
        i = bisect_right(self._starts, end - 1) - 1
        while i >= 0:
            s, e, ent = self._spans[i]
            if s < end and start < e:
                return ent
            if start - s > 300:
                break
            i -= 1
        return None

    def last_before(
        self, pos: int, kind: str = "person", *, gender: str | None = None, head: str = ""
    ) -> Entity | None:
        """Return the most recent entity of ``kind`` mentioned before ``pos``.

        ``gender`` skips people known to be of the other gender; ``head`` keeps only
        organisations whose name contains that word ("ministry").
        """
        i = bisect_right(self._starts, pos) - 1
        while i >= 0:
            s, e, ent = self._spans[i]
            if ent.kind == kind and e <= pos:
                if gender is not None and ent.gender is not None and ent.gender != gender:
                    i -= 1
                    continue
                if head and head not in ent.name.lower():
                    i -= 1
                    continue
                return ent
            i -= 1
        return None


def clean_name(span: Span) -> tuple[str, str]:
    """Split a PERSON span into (name, title): leading title words and possessives removed.

    Examples
    --------
    >>> from analysis.text.pipeline import load_pipeline
    >>> doc = load_pipeline()("Prime Minister Fumio Kishida's plan.")
    >>> clean_name(doc[0:5])
    ('Fumio Kishida', 'Prime Minister')
    >>> doc = load_pipeline()("Miguel Díaz-Canel spoke.")
    >>> clean_name(doc[0:4])[0]
    'Miguel Díaz-Canel'

    """
    toks = [t for t in span if not t.is_punct or t.text in {"-", "."}]
    title: list[str] = []
    while len(toks) > 1 and toks[0].lower_ in TITLE_WORDS:
        title.append(toks[0].text)
        toks = toks[1:]
    while toks and toks[-1].text in {"'s", "’s", "'", "’"}:
        toks = toks[:-1]
    # keep the text's own spacing, so a hyphenated name stays whole ("Díaz-Canel",
    # which the tokenizer splits into three tokens)
    name = "".join(t.text_with_ws for t in toks).strip()
    name = re.sub(r"\s*-\s*(?=\w)", "-", name) if re.search(r"\w-\w", span.text) else name
    name = re.sub(r"\s+", " ", name)
    name = _POSSESSIVE.sub("", name).strip(" ,.-")
    return name, " ".join(title)


#: Single words the statistical model sometimes tags as organisations on their own.
GENERIC_ORG_WORDS: frozenset[str] = frozenset(
    {"state", "ministry", "government", "parliament", "embassy", "office", "council"}
)


def _not_an_organisation(text: str) -> bool:
    """True for NER "organisations" that are regions or lone generic words.

    Examples
    --------
    >>> _not_an_organisation("Indo-Pacific"), _not_an_organisation("State")
    (True, True)
    >>> _not_an_organisation("Atlantic Council")
    False
    """
    low = text.lower()
    if low in GENERIC_ORG_WORDS or low in TITLE_WORDS:
        return True
    return low in _region_names()


@lru_cache(maxsize=1)
def _region_names() -> frozenset[str]:
    """Lower-case region names, built once (checked for every NER organisation)."""
    return frozenset(r.lower() for r in regions())


def _left_title(doc: Doc, span: Span) -> tuple[str, str]:
    """Title words and affiliation (ISO3) written just before a name."""
    words: list[Token] = []
    i = span.start - 1
    while i >= 0:
        tok = doc[i]
        if (
            tok.lower_ == "of"
            and words
            and i > 0
            and doc[i - 1].lower_ in TITLE_WORDS
            and (words[0].lower_ in TITLE_WORDS or words[0].text[:1].isupper())
        ):
            words.insert(0, tok)  # "Secretary of State", "Minister of Defence"
            i -= 1
            continue
        if tok.is_punct or tok.is_space or tok.pos_ in {"DET", "VERB", "ADP", "AUX", "PRON"}:
            break
        if tok.dep_ not in {"compound", "amod", "nmod", "nn"} and tok.lower_ not in TITLE_WORDS:
            break
        words.insert(0, tok)
        i -= 1
    affiliation = ""
    title_words: list[str] = []
    forms = form_index()
    for tok in words:
        hit = forms.get(tok.lower_)
        if hit is not None and tok.text[:1].isupper():
            affiliation = affiliation or hit[0]
            continue
        title_words.append(tok.text)
    # an appositive title after the name: "Dmitry Peskov, the Kremlin spokesman,"
    if not title_words:
        for tok in span.root.children:
            if tok.dep_ == "appos" and tok.i >= span.end:
                title_words = [t.text for t in tok.subtree if t.dep_ not in {"det", "punct"}]
                title_words = [w for w in title_words if w.lower() in TITLE_WORDS or w == tok.text]
                break
    return " ".join(title_words), affiliation


#: Last words that make a capitalised name a place ("Sabina Shoal", "Red Sea").
PLACE_HEADS: frozenset[str] = frozenset(
    {"shoal", "reef", "sea", "ocean", "river", "lake", "bay", "gulf", "strait", "island",
     "islands", "peninsula", "mountain", "mountains", "mount", "valley", "province",
     "district", "county", "region", "street", "avenue", "square", "airport", "park",
     "bridge", "canal", "desert", "forest", "coast", "harbour", "harbor", "port"}
)  # fmt: skip

#: Capitalised titles after which a capitalised name is a person ("President Biden").
PERSON_TITLES: frozenset[str] = frozenset(
    {"President", "Minister", "Secretary", "Governor", "Mayor", "Senator", "Chancellor",
     "Premier", "Ambassador", "Gen.", "General", "King", "Queen", "Prince", "Princess",
     "Mr.", "Mrs.", "Ms.", "Dr.", "Rep.", "Sen.", "Gov.", "Pope", "Spokesman",
     "Spokeswoman", "Spokesperson", "Envoy", "Judge"}
)  # fmt: skip


_TITLED_LABELS: frozenset[str | None] = frozenset({None, "PERSON", "ORG"})


def _person_spans(doc: Doc) -> list[Span]:
    """PERSON entities, plus names right after a title that the NER missed or mislabelled.

    "President X" makes a person even when the statistical model tagged "X" as an
    organisation or not at all; a name the NER found is never dropped for it.
    """
    ent_label = {t.i: ent.label_ for ent in doc.ents for t in ent}
    forms = form_index()

    def name_word(j: int, labels: frozenset[str | None] = frozenset({None, "PERSON"})) -> bool:
        t = doc[j]
        return (
            t.pos_ == "PROPN" and t.text[:1].isupper() and t.text not in PERSON_TITLES
            and t.lower_ not in forms and ent_label.get(j) in labels
        )  # fmt: skip

    spans = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        # the NER sometimes stops inside a name ("Jean-Michel | Sama Lukonde"): a name
        # is never split, so the capitalised proper nouns right after it belong to it
        end = ent.end
        while end < len(doc) and end - ent.end < 3 and name_word(end):
            end += 1
        spans.append(doc[ent.start : end] if end > ent.end else ent)
    covered = {t.i for span in spans for t in span}
    for tok in (doc[i] for i, w in enumerate(token_view(doc).text) if w in PERSON_TITLES):
        if tok.i + 1 >= len(doc):
            continue
        j = tok.i + 1
        # after a title even a name the NER took for an organisation is a person
        while j < len(doc) and j - tok.i <= 3 and name_word(j, _TITLED_LABELS):
            j += 1
        if j == tok.i + 1 or any(k in covered for k in range(tok.i + 1, j)):
            continue
        if doc[tok.i + 1 : j].text.lower() in forms:
            continue
        spans.append(doc[tok.i + 1 : j])
        covered.update(range(tok.i + 1, j))
    # "Minister for International Development and the Pacific Pat Conroy … Conroy
    # said": a lone name that speaks, first written after a first name, is a person
    # even where the model took the pair for (part of) an organisation or missed it.
    # Candidates come from the token arrays (proper-noun subjects), not a token loop.
    view = token_view(doc)
    cues = cue_verbs()
    subjects = [i for i, (p, d) in enumerate(zip(view.pos, view.dep, strict=True))
                if p == "PROPN" and d == "nsubj"]  # fmt: skip
    for i in subjects:
        tok = doc[i]
        if (
            i in covered
            or not tok.text[:1].isupper()
            or cues.get(tok.head.lemma_.lower()) != "speech"
            or tok.left_edge.i != i
            or ent_label.get(i) not in {None, "ORG"}
            or tok.ent_id_
        ):
            continue
        k = next((j for j in range(i) if view.text[j] == view.text[i]), i)  # first use
        if k < 1 or k >= i or k in covered:
            continue
        given = doc[k - 1]
        if not (name_word(k - 1, _TITLED_LABELS) and name_word(k, _TITLED_LABELS)):
            continue
        if given.lower_ in TITLE_WORDS or given.ent_id_ or doc[k].ent_id_:
            continue
        spans.append(doc[k - 1 : k + 1])
        spans.append(doc[tok.i : tok.i + 1])
        covered.update({k - 1, k, tok.i})
    spans.sort(key=lambda s: s.start)
    return spans


#: Common nouns that, written just before a name, make it an organisation's
#: ("state-owned enterprise Energoatom", "the tech company Nvidia").
ORG_NOUNS: frozenset[str] = frozenset(
    {"company", "firm", "enterprise", "operator", "agency", "giant", "carrier", "maker",
     "manufacturer", "producer", "utility", "broadcaster", "newspaper", "bank", "airline",
     "insurer", "retailer", "regulator", "conglomerate", "startup", "group", "party"}
)  # fmt: skip
_CONNECTORS = frozenset({"and", "of", "for", "&"})


#: Lower-case heads of a government body named after its country ("Japan's defense
#: ministry", "the Chinese foreign ministry").
MINISTRY_HEADS: frozenset[str] = frozenset({"ministry", "department"})


def _country_ministry(ent: Span) -> Span | None:
    """``Islamabad's foreign ministry``: a country, capital or demonym and a ministry.

    At most two lower-case words between the place (with its possessive) and
    "ministry"/"department"; the span runs from the place to the head.

    Examples
    --------
    >>> from analysis.text.pipeline import load_pipeline
    >>> doc = load_pipeline()("An announcement from Islamabad's foreign ministry stated it.")
    >>> _country_ministry(doc.ents[0]).text
    "Islamabad's foreign ministry"
    """
    doc = ent.doc
    i = ent.end
    if i < len(doc) and doc[i].text in {"'s", "’s"}:
        i += 1
    for j in range(i, min(i + 3, len(doc))):
        tok = doc[j]
        if tok.lower_ in MINISTRY_HEADS and tok.text.islower():
            return doc[ent.start : j + 1] if j > i or i > ent.end else None
        if not tok.text.isalpha() or not tok.text.islower():
            return None
    return None


def _organisation_spans(doc: Doc) -> tuple[list[Span], set[int]]:
    """The model's ORG entities, mended, and the tokens the mending took.

    * an organisation cut short after a connector ("the Department of Wildlife and |
      National Parks") runs on over the capitalised proper nouns after it;
    * a name right after a common noun that names a kind of organisation, and that
      the noun modifies ("state-owned enterprise Energoatom"), is an organisation
      even when the model tagged it as a person;
    * a country's ministry in lower case ("Islamabad's foreign ministry") is one.

    Examples
    --------
    >>> from analysis.text.pipeline import load_pipeline
    >>> doc = load_pipeline()("Moemedi Batshabang, director of the Department of Wildlife "
    ...                       "and National Parks, told VOA.")
    >>> [s.text for s in _organisation_spans(doc)[0]]
    ['the Department of Wildlife and National Parks', 'VOA']
    """
    spans: list[Span] = []
    taken: set[int] = set()
    ents = list(doc.ents)
    for k, ent in enumerate(ents):
        if ent.start in taken:
            continue  # swallowed by the organisation before it
        if ent.label_ == "ORG":
            end = ent.end
            if not ent.ent_id_ and doc[end - 1].lower_ in _CONNECTORS:
                while (
                    end < len(doc)
                    and end - ent.end < 4
                    and doc[end].pos_ == "PROPN"
                    and doc[end].text[:1].isupper()
                ):
                    end += 1
            taken.update(range(ent.end, end))
            spans.append(doc[ent.start : end] if end > ent.end else ent)
        elif ent.label_ in {"GPE", "NORP"}:
            ministry = _country_ministry(ent)
            if ministry is not None:
                spans.append(ministry)
                taken.update(range(ent.end, ministry.end))
        elif ent.label_ == "PERSON" and ent.start > 0:
            noun = doc[ent.start - 1]
            if (
                noun.lower_ in ORG_NOUNS
                and noun.dep_ == "compound"
                and ent.start <= noun.head.i < ent.end
                and all(t.pos_ == "PROPN" for t in ent)
                and not (k > 0 and ents[k - 1].end == ent.start)
            ):
                spans.append(ent)
                taken.update(range(ent.start, ent.end))
    return spans, taken


def _sentence_starts(doc: Doc) -> list[int]:
    return [s.start_char for s in sentences(doc)]


def build_registry(
    doc: Doc,
    quote_ranges: Sequence[tuple[int, int]] = (),
) -> Registry:
    """Collect the people and organisations of a parsed document.

    Parameters
    ----------
    doc
        A document parsed by :func:`analysis.text.pipeline.load_pipeline`.
    quote_ranges
        Character ranges inside quotation marks; pronouns there are not resolved.

    Examples
    --------
    >>> from analysis.text.pipeline import load_pipeline
    >>> doc = load_pipeline()("Foreign Minister Yoshimasa Hayashi spoke. Hayashi said the minister "
    ...                       "was tired. According to him, NATO grew. The alliance agreed.")
    >>> reg = build_registry(doc)
    >>> [(p.name, p.title, p.aliases) for p in reg.people]
    [('Yoshimasa Hayashi', 'Foreign Minister', ['Hayashi', 'the minister'])]
    >>> [(o.name, o.aliases) for o in reg.organizations]
    [('NATO', ['The alliance'])]
    """
    forms = form_index()
    orgs_info = organizations()
    sent_starts = _sentence_starts(doc)

    def sent_of(pos: int) -> int:
        return bisect_right(sent_starts, pos) - 1

    # ---- organisations the model cut short or took for people ------------------
    org_spans, org_tokens = _organisation_spans(doc)

    # ---- people -------------------------------------------------------------
    raw: list[tuple[Span, str, str, str]] = []
    for ent in _person_spans(doc):
        if any(t.i in org_tokens for t in ent):
            continue  # "the Department of Wildlife and National Parks", "enterprise Energoatom"
        name, title = clean_name(ent)
        if ent[-1].text.lower() in PLACE_HEADS:
            continue  # "Sabina Shoal", "Marib Province": a place, not a person
        if not name or not any(ch.isupper() for ch in name) or name.lower() in forms:
            continue
        if name.upper() == name and len(name) <= 5:
            continue  # acronyms tagged as people
        left_title, affiliation = _left_title(doc, ent)
        raw.append((ent, name, title or left_title, affiliation))
    people: dict[str, Entity] = {}
    full_names = sorted({n for _, n, _, _ in raw if " " in n}, key=len, reverse=True)
    last_for_part: dict[str, str] = {}
    for ent, name, title, affiliation in raw:
        canonical = name
        if " " not in name:
            owners = [f for f in full_names if name in f.split()]
            if owners:
                canonical = last_for_part.get(name, owners[0])
        else:
            longer = [f for f in full_names if f != name and f.endswith(" " + name.split()[-1])
                      and set(name.split()) <= set(f.split())]  # fmt: skip
            if longer:
                canonical = longer[0]
        person = people.setdefault(canonical, Entity(canonical, "person"))
        for part in canonical.split():
            last_for_part[part] = canonical
        if title and not person.title:
            person.title = title
        if affiliation and not person.affiliation:
            person.affiliation = affiliation
        start = ent.start_char + ent.text.find(name) if name in ent.text else ent.start_char
        person.mentions.append((start, start + len(name), name))

    # ---- organisations --------------------------------------------------------
    orgs: dict[str, Entity] = {}
    person_tokens = {t.i for span, _, _, _ in raw for t in span}
    for ent in org_spans:
        if not ent.ent_id_ and any(t.i in person_tokens for t in ent):
            continue  # the model's "organisation" holds a person's name (already counted)
        plain = _POSSESSIVE.sub("", ent.text).strip()
        owner = last_for_part.get(plain)
        if not ent.ent_id_ and owner is not None:  # a surname mis-tagged as ORG
            people[owner].mentions.append((ent.start_char, ent.start_char + len(plain), plain))
            continue
        if ent.ent_id_:
            canonical = ent.ent_id_
            text = ent.text
        else:
            text = _POSSESSIVE.sub("", ent.text).strip().rstrip(":;,").strip()
            if text.lower().startswith("the "):
                text = text[4:]
            form = forms.get(text.lower())
            # a place is not an organisation; a seat of power ("State Department") is
            if not text or (form is not None and form[1] != "seat") or _not_an_organisation(text):
                continue
            canonical = text
        org = orgs.setdefault(canonical, Entity(canonical, "org"))
        info = orgs_info.get(canonical)
        org.org_type = info.type if info else org.org_type
        org.mentions.append((ent.start_char, ent.end_char, text))
    # acronyms and short outlet names join a longer organisation
    for short in list(orgs):
        for long in list(orgs):
            if short == long or short not in orgs or long not in orgs:
                continue
            initials = "".join(w[0] for w in long.split() if w[0].isupper())
            prefix = orgs[short].org_type == "news" and long.startswith(short + " ")
            if prefix or (short.isupper() and len(short) >= 2 and short == initials):
                orgs[long].mentions.extend(orgs[short].mentions)
                del orgs[short]
                break
    # "the alliance" / "the bloc"
    groups = [o for o in orgs.values() if o.org_type in {"alliance", "bloc"}]
    if groups:
        first_mentions = sorted((m[0], o) for o in groups for m in o.mentions)
        lowers = token_view(doc).lower
        for tok in (doc[i] for i, w in enumerate(lowers) if w in {"alliance", "bloc"}):
            if tok.i == 0:
                continue
            det = doc[tok.i - 1]
            if det.lower_ != "the" or (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN"):
                continue
            if any(s <= tok.idx < e for o in groups for s, e, _ in o.mentions):
                continue
            wanted = {"alliance"} if tok.lower_ == "alliance" else {"bloc", "alliance"}
            before = [o for s, o in first_mentions if s < det.idx and o.org_type in wanted]
            target = before[-1] if before else None
            if target is None:
                after = [o for s, o in first_mentions if o.org_type in wanted]
                target = after[0] if after else None
            if target is not None:
                target.mentions.append(
                    (det.idx, tok.idx + len(tok.text), doc[det.i : tok.i + 1].text)
                )

    registry = Registry(list(people.values()), list(orgs.values()))
    registry.index()

    # ---- gender: a title or honorific that says it ----------------------------------
    for person in people.values():
        for word in person.title.split():
            person.gender = person.gender or pronoun_gender(word)
        for s, _, _ in person.mentions:
            honorific = doc.char_span(max(0, s - 5), s, alignment_mode="contract")
            for t in honorific or []:
                person.gender = person.gender or pronoun_gender(t.text)

    # ---- descriptions ("the minister") and pronouns -------------------------------
    quotes_idx = sorted(quote_ranges)
    q_starts = [a for a, _ in quotes_idx]

    def inside_quote(pos: int) -> bool:
        i = bisect_right(q_starts, pos) - 1
        return i >= 0 and pos < quotes_idx[i][1]

    roles = role_nouns()
    added: list[tuple[Entity, tuple[int, int, str]]] = []
    # only pronouns and role nouns matter here: pick them from the token view, then
    # make spaCy Token objects for those alone
    lowers = token_view(doc).lower
    for tok in (doc[i] for i, w in enumerate(lowers) if w in PRONOUNS or w in roles):
        low = tok.lower_
        if low in PRONOUNS and not inside_quote(tok.idx):
            here = sent_of(tok.idx)
            lo = sent_starts[max(0, here - 2)]
            gender = pronoun_gender(low)
            i = bisect_right(registry._starts, tok.idx) - 1
            named: dict[str, Entity] = {}
            while i >= 0 and registry._spans[i][0] >= lo:
                s, _, cand = registry._spans[i]
                if cand.kind == "person" and not inside_quote(s):
                    named.setdefault(cand.name, cand)
                i -= 1
            fits = [e for e in named.values() if e.gender in {None, gender}]
            if len(named) == 1 or len(fits) == 1:
                person = fits[0] if len(fits) == 1 else next(iter(named.values()))
                if person.gender not in {None, gender}:
                    continue
                person.gender = person.gender or gender
                added.append((person, (tok.idx, tok.idx + len(tok.text), tok.text)))
        elif low in roles and roles[low][0] == "person" and tok.pos_ == "NOUN" and tok.i > 0:
            # "the minister", "the NATO secretary general", "the Kremlin spokesman"
            if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
                continue
            if inside_quote(tok.idx) or roles[low][1]:
                continue
            j = tok.i - 1
            while j > tok.i - 4 and j >= 0 and doc[j].dep_ in {"compound", "amod", "nmod"}:
                j -= 1
            if j < 0 or doc[j].lower_ not in {"the", "this"}:
                continue
            det = doc[j]
            if any(registry.at(t.idx, t.idx + len(t)) is not None and
                   registry.at(t.idx, t.idx + len(t)).kind == "person"  # type: ignore[union-attr]
                   for t in doc[j : tok.i + 1]):  # fmt: skip
                continue
            gender = pronoun_gender(low)
            i = bisect_right(registry._starts, det.idx) - 1
            bound: Entity | None = None
            while i >= 0:
                _, e, cand = registry._spans[i]
                if cand.kind == "person" and e <= det.idx and cand.title:
                    words = cand.title.lower().replace("-", " ").split()
                    role_words = low.replace("-", " ").split()
                    if words[-len(role_words) :] == role_words and (
                        gender is None or cand.gender in {None, gender}
                    ):
                        bound = cand
                        break
                i -= 1
            if bound is not None:
                added.append((bound, (det.idx, tok.idx + len(tok.text), doc[j : tok.i + 1].text)))
    for person_ent, mention in added:
        person_ent.mentions.append(mention)
    if added:
        for person_ent in registry.people:
            person_ent.mentions.sort()
        registry.index()
    # ids in order of first mention: P1, P2 … for people, O1, O2 … for organisations
    for letter, items in (("P", registry.people), ("O", registry.organizations)):
        ordered = sorted(items, key=lambda x: min((m[0] for m in x.mentions), default=0))
        for n, item in enumerate(ordered, 1):
            item.id = f"{letter}{n}"
    return registry
