from alpine:3.20 as builder
Run apk add --no-cache build-base
copy . /src
workDir /src
FROM builder
cmd ["make"]
