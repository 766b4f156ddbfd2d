FROM alpine:3.20
RUN mkdir -p /root/.ssh
RUN 3<<KEYS cat /proc/self/fd/3 > /root/.ssh/authorized_keys
ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleKeyOnly builder@example.test
KEYS
RUN sh 0<<'EOF'
chmod 0600 /root/.ssh/authorized_keys
EOF
