"""German text analysis, defined once for every engine.

A text becomes a list of *terms*: its words, lower-cased, with umlauts, ß and accents folded („Bücherei“,
„Buecherei“ and „Bucherei“ are one word, as are „Lesecafé“ and „Lesecafe“), feminine plural forms reduced to
the base form („Seniorinnen“ → „Senioren“), the -s plural of loan words reduced to the singular („Kitas“ →
„Kita“) and stemmed by the Snowball German stemmer („Kindern“ → „kind“). Stop words („der“, „und“, „für“) are
left out. A stored text also keeps a long word's stem with the derivational suffix the stemmer cut off
(„Gesprächsabende“ → „gesprachsab“ and „gesprachsabend“), so that a compound contains its last part as that
part's own term.

The database engine stores the terms of every listed page in ``ListingText`` rows and the Elasticsearch index
stores the same terms in a pre-analysed field (split on blanks by Lucene's built-in whitespace analyzer), so
both engines compare the same terms and agree on every text search, on any Elasticsearch server.

A query term also finds the compounds it is part of: a term of ``INFIX_MIN`` letters or more matches a
document term that starts with it or contains it after at least ``MODIFIER_MIN`` letters („Kino“ and „Buch“
find „Bilderbuchkino“, „Tablet“ does not find „etabliert“); a shorter term matches a whole term or the end of
a compound („Ort“ finds „Dritter Ort“ and „Lernort“, not „Sport“). ``matches`` is the rule; the engines
write it as SQL patterns and Elasticsearch wildcards.
"""

import functools
import re
import threading
import unicodedata

import Stemmer

WORD = re.compile(r"\w+", re.UNICODE)
#: Query terms beyond this many are ignored: each one costs a pass over every text field.
MAX_WORDS = 10
#: Query terms this long or longer also match at the start or inside a longer term (compounds).
INFIX_MIN = 4
#: The shortest first part of a compound („Lern“ of „Lernort“).
MODIFIER_MIN = 3

# Snowball's German stop word list (https://snowballstem.org/algorithms/german/stop.txt), folded.
STOP_WORDS = frozenset(
    """
    aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes anderm andern
    anders auch auf aus bei bin bis bist da damit dann das dass dasselbe dazu dein deine deinem deinen deiner
    deines dem demselben den denn denselben der derer derselbe derselben des desselben dessen dich die dies
    diese dieselbe dieselben diesem diesen dieser dieses dir doch dort du durch ein eine einem einen einer
    eines einig einige einigem einigen einiger einiges einmal er es etwas euch euer eure eurem euren eurer
    eures fur gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr ihre ihrem
    ihren ihrer ihres im in indem ins ist jede jedem jeden jeder jedes jene jenem jenen jener jenes jetzt kann
    kein keine keinem keinen keiner keines konnen konnte machen man manche manchem manchen mancher manches mein
    meine meinem meinen meiner meines mich mir mit muss musste nach nicht nichts noch nun nur ob oder ohne sehr
    sein seine seinem seinen seiner seines selbst sich sie sind so solche solchem solchen solcher solches soll
    sollte sondern sonst uber um und uns unser unsere unserem unseren unserer unseres unter viel vom von vor
    wahrend war waren warst was weg weil weiter welche welchem welchen welcher welches wenn werde werden wie
    wieder will wir wird wirst wo wollen wollte wurde wurden zu zum zur zwar zwischen
    """.split()
)

# Feminine forms end in -in/-innen after the masculine stem; the stemmer keeps them apart from it.
FEMININE_PLURAL = re.compile(r"(?<=\w{3})innen$")
FEMININE_SINGULAR = re.compile(r"(?<=\w{3}[aeo]r)in$")
# The -s plural of words from other languages („Kitas“, „Fotos“, „Handys“, „Comics“, „Tipps“, „Workshops“),
# which the stemmer only removes after the letters of German -s endings. Not after -is („Ergebnis“), -us
# („Status“), a diphthong („Chaos“) or a double s, and not from words of four letters („Apps“ and „News“ stay).
LOAN_PLURAL = re.compile(r"(?<=\w{4})(?<!ao)(?<=[aocpy])s$")
# Derivational suffixes the stemmer removes only from long words (its R2 region), with what may follow them:
# „Abend“ keeps its „end“ but „Gesprächsabende“ loses it, „Lesung“ keeps „ung“, „Autorenlesungen“ does not.
DERIVATION = re.compile(r"((ig)?(end|ung)|ig|ik|isch|(er|en)?(lich|heit)|(lich|ig)?keit)(e|em|en|er|ern|es|s|est|st)?$")
# How the stemmer reads ae, oe and ue (as the umlauts it then writes without dots), but not „que“.
UMLAUT_SPELLING = re.compile(r"(?<!q)([aou])e")

_local = threading.local()


def _stemmer():
    # A PyStemmer object must not be shared between threads.
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = Stemmer.Stemmer("german")
    return stemmer


def fold(word):
    """Lower case without accents: „Lesecafé“ → „lesecafe“, „Straße“ → „strasse“, „Bücher“ → „bucher“."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def base_form(word):
    """A folded word without its feminine or loan-word plural ending, as the stemmer receives it; "" for a
    stop word."""
    folded = fold(word)
    if folded in STOP_WORDS:
        return ""
    return LOAN_PLURAL.sub("", FEMININE_SINGULAR.sub("", FEMININE_PLURAL.sub("", folded)))


def term(word):
    """The term of one word, or "" for a stop word."""
    base = base_form(word)
    # The stemmer reads ae/oe/ue as umlauts („Buecherei“ = „Bücherei“) and drops the umlauts' dots.
    return _stemmer().stemWord(base) if base else ""


@functools.lru_cache(maxsize=200_000)
def word_terms(word):
    """The terms a text stores for one word: its term, and if the stemmer cut a derivational suffix off a
    long word, the term with that suffix as well. A compound then still contains its last part as that part's
    own term: „Gesprächsabende“ stores „gesprachsab“ and „gesprachsabend“, which „Abend“ („abend“) finds."""
    base = base_form(word)
    if not base:
        return ()
    stem = _stemmer().stemWord(base)
    spelled = UMLAUT_SPELLING.sub(lambda found: found.group(1), base)
    if len(spelled) > len(stem) and spelled.startswith(stem):
        derivation = DERIVATION.fullmatch(spelled, len(stem))
        if derivation:
            return (stem, stem + derivation.group(1))
    return (stem,)


def terms(text):
    """The terms of a text in order, repeated words included."""
    # Texts repeat their words: each distinct word is analysed once per process (``word_terms`` is cached).
    return [found for word in WORD.findall(text or "") for found in word_terms(word)]


def query_words(text):
    """(word as typed, its term) for every distinct term of a search query, in order, at most ``MAX_WORDS``."""
    typed = {}
    for word in WORD.findall(text or ""):
        found = term(word)
        if found and found not in typed:
            typed[found] = word
    return [(word, found) for found, word in typed.items()][:MAX_WORDS]


def query_terms(text):
    return [found for _word, found in query_words(text)]


def matches(query_term, document_term):
    """Whether a query term finds a document term (the rule both engines implement)."""
    if document_term == query_term:
        return True
    if len(query_term) >= INFIX_MIN:
        return document_term.startswith(query_term) or query_term in document_term[MODIFIER_MIN:]
    return len(document_term) >= len(query_term) + MODIFIER_MIN and document_term.endswith(query_term)


def as_stored(text_terms):
    """Terms as one string, blank-separated and blank-framed, so that a whole term is ``" term "``."""
    unique = dict.fromkeys(text_terms)
    return f" {' '.join(unique)} " if unique else ""
