# Thin aliases for ./dev, which does the work (and installs missing Debian packages first).
.PHONY: demo check bench deb fuzz install clean
demo:
	@./dev demo
check:
	@./dev check
bench:
	@./dev bench
deb:
	@./dev deb
fuzz:
	@./dev fuzz
# Through the package manager, so that `apt remove ent110` undoes it (the systemd units name the
# package's paths under /usr).
install: deb
	@apt-get install -y ./ent110_*.deb
clean:
	@rm -rf build build-asan build-release build-deb build-fuzz
