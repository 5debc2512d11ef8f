# Desktop distribution (see packaging/README.md).
#   make dist    compile the translations, then build the one-folder bundle dist/transfer-tool/
#   make clean   remove the build outputs (build/, dist/)
# PYTHON is the interpreter with the app and PyInstaller (pip install -e ".[dist]").
PYTHON ?= .venv/bin/python
SPEC := packaging/transfer-tool.spec

.PHONY: dist clean translations icons

dist: translations
	rm -rf dist/transfer-tool
	$(PYTHON) -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller $(SPEC)
	@du -sh dist/transfer-tool

translations:
	PYTHON=$(PYTHON) scripts/build-translations.sh

# The icons are committed; run this after changing resources/icons/transfer-tool.svg.
icons:
	QT_QPA_PLATFORM=offscreen $(PYTHON) packaging/make_icons.py

clean:
	rm -rf build dist
