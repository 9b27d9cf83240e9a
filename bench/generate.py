"""Generate a synthetic bilingual catalogue of N practices, deterministic from a seed.

    python bench/generate.py OUT_DIR --practices 2000 [--seed 1]

OUT_DIR becomes a complete project (templates, locales, static, vocabulary and pages are
copied from this repository) whose content/fi and content/sv hold N practices each, with
every front-matter field filled. The words are drawn from the sample catalogue, so stemming
and index sizes behave like real text.

Two shapes (--shape):
- `default`: 600–1,500-word bodies (headings, lists, links), 1–3 themes, 1–2 regions.
- `other`, one the build was not tuned on: 150–3,000-word bodies with up to six links to
  other practices each, 2–6 themes, 1–4 regions, 1–4 target groups, longer criteria.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from catalogue.content.model import LANGUAGE_NEUTRAL_FIELDS

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("fi", "sv")
SHAPES: dict[str, dict[str, Any]] = {
    "default": {
        "words": (600, 1500),
        "themes": (1, 3),
        "regions": (1, 2),
        "targets": (1, 3),
        "links": 0,
        "criteria": (12, 24),
    },
    "other": {
        "words": (150, 3000),
        "themes": (2, 6),
        "regions": (1, 4),
        "targets": (1, 4),
        "links": 6,
        "criteria": (20, 60),
    },
}
"""Ranges of a catalogue's shape (see the module's docstring)."""


def _vocabulary_codes() -> dict[str, list[str]]:
    data = yaml.safe_load((ROOT / "content/vocabulary.yaml").read_text(encoding="utf-8"))
    return {group: [entry["code"] for entry in entries] for group, entries in data.items()}


def _words(lang: str) -> list[str]:
    text = " ".join(
        p.read_text(encoding="utf-8").split("---", 2)[-1] for p in (ROOT / "content" / lang).glob("*.md")
    )
    return [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 1]


def _sentence(rng: random.Random, words: list[str], low: int = 6, high: int = 16) -> str:
    chosen = [rng.choice(words) for _ in range(rng.randint(low, high))]
    return " ".join(chosen).capitalize() + "."


def _body(rng: random.Random, words: list[str], headings: list[str], target: int) -> str:
    parts: list[str] = []
    count = 0
    section = 0
    while count < target:
        parts.append(f"## {headings[section % len(headings)]}")
        section += 1
        for _ in range(rng.randint(2, 3)):
            paragraph = " ".join(_sentence(rng, words) for _ in range(rng.randint(3, 6)))
            if rng.random() < 0.3:
                paragraph += f" [{rng.choice(words)}](https://example.fi/{rng.randint(1, 999)})."
            parts.append(paragraph)
            count += len(paragraph.split())
        if rng.random() < 0.6:
            items = [
                f"- **{rng.choice(words)}**: {_sentence(rng, words, 4, 10)}" for _ in range(rng.randint(3, 5))
            ]
            parts.append("\n".join(items))
            count += sum(len(i.split()) for i in items)
    return "\n\n".join(parts) + "\n"


HEADINGS = {
    "fi": [
        "Tausta",
        "Miten käytäntö toimii",
        "Tulokset",
        "Kenelle käytäntö sopii",
        "Huomioitavaa käyttöönotossa",
    ],
    "sv": ["Bakgrund", "Så fungerar det", "Resultat", "Vem passar det för", "Att tänka på"],
}


def _practice(
    index: int,
    lang: str,
    rng: random.Random,
    shared: dict[str, Any],
    words: list[str],
    shape: dict[str, Any],
) -> str:
    title = f"{_sentence(rng, words, 3, 6)[:-1]} {index}"
    slug = f"{'kaytanto' if lang == 'fi' else 'praxis'}-{index:05d}"
    criteria = "\n".join(
        f"  {code}: {_sentence(rng, words, *shape['criteria'])}" for code in shared["criteria"]
    )
    front = {
        "id": f"practice-{index:05d}",
        "title": title,
        "slug": slug,
        "summary": _sentence(rng, words, 18, 30),
        **{k: shared[k] for k in (*LANGUAGE_NEUTRAL_FIELDS, "updated")},
        "municipality": rng.choice(words).capitalize(),
        "organisations": [f"{rng.choice(words).capitalize()} ry"],
        "funding": _sentence(rng, words, 4, 8),
        "contact": {
            "name": rng.choice(words).capitalize(),
            "organisation": "Esimerkki",
            "email": f"info{index}@example.fi",
            "url": "https://example.fi/",
        },
        "links": [{"text": rng.choice(words), "url": f"https://example.fi/{index}"}],
    }
    text = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
    body = _body(rng, words, HEADINGS[lang], rng.randint(*shape["words"]))
    for _ in range(rng.randint(0, shape["links"])):
        linked = rng.randint(1, int(shared["count"]))
        body += f"\nKatso myös [{rng.choice(words)}](practice:practice-{linked:05d}).\n"
    return f"---\n{text}criteria:\n{criteria}\n---\n{body}"


def generate(out: Path, practices: int, seed: int = 1, shape_name: str = "default") -> Path:
    """Write a complete project with `practices` practices in each language into `out`."""
    if out.exists():
        shutil.rmtree(out)
    for name in ("templates", "locales", "static"):
        shutil.copytree(ROOT / name, out / name)
    shutil.copy(ROOT / "site.toml", out / "site.toml")
    (out / "content").mkdir(parents=True)
    shutil.copy(ROOT / "content/vocabulary.yaml", out / "content/vocabulary.yaml")
    shutil.copytree(ROOT / "content/pages", out / "content/pages")
    codes = _vocabulary_codes()
    words = {lang: _words(lang) for lang in LANGS}
    rng = random.Random(seed)
    shape = SHAPES[shape_name]
    for lang in LANGS:
        (out / "content" / lang).mkdir()
    for index in range(1, practices + 1):
        start = rng.randint(2008, 2024)
        shared = {
            "themes": rng.sample(codes["themes"], rng.randint(*shape["themes"])),
            "phases": rng.sample(codes["phases"], rng.randint(1, 2)),
            "target_groups": rng.sample(codes["target_groups"], rng.randint(*shape["targets"])),
            "regions": rng.sample(codes["regions"], rng.randint(*shape["regions"])),
            "practice_type": rng.choice(codes["practice_types"]),
            "start_year": start,
            "end_year": start + rng.randint(1, 4),
            "published": f"{rng.randint(2016, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "criteria": codes["criteria"],
            "count": practices,
        }
        shared["updated"] = shared["published"]
        for lang in LANGS:
            text = _practice(index, lang, random.Random(f"{seed}-{index}-{lang}"), shared, words[lang], shape)
            (out / "content" / lang / f"{index:05d}.md").write_text(text, encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("--practices", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--shape", choices=sorted(SHAPES), default="default")
    args = parser.parse_args()
    generate(args.out, args.practices, args.seed, args.shape)
    print(f"Wrote {args.practices} practices in each language to {args.out}")


if __name__ == "__main__":
    main()
