from bloc_indexes.generator import unknown_settings


def test_a_misspelt_setting_is_reported_with_a_suggestion():
    problems = unknown_settings({"BLOC_INDEX_PAGESIZE": 2, "BLOC_INDEX_PAGE_SIZE": 2, "DEFAULT_PAGINATION": 10})
    assert [d.render() for d in problems] == [
        "pelicanconf.py: error: BLOC_INDEX_PAGESIZE: unknown setting of bloc_indexes "
        "(did you mean 'BLOC_INDEX_PAGE_SIZE'?)"]
