FROM BASEIMAGE

CROSS_BUILD_COPY qemu-QEMUARCH-static /usr/bin/

# ceph from the distro, plus the helpers the bootstrap script calls
RUN yum -y install epel-release && \
    yum -y install ceph ceph-common which hostname && \
    yum clean all

ADD mon.sh osd.sh bootstrap.sh /
ADD ceph.conf.sh keyring /etc/ceph/
RUN chmod +x /mon.sh /osd.sh /bootstrap.sh

EXPOSE 6789/tcp

ENTRYPOINT ["/bootstrap.sh"]
