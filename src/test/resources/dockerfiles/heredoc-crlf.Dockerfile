FROM alpine:3.20
COPY <<EOF /etc/motd
welcome
EOF
CMD ["cat", "/etc/motd"]
