"""File extensions read as news items: every one Pelican's own Markdown reader takes,
so that none bypasses our checks."""

MARKDOWN_EXTENSIONS = ("md", "markdown", "mkd", "mdown")
