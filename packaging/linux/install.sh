#!/usr/bin/env bash
# Install the transfer tool bundle (the folder this script is in) with its menu entry and icons.
#   ./install.sh               for the current user: ~/.local/opt/transfer-tool, ~/.local/bin, ~/.local/share
#   sudo ./install.sh --system for everyone: /opt/transfer-tool, /usr/local/bin, /usr/local/share
#   ./install.sh --uninstall   (add --system for a system-wide install) removes what it installed;
#                              the user's database in ~/.local/share/transfer-tool is never touched
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
system=0 uninstall=0
for arg in "$@"; do
  case $arg in
    --system) system=1 ;;
    --uninstall) uninstall=1 ;;
    *) echo "usage: $0 [--system] [--uninstall]" >&2; exit 2 ;;
  esac
done
if [ $system = 1 ]; then
  appdir=/opt/transfer-tool bindir=/usr/local/bin datadir=/usr/local/share
else
  appdir=$HOME/.local/opt/transfer-tool bindir=$HOME/.local/bin datadir=${XDG_DATA_HOME:-$HOME/.local/share}
fi
sizes=(16 32 48 64 128 256 512)

refresh() {  # menus and icon caches pick the change up (best effort: not every desktop has these tools)
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$datadir/applications" || true
  command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$datadir/icons/hicolor" || true
}

if [ $uninstall = 1 ]; then
  rm -f "$bindir/transfer-tool" "$bindir/transfer-tool-gui" "$datadir/applications/transfer-tool.desktop"
  for s in "${sizes[@]}"; do rm -f "$datadir/icons/hicolor/${s}x${s}/apps/transfer-tool.png"; done
  rm -f "$datadir/icons/hicolor/scalable/apps/transfer-tool.svg"
  rm -rf "$appdir"
  refresh
  echo "removed the transfer tool from $appdir (your database and settings are kept)"
  exit 0
fi

[ -x "$here/transfer-tool-gui" ] || { echo "$here is not a transfer-tool bundle (make dist builds one)" >&2; exit 1; }
if [ "$here" != "$appdir" ]; then
  rm -rf "$appdir.new"
  mkdir -p "$(dirname "$appdir")"
  cp -a "$here" "$appdir.new"
  rm -rf "$appdir"
  mv "$appdir.new" "$appdir"
fi
mkdir -p "$bindir" "$datadir/applications"
ln -sf "$appdir/transfer-tool" "$bindir/transfer-tool"
ln -sf "$appdir/transfer-tool-gui" "$bindir/transfer-tool-gui"
for s in "${sizes[@]}"; do
  install -D -m 644 "$appdir/share/icons/transfer-tool-$s.png" "$datadir/icons/hicolor/${s}x${s}/apps/transfer-tool.png"
done
install -D -m 644 "$appdir/share/icons/transfer-tool.svg" "$datadir/icons/hicolor/scalable/apps/transfer-tool.svg"
# The menu entry names the installed program by its full path (~/.local/bin may not be on PATH).
sed -e "s|^Exec=.*|Exec=$appdir/transfer-tool-gui|" -e "s|^TryExec=.*|TryExec=$appdir/transfer-tool-gui|" \
  "$appdir/share/transfer-tool.desktop" >"$datadir/applications/transfer-tool.desktop"
chmod 644 "$datadir/applications/transfer-tool.desktop"
refresh
echo "installed in $appdir; commands in $bindir; menu entry: Office > Transfer Tool"
