# The portal's container image (docs/deployment.md). It cannot be built on the development machine (no
# Docker there); it follows Microsoft's standard two-stage layout for ASP.NET Core.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The image's architecture (amd64, arm64): the publish is for that runtime, compiled ahead (ReadyToRun, see
# OgpPortal.Web.csproj) for a faster start. Set by BuildKit; amd64 when the legacy builder leaves it empty.
ARG TARGETARCH
WORKDIR /source
COPY Directory.Build.props Directory.Packages.props OgpPortal.sln .editorconfig ./
COPY src/OgpPortal.Domain/OgpPortal.Domain.csproj src/OgpPortal.Domain/
COPY src/OgpPortal.Infrastructure/OgpPortal.Infrastructure.csproj src/OgpPortal.Infrastructure/
COPY src/OgpPortal.Web/OgpPortal.Web.csproj src/OgpPortal.Web/
RUN dotnet restore src/OgpPortal.Web/OgpPortal.Web.csproj -a "${TARGETARCH:-amd64}"
COPY src/ src/
# The front-end libraries are in wwwroot/lib already (copied from npm and committed), so no Node here.
RUN dotnet publish src/OgpPortal.Web/OgpPortal.Web.csproj -c Release -a "${TARGETARCH:-amd64}" --self-contained false -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
# Writable places for the image's non-root user: /data for the embedded SQLite database and the mail
# pickup folder (mount a volume there; with SQL Server only the mail folder is used), /app/logs for the
# log file (the console log is the one a container platform collects).
RUN mkdir -p /data /app/logs && chown "$APP_UID" /data /app/logs
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080 \
    ConnectionStrings__Portal="Data Source=/data/ogp-portal.db" \
    Email__PickupDirectory=/data/mail \
    Serilog__WriteTo__1__Args__path=/app/logs/ogp-portal-.log
VOLUME /data
USER $APP_UID
# Plain HTTP behind the TLS-terminating proxy. Health: GET /health (the load balancer's probe; the image
# has no curl, so no HEALTHCHECK instruction).
EXPOSE 8080
ENTRYPOINT ["dotnet", "OgpPortal.Web.dll"]
