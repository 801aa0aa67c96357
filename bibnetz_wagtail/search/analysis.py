"""German text analysis, defined once for every engine.

A text becomes a list of *terms*: its words, lower-cased, with umlauts, ß and accents folded („Bücherei“,
„Buecherei“ and „Bucherei“ are one word, as are „Lesecafé“ and „Lesecafe“), feminine plural forms reduced to
the base form („Seniorinnen“ → „Senioren“) and stemmed by the Snowball German stemmer („Kindern“ → „kind“).
Stop words („der“, „und“, „für“) are left out.

The database engine stores the terms of every listed page in ``ListingText`` rows and the Elasticsearch index
stores the same terms in a pre-analysed field (split on blanks by Lucene's built-in whitespace analyzer), so
both engines compare the same terms and agree on every text search, on any Elasticsearch server.

A query term also finds the compounds it is part of: a term of ``INFIX_MIN`` letters or more matches a
document term that starts with it or contains it after at least ``MODIFIER_MIN`` letters („Kino“ and „Buch“
find „Bilderbuchkino“, „Tablet“ does not find „etabliert“); a shorter term matches a whole term or the end of
a compound („Ort“ finds „Dritter Ort“ and „Lernort“, not „Sport“). ``matches`` is the rule; the engines
write it as SQL patterns and Elasticsearch wildcards.
"""

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


def term(word):
    """The term of one word, or "" for a stop word."""
    folded = fold(word)
    if folded in STOP_WORDS:
        return ""
    folded = FEMININE_SINGULAR.sub("", FEMININE_PLURAL.sub("", folded))
    # The stemmer reads ae/oe/ue as umlauts („Buecherei“ = „Bücherei“) and drops the umlauts' dots.
    return _stemmer().stemWord(folded)


def terms(text):
    """The terms of a text in order, repeated words included."""
    return [found for found in (term(word) for word in WORD.findall(text or "")) if found]


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
