#!/usr/bin/env bash
# Installs the Debian packages Minbar's build and tests need, when they are missing.
# Sourced by scripts/run and scripts/test; safe to run again.
set -euo pipefail

minbar_missing_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  echo "${missing[@]:-}"
}

minbar_install_packages() {
  local missing
  missing=$(minbar_missing_packages "$@")
  [ -z "$missing" ] && return 0
  echo "installing Debian packages: $missing" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
}

# SQLite (GRDB) and zlib (gzip of cached pages) headers for the build.
# cmark-gfm (Markdown bodies) and libxml2 (HTML sanitizing) for the editor.
# libvips's command-line tools (with HEIC/AVIF through libheif) make the photos' copies;
# libwebp's webpmux strips the metadata libvips 8.14 leaves in WebP files.
MINBAR_BUILD_PACKAGES=(pkg-config libsqlite3-dev zlib1g-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev libvips-tools webp)
# exiftool checks that no served copy keeps a photo's EXIF, GPS or XMP.
MINBAR_TEST_PACKAGES=(libimage-exiftool-perl)
