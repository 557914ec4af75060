"""Corpus loading: every loader path, every bad input, boilerplate spans, language."""

from __future__ import annotations

import hashlib

import pytest

from quotedrift.corpus import CorpusError, boilerplate_spans, decode_bytes, detect_language, load_corpus, normalise_newlines
from quotedrift.paths import SEEDS

WIRE_STORY = ("By Chae Yun-hwan\nSEOUL, Sept. 22 (Yonhap) -- North Korea said so.\nyunhwanchae@yna.co.kr\n(END)\n-\n"
              "BTS' RM donates 100 mln won\n")
ENGLISH = "The minister said on Sunday that the country had never sold weapons to anyone and never would.\n"
FRENCH = "Le ministre a déclaré dimanche que le pays n'avait jamais vendu d'armes à personne et ne le ferait jamais.\n"


def make_corpus(tmp_path, files: dict[str, bytes | str], manifest: str | None = None):
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (tmp_path / name).write_bytes(data)
    if manifest is not None:
        (tmp_path / "sources.csv").write_text(manifest, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("data", "expected_text", "expected_encoding"),
    [
        ("Kwon said “no”.".encode("utf-8"), "Kwon said “no”.", "utf-8"),
        (b"\xef\xbb\xbfKwon said.", "Kwon said.", "utf-8-sig"),
        ("Kwon said “no”.".encode("utf-16"), "Kwon said “no”.", "utf-16"),
        (b"Kwon said \x93no\x94.", "Kwon said “no”.", "cp1252"),
        ("Kwon said “no”.".encode("utf-32"), "Kwon said “no”.", "utf-32"),
        (b"\x00\x00\xfe\xff" + "Kwon.".encode("utf-32-be"), "Kwon.", "utf-32"),
        ("Kwon said “no”.".encode("utf-16-be").join([b"\xfe\xff", b""]), "Kwon said “no”.", "utf-16"),
        (b"Caf\xe9 \xff", "Café ÿ", "cp1252"),  # no UTF-8 sequence anywhere: a cp1252 file
    ],
)
def test_decode_bytes(data, expected_text, expected_encoding):
    assert decode_bytes(data, "a.txt") == (expected_text, expected_encoding)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "a.txt: the file is empty"),
        (b"  \n\n ", "a.txt: the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a.txt: looks like a binary file"),
        (b"caf\xc3 \x81\x8d", "a.txt: undecodable bytes: byte 0x81 at offset 5"),
        ("“ok” then".encode("utf-8") + b" \xff " + "“é”".encode("utf-8"),
         "a.txt: undecodable bytes: byte 0xff at offset 14 is not valid UTF-8"),
        (b"\xef\xbb\xbfok \xc3 x", "a.txt: undecodable bytes at offset 6 for utf-8"),
        ("Kwon".encode("utf-32")[:-1], "a.txt: undecodable bytes at offset 16 for utf-32"),
    ],
)
def test_decode_bytes_rejects_bad_input(data, message):
    with pytest.raises(CorpusError, match="^" + message.replace("(", r"\(")):
        decode_bytes(data, "a.txt")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("a\r\nb\r\n", "a\nb\n"), ("a\rb", "a\nb"), ("\ufeffa\n", "a\n"), ("a\nb", "a\nb")],
)
def test_normalise_newlines(raw, expected):
    assert normalise_newlines(raw) == expected


def test_crlf_offsets_point_into_normalised_text(tmp_path):
    folder = make_corpus(tmp_path, {"a.txt": b"Read more: other story\r\n\r\nKwon said it.\r\n"})
    corpus = load_corpus(folder)
    text = corpus.texts["a"]
    assert "\r" not in text
    row = corpus.boilerplate.iloc[0]
    assert text[row.start:row.end] == "Read more: other story" == row.text


def test_html_main_text_is_extracted_and_scripts_stay_text(tmp_path):
    html = (
        "<html><head><title>T</title><script>alert('x')</script></head><body>"
        "<nav>Home | World</nav><article><h1>North Korea denies arms deal</h1>"
        f"<p>{ENGLISH.strip()}</p><p>“We have never exported weapons,” the official said on Thursday.</p>"
        "</article></body></html>"
    )
    corpus = load_corpus(make_corpus(tmp_path, {"story.html": html}))
    text = corpus.texts["story"]
    assert "We have never exported weapons" in text
    assert "alert(" not in text
    assert corpus.articles.loc[0, "file"] == "story.html"


