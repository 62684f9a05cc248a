"""What the indexed passages say about the words of a question.

Built once from the stored chunks' tokens, it answers two questions the
retriever asks of every query:

* Which words name an agency? A word found almost only in one agency's
  documents ("นามะเขือ", "สสปน", "ทุ่งทอง") says whose passages are wanted,
  not what they are about. Scored as ordinary BM25 words, such names make the
  agency's title lines and cover pages outrank the passage asked for; the
  retriever uses them to choose the agency and ranks by the other words.
* Which words are typed wrong? Officers type fast ("มาตราการ", "ข้อมุล"). The
  segmenter then cuts the slip into real but unrelated pieces ("มาตรา" +
  "การ"). A run of adjacent pieces whose joined spelling is one edit away from
  a frequent indexed word, and is not itself a word of the index, is read as
  that word (rapidfuzz Levenshtein distance).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz.distance import Levenshtein
from rapidfuzz.process import extract

from bot.search.index import Record
from bot.thai import tokenize

# A word names an agency when at least this many of its passages are that agency's ...
_NAME_MIN_PASSAGES = 3
# ... and at least this share of all passages that carry the word are.
_NAME_MIN_SHARE = 0.9
# Typo repair: only words of at least this length, seen in at least this many passages.
_FIX_MIN_LEN = 4
_NAME_MIN_LEN = 5  # a name of one word only from this length ("นิเวศน์")
_FIX_MIN_DF = 3
_FIX_MAX_SPAN = 3  # join at most this many adjacent pieces
# A document chunk this short is a heading or a lead-in line ("ประเด็นที่ต้องแก้ไขเร่งด่วน").
SHORT_CHUNK = 100


class Lexicon:
    """Document frequencies of the index's words, overall and by agency."""

    def __init__(self, passages: Iterable[tuple[list[str], str]]) -> None:
        """`passages`: (tokens, agency) of every stored chunk; agency "" for curated knowledge."""
        self.df: Counter[str] = Counter()
        self.by_agency: dict[str, Counter[str]] = defaultdict(Counter)
        # Spellings the index knows: its words, and runs of up to _FIX_MAX_SPAN Thai words
        # joined, since the segmenter cuts some words ("ตัวชี้วัด" -> "ตัว", "ชี้", "วัด").
        spellings: Counter[tuple[str, ...]] = Counter()
        for tokens, agency in passages:
            words = set(tokens)
            self.df.update(words)
            if agency:
                self.by_agency[agency].update(words)
            runs = {
                tuple(tokens[i : i + n])
                for n in range(1, _FIX_MAX_SPAN + 1)
                for i in range(len(tokens) - n + 1)
                if all(_thai(t) for t in tokens[i : i + n])
            }
            spellings.update(runs)
        self.known: dict[str, tuple[str, ...]] = {}
        for run, n in spellings.items():
            joined = "".join(run)
            if joined not in self.known or n > spellings[self.known[joined]]:
                self.known[joined] = run
        self._count = {j: spellings[r] for j, r in self.known.items()}
        self._by_len: dict[int, list[str]] = defaultdict(list)
        for joined, n in self._count.items():
            if n >= _FIX_MIN_DF and len(joined) >= _FIX_MIN_LEN:
                self._by_len[len(joined)].append(joined)

    def _agency_of(self, word: str) -> str:
        total = self.df.get(word, 0)
        if not total or any(ch.isdigit() for ch in word):  # numbers ("68") are years and scores, not names
            return ""
        for agency, counts in self.by_agency.items():
            n = counts.get(word, 0)
            if n >= _NAME_MIN_PASSAGES and n >= _NAME_MIN_SHARE * total:
                return agency
        return ""

    def agency_words(self, tokens: list[str]) -> dict[str, list[str]]:
        """Return, by agency, the question's words that name it (found almost only in its passages).

        A name is a run of such words ("นา", "มะเขือ"); a lone short word ("บ้าน") is not
        enough, since with few agencies indexed a common word can sit mostly in one of them.
        """
        named: dict[str, list[str]] = {}
        run: list[str] = []
        owner = ""
        for word in [*tokens, ""]:
            agency = self._agency_of(word) if word else ""
            if agency and agency == owner:
                run.append(word)
                continue
            # A lone word names the agency only as part of its name ("นิเวศน์"): a content word
            # found only in its documents ("เร่งด่วน") is still what the question is about.
            if owner and (len(run) > 1 or (len(run[0]) >= _NAME_MIN_LEN and run[0] in owner)):
                named.setdefault(owner, []).extend(w for w in run if w not in named.get(owner, []))
            owner, run = agency, [word]
        return named

    def repairs(self, text: str) -> list[str]:
        """Return the indexed words a question's slips stand for ("มาตรา", "การ" -> "มาตรการ").

        Longest runs first; a run the index or the Thai dictionary knows as written is left
        alone, so colloquial words ("หน่อย", "ยังไง") are not "repaired" into formal ones.
        """
        tokens = tokenize(text, drop_stopwords=False)
        words = _dictionary()
        found: list[str] = []
        start = 0
        while start < len(tokens):
            step = 1
            for size in range(min(_FIX_MAX_SPAN, len(tokens) - start), 0, -1):
                span = tokens[start : start + size]
                joined = "".join(span)
                if len(joined) < _FIX_MIN_LEN or not all(_thai(t) for t in span):
                    continue
                if joined in self.known or joined in words:
                    if size > 1:
                        # Known as written but its first word cut across ("จุด" + "แข็งตัว" where the
                        # index has "จุดแข็ง" + "ตัว"): the index's first word is read too.
                        cut = self.known.get(joined, ())
                        if (
                            cut
                            and len(cut[0]) > len(span[0])
                            and cut[0].startswith(span[0])
                            and self._count[joined] >= _FIX_MIN_DF
                            and cut[0] not in tokens
                            and cut[0] not in found
                        ):
                            found.append(cut[0])
                        step = size
                        break
                    continue
                candidates = [w for n in (-1, 0, 1) for w in self._by_len.get(len(joined) + n, ())]
                hits = extract(joined, candidates, scorer=Levenshtein.distance, score_cutoff=1, limit=5)
                word = max((w for w, _d, _i in hits), key=lambda w: self._count[w]) if hits else None
                word = word or (self._cut_across(span) if size > 1 else None)
                if word:
                    found.extend(t for t in self.known[word] if t not in tokens and t not in found)
                    step = size
                    break
            start += step
        return found

    def _cut_across(self, span: list[str]) -> str | None:
        """Return the frequent indexed word that the segmenter cut across ("จุด" + "อ่อนตัว" -> "จุดอ่อน").

        The dictionary prefers "อ่อนตัว" in "จุดอ่อนตัวไหน", so the word asked for is lost; the
        longest indexed word that starts the run and ends inside its last piece is read instead.
        """
        joined = "".join(span)
        inner = len(joined) - len(span[-1])
        for end in range(len(joined) - 1, inner, -1):
            head = joined[:end]
            if len(head) >= _FIX_MIN_LEN and self._count.get(head, 0) >= _FIX_MIN_DF:
                return head
        return None


