"""Checks on a body before Markdown reads it: limits, images, what the allowlist removes,
text that only looks like HTML, and the words of titles and alt texts."""

from __future__ import annotations

from bloc_content.body_images import body_images
from bloc_content.body_limits import BodyLimits, check_body_limits, nesting
from bloc_content.diagnostics import Diagnostic, visible
from bloc_content.removals import escape_stray_angles, removals
from bloc_content.text_checks import check_legacy_encoding, has_words, is_file_name
from bloc_safety.sanitize import markdown_config, sanitize_html
from markdown import Markdown


def rendered(problems: list[Diagnostic]) -> list[str]:
    return [p.render() for p in problems]


def test_a_bracket_run_fails_before_markdown_at_its_line():
    body = "Mở đầu.\n\n" + "[" * 25_000
    assert rendered(check_body_limits(body, 10, "a.md", BodyLimits())) == [
        "a.md:12: error: more than 500 '[' in one paragraph; Markdown would take minutes to read it "
        "(remove the stray '[', or raise BLOC_MARKDOWN_MAX_BRACKETS)"]
    # brackets spread over separate paragraphs are fine; the limit is a setting
    assert check_body_limits("[a]\n\n" * 600, 1, "a.md", BodyLimits()) == []
    assert check_body_limits("[a] [b]", 1, "a.md", BodyLimits(max_brackets=1)) != []


def test_unclosed_comment_openers_fail_before_markdown():
    [problem] = check_body_limits("a\n" + "<!--" * 20_000, 3, "a.md", BodyLimits())
    assert problem.render() == ("a.md:4: error: more than 50 '<!--' in one paragraph; Markdown would take minutes "
                                "to read it (remove the stray '<!--', or raise BLOC_MARKDOWN_MAX_COMMENTS)")


def test_deep_nesting_fails_at_the_first_line_too_deep():
    body = "\n".join("    " * level + "- mục" for level in range(990))
    [problem] = check_body_limits(body, 5, "a.md", BodyLimits())
    assert problem.render() == ("a.md:25: error: lists or quotes nested 21 levels deep; the limit is 20 "
                                "(flatten the list, or raise BLOC_MARKDOWN_MAX_NESTING)")
    assert nesting("> > - 1. x") == 4
    assert nesting("\t\t- x") == 3
    assert nesting("Hà Nội - 2024") == 0


def test_body_images_are_refused_and_remote_ones_named():
    body = "![a](../../../../etc/passwd)\n\n![](https://t.example/p.gif)\n\n`![x](code.jpg)`\n\n<img src=images/gps.jpg>"
    assert rendered(body_images(body, 8, "a.md")) == [
        "a.md:8: error: an image in the body ('../../../../etc/passwd') is not published "
        "(put the photo in the item's folder and declare it under photos: with its alt text)",
        "a.md:10: error: the image 'https://t.example/p.gif' would be loaded from another site by every reader "
        "(put the photo in the item's folder and declare it under photos: with its alt text)",
        "a.md:14: error: an image in the body ('images/gps.jpg') is not published "
        "(put the photo in the item's folder and declare it under photos: with its alt text)"]


def html(body: str) -> str:
    return sanitize_html(Markdown(**markdown_config()).convert(escape_stray_angles(body)))


def test_text_that_looks_like_html_reads_as_written():
    assert html("a<b và c>d, rồi tiếp") == "<p>a&lt;b và c&gt;d, rồi tiếp</p>"
    assert html("Căn cứ <Nghị định số 91/2017/NĐ-CP> và") == "<p>Căn cứ &lt;Nghị định số 91/2017/NĐ-CP&gt; và</p>"
    assert html("`<b và c>` và <https://a.example/>") == (
        '<p><code>&lt;b và c&gt;</code> và <a href="https://a.example/" rel="noopener noreferrer">https://a.example/</a></p>')
    assert html("<strong>đậm</strong>") == "<p><strong>đậm</strong></p>"
    assert removals("a<b và c>d\n\n<strong>đậm</strong>", 1, "a.md") == []


def test_each_removal_is_a_warning_with_its_line():
    body = ('Đoạn <span class="x">một</span>\n\n<p style="color:red" onclick="x()">hai</p>\n\n'
            '[x](javascript:alert(1))\n\n[y](java\tscript:1)\n\n<iframe src="https://evil.example/"></iframe>\n\n'
            "<script>alert(1)</script>")
    assert [(p.line, p.severity, p.message) for p in removals(body, 20, "a.md")] == [
        (20, "warning", "the HTML tag <span> is removed (its text is kept)"),
        (22, "warning", "the attribute 'style' of <p> is removed"),
        (22, "warning", "the attribute 'onclick' of <p> is removed"),
        (24, "warning", "the link 'javascript:alert(1' is removed: only http, https, mailto and tel links are kept"),
        (28, "warning", "the <iframe> is removed: only YouTube's privacy-enhanced player can be embedded"),
        (30, "warning", "the HTML element <script> is removed with its content")]
    assert removals("<!-- <script>ghi chú</script> -->", 1, "a.md") == []
    # the tab is expanded by Markdown: 'java    script:1' is a harmless relative link, kept
    assert 'href="java    script:1"' in html("[y](java\tscript:1)")


def test_words_of_titles_and_alt_texts():
    assert not has_words("!!! … ???") and has_words("Bão số 3")
    assert is_file_name("IMG_1234.JPG") and is_file_name("DSC01234") and is_file_name("anh 1.jpeg")
    assert not is_file_name("Lễ ký giao ước thi đua năm 2021")
    [warning] = check_legacy_encoding("---\ntitle: x\n---\nHéi nghÞ tæng kÕt n¨m 2021", "a.md")
    assert (warning.line, warning.severity) == (4, "warning")
    assert check_legacy_encoding("Hội nghị « tổng kết » 25°C © 2021", "a.md") == []


def test_messages_show_invisible_characters_as_escapes():
    diagnostic = Diagnostic("news/2024/a\x1b[2J\rb/index.vi.md", 3, "title", "x\u202ey\ufeff")
    assert diagnostic.render() == "news/2024/a\\x1b[2J\\rb/index.vi.md:3: error: title: x\\u202ey\\ufeff"
    assert visible("Đà Nẵng") == "Đà Nẵng"
