"""The `bloc` command: build, check, new, import, schema, devserver."""
