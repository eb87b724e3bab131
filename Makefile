# The site's commands, in Pelican's quickstart conventions. `make help` lists them
# (in Vietnamese; `make help LANG=en` in English), from the `##` lines below.
# See README.md for the rest.

PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CONF ?= pelicanconf.py
PORT ?= 8000
# The npm packages of package-lock.json (Decap CMS's bundle goes into the site's /admin/).
NPM_STAMP := node_modules/.installed

.DEFAULT_GOAL := html
.PHONY: help html publish serve devserver cms cms-bundle clean clean-venv test test-fast lint check new import import-score translated docs bench system-deps messages

# One line per command: name | Vietnamese | English.
## html        | dựng trang vào output/ (lần đầu tự cài đặt; V=1: in từng bước) | build the site into output/ (sets itself up on first run; V=1: print every step)
## serve       | dựng trang rồi mở tại http://localhost:8000 | build, then serve output/ on http://localhost:8000
## devserver   | xem trước, tự dựng lại sau mỗi thay đổi | preview, rebuilt on every change
## cms         | soạn tin trong trình duyệt tại http://localhost:8000/admin/ (Ctrl+C để dừng) | edit in the browser at http://localhost:8000/admin/ (Ctrl+C stops)
## cms-bundle  | cài các gói npm (Decap CMS cho /admin/) | install the npm packages (Decap CMS for /admin/)
## check       | kiểm tra mọi tin bài, không dựng trang | check every news item without building
## new         | tạo tin bài mới: make new TITLE="..." [DATE=YYYY-MM-DD] [KIND=...] | start a news item: make new TITLE="..." [DATE=YYYY-MM-DD] [KIND=...]
## import      | chuyển bài của trang cũ thành tin nháp: make import SRC=tệp.txt (hoặc SRC=thư-mục/) [DATE=YYYY-MM-DD] [TITLE="..."] | turn old articles into drafts: make import SRC=file.txt (or SRC=folder/) [DATE=YYYY-MM-DD] [TITLE="..."]
## import-score | đo máy nhập bài trên các bài thật đã gắn nhãn (độ chính xác, độ phủ) | measure the importer on the labelled real articles (precision, recall)
## translated  | ghi nhận bản tiếng Anh đã dịch theo bản gốc hiện tại: make translated ITEM=content/news/<năm>/<tin> | mark an English file as translated from the current original: make translated ITEM=content/news/<year>/<item>
## docs        | tạo lại bảng trường dữ liệu và bảng thông báo trong docs/ | regenerate the field reference and message tables in docs/
## publish     | dựng bản chính thức (publishconf.py) | production build (publishconf.py)
## test        | chạy mọi kiểm thử (cả trình duyệt) | run every test (browser tests too)
## test-fast   | chạy kiểm thử, trừ kiểm thử trình duyệt | run the tests but the browser ones
## lint        | kiểm tra mã nguồn (ruff) | lint the code (ruff)
## bench       | đo tốc độ dựng trang (N=100,1000) | measure build speed (N=100,1000)
## messages    | cập nhật danh mục câu chữ của giao diện | update the theme's message catalogues
## system-deps | cài Chromium và Java cho kiểm thử trình duyệt | install Chromium and Java for the browser tests
## clean       | xoá output/ và các tệp tạm | remove output/ and scratch files
## clean-venv  | xoá môi trường Python .venv/ | remove the Python environment .venv/
## help        | liệt kê các lệnh này | list these commands

$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

venv: $(STAMP)

$(NPM_STAMP): package.json package-lock.json
	@bash scripts/npm-deps.sh
	@touch $@

cms-bundle: $(NPM_STAMP)

html: $(STAMP) $(NPM_STAMP)
	@$(BIN)/bloc build --settings $(CONF) $(if $(V),--verbose)

publish: $(STAMP) $(NPM_STAMP)
	@$(BIN)/bloc build --settings publishconf.py $(if $(V),--verbose)

# Needs nothing installed: the texts are the `##` lines above. Vietnamese unless LANG says English.
help:
	@case "$(LANG)" in en*) col=3; title="The site's commands (make COMMAND):"; more="More: README.md; the bloc command: .venv/bin/bloc --help";; \
	  *) col=2; title="Các lệnh của trang (make LỆNH):"; more="Chi tiết: README.md; lệnh bloc: .venv/bin/bloc --help";; esac; \
	echo "$$title"; \
	sed -n 's/^## //p' $(firstword $(MAKEFILE_LIST)) | awk -F ' *[|] *' -v col=$$col '{ printf "  make %-12s %s\n", $$1, $$col }'; \
	echo "$$more"

serve: html
	$(BIN)/python -m http.server --bind 127.0.0.1 --directory output $(PORT)

devserver: $(STAMP) $(NPM_STAMP)
	$(BIN)/bloc devserver --port $(PORT)

# decap-server (saving to the working copy) and the dev server together; Ctrl+C stops both.
cms: $(STAMP) $(NPM_STAMP)
	$(BIN)/bloc cms --port $(PORT)

check: $(STAMP)
	$(BIN)/bloc check

# Authors' commands (docs/huong-dan.md): make new TITLE="..." DATE=YYYY-MM-DD KIND=...,
# make import SRC=file.txt [DATE=...] [TITLE="..."], make translated ITEM=content/news/<year>/<item>.
new: $(STAMP)
	$(BIN)/bloc new --title "$(TITLE)" $(if $(DATE),--date "$(DATE)") $(if $(KIND),--kind "$(KIND)")

import: $(STAMP)
	$(BIN)/bloc import "$(SRC)" $(if $(DATE),--date "$(DATE)") $(if $(TITLE),--title "$(TITLE)")

translated: $(STAMP)
	$(BIN)/bloc translated "$(ITEM)"

# The generated parts of docs/ and schema/ (field reference, message tables, JSON Schema).
docs: $(STAMP)
	$(BIN)/bloc docs
	$(BIN)/bloc schema

# Precision and recall of the importer, per kind of fact, on the labelled real articles.
import-score: $(STAMP)
	$(BIN)/python -m bloc_import.score tests/fixtures/import-corpus --registry content/data

# Browser tests need Debian's Chromium and a Java runtime (Nu HTML Checker); installs them when missing.
system-deps:
	@bash scripts/system-deps.sh

lint: $(STAMP)
	$(BIN)/ruff check plugins tests bench pelicanconf.py publishconf.py

test: $(STAMP) system-deps lint
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-fast: $(STAMP) $(NPM_STAMP)
	$(BIN)/python -m pytest -m "not browser" $(PYTEST_ARGS)

bench: $(STAMP) $(NPM_STAMP)
	@bash scripts/bench-deps.sh
	$(BIN)/python -m bench $(if $(N),--sizes $(N))
	$(BIN)/python -m bloc_import.score tests/fixtures/import-corpus --registry content/data

clean:
	rm -rf output output.* .build __pycache__ .pytest_cache test-artifacts

clean-venv:
	rm -rf $(VENV)

# Theme strings: extract from the templates, merge into both catalogues (then translate).
messages: $(STAMP)
	$(BIN)/pybabel extract -F theme/babel.cfg -o theme/messages.pot --no-location --omit-header --sort-output theme
	$(BIN)/pybabel update -i theme/messages.pot -d theme/translations -D messages --no-fuzzy-matching
