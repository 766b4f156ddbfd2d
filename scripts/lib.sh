# Shared by the scripts in this folder: installing Debian packages when they are missing.

as_root() {
	if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=
# apt_install PKG... : installs the Debian packages that are not installed yet.
apt_install() {
	local missing=()
	for pkg in "$@"; do
		dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	if [ -z "$apt_updated" ]; then
		as_root apt-get update -qq
		apt_updated=1
	fi
	echo "installing: ${missing[*]}"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The JDK and Maven that build Rebaser.
install_build_tools() {
	command -v javac >/dev/null && command -v mvn >/dev/null && return 0
	apt_install openjdk-17-jdk-headless maven
}

# Headless Debian Chromium and its driver, for the browser tests (*BrowserIT).
install_browser() {
	[ -x /usr/bin/chromedriver ] && return 0
	apt_install chromium chromium-driver fonts-liberation
}
