# syntax=docker/dockerfile:1.7
# escape=\
# check=skip=JSONArgsRecommended;error=true
FROM alpine:3.20
RUN echo ready
CMD echo done
