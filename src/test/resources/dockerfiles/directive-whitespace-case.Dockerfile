#   SYNTAX =  docker/dockerfile:1.6   
#Escape=`
FROM alpine:3.20
RUN apk add --no-cache curl `
    jq
