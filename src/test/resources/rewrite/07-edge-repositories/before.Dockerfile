FROM alpine:3.19
RUN apk add --no-cache --repository http://dl-cdn.alpinelinux.org/alpine/edge/community \
      -X http://dl-cdn.alpinelinux.org/alpine/edge/main --allow-untrusted \
      iperf3 socat@edge
