FROM alpine:3.19
RUN apk update && apk add iproute2 && apk cache clean
RUN apk add --update iptables && rm -rf /var/cache/apk/* /tmp/*
