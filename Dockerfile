# Multi-stage build: the SDK image builds, the ASP.NET runtime image runs as the non-root user "app".
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props ./
COPY src/Marketplace.Web/Marketplace.Web.csproj src/Marketplace.Web/
RUN dotnet restore src/Marketplace.Web/Marketplace.Web.csproj
COPY src/ src/
RUN dotnet publish src/Marketplace.Web/Marketplace.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# Static files and Markdown pages live at the repository root, next to the app in the image.
COPY wwwroot/ wwwroot/
COPY content/ content/
RUN mkdir -p /app/data && chown app:app /app/data
USER app
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080 \
    Database__DataFolder=/app/data
# SQLite database, job store and (if configured) the mail pickup folder. Not used with PostgreSQL.
VOLUME ["/app/data"]
EXPOSE 8080
ENTRYPOINT ["dotnet", "Marketplace.Web.dll"]
