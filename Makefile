# Assay — the two quick-start commands (see README.md):
#   make example   run `assay evaluate` on the bundled example estate (fixtures/) into reports/
#                  (junit.xml, results.json, report.html, summary.md, results.sarif)
#   make test      run the test suite
# Both first make sure the Debian packages in scripts/apt-packages.txt are installed
# (installing them when run as root, else printing the exact apt-get command).
#
# Also:
#   make install PREFIX=/usr/local [DESTDIR=…]   release build; installs bin/assay, the policy
#                  library under share/assay/policies and bash/zsh/fish completions
#   make example ASSAY=/path/to/assay            run the example with that binary (no build)

SWIFT ?= swift
DEBUG_ASSAY = .build/debug/assay
ASSAY ?= $(DEBUG_ASSAY)
PREFIX ?= /usr/local
DESTDIR ?=

.PHONY: setup build release example test install

setup:
	@scripts/ensure-system-packages.sh

build: setup
	$(SWIFT) build --product assay

release: setup
	$(SWIFT) build -c release --product assay

# The example contains violations of hard policies on purpose, so `assay` exits 1 here; that is
# the expected outcome and not a failure of this target. Exit 2 (usage or input error) fails it.
# With ASSAY= naming another binary, nothing is built.
example: $(if $(filter $(DEBUG_ASSAY),$(ASSAY)),build,setup)
	@mkdir -p reports
	@status=0; $(ASSAY) evaluate --config fixtures/assay.yaml || status=$$?; \
	if [ $$status -eq 1 ]; then echo "assay exited 1: the example estate violates hard policies (expected). Reports are in reports/ (open reports/report.html)."; \
	elif [ $$status -ne 0 ]; then echo "assay failed with exit code $$status" >&2; exit $$status; fi

test: setup
	$(SWIFT) test

# The installed binary links the Swift runtime statically (it runs without a Swift toolchain); it is
# built in its own folder so the benchmarks' release build in .build is not rebuilt.
INSTALL_BUILD = .build-install
install: setup
	$(SWIFT) build -c release --product assay --static-swift-stdlib --scratch-path $(INSTALL_BUILD)
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/assay" \
	  "$(DESTDIR)$(PREFIX)/share/bash-completion/completions" "$(DESTDIR)$(PREFIX)/share/zsh/site-functions" \
	  "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d"
	install -m 755 $(INSTALL_BUILD)/release/assay "$(DESTDIR)$(PREFIX)/bin/assay"
	rm -rf "$(DESTDIR)$(PREFIX)/share/assay/policies"
	cp -R policies "$(DESTDIR)$(PREFIX)/share/assay/policies"
	$(INSTALL_BUILD)/release/assay --generate-completion-script bash > "$(DESTDIR)$(PREFIX)/share/bash-completion/completions/assay"
	$(INSTALL_BUILD)/release/assay --generate-completion-script zsh > "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_assay"
	$(INSTALL_BUILD)/release/assay --generate-completion-script fish > "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/assay.fish"
	@echo "installed $(DESTDIR)$(PREFIX)/bin/assay (policy library: $(PREFIX)/share/assay/policies)"
