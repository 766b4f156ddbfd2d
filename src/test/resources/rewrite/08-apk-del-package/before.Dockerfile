FROM alpine:3.19
RUN apk add --no-cache curl \
 && curl -fsSLo /usr/local/bin/wait-for https://raw.githubusercontent.com/eficode/wait-for/v2.2.4/wait-for \
 && chmod +x /usr/local/bin/wait-for \
 && apk del curl
