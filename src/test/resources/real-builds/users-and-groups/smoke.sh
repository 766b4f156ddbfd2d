id -u; id -g; id -Gn | tr ' ' '\n' | sort | tr '\n' ' '; echo
echo "home=$HOME shell=$(getent passwd probe | cut -d: -f7)"
test -d /home/probe && echo "home exists"
uname -m
