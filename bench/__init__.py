"""Benchmarks of the site build (`make bench`): a synthetic corpus, the builds compared, the results."""
