# The Rebaser service itself.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline
COPY src src
COPY frontend-templates frontend-templates
COPY dockerfile-rewrite-rules dockerfile-rewrite-rules
RUN mvn -B -ntp -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /var/lib/rebaser --create-home rebaser
USER rebaser
WORKDIR /var/lib/rebaser
COPY --from=build /src/target/rebaser.jar /opt/rebaser/rebaser.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/rebaser/rebaser.jar"]
