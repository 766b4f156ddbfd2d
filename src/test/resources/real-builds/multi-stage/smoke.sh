cat /result
test -s /etc/ssl/certs/ca-certificates.crt && echo "certificates present"
uname -m
