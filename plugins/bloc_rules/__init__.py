"""Every rule the build applies to the content, in one pure function (`check_site`), so that
`bloc check` and `bloc build` cannot disagree. Not a Pelican plugin: the build's glue in
bloc_content and the `bloc check` command both call it."""
