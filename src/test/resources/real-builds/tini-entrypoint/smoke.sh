echo "pid1=$(cat /proc/1/comm)"
uname -m
