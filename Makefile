# Desktop distribution (see packaging/README.md).
#   make dist    compile the translations, then build the one-folder bundle $(DISTDIR)/transfer-tool/
#   make clean   remove the build outputs (build/, dist/)
# PYTHON is the interpreter with the app and PyInstaller (pip install -e ".[dist]").
PYTHON ?= .venv/bin/python
DISTDIR ?= dist
BUILDDIR ?= build
SPEC := packaging/transfer-tool.spec
BUNDLE := $(DISTDIR)/transfer-tool

.PHONY: dist clean translations icons

dist: translations
	rm -rf $(BUNDLE)
	$(PYTHON) -m PyInstaller --noconfirm --log-level WARN --distpath $(DISTDIR) --workpath $(BUILDDIR)/pyinstaller $(SPEC)
ifeq ($(shell uname -s),Linux)
	# Menu entry, icons and installer beside the executables (packaging/linux/install.sh puts them in place).
	mkdir -p $(BUNDLE)/share/icons
	cp packaging/linux/transfer-tool.desktop $(BUNDLE)/share/
	cp resources/icons/transfer-tool-*.png resources/icons/transfer-tool.svg $(BUNDLE)/share/icons/
	cp packaging/linux/install.sh $(BUNDLE)/
endif
	@du -sh $(BUNDLE)

translations:
	PYTHON=$(PYTHON) scripts/build-translations.sh

# The icons are committed; run this after changing resources/icons/transfer-tool.svg.
icons:
	QT_QPA_PLATFORM=offscreen $(PYTHON) packaging/make_icons.py

clean:
	rm -rf $(BUILDDIR) $(DISTDIR)
