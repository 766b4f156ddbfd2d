FROM alpine:3.20
# <script>alert(1)</script> stays a comment
RUN apk add --no-cache curl bind-tools
CMD ["curl", "--version"]
