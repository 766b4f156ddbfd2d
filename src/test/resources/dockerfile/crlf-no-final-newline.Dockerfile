FROM busybox
RUN echo one \
    two

# done
CMD ["sh"]