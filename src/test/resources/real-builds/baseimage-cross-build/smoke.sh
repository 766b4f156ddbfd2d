dig -v 2>&1 | cut -c1-6
uname -m
