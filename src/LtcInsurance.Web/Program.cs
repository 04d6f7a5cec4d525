using LtcInsurance.Infrastructure;
using LtcInsurance.Web.Api;
using LtcInsurance.Web.Attachments;
using LtcInsurance.Web.Auditing;
using LtcInsurance.Web.Assessment;
using LtcInsurance.Web.Components;
using LtcInsurance.Web.Diagnostics;
using LtcInsurance.Web.Exports;
using LtcInsurance.Web.Hosting;
using LtcInsurance.Web.Ledger;
using LtcInsurance.Web.Localization;
using LtcInsurance.Web.Providers;
using LtcInsurance.Web.Register;
using LtcInsurance.Web.Reports;
using LtcInsurance.Web.Settlements;
using LtcInsurance.Web.Security;
using LtcInsurance.Web.Supervision;
using LtcInsurance.Web.Tenancy;
using LtcInsurance.Web.Ui;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

// http://localhost:5080 unless an address is given (ASPNETCORE_URLS, --urls, Kestrel:Endpoints); a default in
// appsettings.json would instead override ASPNETCORE_URLS, which is read before it.
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
    builder.WebHost.UseUrls("http://localhost:5080");

builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .Enrich.FromLogContext()
    .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
    .WriteTo.File(
        Path.Combine(builder.Configuration["Ltc:LogDirectory"] ?? Path.Combine(builder.Environment.ContentRootPath, "logs"), "ltc-web-.log"),
        rollingInterval: RollingInterval.Day,
        retainedFileCountLimit: 14,
        formatProvider: System.Globalization.CultureInfo.InvariantCulture));

builder.Services.AddLtcHosting(builder.Configuration);
builder.Services.AddLtcInfrastructure(builder.Configuration, builder.Environment);
builder.Services.AddLtcTenancy();
builder.Services.AddLtcSecurity(builder.Configuration, builder.Environment);
builder.Services.AddLtcLocalization();
builder.Services.AddLtcDiagnostics();
builder.Services.AddLtcUi(builder.Configuration);
builder.Services.AddLtcApi();

var app = builder.Build();

app.UseLtcHosting(); // before all: forwarded headers from known proxies only; security headers, on error responses too
// Errors first so that everything below is covered; never the developer exception page (no stack traces).
app.UseLtcErrorHandling();
app.UseSerilogRequestLogging(RequestLogEnrichment.Configure); // with the user and tenant of each request
app.UseRouting();
app.UseLtcSignInThrottling(); // sign-in posts per client address; after error handling, so a 429 gets the Chinese page
app.UseLtcLocalization();
app.UseAuthentication();
app.UseLtcApiAuthentication(); // /api/v1 answers without an endpoint of ours (404, 405, 415) see the API key too
app.UseAuthorization();
app.UseLtcPasswordChangeGate(); // one-time passwords: 修改密码 first
app.UseLtcAntiforgery();

app.MapStaticAssets().AllowAnonymous(); // Blazor's and MudBlazor's scripts, our css: fingerprinted, from the build's manifest, for everyone
app.MapLtcDiagnostics();
app.MapLtcAccountEndpoints();
app.MapLtcLocalizationEndpoints();
app.MapLedgerEndpoints();
app.MapReportEndpoints();
app.MapAuditEndpoints();
app.MapRegisterEndpoints();
app.MapProviderEndpoints();
app.MapSupervisionEndpoints();
app.MapPayerEndpoints();
app.MapAttachmentEndpoints();
app.MapAssessmentEndpoints();
app.MapClaimFileEndpoints();
app.MapLtcApi(); // /api/v1 (API keys), /openapi/v1.json, /scalar
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode()
    .RequireAuthorizationForFrameworkEndpoints();

// Migrate, verify row-level security (refuses to start when it is off) and seed the demo tenants.
var seedDemoData = app.Configuration.GetValue<bool?>("Ltc:SeedDemoData") ?? app.Environment.IsDevelopment();
await app.Services.InitializeLtcDatabaseAsync(seedDemoData);

await app.RunAsync();

/// <summary>Entry point; public partial so that tests can host the application.</summary>
public partial class Program;
