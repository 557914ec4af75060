"""Make a synthetic corpus of N articles by realistic mutation of real quotations.

The real quotations are the seed articles' quoted sentences (read through the library from ``seeds/``).
Articles come in stories of about 25 outlets: each story gets its own base quotations (a seed quotation
whose content words are swapped for other common English words, so stories do not share wording), and each
outlet prints them with the damage copies really show: synonym swaps, truncation, dropped words, glued
words, doubled words, and a mix of quotation-mark styles, between filler sentences and attribution lines.

Usage: ``python benchmarks/generate.py N OUT_DIR [--seed S]``. Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from wordfreq import top_n_list

from quotedrift.corpus import load_corpus
from quotedrift.paths import SEEDS
from quotedrift.wording import STOPWORDS

STORY_SIZE = 25
QUOTES_PER_STORY = 6
SPEAKERS = ["Kwon Jong Gun", "John Kirby", "Kim Yo Jong", "Vassily Nebenzia", "Jens Stoltenberg", "Maria Zakharova",
            "Ned Price", "Vedant Patel", "Park Jin", "Antony Blinken", "Dmitry Peskov", "Lloyd Austin"]
CUES = ["said", "said", "said", "told reporters", "added", "noted", "claimed", "warned", "insisted"]
MARKS = [("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»")]


def seed_quotations() -> list[str]:
    """Quoted sentences of at least eight words from the seed articles."""
    corpus = load_corpus(SEEDS)
    found = []
    for text in corpus.texts.values():
        for match in re.finditer(r"[\"“]([^\"”]{40,400})[\"”]", text):
            if len(match.group(1).split()) >= 8:
                found.append(" ".join(match.group(1).split()))
    return sorted(set(found))


def vocabulary(rng: random.Random) -> list[str]:
    words = [w for w in top_n_list("en", 30000) if w.isalpha() and len(w) > 3 and w not in STOPWORDS]
    return words[2000:]


def story_base(sentence: str, vocab: list[str], rng: random.Random) -> list[str]:
    """A new utterance shaped like a real one: its function words kept, every content word swapped for another
    (different stories do not share quotations, as in real news)."""
    words = sentence.split()
    return [rng.choice(vocab) if w.lower().strip(",.'") not in STOPWORDS else w for w in words]


def mutate(words: list[str], vocab: list[str], rng: random.Random) -> str:
    """One outlet's printing of a quotation."""
    words = list(words)
    roll = rng.random()
    if roll < 0.25:  # synonym swap
        i = rng.randrange(len(words))
        words[i] = rng.choice(vocab)
    elif roll < 0.4:  # truncation to a partial quotation
        start = rng.randrange(0, max(1, len(words) // 2))
        words = words[start:start + rng.randint(4, max(5, len(words) // 2))]
    elif roll < 0.5 and len(words) > 6:  # dropped word
        del words[rng.randrange(len(words))]
    elif roll < 0.58 and len(words) > 2:  # glued words
        i = rng.randrange(len(words) - 1)
        words[i:i + 2] = [words[i] + words[i + 1].capitalize()]
    elif roll < 0.64:  # doubled word
        i = rng.randrange(len(words))
        words.insert(i, words[i])
    return " ".join(words)


FILLER = (
    "The {} of the {} said on {} that the {} had been {} for the {} in the {}.",
    "It was not {} whether the {} would {} the {} before the {} of the {}.",
    "Officials in the {} have {} the {} and the {} of {} since the {}.",
    "A {} from the {} was {} by the {} after the {} of the {} in {}.",
)


def filler(vocab: list[str], rng: random.Random) -> str:
    """A sentence of reporting prose: function words in their places, content words drawn at random."""
    template = rng.choice(FILLER)
    return template.format(*(rng.choice(vocab) for _ in range(template.count("{}"))))


def article(story: list[list[str]], speakers: list[str], vocab: list[str], rng: random.Random) -> str:
    paragraphs = [filler(vocab, rng)]
    for words, speaker in zip(story, speakers):
        if rng.random() < 0.3:
            continue
        opening, closing = rng.choice(MARKS)
        quote = mutate(words, vocab, rng).rstrip(".,")
        paragraphs.append(f"{opening}{quote},{closing} {speaker} {rng.choice(CUES)}.")
        if rng.random() < 0.5:
            paragraphs.append(filler(vocab, rng))
    return "\n\n".join(paragraphs) + "\n"


def generate(n: int, out: Path, seed: int = 0) -> Path:
    """Write N articles and a manifest into ``out``."""
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    bases = seed_quotations()
    out.mkdir(parents=True, exist_ok=True)
    rows = ["file,outlet,published,role"]
    story = []
    for i in range(n):
        if i % STORY_SIZE == 0:
            story = [story_base(rng.choice(bases), vocab, rng) for _ in range(QUOTES_PER_STORY)]
            speakers = rng.sample(SPEAKERS, QUOTES_PER_STORY)
        name = f"a{i:05d}.txt"
        (out / name).write_text(article(story, speakers, vocab, rng), encoding="utf-8")
        rows.append(f"{name},Outlet {i % 97:02d},2023-01-{1 + i % 28:02d},report")
    (out / "sources.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    generate(args.n, args.out, args.seed)


if __name__ == "__main__":
    main()
