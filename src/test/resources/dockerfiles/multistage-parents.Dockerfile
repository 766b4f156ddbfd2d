FROM golang:1.22-alpine AS base
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download

FROM base AS build
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app ./cmd/app

FROM build AS test
RUN go test ./...

FROM alpine:3.20
COPY --from=build /out/app /usr/local/bin/app
ENTRYPOINT ["/usr/local/bin/app"]
