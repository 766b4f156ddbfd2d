FROM alpine:3.19
RUN apk update && apk upgrade --available
RUN apk upgrade
