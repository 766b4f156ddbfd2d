FROM alpine:3.20
  # indented comment
	RUN echo C:\\
RUN echo next
   	   
  WORKDIR /tmp
RUN echo a \
   
    b
