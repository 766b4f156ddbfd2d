# Lists the folders.
SRCS = $(shell ls -d */)
bin:
	../image-util.sh bin $(SRCS)
