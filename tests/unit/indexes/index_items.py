"""Front matter text for unit tests of the indexes."""


def front(key: str, published: str = "2021-03-01T09:00:00+07:00", facts: str = "", lang: str = "vi") -> str:
    return (f"---\ntitle: Tin {key}\nlang: {lang}\ntranslation_key: {key}\npublished: {published}\n"
            f"summary: Tin {key}.\nbyline: Ban biên tập\n{facts}---\n\nNội dung.\n")
