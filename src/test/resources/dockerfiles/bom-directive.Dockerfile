# syntax=docker/dockerfile:1
FROM alpine:3.20
# greet
RUN echo bom
