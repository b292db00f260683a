# shellcheck shell=bash
# Helpers shared by the bench/ scripts (sourced, not run).

# quote WORD…: the words as one command line for hyperfine -N (which splits like a shell).
quote() {
  local word line=""
  for word in "$@"; do
    line+="'${word//\'/\'\\\'\'}' "
  done
  echo "${line% }"
}

# require_tools SCRIPT PACKAGES TOOL…: exits 2 naming the Debian packages to install when a tool
# is missing.
require_tools() {
  local script=$1 packages=$2 tool
  shift 2
  for tool in "$@"; do
    if ! command -v "$tool" >/dev/null; then
      echo "$script: error: $tool is missing; install it (apt-get install $packages)" >&2
      exit 2
    fi
  done
}
