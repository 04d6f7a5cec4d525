using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace LtcInsurance.Web.Tests.Hosting;

/// <summary>
/// Test-only: takes the connection's peer address from <see cref="ProxyRequests.PeerHeader"/>, before the application's
/// pipeline runs, so one test process can play nginx at 10.0.0.10 and a stranger at 203.0.113.7.
/// </summary>
public sealed class PeerAddressStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(ProxyRequests.PeerHeader, out var peer))
                context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
            return nextMiddleware(context);
        });
        next(app);
    };
}
