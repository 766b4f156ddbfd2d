for tool in wget nc ps ip; do command -v "$tool" >/dev/null && echo "$tool ok" || echo "$tool missing"; done
uname -m
