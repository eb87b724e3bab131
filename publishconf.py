"""Settings of the published site: the local settings, then production values."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

# The site's public address, the one setting to change when the site moves. The default
# is a placeholder (.example is reserved and never resolves): set SITEURL in the
# environment of the publishing build to the real address.
SITEURL = os.environ.get("SITEURL", "https://khoi-noi-chinh.example").rstrip("/")
# Absolute links in canonical/hreflang tags, sitemaps, feeds and JSON-LD use the same address.
BLOC_SITE_ORIGIN = SITEURL
RELATIVE_URLS = False

# Feeds: ours (bloc_seo), one per language and one per member organisation, with absolute
# URLs. Pelican's own feeds stay off (FEED_ALL_ATOM etc. in pelicanconf.py): they would mix
# the two languages in one feed.
FEED_DOMAIN = SITEURL
BLOC_SEO_FEEDS = True

# The Google News sitemap lists items of the two days before the build. Set
# SOURCE_DATE_EPOCH (seconds) in the publishing build to the build time; without it the
# window ends at the newest item, so the same content always gives the same file.

# GitHub Pages cannot send HTTP headers: the Content-Security-Policy also goes into a
# <meta> tag in every page (the _headers file still serves hosts that read it).
BLOC_SAFETY_META_CSP = True

# The browser editor on the published site: GitHub, each change a pull request that CI
# checks before it can be merged (docs/publishing.md). Set these in the publishing build's
# environment: the repository (owner/name), its branch, and the OAuth relay's address.
# (GitHub Actions sets GITHUB_REPOSITORY itself.)
BLOC_CMS_REPO = os.environ.get("BLOC_CMS_REPO") or os.environ.get("GITHUB_REPOSITORY", "owner/repository")
BLOC_CMS_BRANCH = os.environ.get("BLOC_CMS_BRANCH", "main")
BLOC_CMS_AUTH_URL = os.environ.get("BLOC_CMS_AUTH_URL", "")
BLOC_CMS_LOCAL_BACKEND = ""
BLOC_CMS_PUBLISH_MODE = "editorial_workflow"
