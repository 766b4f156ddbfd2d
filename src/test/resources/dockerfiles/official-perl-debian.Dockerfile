FROM buildpack-deps:bookworm
LABEL maintainer="Perl Image Maintainers <perl@example.test>"

COPY *.patch /usr/src/perl/
WORKDIR /usr/src/perl

RUN true \
    && curl -fL https://www.example.test/CPAN/src/5.0/perl-5.40.0.tar.xz -o perl-5.40.0.tar.xz \
    && echo 'd5325300ad267624cb0b7d512cfdfcd74fa7fe00c455c5b51a6bd53e5e199ef9 *perl-5.40.0.tar.xz' | sha256sum --strict --check - \
    && tar --strip-components=1 -xaf perl-5.40.0.tar.xz -C /usr/src/perl \
    && rm perl-5.40.0.tar.xz \
    && cat *.patch | patch -p1 \
    && gnuArch="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)" \
    && ./Configure -Darchname="$gnuArch" -Duse64bitall -Duseshrplib -Dvendorprefix=/usr/local -des \
    && make -j$(nproc) \
    && TEST_JOBS=$(nproc) make test_harness \
    && make install \
    && cd /usr/src \
    && rm -fr /usr/src/perl /tmp/*

WORKDIR /usr/src/app

CMD ["perl5.40.0", "-de0"]
