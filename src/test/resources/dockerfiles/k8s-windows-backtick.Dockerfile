# escape=`

ARG BASEIMAGE
ARG REGISTRY=example.test

FROM --platform=windows/amd64 ${REGISTRY}/windows-servercore-cache:1.0-linux-amd64 as prep
FROM $BASEIMAGE

COPY --from=prep /Windows/System32/netapi32.dll /Windows/System32/netapi32.dll
ENV PATH="C:\dig\;C:\Windows\system32;C:\Windows;"
RUN mkdir C:\dig && `
    curl.exe -L https://example.test/bind/9.16/BIND9.16-x64.zip -o C:\dig\bind.zip && `
    tar -xf C:\dig\bind.zip -C C:\dig && `
    del C:\dig\bind.zip
ENTRYPOINT ["C:\\dig\\dig.exe"]
