"""A synthetic corpus like the seed articles, deterministic for a given seed and any size.

    python bench/generate_corpus.py OUT_DIR --count 10000 [--seed 1]

Each file is a saved news page: menu lines, a title, a date line in one of several forms (or
none), sometimes a source line, then paragraphs naming organizations with acronyms, people
with titles and affiliations, events with dates and places, and now and then a signed MOU.
Organizations and people are drawn from fixed pools with a long tail, so that most articles
meet records the archive already holds, as a real archive's do; each person holds one post
(a title at an organization) that the articles repeat, and some a second one they are
named with one time in ten (a post held before or beside it)."""

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

COUNTRIES = [("China", "Chinese"), ("Korea", "Korean"), ("Japan", "Japanese")]
FIELDS = [
    "Engineering",
    "Science and Technology",
    "Materials Science",
    "Energy Research",
    "Information and Communications",
    "Biotechnology",
    "Marine Science",
    "Advanced Manufacturing",
    "Environmental Science",
    "Aerospace",
    "Robotics",
    "Nuclear Safety",
    "Agricultural Science",
    "Semiconductor Research",
    "Transport Technology",
    "Oriental Medicine",
    "Data Science",
]
ORG_PATTERNS = [
    "{adj} Academy of {field}",
    "{country} Institute of {field}",
    "National Research Foundation of {country}",
    "{country} Association for {field}",
    "{city} University",
    "{city} Institute of {field}",
    "{country} {field} Agency",
    "{city} {field} Center",
    "{city} {field} Laboratory",
    "{adj} {field} Society",
]
CITIES = [
    "Beijing",
    "Shanghai",
    "Chongqing",
    "Qingdao",
    "Hangzhou",
    "Shenzhen",
    "Wuhan",
    "Seoul",
    "Busan",
    "Daejeon",
    "Incheon",
    "Tokyo",
    "Osaka",
    "Nanjing",
    "Tianjin",
]
SURNAMES = [
    "Kim",
    "Lee",
    "Park",
    "Choi",
    "Jung",
    "Wang",
    "Li",
    "Zhang",
    "Liu",
    "Chen",
    "Yang",
    "Zhao",
    "Huang",
    "Zhou",
    "Wu",
    "Xu",
    "Sun",
    "Ma",
    "Zhu",
    "Hu",
    "Sato",
]
SYLLABLES = [
    "min",
    "jun",
    "hee",
    "soo",
    "yong",
    "wei",
    "hua",
    "lan",
    "ming",
    "jie",
    "dong",
    "hao",
    "xin",
    "yu",
    "sung",
    "jae",
    "hyun",
    "qing",
    "tao",
    "fang",
    "lei",
    "ping",
]
TITLES = [
    "president",
    "vice president",
    "director",
    "director general",
    "secretary general",
    "chairman",
    "dean",
    "professor",
    "executive director",
    "head",
]
EVENT_KINDS = ["Forum", "Conference", "Symposium", "Exhibition", "Workshop", "Expo"]
TOPICS = [
    "Industrial Innovation",
    "Science and Technology",
    "Green Energy",
    "Smart City",
    "Digital Economy",
    "Materials",
    "Marine Cooperation",
    "Future Mobility",
    "Health",
]
MENUS = [
    ["International Cooperation", "Networking / Partnership"],
    ["Spot News"],
    ["Homepage > News"],
    ["HOME > News > Research Activities"],
    ["News Collective"],
]
# Sentences of prose between the facts, drawn at random so that words are common, medium
# or rare across the corpus as in a real archive (and search can be measured on each).
FILLER = [
    "The two sides exchanged views on joint research, talent exchange and the "
    "commercialization of technology, and agreed to strengthen cooperation in the years ahead.",
    "Participants discussed hydrogen fuel cells, battery recycling and the storage of "
    "renewable energy for cities with cold winters.",
    "Experts presented recent progress in semiconductor packaging, lithography and the "
    "supply of rare materials for chip manufacturing.",
    "The meeting reviewed a decade of cooperation in marine biology, fisheries and the "
    "monitoring of coastal pollution.",
    "Researchers shared results on quantum sensors, photonic circuits and secure "
    "communication over long distances.",
    "Both delegations stressed the importance of open data, common standards and the "
    "protection of intellectual property.",
    "A session on public health covered vaccine development, clinical trials and the early "
    "warning of epidemics.",
    "Young scientists were invited to apply for joint fellowships, summer schools and "
    "laboratory placements abroad.",
    "The organizers noted that trade in high technology between the countries has grown "
    "steadily despite uncertain markets.",
    "Engineers demonstrated autonomous vehicles, drones for crop inspection and robots for "
    "elderly care.",
    "The talks touched on carbon neutrality, smart grids and the electrification of heavy "
    "industry.",
    "University presidents agreed to expand student exchange and to recognize each other's "
    "course credits.",
    "Officials announced a fund to support startups in artificial intelligence, biomedicine "
    "and new materials.",
    "A roundtable on earthquake engineering compared building codes, seismic sensors and "
    "emergency response.",
    "Speakers called for closer cooperation on space science, satellite navigation and "
    "climate observation.",
    "The delegation toured an incubator, a pilot plant for graphene and a museum of "
    "industrial heritage.",
]


