FROM alpine:3.19
RUN sh -c 'apk add --no-cache jq && jq --version'
RUN ["/bin/sh", "-c", "apk add --no-cache lsof"]
