FROM BASEIMAGE

CROSS_BUILD_COPY qemu-QEMUARCH-static /usr/bin/

RUN dnf install -y targetcli iscsi-initiator-utils && dnf clean all
ADD run_iscsi_target.sh /usr/local/bin/
ADD block.tar.gz /
ADD initiatorname.iscsi /etc/iscsi/

EXPOSE 3260

ENTRYPOINT ["/usr/local/bin/run_iscsi_target.sh"]
