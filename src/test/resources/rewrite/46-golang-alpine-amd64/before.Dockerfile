FROM golang:1.22-alpine3.19 AS build
RUN apk add --no-cache git
COPY . /src
RUN cd /src && go build -o /bin/app .

FROM alpine:3.19
COPY --from=build /bin/app /bin/app
ENTRYPOINT ["/bin/app"]
