"""A problem in a written page is reported on the source file and line that caused it."""

from bloc_safety.locate import locate

SOURCE = ("news/2024/a/index.vi.md", "---\ntitle: A\n---\n\nĐoạn một.\n\n<a href=\"jav&#x09;a script:x\">x</a>\n")


def test_a_javascript_url_is_told_on_its_source_line():
    problem = "tin-tuc/2024/a/index.html: javascript: URL in href= on <a>"
    assert locate(problem, "tin-tuc/2024/a/index.html", SOURCE).render() == (
        "news/2024/a/index.vi.md:7: error: javascript: URL in href= on <a> in the page tin-tuc/2024/a/index.html "
        "(remove it, or write the link as an https:// address)")


def test_a_handler_is_found_by_its_name_and_a_template_problem_names_the_page():
    source = ("a.md", "x\n<p onclick = 'y'>z</p>\n")
    assert locate("p.html: inline event handler onclick= on <p>; move it", "p.html", source).line == 2
    assert locate("404.html: javascript: URL in href= on <a>", "404.html", None).render() == (
        "404.html: error: javascript: URL in href= on <a> (a template wrote it) "
        "(move the code to a script file of the theme)")
