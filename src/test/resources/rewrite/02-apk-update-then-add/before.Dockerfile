FROM alpine:3.18
# tools for cloning over ssh
RUN apk update && apk add git openssh-client
