"""Which saves the dev server's quick preview takes: those that touch item folders only."""

from __future__ import annotations

from pathlib import Path

from bloc_cli.quick_preview import MAX_FOLDERS, item_folders

CONTENT = Path("/site/content")
ROOTS = [CONTENT / "news"]
DATA = CONTENT / "data"
ITEM = CONTENT / "news" / "2021" / "so-ket"


def folders(*changes: tuple[str, Path]):
    return item_folders([(change, str(path)) for change, path in changes], ROOTS, DATA)


def test_a_saved_item_file_names_its_folder():
    assert folders(("modified", ITEM / "index.vi.md")) == [ITEM]


def test_both_files_and_a_photo_of_one_item_are_one_folder():
    assert folders(("modified", ITEM / "index.vi.md"), ("modified", ITEM / "index.en.md"),
                   ("added", ITEM / "hoi-nghi.jpg")) == [ITEM]


def test_a_new_item_is_taken():
    new = CONTENT / "news" / "2026" / "tin-moi"
    assert folders(("added", new / "index.vi.md"), ("added", new / "index.en.md")) == [new]


def test_two_items_saved_together_are_both_taken_in_order():
    other = CONTENT / "news" / "2019" / "tong-ket"
    assert folders(("modified", ITEM / "index.vi.md"), ("modified", other / "index.vi.md")) == [other, ITEM]


def test_watchfiles_change_values_are_understood():
    from watchfiles import Change

    assert item_folders([(Change.modified, str(ITEM / "index.vi.md"))], ROOTS, DATA) == [ITEM]
    assert item_folders([(Change.deleted, str(ITEM / "index.vi.md"))], ROOTS, DATA) is None


def test_a_deleted_item_file_needs_the_full_build():
    assert folders(("deleted", ITEM / "index.en.md")) is None


def test_a_deleted_photo_is_the_item_s_own_business():
    assert folders(("deleted", ITEM / "cu.jpg"), ("modified", ITEM / "index.vi.md")) == [ITEM]


def test_a_registry_the_theme_or_the_settings_need_the_full_build():
    assert folders(("modified", DATA / "awards.yaml")) is None
    assert folders(("modified", Path("/site/theme/templates/article.html"))) is None
    assert folders(("modified", Path("/site/pelicanconf.py"))) is None
    assert folders(("modified", ITEM / "index.vi.md"), ("modified", DATA / "bloc.yaml")) is None


def test_registries_inside_an_article_root_still_need_the_full_build():
    assert item_folders([("modified", str(DATA / "awards.yaml"))], [CONTENT], DATA) is None


def test_a_file_directly_in_an_article_root_is_not_an_item_folder():
    assert folders(("modified", CONTENT / "news" / "ghi-chu.md")) is None


def test_many_items_at_once_need_the_full_build():
    many = [("modified", CONTENT / "news" / "2020" / f"tin-{i}" / "index.vi.md") for i in range(MAX_FOLDERS + 1)]
    assert folders(*many) is None
    assert len(folders(*many[:MAX_FOLDERS])) == MAX_FOLDERS


def test_no_change_is_no_quick_preview():
    assert folders() is None


def test_receivers_of_skipped_plugins_are_muted_for_one_build_then_back_in_order():
    """Pelican's signals outlive a build: the quick build mutes the receivers of the plugins it
    skips, and every receiver is back afterwards in the order of work."""
    from bloc_cli.quick_preview import receivers_muted
    from pelican import signals

    def receiver(module: str):
        def on_finalized(pelican) -> None:
            pass
        on_finalized.__module__ = module
        return on_finalized

    first, skipped, last = receiver("bloc_content.glue"), receiver("bloc_search.glue"), receiver("bloc_seo.glue")
    signals.finalized.connect(first, weak=False)
    signals.finalized.connect(skipped)
    signals.finalized.connect(last, weak=False)
    nobody = object()
    try:
        before = list(signals.finalized.receivers_for(nobody))
        with receivers_muted(("bloc_search",)):
            during = list(signals.finalized.receivers_for(nobody))
            assert skipped not in during and first in during and last in during
        assert list(signals.finalized.receivers_for(nobody)) == before
        assert before.index(first) < before.index(skipped) < before.index(last)
    finally:
        for connected in (first, skipped, last):
            signals.finalized.disconnect(connected)
