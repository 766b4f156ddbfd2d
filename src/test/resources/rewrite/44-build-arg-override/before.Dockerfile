ARG BASE=alpine:3.19
FROM $BASE
RUN apk add --no-cache bash
