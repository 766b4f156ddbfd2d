ARG BASE=alpine:3.20
FROM
RUN true