PAGE_WITH_METADATA = (
    '<html><head><title>Arms deal denied | The Daily Ledger</title>'
    '<meta property="og:site_name" content="The Daily Ledger">'
    '<meta property="og:title" content="North Korea denies arms deal">'
    '<meta property="article:published_time" content="2022-11-03T08:15:00+00:00">'
    '<link rel="canonical" href="https://ledger.example/world/arms-deal"></head><body><article>'
    f"<h1>North Korea denies arms deal</h1><p>{ENGLISH.strip()}</p>"
    "<p>“We have never exported weapons,” the official said on Thursday.</p></article></body></html>"
)


@pytest.mark.parametrize(
    ("manifest", "expected"),
    [
        (None, {"outlet": "The Daily Ledger", "published": "2022-11-03", "url": "https://ledger.example/world/arms-deal",
                "title": "North Korea denies arms deal"}),
        ("file,outlet,published\nstory.html,Ledger (manifest),2022-11-04\n",
         {"outlet": "Ledger (manifest)", "published": "2022-11-04", "url": "https://ledger.example/world/arms-deal"}),
    ],
)
def test_html_page_metadata_fills_what_the_manifest_leaves_empty(tmp_path, manifest, expected):
    corpus = load_corpus(make_corpus(tmp_path, {"story.html": PAGE_WITH_METADATA}, manifest))
    row = corpus.articles.iloc[0]
    assert {key: row[key] for key in expected} == expected


def test_html_page_without_metadata_falls_back_to_the_file_name(tmp_path):
    page = f"<html><body><article><p>{ENGLISH.strip()}</p></article></body></html>"
    corpus = load_corpus(make_corpus(tmp_path, {"bare.html": page, "plain.txt": ENGLISH}))
    rows = corpus.articles.set_index("source")
    assert rows.loc["bare", ["outlet", "published", "url"]].tolist() == ["bare", "", ""]
    assert rows.loc["plain", ["outlet", "title"]].tolist() == ["plain", ""]


def test_markdown_loads_as_text(tmp_path):
    corpus = load_corpus(make_corpus(tmp_path, {"note.md": "# Title\n\n" + ENGLISH}))
    assert corpus.texts["note"].startswith("# Title")


def test_manifest_fills_columns_and_keeps_extras(tmp_path):
    manifest = "file,outlet,published,role,speaker,notes,desk\na.txt,Outlet A,2023-01-29,primary,KCNA,n,World\n"
    corpus = load_corpus(make_corpus(tmp_path, {"a.txt": ENGLISH, "b.txt": ENGLISH}, manifest))
    rows = corpus.articles.set_index("source")
    assert rows.loc["a", ["outlet", "published", "role", "speaker", "desk"]].tolist() == [
        "Outlet A", "2023-01-29", "primary", "KCNA", "World"]
    assert rows.loc["b", ["outlet", "role"]].tolist() == ["b", "report"]  # not listed: defaults


@pytest.mark.parametrize(
    ("files", "manifest", "message"),
    [
        ({"a.txt": ENGLISH}, "outlet\nX\n", "sources.csv: no 'file' column"),
        ({"a.txt": ENGLISH}, "file,outlet\nmissing.txt,X\n", "sources.csv line 2: 'missing.txt' does not exist"),
        ({"a.txt": ENGLISH}, "file,outlet\n../a.txt,X\n", "sources.csv line 2: '../a.txt' is not a file directly"),
        ({"a.txt": ENGLISH}, "file,outlet\n/etc/passwd,X\n", "sources.csv line 2: '/etc/passwd' is not a file directly"),
        ({"a.txt": ENGLISH}, "file,outlet\na.txt,X\na.txt,Y\n", "sources.csv line 3: 'a.txt' is listed twice"),
        ({"a.txt": ENGLISH}, "file,role\na.txt,opinion\n", "sources.csv line 2: role 'opinion'"),
        ({"a.txt": ENGLISH}, "file\n\n,\n", "sources.csv line 2: the 'file' field is empty"),
        ({"a.txt": ENGLISH, "a.html": "<p>x</p>"}, None, "a.txt: has the same source id 'a' as a.html"),
        ({"a.txt": b""}, None, "a.txt: the file is empty"),
        ({"a.txt": b"\x00\x01\x02binary"}, None, "a.txt: looks like a binary file"),
        ({"notes.csv": "x"}, None, "no article files"),
    ],
)
def test_bad_input_gets_one_clear_line(tmp_path, files, manifest, message):
    folder = make_corpus(tmp_path, files, manifest)
    with pytest.raises(CorpusError) as caught:
        load_corpus(folder)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_missing_folder_is_an_error(tmp_path):
    with pytest.raises(CorpusError, match="not a folder"):
        load_corpus(tmp_path / "nowhere")


