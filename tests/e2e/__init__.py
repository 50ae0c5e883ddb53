"""End-to-end tests: a real browser (Debian's chromium, driven by Playwright) against
``gongkai serve`` over an index of the sample corpus."""
