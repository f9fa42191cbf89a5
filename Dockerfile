# One image for every Rantau service; docker-compose.yml chooses the role with `npm run service -- <role>`.
FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --omit=dev
COPY . .
ENV HOST=0.0.0.0
CMD ["npm", "run", "service", "--", "gateway"]
