SRCS = loadgen stress/stress
ARCH ?= amd64
TARGET ?= $(CURDIR)
GOLANG_VERSION ?= 1.20.4
LD_FLAGS = -X main.build=$(BUILD)
BUILD := 7
export

bin:
	../image-util.sh bin ${SRCS}

.PHONY: bin
