"""Benchmark the whole check on a generated wire feed of N articles about many events.

    python benchmarks/bench.py --articles 1000 [--seed 7] [--keep DIR]

The corpus is deterministic for a seed: events of many kinds in cities of the
gazetteer, each reported by several outlets whose articles differ as real ones
do (sentence choice and order, quantifiers, updated counts, weekday or date).
Prints the seconds per stage, peak memory and, last, one JSON line with
`articles`, `sentences`, `distinct` (the share of sentences not repeated verbatim:
the cache encodes each distinct sentence once), `encode_s` (the model's own `encode` of the same
sentences, same batch size, same run), `total_s`, `ratio`, `cached_total_s`
(the same check again, cache warm) and `peak_rss_mb`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import tempfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from time import perf_counter

NUMBER_WORDS = "zero one two three four five six seven eight nine ten eleven twelve".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = "January February March April May June July August September October November December".split()
OUTLETS = [
    ("Harbour Courier", 0), ("The Evening Ledger", -5), ("Metro Wire Service", 1), ("Pacific Daily", 9),
    ("Northern Star Tribune", -6), ("Global Dispatch", 0), ("The Morning Record", 2), ("Continental News", 1),
    ("Valley Times", -8), ("The Civic Observer", 3), ("Coastline Herald", -3), ("Capital Bulletin", 5),
    ("Frontier Gazette", 7), ("The Daily Compass", 0), ("Riverside Post", -4), ("Open Sky Radio", 8),
]
KINDS = {
    "earthquake": {
        "leads": [
            "A magnitude {measure} earthquake struck near {city} on {day}, shaking buildings across {country}.",
            "A strong earthquake of magnitude {measure} hit the area around {city}, {country}, {day_phrase}.",
        ],
        "details": [
            "The quake was centred about {distance} kilometres from {city} at a shallow depth, seismologists said.",
            "Dozens of aftershocks followed the main tremor through the night.",
            "Residents ran into the streets as walls cracked and power lines came down.",
            "Rescue teams searched collapsed apartment blocks for survivors with sniffer dogs.",
        ],
        "headline": "Earthquake shakes {city}",
    },
    "flood": {
        "leads": [
            "Flash floods swept through low-lying districts of {city} on {day} after torrential rain.",
            "Floodwaters inundated neighbourhoods in {city}, {country}, {day_phrase}, after {measure} millimetres of rain.",
        ],
        "details": [
            "About {measure} millimetres of rain fell in less than a day, the weather service said.",
            "Rivers burst their banks and roads leading out of {city} were cut off.",
            "Families climbed onto rooftops to wait for boats to reach them.",
            "Forecasters warned that more heavy rain was expected over the weekend.",
        ],
        "headline": "Floods hit {city}",
    },
    "ferry": {
        "leads": [
            "A ferry carrying {measure} passengers capsized near {city} on {day}.",
            "An overloaded passenger ferry sank off the coast of {country} near {city} {day_phrase}.",
        ],
        "details": [
            "The vessel was licensed to carry far fewer than the {measure} people on board, port officials said.",
            "Strong winds and high waves were reported in the strait when the boat went down.",
            "Navy divers and fishing boats joined the search for those still missing.",
            "Survivors said the ferry began listing shortly after leaving port.",
        ],
        "headline": "Ferry capsizes off {city}",
    },
    "explosion": {
        "leads": [
            "An explosion tore through a chemical warehouse in {city} on {day}.",
            "A powerful blast ripped through an industrial district of {city}, {country}, {day_phrase}.",
        ],
        "details": [
            "Windows were shattered up to {distance} kilometres from the site of the blast.",
            "Firefighters battled the flames for hours before bringing them under control.",
            "Investigators were trying to establish whether a gas leak caused the blast.",
            "Thick smoke hung over the city and residents were told to stay indoors.",
        ],
        "headline": "Blast rocks {city}",
    },
    "stampede": {
        "leads": [
            "A stampede at a crowded religious festival in {city} on {day} left many people crushed.",
            "A crush broke out among worshippers at a shrine in {city}, {country}, {day_phrase}.",
        ],
        "details": [
            "Organisers said about {measure} people had gathered at the site, far more than expected.",
            "Witnesses said panic spread after a barrier gave way near the entrance.",
            "Ambulances struggled to reach the injured through the crowded streets.",
            "The government ordered an inquiry into crowd control at the event.",
        ],
        "headline": "Crush at {city} festival",
    },
    "wildfire": {
        "leads": [
            "A wildfire raced through forests outside {city} on {day}, forcing thousands to flee.",
            "Fire crews fought a fast-moving wildfire near {city}, {country}, {day_phrase}.",
        ],
        "details": [
            "The fire has burned more than {measure} hectares of land, officials said.",
            "Strong, dry winds pushed the flames toward villages on the edge of {city}.",
            "Water-bombing aircraft were deployed as the fire jumped a highway.",
            "Several hundred homes were destroyed or damaged, according to local authorities.",
        ],
        "headline": "Wildfire near {city}",
    },
    "attack": {
        "leads": [
            "Gunmen opened fire on a crowded market in {city} on {day}.",
            "Attackers stormed a police post on the outskirts of {city}, {country}, {day_phrase}.",
        ],
        "details": [
            "No group immediately claimed responsibility for the attack.",
            "Security forces sealed off the area and began searching nearby buildings.",
            "Witnesses said the shooting lasted for about {distance} minutes.",
            "The government condemned the attack and declared a day of mourning.",
        ],
        "headline": "Deadly attack in {city}",
    },
    "crash": {
        "leads": [
            "A passenger train derailed near {city} on {day}, overturning several carriages.",
            "A bus carrying {measure} passengers plunged into a ravine near {city}, {country}, {day_phrase}.",
        ],
        "details": [
            "The vehicle was travelling at high speed when it left the road, police said.",
            "Cranes were brought in to lift the wreckage and free trapped passengers.",
            "Transport officials suspended services on the route pending an investigation.",
            "Relatives gathered at the main hospital in {city} waiting for news.",
        ],
        "headline": "Deadly crash near {city}",
    },
}
MEASURES = {"earthquake": (4.5, 7.9), "flood": (80, 400), "ferry": (60, 600), "explosion": (1, 5),
            "stampede": (5000, 90000), "wildfire": (500, 40000), "attack": (1, 5), "crash": (20, 70)}
CASUALTY_LINES = [
    "At least {dead} people were killed and {injured} injured, {official} said.",
    "The death toll rose to {dead} on {next_day}, according to {official}.",
    "{official_cap} said {dead} people had died and {injured} more were being treated in hospital.",
    "More than {injured} people were wounded, many of them seriously.",
    "Hospitals in {city} said they had received {injured} injured people.",
]
RESPONSE_LINES = [
    "The president expressed condolences to the families of the victims.",
    "{official_cap} said the search would continue through the night.",
    "Aid agencies said they were sending tents, food and medical supplies to {city}.",
    "The prime minister was expected to visit {city} on {next_day}.",
    "Local schools were turned into temporary shelters for displaced families.",
    "Officials warned that the toll could rise as more areas became accessible.",
]
QUOTE_LINES = [
    "\u201cWe heard a terrible noise and then everyone was screaming,\u201d said a shopkeeper who saw it happen.",
    "\u201cWe are doing everything we can to reach the people who are still trapped,\u201d {official} said.",
    "A resident told reporters that help had been slow to arrive.",
]
BACKGROUND_LINES = [
    "The region suffered a similar disaster in {past_year}, when dozens of people died.",
    "{country} has struggled for years to enforce safety rules, critics say.",
]
OFFICIALS = ["the interior ministry", "the civil defence agency", "the provincial governor", "police",
             "the health ministry", "the national disaster management agency", "the mayor's office"]


def spell(n: int, rng: random.Random) -> str:
    if n < len(NUMBER_WORDS) and rng.random() < 0.5:
        return NUMBER_WORDS[n]
    return f"{n:,}"


def make_event(rng: random.Random, cities: list[tuple[str, str]]) -> dict:
    kind = rng.choice(sorted(KINDS))
    city, country = rng.choice(cities)
    low, high = MEASURES[kind]
    measure = round(rng.uniform(low, high), 1) if kind == "earthquake" else int(rng.uniform(low, high))
    when = date(2024, 1, 1) + timedelta(days=rng.randrange(700))
    return {
        "kind": kind, "city": city, "country": country, "date": when, "measure": measure,
        "dead": rng.choice([rng.randint(2, 30), rng.randint(30, 300)]), "injured": rng.randint(5, 500),
        "distance": rng.randint(5, 60), "past_year": rng.randint(1990, 2020), "official": rng.choice(OFFICIALS),
    }


def write_article(rng: random.Random, event: dict, outlet: tuple[str, int], folder: Path, name: str) -> None:
    """One outlet's report: its own choice and order of sentences, and its own version of the counts."""
    kind = KINDS[event["kind"]]
    when: date = event["date"]
    dead = event["dead"] if rng.random() < 0.75 else max(1, event["dead"] + rng.randint(-5, 12))
    values = {
        **event,
        "dead": spell(dead, rng),
        "injured": spell(event["injured"], rng),
        "measure": f"{event['measure']:,}",
        "day": WEEKDAYS[when.weekday()] if rng.random() < 0.6 else f"{MONTHS[when.month - 1]} {when.day}",
        "day_phrase": rng.choice(["on " + WEEKDAYS[when.weekday()], "early on " + WEEKDAYS[when.weekday()],
                                  f"on {WEEKDAYS[when.weekday()]} {rng.choice(['morning', 'afternoon', 'evening'])}"]),
        "next_day": WEEKDAYS[(when.weekday() + 1) % 7],
        "official_cap": event["official"][0].upper() + event["official"][1:],
    }
    lines = [rng.choice(kind["leads"])]
    lines += rng.sample(CASUALTY_LINES, rng.randint(1, 3))
    lines += rng.sample(kind["details"], rng.randint(2, 4))
    lines += rng.sample(RESPONSE_LINES, rng.randint(1, 3))
    lines += rng.sample(QUOTE_LINES, rng.randint(0, 2))
    lines += rng.sample(BACKGROUND_LINES, rng.randint(0, 1))
    body = [lines[0], *rng.sample(lines[1:], len(lines) - 1)]
    sentences = [line.format(**values) for line in body]
    paragraphs, n = [], 0
    while n < len(sentences):
        size = rng.randint(1, 3)
        paragraphs.append(" ".join(sentences[n : n + size]))
        n += size
    zone = timezone(timedelta(hours=outlet[1]))
    published = datetime(when.year, when.month, when.day, rng.randint(6, 23), rng.choice([0, 15, 30, 45]), tzinfo=zone)
    published += timedelta(days=rng.randint(0, 1))
    front = (
        f"---\noutlet: {outlet[0]}\ntitle: {kind['headline'].format(**values)}\n"
        f"published: {published.isoformat()}\n---\n"
    )
    (folder / f"{name}.txt").write_text(front + "\n\n".join(paragraphs) + "\n", encoding="utf-8")


