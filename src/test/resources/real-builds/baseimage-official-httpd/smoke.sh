apache2ctl -v | head -n 1 | cut -c1-23
apache2ctl start 2>/dev/null
bash -c 'exec 3<>/dev/tcp/127.0.0.1/80 && printf "GET / HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && head -n 1 <&3 | tr -d "\r"'
