# Assay — the two quick-start commands (see README.md):
#   make example   run `assay evaluate` on the bundled example estate (fixtures/) into reports/
#                  (junit.xml, results.json, report.html, summary.md)
#   make test      run the test suite
# Both first make sure the Debian packages in scripts/apt-packages.txt are installed
# (installing them when run as root, else printing the exact apt-get command).

SWIFT ?= swift
ASSAY = .build/debug/assay

.PHONY: setup build example test

setup:
	@scripts/ensure-system-packages.sh

build: setup
	$(SWIFT) build --product assay

# The example contains violations of hard policies on purpose, so `assay` exits 1 here; that is
# the expected outcome and not a failure of this target. Exit 2 (usage or input error) fails it.
example: build
	@mkdir -p reports
	@status=0; $(ASSAY) evaluate --config fixtures/assay.yaml || status=$$?; \
	if [ $$status -eq 1 ]; then echo "assay exited 1: the example estate violates hard policies (expected). Reports are in reports/ (open reports/report.html)."; \
	elif [ $$status -ne 0 ]; then echo "assay failed with exit code $$status" >&2; exit $$status; fi

test: setup
	$(SWIFT) test
