FROM BASEIMAGE

CROSS_BUILD_COPY qemu-QEMUARCH-static /usr/bin/

RUN clean-install nfs-kernel-server
ADD run_nfs.sh /usr/local/bin/
EXPOSE 2049/tcp 20048/tcp
ENTRYPOINT ["/usr/local/bin/run_nfs.sh", "/exports"]
