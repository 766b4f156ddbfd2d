FROM node:20-alpine
WORKDIR /app
ONBUILD COPY package.json package-lock.json ./
ONBUILD RUN npm ci --omit=dev && npm cache clean --force
onbuild COPY --chown=node:node . .
CMD ["node", "server.js"]