def test_input_files_are_never_modified(tmp_path):
    folder = make_corpus(tmp_path, {"a.txt": b"Kwon said.\r\n", "b.txt": b"\x93Quoted\x94 text said the man.\n"},
                         "file,outlet\na.txt,A\n")
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
    load_corpus(folder)
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
    assert before == after


def test_cp1252_fallback_is_reported(tmp_path):
    corpus = load_corpus(make_corpus(tmp_path, {"a.txt": b"The man said \x93no\x94 to the offer of weapons.\n"}))
    assert corpus.articles.loc[0, "encoding"] == "cp1252"
    assert any("decoded as cp1252" in note for note in corpus.notes)


@pytest.mark.parametrize(
    ("text", "language", "method"),
    [
        (ENGLISH * 3, "en", "english function words"),
        (FRENCH * 3, "fr", "py3langid"),
        ("Die Regierung in Pjöngjang hat am Donnerstag bestritten, Waffen an Russland geliefert zu haben. " * 3,
         "de", "py3langid"),
        ("North Korea denies arms sales to Russia", "en", "py3langid"),  # too short for the stopword test
    ],
)
def test_detect_language(text, language, method):
    code, score, how = detect_language(text)
    assert (code, how) == (language, method) and 0 <= score <= 1


@pytest.mark.parametrize(("text", "language", "in_scope"), [(ENGLISH * 3, "en", True), (FRENCH * 3, "fr", False)])
def test_language_detection(tmp_path, text, language, in_scope):
    corpus = load_corpus(make_corpus(tmp_path, {"a.txt": text}))
    assert corpus.articles.loc[0, ["language", "in_scope"]].tolist() == [language, in_scope]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" date 2023-01-29 (@ChaudhryMAli88)\n\nBody.", [("date 2023-01-29 (@ChaudhryMAli88)", "boilerplate")]),
        ("Body.\n  • Facebook share button\n  • Twitter share button\n",
         [("• Facebook share button\n  • Twitter share button", "boilerplate")]),
        ("Body.\nRead more: NATO officially amends \"strategic concept\"\n",
         [('Read more: NATO officially amends "strategic concept"', "boilerplate")]),
        ("Body.\n\nSource link\n\nLeave a Reply\n\nYour email address will not be published.",
         [("Source link", "boilerplate"),
          ("Leave a Reply\n\nYour email address will not be published.", "boilerplate")]),
        ("A caption of the photograph, Yonhap\nA caption of the photograph, Yonhap\n",
         [("A caption of the photograph, Yonhap", "duplicated_text")]),
        # negative cases: article sentences that only mention such words stay searchable
        ("He said the source link was broken and asked readers to read more carefully.\n", []),
        ("Short line\nShort line\n", []),
    ],
)
def test_boilerplate_spans(text, expected):
    spans = boilerplate_spans(text)
    assert [(text[s["start"]:s["end"]], s["kind"]) for s in spans] == expected


NEWSLETTER = ("date 2022-12-22 For free real time breaking news alerts sent straight to your inbox sign up to our "
              "breaking news emails Sign up to our free breaking news emails Please enter a valid email address "
              "SIGN UP I would like to be emailed about offers. Read our privacy notice Thanks for signing up")
