FROM alpine:3.19
COPY serve.sh /serve.sh
RUN ip addr > /dev/null 2>&1 || true
HEALTHCHECK --interval=10s CMD wget -q -O /dev/null http://127.0.0.1:8080/healthz || exit 1
CMD ["sh", "-c", "/serve.sh & while ! nc -z 127.0.0.1 8080; do sleep 1; done; ps; wait"]