def acronym_of(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w[0].isupper())


# Changes whenever the same seed would give other articles: the benchmarks' corpus folders
# carry it, so that an old corpus is not taken for the new one.
VERSION = 3


def make_pools(rng: random.Random) -> tuple[list[tuple[str, str]], list[str], dict]:
    organizations: dict[str, str] = {}
    while len(organizations) < 900:  # of about 1,000 possible names
        country, adj = rng.choice(COUNTRIES)
        name = rng.choice(ORG_PATTERNS).format(
            adj=adj, country=country, field=rng.choice(FIELDS), city=rng.choice(CITIES)
        )
        organizations.setdefault(name, acronym_of(name))
    seen_acronyms: set[str] = set()
    orgs = []
    for name, acronym in organizations.items():
        orgs.append((name, acronym if acronym not in seen_acronyms else ""))
        seen_acronyms.add(acronym)
    people: set[str] = set()
    while len(people) < 4000:
        given = rng.choice(SYLLABLES).capitalize() + rng.choice(SYLLABLES)
        people.add(f"{rng.choice(SURNAMES)} {given}")
    posts = {
        person: [(rng.choice(TITLES), zipf_pick(rng, orgs)) for _ in range(rng.randint(1, 2))]
        for person in sorted(people)
    }
    return orgs, sorted(people), posts


def zipf_pick(rng: random.Random, pool: list, skew: float = 1.3):
    """Few records are named often, most rarely."""
    index = int(len(pool) * (rng.random() ** (skew * 2)))
    return pool[min(index, len(pool) - 1)]


def date_line(rng: random.Random, day: date) -> str | None:
    forms = [
        f"  • Published: {day:%b} {day.day}, {day.year}",
        f"Date {day.isoformat()} Hit {rng.randint(10, 9999)}",
        f"{day:%B} {day.day}, {day.year}",
        f"Posted on {day.day} {day:%B} {day.year}",
        None,
    ]
    return rng.choice(forms)


def post_of(rng: random.Random, person: str, posts: dict) -> tuple[str, tuple]:
    """The person's title and organization: their first post, one time in ten their last."""
    return posts[person][-1] if rng.random() < 0.1 else posts[person][0]


def make_article(rng: random.Random, number: int, orgs, people, posts) -> str:
    day = date(2012, 1, 1) + timedelta(days=rng.randrange(14 * 365))
    host_name, host_acr = zipf_pick(rng, orgs)
    speakers = [zipf_pick(rng, people) for _ in range(rng.randint(2, 5))]
    leader_title, (guest_name, guest_acr) = post_of(rng, speakers[0], posts)
    city = rng.choice(CITIES)
    kind = rng.choice(EVENT_KINDS)
    edition = rng.randint(2, 25)
    event = f"{edition}th China-Korea {rng.choice(TOPICS)} {kind}"
    title = f"{city} Hosts the {event} No. {number}"
    lines = [*rng.choice(MENUS), "", title]
    if (line := date_line(rng, day)) is not None:
        lines.append(line)
    if rng.random() < 0.4:
        lines.append(f"  • Source: {host_acr or 'Newsroom'}")
    lines.append("  • Font size: BigMediumSmall")
    host = f"the {host_name}" + (f" ({host_acr})" if host_acr else "")
    guest = f"the {guest_name}" + (f" ({guest_acr})" if guest_acr else "")
    end = day + timedelta(days=rng.randint(1, 4))
    paragraphs = [
        f"At the invitation of {host}, {speakers[0]}, {leader_title} of {guest}, led a "
        f"delegation to {city} to join the {event} from {day:%B} {day.day} to {end.day}, "
        f"{day.year}.",
    ]
    for speaker in speakers[1:]:
        title, (org_name, org_acr) = post_of(rng, speaker, posts)
        paragraphs.append(
            f"{speaker}, {title} of the {org_name}"
            + (f" ({org_acr})" if org_acr else "")
            + f", delivered a speech at the {kind.lower()}. {' '.join(rng.sample(FILLER, 2))}"
        )
    if rng.random() < 0.25:
        paragraphs.append(
            f"During the {kind.lower()}, {speakers[0]} signed an MOU on behalf of "
            f"{guest_name} with {host_name} on {day:%B} {day.day}. According to the MOU, the "
            "two parties will build a joint laboratory and exchange researchers."
        )
    for _ in range(rng.randint(3, 6)):
        paragraphs.append(" ".join(rng.sample(FILLER, 4)))
    if host_acr:
        paragraphs.append(
            f"The exchange between the {host_acr} and its partners started in "
            f"{day.year - rng.randint(1, 9)}."
        )
    return "\n".join(lines) + "\n\n" + "\n\n\n".join(paragraphs) + "\n"


def generate(out: Path, count: int, seed: int = 1) -> list[Path]:
    rng = random.Random(seed)
    orgs, people, posts = make_pools(rng)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = out / f"synthetic_{number:07d}.txt"
        path.write_text(make_article(rng, number, orgs, people, posts), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    paths = generate(args.out, args.count, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} articles, {size / len(paths):,.0f} bytes each on average, in {args.out}")


if __name__ == "__main__":
    main()