KCNA_TAIL = ("We have never exported weapons to Russia.\n\nwww.kcna.kp (Juche111.9.22.)\n\nMore From KCNA.kp (En)\n\n"
             "Textile Mills in DPRK Boost Production\n\nPyongyang, January 24 (KCNA) -- Officials said \"more\".")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # photo captions between paragraphs: a name alone, a title in running words and a name
        ("N.Korea has delivered arms to Wagner: W.House\n\nAFP , Thursday 22 Dec 2022\n\nThe White House said so.\n\n"
         "John Kirby\nWhite House national security spokesman John Kirby\n\nThe US will boost sanctions.\n",
         ["John Kirby\nWhite House national security spokesman John Kirby"]),
        ("Headline\nNational Security Council spokesman John Kirby\n(Susan Walsh / Associated Press)\nBody.\n",
         ["National Security Council spokesman John Kirby", "(Susan Walsh / Associated Press)"]),
        # newsletter sign-up block glued to the scraper's date line
        (NEWSLETTER + "\n\nThe White House said Thursday that Wagner took delivery.\n", [NEWSLETTER]),
        # tracker residue and advertisement markers after the scraper's date
        ("date 2022-12-23 scorecardresearch\nFriday, Dec 23, 2022\n", ["date 2022-12-23 scorecardresearch"]),
        ("date 2022-11-02 Advertisement\n  US accuses North Korea\n", ["date 2022-11-02 Advertisement"]),
        ("Body.\n\nAdvertisement\n\nMore body.\n", ["Advertisement"]),
        # a sidebar header: it and everything after it; the web-address footer before it
        (KCNA_TAIL, ["www.kcna.kp (Juche111.9.22.)", KCNA_TAIL[KCNA_TAIL.index("More From"):]]),
        # everything after a wire service's end mark (the mark itself is furniture, see below)
        (WIRE_STORY, ["-\nBTS' RM donates 100 mln won"]),
        ("Date: 22/09/2022 | Source: KCNA.kp (En) | Read original version at source\n\nBody.\n",
         ["Date: 22/09/2022 | Source: KCNA.kp (En) | Read original version at source"]),
        # negative cases: headlines, subheads, sentences about people, quotations that mention these words
        ("John Kirby\n\nBody.\n", []),  # the first line is the headline
        ("Headline\nSpokesman for DPRK Foreign Ministry Censures Japanese Media for False Report\n", []),
        ("Headline\nRussia, North Korea Boost Relations\n", []),
        ("Headline\nThe talks were led by John Kirby.\n", []),
        ("Headline\n\"I met John Kirby\n", []),
        ("Headline\nKirby said Wagner will get more from North Korea in the coming weeks.\n", []),
        ("Headline\n\"Sign up for our newsletter,\" she said, \"read the privacy notice, then check your inbox.\"\n", []),
        ("Headline\nHe said the end of the war was near (END of quote) and left.\n", []),
        ("Headline\nShe wrote to him by email at the office.\n", []),
    ],
)
def test_boilerplate_page_chrome(text, expected):
    spans = boilerplate_spans(text)
    assert [text[s["start"]:s["end"]] for s in spans if s["kind"] == "boilerplate"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (WIRE_STORY, ["By Chae Yun-hwan", "yunhwanchae@yna.co.kr", "(END)"]),
        ("Headline\nShe wrote to him by email at the office.\n", []),
        ("Headline\nHe said the end of the war was near (END of quote) and left.\n", []),
    ],
)
def test_wire_furniture_is_kept_out_of_search_but_is_not_damage(text, expected):
    spans = boilerplate_spans(text)
    assert [text[s["start"]:s["end"]] for s in spans if s["kind"] == "furniture"] == expected


@pytest.mark.parametrize("text", [
    "Headline\n\n“We will never stop.\n\n“John Kirby\n\n“More From the front,” he said.\n",
    "Headline\n\nHe said: “Advertisement is not our business, and scorecardresearch is no word.”\n",
])
def test_boilerplate_never_inside_a_quotation(text):
    from quotedrift.text import overlaps

    quoted = [(m.start(), m.end()) for m in __import__("re").finditer(r"“[^”]*”", text)]
    for span in boilerplate_spans(text):
        assert not any(overlaps((span["start"], span["end"]), q) for q in quoted), text[span["start"]:span["end"]]


def test_seed_boilerplate_covers_gold_and_spares_gold_quotations():
    from quotedrift.evaluate import load_gold

    corpus = load_corpus(SEEDS)
    gold = load_gold(texts=corpus.texts)
    chrome = gold.garbles[gold.garbles["kind"].isin(["boilerplate", "duplicated_text"])]
    spans = corpus.boilerplate
    for g in chrome.itertuples():
        mine = spans[spans["source"] == g.source]
        assert ((mine["start"] < g.end) & (mine["end"] > g.start)).any(), g.text
    for q in gold.quotes.itertuples():
        mine = spans[spans["source"] == q.source]
        assert not ((mine["start"] < q.end) & (mine["end"] > q.start)).any(), q.text


def test_seeds_load_as_five_english_articles():
    corpus = load_corpus(SEEDS)
    assert len(corpus.articles) == 5
    assert set(corpus.articles["language"]) == {"en"}
    for row in corpus.boilerplate.itertuples():
        assert corpus.texts[row.source][row.start:row.end] == row.text
