FROM alpine:3.20
RUN ["/bin/sh", "-c", "echo exec form"]
COPY ["config file.yaml", "/etc/app/"]
ADD ["https://example.test/dist/app.tar.gz", "/opt/"]
VOLUME ["/data", "/logs"]
SHELL ["/bin/ash", "-eo", "pipefail", "-c"]
ENTRYPOINT ["/sbin/tini", "--"]
CMD [ "server", "--port=8080", "--name=\"probe\"" ]
