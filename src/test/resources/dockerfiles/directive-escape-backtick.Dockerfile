# escape=`
FROM mcr.example.test/windows/servercore:ltsc2022
SHELL ["powershell", "-Command"]
RUN New-Item -ItemType Directory C:\app ; `
    Set-Location C:\app
COPY app\ C:\app\
WORKDIR C:\app
CMD ["C:\\app\\server.exe"]
