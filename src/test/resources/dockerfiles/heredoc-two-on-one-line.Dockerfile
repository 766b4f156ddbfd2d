FROM alpine:3.20
COPY <<CONF1 <<CONF2 /etc/app/
listen=8080
CONF1
log=debug
CONF2
RUN cat <<ONE >/tmp/one; cat <<TWO >/tmp/two
first
ONE
second
TWO
CMD ["cat", "/tmp/one", "/tmp/two"]
