FROM alpine:3.20
RUN apk add --no-cache \
      bash \
      curl

# shell for the probes
CMD ["bash"]