def with_lead_ins(records: list[Record], corpus: list[list[str]], most: int = 2) -> list[list[str]]:
    """Add to each document chunk the words of the short chunks right before it in its file.

    A list's lead-in lines ("2. กลุ่มผู้มีส่วนได้ส่วนเสียภายนอก", "ประเด็นที่ต้องแก้ไขเร่งด่วน")
    are chunks of their own; without them the list below cannot be found by what it is.
    """
    by_source: dict[str, list[int]] = {}
    for i, r in enumerate(records):
        if r.meta.get("agency"):
            by_source.setdefault(r.meta.get("source_key", ""), []).append(i)
    out = list(corpus)
    for members in by_source.values():
        members.sort(key=lambda i: records[i].meta.get("chunk_no", 0))
        for pos, i in enumerate(members):
            before = members[max(0, pos - most) : pos]
            lead: list[str] = []
            for j in reversed(before):
                if len(records[j].text) >= SHORT_CHUNK:
                    break
                lead = corpus[j] + lead
            if lead:
                out[i] = lead + corpus[i]
    return out


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    from pythainlp.corpus import thai_words  # noqa: PLC0415 - loads a 62,000-word list; queries only

    return frozenset(thai_words())


def _thai(word: str) -> bool:
    return any("\u0e00" <= ch <= "\u0e7f" for ch in word)
