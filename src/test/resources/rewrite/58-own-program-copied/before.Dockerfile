FROM alpine:3.20

COPY tools/ps /usr/local/bin/ps
COPY tools/nc tools/probe /usr/local/bin/
RUN ps --self-test && nc --self-test
CMD ["httpd", "-f", "-p", "8080"]
