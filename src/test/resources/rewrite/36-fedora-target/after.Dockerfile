FROM fedora:40
RUN dnf install -y tini && dnf clean all
RUN dnf install -y gcc gcc-c++ make binutils patch git \
 && groupadd --system svc && useradd --system --gid svc --create-home --shell /bin/false svc \
 && dnf mark remove gcc gcc-c++ make binutils patch git && dnf autoremove -y \
 && dnf clean all
ENTRYPOINT ["/usr/bin/tini", "--"]
