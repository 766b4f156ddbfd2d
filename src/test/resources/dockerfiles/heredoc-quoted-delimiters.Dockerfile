FROM alpine:3.20
ENV GREETING=hello
COPY <<'EOF' /etc/motd
$GREETING is not expanded here
EOF
RUN <<"SCRIPT"
echo "$GREETING"
SCRIPT
