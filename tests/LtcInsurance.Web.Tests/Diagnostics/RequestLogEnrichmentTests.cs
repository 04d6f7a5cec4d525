using System.Security.Claims;
using LtcInsurance.Application.Tenancy;
using LtcInsurance.Web.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.AspNetCore;

namespace LtcInsurance.Web.Tests.Diagnostics;

/// <summary>Each request's log line names the user and the tenant it acted for (issue #16, accountability).</summary>
public sealed class RequestLogEnrichmentTests
{
    [Fact]
    public void A_signed_in_request_is_logged_with_its_user_and_tenant()
    {
        var logged = Enrich(new ClaimsIdentity([new Claim(ClaimTypes.Name, "clerk.yulin")], "test"), "yulin");

        Assert.Equal("clerk.yulin", logged["UserName"]);
        Assert.Equal("yulin", logged["TenantId"]);
    }

    [Fact]
    public void An_anonymous_request_is_logged_with_dashes()
    {
        var logged = Enrich(new ClaimsIdentity(), "yulin");

        Assert.Equal(("-", "-"), (logged["UserName"], logged["TenantId"]));
    }

    [Fact]
    public void The_message_template_carries_user_and_tenant()
    {
        var options = new RequestLoggingOptions();
        RequestLogEnrichment.Configure(options);
        Assert.Contains("{UserName}", options.MessageTemplate, StringComparison.Ordinal);
        Assert.Contains("{TenantId}", options.MessageTemplate, StringComparison.Ordinal);
    }

    private static Dictionary<string, object?> Enrich(ClaimsIdentity identity, string tenant)
    {
        var options = new RequestLoggingOptions();
        RequestLogEnrichment.Configure(options);
        var http = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(identity),
            RequestServices = new ServiceCollection().AddSingleton<ICurrentTenant>(new Tenant(tenant)).BuildServiceProvider(),
        };
        var context = new CapturingContext();
        options.EnrichDiagnosticContext!(context, http);
        return context.Values;
    }

    private sealed record Tenant(string? TenantId) : ICurrentTenant;

    private sealed class CapturingContext : IDiagnosticContext
    {
        public Dictionary<string, object?> Values { get; } = [];

        public void Set(string propertyName, object? value, bool destructureObjects = false) => Values[propertyName] = value;

        public void SetException(Exception exception)
        {
        }
    }
}
