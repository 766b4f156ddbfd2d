FROM golang:1.22 AS build
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends git ca-certificates && rm -rf /var/lib/apt/lists/*
COPY . /src
RUN cd /src && go build -o /bin/app .

FROM debian:bookworm-slim
COPY --from=build /bin/app /bin/app
ENTRYPOINT ["/bin/app"]
