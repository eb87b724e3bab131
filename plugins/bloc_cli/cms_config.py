"""`bloc cms-config`: write the Decap CMS configuration generated from the content model,
the registries and the settings (the build writes the same file into output/admin/)."""

from __future__ import annotations

import sys
from pathlib import Path

from .i18n import _

CONFIG_FILE = "cms-config.yml"


def generate(root: Path, settings_file: str) -> str:
    from bloc_cms.config import cms_config, render
    from bloc_cms.glue import cms_settings
    from bloc_content.languages import languages_of
    from bloc_content.registries import data_folder, load_registry
    from pelican.settings import read_settings

    settings = read_settings(str(root / settings_file))
    data_dir = data_folder(settings)
    registry, problems = load_registry(data_dir, root, languages_of(settings))
    if problems:
        raise ValueError("\n".join(str(p) for p in problems))
    return render(cms_config(cms_settings(settings), registry))


def run(args) -> int:
    root = Path(args.root)
    try:
        text = generate(root, args.settings)
    except ValueError as problems:
        print(problems, file=sys.stderr)
        return 1
    out = Path(args.out)
    out = out if out.is_absolute() else root / out
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(_("CMS configuration written: {path}", path=out.as_posix()), file=sys.stderr)
    return 0
