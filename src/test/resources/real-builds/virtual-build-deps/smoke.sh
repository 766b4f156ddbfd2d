/usr/local/bin/greet
if command -v make >/dev/null; then echo "make still installed"; else echo "make removed"; fi
uname -m