def generate(folder: Path, articles: int, seed: int) -> int:
    """Write `articles` articles about many events into `folder`; return the number of events."""
    from factcheck.knowledge import load

    rng = random.Random(seed)
    cities = sorted((name, info["country"]) for name, info in load("gazetteer")["city"].items())
    written, events = 0, 0
    while written < articles:
        event = make_event(rng, cities)
        outlets = rng.sample(OUTLETS, min(articles - written, rng.randint(2, 10)))
        for outlet in outlets:
            write_article(rng, event, outlet, folder, f"{written:06d}_event{events:05d}")
            written += 1
        events += 1
    return events


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="Write the corpus here and keep it.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as scratch:
        corpus = args.keep or Path(scratch) / "corpus"
        corpus.mkdir(parents=True, exist_ok=True)
        os.environ["FACTCHECK_CACHE_DIR"] = str(Path(scratch) / "cache")
        events = generate(corpus, args.articles, args.seed)
        print(f"corpus: {args.articles} articles about {events} events in {corpus}", file=sys.stderr)
        print(json.dumps(run(corpus, args.articles)))


def run(corpus: Path, articles: int) -> dict:
    """The whole check cold (fresh cache, model loaded), then warm; the model's encode alone."""
    from factcheck.embed import DEFAULT_MODEL, SentenceTransformerEncoder
    from factcheck.pipeline import CheckOptions, check
    from factcheck.progress import Stages
    from factcheck.report import render_json, render_markdown

    class Measured(Stages):
        """Stages that also note the process's peak memory as each ends: which stage raised it."""

        def __init__(self) -> None:
            super().__init__()
            self.peak_mb: dict[str, float] = {}

        def add(self, name: str, seconds: float) -> None:
            super().add(name, seconds)
            self.peak_mb[name] = peak_rss_mb()

    def whole(stages: Stages) -> tuple[float, object]:
        start = perf_counter()
        result = check([corpus], options=CheckOptions(), stages=stages)
        with stages.stage("report"):
            render_markdown(result), render_json(result)
        return perf_counter() - start, result

    cold = Measured()
    total_s, result = whole(cold)
    warm = Measured()
    cached_total_s, _ = whole(warm)
    texts = [c.text for c in result.claims]
    model = SentenceTransformerEncoder(DEFAULT_MODEL)
    model.load()
    start = perf_counter()
    model.encode(texts)
    encode_s = perf_counter() - start
    for name in cold.seconds:
        print(
            f"{name:>8}: cold {cold.seconds[name]:8.2f} s   warm {warm.seconds.get(name, 0):8.2f} s"
            f"   peak after cold {cold.peak_mb[name]:6.0f} MB, after warm {warm.peak_mb.get(name, 0):6.0f} MB"
        )
    print(f"events: {len(result.events)}; groups: {len(result.groups)}; findings: {len(result.discrepancies)}")
    print(f"peak memory: {peak_rss_mb():.0f} MB")
    return {
        "articles": articles,
        "sentences": len(texts),
        "distinct": round(len(set(texts)) / len(texts), 3),
        "encode_s": round(encode_s, 2),
        "total_s": round(total_s, 2),
        "ratio": round(total_s / encode_s, 3),
        "cached_total_s": round(cached_total_s, 2),
        "peak_rss_mb": round(peak_rss_mb()),
    }


if __name__ == "__main__":
    main()
