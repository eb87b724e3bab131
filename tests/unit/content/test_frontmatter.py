"""The front matter loader: decoding, splitting, safe YAML with line numbers."""

from bloc_content.frontmatter import load, parse_yaml


def test_lines_are_recorded_for_nested_values():
    data, lines, problems = parse_yaml("a: 1\nb:\n  c: [x, y]\n  d:\n    - e: 2\n", "f.md", first_line=2)
    assert problems == []
    assert data == {"a": 1, "b": {"c": ["x", "y"], "d": [{"e": 2}]}}
    assert lines[("a",)] == 2
    assert lines[("b", "c")] == 4
    assert lines[("b", "d", 0, "e")] == 6


def test_duplicate_key_is_reported_with_both_lines():
    _, _, problems = parse_yaml("title: a\nlang: vi\ntitle: b\n", "f.md", first_line=2)
    assert [p.render() for p in problems] == [
        "f.md:4: error: title: duplicate key 'title' (first given on line 2) (keep one of the two)"
    ]


def test_yaml_tags_are_rejected():
    data, _, problems = parse_yaml("title: !!python/object:os.system x\n", "f.md")
    assert data is None
    assert "YAML tag 'tag:yaml.org,2002:python/object:os.system' is not allowed" in problems[0].message


def test_explicit_standard_tag_is_rejected_too():
    data, _, problems = parse_yaml("year: !!str 2021\n", "f.md")
    assert data is None and problems[0].line == 1


def test_anchors_and_aliases_are_rejected():
    data, _, problems = parse_yaml("a: &x [1, 2]\nb: *x\n", "f.md")
    assert data is None
    assert {p.message for p in problems} == {"YAML anchor '&x' is not allowed", "YAML alias '*x' is not allowed"}


def test_syntax_error_names_the_line():
    data, _, problems = parse_yaml("title: a\nsummary: [unclosed\nlang: vi\n", "f.md", first_line=2)
    assert data is None
    assert problems[0].line in (3, 4, 5)
    assert problems[0].message.startswith("invalid YAML:")


def test_bom_and_crlf_are_normalised_and_text_is_nfc():
    nfd_title = "Ho\u0302\u0323i nghi\u0323"  # "Hội nghị" decomposed
    raw = ("\ufeff---\r\ntitle: " + nfd_title + "\r\n---\r\nbody\r\n").encode("utf-8")
    result = load(raw, "f.md")
    assert result.diagnostics == []
    assert result.front.data["title"] == "Hội nghị"
    assert result.front.body == "body\n"


def test_latin1_is_an_error_with_its_line():
    raw = "---\ntitle: a\n---\nCô\n".encode("latin-1")
    result = load(raw, "f.md")
    assert result.front is None
    assert result.diagnostics[0].line == 4
    assert "not valid UTF-8" in result.diagnostics[0].message


def test_missing_front_matter_and_empty_file():
    assert load(b"", "f.md").diagnostics[0].message == "file is empty"
    assert load(b"title: x\n", "f.md").diagnostics[0].message.startswith("no front matter")
    assert load(b"---\ntitle: x\n", "f.md").diagnostics[0].message == "front matter is not closed"


def test_deep_nesting_is_refused():
    text = "a:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 20)) + "  " * 20 + "v: 1\n"
    data, _, problems = parse_yaml(text, "f.md")
    assert data is None
    assert "nested more than" in problems[0].message


def test_a_dropped_line_table_is_found_again_from_the_text():
    raw = ("---\ntitle: Hội nghị\nlang: vi\nevent:\n  kinds: [hoi-nghi-so-ket]\n  attendees:\n"
           "    - name: A\n      org: bca\n    - name: B\n      org: bqp\n---\n\nThân bài.\n").encode()
    front = load(raw, "x.vi.md").front
    table = dict(front.lines)
    locs = [*table, ("event", "attendees", 1, "unknown"), ("nowhere",)]
    before = [front.line_of(loc) for loc in locs]
    front.forget_lines()
    assert front.lines is None
    assert [front.line_of(loc) for loc in locs] == before
    assert front.lines == table
