# Thin aliases for ./dev, which does the work (and installs missing Debian packages first).
.PHONY: demo check bench fuzz install clean
demo:
	@./dev demo
check:
	@./dev check
bench:
	@./dev bench
fuzz:
	@./dev fuzz
install: check
	@cmake --install build
clean:
	@rm -rf build build-asan build-release build-fuzz
